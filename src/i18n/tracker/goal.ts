// The goal sentence, "indicator: 12 % in 2018 (source: EDS) → 20 % by 2030", put together once
// for the pages and the reports: each lays the three parts out in its own medium.
import { formatNumber, formatValue } from "../../domain/shared/format.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import type { Goal } from "../../domain/tracker/commitment.ts";

type GoalKey = "goal.baseline" | "goal.source" | "goal.target" | "goal.noBaseline";
type GoalT = (key: GoalKey, params?: Record<string, string | number>) => string;

export interface GoalParts {
  baseline: string;
  /** " (source : …)", or empty when no source is named. */
  source: string;
  target: string;
}

export function goalParts(t: GoalT, lang: Lang, goal: Goal): GoalParts {
  const baseline =
    goal.baselineValue !== null && goal.baselineYear !== null
      ? t("goal.baseline", {
          value: formatValue(lang, goal.baselineValue, goal.unit),
          year: goal.baselineYear,
        })
      : t("goal.noBaseline");
  const source = goal.baselineSource
    ? ` (${t("goal.source", { source: goal.baselineSource })})`
    : "";
  const target = t("goal.target", {
    value: formatValue(lang, goal.targetValue, goal.unit),
    year: goal.targetYear,
  });
  return { baseline, source, target };
}

type OutcomeKey =
  | "outcome.value"
  | "outcome.expected"
  | "outcome.perYear"
  | "outcome.perYearPoints"
  | "outcome.reached"
  | "outcome.noSeries"
  | "outcome.noValue"
  | "outcome.health"
  | `outcome.kind.${"estimate" | "survey"}`
  | `outcome.suggestion.${"on_track" | "off_track" | "no_data"}`;
type OutcomeT = (key: OutcomeKey, params?: Record<string, string | number>) => string;

/** What the outcome sentences need of a goal's reading (services' `OutcomeView`). */
export interface OutcomeFacts {
  unit: string;
  baseline: { year: number; value: number; source: string | null } | null;
  target: { year: number; value: number };
  series: { sourceKind: "health_indicator" | "imported" } | null;
  reading: {
    latest: { year: number; value: number; source: string; kind: "estimate" | "survey" } | null;
    expected: number | null;
    perYearNeeded: number | null;
    reached: boolean;
    suggestion: "on_track" | "off_track" | "no_data";
  };
}

export interface OutcomeParts {
  baseline: string;
  target: string;
  /** "16,4 % en 2022", or why there is none. */
  latest: string;
  /** "Track20 FPET (estimation)": who published the latest value. */
  latestSource: string;
  /** The trajectory's value in the latest value's year, or "". */
  expected: string;
  expectedLabel: string;
  /** "2,6 % par an jusqu'en 2030", "target reached", or "". */
  pace: string;
  suggestion: string;
}

/** One decimal at most: a trajectory's 21.599999 is 21.6. */
const tidy = (value: number) => Math.round(value * 10) / 10;

export function outcomeParts(t: OutcomeT & GoalT, lang: Lang, facts: OutcomeFacts): OutcomeParts {
  const value = (v: number) => formatValue(lang, tidy(v), facts.unit);
  const r = facts.reading;
  const latest = r.latest;
  return {
    baseline: facts.baseline
      ? t("outcome.value", { value: value(facts.baseline.value), year: facts.baseline.year }) +
        (facts.baseline.source ? ` (${t("goal.source", { source: facts.baseline.source })})` : "")
      : t("goal.noBaseline"),
    target: t("outcome.value", { value: value(facts.target.value), year: facts.target.year }),
    latest: latest
      ? t("outcome.value", { value: value(latest.value), year: latest.year })
      : facts.series
        ? t("outcome.noValue")
        : t("outcome.noSeries"),
    latestSource: latest
      ? facts.series?.sourceKind === "health_indicator"
        ? t("outcome.health", { source: latest.source })
        : `${latest.source} (${t(`outcome.kind.${latest.kind}`)})`
      : "",
    expected: r.expected !== null ? value(r.expected) : "",
    expectedLabel:
      latest && r.expected !== null ? t("outcome.expected", { year: latest.year }) : "",
    pace: r.reached
      ? t("outcome.reached")
      : r.perYearNeeded !== null
        ? pace(t, lang, r.perYearNeeded, facts.unit, facts.target.year)
        : "",
    suggestion: t(`outcome.suggestion.${r.suggestion}`),
  };
}

/** "+2,6 pt par an jusqu'en 2030": a percentage moves by points; a sign says which way. */
function pace(t: OutcomeT, lang: Lang, perYear: number, unit: string, year: number): string {
  const rounded = Math.round(perYear * 100) / 100;
  const sign = rounded > 0 ? "+" : "";
  if (unit === "%")
    return t("outcome.perYearPoints", { value: `${sign}${formatNumber(lang, rounded)}`, year });
  return t("outcome.perYear", { value: `${sign}${formatValue(lang, rounded, unit)}`, year });
}
