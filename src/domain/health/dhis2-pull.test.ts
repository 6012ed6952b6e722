// The periods a saved connection asks for on a given day, its next scheduled run, and the
// since dates DHIS2's lastUpdated takes.
import { describe, expect, it } from "vitest";
import { expandPeriods, isEnvName, isSince, MAX_PERIODS, nextPullAt } from "./dhis2-pull.ts";

describe("a connection's periods", () => {
  it("expands a relative span to the periods before the current one, oldest first", () => {
    expect(expandPeriods("LAST_12_MONTHS", "2023-02-14")).toEqual([
      "202202",
      "202203",
      "202204",
      "202205",
      "202206",
      "202207",
      "202208",
      "202209",
      "202210",
      "202211",
      "202212",
      "202301",
    ]);
    expect(expandPeriods("THIS_MONTH", "2023-02-14")).toEqual(["202302"]);
    expect(expandPeriods("last_4_quarters", "2023-01-01")).toEqual([
      "2022Q1",
      "2022Q2",
      "2022Q3",
      "2022Q4",
    ]);
    expect(expandPeriods("LAST_YEAR", "2023-12-31")).toEqual(["2022"]);
  });

  it("takes DHIS2 period ids as a list, without repeats, mixed with spans", () => {
    expect(expandPeriods("202201, 202202;2022Q1 202201", "2023-02-14")).toEqual([
      "202201",
      "202202",
      "2022Q1",
    ]);
    expect(expandPeriods("LAST_MONTH,202301", "2023-02-14")).toEqual(["202301"]);
  });

  it("refuses anything else, an empty spec and too many periods", () => {
    expect(expandPeriods("202213", "2023-02-14")).toBeNull();
    expect(expandPeriods("LAST_13_MONTHS", "2023-02-14")).toBeNull();
    expect(expandPeriods(" , ", "2023-02-14")).toBeNull();
    const days = Array.from({ length: MAX_PERIODS + 1 }, (_, i) => {
      const d = new Date(Date.UTC(2022, 0, 1 + i)).toISOString().slice(0, 10);
      return d.replaceAll("-", "");
    });
    expect(expandPeriods(days.join(","), "2023-02-14")).toBeNull();
    expect(expandPeriods(days.slice(1).join(","), "2023-02-14")).toHaveLength(MAX_PERIODS);
  });
});

describe("a connection's schedule", () => {
  it("runs a day or a week after the last run, or never", () => {
    const at = Date.UTC(2022, 2, 15, 6);
    expect(nextPullAt("daily", at)).toBe(Date.UTC(2022, 2, 16, 6));
    expect(nextPullAt("weekly", at)).toBe(Date.UTC(2022, 2, 22, 6));
    expect(nextPullAt("none", at)).toBeNull();
  });
});

describe("what a connection names", () => {
  it("takes ISO dates and times for lastUpdated, real days only", () => {
    expect(isSince("2024-03-01")).toBe(true);
    expect(isSince("2024-03-01T12:30:00Z")).toBe(true);
    expect(isSince("2024-03-01T12:30:00.000+01:00")).toBe(true);
    expect(isSince("2023-02-29")).toBe(false);
    expect(isSince("01/03/2024")).toBe(false);
    expect(isSince("2024-03-01; drop table")).toBe(false);
  });

  it("names environment variables, not secrets with other characters", () => {
    expect(isEnvName("JALON_DHIS2_TOKEN")).toBe(true);
    expect(isEnvName("MY USER")).toBe(false);
    expect(isEnvName("1ABC")).toBe(false);
    expect(isEnvName("")).toBe(false);
  });
});
