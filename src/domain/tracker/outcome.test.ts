import { describe, expect, it } from "vitest";
import { onTrack } from "../shared/trajectory.ts";
import {
  impliedDirection,
  latestPoint,
  type OutcomeTarget,
  outcomeGoalProblems,
  readOutcome,
  type SeriesPoint,
  safeUrl,
} from "./outcome.ts";

const point = (
  year: number,
  value: number,
  kind: SeriesPoint["kind"] = "estimate",
): SeriesPoint => ({
  year,
  value,
  source: kind === "survey" ? "DHS" : "Track20 FPET",
  url: null,
  kind,
});

// mCPR 17 % in 2020 → 40 % in 2030: the line gains 2.3 points a year, the tolerance is 2.3.
const mcpr: OutcomeTarget = {
  baseline: { year: 2020, value: 17 },
  target: { year: 2030, value: 40 },
  direction: "increase",
};
// Unmet need 20 % in 2018 → 13 % in 2025: 1 point a year down, tolerance 0.7.
const unmet: OutcomeTarget = {
  baseline: { year: 2018, value: 20 },
  target: { year: 2025, value: 13 },
  direction: "decrease",
};

describe("the latest figure", () => {
  it("is the most recent year up to the year of reading, a survey before an estimate", () => {
    const points = [point(2018, 16), point(2018, 16.4, "survey"), point(2022, 18), point(2026, 25)];
    expect(latestPoint(points, 2024)).toEqual(point(2022, 18));
    expect(latestPoint(points, 2019)).toEqual(point(2018, 16.4, "survey"));
    expect(latestPoint(points, 2017)).toBeNull();
    expect(latestPoint([], 2024)).toBeNull();
  });
});

describe("reading a goal against its series", () => {
  it("is on track on the line or above it, less the tolerance, and off track below", () => {
    const on = readOutcome(mcpr, [point(2022, 19.4)], 2024);
    expect(on.expected).toBeCloseTo(21.6);
    expect(on.suggestion).toBe("on_track");
    expect(readOutcome(mcpr, [point(2022, 19.2)], 2024).suggestion).toBe("off_track");
    expect(readOutcome(mcpr, [point(2022, 30)], 2024).suggestion).toBe("on_track");
  });

  it("says the pace still needed to reach the target in time", () => {
    const r = readOutcome(mcpr, [point(2022, 18)], 2024);
    expect(r.perYearNeeded).toBeCloseTo((40 - 18) / 8);
    expect(r.reached).toBe(false);
  });

  it("reads a decreasing goal downwards", () => {
    const r = readOutcome(unmet, [point(2022, 16.5)], 2024);
    expect(r.expected).toBe(16);
    expect(r.suggestion).toBe("on_track");
    expect(r.perYearNeeded).toBeCloseTo(-3.5 / 3);
    expect(readOutcome(unmet, [point(2022, 16.8)], 2024).suggestion).toBe("off_track");
    // Lower than the line is ahead of it for a goal going down.
    expect(readOutcome(unmet, [point(2022, 12)], 2024).suggestion).toBe("on_track");
  });

  it("is on track once the target is reached, with nothing more needed", () => {
    const r = readOutcome(unmet, [point(2023, 12.5)], 2024);
    expect(r.reached).toBe(true);
    expect(r.perYearNeeded).toBeNull();
    expect(r.suggestion).toBe("on_track");
  });

  it("has no data without a figure, with figures from before the baseline or only projections", () => {
    expect(readOutcome(mcpr, [], 2024).suggestion).toBe("no_data");
    expect(readOutcome(mcpr, [point(2016, 15)], 2024).suggestion).toBe("no_data");
    expect(readOutcome(mcpr, [point(2016, 15)], 2024).expected).toBeNull();
    expect(readOutcome(mcpr, [point(2027, 35)], 2024).suggestion).toBe("no_data");
  });

  it("past the target year, only a target reached is on track (no tolerance)", () => {
    expect(readOutcome(unmet, [point(2027, 13.5)], 2028).suggestion).toBe("off_track");
    expect(readOutcome(unmet, [point(2027, 13)], 2028).suggestion).toBe("on_track");
    expect(readOutcome(unmet, [point(2027, 13.5)], 2028).perYearNeeded).toBeNull();
  });

  it("without a baseline: reached is on track, missed by the target year off track, else no data", () => {
    const budget: OutcomeTarget = {
      baseline: null,
      target: { year: 2025, value: 20 },
      direction: "increase",
    };
    expect(readOutcome(budget, [point(2023, 21)], 2024).suggestion).toBe("on_track");
    expect(readOutcome(budget, [point(2023, 12)], 2024).suggestion).toBe("no_data");
    expect(readOutcome(budget, [point(2025, 12)], 2026).suggestion).toBe("off_track");
    expect(readOutcome(budget, [point(2023, 12)], 2024).expected).toBeNull();
  });
});

describe("holding a level", () => {
  it("is one-sided when the goal says which way", () => {
    const base = { year: 2020, value: 20 };
    const target = { year: 2025, value: 20 };
    expect(onTrack({ year: 2022, value: 30 }, base, target)).toBe("off_track");
    expect(onTrack({ year: 2022, value: 30 }, base, target, 0.1, "increase")).toBe("on_track");
    expect(onTrack({ year: 2022, value: 17.5 }, base, target, 0.1, "increase")).toBe("off_track");
    expect(onTrack({ year: 2022, value: 10 }, base, target, 0.1, "decrease")).toBe("on_track");
  });
});

describe("a goal as typed", () => {
  const good = {
    label: "TPCm",
    labelEn: "",
    unit: "%",
    baselineYear: 2020,
    baselineValue: 17,
    baselineSource: "Track20",
    targetYear: 2030,
    targetValue: 40,
    direction: "increase",
  };

  it("is accepted when coherent", () => {
    expect(outcomeGoalProblems(good)).toEqual({});
    expect(outcomeGoalProblems({ ...good, baselineYear: null, baselineValue: null })).toEqual({});
  });

  it("names every refused field at once", () => {
    expect(
      outcomeGoalProblems({
        ...good,
        label: " ",
        baselineValue: null,
        targetYear: null,
        direction: "sideways",
      }),
    ).toEqual({
      label: "required",
      baseline_value: "required",
      target_year: "required",
      direction: "required",
    });
    expect(outcomeGoalProblems({ ...good, baselineYear: 2030 })).toEqual({
      baseline_year: "after_target",
    });
    expect(outcomeGoalProblems({ ...good, direction: "decrease" })).toEqual({
      direction: "contradicts",
    });
    expect(outcomeGoalProblems({ ...good, label: "x".repeat(301) })).toEqual({ label: "too_long" });
  });

  it("implies its direction from baseline and target", () => {
    expect(impliedDirection(20, 13)).toBe("decrease");
    expect(impliedDirection(17, 40)).toBe("increase");
    expect(impliedDirection(null, 20)).toBe("increase");
  });
});

describe("source addresses", () => {
  it("keeps http(s) addresses without credentials only", () => {
    expect(safeUrl(" https://www.track20.org/ ")).toBe("https://www.track20.org/");
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("https://user:pw@example.org/")).toBeNull();
    expect(safeUrl("not a url")).toBeNull();
  });
});
