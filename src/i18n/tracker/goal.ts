// The goal sentence, "indicator: 12 % in 2018 (source: EDS) → 20 % by 2030", put together once
// for the pages and the reports: each lays the three parts out in its own medium.
import { formatValue } from "../../domain/shared/format.ts";
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
