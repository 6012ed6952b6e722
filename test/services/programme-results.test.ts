// A programme's results on PGlite and PostgreSQL, over a world whose figures are added up by
// hand (test/support/results-world.ts): skilled birth attendance per district and year with the
// change, the assisted deliveries per centre and month, and each facility's months before its
// first midwife against as many after, or why that cannot be said.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/domain/health/periods.ts";
import type { Actor } from "../../src/domain/shared/policy.ts";
import { isProblem } from "../../src/domain/shared/problem.ts";
import { bucketsOf } from "../../src/services/health/analytics.ts";
import {
  centreAverages,
  districtComparison,
  facilitiesBeforeAfter,
  facilityBeforeAfter,
  latestYear,
} from "../../src/services/programme/results.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { loadResultsWorld, type ResultsWorld, resultsManager } from "../support/results-world.ts";

const coordinator: Actor = {
  kind: "user",
  userId: 2,
  role: "coordinator",
  partnerId: null,
  name: "c",
};
const validator: Actor = { kind: "user", userId: 4, role: "validator", partnerId: null, name: "v" };
const respondent: Actor = {
  kind: "user",
  userId: 3,
  role: "respondent",
  partnerId: 1,
  name: "r",
};

describe("a year's buckets", () => {
  it("all start with the year, which the yearly totals group by", () => {
    for (const year of [2021, 2022, 2024]) {
      const period = parsePeriod(String(year));
      if (!period) throw new Error("no period");
      const buckets = bucketsOf(period);
      expect(buckets.length).toBeGreaterThan(12);
      expect(buckets.filter((b) => !b.startsWith(String(year)))).toEqual([]);
    }
  });
});

describe.each(backends)("programme results on %s", (backend) => {
  let t: TestDatabase;
  let w: ResultsWorld;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    w = await loadResultsWorld(t);
  });
  afterAll(() => t.dispose());

  it("gives each district of the programme's regions per year, with the change", async () => {
    const c = await districtComparison(t.db, coordinator, w.programmeId, [2022, 2023]);
    expect(c.years).toEqual([2022, 2023]);
    expect(c.indicators).toHaveLength(1);
    const [sba] = c.indicators;
    expect(sba?.indicator).toMatchObject({
      name: "Taux d’accouchements assistés",
      count: "Accouchements assistés",
      factor: 100,
      decimals: 1,
    });
    const rows = sba?.rows ?? [];
    expect(rows.map((r) => [r.unit.name, r.unit.kind])).toEqual([
      ["Ségou", "region"],
      ["Barouéli", "district"],
      ["Bla", "district"],
    ]);
    const [segou, baroueli, bla] = rows;
    // Ségou 2022: (144 + 60 + 48) / (240 + 120 + 96) = 252 / 456; 2023: (180 + 48 + 72) / 396.
    expect(segou?.values[0]).toBeCloseTo((252 / 456) * 100, 9);
    expect(segou?.values[1]).toBeCloseTo((300 / 396) * 100, 9);
    expect(segou?.change).toBeCloseTo((300 / 396 - 252 / 456) * 100, 9);
    // Barouéli 2022: 204 / 360; 2023: Tamani's six months only, 228 / 300 = 76 %.
    expect(baroueli?.values[0]).toBeCloseTo(56.6666666667, 9);
    expect(baroueli?.values[1]).toBeCloseTo(76, 9);
    expect(baroueli?.change).toBeCloseTo(76 - 56.6666666667, 9);
    expect(bla?.values).toEqual([50, 75]);
    expect(bla?.change).toBe(25);
    expect(baroueli?.unit.regionId).toBe(segou?.unit.id);
  });

  it("has no change for a single year, and a dash where a year has no value", async () => {
    const c = await districtComparison(t.db, coordinator, w.programmeId, [2021, 2022]);
    const bla = c.indicators[0]?.rows.find((r) => r.unit.name === "Bla");
    expect(bla?.values).toEqual([null, 50]);
    expect(bla?.change).toBeNull();
    const one = await districtComparison(t.db, coordinator, w.programmeId, [2023]);
    expect(one.indicators[0]?.rows.map((r) => r.change)).toEqual([null, null, null]);
  });

  it("gives the count per centre and month: the year's total over its months and centres", async () => {
    const a = await centreAverages(t.db, coordinator, w.programmeId, [2022, 2023]);
    const rows = a.indicators[0]?.rows ?? [];
    expect(rows.map((r) => [r.unit.name, r.centres])).toEqual([
      ["Ségou", 3],
      ["Barouéli", 2],
      ["Bla", 1],
    ]);
    // Ségou: 252 / 12 / 3 = 7, then 300 / 12 / 3; Barouéli 204 / 12 / 2, 228 / 12 / 2; Bla 4, 6.
    expect(rows[0]?.values[0]).toBeCloseTo(7, 9);
    expect(rows[0]?.values[1]).toBeCloseTo(300 / 36, 9);
    expect(rows[1]?.values).toEqual([8.5, 9.5]);
    expect(rows[1]?.change).toBeCloseTo(1, 9);
    expect(rows[2]?.values).toEqual([4, 6]);
  });

  it("sets a facility's months before its first midwife against as many after", async () => {
    // Boidié: data from January 2022, a midwife from 15 July: six months each side.
    const boidie = await facilityBeforeAfter(
      t.db,
      coordinator,
      w.programmeId,
      w.units.FacBoidie01 ?? 0,
    );
    expect(boidie).toMatchObject({
      name: "CSCom Boidié",
      parentName: "Barouéli",
      start: "2022-07-15",
      end: null,
      ok: true,
      window: 6,
      before: ["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06"],
      after: ["2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12"],
      missing: [],
      seasonal: false,
    });
    if (!boidie.ok) throw new Error("not computable");
    const [sba] = boidie.indicators;
    expect(sba?.before).toEqual({
      value: 50,
      numerator: 60,
      denominator: 120,
      perMonth: 10,
      months: 6,
    });
    expect(sba?.after).toEqual({
      value: 70,
      numerator: 84,
      denominator: 120,
      perMonth: 14,
      months: 6,
    });
  });

  it("keeps a midwife's successor on the after side, and says why when there is no before", async () => {
    const all = await facilitiesBeforeAfter(t.db, coordinator, w.programmeId, "fr");
    expect(all.map((f) => f.name)).toEqual(["CSCom Bla", "CSCom Boidié", "CSCom Tamani"]);
    const [bla, , tamani] = all;
    // Bla: two midwives day after day from January 2023: the whole of 2022 against 2023.
    expect(bla).toMatchObject({ start: "2023-01-01", end: null, ok: true, window: 12 });
    if (!bla?.ok) throw new Error("not computable");
    expect(bla.seasonal).toBe(true);
    expect(bla.indicators[0]?.before).toMatchObject({ value: 50, perMonth: 4, months: 12 });
    expect(bla.indicators[0]?.after).toMatchObject({ value: 75, perMonth: 6, months: 12 });
    // Tamani: the midwife came in the first month of data.
    expect(tamani).toMatchObject({ start: "2022-01-03", ok: false, reason: "no_before" });
  });

  it("finds the latest year of data, refuses other readers and unknown facilities", async () => {
    expect(await latestYear(t.db, w.programmeId)).toBe(2023);
    const refused = await districtComparison(t.db, respondent, w.programmeId, [2022]).catch(
      (e: unknown) => (isProblem(e) ? e.code : e),
    );
    expect(refused).toBe("forbidden");
    const validatorRefused = await districtComparison(t.db, validator, w.programmeId, [2022]).catch(
      (e: unknown) => (isProblem(e) ? e.code : e),
    );
    expect(validatorRefused).toBe("forbidden");
    const unknown = await facilityBeforeAfter(
      t.db,
      resultsManager,
      w.programmeId,
      w.units.DisBla00001 ?? 0,
    ).catch((e: unknown) => (isProblem(e) ? e.code : e));
    expect(unknown).toBe("not_found");
    const none = await districtComparison(t.db, coordinator, 999_999, [2022]).catch((e: unknown) =>
      isProblem(e) ? e.code : e,
    );
    expect(none).toBe("not_found");
  });
});
