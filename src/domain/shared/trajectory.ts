// The straight line from a baseline to a target, and whether a figure keeps to it. Shared
// because two parts judge against it: health indicators' targets and the tracker's outcome
// goals (mCPR 17 % in 2020 → 40 % in 2030), and the tracker may not import health.

export interface YearValue {
  year: number;
  value: number;
}

/** Which way a goal moves: up (mCPR) or down (unmet need). */
export const GOAL_DIRECTIONS = ["increase", "decrease"] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

export function isGoalDirection(value: string): value is GoalDirection {
  return (GOAL_DIRECTIONS as readonly string[]).includes(value);
}

/**
 * The value the straight line from baseline to target expects in `year`: the baseline up to its
 * own year, the target from its year on. Null when the target is not after the baseline.
 * A decreasing goal (unmet need 20 % → 13 %) is a line going down.
 */
export function trajectory(baseline: YearValue, target: YearValue, year: number): number | null {
  const span = target.year - baseline.year;
  if (!(span > 0)) return null;
  const elapsed = Math.min(Math.max(year - baseline.year, 0), span);
  // Multiplied before divided: 20 + (−7 × 4) / 7 is exactly 16.
  return baseline.value + ((target.value - baseline.value) * elapsed) / span;
}

export type Progress = "on_track" | "off_track" | "no_data";

/**
 * How far below the line a figure may be and still be on track: a share of the whole planned
 * change (0.1: 2.3 points for mCPR 17 → 40 %, 0.7 points for unmet need 20 → 13 %).
 */
export const ON_TRACK_TOLERANCE = 0.1;

/**
 * A suggestion, which the person assessing confirms: on track when the latest figure is at or
 * beyond the line for its year, less the tolerance, in the goal's direction (up or down); ahead
 * of the line is on track. A goal to hold a level (target = baseline) is on track within the
 * tolerance of that level either way, or, when its direction is given ("at least 20 %"), at or
 * beyond the level less the tolerance. No data without a latest figure, for a figure from before
 * the baseline, or for a target that is not after its baseline.
 */
export function onTrack(
  latest: YearValue | null,
  baseline: YearValue,
  target: YearValue,
  tolerance: number = ON_TRACK_TOLERANCE,
  direction?: GoalDirection,
): Progress {
  if (latest === null || !Number.isFinite(latest.value) || latest.year < baseline.year) {
    return "no_data";
  }
  const expected = trajectory(baseline, target, latest.year);
  if (expected === null) return "no_data";
  const planned = target.value - baseline.value;
  if (planned === 0) {
    const slack = tolerance * Math.abs(target.value) + 1e-9;
    const ok =
      direction === "increase"
        ? latest.value >= target.value - slack
        : direction === "decrease"
          ? latest.value <= target.value + slack
          : Math.abs(latest.value - target.value) <= slack;
    return ok ? "on_track" : "off_track";
  }
  // A hair of slack so that a figure exactly on the edge is not lost to rounding (28.5 − 2.3).
  const margin = tolerance * Math.abs(planned) + 1e-9 * Math.max(1, Math.abs(expected));
  const up = direction ? direction === "increase" : planned > 0;
  const ok = up ? latest.value >= expected - margin : latest.value <= expected + margin;
  return ok ? "on_track" : "off_track";
}

/** Whether a figure has reached the target, in the goal's direction. */
export function reached(value: number, target: number, direction: GoalDirection): boolean {
  return direction === "increase" ? value >= target - 1e-9 : value <= target + 1e-9;
}
