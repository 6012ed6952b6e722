// Series files read into figures: a generic year/value/source CSV, Track20/FPET estimates and a
// DHS Program API answer, each with the rows it refuses and why, and whole files refused.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_POINTS } from "../../src/domain/tracker/outcome.ts";
import { type MapOptions, mapDhsJson } from "../../src/importers/tracker/outcomes/map.ts";
import {
  MAX_SERIES_FILE_BYTES,
  readSeriesFile,
} from "../../src/importers/tracker/outcomes/read.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/outcomes");
const file = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const bytes = (text: string) => new TextEncoder().encode(text);
const options = (o: Partial<MapOptions> = {}): MapOptions => ({
  source: "",
  url: null,
  indicator: null,
  group: null,
  ...o,
});

describe("a generic series CSV", () => {
  it("reads year, value, source, url and kind, and refuses each bad row with its reason", () => {
    const r = readSeriesFile(file("generic.csv"), "csv", options());
    if (!r.ok) throw new Error(r.problem);
    expect(r.points).toEqual([
      {
        year: 2018,
        value: 16.4,
        source: "EDSM-VI 2018",
        url: "https://dhsprogram.com/",
        kind: "survey",
      },
      {
        year: 2020,
        value: 17,
        source: "Track20 FPET",
        url: "https://www.track20.org/",
        kind: "estimate",
      },
      { year: 2021, value: 17.5, source: "Track20 FPET", url: null, kind: "estimate" },
    ]);
    expect(r.summary.rejected.map((x) => [x.row, x.reason])).toEqual([
      [6, "year_invalid"],
      [7, "value_missing"],
      [8, "source_missing"],
      [9, "url_invalid"],
      [10, "kind_invalid"],
    ]);
  });

  it("takes the source named on the form for rows that name none, and a ; separator", () => {
    const r = readSeriesFile(
      bytes("\ufeffannée;valeur;source\n2022;18,2;\n"),
      "csv",
      options({ source: "MICS" }),
    );
    expect(r.ok && r.points).toEqual([
      { year: 2022, value: 18.2, source: "MICS", url: null, kind: "estimate" },
    ]);
  });

  it("refuses a file without its columns, naming them", () => {
    expect(readSeriesFile(bytes("annee,chiffre\n2020,1\n"), "csv", options())).toEqual({
      ok: false,
      problem: "columns_missing",
      columns: "value, source",
    });
  });
});

describe("Track20/FPET estimates", () => {
  it("keeps the indicator and group asked, and reads proportions as percentages", () => {
    const r = readSeriesFile(
      file("track20.csv"),
      "track20",
      options({ source: "Track20 FPET", indicator: "mCPR", group: "Married women" }),
    );
    if (!r.ok) throw new Error(r.problem);
    expect(r.scaled).toBe(true);
    expect(r.points.map((p) => [p.year, p.value, p.kind, p.source])).toEqual([
      [2019, 16.5, "estimate", "Track20 FPET"],
      [2020, 17, "estimate", "Track20 FPET"],
      [2021, 17.5, "estimate", "Track20 FPET"],
    ]);
    expect(r.summary.ignored).toBe(2);
    expect(r.summary.rejected).toEqual([{ row: 7, reason: "value_invalid", value: "n/a" }]);
  });

  it("keeps percentages as they are", () => {
    const r = readSeriesFile(
      bytes("Year,Value\n2020,17\n2021,17.5\n"),
      "track20",
      options({ source: "T20" }),
    );
    expect(r.ok && r.scaled).toBe(false);
    expect(r.ok && r.points.map((p) => p.value)).toEqual([17, 17.5]);
  });

  it("needs a year and an estimate column", () => {
    expect(readSeriesFile(bytes("Country,Indicator\nMali,mCPR\n"), "track20", options())).toEqual({
      ok: false,
      problem: "columns_missing",
      columns: "Year, Median",
    });
  });
});

describe("a DHS Program API answer", () => {
  it("keeps the national figures of the indicator asked, each a survey naming its id", () => {
    const r = readSeriesFile(
      file("dhs.json"),
      "dhs",
      options({
        source: "DHS Program",
        url: "https://dhsprogram.com/",
        indicator: "FP_NADA_W_UNT",
      }),
    );
    if (!r.ok) throw new Error(r.problem);
    expect(r.points).toEqual([
      {
        year: 2018,
        value: 20,
        source: "DHS Program (ML2018DHS)",
        url: "https://dhsprogram.com/",
        kind: "survey",
      },
      {
        year: 2012,
        value: 22.8,
        source: "DHS Program (ML2013DHS)",
        url: "https://dhsprogram.com/",
        kind: "survey",
      },
    ]);
    expect(r.summary.ignored).toBe(2);
    expect(r.summary.rejected).toEqual([{ row: 5, reason: "year_invalid", value: "soon" }]);
  });

  it("refuses what is not one", () => {
    expect(readSeriesFile(bytes("{not json"), "dhs", options())).toEqual({
      ok: false,
      problem: "not_dhs",
    });
    expect(readSeriesFile(bytes('{"data": []}'), "dhs", options())).toEqual({
      ok: false,
      problem: "not_dhs",
    });
    expect(mapDhsJson([1, 2], options())).toEqual({ ok: false, problem: "not_dhs" });
  });
});

describe("whole files", () => {
  it("refuses a file over the size cap, too many rows, or bytes that are not UTF-8", () => {
    expect(readSeriesFile(new Uint8Array(MAX_SERIES_FILE_BYTES + 1), "csv", options())).toEqual({
      ok: false,
      problem: "too_large",
    });
    const rows = [
      "year,value,source",
      ...Array.from({ length: MAX_POINTS + 1 }, (_, i) => `${1950 + (i % 100)},1,x`),
    ];
    expect(readSeriesFile(bytes(rows.join("\n")), "csv", options())).toEqual({
      ok: false,
      problem: "too_many_rows",
    });
    expect(readSeriesFile(new Uint8Array([0x79, 0xff, 0xfe, 0x0a]), "csv", options())).toEqual({
      ok: false,
      problem: "unreadable",
    });
  });
});
