// The English edition's translations over HTTP: the list of what lacks English (workspace
// readers) and the forms giving it (validation writers). A refused field comes back beside its
// field with what was typed, and nothing of that form is stored.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { isProblem, type Problem } from "../../domain/shared/problem.ts";
import { isResponseTextField, type ResponseTextField } from "../../domain/tracker/translation.ts";
import { formatNumber } from "../../i18n/index.ts";
import {
  type AnswerTranslationInput,
  answerTranslationForm,
  listsTranslationForm,
  MAX_TRANSLATION_LENGTH,
  narrativeTranslationForm,
  respondentTranslationForm,
  saveAnswerTranslations,
  saveListTranslations,
  saveNarrativeTranslation,
  saveRespondentTranslations,
} from "../../services/tracker/translations.ts";
import { missingTranslations } from "../../services/tracker/translations-missing.ts";
import {
  answerFirstPage,
  answerTranslationPage,
  listsTranslationPage,
  narrativeTranslationPage,
  type TranslationFormState,
  translationsPage,
} from "../../web/tracker/pages/translations.ts";
import type { AppEnv } from "../shared/env.ts";
import { parseOr404, slugParam } from "../shared/params.ts";
import { viewOf } from "../shared/view.ts";
import { indicatorCodeParam } from "./params.ts";

const rowId = z.coerce.number().int().positive().max(2_147_483_647);
const path = "/manage/cycles/:cycle/translations";

async function typedBody(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(body).flatMap(([k, v]) =>
      typeof v === "string" && k !== "_csrf" ? [[k, v.replace(/\r\n/g, "\n")]] : [],
    ),
  );
}

/** A field refused as too long, told beside it; any other problem goes to the one error map. */
function refusal(c: Context<AppEnv>, error: unknown, name: (subject: string) => string) {
  if (!isProblem(error) || error.code !== "invalid_input") throw error;
  const view = viewOf(c, { form: true });
  const problem = error as Problem;
  return {
    [name(problem.subject)]: view.t("form.tooLongMax", {
      max: formatNumber(view.lang, MAX_TRANSLATION_LENGTH),
    }),
  };
}

/** The answer form's fields: English texts by field, English units by their French. */
function answerInput(typed: Record<string, string>): AnswerTranslationInput {
  const texts: Partial<Record<ResponseTextField, string>> = {};
  const units: Record<string, string> = {};
  for (const [key, value] of Object.entries(typed)) {
    const field = key.startsWith("text.") ? key.slice(5) : "";
    if (isResponseTextField(field)) texts[field] = value;
    const unit = /^unit_fr\.(\d+)$/.exec(key);
    if (unit) units[value] = typed[`unit_en.${unit[1]}`] ?? "";
  }
  return { texts, units };
}

function answerRefusal(c: Context<AppEnv>, error: unknown, typed: Record<string, string>) {
  return refusal(c, error, (subject) =>
    subject === "unit"
      ? (Object.keys(typed).find(
          (k) => k.startsWith("unit_en.") && (typed[k] ?? "").length > MAX_TRANSLATION_LENGTH,
        ) ?? "unit")
      : `text.${subject}`,
  );
}

export function translationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cycleOf = (c: Context<AppEnv>) => parseOr404(slugParam, c.req.param("cycle"), "cycle");

  app.get(path, async (c) => {
    const data = await missingTranslations(
      c.get("deps").db,
      c.get("actor"),
      cycleOf(c),
      c.get("lang"),
    );
    return c.html(translationsPage(viewOf(c), data));
  });

  const answerPage = async (c: Context<AppEnv>, state: TranslationFormState, status: 200 | 400) => {
    const id = parseOr404(rowId, c.req.param("id"), "answer");
    const data = await answerTranslationForm(
      c.get("deps").db,
      c.get("actor"),
      cycleOf(c),
      id,
      c.get("lang"),
    );
    return c.html(answerTranslationPage(viewOf(c, { form: true }), data, state), status);
  };
  app.get(`${path}/answers/:id`, (c) => answerPage(c, {}, 200));
  app.post(`${path}/answers/:id`, async (c) => {
    const id = parseOr404(rowId, c.req.param("id"), "answer");
    const typed = await typedBody(c);
    const { texts, units } = answerInput(typed);
    try {
      await saveAnswerTranslations(
        c.get("deps").db,
        c.get("actor"),
        cycleOf(c),
        id,
        { texts, units },
        c.get("lang"),
      );
    } catch (error) {
      return answerPage(c, { typed, errors: answerRefusal(c, error, typed) }, 400);
    }
    return answerPage(c, { notice: viewOf(c).t("tr.saved") }, 200);
  });

  const narrativePage = async (
    c: Context<AppEnv>,
    state: TranslationFormState,
    status: 200 | 400,
  ) => {
    const id = parseOr404(rowId, c.req.param("id"), "indicator");
    const data = await narrativeTranslationForm(
      c.get("deps").db,
      c.get("actor"),
      cycleOf(c),
      id,
      c.get("lang"),
    );
    return c.html(narrativeTranslationPage(viewOf(c, { form: true }), data, state), status);
  };
  app.get(`${path}/indicators/:id`, (c) => narrativePage(c, {}, 200));
  app.post(`${path}/indicators/:id`, async (c) => {
    const id = parseOr404(rowId, c.req.param("id"), "indicator");
    const typed = await typedBody(c);
    try {
      await saveNarrativeTranslation(
        c.get("deps").db,
        c.get("actor"),
        cycleOf(c),
        id,
        typed.narrative_en ?? "",
        c.get("lang"),
      );
    } catch (error) {
      return narrativePage(c, { typed, errors: refusal(c, error, () => "narrative_en") }, 400);
    }
    return narrativePage(c, { notice: viewOf(c).t("tr.saved") }, 200);
  });

  const listsPage = async (c: Context<AppEnv>, state: TranslationFormState, status: 200 | 400) => {
    const data = await listsTranslationForm(
      c.get("deps").db,
      c.get("actor"),
      cycleOf(c),
      c.get("lang"),
    );
    return c.html(listsTranslationPage(viewOf(c, { form: true }), data, state), status);
  };
  app.get(`${path}/lists`, (c) => listsPage(c, {}, 200));
  app.post(`${path}/lists`, async (c) => {
    const typed = await typedBody(c);
    try {
      await saveListTranslations(
        c.get("deps").db,
        c.get("actor"),
        cycleOf(c),
        typed,
        c.get("lang"),
      );
    } catch (error) {
      return listsPage(c, { typed, errors: refusal(c, error, (subject) => subject) }, 400);
    }
    return listsPage(c, { notice: viewOf(c).t("tr.saved") }, 200);
  });

  // The respondent's own answer, from the questionnaire (optional).
  const own = (c: Context<AppEnv>) => {
    const cycle = parseOr404(slugParam, c.req.param("cycle"), "cycle");
    const partner = parseOr404(slugParam, c.req.param("partner"), "partner");
    const code = parseOr404(indicatorCodeParam, c.req.param("code"), "indicator");
    const back = `/q/${encodeURIComponent(cycle)}/${encodeURIComponent(partner)}#i-${code}`;
    return { cycle, partner, code, back, action: `/q/${cycle}/${partner}/${code}/english` };
  };
  const ownPage = async (c: Context<AppEnv>, state: TranslationFormState, status: 200 | 400) => {
    const o = own(c);
    const view = viewOf(c, { form: true });
    c.header("Cache-Control", "private, no-store");
    const data = await respondentTranslationForm(
      c.get("deps").db,
      c.get("actor"),
      o.cycle,
      o.partner,
      o.code,
      c.get("lang"),
    );
    if (!data) return c.html(answerFirstPage(view, o.back), status);
    return c.html(answerTranslationPage(view, data, state, o), status);
  };
  app.get("/q/:cycle/:partner/:code/english", (c) => ownPage(c, {}, 200));
  app.post("/q/:cycle/:partner/:code/english", async (c) => {
    const o = own(c);
    const typed = await typedBody(c);
    try {
      await saveRespondentTranslations(
        c.get("deps").db,
        c.get("actor"),
        o.cycle,
        o.partner,
        o.code,
        answerInput(typed),
        c.get("lang"),
      );
    } catch (error) {
      return ownPage(c, { typed, errors: answerRefusal(c, error, typed) }, 400);
    }
    return ownPage(c, { notice: viewOf(c).t("tr.saved") }, 200);
  });

  return app;
}
