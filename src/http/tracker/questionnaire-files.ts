// The questionnaire as a file over HTTP: GET …/questionnaire.xlsx downloads it, …/questionnaire.docx
// and .pdf print it (`?blank=1`: without answers; same access as the page), POST …/import uploads it back (multipart, field `file`; app.ts allows it 10 MB).

import { type Context, Hono } from "hono";
import { recordExport } from "../../services/shared/audit.ts";
import type { Renderer } from "../../services/shared/rendering.ts";
import { getQuestionnaire } from "../../services/tracker/questionnaire.ts";
import {
  importQuestionnaire,
  PRINT_MEDIA_TYPES,
  printableQuestionnaire,
  questionnaireWorkbook,
  XLSX_MEDIA_TYPE,
} from "../../services/tracker/questionnaire-files.ts";
import type { WorkbookReader } from "../../services/tracker/upload-reading.ts";
import { importResultPage } from "../../web/tracker/pages/questionnaire-files.ts";
import type { AppEnv } from "../shared/env.ts";
import { PROBLEM_STATUS } from "../shared/errors.ts";
import { slugParam } from "../shared/params.ts";
import { viewOf } from "../shared/view.ts";

const slug = slugParam;

/** Where uploads go: app.ts gives these paths the larger body limit. */
export const UPLOAD_PATH = /^\/q\/[^/]+\/[^/]+\/import$/;

const params = (c: Context<AppEnv>) => ({
  cycleSlug: slug.catch("-").parse(c.req.param("cycle")),
  partnerSlug: slug.catch("-").parse(c.req.param("partner")),
});

/**
 * Refuses an upload (401, 403 or 404, as the page would answer) before its body is read, unless
 * the session may open that questionnaire: only then does app.ts allow the large body.
 */
export async function authoriseUpload(c: Context<AppEnv>): Promise<void> {
  const match = /^\/q\/([^/]+)\/([^/]+)\/import$/.exec(c.req.path);
  const cycleSlug = slug.catch("-").parse(match?.[1] ?? "");
  const partnerSlug = slug.catch("-").parse(match?.[2] ?? "");
  // The questionnaire's own check: a visitor is asked to sign in, another partner finds nothing.
  await getQuestionnaire(c.get("deps").db, c.get("actor"), cycleSlug, partnerSlug, c.get("lang"));
}

export function questionnaireFileRoutes(renderer: Renderer, reader: WorkbookReader): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/q/:cycle/:partner/questionnaire.xlsx", async (c) => {
    const { cycleSlug, partnerSlug } = params(c);
    const file = await questionnaireWorkbook(
      c.get("deps").db,
      c.get("actor"),
      cycleSlug,
      partnerSlug,
      c.get("lang"),
      renderer,
    );
    await recordExport(c.get("deps").db, c.get("actor"), {
      kind: "questionnaire",
      cycle: cycleSlug,
      partner: partnerSlug,
      format: "xlsx",
    });
    c.header("Content-Type", XLSX_MEDIA_TYPE);
    c.header("Content-Disposition", `attachment; filename="${file.name}"`);
    c.header("Cache-Control", "private, no-store");
    return c.body(new Uint8Array(file.bytes), 200);
  });

  // The printable form: `?blank=1` leaves out every answer.
  for (const format of ["docx", "pdf"] as const) {
    app.get(`/q/:cycle/:partner/questionnaire.${format}`, async (c) => {
      const { cycleSlug, partnerSlug } = params(c);
      const file = await printableQuestionnaire(
        c.get("deps").db,
        c.get("actor"),
        cycleSlug,
        partnerSlug,
        { format, blank: c.req.query("blank") === "1" },
        c.get("lang"),
        renderer,
      );
      await recordExport(c.get("deps").db, c.get("actor"), {
        kind: "questionnaire",
        cycle: cycleSlug,
        partner: partnerSlug,
        format,
        blank: c.req.query("blank") === "1",
      });
      c.header("Content-Type", PRINT_MEDIA_TYPES[format]);
      c.header("Content-Disposition", `attachment; filename="${file.name}"`);
      c.header("Cache-Control", "private, no-store");
      return c.body(new Uint8Array(file.bytes), 200);
    });
  }

  app.post("/q/:cycle/:partner/import", async (c) => {
    const { cycleSlug, partnerSlug } = params(c);
    const db = c.get("deps").db;
    const actor = c.get("actor");
    const lang = c.get("lang");
    // Authorises first (and 404s another partner's questionnaire) before reading the file.
    const q = await getQuestionnaire(db, actor, cycleSlug, partnerSlug, lang);
    const body = await c.req.parseBody();
    const view = viewOf(c, { form: true });
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      return c.html(importResultPage(view, q, { ok: false, reason: "missing" }), 400);
    const result = await importQuestionnaire(
      db,
      actor,
      new Uint8Array(await file.arrayBuffer()),
      { dryRun: body.dryRun === "1", expected: { cycleSlug, partnerSlug } },
      lang,
      reader,
    );
    const tooBig =
      !result.ok && (result.reason === "too_large" || result.reason === "too_expanded");
    const status = result.ok
      ? 200
      : tooBig
        ? PROBLEM_STATUS.too_large
        : PROBLEM_STATUS.invalid_input;
    return c.html(importResultPage(view, q, result), status);
  });

  return app;
}
