// Organisation units from a CSV, on both stores: a new district listed after its facility, a
// facility moved to another district with its values' roll-ups following it, every refused line
// with its reasons (a code twice, a parent nowhere, a unit under its own descendant, a level that
// does not fit, a level name not stored), a dry run that stores nothing, a re-import that changes
// nothing, and a file without the needed columns refused as a whole.
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importUnitFile } from "../../src/services/health/unit-import.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { loadHealthWorld } from "../support/health-app.ts";

const csv = (lines: string[]) => Readable.from([Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`)]);

describe.each(backends)("organisation units from a CSV on %s", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadHealthWorld(t);
  });
  afterAll(() => t.dispose());

  const run = (lines: string[], dryRun = false) =>
    importUnitFile(t, { source: csv(lines), actor: "test", fileHash: null, dryRun });
  const rollup = async (code: string) =>
    Number(
      (
        await t.db
          .selectFrom("data_value_rollups as r")
          .innerJoin("org_units as u", "u.id", "r.org_unit_id")
          .innerJoin("data_elements as e", "e.id", "r.data_element_id")
          .select((x) => x.fn.sum<string>("r.sum").as("s"))
          .where("u.code", "=", code)
          .where("e.code", "=", "CPN1")
          .where("r.bucket", "=", "202201")
          .executeTakeFirst()
      )?.s ?? 0,
    );
  const unit = (code: string) =>
    t.db
      .selectFrom("org_units as u")
      .leftJoin("org_units as p", "p.id", "u.parent_id")
      .select(["u.name", "u.level", "u.uid", "p.code as parent", "u.geometry", "u.opening_date"])
      .where("u.code", "=", code)
      .executeTakeFirst();

  const FILE = [
    "Code;Nom;Code parent;Niveau;Latitude;Longitude;Date d’ouverture",
    // A facility before its new district.
    "SEG-SAN-01;CSCom San Ouest;SEG-SAN;Structure;13,30;-4,90;01/01/2015",
    "SEG-SAN;San;OU_RegSeg00001;3;;;",
    // Moved from Barouéli to Bla; its uid and opening day stay as stored.
    "OU_FacBar00002;CSCom Barouéli central;OU_DisBla00001;4;;;2000-01-01",
    // Refused lines.
    "DUP;Un;OU_DisBla00001;4;;;",
    "DUP;Deux;OU_DisBla00001;4;;;",
    "ORPH;Orphelin;NOWHERE;4;;;",
    "OU_RegSeg00001;Ségou;OU_FacBla00001;2;;;",
    "BADLVL;Mauvais niveau;OU_DisBla00001;District;;;",
    "UNKLVL;Niveau inconnu;OU_DisBla00001;Aire de santé;;;",
    "CHILD;Sous un refusé;DUP;5;;;",
  ];

  it("checks the file first: a dry run counts and stores nothing", async () => {
    const dry = await run(FILE, true);
    expect(dry).toMatchObject({ imported: 2, updated: 1, moved: 1 });
    expect(await unit("SEG-SAN")).toBeUndefined();
    expect((await unit("OU_FacBar00002"))?.parent).toBe("OU_DisBar00001");
  });

  it("imports, places children listed before parents, moves with the roll-ups, refuses with reasons", async () => {
    expect(await rollup("OU_DisBla00001")).toBe(40);
    expect(await rollup("OU_DisBar00001")).toBe(40);
    const summary = await run(FILE);
    expect(summary).toMatchObject({ imported: 2, updated: 1, moved: 1 });
    const reasons = Object.fromEntries(summary.rejected.map((r) => [r.row, r.problems]));
    expect(reasons).toEqual({
      5: ["duplicate_code"],
      6: ["duplicate_code"],
      7: ["unknown_parent"],
      8: ["move_under_descendant"],
      9: ["level_mismatch"],
      10: ["unknown_level"],
      11: ["parent_rejected"],
    });
    expect(await unit("SEG-SAN-01")).toMatchObject({
      parent: "SEG-SAN",
      level: 4,
      geometry: { type: "Point", coordinates: [-4.9, 13.3] },
      opening_date: "2015-01-01",
    });
    expect(await unit("OU_FacBar00002")).toMatchObject({
      parent: "OU_DisBla00001",
      uid: "FacBar00002",
      level: 4,
    });
    // Its 10 ANC1 visits of January left Barouéli's totals for Bla's; Ségou's are the same.
    expect(await rollup("OU_DisBla00001")).toBe(50);
    expect(await rollup("OU_DisBar00001")).toBe(30);
    expect(await rollup("OU_RegSeg00001")).toBe(80);
    const audit = await t.db
      .selectFrom("import_batches")
      .select(["source", "inserted", "updated", "rejected"])
      .where("source", "=", "org_units_file")
      .execute();
    expect(audit).toEqual([{ source: "org_units_file", inserted: 2, updated: 1, rejected: 7 }]);
  });

  it("changes nothing when the same lines come again, in English headers", async () => {
    const again = await run([
      "code,name,parent code,level,opening date",
      "SEG-SAN,San,OU_RegSeg00001,District,",
      "OU_FacBar00002,CSCom Barouéli central,OU_DisBla00001,4,2000-01-01",
    ]);
    expect(again).toMatchObject({ imported: 0, updated: 0, ignored: 2, moved: 0, rejected: [] });
  });

  it("refuses a file without the columns it needs, naming them", async () => {
    await expect(run(["code;nom", "A;B"])).rejects.toMatchObject({
      code: "csv_missing_columns",
      details: { columns: "parent" },
    });
  });
});
