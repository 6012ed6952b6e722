// The explorer's table as an Excel workbook (exceljs): a title and its subject above a typed
// table (numbers stay numbers, at full precision, shown with the indicator's decimals), a
// frozen header and filters.
import ExcelJS from "exceljs";
import { bareHex, PAPER } from "../../domain/shared/theme.ts";
import { neutralise } from "../shared/cells.ts";
import type { ExplorerSheet } from "./explorer-model.ts";

/** The header row: below the title, the subject and a blank line. */
export const HEADER_ROW = 4;

export async function renderExplorerXlsx(sheet: ExplorerSheet): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = "Jalon";
  const ws = book.addWorksheet(
    neutralise(sheet.title)
      .replace(/[\\/?*[\]:]/g, " ")
      .slice(0, 31),
    {
      views: [{ state: "frozen", ySplit: HEADER_ROW }],
    },
  );
  const h = sheet.headers;
  const headers = [h.unit, h.unitId, h.period, h.periodId, h.value];
  if (sheet.withNumDen) headers.push(h.numerator, h.denominator);
  ws.getCell(1, 1).value = neutralise(sheet.title);
  ws.getCell(1, 1).font = { bold: true, size: 13, color: { argb: `FF${bareHex(PAPER.accent)}` } };
  ws.getCell(2, 1).value = neutralise(sheet.subtitle);
  const header = ws.getRow(HEADER_ROW);
  header.values = headers;
  header.font = { bold: true };
  header.fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: `FF${bareHex(PAPER.headerFill)}` },
  };
  for (const r of sheet.rows) {
    const values: (string | number | null)[] = [
      neutralise(r.unit),
      neutralise(r.unitId),
      neutralise(r.period),
      neutralise(r.periodId),
      r.value,
    ];
    if (sheet.withNumDen) values.push(r.numerator, r.denominator);
    ws.addRow(values);
  }
  const format = sheet.decimals > 0 ? `0.${"0".repeat(sheet.decimals)}` : "0";
  const widths = [28, 14, 14, 10, 12, 14, 14];
  headers.forEach((_, i) => {
    const column = ws.getColumn(i + 1);
    column.width = widths[i] ?? 12;
    // The value with the indicator's decimals; numerator and denominator as Excel shows numbers.
    if (i === 4) column.numFmt = format;
  });
  ws.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + Math.max(sheet.rows.length, 1), column: headers.length },
  };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
