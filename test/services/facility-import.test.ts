// A facility's values from a CSV or a workbook, on both stores, through the same import as
// DHIS2 files: one value a line with French headers and months as people write them, one column
// per element (a disaggregation as "code.combo"), refused values with their reasons (negative
// counts, not numbers, unknown codes), warnings that do not refuse (far from the facility's
// history, a numerator above its denominator), an XLSX read in its worker, and files refused
// whole (no facility column, an encrypted workbook, a zip bomb).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMetadata } from "../../src/importers/health/dhis2/metadata/read.ts";
import { importFacilityFile } from "../../src/services/health/facility-import.ts";
import { importMetadata } from "../../src/services/health/metadata-import.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { loadHealthWorld } from "../support/health-app.ts";
import { zipBomb } from "../support/hostile-xlsx.ts";

describe.each(backends)("facility files on %s", (backend) => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadHealthWorld(t);
    // A coverage whose numerator and denominator are both plain elements.
    const extra = {
      indicatorTypes: [{ id: "ItPercent01", name: "Pourcentage", factor: 100 }],
      indicators: [
        {
          id: "InAncPreg01",
          code: "CPN1_GROSS",
          name: "CPN1 sur grossesses",
          numerator: "#{DeAnc100001}",
          denominator: "#{DePregn0001}",
          indicatorType: { id: "ItPercent01" },
        },
      ],
    };
    await importMetadata(t, {
      items: readMetadata(Readable.from([Buffer.from(JSON.stringify(extra))])),
      actor: "test",
      fileHash: null,
      dryRun: false,
    });
    dir = await mkdtemp(join(tmpdir(), "jalon-facility-"));
  });
  afterAll(async () => {
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const file = async (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };
  const run = async (path: string, dryRun = false) =>
    importFacilityFile(t, { path, actor: "test", fileHash: null, dryRun });
  const stored = async (unit: string, period: string) =>
    (
      await t.db
        .selectFrom("data_values as v")
        .innerJoin("data_elements as e", "e.id", "v.data_element_id")
        .innerJoin("org_units as u", "u.id", "v.org_unit_id")
        .innerJoin("category_option_combos as c", "c.id", "v.coc_id")
        .select(["e.code", "c.uid", "v.value"])
        .where("u.code", "=", unit)
        .where("v.period", "=", period)
        .orderBy("e.code")
        .orderBy("c.uid")
        .execute()
    ).map((r) => `${r.code}/${r.uid}=${r.value}`);

  it("imports one value a line, refuses bad values with their reasons, flags what looks wrong", async () => {
    const path = await file(
      "long.csv",
      [
        "Code structure;Période;Code élément;Valeur;Désagrégation",
        "OU_FacBar00001;2022-03;CPN1;25;",
        "OU_FacBar00001;2022-04;CPN1;300;",
        "OU_FacBar00001;03/2022;PF_UTIL;4;CocFemale01",
        "OU_FacBla00001;202203;CPN1;700;",
        "OU_FacBla00001;202203;GROSS_ATT;600;",
        "OU_FacBar00001;2022-03;PF_UTIL;-5;CocMale0001",
        "OU_FacBar00001;2022-05;CPN1;douze;",
        "OU_NOWHERE;2022-05;CPN1;3;",
        "OU_FacBar00001;2022-13;CPN1;3;",
        // An empty value is no value: a blank template line writes nothing.
        "OU_FacBar00001;2022-06;CPN1;;",
      ].join("\n"),
    );
    const dry = await run(path, true);
    expect(dry.summary).toMatchObject({ imported: 5, updated: 0 });
    expect(await stored("OU_FacBar00001", "202203")).toEqual([]);

    const result = await run(path);
    expect(result.layout).toBe("long");
    expect(result.summary).toMatchObject({ imported: 5, updated: 0, ignored: 0 });
    expect(result.summary.rejected.map((r) => [r.row, r.reason])).toEqual([
      [7, "value_negative"],
      [8, "value_not_numeric"],
      [9, "unknown_org_unit"],
      [10, "invalid_period"],
    ]);
    expect(await stored("OU_FacBar00001", "202203")).toEqual([
      "CPN1/CocDefault1=25",
      "PF_UTIL/CocFemale01=4",
    ]);
    // April's 300 against January–March (30, 20, 25); Bla's 700 visits for 600 pregnancies.
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: "outside_history", row: 3, value: 300, median: 25 }),
      expect.objectContaining({
        code: "numerator_above_denominator",
        row: 5,
        indicator: "CPN1 sur grossesses",
        numerator: 700,
        denominator: 600,
      }),
    ]);
    const batch = await t.db
      .selectFrom("import_batches")
      .select(["inserted", "rejected"])
      .where("source", "=", "facility_file")
      .executeTakeFirstOrThrow();
    expect(batch).toEqual({ inserted: 5, rejected: 4 });
  });

  it("imports one column per element from a workbook, read in its worker", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Valeurs");
    sheet.addRow(["Facility", "Month", "CPN1", "PF_UTIL.CocMale0001", "GROSS_ATT"]);
    sheet.addRow(["OU_FacBar00002", "2022-02", 11, 3, null]);
    // A month typed in a spreadsheet becomes a date.
    sheet.addRow(["OU_FacBar00002", new Date(Date.UTC(2022, 2, 1)), 12, "", "1 200"]);
    const path = await file("wide.xlsx", new Uint8Array(await book.xlsx.writeBuffer()));
    const result = await run(path);
    expect(result.layout).toBe("wide");
    expect(result.summary).toMatchObject({ imported: 4, rejected: [] });
    expect(await stored("OU_FacBar00002", "202203")).toEqual([
      "CPN1/CocDefault1=12",
      "GROSS_ATT/CocDefault1=1200",
    ]);
    expect(await run(path)).toMatchObject({ summary: { imported: 0, ignored: 4 } });
  });

  it("refuses whole files it cannot read, by reason", async () => {
    await expect(run(await file("cols.csv", "nom;valeur\nA;1\n"))).rejects.toMatchObject({
      code: "csv_missing_columns",
      details: { columns: "facility, period" },
    });
    await expect(run(await file("bomb.xlsx", zipBomb(80)))).rejects.toMatchObject({
      code: "too_large",
    });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(run(await file("locked.xlsx", ole))).rejects.toMatchObject({
      code: "xlsx_encrypted",
    });
  });
});
