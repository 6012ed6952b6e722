// `jalon import responses <file> [--dry-run]`: the operator imports a filled-in questionnaire.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCommand } from "../../src/cli/args.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { main } from "../../src/main.ts";
import { createCycle, openCollection } from "../../src/services/tracker/cycles.ts";
import { questionnaireWorkbook } from "../../src/services/tracker/questionnaire-files.ts";
import { capture } from "../support/cli.ts";
import { renderer } from "../support/files.ts";
import { OPENED_ON, SYSTEM } from "../support/world.ts";

let dir: string;
let env: Record<string, string>;
let good: string;
let bad: string;
let notXlsx: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "jalon-import-"));
  env = { JALON_DATA_DIR: join(dir, "data") };
  expect(await main(["demo"], env, capture().io)).toBe(0);
  const database = await openDatabase({ kind: "pglite", dataDir: env.JALON_DATA_DIR ?? "" });
  await createCycle(
    database.db,
    SYSTEM,
    {
      slug: "2024",
      label: "2024",
      labelEn: "2024",
      periodStart: "2024-01-01",
      periodEnd: "2024-12-31",
      fromSlug: "2022",
    },
    "fr",
  );
  await openCollection(database.db, SYSTEM, "2024", "2025-02-15", "fr", OPENED_ON);
  const exported = (await questionnaireWorkbook(database.db, SYSTEM, "2024", "psi", "fr", renderer))
    .bytes;
  await database.close();
  const fill = async (contributes: string, name: string) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported) as never);
    const sheet = book.getWorksheet("Questionnaire") as ExcelJS.Worksheet;
    sheet.getCell(2, 4).value = contributes;
    sheet.getCell(2, 5).value = "Formations";
    const path = join(dir, name);
    await writeFile(path, new Uint8Array(await book.xlsx.writeBuffer()));
    return path;
  };
  good = await fill("Oui", "psi.xlsx");
  bad = await fill("peut-être", "psi-bad.xlsx");
  notXlsx = join(dir, "notes.csv");
  await writeFile(notXlsx, "a;b\n");
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("jalon import responses", () => {
  it("parses its file and --dry-run", () => {
    expect(parseCommand(["import", "responses", "q.xlsx", "--dry-run"])).toEqual({
      ok: true,
      command: { name: "import-responses", file: "q.xlsx", dryRun: true },
    });
    expect(parseCommand(["import", "responses"])).toEqual({
      ok: false,
      error: { reason: "import_missing", value: "<file>" },
    });
    expect(parseCommand(["import", "users", "x"])).toMatchObject({
      ok: false,
      error: { reason: "unknown_command" },
    });
  });

  it("checks with --dry-run, imports, then finds nothing to change", async () => {
    const dry = capture();
    expect(await main(["import", "responses", good, "--dry-run"], env, dry.io)).toBe(0);
    expect(dry.out.join("\n")).toContain("1 réponse ajoutée");
    expect(dry.out.join("\n")).toContain("rien n'a été enregistré");
    const done = capture();
    expect(await main(["import", "responses", good], env, done.io)).toBe(0);
    expect(done.out[0]).toContain("(2024, psi) : 1 réponse ajoutée");
    const again = capture();
    expect(await main(["import", "responses", good], env, { ...again.io })).toBe(0);
    expect(again.out[0]).toContain("0 réponse ajoutée, 0 mise à jour");
  });

  it("lists refused rows and refuses whole files with a non-zero exit", async () => {
    const rows = capture();
    expect(await main(["import", "responses", bad], { ...env, JALON_LANG: "en" }, rows.io)).toBe(0);
    expect(rows.out.join("\n")).toContain("row 2: “peut-être” is not an accepted answer");
    const refused = capture();
    expect(await main(["import", "responses", notXlsx], env, refused.io)).toBe(1);
    expect(refused.err[0]).toContain("ce n'est pas un classeur Excel");
    const missing = capture();
    expect(await main(["import", "responses", join(dir, "none.xlsx")], env, missing.io)).toBe(1);
    expect(missing.err[0]).toContain("Impossible de lire le fichier");
  });
});
