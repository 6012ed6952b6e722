// How health files typed by people (a CSV out of a spreadsheet, a workbook) are read: headers
// matched by their spelling in French or English whatever the accents, case, spaces or
// punctuation ("Code parent", "parent_code", "Unité mère"), and days and months in the forms
// people write them (2022-01-31, 31/01/2022; 202201, 2022-01, 01/2022).
import { isCalendarDate } from "../shared/input.ts";

/** "Date d’ouverture" → "datedouverture": no accents, lower case, letters and digits only. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export type ColumnMatch<K extends string> =
  | { ok: true; columns: Partial<Record<K, number>>; others: { index: number; header: string }[] }
  | { ok: false; missing: K[]; duplicate: K[] };

/**
 * The position of each known column in a header row; columns no alias names are listed apart.
 * `required` columns must be there, and no column may be named twice.
 */
export function matchColumns<K extends string>(
  header: readonly string[],
  aliases: Readonly<Record<K, readonly string[]>>,
  required: readonly K[],
): ColumnMatch<K> {
  const byAlias = new Map<string, K>();
  for (const key of Object.keys(aliases) as K[])
    for (const alias of aliases[key]) byAlias.set(normaliseHeader(alias), key);
  const columns: Partial<Record<K, number>> = {};
  const duplicate: K[] = [];
  const others: { index: number; header: string }[] = [];
  header.forEach((text, index) => {
    const key = byAlias.get(normaliseHeader(text));
    if (key === undefined) {
      if (text.trim() !== "") others.push({ index, header: text.trim() });
    } else if (columns[key] !== undefined) {
      if (!duplicate.includes(key)) duplicate.push(key);
    } else columns[key] = index;
  });
  const missing = required.filter((k) => columns[k] === undefined);
  if (missing.length > 0 || duplicate.length > 0) return { ok: false, missing, duplicate };
  return { ok: true, columns, others };
}

/** A day as YYYY-MM-DD from 2022-01-31, 2022/01/31, 31/01/2022 or 31-01-2022; null otherwise. */
export function parseDay(text: string): string | null {
  const t = text.trim();
  let iso: string | null = null;
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(t);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (ymd) iso = `${ymd[1]}-${(ymd[2] ?? "").padStart(2, "0")}-${(ymd[3] ?? "").padStart(2, "0")}`;
  else if (dmy)
    iso = `${dmy[3]}-${(dmy[2] ?? "").padStart(2, "0")}-${(dmy[1] ?? "").padStart(2, "0")}`;
  return iso !== null && isCalendarDate(iso) ? iso : null;
}

/**
 * A month as DHIS2 names it (202201) from 202201, 2022-01, 2022/01, 01/2022 or a first day of
 * the month (2022-01-01, what a spreadsheet makes of a typed "2022-01"); null otherwise.
 */
export function parseMonth(text: string): string | null {
  const t = text.trim();
  const m =
    /^(\d{4})[-/.]?(\d{2})$/.exec(t) ??
    /^(\d{4})[-/.](\d{1,2})$/.exec(t) ??
    /^(\d{4})-(\d{2})-01(?:[T ].*)?$/.exec(t);
  const back = /^(\d{1,2})[-/.](\d{4})$/.exec(t);
  const year = m ? m[1] : back?.[2];
  const month = m ? m[2] : back?.[1];
  if (year === undefined || month === undefined) return null;
  const n = Number(month);
  if (n < 1 || n > 12 || Number(year) < 1000) return null;
  return `${year}${String(n).padStart(2, "0")}`;
}
