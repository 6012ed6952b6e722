// One data value set (Boidié's January 2022 report) written in DHIS2's four forms reads as the
// same records, once ADX's period and disaggregation are resolved; gzip and chunk boundaries
// change nothing; batches have the size asked for.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../../src/domain/health/periods.ts";
import {
  type AdxCombo,
  cocFromAdx,
  type DataValueRecord,
  detectFormat,
} from "../../../src/importers/health/dhis2/map.ts";
import { adxCombos } from "../../../src/importers/health/dhis2/metadata/map.ts";
import { readMetadata } from "../../../src/importers/health/dhis2/metadata/read.ts";
import { readDataValues } from "../../../src/importers/health/dhis2/read.ts";
import { chunked, fixture, readAll } from "./dhis2-support.ts";

const SET = { dataSet: "RmaMensuel1", completeDate: "2022-02-05" };
const BASE = {
  ...SET,
  period: "202201",
  orgUnit: "BoidieCSCom",
  attributeOptionCombo: "DefaultCoC1",
  created: null,
  comment: null,
  followUp: false,
  deleted: false,
};

/** What the fixtures say, written out by hand from the set they were written from. */
const EXPECTED: Omit<DataValueRecord, "line">[] = [
  {
    ...BASE,
    dataElement: "CPN1visites",
    categoryOptionCombo: "DefaultCoC1",
    value: "12",
    storedBy: "amadou",
    lastUpdated: "2022-02-03T10:00:00.000",
  },
  {
    ...BASE,
    dataElement: "Accouchemnt",
    categoryOptionCombo: "AgeLt20CoC1",
    value: "7",
    storedBy: "amadou",
    lastUpdated: "2022-02-03T10:05:00.000",
    comment: "Deux femmes référées au CSRéf, « urgence »",
  },
  {
    ...BASE,
    dataElement: "Accouchemnt",
    categoryOptionCombo: "AgeGe20CoC1",
    value: "15",
    storedBy: "amadou",
    lastUpdated: "2022-02-03T10:05:00.000",
    followUp: true,
  },
  {
    ...BASE,
    dataElement: "DecesMatern",
    categoryOptionCombo: "DefaultCoC1",
    value: "0",
    storedBy: "fatoumata",
    lastUpdated: "2022-02-04T08:30:00.000",
    deleted: true,
  },
  {
    ...BASE,
    dataElement: "CPN1visites",
    orgUnit: "KassoroCSCm",
    categoryOptionCombo: "DefaultCoC1",
    value: "9",
    storedBy: "fatoumata",
    lastUpdated: "2022-02-04T08:35:00.000",
  },
];

const withoutLine = ({ line: _line, ...rest }: DataValueRecord) => rest;

async function metadataCombos(): Promise<{ combos: AdxCombo[]; comboOf: Map<string, string> }> {
  const items = [];
  for await (const item of readMetadata(chunked(fixture("metadata.json")))) items.push(item);
  const comboOf = new Map<string, string>();
  for (const item of items)
    if (item.kind === "dataElement" && item.categoryCombo) comboOf.set(item.id, item.categoryCombo);
  return { combos: adxCombos(items), comboOf };
}

describe("the same data value set in four forms", () => {
  it("reads JSON, with set-level defaults applied to the values that omit them", async () => {
    const records = await readAll(fixture("data-value-set.json"));
    expect(records.map(withoutLine)).toEqual(EXPECTED);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it("reads DXF2 XML, each value with the line it starts on", async () => {
    const records = await readAll(fixture("data-value-set.xml"));
    expect(records.map(withoutLine)).toEqual(EXPECTED);
    expect(records.map((r) => r.line)).toEqual([6, 8, 11, 13, 15]);
  });

  it("reads CSV, each row with its line (the set's data set and date are not in CSV)", async () => {
    const records = await readAll(fixture("data-value-set.csv"));
    const noSet = EXPECTED.map((r) => ({ ...r, dataSet: null, completeDate: null }));
    expect(records.map(withoutLine)).toEqual(noSet);
    expect(records.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it("reads ADX: periods as written, categories by code, resolved through metadata", async () => {
    const records = await readAll(fixture("data-value-set.adx.xml"));
    expect(records.map((r) => r.period)).toEqual(Array(5).fill("2022-01-01/P1M"));
    expect(records.map((r) => r.categoryOptions)).toEqual([
      {},
      { AGE: "LT20" },
      { AGE: "GE20" },
      {},
      {},
    ]);
    const { combos, comboOf } = await metadataCombos();
    const resolved = records.map(({ categoryOptions, attributeOptions, ...r }) => {
      const combo = combos.filter((c) => c.id === comboOf.get(r.dataElement ?? ""));
      const coc = cocFromAdx(categoryOptions ?? {}, combo);
      expect(coc.ok).toBe(true);
      expect(attributeOptions).toEqual({});
      return {
        ...r,
        period: parsePeriod(r.period ?? "")?.id ?? null,
        categoryOptionCombo: coc.ok ? coc.categoryOptionCombo : null,
      };
    });
    expect(resolved.map(withoutLine)).toEqual(EXPECTED);
  });

  it("reads each form the same when gzipped, and when cut into one-byte chunks", async () => {
    for (const name of [
      "data-value-set.json",
      "data-value-set.xml",
      "data-value-set.csv",
      "data-value-set.adx.xml",
    ]) {
      const plain = await readAll(fixture(name));
      expect(await readAll(gzipSync(fixture(name)))).toEqual(plain);
      expect(await readAll(fixture(name), { chunk: 1 })).toEqual(plain);
      expect(await readAll(gzipSync(fixture(name)), { chunk: 7 })).toEqual(plain);
    }
  });

  it("hands records in batches of the size asked for", async () => {
    const sizes: number[] = [];
    for await (const batch of readDataValues(chunked(fixture("data-value-set.json")), {
      batchSize: 2,
    }))
      sizes.push(batch.length);
    expect(sizes).toEqual([2, 2, 1]);
  });
});

describe("detectFormat", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("tells the four forms, gzip and zip from their first bytes", () => {
    expect(detectFormat(bytes('  {"dataValues": []}'))).toBe("json");
    expect(detectFormat(bytes("\uFEFF{}"))).toBe("json");
    expect(detectFormat(fixture("data-value-set.xml"))).toBe("dxf2");
    expect(detectFormat(fixture("data-value-set.adx.xml"))).toBe("adx");
    expect(detectFormat(bytes('<d:dataValueSet xmlns:d="http://dhis2.org/schema/dxf/2.0"/>'))).toBe(
      "dxf2",
    );
    expect(detectFormat(bytes("<!DOCTYPE adx>\n<!-- a -->\n<adx/>"))).toBe("adx");
    expect(detectFormat(bytes("dataelement,period\n"))).toBe("csv");
    expect(detectFormat(gzipSync(fixture("data-value-set.csv")))).toBe("gzip");
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 3, 4]))).toBe("zip");
  });

  it("names XML of another root and bytes that are not text", () => {
    expect(detectFormat(bytes("<?xml version='1.0'?><metadata/>"))).toBe("xml");
    expect(detectFormat(new Uint8Array([0xff, 0xfe, 0x64, 0x00, 0x61, 0x00]))).toBe("binary");
  });
});
