// Rows kept as typed (not valid yet) make the workbook round trip: the export writes them as
// typed, and uploading the file back, changed elsewhere or not, keeps them kept as typed with
// the same reasons, never replaced by the answer's valid rows alone.

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/shared/policy.ts";
import { getQuestionnaire, saveAnswer } from "../../src/services/tracker/questionnaire.ts";
import {
  importQuestionnaire,
  questionnaireWorkbook,
} from "../../src/services/tracker/questionnaire-files.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { renderer, workbookReader } from "../support/files.ts";
import { ACCOUNTS, actorOf, collectionWorld } from "../support/world.ts";

const COL = { activities: 5, outputs: 8, evidence: 9, code: 10 };

async function open(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  return book;
}

const save = async (book: ExcelJS.Workbook) => new Uint8Array(await book.xlsx.writeBuffer());

describe.each(backends)("rows kept as typed in the workbook on %s", (backend) => {
  let t: TestDatabase;
  let psi: Actor;
  let code: string;

  const answer = async () => {
    const q = await getQuestionnaire(t.db, psi, "2023", "psi", "fr");
    return q.commitments.flatMap((c) => c.indicators).find((i) => i.code === code)?.answer;
  };
  const upload = (bytes: Uint8Array) =>
    importQuestionnaire(
      t.db,
      psi,
      bytes,
      { dryRun: false, expected: { cycleSlug: "2023", partnerSlug: "psi" } },
      "fr",
      workbookReader,
    );
  /** PSI's workbook, and the sheet row of the answer kept with rows to correct. */
  const workbook = async () => {
    const book = await open(
      (await questionnaireWorkbook(t.db, psi, "2023", "psi", "fr", renderer)).bytes,
    );
    const sheet = book.getWorksheet("Questionnaire") as ExcelJS.Worksheet;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (String(r.getCell(COL.code).value) === code) row = n;
    });
    expect(row).toBeGreaterThan(1);
    return { book, sheet, row };
  };

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await collectionWorld(t);
    psi = await actorOf(t.db, ACCOUNTS.respondent.email);
    const q = await getQuestionnaire(t.db, psi, "2023", "psi", "fr");
    code = q.commitments[0]?.indicators[0]?.code ?? "";
    // Saved on the page: two rows still to correct, beside valid ones.
    const saved = await saveAnswer(
      t.db,
      psi,
      {
        cycleSlug: "2023",
        partnerSlug: "psi",
        indicatorCode: code,
        answer: {
          contributes: "yes",
          activities: "Formations",
          collaboratorIds: [],
          collaboratorsText: null,
          difficulties: null,
          outputs: [
            { value: "douze", unit: "kits" },
            { value: "12,5", unit: "km" },
          ],
          evidence: [
            { url: "https://example.org/rapport", title: "Rapport" },
            { url: "www.example.org", title: "Photos" },
          ],
        },
        ifMatch: 0,
        clientId: null,
        submit: false,
      },
      "fr",
    );
    expect(saved).toMatchObject({ outcome: "partial" });
  });
  afterAll(() => t.dispose());

  const problems = [
    { list: "outputs", row: 1, reason: "value" },
    { list: "evidence", row: 2, reason: "url" },
  ];

  it("exports the kept rows as typed", async () => {
    const { sheet, row } = await workbook();
    expect(sheet.getCell(row, COL.outputs).value).toBe("douze kits; 12,5 km");
    expect(sheet.getCell(row, COL.evidence).value).toBe(
      "https://example.org/rapport Rapport\nwww.example.org Photos",
    );
  });

  it("keeps them, still to correct, when the file comes back unchanged or changed elsewhere", async () => {
    const version = (await answer())?.version;
    const same = await upload(await save((await workbook()).book));
    expect(same).toMatchObject({ ok: true, summary: { imported: 0, updated: 0, rejected: [] } });
    expect((await answer())?.version).toBe(version);

    const { book, sheet, row } = await workbook();
    sheet.getCell(row, COL.activities).value = "Formations et supervision";
    const changed = await upload(await save(book));
    expect(changed).toMatchObject({ ok: true, summary: { updated: 1, rejected: [] } });
    const a = await answer();
    expect(a).toMatchObject({ activities: "Formations et supervision", state: "draft" });
    expect(a?.held).toEqual({
      outputs: [
        { value: "douze", unit: "kits" },
        { value: "12,5", unit: "km" },
      ],
      evidence: [
        { url: "https://example.org/rapport", title: "Rapport" },
        { url: "www.example.org", title: "Photos" },
      ],
    });
    expect(a?.problems).toEqual(problems);
    // The valid rows are stored as the answer's, as the page stores them.
    expect(a?.outputs).toEqual([{ value: 12.5, unit: "km" }]);
  });

  it("keeps one untouched kept row beside a row corrected in the file", async () => {
    const { book, sheet, row } = await workbook();
    sheet.getCell(row, COL.outputs).value = "12 kits; 12,5 km";
    const result = await upload(await save(book));
    expect(result).toMatchObject({ ok: true, summary: { updated: 1, rejected: [] } });
    const a = await answer();
    expect(a?.outputs).toEqual([
      { value: 12, unit: "kits" },
      { value: 12.5, unit: "km" },
    ]);
    // The link still to correct is kept as typed, the only problem left.
    expect(a?.problems).toEqual([{ list: "evidence", row: 2, reason: "url" }]);
    expect(a?.held?.evidence).toEqual([
      { url: "https://example.org/rapport", title: "Rapport" },
      { url: "www.example.org", title: "Photos" },
    ]);
  });

  it("still refuses a new row that is not valid, and keeps the answer as it was", async () => {
    const before = await answer();
    const { book, sheet, row } = await workbook();
    sheet.getCell(row, COL.outputs).value = "12 kits; 12,5 km; beaucoup de doses";
    sheet.getCell(row, COL.activities).value = "Réécrit";
    const result = await upload(await save(book));
    expect(result).toMatchObject({
      ok: true,
      summary: {
        updated: 0,
        rejected: [{ row, reason: "output_value", column: "outputs", value: "beaucoup" }],
      },
    });
    expect(await answer()).toEqual(before);
  });
});
