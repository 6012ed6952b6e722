// The report's trends, response rates, partner annex and follow-up of recommendations, read
// from the stored cycles; buildReport (reports.ts) adds them to the model.

import type { Executor } from "../../db/shared/audit.ts";
import { listMappings } from "../../db/tracker/mappings.ts";
import { listRecommendationFollowUps } from "../../db/tracker/verdicts.ts";
import { compareFr, groupBy } from "../../domain/shared/group.ts";
import { type Lang, pick } from "../../domain/shared/lang.ts";
import { likelyDoubleCounts, outputKey, responseRates } from "../../domain/tracker/annex.ts";
import {
  type Commitment,
  indicatorNumber,
  type ProcessIndicator,
} from "../../domain/tracker/commitment.ts";
import type { Cycle } from "../../domain/tracker/cycle.ts";
import {
  PARTNER_CATEGORIES,
  type Partner,
  partnerShortName,
} from "../../domain/tracker/partner.ts";
import type { Response } from "../../domain/tracker/response.ts";
import type { Status } from "../../domain/tracker/status.ts";
import { type RecordedVerdict, validatedVerdict } from "../../domain/tracker/verdict.ts";
import type { ReportAnnexes, ReportTrends } from "../../reports/tracker/model.ts";
import { assessmentsIn } from "./context.ts";
import { previousCycles, verdictsOf } from "./verdicts.ts";

/** How many earlier cycles the trends show beside the report's own. */
const TREND_CYCLES = 3;

export interface FindingsInput {
  cycle: Cycle;
  /** The cycles the report may look back on (published only for the public). */
  cycles: Cycle[];
  commitments: Commitment[];
  indicators: ProcessIndicator[];
  partners: Map<number, Partner>;
  /** The cycle's published answers. */
  responses: Response[];
  /** The cycle's statuses, by indicator id. */
  statuses: Map<number, Status>;
  lang: Lang;
}

/** The validated verdicts of a cycle, by commitment id, from its statuses and recorded verdicts. */
export function cycleVerdicts(
  commitments: readonly Commitment[],
  indicators: readonly ProcessIndicator[],
  statuses: Map<number, Status>,
  recorded: Map<number, RecordedVerdict> | undefined,
) {
  const own = groupBy(indicators, (i) => i.commitmentId);
  return new Map(
    commitments.map((c) => [
      c.id,
      validatedVerdict(
        (own.get(c.id) ?? []).map((i) => statuses.get(i.id) ?? "not_assessed"),
        recorded?.get(c.id),
      ),
    ]),
  );
}

async function trendsOf(db: Executor, input: FindingsInput): Promise<ReportTrends | null> {
  const earlier = previousCycles(input.cycles, input.cycle).slice(0, TREND_CYCLES).reverse();
  if (earlier.length === 0) return null;
  const [assessed, recorded] = await Promise.all([
    Promise.all(earlier.map((c) => assessmentsIn(db, c.id, input.lang))),
    verdictsOf(db, [...earlier.map((c) => c.id), input.cycle.id], input.lang),
  ]);
  const statusMaps = [
    ...assessed.map((rows) => new Map(rows.map((a) => [a.indicatorId, a.status]))),
    input.statuses,
  ];
  const all = [...earlier, input.cycle];
  const verdicts = all.map((c, k) =>
    cycleVerdicts(
      input.commitments,
      input.indicators,
      statusMaps[k] ?? new Map(),
      recorded.get(c.id),
    ),
  );
  const numberOf = new Map(input.commitments.map((c) => [c.id, c.number]));
  return {
    cycles: all.map((c) => ({ slug: c.slug, label: c.label, year: c.periodEnd.slice(0, 4) })),
    indicators: input.indicators.map((i) => ({
      number: indicatorNumber(numberOf.get(i.commitmentId) ?? 0, i),
      title: i.title,
      statuses: statusMaps.map((m) => m.get(i.id) ?? "not_assessed"),
    })),
    commitments: input.commitments.map((c) => ({
      number: c.number,
      title: c.title,
      verdicts: verdicts.map((v) => v.get(c.id)?.status ?? "not_assessed"),
    })),
  };
}

export async function reportAnnexes(db: Executor, input: FindingsInput): Promise<ReportAnnexes> {
  const { cycle, lang } = input;
  const earlier = previousCycles(input.cycles, cycle)[0];
  const [asked, trends, followUps] = await Promise.all([
    listMappings(db, cycle.id),
    trendsOf(db, input),
    earlier ? listRecommendationFollowUps(db, [earlier.id]) : Promise.resolve([]),
  ]);
  // An answer counts as answered even when the partner was never asked (entered on its behalf).
  const answered = input.responses.map((r) => ({
    partnerId: r.partnerId,
    indicatorId: r.indicatorId,
  }));
  const rates = responseRates([...asked, ...answered], answered);
  const numberOf = new Map(input.commitments.map((c) => [c.id, c.number]));
  const number = (i: ProcessIndicator) => indicatorNumber(numberOf.get(i.commitmentId) ?? 0, i);
  const indicatorById = new Map(input.indicators.map((i) => [i.id, i]));
  const zero = { asked: 0, answered: 0 };
  const people = [...rates.partners.asked]
    .map((id) => input.partners.get(id))
    .filter((p): p is Partner => p !== undefined);
  const contributionsOf = groupBy(
    input.responses.filter((r) => r.contributes !== "no"),
    (r) => r.partnerId,
  );
  const answerOf = new Map(input.responses.map((r) => [`${r.partnerId}:${r.indicatorId}`, r]));
  const askedOf = groupBy([...asked, ...answered], (a) => a.partnerId);
  const gridOf = (partnerId: number) => {
    const grid: Record<string, "contributed" | "answered" | "silent"> = {};
    for (const a of askedOf.get(partnerId) ?? []) {
      const i = indicatorById.get(a.indicatorId);
      if (!i) continue;
      const r = answerOf.get(`${partnerId}:${a.indicatorId}`);
      grid[number(i)] = !r ? "silent" : r.contributes === "no" ? "answered" : "contributed";
    }
    return grid;
  };
  const order = new Map(
    input.indicators.map((i) => [i.id, (numberOf.get(i.commitmentId) ?? 0) * 1000 + i.position]),
  );
  return {
    trends,
    responseRates: {
      overall: [...rates.byIndicator.values()].reduce(
        (t, r) => ({ asked: t.asked + r.asked, answered: t.answered + r.answered }),
        zero,
      ),
      indicators: input.indicators.map((i) => ({
        number: number(i),
        title: i.title,
        ...(rates.byIndicator.get(i.id) ?? zero),
      })),
      categories: PARTNER_CATEGORIES.map((category) => {
        const own = people.filter((p) => p.category === category);
        const silent = own.filter((p) => !rates.partners.answered.has(p.id));
        return {
          category,
          asked: own.length,
          answered: own.length - silent.length,
          silent: silent.map(partnerShortName).sort(compareFr),
        };
      }),
    },
    partners: people
      .sort((a, b) => compareFr(partnerShortName(a), partnerShortName(b)))
      .map((p) => ({
        partner: partnerShortName(p),
        partnerName: p.name,
        category: p.category,
        rate: rates.byPartner.get(p.id) ?? zero,
        grid: gridOf(p.id),
        contributions: (contributionsOf.get(p.id) ?? [])
          .sort((a, b) => (order.get(a.indicatorId) ?? 0) - (order.get(b.indicatorId) ?? 0))
          .flatMap((r) => {
            const i = indicatorById.get(r.indicatorId);
            if (!i) return [];
            return [
              {
                indicator: number(i),
                title: i.title,
                activities: r.activities,
                outputs: r.outputs,
                evidence: r.evidence,
              },
            ];
          }),
      })),
    followUps: earlier
      ? {
          cycleLabel: earlier.label,
          cycleYear: earlier.periodEnd.slice(0, 4),
          items: followUps.map((f) => ({
            text: pick(f.text, lang),
            followUp: f.followUp,
            note: f.note ? pick(f.note, lang) : null,
          })),
        }
      : null,
  };
}

/** The indicator numbers under which each of a partner's figures also appears, by output key. */
export function doubleCountsOf(
  responses: readonly Response[],
  indicators: readonly ProcessIndicator[],
  commitments: readonly Commitment[],
): Map<string, string[]> {
  const numberOf = new Map(commitments.map((c) => [c.id, c.number]));
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const rows = responses.flatMap((r) =>
    r.outputs.map((o) => ({ partnerId: r.partnerId, indicatorId: r.indicatorId, ...o })),
  );
  const out = new Map<string, string[]>();
  for (const [key, ids] of likelyDoubleCounts(rows))
    out.set(
      key,
      ids.flatMap((id) => {
        const i = byId.get(id);
        return i ? [indicatorNumber(numberOf.get(i.commitmentId) ?? 0, i)] : [];
      }),
    );
  return out;
}

export { outputKey };
