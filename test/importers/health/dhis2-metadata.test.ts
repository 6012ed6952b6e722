// A metadata export read collection by collection into typed items, and the ADX resolver that
// finds an option combo from categories and options named by code.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  type AdxCombo,
  cocFromAdx,
  Dhis2ReadError,
} from "../../../src/importers/health/dhis2/map.ts";
import { adxCombos, type MetadataItem } from "../../../src/importers/health/dhis2/metadata/map.ts";
import { readMetadata } from "../../../src/importers/health/dhis2/metadata/read.ts";
import { chunked, fixture } from "./dhis2-support.ts";

async function items(bytes: Uint8Array | string, chunk?: number): Promise<MetadataItem[]> {
  const out: MetadataItem[] = [];
  for await (const item of readMetadata(chunked(bytes, chunk))) out.push(item);
  return out;
}

const byKind = (all: MetadataItem[], kind: MetadataItem["kind"]) =>
  all.filter((i) => i.kind === kind);

describe("readMetadata", () => {
  it("reads every collection Jalon keeps, ignoring the others and unknown keys", async () => {
    const all = await items(fixture("metadata.json"));
    const counts = Object.fromEntries(
      [...new Set(all.map((i) => i.kind))].map((k) => [k, byKind(all, k).length]),
    );
    expect(counts).toEqual({
      organisationUnit: 5,
      skipped: 1,
      organisationUnitLevel: 4,
      dataElement: 3,
      categoryCombo: 2,
      category: 2,
      categoryOption: 3,
      categoryOptionCombo: 3,
      indicator: 1,
      indicatorType: 1,
    });
  });

  it("reads org units: hierarchy, dates, GeoJSON geometry and the pre-2.32 coordinates", async () => {
    const units = byKind(await items(fixture("metadata.json"), 5), "organisationUnit");
    expect(units[3]).toEqual({
      kind: "organisationUnit",
      id: "BoidieCSCom",
      code: "CSCOM_BOIDIE",
      name: "CSCom de Boidié",
      shortName: "CSCom Boidié",
      level: 4,
      path: "/MaliCountry/SegouRegion/BarouelDist/BoidieCSCom",
      parent: "BarouelDist",
      openingDate: "2005-03-01T00:00:00.000",
      closedDate: null,
      geometry: { type: "Point", coordinates: [-6.7312, 13.1498] },
    });
    expect(units[0]).toMatchObject({ parent: null, geometry: null, code: "ML" });
    expect(units[2]?.kind === "organisationUnit" && units[2].geometry?.type).toBe("Polygon");
    expect(units[4]).toMatchObject({
      closedDate: "2021-12-31T00:00:00.000",
      geometry: { type: "Point", coordinates: [-6.61, 13.08] },
    });
  });

  it("reads levels, data elements, combos, categories, options and option combos", async () => {
    const all = await items(gzipSync(fixture("metadata.json")));
    expect(byKind(all, "organisationUnitLevel")[2]).toEqual({
      kind: "organisationUnitLevel",
      id: "LevelDistr1",
      level: 3,
      name: "District sanitaire",
    });
    expect(byKind(all, "dataElement")[1]).toEqual({
      kind: "dataElement",
      id: "Accouchemnt",
      code: "ACC_ASSIST",
      name: "Accouchements assistés par du personnel qualifié",
      shortName: "Accouchements assistés",
      valueType: "INTEGER_ZERO_OR_POSITIVE",
      aggregationType: "SUM",
      domainType: "AGGREGATE",
      categoryCombo: "AgeCombo001",
    });
    expect(byKind(all, "categoryCombo")[1]).toMatchObject({
      categories: ["AgeCategory"],
      categoryOptionCombos: ["AgeLt20CoC1", "AgeGe20CoC1"],
    });
    expect(byKind(all, "category")[1]).toMatchObject({
      code: "AGE",
      categoryOptions: ["AgeLt20Optn", "AgeGe20Optn"],
    });
    expect(byKind(all, "categoryOption")[2]).toMatchObject({
      code: "GE20",
      startDate: "2010-01-01T00:00:00.000",
      endDate: null,
    });
    expect(byKind(all, "categoryOptionCombo")[1]).toMatchObject({
      categoryCombo: "AgeCombo001",
      categoryOptions: ["AgeLt20Optn"],
    });
  });

  it("reads indicators and their types", async () => {
    const all = await items(fixture("metadata.json"));
    expect(byKind(all, "indicator")).toEqual([
      {
        kind: "indicator",
        id: "CouvCPN1Ind",
        code: "COUV_CPN1",
        name: "Couverture CPN1",
        shortName: "Couv. CPN1",
        numerator: "#{CPN1visites}",
        denominator: "#{GrossAttend}",
        numeratorDescription: "Femmes vues en CPN1",
        denominatorDescription: "Grossesses attendues",
        indicatorType: "PourCent001",
        annualized: true,
        decimals: 2,
      },
    ]);
    expect(byKind(all, "indicatorType")).toEqual([
      {
        kind: "indicatorType",
        id: "PourCent001",
        code: null,
        name: "Pourcentage",
        factor: 100,
        number: false,
      },
    ]);
  });

  it("reports an element it cannot read instead of guessing, and refuses what is not JSON", async () => {
    const odd = '{"dataElements":[{"name":"sans id"}, 3],"organisationUnitLevels":[{"name":"x"}]}';
    expect(await items(odd)).toEqual([
      { kind: "skipped", collection: "dataElements", index: 0, reason: "missing_id" },
      { kind: "skipped", collection: "dataElements", index: 1, reason: "not_object" },
      { kind: "skipped", collection: "organisationUnitLevels", index: 0, reason: "missing_level" },
    ]);
    await expect(items("id,name\n")).rejects.toMatchObject({ code: "not_metadata" });
    await expect(items('{"dataElements":[{"id":')).rejects.toBeInstanceOf(Dhis2ReadError);
  });
});

describe("cocFromAdx", () => {
  const combos = async () => adxCombos(await items(fixture("metadata.json")));

  it("builds each combo's option combos keyed by category and option codes", async () => {
    expect(await combos()).toEqual([
      {
        id: "DefaultCmbo",
        name: "default",
        categories: ["default"],
        optionCombos: [{ id: "DefaultCoC1", options: { default: "default" } }],
      },
      {
        id: "AgeCombo001",
        name: "Âge de la mère",
        categories: ["AGE"],
        optionCombos: [
          { id: "AgeLt20CoC1", options: { AGE: "LT20" } },
          { id: "AgeGe20CoC1", options: { AGE: "GE20" } },
        ],
      },
    ]);
  });

  it("finds the default option combo by its name, whatever its uid", async () => {
    expect(cocFromAdx({}, await combos())).toEqual({
      ok: true,
      categoryOptionCombo: "DefaultCoC1",
    });
  });

  it("finds a disaggregated value's option combo, or says why not", async () => {
    const all = await combos();
    const age = all.filter((c) => c.id === "AgeCombo001");
    expect(cocFromAdx({ AGE: "GE20" }, age)).toEqual({
      ok: true,
      categoryOptionCombo: "AgeGe20CoC1",
    });
    expect(cocFromAdx({ AGE: "GE20" }, all)).toEqual({
      ok: true,
      categoryOptionCombo: "AgeGe20CoC1",
    });
    expect(cocFromAdx({ AGE: "GE50" }, age)).toEqual({
      ok: false,
      reason: "no_match",
      names: ["AGE"],
    });
    expect(cocFromAdx({ AGE: "LT20", SEX: "F" }, age)).toEqual({
      ok: false,
      reason: "unknown_category",
      names: ["SEX"],
    });
    expect(cocFromAdx({}, age)).toEqual({ ok: false, reason: "no_default", names: [] });
  });

  it("names the categories a value leaves out, and the option combos that tie", () => {
    const ageSex: AdxCombo = {
      id: "AgeSexCombo",
      name: "Âge et sexe",
      categories: ["AGE", "SEX"],
      optionCombos: [
        { id: "cocF_LT20_a", options: { AGE: "LT20", SEX: "F" } },
        { id: "cocF_LT20_b", options: { AGE: "LT20", SEX: "F" } },
        { id: "cocM_LT20_1", options: { AGE: "LT20", SEX: "M" } },
      ],
    };
    expect(cocFromAdx({ AGE: "LT20" }, [ageSex])).toEqual({
      ok: false,
      reason: "missing_category",
      names: ["SEX"],
    });
    expect(cocFromAdx({ SEX: "F", AGE: "LT20" }, [ageSex])).toEqual({
      ok: false,
      reason: "ambiguous",
      names: ["cocF_LT20_a", "cocF_LT20_b"],
    });
    expect(cocFromAdx({ SEX: "M", AGE: "LT20" }, [ageSex])).toEqual({
      ok: true,
      categoryOptionCombo: "cocM_LT20_1",
    });
  });

  it("keys by uid when the ADX file was exported with uids", async () => {
    const byId = adxCombos(await items(fixture("metadata.json")), "id");
    const age = byId.filter((c) => c.id === "AgeCombo001");
    expect(cocFromAdx({ AgeCategory: "AgeLt20Optn" }, age)).toEqual({
      ok: true,
      categoryOptionCombo: "AgeLt20CoC1",
    });
  });
});
