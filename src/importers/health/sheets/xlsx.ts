// Reads the first worksheet of an uploaded workbook (exceljs) into lines of cell texts, for the
// facility file. Refuses what is not an XLSX, or would unpack to far more than such a file,
// before parsing it (importers/shared/xlsx.ts); runs in a worker thread (worker.ts), which bounds
// its heap and time. A line of empty cells is skipped.
import ExcelJS from "exceljs";
import { FACILITY_FILE_LIMITS } from "../../../domain/health/facility-file.ts";
import { cellText, precheckXlsx } from "../../shared/xlsx.ts";
import type { SheetLine } from "./csv.ts";

export type XlsxRead =
  | { ok: true; lines: SheetLine[] }
  | {
      ok: false;
      reason: "not_xlsx" | "xlsx_encrypted" | "xlsx_unreadable" | "too_large" | "too_many_rows";
    };

export function precheckFacilityXlsx(bytes: Uint8Array): XlsxRead | null {
  const refusal = precheckXlsx(bytes, {
    bytes: FACILITY_FILE_LIMITS.unpacked,
    entries: FACILITY_FILE_LIMITS.entries,
  });
  if (refusal === null) return null;
  const reason =
    refusal === "encrypted"
      ? "xlsx_encrypted"
      : refusal === "unreadable"
        ? "xlsx_unreadable"
        : refusal === "too_expanded"
          ? "too_large"
          : "not_xlsx";
  return { ok: false, reason };
}

export async function readXlsxLines(bytes: Uint8Array): Promise<XlsxRead> {
  const refused = precheckFacilityXlsx(bytes);
  if (refused) return refused;
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return { ok: false, reason: "xlsx_unreadable" };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { ok: true, lines: [] };
  if (sheet.rowCount > FACILITY_FILE_LIMITS.rows + 1) return { ok: false, reason: "too_many_rows" };
  const lines: SheetLine[] = [];
  sheet.eachRow((row, number) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(cellText(row.getCell(i).value).trim());
    if (cells.some((c) => c !== "")) lines.push({ line: number, cells });
  });
  return { ok: true, lines };
}
