// What the English edition of a cycle still lacks: the free texts of the answers it prints,
// their units, the narratives, the report texts, the difficulties and recommendations, counted
// per kind, each with the page where its English is given.
import { listAssessments } from "../../db/tracker/assessments.ts";
import { listCycleRecommendations, listDifficulties } from "../../db/tracker/difficulties.ts";
import { listCycleTexts } from "../../db/tracker/report-texts.ts";
import { listResponses } from "../../db/tracker/responses.ts";
import { listResponseTexts, listUnitTranslations } from "../../db/tracker/translations.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import type { Actor } from "../../domain/shared/policy.ts";
import { partnerShortName } from "../../domain/tracker/partner.ts";
import { isPublishedContribution } from "../../domain/tracker/publication.ts";
import { CYCLE_TEXT_KINDS } from "../../domain/tracker/report-text.ts";
import {
  lacksEnglish,
  RESPONSE_TEXT_FIELDS,
  TRANSLATION_KINDS,
  type TranslationKind,
} from "../../domain/tracker/translation.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import { partnersIn } from "./context.ts";
import { cycleParts, translationsBase } from "./translations.ts";

/** One text the English edition would print in French, and where to give its English. */
export interface MissingTranslation {
  kind: TranslationKind;
  /** Where it is: "2.2 · PSI", an indicator's number, a unit, a kind of report text. */
  place: string;
  /** The French, as stored (the page shortens it). */
  french: string;
  href: string;
  /** An English was given, for French that has changed since. */
  outdated: boolean;
}

/**
 * What the cycle's English edition lacks, in report order: the free texts of the answers it
 * prints, their units, the narratives, the report texts, the difficulties and recommendations.
 */
export async function missingTranslations(db: Db, actor: Actor, slug: string, lang: Lang) {
  authorise(actor, "workspace.read");
  const { tracker, cycle, indicators, numberOf } = await cycleParts(db, slug, lang);
  const [responses, texts, units, assessments, difficulties, recommendations, reportTexts] =
    await Promise.all([
      listResponses(db, { cycleIds: [cycle.id] }),
      listResponseTexts(db, { cycleId: cycle.id }),
      listUnitTranslations(db, tracker.id),
      listAssessments(db, cycle.id),
      listDifficulties(db, cycle.id),
      listCycleRecommendations(db, cycle.id),
      listCycleTexts(db, cycle.id),
    ]);
  const printed = responses.filter(isPublishedContribution);
  const partners = new Map(
    (await partnersIn(db, tracker.id, lang, [...new Set(printed.map((r) => r.partnerId))])).map(
      (p) => [p.id, partnerShortName(p)],
    ),
  );
  const position = new Map(indicators.map((i, n) => [i.id, n]));
  printed.sort(
    (a, b) =>
      (position.get(a.indicatorId) ?? 0) - (position.get(b.indicatorId) ?? 0) || a.id - b.id,
  );
  const items: MissingTranslation[] = [];
  const unitsSeen = new Set<string>();
  for (const r of printed) {
    const place = `${numberOf.get(r.indicatorId) ?? "?"} · ${partners.get(r.partnerId) ?? "?"}`;
    const href = `${translationsBase(cycle.slug)}/answers/${r.id}`;
    const own = texts.get(r.id);
    for (const field of RESPONSE_TEXT_FIELDS) {
      const text = own?.[field] ?? null;
      if (text && lacksEnglish(text))
        items.push({ kind: field, place, french: text.fr, href, outdated: text.outdated });
    }
    for (const o of r.outputs) {
      if (units.has(o.unit) || unitsSeen.has(o.unit)) continue;
      unitsSeen.add(o.unit);
      items.push({ kind: "unit", place, french: o.unit, href, outdated: false });
    }
  }
  const assessed = new Map(assessments.map((a) => [a.indicatorId, a]));
  for (const i of indicators) {
    const narrative = assessed.get(i.id)?.narrative ?? null;
    if (lacksEnglish(narrative))
      items.push({
        kind: "narrative",
        place: numberOf.get(i.id) ?? "?",
        french: narrative?.fr ?? "",
        href: `${translationsBase(cycle.slug)}/indicators/${i.id}`,
        outdated: false,
      });
  }
  for (const kind of CYCLE_TEXT_KINDS) {
    const text = reportTexts.find((t) => t.kind === kind);
    if (text && lacksEnglish({ fr: text.text, en: text.textEn }))
      items.push({
        kind: "report_text",
        place: kind,
        french: text.text,
        href: `/manage/cycles/${encodeURIComponent(cycle.slug)}/report-texts`,
        outdated: false,
      });
  }
  for (const d of difficulties)
    if (lacksEnglish(d.text))
      items.push({
        kind: "cycle_difficulty",
        place: d.level,
        french: d.text.fr,
        href: `${translationsBase(cycle.slug)}/lists#d-${d.id}`,
        outdated: false,
      });
  for (const r of recommendations)
    if (lacksEnglish(r.text))
      items.push({
        kind: "recommendation",
        place: "",
        french: r.text.fr,
        href: `${translationsBase(cycle.slug)}/lists#r-${r.id}`,
        outdated: false,
      });
  const counts = Object.fromEntries(
    TRANSLATION_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length]),
  ) as Record<TranslationKind, number>;
  return { cycle: { slug: cycle.slug, label: cycle.label }, counts, items };
}
