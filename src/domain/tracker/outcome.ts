// Outcome goals beside process indicators: a commitment's goal (mCPR 17 % in 2020 → 40 % in
// 2030) read against a series of published figures (Track20 estimates, DHS surveys, a health
// indicator). The reading is a computed suggestion; it never replaces the status the
// stakeholders validated, and every page shows both.
import {
  type GoalDirection,
  ON_TRACK_TOLERANCE,
  onTrack,
  type Progress,
  reached,
  trajectory,
  type YearValue,
} from "../shared/trajectory.ts";

export { GOAL_DIRECTIONS, type GoalDirection, isGoalDirection } from "../shared/trajectory.ts";
export type { Progress };

/** Where a series' figures come from: a health indicator of Jalon, or an imported file. */
export const OUTCOME_SOURCE_KINDS = ["health_indicator", "imported"] as const;
export type OutcomeSourceKind = (typeof OUTCOME_SOURCE_KINDS)[number];

/** A modelled estimate (Track20 FPET) or a survey's measure (DHS, MICS, PMA). */
export const POINT_KINDS = ["estimate", "survey"] as const;
export type PointKind = (typeof POINT_KINDS)[number];

export function isPointKind(value: string): value is PointKind {
  return (POINT_KINDS as readonly string[]).includes(value);
}

/** The layouts a series file may have: generic CSV, Track20/FPET CSV, DHS Program API JSON. */
export const SERIES_FORMATS = ["csv", "track20", "dhs"] as const;
export type SeriesFormat = (typeof SERIES_FORMATS)[number];

export function isSeriesFormat(value: string): value is SeriesFormat {
  return (SERIES_FORMATS as readonly string[]).includes(value);
}

/** One figure of a series, with what published it. */
export interface SeriesPoint {
  year: number;
  value: number;
  source: string;
  url: string | null;
  kind: PointKind;
}

export const SERIES_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const MAX_LABEL_LENGTH = 300;
export const MAX_UNIT_LENGTH = 20;
export const MAX_SOURCE_LENGTH = 200;
export const MAX_URL_LENGTH = 500;
export const MIN_YEAR = 1950;
export const MAX_YEAR = 2100;
/** A series holds a few dozen figures; a file of more is not a series. */
export const MAX_POINTS = 2000;

/** Why a figure read from a file is refused (importers word each one). */
export type PointProblem =
  | "year_missing"
  | "year_invalid"
  | "value_missing"
  | "value_invalid"
  | "source_missing"
  | "source_too_long"
  | "url_invalid";

export function isYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** An http(s) address without credentials, or null for anything else. */
export function safeUrl(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.length > MAX_URL_LENGTH) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.username !== "" || url.password !== "") return null;
    return url.toString();
  } catch {
    return null;
  }
}

/**
 * The figure shown as "latest": the most recent year up to `asOfYear` (projections beyond it
 * are not figures yet); in one year a survey's measure wins over a model's estimate.
 */
export function latestPoint(points: readonly SeriesPoint[], asOfYear: number): SeriesPoint | null {
  let best: SeriesPoint | null = null;
  for (const p of points) {
    if (p.year > asOfYear || !Number.isFinite(p.value)) continue;
    if (
      best === null ||
      p.year > best.year ||
      (p.year === best.year && p.kind === "survey" && best.kind !== "survey")
    )
      best = p;
  }
  return best;
}

/** What a goal aims at: an optional baseline, a target, and which way it moves. */
export interface OutcomeTarget {
  baseline: YearValue | null;
  target: YearValue;
  direction: GoalDirection;
}

export interface OutcomeReading {
  latest: SeriesPoint | null;
  /** The value the straight line baseline → target expects in the latest figure's year. */
  expected: number | null;
  /** The change per year still needed from the latest figure to reach the target in time. */
  perYearNeeded: number | null;
  reached: boolean;
  suggestion: Progress;
}

/**
 * The goal read against its series. With a baseline: on the line (less the tolerance) is on
 * track. Once the target year has come, only a target reached is on track. Without a baseline
 * (no line to follow: "at least 20 % of purchases"): a target reached is on track, a target
 * missed by its year is off track, anything else is no data.
 */
export function readOutcome(
  goal: OutcomeTarget,
  points: readonly SeriesPoint[],
  asOfYear: number,
  tolerance: number = ON_TRACK_TOLERANCE,
): OutcomeReading {
  const latest = latestPoint(points, asOfYear);
  if (latest === null)
    return { latest, expected: null, perYearNeeded: null, reached: false, suggestion: "no_data" };
  const { baseline, target, direction } = goal;
  const isReached = reached(latest.value, target.value, direction);
  const perYearNeeded =
    latest.year < target.year && !isReached
      ? (target.value - latest.value) / (target.year - latest.year)
      : null;
  const due = latest.year >= target.year;
  if (baseline === null) {
    const suggestion: Progress = isReached ? "on_track" : due ? "off_track" : "no_data";
    return { latest, expected: null, perYearNeeded, reached: isReached, suggestion };
  }
  const expected = latest.year < baseline.year ? null : trajectory(baseline, target, latest.year);
  const suggestion: Progress =
    expected === null
      ? "no_data"
      : due
        ? isReached
          ? "on_track"
          : "off_track"
        : onTrack(latest, baseline, target, tolerance, direction);
  return { latest, expected, perYearNeeded, reached: isReached, suggestion };
}

/** What a coordinator types to define a goal, as numbers already read. */
export interface OutcomeGoalInput {
  label: string;
  labelEn: string;
  unit: string;
  baselineYear: number | null;
  baselineValue: number | null;
  baselineSource: string;
  targetYear: number | null;
  targetValue: number | null;
  direction: string;
}

export type GoalField =
  | "label"
  | "label_en"
  | "unit"
  | "baseline_year"
  | "baseline_value"
  | "baseline_source"
  | "target_year"
  | "target_value"
  | "direction";

/** Every field refused, with why: a form shows them all at once. */
export function outcomeGoalProblems(input: OutcomeGoalInput): Partial<Record<GoalField, string>> {
  const errors: Partial<Record<GoalField, string>> = {};
  const label = input.label.trim();
  if (label === "") errors.label = "required";
  else if (label.length > MAX_LABEL_LENGTH) errors.label = "too_long";
  if (input.labelEn.trim().length > MAX_LABEL_LENGTH) errors.label_en = "too_long";
  if (input.unit.trim().length > MAX_UNIT_LENGTH) errors.unit = "too_long";
  if (input.baselineSource.trim().length > MAX_SOURCE_LENGTH) errors.baseline_source = "too_long";
  if (input.targetYear === null) errors.target_year = "required";
  else if (!isYear(input.targetYear)) errors.target_year = "invalid";
  if (input.targetValue === null) errors.target_value = "required";
  else if (!Number.isFinite(input.targetValue)) errors.target_value = "invalid";
  const hasYear = input.baselineYear !== null;
  const hasValue = input.baselineValue !== null;
  if (hasYear && !isYear(input.baselineYear as number)) errors.baseline_year = "invalid";
  if (hasYear !== hasValue) {
    if (!hasYear) errors.baseline_year = "required";
    else errors.baseline_value = "required";
  }
  if (
    hasYear &&
    !errors.baseline_year &&
    input.targetYear !== null &&
    !errors.target_year &&
    (input.baselineYear as number) >= input.targetYear
  )
    errors.baseline_year = "after_target";
  if (input.direction !== "increase" && input.direction !== "decrease")
    errors.direction = "required";
  else if (hasValue && input.targetValue !== null && !errors.baseline_value) {
    const planned = input.targetValue - (input.baselineValue as number);
    if (
      (planned > 0 && input.direction === "decrease") ||
      (planned < 0 && input.direction === "increase")
    )
      errors.direction = "contradicts";
  }
  return errors;
}

/** The direction a baseline and a target imply (a flat goal is read as "at least"). */
export function impliedDirection(baseline: number | null, target: number): GoalDirection {
  return baseline !== null && target < baseline ? "decrease" : "increase";
}
