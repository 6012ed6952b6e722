// Unit tests of the cycle comparison: the base cycle and the status changes.
import { describe, expect, it } from "vitest";
import { comparisonBase, notYetAssessed, periodName, statusChanges } from "./comparison.ts";
import type { CycleState } from "./cycle.ts";
import type { Status } from "./status.ts";

const cycle = (id: number, year: number, state: CycleState = "published") => ({
  id,
  state,
  periodStart: `${year}-01-01`,
  periodEnd: `${year}-12-31`,
});

describe("comparisonBase", () => {
  const c2021 = cycle(1, 2021);
  const c2022 = cycle(2, 2022);
  const c2023 = cycle(3, 2023);

  it("takes the cycle it was carried forward from when that one is published", () => {
    expect(comparisonBase(c2023, [c2021, c2022, c2023], 1)).toBe(c2021);
  });

  it("falls back to the latest published cycle before it by period", () => {
    expect(comparisonBase(c2023, [c2021, c2022, c2023], null)).toBe(c2022);
    const draft = cycle(2, 2022, "validation");
    expect(comparisonBase(c2023, [c2021, draft, c2023], 2)).toBe(c2021);
  });

  it("finds nothing for the first cycle, nor among later or unpublished ones", () => {
    expect(comparisonBase(c2021, [c2021, c2022, c2023], null)).toBeUndefined();
    expect(comparisonBase(c2023, [cycle(2, 2022, "collection"), c2023], null)).toBeUndefined();
    expect(comparisonBase(c2023, [c2023], 3)).toBeUndefined();
  });
});

describe("statusChanges", () => {
  const indicators = [{ id: 10 }, { id: 11 }, { id: 12 }, { id: 13 }];
  const map = (entries: [number, Status][]) => new Map(entries);

  it("lists the indicators whose status moved, in indicator order", () => {
    const before = map([
      [10, "on_track"],
      [11, "achieved"],
      [12, "off_track"],
    ]);
    const after = map([
      [12, "on_track"],
      [11, "achieved"],
      [10, "achieved"],
    ]);
    expect(statusChanges(indicators, before, after)).toEqual([
      { indicatorId: 10, from: "on_track", to: "achieved" },
      { indicatorId: 12, from: "off_track", to: "on_track" },
    ]);
  });

  it("never shows an indicator not yet assessed in the new cycle as a change", () => {
    const before = map([
      [10, "achieved"],
      [12, "on_track"],
    ]);
    const after = map([
      [12, "not_assessed"],
      [13, "off_track"],
    ]);
    expect(statusChanges(indicators, before, after)).toEqual([
      { indicatorId: 13, from: "not_assessed", to: "off_track" },
    ]);
    expect(notYetAssessed(indicators, before, after)).toEqual([
      { indicatorId: 10, was: "achieved" },
      { indicatorId: 12, was: "on_track" },
    ]);
    expect(statusChanges(indicators, map([[11, "not_assessed"]]), map([]))).toEqual([]);
    expect(notYetAssessed(indicators, map([[11, "not_assessed"]]), map([]))).toEqual([]);
  });
});

describe("periodName", () => {
  it("names a calendar year by the year, and a period across years by both", () => {
    expect(periodName({ periodStart: "2022-01-01", periodEnd: "2022-12-31" })).toBe("2022");
    expect(periodName({ periodStart: "2022-07-01", periodEnd: "2023-06-30" })).toBe("2022–2023");
  });
});
