// The explorer's range: months read strictly, periods of the type covering them, limits, and the
// analytics query (and its URL form) that answers a request.
import { describe, expect, it } from "vitest";
import { parseAnalyticsQuery } from "./analytics-query.ts";
import {
  analyticsSearch,
  explorerPeriods,
  explorerQuery,
  MAX_PERIODS,
  yearEndingWith,
} from "./explorer.ts";

const ids = (r: ReturnType<typeof explorerPeriods>) => (r.ok ? r.periods.map((p) => p.id) : r);

describe("explorer range", () => {
  it("covers the months with periods of the type", () => {
    expect(ids(explorerPeriods("Monthly", "2022-11", "2023-02"))).toEqual([
      "202211",
      "202212",
      "202301",
      "202302",
    ]);
    // A quarter with at least one month in the range is shown whole.
    expect(ids(explorerPeriods("Quarterly", "2022-02", "2022-04"))).toEqual(["2022Q1", "2022Q2"]);
    expect(ids(explorerPeriods("Yearly", "2021-12", "2022-01"))).toEqual(["2021", "2022"]);
  });

  it("names the field of a bad month, a reversed range and one too long", () => {
    expect(explorerPeriods("Monthly", "2022-13", "22-01")).toEqual({
      ok: false,
      problems: [
        { field: "from", reason: "invalid" },
        { field: "to", reason: "invalid" },
      ],
    });
    expect(explorerPeriods("Monthly", "2022-05", "2022-04")).toEqual({
      ok: false,
      problems: [{ field: "to", reason: "order" }],
    });
    const years = Math.ceil(MAX_PERIODS / 12) + 1;
    expect(explorerPeriods("Monthly", "2000-01", `${2000 + years}-01`)).toEqual({
      ok: false,
      problems: [{ field: "from", reason: "too_many" }],
    });
    expect(explorerPeriods("Yearly", "2000-01", `${2000 + years}-01`).ok).toBe(true);
  });

  it("defaults to the twelve months that end with a month", () => {
    expect(yearEndingWith("2022-12")).toEqual({ from: "2022-01", to: "2022-12" });
    expect(yearEndingWith("2022-03")).toEqual({ from: "2021-04", to: "2022-03" });
  });

  it("asks analytics for dx × ou × pe with numerator and denominator, in a URL it reads back", () => {
    const periods = explorerPeriods("Quarterly", "2022-01", "2022-06");
    if (!periods.ok) throw new Error("range");
    const query = explorerQuery(
      {
        dx: "InAnc1Cov01",
        ou: "RegSeg00001",
        level: 3,
        periodType: "Quarterly",
        from: "2022-01",
        to: "2022-06",
      },
      periods.periods,
    );
    expect(query.dimensions).toEqual([
      { name: "dx", items: ["InAnc1Cov01"] },
      { name: "ou", items: ["RegSeg00001", "LEVEL-3"] },
      { name: "pe", items: ["2022Q1", "2022Q2"] },
    ]);
    const search = analyticsSearch(query);
    expect(search).toBe(
      "dimension=dx%3AInAnc1Cov01&dimension=ou%3ARegSeg00001%3BLEVEL-3&dimension=pe%3A2022Q1%3B2022Q2&includeNumDen=true",
    );
    expect(parseAnalyticsQuery(new URLSearchParams(search))).toEqual({ ok: true, query });
  });
});
