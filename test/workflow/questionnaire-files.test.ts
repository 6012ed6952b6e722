// The questionnaire as a file (issue 4): PSI downloads its 2023 questionnaire, fills it offline,
// uploads it back; a dry run stores nothing, a second upload changes nothing, bad rows are
// refused by number, and files of the wrong kind or for another partner are refused whole.

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/shared/policy.ts";
import { MAX_QUESTIONNAIRE_FILE } from "../../src/domain/tracker/questionnaire-file.ts";
import type { createApp } from "../../src/http/app.ts";
import { getQuestionnaire } from "../../src/services/tracker/questionnaire.ts";
import {
  importQuestionnaire,
  questionnaireWorkbook,
} from "../../src/services/tracker/questionnaire-files.ts";
import { signIn } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { renderer, workbookReader } from "../support/files.ts";
import { ACCOUNTS, actorOf, collectionWorld, PASSWORD, SYSTEM } from "../support/world.ts";

const COL = {
  contributes: 4,
  activities: 5,
  collaborators: 6,
  difficulties: 7,
  outputs: 8,
  evidence: 9,
  code: 10,
  version: 11,
};

async function open(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  return book;
}

const save = async (book: ExcelJS.Workbook) => new Uint8Array(await book.xlsx.writeBuffer());

/** The rows of the questionnaire sheet by indicator code, as the texts in their answer cells. */
function rowsByCode(book: ExcelJS.Workbook): Map<string, { row: number; cells: string[] }> {
  const sheet = book.getWorksheet("Questionnaire");
  const map = new Map<string, { row: number; cells: string[] }>();
  sheet?.eachRow((r, n) => {
    if (n === 1) return;
    const cells = [COL.contributes, COL.activities, COL.collaborators, COL.difficulties]
      .concat([COL.outputs, COL.evidence])
      .map((c) => String(r.getCell(c).value ?? ""));
    map.set(String(r.getCell(COL.code).value), { row: n, cells });
  });
  return map;
}

describe.each(backends)("questionnaire files on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let psi: Actor;
  let exported: Uint8Array;
  let filled: Uint8Array;
  let codes: string[];

  const answers = async () => {
    const q = await getQuestionnaire(t.db, psi, "2023", "psi", "fr");
    return q.commitments.flatMap((c) => c.indicators).map((i) => [i.code, i.answer] as const);
  };
  const run = (bytes: Uint8Array, dryRun = false) =>
    importQuestionnaire(
      t.db,
      psi,
      bytes,
      { dryRun, expected: { cycleSlug: "2023", partnerSlug: "psi" } },
      "fr",
      workbookReader,
    );

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    psi = await actorOf(t.db, ACCOUNTS.respondent.email);
    exported = (await questionnaireWorkbook(t.db, psi, "2023", "psi", "fr", renderer)).bytes;
  });
  afterAll(() => t.dispose());

  it("exports one row per indicator asked of PSI, with hidden ids and instructions", async () => {
    const book = await open(exported);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Instructions", "Questionnaire", "Jalon"]);
    const instructions = book.getWorksheet("Instructions");
    const lines = instructions?.getColumn(1).values.map(String).join("\n") ?? "";
    expect(lines).toContain("Questionnaire de PSI");
    expect(lines).toContain("Questionnaire of PSI");
    const ids = book.getWorksheet("Jalon");
    expect(ids?.state).toBe("hidden");
    expect(ids?.getCell("B2").value).toBe("2023");
    expect(ids?.getCell("B3").value).toBe("psi");
    const sheet = book.getWorksheet("Questionnaire");
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.getColumn(COL.code).hidden).toBe(true);
    expect(sheet?.getColumn(COL.version).hidden).toBe(true);
    expect(sheet?.getCell(2, COL.contributes).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"Oui,Non,Yes,No"'],
    });
    const rows = rowsByCode(book);
    const q = await getQuestionnaire(t.db, psi, "2023", "psi", "fr");
    codes = q.commitments.flatMap((c) => c.indicators.map((i) => i.code));
    expect([...rows.keys()]).toEqual(codes);
    expect(codes.length).toBeGreaterThanOrEqual(2);
  });

  it("imports a filled file in one go, with method import; a dry run first stores nothing", async () => {
    const book = await open(exported);
    const sheet = book.getWorksheet("Questionnaire") as ExcelJS.Worksheet;
    const rows = rowsByCode(book);
    const [a, b] = codes as [string, string];
    const ra = rows.get(a)?.row ?? 0;
    const rb = rows.get(b)?.row ?? 0;
    sheet.getCell(ra, COL.contributes).value = "Oui";
    sheet.getCell(ra, COL.activities).value = '=HYPERLINK("http://evil")\nFormations';
    sheet.getCell(ra, COL.collaborators).value = "ONASR, DSR";
    sheet.getCell(ra, COL.outputs).value = "619 prestataires formés; 3,5 km";
    sheet.getCell(ra, COL.evidence).value =
      "https://example.org/rapport Rapport 2023\nhttps://example.org/b";
    sheet.getCell(rb, COL.contributes).value = "Non";
    sheet.getCell(rb, COL.difficulties).value = "Ruptures de stock";
    filled = await save(book);

    const before = await answers();
    const dry = await run(filled, true);
    expect(dry).toMatchObject({
      ok: true,
      dryRun: true,
      summary: { imported: 2, updated: 0, rejected: [] },
    });
    expect(await answers()).toEqual(before);

    const done = await run(filled);
    expect(done).toMatchObject({ ok: true, summary: { imported: 2, updated: 0, rejected: [] } });
    const after = new Map(await answers());
    expect(after.get(a)).toMatchObject({
      contributes: "yes",
      activities: '=HYPERLINK("http://evil")\nFormations',
      collaboratorsText: "ONASR, DSR",
      outputs: [
        { value: 619, unit: "prestataires formés" },
        { value: 3.5, unit: "km" },
      ],
      evidence: [
        { url: "https://example.org/rapport", title: "Rapport 2023" },
        { url: "https://example.org/b", title: null },
      ],
      method: "import",
      state: "draft",
    });
    expect(after.get(b)).toMatchObject({ contributes: "no", difficulties: "Ruptures de stock" });
  });

  it("exports the imported answers again, identical, formula-like text neutralised", async () => {
    const again = await open(
      (await questionnaireWorkbook(t.db, psi, "2023", "psi", "fr", renderer)).bytes,
    );
    const first = await open(filled);
    const [a] = codes as [string];
    const before = rowsByCode(first);
    const after = rowsByCode(again);
    expect(after.get(a)?.cells[1]).toBe('\'=HYPERLINK("http://evil")\nFormations');
    expect(after.get(a)?.cells[4]).toBe("619 prestataires formés; 3,5 km");
    // Re-imported, the exported file is the same answers: nothing changes.
    const reimport = await run(await save(again));
    expect(reimport).toMatchObject({
      ok: true,
      summary: { imported: 0, updated: 0, ignored: codes.length, rejected: [] },
    });
    expect(after.get(a)?.cells[0]).toBe(before.get(a)?.cells[0]);
  });

  it("changes nothing when the same file is uploaded a second time", async () => {
    const before = await answers();
    const second = await run(filled);
    expect(second).toMatchObject({
      ok: true,
      summary: { imported: 0, updated: 0, ignored: codes.length, rejected: [] },
    });
    expect(await answers()).toEqual(before);
  });

  it("refuses bad rows by number and stores the good ones", async () => {
    const fresh = async () => {
      const book = await open(
        (await questionnaireWorkbook(t.db, psi, "2023", "psi", "fr", renderer)).bytes,
      );
      return {
        book,
        sheet: book.getWorksheet("Questionnaire") as ExcelJS.Worksheet,
        rows: rowsByCode(book),
      };
    };
    const [a, b] = codes as [string, string];
    const one = await fresh();
    const ra = one.rows.get(a)?.row ?? 0;
    const rb = one.rows.get(b)?.row ?? 0;
    one.sheet.getCell(ra, COL.contributes).value = "peut-être";
    one.sheet.getCell(rb, COL.activities).value = "Campagne radio";
    const extra = one.sheet.addRow([]);
    extra.getCell(COL.code).value = "zz";
    extra.getCell(COL.contributes).value = "Oui";
    const result = await run(await save(one.book));
    expect(result).toMatchObject({ ok: true, summary: { updated: 1 } });
    if (!result.ok) return;
    expect(result.summary.rejected).toEqual([
      { row: ra, reason: "contributes", column: "contributes", value: "peut-être" },
      { row: extra.number, reason: "unknown_indicator", column: "code", value: "zz" },
    ]);
    expect(new Map(await answers()).get(b)).toMatchObject({ activities: "Campagne radio" });

    const two = await fresh();
    const rb2 = two.rows.get(b)?.row ?? 0;
    two.sheet.getCell(rb2, COL.outputs).value = "abc prestataires";
    const bad = await run(await save(two.book));
    expect(bad).toMatchObject({
      ok: true,
      summary: {
        updated: 0,
        rejected: [{ row: rb2, reason: "output_value", column: "outputs", value: "abc" }],
      },
    });
  });

  it("refuses a row whose answer changed online since the download", async () => {
    const book = await open(filled);
    const sheet = book.getWorksheet("Questionnaire") as ExcelJS.Worksheet;
    const [a] = codes as [string];
    const ra = rowsByCode(book).get(a)?.row ?? 0;
    sheet.getCell(ra, COL.difficulties).value = "Nouvelle difficulté";
    const before = await answers();
    const result = await run(await save(book));
    // Row b was changed online too (previous test): both rows are stale, nothing is overwritten.
    expect(result.ok && result.summary.rejected).toContainEqual({
      row: ra,
      reason: "stale",
      column: "version",
      value: a,
    });
    expect(result.ok && result.summary.updated).toBe(0);
    expect(await answers()).toEqual(before);
  });

  it("refuses whole files of the wrong kind, size or partner", async () => {
    expect(await run(new TextEncoder().encode("pas un classeur"))).toEqual({
      ok: false,
      reason: "not_xlsx",
    });
    const big = new Uint8Array(MAX_QUESTIONNAIRE_FILE + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await run(big)).toEqual({ ok: false, reason: "too_large" });
    const msi = (await questionnaireWorkbook(t.db, SYSTEM, "2023", "msi", "fr", renderer)).bytes;
    expect(await run(msi)).toEqual({ ok: false, reason: "other_questionnaire" });
    // Without the page's expectation, PSI still cannot reach MSI's questionnaire.
    await expect(
      importQuestionnaire(t.db, psi, msi, { dryRun: false }, "fr", workbookReader),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("downloads and uploads over HTTP with PSI's access", async () => {
    const web = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    const page = await (await web.get("/q/2023/psi")).text();
    expect(page).toContain('href="/q/2023/psi/questionnaire.xlsx"');
    expect(page).toContain('action="/q/2023/psi/import" enctype="multipart/form-data"');
    const download = await web.get("/q/2023/psi/questionnaire.xlsx");
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("questionnaire-psi-2023.xlsx");
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect((await web.get("/q/2023/msi/questionnaire.xlsx")).status).toBe(404);

    const upload = async (file: Uint8Array, path = "/q/2023/psi/import", dryRun = false) => {
      const form = new FormData();
      form.set("_csrf", web.csrf());
      if (dryRun) form.set("dryRun", "1");
      form.set("file", new File([file as BlobPart], "q.xlsx"));
      return app.request(path, {
        method: "POST",
        body: form,
        headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
    };
    const ok = await upload(bytes, undefined, true);
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text).toContain("0 réponse ajoutée");
    expect(text).toContain("rien n’a été enregistré");

    const msi = (await questionnaireWorkbook(t.db, SYSTEM, "2023", "msi", "fr", renderer)).bytes;
    const other = await upload(msi);
    expect(other.status).toBe(400);
    expect(await other.text()).toContain("un autre partenaire");

    const large = await upload(new Uint8Array(11 * 1024 * 1024));
    expect(large.status).toBe(413);
    const small = await upload(new TextEncoder().encode("x".repeat(2 * 1024 * 1024)));
    expect(small.status).toBe(400);
    expect(await small.text()).toContain("pas un classeur Excel");
  });
});
