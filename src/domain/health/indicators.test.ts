import { describe, expect, it } from "vitest";
import { type Expression, parseExpression } from "./expressions.ts";
import {
  aggregateOverMonths,
  evaluateIndicator,
  INDICATOR_FACTORS,
  type Indicator,
  lookupFromRows,
  onTrack,
  trajectory,
  type ValueRow,
  yearOfPeriod,
} from "./indicators.ts";
import { pathOf } from "./org-units.ts";
import { monthsIn, parsePeriod } from "./periods.ts";

const expr = (text: string): Expression => {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};
const noConstants = () => null;

// Mali → 2 regions → 3 districts → 5 facilities.
const MLI = pathOf(null, "MLI");
const R1 = pathOf(MLI, "R1");
const R2 = pathOf(MLI, "R2");
const D1 = pathOf(R1, "D1");
const D2 = pathOf(R1, "D2");
const D3 = pathOf(R2, "D3");
const F1 = pathOf(D1, "F1");
const F2 = pathOf(D1, "F2");
const F3 = pathOf(D2, "F3");
const F4 = pathOf(D3, "F4");
const F5 = pathOf(D3, "F5");

const monthsOf = (id: string) => {
  const period = parsePeriod(id);
  if (period === null) throw new Error(id);
  return monthsIn(period);
};
const Q1 = monthsOf("2024Q1");
const Q2 = monthsOf("2024Q2");
const YEAR = monthsOf("2024");

// NEW: new family-planning users (summed), by age (u20, o20). WRA: women of reproductive age,
// a population reported monthly (averaged over the months that have data, summed over units).
const row = (dataElement: string, coc: string, orgUnitPath: string, month: string, value: number) =>
  ({ dataElement, coc, orgUnitPath, month, value }) satisfies ValueRow;
const ROWS: ValueRow[] = [
  row("NEW", "u20", F1, "202401", 4),
  row("NEW", "o20", F1, "202401", 6),
  row("NEW", "u20", F1, "202402", 2),
  row("NEW", "o20", F1, "202402", 8),
  row("NEW", "o20", F2, "202401", 10),
  row("NEW", "o20", F2, "202403", 0),
  row("NEW", "u20", F3, "202402", 6),
  row("NEW", "o20", F4, "202401", 7),
  row("NEW", "o20", F4, "202402", 1),
  row("NEW", "u20", F4, "202403", 2),
  row("NEW", "o20", F5, "202404", 20),
  row("NEW", "u20", F1, "202405", 5),
  ...[...Q1, ...Q2].flatMap((m) => [
    row("WRA", "default", F1, m, 100),
    row("WRA", "default", F2, m, 200),
    row("WRA", "default", F3, m, 300),
    row("WRA", "default", F4, m, 300),
  ]),
  // F5 reports its population in January and April only.
  row("WRA", "default", F5, "202401", 250),
  row("WRA", "default", F5, "202404", 250),
];
const aggregationOf = (de: string) => (de === "WRA" ? "average" : "sum");
const scope = (orgUnitPath: string, months: string[]) =>
  lookupFromRows(ROWS, { orgUnitPath, months, aggregationOf });

// New users per 100 women of reproductive age.
const USERS_PER_100: Indicator = {
  numerator: expr("#{NEW}"),
  denominator: expr("#{WRA}"),
  factor: INDICATOR_FACTORS.percent,
};
const figureOf = (orgUnitPath: string, months: string[], indicator = USERS_PER_100) =>
  evaluateIndicator(indicator, scope(orgUnitPath, months), noConstants);

describe("operands over the tree and the period", () => {
  it("sum a summed element over the subtree and the months, every combo or one", () => {
    const d1 = scope(D1, Q1);
    expect(d1({ dataElement: "NEW", coc: null })).toBe(30); // 4+6+2+8 + 10+0
    expect(d1({ dataElement: "NEW", coc: "u20" })).toBe(6);
    expect(scope(MLI, Q1)({ dataElement: "NEW", coc: null })).toBe(46);
    expect(scope(MLI, YEAR)({ dataElement: "NEW", coc: null })).toBe(71);
    expect(scope(F1, YEAR)({ dataElement: "NEW", coc: "u20" })).toBe(11);
  });

  it("average an averaged element over the months with data, after summing the units", () => {
    expect(scope(D1, Q1)({ dataElement: "WRA", coc: null })).toBe(300);
    // January 1150, February 900, March 900.
    expect(scope(MLI, Q1)({ dataElement: "WRA", coc: null })).toBeCloseTo(2950 / 3, 10);
    // F5 alone: only January has data, so the quarter's figure is January's, not a third of it.
    expect(scope(F5, Q1)({ dataElement: "WRA", coc: null })).toBe(250);
    // Six months with data in the year: 1150, 900, 900, 1150, 900, 900.
    expect(scope(MLI, YEAR)({ dataElement: "WRA", coc: null })).toBeCloseTo(5900 / 6, 10);
  });

  it("give no value where nothing was reported, and a zero where a zero was", () => {
    expect(scope(F5, Q1)({ dataElement: "NEW", coc: null })).toBeNull();
    expect(scope(F2, ["202403"])({ dataElement: "NEW", coc: null })).toBe(0);
    expect(scope(D3, ["202409"])({ dataElement: "WRA", coc: null })).toBeNull();
  });
});

describe("evaluateIndicator", () => {
  it("computes a ratio of totals for every level, not an average of the units' ratios", () => {
    expect(figureOf(D1, Q1)).toEqual({ numerator: 30, denominator: 300, value: 10 });
    expect(figureOf(D2, Q1)?.value).toBe(2); // 6 × 100 / 300
    expect(figureOf(R1, Q1)?.value).toBe(6); // 36 × 100 / 600
    expect(figureOf(D3, Q1)?.value).toBeCloseTo(3000 / 1150, 10); // 10 × 100 / (1150 / 3)
    const country = figureOf(MLI, Q1);
    expect(country?.numerator).toBe(46);
    expect(country?.value).toBeCloseTo((46 * 100 * 3) / 2950, 10);
    const meanOfDistricts = (10 + 2 + 3000 / 1150) / 3;
    expect(Math.abs((country?.value ?? 0) - meanOfDistricts)).toBeGreaterThan(0.1);
    expect(figureOf(MLI, YEAR)?.value).toBeCloseTo((71 * 100 * 6) / 5900, 10);
  });

  it("multiplies by the factor before dividing", () => {
    const per1000 = { ...USERS_PER_100, factor: INDICATOR_FACTORS.per_thousand };
    expect(figureOf(D1, Q1, per1000)?.value).toBe(100);
    const share = evaluateIndicator(
      { numerator: expr("17"), denominator: expr("100"), factor: 100 },
      () => null,
      noConstants,
    );
    expect(share?.value).toBe(17);
  });

  it("applies each side's missing-value strategy, DHIS2's default when none is given", () => {
    const both = expr("#{NEW.u20} + #{NEW.o20}");
    const byAge: Indicator = { ...USERS_PER_100, numerator: both };
    // F3 reported under-20s only.
    expect(figureOf(F3, Q1, byAge)?.numerator).toBe(6);
    const strict = { ...byAge, numeratorStrategy: "SKIP_IF_ANY_VALUE_MISSING" } as const;
    expect(figureOf(F3, Q1, strict)).toBeNull();
    // F5 reported no user in Q1: no value, unless missing values count as zeros.
    expect(figureOf(F5, Q1)).toBeNull();
    const never = { ...USERS_PER_100, numeratorStrategy: "NEVER_SKIP" } as const;
    expect(figureOf(F5, Q1, never)).toEqual({ numerator: 0, denominator: 250, value: 0 });
  });

  it("gives no value for a zero or missing denominator", () => {
    const zero = { ...USERS_PER_100, denominator: expr("#{WRA} - #{WRA}") };
    expect(figureOf(D1, Q1, zero)).toBeNull();
    expect(
      figureOf(D3, ["202409"], { ...USERS_PER_100, denominatorStrategy: "NEVER_SKIP" }),
    ).toBeNull();
    expect(figureOf(D1, ["202409"])).toBeNull();
  });

  it("reads constants", () => {
    const scaled = { ...USERS_PER_100, denominator: expr("#{WRA} * C{share}") };
    const lookup = scope(D1, Q1);
    expect(evaluateIndicator(scaled, lookup, (uid) => (uid === "share" ? 0.5 : null))?.value).toBe(
      20,
    );
    expect(evaluateIndicator(scaled, lookup, noConstants)).toBeNull();
  });
});

describe("aggregateOverMonths", () => {
  const b = (month: string, sum: number, count: number) => ({ month, sum, count });

  it("sums or averages over the months that have data", () => {
    const buckets = [b("202401", 10, 2), b("202402", 0, 0), b("202403", 20, 1)];
    expect(aggregateOverMonths("sum", buckets)).toBe(30);
    expect(aggregateOverMonths("average", buckets)).toBe(15);
  });

  it("counts a reported zero as data and merges buckets of the same month", () => {
    expect(aggregateOverMonths("average", [b("202401", 0, 1), b("202402", 30, 3)])).toBe(15);
    expect(aggregateOverMonths("average", [b("202401", 10, 1), b("202401", 20, 1)])).toBe(30);
  });

  it("has no value without data", () => {
    expect(aggregateOverMonths("sum", [])).toBeNull();
    expect(aggregateOverMonths("average", [b("202401", 0, 0)])).toBeNull();
  });
});

describe("targets", () => {
  const mcprBase = { year: 2020, value: 17 };
  const mcprTarget = { year: 2030, value: 40 };
  const unmetBase = { year: 2018, value: 20 };
  const unmetTarget = { year: 2025, value: 13 };

  it("draw a straight line from baseline to target, flat outside it", () => {
    expect(trajectory(mcprBase, mcprTarget, 2020)).toBe(17);
    expect(trajectory(mcprBase, mcprTarget, 2025)).toBe(28.5);
    expect(trajectory(mcprBase, mcprTarget, 2030)).toBe(40);
    expect(trajectory(mcprBase, mcprTarget, 2035)).toBe(40);
    expect(trajectory(mcprBase, mcprTarget, 2015)).toBe(17);
    expect(trajectory(unmetBase, unmetTarget, 2022)).toBe(16);
    expect(trajectory(unmetBase, unmetTarget, 2025)).toBe(13);
    expect(trajectory(mcprBase, { year: 2020, value: 40 }, 2020)).toBeNull();
    expect(trajectory(mcprBase, { year: 2019, value: 40 }, 2020)).toBeNull();
  });

  it("suggest on or off track for a rising goal", () => {
    const at = (year: number, value: number) => onTrack({ year, value }, mcprBase, mcprTarget);
    expect(at(2025, 28.5)).toBe("on_track");
    expect(at(2025, 26.2)).toBe("on_track"); // 28.5 less 10 % of the 23 points planned
    expect(at(2025, 26.1)).toBe("off_track");
    expect(at(2025, 45)).toBe("on_track");
    expect(at(2020, 14)).toBe("off_track");
    expect(at(2032, 39)).toBe("on_track");
    expect(at(2032, 37)).toBe("off_track");
  });

  it("suggest on or off track for a falling goal", () => {
    const at = (year: number, value: number) => onTrack({ year, value }, unmetBase, unmetTarget);
    expect(at(2022, 16)).toBe("on_track");
    expect(at(2022, 16.7)).toBe("on_track"); // 16 plus 10 % of the 7 points planned
    expect(at(2022, 16.8)).toBe("off_track");
    expect(at(2022, 12)).toBe("on_track");
    expect(at(2025, 14)).toBe("off_track");
    expect(at(2025, 13.5)).toBe("on_track");
  });

  it("suggest within a band for a level to hold", () => {
    const hold = { year: 2030, value: 50 };
    const at = (value: number) => onTrack({ year: 2025, value }, { year: 2020, value: 50 }, hold);
    expect(at(54)).toBe("on_track");
    expect(at(45)).toBe("on_track");
    expect(at(56)).toBe("off_track");
    expect(at(44)).toBe("off_track");
  });

  it("say no data without a figure, before the baseline, or for a goal with no span", () => {
    expect(onTrack(null, mcprBase, mcprTarget)).toBe("no_data");
    expect(onTrack({ year: 2019, value: 30 }, mcprBase, mcprTarget)).toBe("no_data");
    expect(onTrack({ year: 2021, value: Number.NaN }, mcprBase, mcprTarget)).toBe("no_data");
    expect(onTrack({ year: 2021, value: 30 }, mcprBase, { year: 2020, value: 40 })).toBe("no_data");
  });

  it("take the tolerance asked for", () => {
    expect(onTrack({ year: 2025, value: 26.2 }, mcprBase, mcprTarget, 0)).toBe("off_track");
    expect(onTrack({ year: 2025, value: 24 }, mcprBase, mcprTarget, 0.25)).toBe("on_track");
  });

  it("read the year of a DHIS2 period", () => {
    expect(yearOfPeriod("2030")).toBe(2030);
    expect(yearOfPeriod("202503")).toBe(2025);
    expect(yearOfPeriod("2025Q4")).toBe(2025);
    expect(yearOfPeriod("2025AprilS1")).toBe(2025);
    expect(yearOfPeriod("LAST_YEAR")).toBeNull();
  });
});
