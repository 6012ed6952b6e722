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
import type { QuestionnaireFile, SheetRow } from "./map.ts";
import { checkZip } from "./zip.ts";

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

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An encrypted Office file is an OLE compound document, not a zip. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** The text a reader sees in a cell, whatever exceljs made of it. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue);
  // A formula is kept as the text it was typed as; it is never evaluated.
  if ("formula" in value && typeof value.formula === "string") return `=${value.formula}`;
  if ("sharedFormula" in value) return "";
  if ("error" in value) return "";
  return "";
}

/** The refusals that need no unpacking: signature, then the zip's declared sizes and entries. */
export function precheck(bytes: Uint8Array): ReadRefusal | null {
  if (startsWith(bytes, OLE)) return "encrypted";
  if (!startsWith(bytes, ZIP)) return "not_xlsx";
  const zip = checkZip(bytes, UNPACK_LIMITS);
  return zip.ok ? null : zip.reason;
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
