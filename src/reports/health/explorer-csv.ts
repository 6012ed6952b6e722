// The explorer's table as CSV, written the way a spreadsheet of the reader's language opens it
// with a double click: in French `;` between fields and a decimal comma (Excel in a French
// locale reads "," as the decimal mark and ";" as the separator), in English `,` and a point.
// A UTF-8 byte-order mark first, or Excel reads the accents as Latin-1. Formula-like text is
// neutralised as in the workbooks.
import { neutralise } from "../shared/cells.ts";
import type { ExplorerSheet } from "./explorer-model.ts";

const BOM = "\ufeff";

function field(text: string, separator: string): string {
  const safe = neutralise(text);
  return /["\r\n]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number in full precision (15 significant digits, as analytics gives it), no grouping. */
function number(value: number | null, lang: ExplorerSheet["lang"]): string {
  if (value === null) return "";
  const text = String(Number(value.toPrecision(15)));
  return lang === "fr" ? text.replace(".", ",") : text;
}

export function renderExplorerCsv(sheet: ExplorerSheet): string {
  const sep = sheet.lang === "fr" ? ";" : ",";
  const h = sheet.headers;
  const header = [h.unit, h.unitId, h.period, h.periodId, h.value];
  if (sheet.withNumDen) header.push(h.numerator, h.denominator);
  const lines = [header.map((t) => field(t, sep)).join(sep)];
  for (const r of sheet.rows) {
    const cells = [
      field(r.unit, sep),
      field(r.unitId, sep),
      field(r.period, sep),
      field(r.periodId, sep),
      number(r.value, sheet.lang),
    ];
    if (sheet.withNumDen)
      cells.push(number(r.numerator, sheet.lang), number(r.denominator, sheet.lang));
    lines.push(cells.join(sep));
  }
  // CRLF, as RFC 4180 writes records.
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
