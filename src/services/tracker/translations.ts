// The English edition's free texts: the forms where the coordinator or a validator gives their
// English — an answer's activities, collaborators, difficulties and output units, an indicator's
// narrative, the cycle's difficulties and recommendations — and where a respondent gives that
// of its own answer. What is still missing is listed by translations-missing.ts; report texts
// keep their own editor.

import { listAssessments } from "../../db/tracker/assessments.ts";
import { listCycleRecommendations, listDifficulties } from "../../db/tracker/difficulties.ts";
import { listMappings } from "../../db/tracker/mappings.ts";
import { listResponses } from "../../db/tracker/responses.ts";
import {
  listResponseTexts,
  listStoredTranslations,
  listUnitTranslations,
  saveEnglishColumn,
  saveResponseTranslation,
  saveUnitTranslation,
} from "../../db/tracker/translations.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { notFound, Problem } from "../../domain/shared/problem.ts";
import { indicatorNumber } from "../../domain/tracker/commitment.ts";
import { partnerShortName } from "../../domain/tracker/partner.ts";
import { RESPONSE_TEXT_FIELDS, type ResponseTextField } from "../../domain/tracker/translation.ts";
import { authorise, requireSignedIn } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import { commitmentsIn, loadTrackerCycle, partnersIn, processIndicatorsIn } from "./context.ts";
import { locate, noQuestionnaire } from "./questionnaire.ts";

export const MAX_TRANSLATION_LENGTH = 5_000;

export const translationsBase = (slug: string) =>
  `/manage/cycles/${encodeURIComponent(slug)}/translations`;

/** The cycle, its tracker and its indicators in report order, with their numbers. */
export async function cycleParts(db: Db, slug: string, lang: Lang) {
  const { tracker, cycle } = await loadTrackerCycle(db, slug, lang);
  const [commitments, indicators] = await Promise.all([
    commitmentsIn(db, tracker.id, lang),
    processIndicatorsIn(db, tracker.id, lang),
  ]);
  const commitmentNumber = new Map(commitments.map((c) => [c.id, c.number]));
  const numberOf = new Map(
    indicators.map((i) => [i.id, indicatorNumber(commitmentNumber.get(i.commitmentId) ?? 0, i)]),
  );
  // Indicators in report order: by commitment, then position.
  const ordered = [...indicators].sort(
    (a, b) =>
      (commitmentNumber.get(a.commitmentId) ?? 0) - (commitmentNumber.get(b.commitmentId) ?? 0) ||
      a.position - b.position,
  );
  return { tracker, cycle, indicators: ordered, numberOf };
}

/** One English text as typed: trimmed, empty meaning "none", refused beyond the limit. */
function checked(field: string, value: string | undefined): string | null {
  const text = (value ?? "").replace(/\r\n/g, "\n").trim();
  if (text.length > MAX_TRANSLATION_LENGTH)
    throw new Problem("invalid_input", field, { max: MAX_TRANSLATION_LENGTH, reason: "too_long" });
  return text === "" ? null : text;
}

async function answerOf(db: Db, slug: string, responseId: number, lang: Lang) {
  const parts = await cycleParts(db, slug, lang);
  const [response] = await listResponses(db, { cycleIds: [parts.cycle.id], ids: [responseId] });
  if (!response || response.cycleId !== parts.cycle.id) throw notFound("answer", responseId);
  return { ...parts, response };
}

/** The English of one answer's free texts and units, beside their French. */
export async function answerTranslationForm(
  db: Db,
  actor: Actor,
  slug: string,
  responseId: number,
  lang: Lang,
) {
  authorise(actor, "workspace.read");
  return answerFormOf(db, slug, responseId, lang);
}

async function answerFormOf(db: Db, slug: string, responseId: number, lang: Lang) {
  const { tracker, cycle, response, numberOf, indicators } = await answerOf(
    db,
    slug,
    responseId,
    lang,
  );
  const [texts, stored, units, partners] = await Promise.all([
    listResponseTexts(db, { responseIds: [response.id] }),
    listStoredTranslations(db, response.id),
    listUnitTranslations(db, tracker.id),
    partnersIn(db, tracker.id, lang, [response.partnerId]),
  ]);
  const own = texts.get(response.id);
  const indicator = indicators.find((i) => i.id === response.indicatorId);
  return {
    cycle: { slug: cycle.slug, label: cycle.label },
    answer: {
      id: response.id,
      partner: partners[0] ? partnerShortName(partners[0]) : "?",
      indicator: `${numberOf.get(response.indicatorId) ?? "?"} ${indicator?.title ?? ""}`.trim(),
      fields: RESPONSE_TEXT_FIELDS.flatMap((field) => {
        const text = own?.[field];
        if (!text) return [];
        // An outdated English is offered to be brought up to date, not printed.
        return [
          {
            field,
            fr: text.fr,
            en: text.en ?? stored.get(field)?.textEn ?? "",
            outdated: text.outdated,
          },
        ];
      }),
      units: [...new Set(response.outputs.map((o) => o.unit))].map((unit) => ({
        unit,
        en: units.get(unit) ?? "",
      })),
    },
  };
}

export interface AnswerTranslationInput {
  texts: Partial<Record<ResponseTextField, string>>;
  /** English by French unit; a unit's English holds for every answer of the tracker. */
  units: Record<string, string>;
}

/** Saves the English of an answer's free texts and units, in one audited transaction. */
export async function saveAnswerTranslations(
  db: Db,
  actor: Actor,
  slug: string,
  responseId: number,
  input: AnswerTranslationInput,
  lang: Lang,
): Promise<void> {
  authorise(actor, "validation.write");
  await saveAnswerTranslationsOf(db, actorLabel(actor), slug, responseId, input, lang);
}

async function saveAnswerTranslationsOf(
  db: Db,
  by: string,
  slug: string,
  responseId: number,
  input: AnswerTranslationInput,
  lang: Lang,
): Promise<void> {
  const { tracker, response } = await answerOf(db, slug, responseId, lang);
  const texts = (await listResponseTexts(db, { responseIds: [response.id] })).get(response.id);
  const fields = RESPONSE_TEXT_FIELDS.flatMap((field) => {
    const fr = texts?.[field]?.fr;
    if (fr === undefined || !(field in input.texts)) return [];
    return [{ field, fr, en: checked(field, input.texts[field]) }];
  });
  const answerUnits = new Set(response.outputs.map((o) => o.unit));
  const units = Object.entries(input.units)
    .filter(([unit]) => answerUnits.has(unit))
    .map(([unit, en]) => ({ unit, en: checked("unit", en) }));
  await db.transaction().execute(async (trx) => {
    for (const f of fields)
      await saveResponseTranslation(trx, by, response.id, f.field, f.fr, f.en);
    for (const u of units) await saveUnitTranslation(trx, by, tracker.id, u.unit, u.en);
  });
}

async function indicatorOf(db: Db, slug: string, indicatorId: number, lang: Lang) {
  const parts = await cycleParts(db, slug, lang);
  const indicator = parts.indicators.find((i) => i.id === indicatorId);
  if (!indicator) throw notFound("indicator", indicatorId);
  const assessment = (await listAssessments(db, parts.cycle.id)).find(
    (a) => a.indicatorId === indicator.id,
  );
  return { ...parts, indicator, assessment };
}

/** The English of an indicator's narrative, beside its French. */
export async function narrativeTranslationForm(
  db: Db,
  actor: Actor,
  slug: string,
  indicatorId: number,
  lang: Lang,
) {
  authorise(actor, "workspace.read");
  const { cycle, indicator, assessment, numberOf } = await indicatorOf(db, slug, indicatorId, lang);
  return {
    cycle: { slug: cycle.slug, label: cycle.label },
    indicator: {
      id: indicator.id,
      title: `${numberOf.get(indicator.id) ?? "?"} ${indicator.title}`,
    },
    narrative: assessment?.narrative ?? null,
  };
}

export async function saveNarrativeTranslation(
  db: Db,
  actor: Actor,
  slug: string,
  indicatorId: number,
  textEn: string,
  lang: Lang,
): Promise<void> {
  authorise(actor, "validation.write");
  const { cycle, indicator, assessment } = await indicatorOf(db, slug, indicatorId, lang);
  if (!assessment?.narrative) throw notFound("narrative", indicatorId);
  const en = checked("narrative_en", textEn);
  await db.transaction().execute(async (trx) => {
    await saveEnglishColumn(
      trx,
      actorLabel(actor),
      { table: "assessments", cycleId: cycle.id, indicatorId: indicator.id },
      en,
    );
  });
}

/** The cycle's difficulties and recommendations, each with its English. */
export async function listsTranslationForm(db: Db, actor: Actor, slug: string, lang: Lang) {
  authorise(actor, "workspace.read");
  const { cycle } = await loadTrackerCycle(db, slug, lang);
  const [difficulties, recommendations] = await Promise.all([
    listDifficulties(db, cycle.id),
    listCycleRecommendations(db, cycle.id),
  ]);
  return { cycle: { slug: cycle.slug, label: cycle.label }, difficulties, recommendations };
}

/** Saves the English of the difficulties (`d-<id>`) and recommendations (`r-<id>`) sent. */
export async function saveListTranslations(
  db: Db,
  actor: Actor,
  slug: string,
  input: Record<string, string>,
  lang: Lang,
): Promise<void> {
  authorise(actor, "validation.write");
  const { cycle } = await loadTrackerCycle(db, slug, lang);
  const writes = Object.entries(input).flatMap(([key, value]) => {
    const match = /^([dr])-(\d+)$/.exec(key);
    if (!match) return [];
    const table = match[1] === "d" ? ("difficulties" as const) : ("recommendations" as const);
    return [{ table, id: Number(match[2]), en: checked(key, value) }];
  });
  const by = actorLabel(actor);
  await db.transaction().execute(async (trx) => {
    for (const w of writes)
      await saveEnglishColumn(trx, by, { table: w.table, cycleId: cycle.id, id: w.id }, w.en);
  });
}

/**
 * The respondent's side: the partner's own answer to one indicator, found from its
 * questionnaire, for those who may write that questionnaire (the partner, or staff entering it on
 * the partner's behalf); another partner's is missing, like its questionnaire. `null` while the
 * indicator has no answer yet: the English comes after the French.
 */
async function ownAnswer(
  db: Db,
  actor: Actor,
  cycleSlug: string,
  partnerSlug: string,
  code: string,
  lang: Lang,
): Promise<number | null> {
  requireSignedIn(actor, "questionnaire");
  const { tracker, cycle, partner } = await locate(db, cycleSlug, partnerSlug, lang);
  const scope = { cycleId: cycle.id, partnerId: partner.id };
  authorise(actor, "response.read", scope, {
    subject: "questionnaire",
    hidden: noQuestionnaire(cycleSlug, partnerSlug),
  });
  authorise(actor, "response.write", scope);
  const indicator = (await processIndicatorsIn(db, tracker.id, lang)).find((i) => i.code === code);
  const mapped = indicator
    ? (await listMappings(db, cycle.id, partner.id)).some((m) => m.indicatorId === indicator.id)
    : false;
  if (!indicator || !mapped) throw notFound("indicator", code);
  const [response] = await listResponses(db, {
    cycleIds: [cycle.id],
    partnerId: partner.id,
    indicatorIds: [indicator.id],
  });
  return response?.id ?? null;
}

/** The English of the respondent's own answer to one indicator (optional), beside its French. */
export async function respondentTranslationForm(
  db: Db,
  actor: Actor,
  cycleSlug: string,
  partnerSlug: string,
  code: string,
  lang: Lang,
) {
  const id = await ownAnswer(db, actor, cycleSlug, partnerSlug, code, lang);
  return id === null ? null : answerFormOf(db, cycleSlug, id, lang);
}

export async function saveRespondentTranslations(
  db: Db,
  actor: Actor,
  cycleSlug: string,
  partnerSlug: string,
  code: string,
  input: AnswerTranslationInput,
  lang: Lang,
): Promise<boolean> {
  const id = await ownAnswer(db, actor, cycleSlug, partnerSlug, code, lang);
  if (id === null) return false;
  await saveAnswerTranslationsOf(db, actorLabel(actor), cycleSlug, id, input, lang);
  return true;
}
