// The annual report of a cycle: builds the report model from the stored cycle (statuses,
// responses, synthesis, the coordinator's texts) and renders it as DOCX, PDF, HTML or XLSX.
// Figures quoted in texts come from the data: {placeholders} are filled here.

import type { Executor } from "../../db/shared/audit.ts";
import { listAssessments } from "../../db/tracker/assessments.ts";
import { listCycleRecommendations, listDifficulties } from "../../db/tracker/difficulties.ts";
import { listMappedPartnerIds } from "../../db/tracker/mappings.ts";
import { coverLogos, getCoverSettings, listSections } from "../../db/tracker/report-covers.ts";
import { listResponses } from "../../db/tracker/responses.ts";
import { listResponseTexts, listUnitTranslations } from "../../db/tracker/translations.ts";
import { compareFr, groupBy } from "../../domain/shared/group.ts";
import { type Lang, pick } from "../../domain/shared/lang.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { normaliseUnit } from "../../domain/tracker/annex.ts";
import { indicatorNumber } from "../../domain/tracker/commitment.ts";
import { type Cycle, isPublished } from "../../domain/tracker/cycle.ts";
import { groupDifficulties } from "../../domain/tracker/difficulty.ts";
import {
  groupByCategory,
  type Partner,
  partnerShortName,
  slugify,
} from "../../domain/tracker/partner.ts";
import { isPublishedAnswer, isPublishedContribution } from "../../domain/tracker/publication.ts";
import {
  acronymsUsed,
  CYCLE_TEXT_KINDS,
  type CycleTextKind,
  fillPlaceholders,
  hasDefaultText,
  type TextValues,
} from "../../domain/tracker/report-text.ts";
import { COLLECTION_METHODS, type CollectionMethod } from "../../domain/tracker/response.ts";
import {
  commitmentVerdict,
  contributingPartnerIds,
  contributorsPerBlock,
  countByStatus,
} from "../../domain/tracker/synthesis.ts";
import { countVerdicts } from "../../domain/tracker/verdict.ts";
import { DEFAULT_TEXTS } from "../../i18n/tracker/report-defaults.ts";
import { inEdition, unitInEdition } from "../../reports/tracker/edition.ts";
import { formatNumber } from "../../reports/tracker/i18n.ts";
import { type ReportFormat, type ReportModel, reportTexts } from "../../reports/tracker/model.ts";
import type { Renderer } from "../shared/rendering.ts";
import {
  acronymsIn,
  commitmentsIn,
  cyclesIn,
  loadTracker,
  partnersIn,
  processIndicatorsIn,
  validationMeetingsIn,
} from "./context.ts";
import { outcomesOf } from "./outcomes.ts";
import { cycleVerdicts, doubleCountsOf, outputKey, reportAnnexes } from "./report-findings.ts";
import { getCycleTexts, ownTexts } from "./report-texts.ts";
import { verdictsOf } from "./verdicts.ts";

export interface BuildOptions {
  /** Public callers see published cycles only; an unpublished one is "not found". */
  publishedOnly: boolean;
  /** The date printed on the cover (ISO), today by default. */
  today?: string;
}

/** A cycle named by its slug, or by a year: the cycle whose period ends that year. */
function findCycle(cycles: Cycle[], ref: string): Cycle | undefined {
  const bySlug = cycles.find((c) => c.slug === ref);
  if (bySlug || !/^\d{4}$/.test(ref)) return bySlug;
  return cycles.find((c) => c.periodEnd.startsWith(ref));
}

export async function buildReport(
  db: Executor,
  cycleRef: string | number,
  lang: Lang,
  options: BuildOptions = { publishedOnly: true },
): Promise<ReportModel> {
  const tracker = await loadTracker(db, lang);
  const all = await cyclesIn(db, tracker.id, lang);
  const visible = options.publishedOnly ? all.filter(isPublished) : all;
  const cycle = findCycle(visible, String(cycleRef));
  if (!cycle) throw notFound("cycle", String(cycleRef));

  const [commitments, indicators, assessments, partners, stored, mapped] = await Promise.all([
    commitmentsIn(db, tracker.id, lang),
    processIndicatorsIn(db, tracker.id, lang),
    listAssessments(db, cycle.id),
    partnersIn(db, tracker.id, lang),
    listResponses(db, { cycleIds: [cycle.id] }),
    listMappedPartnerIds(db, cycle.id),
  ]);
  const [difficulties, recommendations, meetings, acronyms, allTexts] = await Promise.all([
    listDifficulties(db, cycle.id),
    listCycleRecommendations(db, cycle.id),
    validationMeetingsIn(db, cycle.id, lang),
    acronymsIn(db, tracker.id, lang),
    getCycleTexts(db, cycle.id),
  ]);
  // Free texts in the edition's language, a passage without English marked as French.
  const [freeTexts, unitsEn] = await Promise.all([
    listResponseTexts(db, { cycleId: cycle.id }),
    listUnitTranslations(db, tracker.id),
  ]);
  const edition = (text: Parameters<typeof inEdition>[0]) => inEdition(text, lang);
  const [logos, coverSettings, sections] = await Promise.all([
    coverLogos(db, tracker.id),
    getCoverSettings(db, cycle.id),
    listSections(db, cycle.id),
  ]);
  // The one publication rule of the public pages: no draft, no answer sent back, none empty.
  const responses = stored.filter(isPublishedAnswer);
  const byId = new Map(partners.map((p) => [p.id, p]));
  const short = (id: number) => {
    const p = byId.get(id);
    return p ? partnerShortName(p) : "?";
  };
  const byName = compareFr;
  const status = new Map(assessments.map((a) => [a.indicatorId, a]));

  const contributionsOf = groupBy(responses.filter(isPublishedContribution), (r) => r.indicatorId);
  const indicatorsOf = groupBy(indicators, (i) => i.commitmentId);
  const [outcomes, recorded] = await Promise.all([
    outcomesOf(
      db,
      commitments.map((c) => c.id),
      lang,
    ),
    verdictsOf(db, [cycle.id], lang),
  ]);
  const statuses = new Map(assessments.map((a) => [a.indicatorId, a.status]));
  const verdicts = cycleVerdicts(commitments, indicators, statuses, recorded.get(cycle.id));
  const twice = doubleCountsOf(responses, indicators, commitments);
  const reportCommitments = commitments.map((c) => {
    const own = indicatorsOf.get(c.id) ?? [];
    const rows = own.map((i) => ({
      number: indicatorNumber(c.number, i),
      code: i.code,
      title: i.title,
      buildingBlocks: i.buildingBlocks,
      status: status.get(i.id)?.status ?? "not_assessed",
      narrative: edition(status.get(i.id)?.narrative ?? null),
      contributions: (contributionsOf.get(i.id) ?? []).map((r, n) => ({
        n: n + 1,
        partner: short(r.partnerId),
        partnerName: byId.get(r.partnerId)?.name ?? "?",
        category: byId.get(r.partnerId)?.category ?? "local_ngo",
        contributes: r.contributes,
        activities: edition(freeTexts.get(r.id)?.activities ?? null),
        collaborators: [
          ...r.collaboratorIds.map(short),
          ...(r.collaboratorsText
            ? [edition(freeTexts.get(r.id)?.collaborators_text ?? null) ?? r.collaboratorsText]
            : []),
        ],
        difficulties: edition(freeTexts.get(r.id)?.difficulties ?? null),
        outputs: r.outputs.map((o) => {
          const key = outputKey({ partnerId: r.partnerId, ...o });
          const here = indicatorNumber(c.number, i);
          return {
            value: o.value,
            unit: unitInEdition(o.unit, unitsEn.get(o.unit) ?? null, lang),
            normalisedUnit: normaliseUnit(o.unit),
            alsoUnder: (twice.get(key) ?? []).filter((n) => n !== here),
          };
        }),
        evidence: r.evidence,
        method: r.method,
        answeredAt: r.answeredAt,
      })),
    }));
    return {
      number: c.number,
      title: c.title,
      goals: c.goals,
      outcomes: (outcomes.get(c.id) ?? []).map((o) => ({
        label: o.label,
        unit: o.unit,
        direction: o.direction,
        baseline: o.baseline,
        target: o.target,
        series: o.series,
        reading: o.reading,
        points: o.points,
      })),
      verdict: verdicts.get(c.id)?.status ?? commitmentVerdict(rows.map((i) => i.status)),
      computedVerdict: commitmentVerdict(rows.map((i) => i.status)),
      verdictReason: verdicts.get(c.id)?.reason ?? null,
      indicators: rows,
    };
  });

  const counts = countByStatus(reportCommitments.flatMap((c) => c.indicators.map((i) => i.status)));
  // The headline counts the verdicts the report prints: the meeting's where it recorded one.
  const summary = countVerdicts(reportCommitments.map((c) => c.verdict));
  const contributors = contributingPartnerIds(responses);
  const byMethod = groupBy(responses, (r) => r.method);
  const methods = Object.fromEntries(
    COLLECTION_METHODS.map((m) => [m, byMethod.get(m)?.length ?? 0]),
  ) as Record<CollectionMethod, number>;
  const answered = responses
    .map((r) => r.answeredAt?.slice(0, 10))
    .filter((d): d is string => d !== undefined)
    .sort();

  const n = (value: number) => formatNumber(lang, value);
  const values: TextValues = {
    cycle: cycle.label,
    country: tracker.name,
    organisation: tracker.organisation,
    commitments: n(commitments.length),
    indicators: n(indicators.length),
    partners: n(contributors.length),
    mapped: n(mapped.length),
    responses: n(responses.length),
    achieved: n(counts.achieved),
    on_track: n(counts.on_track),
    off_track: n(counts.off_track),
    not_assessed: n(counts.not_assessed),
    commitments_on_track: n(summary.onTrackOrBetter),
  };
  // Texts offered from the previous cycle are not the cycle's until the coordinator saves them.
  const texts = ownTexts(allTexts);
  const filled = Object.fromEntries(
    CYCLE_TEXT_KINDS.map((kind) => {
      const text = texts[kind];
      // The template's sections every report has print their default until one is written.
      const written = text
        ? (edition({ fr: text.text, en: text.textEn }) ?? null)
        : hasDefaultText(kind)
          ? DEFAULT_TEXTS[lang][kind as keyof (typeof DEFAULT_TEXTS)["fr"]]
          : null;
      return [kind, written === null ? null : fillPlaceholders(written, values)];
    }),
  ) as Record<CycleTextKind, string | null>;

  const contributingPartners = contributors
    .map((id) => byId.get(id))
    .filter((p): p is Partner => p !== undefined);
  const model: Omit<ReportModel, "acronyms"> = {
    lang,
    generatedOn: options.today ?? new Date().toISOString().slice(0, 10),
    cover: {
      country: tracker.name,
      countryCode: tracker.countryCode,
      cycleSlug: cycle.slug,
      cycleLabel: cycle.label,
      periodStart: cycle.periodStart,
      periodEnd: cycle.periodEnd,
      organisation: tracker.organisation,
      logos: logos.map((l) => ({ name: l.name, png: l.png, width: l.width, height: l.height })),
      publishedOn: coverSettings.publishedOn,
      place: coverSettings.place,
    },
    texts: filled,
    sections: sections.map((section) => ({
      after: section.after,
      title: pick({ fr: section.title, en: section.titleEn }, lang),
      text: fillPlaceholders(edition({ fr: section.text, en: section.textEn }) ?? "", values),
    })),
    methodology: {
      partnersMapped: mapped.length,
      partnersContributing: contributors.length,
      responses: responses.length,
      methods,
      firstAnswer: answered[0] ?? null,
      lastAnswer: answered.at(-1) ?? null,
      meetings: meetings.map((m) => ({
        title: m.title,
        place: m.place,
        heldOn: m.heldOn,
        participants: m.participantIds.length,
      })),
    },
    counts,
    summary,
    blocks: contributorsPerBlock(indicators, responses).map((b) => ({
      block: b.block,
      partners: b.partnerIds.map(short).sort(byName),
    })),
    categories: groupByCategory(contributingPartners).map((g) => ({
      category: g.category,
      partners: g.partners.map(partnerShortName),
    })),
    commitments: reportCommitments,
    annexes: await reportAnnexes(db, {
      cycle,
      cycles: visible,
      commitments,
      indicators,
      partners: byId,
      // The partners' annex prints the answers' texts and units in the edition's language too.
      responses: responses.map((r) => ({
        ...r,
        activities: edition(freeTexts.get(r.id)?.activities ?? null),
        outputs: r.outputs.map((o) => ({
          ...o,
          unit: unitInEdition(o.unit, unitsEn.get(o.unit) ?? null, lang),
        })),
      })),
      statuses,
      lang,
    }),
    difficulties: groupDifficulties(difficulties).map((g) => ({
      level: g.level,
      items: g.items.map((d) => edition(d.text) ?? d.text.fr),
    })),
    recommendations: recommendations.map((r) => edition(r.text) ?? r.text.fr),
  };
  return { ...model, acronyms: acronymsUsed(reportTexts(model), acronyms) };
}

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** "jalon-mali-2022-fr.pdf": country (in English, for a stable name), cycle, language. */
export function reportFileName(model: ReportModel, format: ReportFormat): string {
  const country =
    new Intl.DisplayNames(["en"], { type: "region" }).of(model.cover.countryCode) ??
    model.cover.countryCode;
  return `jalon-${slugify(country)}-${slugify(model.cover.cycleSlug)}-${model.lang}.${format}`;
}

/** The report in one format, drawn in the rendering worker. */
export function renderReport(
  renderer: Renderer,
  model: ReportModel,
  format: ReportFormat,
): Promise<Uint8Array> {
  return renderer.render({ kind: "report", model, format });
}
