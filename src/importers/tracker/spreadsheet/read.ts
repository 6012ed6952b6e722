// Reads an uploaded questionnaire workbook (exceljs) into plain cell texts for map.ts. Refuses what
// is not an XLSX before parsing it: wrong signature, encrypted (password) or damaged packages, and
// packages that would unpack to far more than a questionnaire (zip.ts). Runs in a worker thread
// (worker.ts), which bounds its heap and time.
import ExcelJS from "exceljs";
import {
  QUESTIONNAIRE_COLUMNS,
  QUESTIONNAIRE_FILE,
  type QuestionnaireColumn,
  UNPACK_LIMITS,
} from "../../../domain/tracker/questionnaire-file.ts";
import { cellText, precheckXlsx } from "../../shared/xlsx.ts";
import type { QuestionnaireFile, SheetRow } from "./map.ts";

export type ReadRefusal =
  | "not_xlsx"
  | "encrypted"
  | "unreadable"
  | "not_questionnaire"
  /** Unpacks to more bytes or entries than UNPACK_LIMITS, or exhausted the reader's heap. */
  | "too_expanded"
  | "too_many_rows"
  /** Not read within UNPACK_LIMITS.ms. */
  | "too_slow";

export type ReadResult = { ok: true; file: QuestionnaireFile } | { ok: false; reason: ReadRefusal };

export { cellText };

/** The refusals that need no unpacking: signature, then the zip's declared sizes and entries. */
export function precheck(bytes: Uint8Array): ReadRefusal | null {
  return precheckXlsx(bytes, UNPACK_LIMITS);
}

export async function readQuestionnaireFile(bytes: Uint8Array): Promise<ReadResult> {
  const refusal = precheck(bytes);
  if (refusal) return { ok: false, reason: refusal };
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const sheet = book.getWorksheet(QUESTIONNAIRE_FILE.questionnaire);
  const idsSheet = book.getWorksheet(QUESTIONNAIRE_FILE.ids);
  if (!sheet || !idsSheet) return { ok: false, reason: "not_questionnaire" };
  if (sheet.rowCount > UNPACK_LIMITS.rows + 1 || idsSheet.rowCount > UNPACK_LIMITS.rows)
    return { ok: false, reason: "too_many_rows" };
  const ids = new Map<string, string>();
  idsSheet.eachRow((row) => {
    ids.set(cellText(row.getCell(1).value).trim(), cellText(row.getCell(2).value).trim());
  });
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = Object.fromEntries(
      QUESTIONNAIRE_COLUMNS.map((key, i) => [key, cellText(row.getCell(i + 1).value)]),
    ) as Record<QuestionnaireColumn, string>;
    rows.push({ row: number, cells });
  });
  return {
    ok: true,
    file: {
      format: ids.get("format") ?? null,
      cycleSlug: ids.get("cycle") ?? null,
      partnerSlug: ids.get("partner") ?? null,
      rows,
    },
  };
}
