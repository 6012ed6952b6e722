import { describe, expect, it } from "vitest";
import { bilingual, inLang, pick } from "../shared/lang.ts";
import { goalProblems, indicatorNumber, isIndicatorCode } from "./commitment.ts";
import { isValidPeriod, latestPublished } from "./cycle.ts";
import { groupDifficulties } from "./difficulty.ts";
import { groupByCategory, slugify } from "./partner.ts";
import { isStatus, statusNeedsNarrative } from "./status.ts";

describe("partners", () => {
  it("slugs names and acronyms for URLs", () => {
    expect(slugify("PSAT Canada")).toBe("psat-canada");
    expect(slugify("OSC/PF")).toBe("osc-pf");
    expect(slugify("Débo Alafia ")).toBe("debo-alafia");
  });
  it("groups by category in report order, keeping empty categories", () => {
    const groups = groupByCategory([
      { name: "UNFPA", acronym: "UNFPA", category: "donor" },
      { name: "Office national", acronym: "ONASR", category: "government" },
      { name: "Association", acronym: "AMPPF", category: "local_ngo" },
      { name: "Ministère", acronym: "MSDS", category: "government" },
    ]);
    expect(groups.map((g) => g.category)).toEqual([
      "government",
      "donor",
      "international_ngo",
      "local_ngo",
      "private_sector",
    ]);
    expect(groups[0]?.partners.map((p) => p.acronym)).toEqual(["MSDS", "ONASR"]);
    expect(groups[4]?.partners).toEqual([]);
  });
});

describe("indicators and goals", () => {
  it("numbers an indicator within its commitment", () => {
    expect(indicatorNumber(2, { position: 1 })).toBe("2.1");
  });
  it("accepts letter codes only", () => {
    expect(isIndicatorCode("a")).toBe(true);
    expect(isIndicatorCode("n")).toBe(true);
    expect(isIndicatorCode("A")).toBe(false);
    expect(isIndicatorCode("1")).toBe(false);
  });
  it("reports incoherent goals", () => {
    const ok = {
      indicator: "mCPR",
      unit: "%",
      baselineValue: 17,
      baselineYear: 2020,
      baselineSource: "Track20",
      targetValue: 40,
      targetYear: 2030,
    };
    expect(goalProblems(ok)).toEqual([]);
    expect(goalProblems({ ...ok, baselineYear: null })).toContain("baseline");
    expect(goalProblems({ ...ok, baselineYear: 2040 })).toContain("baselineYear");
    expect(goalProblems({ ...ok, indicator: " " })).toContain("indicator");
  });
});

describe("cycles", () => {
  it("checks periods", () => {
    expect(isValidPeriod("2022-01-01", "2022-12-31")).toBe(true);
    expect(isValidPeriod("2022-12-31", "2022-01-01")).toBe(false);
    expect(isValidPeriod("2022-13-01", "2022-12-31")).toBe(false);
    // Date.parse takes 31 February for 2 March; a period does not.
    expect(isValidPeriod("2024-02-31", "2024-02-31")).toBe(false);
  });
  it("finds the latest published cycle", () => {
    const cycles = [
      { state: "published" as const, periodEnd: "2022-12-31", slug: "2022" },
      { state: "collection" as const, periodEnd: "2023-12-31", slug: "2023" },
      { state: "published" as const, periodEnd: "2021-12-31", slug: "2021" },
    ];
    expect(latestPublished(cycles)?.slug).toBe("2022");
    expect(latestPublished([])).toBeUndefined();
  });
});

describe("statuses, difficulties, language", () => {
  it("requires a narrative for yellow and red only", () => {
    expect(statusNeedsNarrative("on_track")).toBe(true);
    expect(statusNeedsNarrative("off_track")).toBe(true);
    expect(statusNeedsNarrative("achieved")).toBe(false);
    expect(isStatus("green")).toBe(false);
  });
  it("groups difficulties by level", () => {
    const groups = groupDifficulties([
      { level: "state" as const, id: 1 },
      { level: "tracking" as const, id: 2 },
    ]);
    expect(groups.map((g) => [g.level, g.items.length])).toEqual([
      ["tracking", 1],
      ["state", 1],
      ["stakeholders", 0],
    ]);
  });
  it("falls back to French when no English text exists", () => {
    expect(pick(bilingual("Bonjour", null), "en")).toBe("Bonjour");
    expect(pick(bilingual("Bonjour", ""), "en")).toBe("Bonjour");
    expect(pick(bilingual("Bonjour", "Hello"), "en")).toBe("Hello");
    expect(pick(bilingual("Bonjour", "Hello"), "fr")).toBe("Bonjour");
    const row = { id: 1, title: bilingual("Titre", "Title"), note: null };
    expect(inLang(row, "en", "title", "note")).toEqual({ id: 1, title: "Title", note: null });
  });
});
