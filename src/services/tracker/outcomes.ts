// The outcome side of a commitment, read for its page, the scorecard and the annual report:
// each goal's baseline and target, the latest figures of the series that measures it with
// their source, the value the line baseline → target expects, and a computed suggestion. The
// suggestion sits beside the statuses the stakeholders validated and never replaces them.
import type { Executor } from "../../db/shared/audit.ts";
import { listOutcomeGoals, listPoints, type StoredSeries } from "../../db/tracker/outcomes.ts";
import { type Bilingual, type Lang, pick } from "../../domain/shared/lang.ts";
import {
  type GoalDirection,
  type OutcomeReading,
  type OutcomeSourceKind,
  readOutcome,
  type SeriesPoint,
} from "../../domain/tracker/outcome.ts";
import { indicatorByYear } from "../health/indicator-years.ts";

export interface OutcomeView {
  goalId: number;
  position: number;
  label: string;
  /** Both languages, for the coordinator's form. */
  labels: Bilingual;
  unit: string;
  direction: GoalDirection;
  baseline: { year: number; value: number; source: string | null } | null;
  target: { year: number; value: number };
  series: { code: string; name: string; sourceKind: OutcomeSourceKind } | null;
  /** The series' figures up to the year of reading, oldest first. */
  points: SeriesPoint[];
  reading: OutcomeReading;
}

/** The year figures are read up to: later ones are projections. */
export function currentYear(): number {
  return new Date().getUTCFullYear();
}

/** How a health indicator's figure is credited. */
const HEALTH_SOURCE = "DHIS2";

async function pointsOf(
  db: Executor,
  series: readonly Omit<StoredSeries, "points">[],
  years: { from: number; to: number },
): Promise<Map<number, SeriesPoint[]>> {
  const imported = series.filter((s) => s.sourceKind === "imported").map((s) => s.id);
  const out = await listPoints(db, imported);
  const span: number[] = [];
  for (let y = years.from; y <= years.to; y++) span.push(y);
  for (const s of series) {
    if (s.sourceKind !== "health_indicator" || s.healthIndicatorId === null || s.orgUnitId === null)
      continue;
    const values = await indicatorByYear(db, s.healthIndicatorId, s.orgUnitId, span);
    out.set(
      s.id,
      values.map((v) => ({ ...v, source: HEALTH_SOURCE, url: null, kind: "estimate" as const })),
    );
  }
  return out;
}

/** Every goal of the commitments given, read against its series, by commitment id. */
export async function outcomesOf(
  db: Executor,
  commitmentIds: readonly number[],
  lang: Lang,
  asOfYear: number = currentYear(),
): Promise<Map<number, OutcomeView[]>> {
  const goals = await listOutcomeGoals(db, commitmentIds);
  const out = new Map<number, OutcomeView[]>();
  if (goals.length === 0) return out;
  const series = [
    ...new Map(goals.flatMap((g) => (g.series ? [[g.series.id, g.series] as const] : []))).values(),
  ];
  const from = Math.min(...goals.map((g) => g.baselineYear ?? g.targetYear - 10));
  const points = await pointsOf(db, series, { from: Math.min(from, asOfYear), to: asOfYear });
  for (const g of goals) {
    const s = g.series ?? undefined;
    const all = s ? (points.get(s.id) ?? []) : [];
    const baseline =
      g.baselineYear !== null && g.baselineValue !== null
        ? { year: g.baselineYear, value: g.baselineValue, source: g.baselineSource }
        : null;
    const target = { year: g.targetYear, value: g.targetValue };
    const view: OutcomeView = {
      goalId: g.id,
      position: g.position,
      label: pick(g.label, lang),
      labels: g.label,
      unit: g.unit,
      direction: g.direction,
      baseline,
      target,
      series: s ? { code: s.code, name: pick(s.name, lang), sourceKind: s.sourceKind } : null,
      points: all.filter((p) => p.year <= asOfYear),
      reading: readOutcome({ baseline, target, direction: g.direction }, all, asOfYear),
    };
    const list = out.get(g.commitmentId) ?? [];
    list.push(view);
    out.set(g.commitmentId, list);
  }
  return out;
}
