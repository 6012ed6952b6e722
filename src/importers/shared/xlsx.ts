// What every reader of uploaded workbooks shares: the checks that need no unpacking (the
// signature, an encrypted Office file, the zip's declared sizes and entries) and the text a
// reader sees in a cell, whatever exceljs made of it. Formulas are kept as typed, never run.
import type ExcelJS from "exceljs";
import { checkZip } from "./zip.ts";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An encrypted Office file is an OLE compound document, not a zip. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** A zip's first bytes: what an XLSX starts with. */
export const looksLikeZip = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP);
/** An OLE container's first bytes: an encrypted (or pre-2007) Office file. */
export const looksLikeOle = (bytes: Uint8Array): boolean => startsWith(bytes, OLE);

export type XlsxRefusal = "not_xlsx" | "encrypted" | "unreadable" | "too_expanded";

/** The refusals that need no unpacking: signature, then the zip's declared sizes and entries. */
export function precheckXlsx(
  bytes: Uint8Array,
  limits: { bytes: number; entries: number },
): XlsxRefusal | null {
  if (looksLikeOle(bytes)) return "encrypted";
  if (!looksLikeZip(bytes)) return "not_xlsx";
  const zip = checkZip(bytes, limits);
  return zip.ok ? null : zip.reason;
}

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
  return "";
}
