// The templates the imports page offers: a few sheets of header and lines (the facility file
// with a catalogue of the stored facilities and elements beside it; the units' file), drawn as
// CSV (a byte-order mark, the language's separator, as Excel opens it) or as a workbook.
import type { Lang } from "../../domain/shared/lang.ts";
import { neutralise } from "../shared/cells.ts";

export interface TemplateSheet {
  name: string;
  header: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
}

export interface ImportTemplate {
  title: string;
  /** The first sheet is the one read back; the others help fill it. */
  sheets: readonly TemplateSheet[];
}

/** Formula-like text neutralised, but not a signed number (a longitude). */
const safe = (text: string) => (/^[+-]?\d+([.,]\d+)?$/.test(text) ? text : neutralise(text));

const quoted = (cell: string | number | null, separator: string) => {
  const text = cell === null ? "" : typeof cell === "number" ? String(cell) : safe(cell);
  return /["\r\n]/.test(text) || text.includes(separator)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
};

/** The first sheet as CSV: `;` in French (Excel's separator there), `,` in English. */
export function renderTemplateCsv(sheet: TemplateSheet, lang: Lang): string {
  const separator = lang === "fr" ? ";" : ",";
  const lines = [sheet.header, ...sheet.rows].map((row) =>
    row.map((cell) => quoted(cell, separator)).join(separator),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function renderTemplateXlsx(template: ImportTemplate): Promise<Uint8Array> {
  // Loaded here: the CSV needs no workbook library on the request's thread.
  const ExcelJS = (await import("exceljs")).default;
  const book = new ExcelJS.Workbook();
  book.title = template.title;
  for (const s of template.sheets) {
    const sheet = book.addWorksheet(s.name.slice(0, 31));
    sheet.addRow([...s.header]);
    sheet.getRow(1).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row.map((c) => (typeof c === "string" ? safe(c) : c)));
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    s.header.forEach((h, i) => {
      sheet.getColumn(i + 1).width = Math.max(12, h.length + 4);
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
