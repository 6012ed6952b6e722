// The partner questionnaire over HTTP: the page and its plain form posts (no JavaScript needed),
// and a JSON API with ETag / If-Match and client ids for the offline outbox.

import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { INT4_MAX, parseVersionTag } from "../../domain/shared/input.ts";
import { ownerKey } from "../../domain/shared/policy.ts";
import { isProblem, Problem } from "../../domain/shared/problem.ts";
import {
  type AnswerInput,
  getQuestionnaire,
  questionnairesFor,
  type SaveRequest,
  saveAnswer,
} from "../../services/tracker/questionnaire.ts";
import { QUESTIONNAIRE_JS, QUESTIONNAIRE_JS_PATH } from "../../web/client.ts";
import { type FormState, questionnairePage } from "../../web/tracker/pages/questionnaire.ts";
import type { AppEnv } from "../shared/env.ts";
import { PROBLEM_STATUS } from "../shared/errors.ts";
import { slugParam } from "../shared/params.ts";
import { viewOf } from "../shared/view.ts";
import { indicatorCodeParam } from "./params.ts";

const slug = slugParam;
const code = indicatorCodeParam;

// Rows are taken as typed (a quantity as a JSON number or as text such as "12,5"): the service
// reads them with the domain's rule and keeps the ones that are not valid yet in the draft.
const answerJson = z.object({
  contributes: z.enum(["yes", "no", "unknown"]),
  activities: z.string().max(20_000).nullable(),
  collaboratorIds: z.array(z.number().int().positive().max(INT4_MAX)).max(200),
  collaboratorsText: z.string().max(2_000).nullable(),
  difficulties: z.string().max(20_000).nullable(),
  outputs: z
    .array(
      z.object({
        value: z.union([z.number().finite(), z.string().max(100)]),
        unit: z.string().max(200),
      }),
    )
    .max(50),
  evidence: z
    .array(z.object({ url: z.string().max(2_000), title: z.string().max(500).nullable() }))
    .max(50),
});

const saveJson = z.object({ answer: answerJson, submit: z.boolean().default(false) });

const nullable = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
const list = (v: unknown): string[] =>
  ([] as unknown[]).concat(v ?? []).map((x) => (typeof x === "string" ? x : ""));

/** Reads one indicator's form as typed: every row kept, the domain says which are valid. */
function readForm(body: Record<string, unknown>): AnswerInput {
  const contributes =
    body.contributes === "yes" || body.contributes === "no" ? body.contributes : "unknown";
  const units = list(body.outputUnit);
  const titles = list(body.evidenceTitle);
  return {
    contributes,
    activities: nullable(body.activities),
    collaboratorIds: list(body.collaborators)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0),
    collaboratorsText: nullable(body.collaboratorsText),
    difficulties: nullable(body.difficulties),
    outputs: list(body.outputValue).map((value, i) => ({ value, unit: units[i] ?? "" })),
    evidence: list(body.evidenceUrl).map((url, i) => ({ url, title: nullable(titles[i]) })),
  };
}

/** A submission refused by the domain's rule, as the field it is about. */
function refusal(error: unknown): FormState["refused"] | null {
  if (!isProblem(error) || error.code !== "invalid_input") return null;
  if (error.subject === "contributes") return "contributes";
  if (error.subject === "outputs" || error.subject === "evidence") return "rows";
  return null;
}

const params = (c: Context<AppEnv>) => ({
  cycleSlug: slug.catch("-").parse(c.req.param("cycle")),
  partnerSlug: slug.catch("-").parse(c.req.param("partner")),
});

export function questionnaireRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(QUESTIONNAIRE_JS_PATH, (c) => {
    c.header("Cache-Control", "public, max-age=31536000, immutable");
    return c.body(QUESTIONNAIRE_JS, 200, { "content-type": "text/javascript; charset=utf-8" });
  });

  app.get("/q", async (c) => {
    const found = await questionnairesFor(c.get("deps").db, c.get("actor"), c.get("lang"));
    const first = found[0];
    if (!first) return c.redirect("/", 303);
    return c.redirect(`/q/${first.cycleSlug}/${first.partnerSlug}`, 303);
  });

  app.get("/q/:cycle/:partner", async (c) => {
    const { cycleSlug, partnerSlug } = params(c);
    const q = await getQuestionnaire(
      c.get("deps").db,
      c.get("actor"),
      cycleSlug,
      partnerSlug,
      c.get("lang"),
    );
    c.header("Cache-Control", "private, no-store");
    // After a plain form post, the indicator just saved says so.
    const saved = c.req.query("saved");
    const submitted = c.req.query("submitted");
    const kept = c.req.query("kept");
    const state: FormState | undefined = submitted
      ? { code: submitted, notice: "submitted" }
      : saved
        ? { code: saved, notice: "saved" }
        : kept
          ? { code: kept, notice: "kept" }
          : undefined;
    return c.html(questionnairePage(viewOf(c, { form: true }), q, state));
  });

  app.post("/q/:cycle/:partner/:code", async (c) => {
    const { cycleSlug, partnerSlug } = params(c);
    const indicatorCode = code.catch("-").parse(c.req.param("code"));
    const body = await c.req.parseBody({ all: true });
    const view = viewOf(c, { form: true });
    const typed = readForm(body);
    const version = parseVersionTag(typeof body.version === "string" ? body.version : "0");
    if (version === null) throw new Problem("invalid_input", "version", { field: "version" });
    const submit = body.action === "submit";
    // Only staff entries carry a method; saveAnswer ignores it for anyone else.
    const method = body.method === "document_review" ? "document_review" : "interview";
    const db = c.get("deps").db;
    const actor = c.get("actor");
    const lang = c.get("lang");
    const again = async (state: FormState, status: ContentfulStatusCode) => {
      const q = await getQuestionnaire(db, actor, cycleSlug, partnerSlug, lang);
      return c.html(questionnairePage(view, q, state), status);
    };
    let result: Awaited<ReturnType<typeof saveAnswer>>;
    try {
      result = await saveAnswer(
        db,
        actor,
        {
          cycleSlug,
          partnerSlug,
          indicatorCode,
          answer: typed,
          ifMatch: version,
          clientId: null,
          submit,
          method,
        },
        lang,
      );
    } catch (error) {
      if (isProblem(error) && error.code === "conflict" && error.subject === "cycle_state") {
        return again(
          { code: indicatorCode, typed, version, notice: "closed" },
          PROBLEM_STATUS.conflict,
        );
      }
      // A refused submission comes back as typed, the reason beside its field; nothing is lost.
      const refused = refusal(error);
      if (refused)
        return again(
          { code: indicatorCode, typed, version, refused },
          PROBLEM_STATUS.invalid_input,
        );
      throw error;
    }
    if (result.outcome === "stale") {
      // Shown as a conflict to resolve: the stored version beside what was typed, never merged.
      return again(
        {
          code: indicatorCode,
          typed,
          version: result.current?.version ?? 0,
          conflict: result.current,
        },
        PROBLEM_STATUS.stale,
      );
    }
    if (result.outcome === "mismatch") throw new Error("a form post carries no client id");
    // "saved" only when everything was; rows kept as typed are listed on the page it goes back to.
    const notice = result.outcome === "partial" ? "kept" : submit ? "submitted" : "saved";
    return c.redirect(
      `/q/${cycleSlug}/${partnerSlug}?${notice}=${indicatorCode}#i-${indicatorCode}`,
      303,
    );
  });

  app.get("/api/q/:cycle/:partner", async (c) => {
    const { cycleSlug, partnerSlug } = params(c);
    const q = await getQuestionnaire(
      c.get("deps").db,
      c.get("actor"),
      cycleSlug,
      partnerSlug,
      c.get("lang"),
    );
    c.header("Cache-Control", "private, no-store");
    return c.json(q);
  });

  app.put("/api/q/:cycle/:partner/:code", async (c) => {
    const { cycleSlug, partnerSlug } = params(c);
    const indicatorCode = code.catch("-").parse(c.req.param("code"));
    const parsed = saveJson.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) {
      return c.json(
        {
          error: "invalid_input",
          issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        },
        400,
      );
    }
    // Without If-Match the service refuses the write (428) once it knows the writer may write.
    const ifMatch = c.req.header("if-match");
    const expected = ifMatch ? parseVersionTag(ifMatch) : null;
    if (ifMatch && expected === null)
      return c.json({ error: "invalid_input", subject: "if-match" }, 400);
    // A write queued offline under one session is never stored under another (a shared phone).
    const owner = c.req.header("x-jalon-owner");
    if (owner !== undefined && owner !== ownerKey(c.get("actor")))
      return c.json({ error: "owner" }, 403);
    const clientId = c.req.header("x-client-id") ?? null;
    if (clientId !== null && !/^[A-Za-z0-9_-]{8,64}$/.test(clientId)) {
      return c.json({ error: "invalid_input", subject: "x-client-id" }, 400);
    }
    const request: SaveRequest = {
      cycleSlug,
      partnerSlug,
      indicatorCode,
      answer: parsed.data.answer,
      ifMatch: expected,
      clientId,
      submit: parsed.data.submit,
    };
    const result = await saveAnswer(c.get("deps").db, c.get("actor"), request, c.get("lang"));
    if (result.outcome === "stale")
      return c.json({ error: "stale", current: result.current }, PROBLEM_STATUS.stale);
    // A client id reused with another body (or for another answer) is refused as the IETF
    // Idempotency-Key draft says (422), with the stored answer and the body sent side by side.
    if (result.outcome === "mismatch") {
      return c.json({ error: "client_id_reused", current: result.current, sent: result.sent }, 422);
    }
    c.header("ETag", `"${result.version}"`);
    return c.json({
      outcome: result.outcome,
      version: result.version,
      state: result.state,
      problems: result.problems,
      progress: result.progress,
    });
  });

  return app;
}
