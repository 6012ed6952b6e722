// The synthetic dataset generator, at a small size: its files read back through Jalon's own DHIS2
// readers, its tree passes the domain's check, the JSON and CSV say the same, and a seed gives
// the same bytes every time.
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../bench/health/generate.ts";
import { checkUnits } from "../../src/domain/health/org-units.ts";
import type { MetadataItem } from "../../src/importers/health/dhis2/metadata/map.ts";
import { readMetadata } from "../../src/importers/health/dhis2/metadata/read.ts";
import { readDataValues } from "../../src/importers/health/dhis2/read.ts";

/** Every record of a file, one at a time. */
async function* readDataValueRecords(source: NodeJS.ReadableStream) {
  for await (const batch of readDataValues(source)) yield* batch;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function small(extra: { seed?: number; disaggregated?: number } = {}) {
  const out = await mkdtemp(join(tmpdir(), "jalon-generate-"));
  dirs.push(out);
  const result = await generate({
    out,
    facilities: 6,
    districts: 2,
    regions: 1,
    elements: 3,
    months: 4,
    seed: extra.seed ?? 1,
    disaggregated: extra.disaggregated ?? 0,
  });
  return { out, result };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

describe("bench/health/generate.ts", () => {
  it("writes a tree, elements and one value per element × facility × month", async () => {
    const { out, result } = await small();
    expect(result).toMatchObject({ orgUnits: 10, dataElements: 3, values: 72 });

    const items = await collect(readMetadata(createReadStream(join(out, "metadata.json"))));
    const of = <K extends MetadataItem["kind"]>(kind: K) =>
      items.filter((i): i is Extract<MetadataItem, { kind: K }> => i.kind === kind);
    expect(of("skipped")).toEqual([]);
    const units = of("organisationUnit");
    expect(units.map((u) => u.level)).toEqual([1, 2, 3, 3, 4, 4, 4, 4, 4, 4]);
    expect(units.every((u) => UID.test(u.id))).toBe(true);
    expect(units.filter((u) => u.level === 4).every((u) => u.geometry?.type === "Point")).toBe(
      true,
    );
    const check = checkUnits(
      units.map((u) => ({
        uid: u.id,
        code: u.code,
        name: u.name ?? "",
        parentUid: u.parent,
        level: u.level,
      })),
    );
    expect(check.rejected).toEqual([]);
    // DHIS2's path is the stored one without its closing slash.
    const dhis2Paths = new Map(units.map((u) => [u.id, u.path]));
    for (const u of check.accepted) expect(`${dhis2Paths.get(u.uid)}/`).toBe(u.path);

    expect(of("organisationUnitLevel").map((l) => l.level)).toEqual([1, 2, 3, 4]);
    const elements = of("dataElement");
    expect(elements).toHaveLength(3);
    const defaultCoc = of("categoryOptionCombo").find((c) => c.name === "default");
    expect(defaultCoc && UID.test(defaultCoc.id)).toBe(true);

    const json = await collect(
      readDataValueRecords(createReadStream(join(out, "datavalues.json"))),
    );
    const csv = await collect(readDataValueRecords(createReadStream(join(out, "datavalues.csv"))));
    expect(json).toHaveLength(72);
    const key = (r: (typeof json)[number]) =>
      [
        r.dataElement,
        r.period,
        r.orgUnit,
        r.categoryOptionCombo,
        r.attributeOptionCombo,
        r.value,
        r.storedBy,
        r.lastUpdated,
        r.followUp,
      ].join("|");
    expect(csv.map(key)).toEqual(json.map(key));
    expect(new Set(json.map((r) => r.period))).toEqual(
      new Set(["202001", "202002", "202003", "202004"]),
    );
    const facilities = new Set(units.filter((u) => u.level === 4).map((u) => u.id));
    expect(json.every((r) => facilities.has(r.orgUnit ?? ""))).toBe(true);
    expect(
      json.every((r) => r.categoryOptionCombo === defaultCoc?.id && /^\d+$/.test(r.value ?? "")),
    ).toBe(true);
    // One value per element × facility × month, none twice.
    expect(new Set(json.map((r) => `${r.dataElement}|${r.orgUnit}|${r.period}`)).size).toBe(72);
  });

  it("gives the same bytes for the same seed and others for another", async () => {
    const a = await small();
    const b = await small();
    const c = await small({ seed: 2 });
    for (const name of ["metadata.json", "datavalues.json", "datavalues.csv"]) {
      const bytes = await readFile(join(a.out, name));
      expect((await readFile(join(b.out, name))).equals(bytes)).toBe(true);
      expect((await readFile(join(c.out, name))).equals(bytes)).toBe(false);
    }
  });

  it("gives a disaggregated element one value per option combo", async () => {
    const { out, result } = await small({ disaggregated: 1 });
    expect(result.values).toBe(72 + 24);
    const json = await collect(
      readDataValueRecords(createReadStream(join(out, "datavalues.json"))),
    );
    expect(new Set(json.map((r) => r.categoryOptionCombo)).size).toBe(3);
  });

  it("refuses sizes that make no tree", async () => {
    const out = await mkdtemp(join(tmpdir(), "jalon-generate-"));
    dirs.push(out);
    const base = {
      out,
      facilities: 6,
      districts: 2,
      regions: 1,
      elements: 3,
      months: 4,
      seed: 1,
      disaggregated: 0,
    };
    await expect(generate({ ...base, regions: 3 })).rejects.toThrow(/regions/);
    await expect(generate({ ...base, months: 0 })).rejects.toThrow(/whole numbers/);
  });
});
