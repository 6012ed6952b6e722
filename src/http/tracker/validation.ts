// Workspace routes for the validation of a cycle: the page, the meeting, an indicator's status
// and sending an answer back. A form with errors comes back (400) with what was typed.

import { type Context, Hono } from "hono";
import { z } from "zod";
import { fieldReasons, isProblem } from "../../domain/shared/problem.ts";
import type { MessageKey } from "../../i18n/index.ts";
import {
  assessIndicator,
  getValidation,
  saveMeeting,
  sendBack,
  sendBackLink,
  type ValidationAt,
} from "../../services/tracker/validation.ts";
import { type FieldErrors, problemMessages } from "../../web/shared/forms.ts";
import { sendBackMail, sendBackWhatsappPage } from "../../web/tracker/pages/send-back.ts";
import { type ValidationPageState, validationPage } from "../../web/tracker/pages/validation.ts";
import type { AppEnv } from "../shared/env.ts";
import { parseOr404, slugParam } from "../shared/params.ts";
import { publicBase, viewOf } from "../shared/view.ts";
import { indicatorCodeParam } from "./params.ts";

const slug = slugParam;
const code = indicatorCodeParam;
const answerId = z.coerce.number().int().positive().max(2_147_483_647);
const saved = z.string().regex(/^(meeting|i-[a-z]{1,2}|a-\d{1,10})$/);
const emailed = z.coerce.number().int().min(0).max(1000);
const pageNumber = z.coerce.number().int().positive().max(1_000_000);

// What was typed, as text (missing or a file reads as ""): lengths are the service's to judge,
// with the limit beside the field.
const text = z.string().catch("");
const meetingForm = z.object({
  title: text,
  title_en: text,
  held_on: text,
  place: text,
  participants: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(
      z.array(
        z
          .string()
          .regex(/^\d{1,10}$/)
          .transform(Number),
      ),
    ),
});
const assessForm = z.object({ status: text, narrative: text, narrative_en: text });
const returnForm = z.object({ comment: text });

/** Form field names → the keys errors are shown under on the page. */
const FIELD_OF: Record<string, string> = {
  held_on: "heldOn",
  title_en: "titleEn",
  narrative_en: "narrativeEn",
};

/** The message shown beside each field a service may refuse, unless it is too long. */
const MESSAGES: Record<string, MessageKey> = {
  title: "val.error.title",
  heldOn: "val.error.heldOn",
  place: "val.error.place",
  participants: "val.error.participants",
  status: "val.error.status",
  narrative: "val.error.narrative",
  comment: "val.error.comment",
};

/** Reads a form; only the participants can break the schema (an id that is not a number). */
async function readForm<T>(
  c: Context<AppEnv>,
  schema: z.ZodType<T>,
): Promise<{ data: T; errors: null } | { data: null; errors: FieldErrors }> {
  const parsed = schema.safeParse(await c.req.parseBody({ all: true }));
  if (parsed.success) return { data: parsed.data, errors: null };
  const { t } = viewOf(c);
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? "");
    errors[FIELD_OF[name] ?? name] = t(MESSAGES[name] ?? "form.invalid");
  }
  return { data: null, errors };
}

/** A refused field becomes an error beside it; any other problem goes to the error handler. */
function fieldError(c: Context<AppEnv>, error: unknown): FieldErrors {
  if (!isProblem(error) || error.code !== "invalid_input") throw error;
  const reasons = fieldReasons(error);
  const fields = Object.keys(reasons);
  if (fields.length === 0 || fields.some((f) => !MESSAGES[f] && reasons[f] !== "too_long"))
    throw error;
  // Each field's own words for what is missing or wrong; the general words, with the limit,
  // for what is too long.
  const specific = Object.fromEntries(
    fields.flatMap((f) => {
      const key = MESSAGES[f];
      return key && reasons[f] !== "too_long" ? [[`${f}.${reasons[f]}`, key]] : [];
    }),
  );
  return problemMessages(viewOf(c), error, specific);
}

const one = (v: unknown): string => (typeof v === "string" ? v : "");

/** The page a form that was sent (or just saved) sits on: an answer's, an indicator's last. */
function whereFormIs(state: ValidationPageState): ValidationAt {
  const saved = state.saved ?? "";
  if (state.answer) return { answer: state.answer.id };
  if (state.indicator) return { indicator: state.indicator.code };
  if (saved.startsWith("a-")) return { answer: Number(saved.slice(2)) };
  if (saved.startsWith("i-")) return { indicator: saved.slice(2) };
  return { page: 1 };
}

export function validationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const path = "/manage/cycles/:cycle/validation";

  async function render(
    c: Context<AppEnv>,
    cycle: string,
    state: ValidationPageState,
    status: 200 | 400 = 200,
    at?: ValidationAt,
  ) {
    const data = await getValidation(
      c.get("deps").db,
      c.get("actor"),
      cycle,
      c.get("lang"),
      at ?? whereFormIs(state),
    );
    return c.html(validationPage(viewOf(c, { form: true }), data, state), status);
  }

  const back = (cycle: string, anchor: string) =>
    `/manage/cycles/${encodeURIComponent(cycle)}/validation?saved=${anchor}#${anchor}`;

  app.get(path, async (c) => {
    const cycle = parseOr404(slug, c.req.param("cycle"), "cycle");
    const done = saved.safeParse(c.req.query("saved"));
    const sent = emailed.safeParse(c.req.query("emailed"));
    const state: ValidationPageState = done.success
      ? { saved: done.data, ...(sent.success ? { emailed: sent.data } : {}) }
      : {};
    // A page number names a page (one beyond the last is not found); otherwise the page holding
    // what was just saved, or the answer a link points to (?answer=), or the first.
    const asked = c.req.query("page");
    const answer = c.req.query("answer");
    const at: ValidationAt =
      asked !== undefined
        ? { page: parseOr404(pageNumber, asked, "page") }
        : answer !== undefined
          ? { answer: parseOr404(answerId, answer, "answer") }
          : whereFormIs(state);
    return render(c, cycle, state, 200, at);
  });

  app.post(`${path}/meeting`, async (c) => {
    const cycle = parseOr404(slug, c.req.param("cycle"), "cycle");
    const form = await readForm(c, meetingForm);
    let errors: FieldErrors = form.errors ?? {};
    if (form.data) {
      const f = form.data;
      try {
        const input = { title: f.title, titleEn: f.title_en, heldOn: f.held_on, place: f.place };
        await saveMeeting(
          c.get("deps").db,
          c.get("actor"),
          cycle,
          { ...input, participantIds: f.participants },
          c.get("lang"),
        );
        return c.redirect(back(cycle, "meeting"), 303);
      } catch (error) {
        errors = fieldError(c, error);
      }
    }
    const body = await c.req.parseBody({ all: true });
    const ids = [body.participants ?? []].flat().map((v) => Number(one(v)));
    const values = {
      title: one(body.title),
      titleEn: one(body.title_en),
      heldOn: one(body.held_on),
      place: one(body.place),
      participantIds: ids.filter(Number.isInteger),
    };
    return render(c, cycle, { meeting: { values, errors } }, 400);
  });

  app.post(`${path}/indicators/:code`, async (c) => {
    const cycle = parseOr404(slug, c.req.param("cycle"), "cycle");
    const indicator = parseOr404(code, c.req.param("code"), "indicator");
    const form = await readForm(c, assessForm);
    let errors: FieldErrors = form.errors ?? {};
    if (form.data) {
      const input = {
        indicatorCode: indicator,
        status: form.data.status,
        narrative: form.data.narrative,
        narrativeEn: form.data.narrative_en,
      };
      try {
        await assessIndicator(c.get("deps").db, c.get("actor"), cycle, input, c.get("lang"));
        return c.redirect(back(cycle, `i-${indicator}`), 303);
      } catch (error) {
        errors = fieldError(c, error);
      }
    }
    const body = await c.req.parseBody();
    const values = {
      status: one(body.status),
      narrative: one(body.narrative),
      narrativeEn: one(body.narrative_en),
    };
    return render(c, cycle, { indicator: { code: indicator, values, errors } }, 400);
  });

  app.post(`${path}/answers/:id/return`, async (c) => {
    const cycle = parseOr404(slug, c.req.param("cycle"), "cycle");
    const id = parseOr404(answerId, c.req.param("id"), "answer");
    const form = await readForm(c, returnForm);
    let errors: FieldErrors = form.errors ?? {};
    if (form.data) {
      try {
        const sent = await sendBack(
          c.get("deps").db,
          c.get("actor"),
          cycle,
          id,
          form.data.comment,
          c.get("lang"),
          { baseUrl: publicBase(c), message: sendBackMail() },
        );
        const anchor = `a-${id}`;
        return c.redirect(
          `${path.replace(":cycle", encodeURIComponent(cycle))}?saved=${anchor}&emailed=${sent.emailed}#${anchor}`,
          303,
        );
      } catch (error) {
        errors = fieldError(c, error);
      }
    }
    const comment = one((await c.req.parseBody()).comment);
    return render(c, cycle, { answer: { id, comment, errors } }, 400);
  });

  // The link is shown once, on this response: it is not stored, so the page must not be cached.
  app.post(`${path}/answers/:id/whatsapp`, async (c) => {
    const cycle = parseOr404(slug, c.req.param("cycle"), "cycle");
    const id = parseOr404(answerId, c.req.param("id"), "answer");
    const link = await sendBackLink(
      c.get("deps").db,
      c.get("actor"),
      cycle,
      id,
      publicBase(c),
      c.get("lang"),
    );
    c.header("Cache-Control", "no-store");
    return c.html(sendBackWhatsappPage(viewOf(c), { ...link, answerId: id }));
  });

  return app;
}
