// Reading uploaded workbooks: what is not an XLSX is refused before exceljs sees it.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellText, readQuestionnaireFile } from "../../src/importers/tracker/spreadsheet/read.ts";

describe("readQuestionnaireFile", () => {
  it("refuses files that are not XLSX, encrypted or damaged", async () => {
    const text = new TextEncoder().encode("contributes;activities\nOui;x\n");
    expect(await readQuestionnaireFile(text)).toEqual({ ok: false, reason: "not_xlsx" });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(await readQuestionnaireFile(ole)).toEqual({ ok: false, reason: "encrypted" });
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await readQuestionnaireFile(broken)).toEqual({ ok: false, reason: "unreadable" });
  });

  it("refuses a workbook that is not a Jalon questionnaire", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Feuil1").addRow(["a", "b"]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(await readQuestionnaireFile(bytes)).toEqual({ ok: false, reason: "not_questionnaire" });
  });

  it("reads every kind of cell as the text a reader sees", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(12.5)).toBe("12.5");
    expect(cellText({ richText: [{ text: "a" }, { text: "b" }] })).toBe("ab");
    expect(cellText({ text: "lien", hyperlink: "https://x.org" })).toBe("lien");
    expect(cellText({ formula: "SUM(A1:A2)", result: 3 } as ExcelJS.CellFormulaValue)).toBe(
      "=SUM(A1:A2)",
    );
  });
});
