// DHIS2's CSV data value files: the header spellings of every version folded into one set of
// fields, DHIS2's own column order for files without a header, the separator from the first
// line. Pure.
import { type DataValueRecord, dataValueRecord, EMPTY_HEADER } from "../map.ts";

export type CsvField =
  | "dataElement"
  | "period"
  | "orgUnit"
  | "categoryOptionCombo"
  | "attributeOptionCombo"
  | "value"
  | "storedBy"
  | "created"
  | "lastUpdated"
  | "comment"
  | "followUp"
  | "deleted";

/** DHIS2's own column order: what it reads from a file by position, header or not. */
export const DHIS2_CSV_ORDER: readonly CsvField[] = [
  "dataElement",
  "period",
  "orgUnit",
  "categoryOptionCombo",
  "attributeOptionCombo",
  "value",
  "storedBy",
  "lastUpdated",
  "comment",
  "followUp",
  "deleted",
];

/**
 * Header spellings seen across DHIS2 versions and its documentation, compared lower-cased with
 * spaces, `_` and `-` removed (`data_element`, `dataElement` and `Data element` are one).
 */
const CSV_ALIASES: Record<string, CsvField> = {
  dataelement: "dataElement",
  de: "dataElement",
  period: "period",
  pe: "period",
  orgunit: "orgUnit",
  ou: "orgUnit",
  organisationunit: "orgUnit",
  organizationunit: "orgUnit",
  categoryoptioncombo: "categoryOptionCombo",
  catoptcombo: "categoryOptionCombo",
  coc: "categoryOptionCombo",
  co: "categoryOptionCombo",
  attributeoptioncombo: "attributeOptionCombo",
  attroptcombo: "attributeOptionCombo",
  aoc: "attributeOptionCombo",
  value: "value",
  storedby: "storedBy",
  strby: "storedBy",
  created: "created",
  lastupdated: "lastUpdated",
  lastupd: "lastUpdated",
  lstupd: "lastUpdated",
  timestamp: "lastUpdated",
  comment: "comment",
  cmt: "comment",
  followup: "followUp",
  flwup: "followUp",
  deleted: "deleted",
};

const CSV_REQUIRED: readonly CsvField[] = ["dataElement", "period", "orgUnit"];

export function csvField(heading: string): CsvField | null {
  const key = heading
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[\s_\-.]/g, "");
  return CSV_ALIASES[key] ?? null;
}

export type CsvColumns =
  | { ok: true; header: boolean; columns: readonly (CsvField | null)[] }
  | { ok: false; code: "csv_missing_columns" | "csv_duplicate_column"; names: string[] };

/**
 * What the first row is: a header when any of its cells is a known heading (its columns then
 * go by name, unknown ones ignored), else the first value of a header-less file in DHIS2's order.
 */
export function csvColumns(firstRow: readonly string[]): CsvColumns {
  const fields = firstRow.map(csvField);
  if (fields.every((f) => f === null)) return { ok: true, header: false, columns: DHIS2_CSV_ORDER };
  const seen = new Set<CsvField>();
  const twice: string[] = [];
  for (const f of fields) {
    if (f === null) continue;
    if (seen.has(f)) twice.push(f);
    seen.add(f);
  }
  if (twice.length > 0) return { ok: false, code: "csv_duplicate_column", names: twice };
  const missing = CSV_REQUIRED.filter((f) => !seen.has(f));
  if (missing.length > 0) return { ok: false, code: "csv_missing_columns", names: missing };
  return { ok: true, header: true, columns: fields };
}

/** One CSV row, its cells read by the columns; cells beyond them are ignored. */
export function csvRecord(
  cells: readonly string[],
  columns: readonly (CsvField | null)[],
  line: number,
): DataValueRecord {
  const fields: Record<string, string> = {};
  columns.forEach((field, i) => {
    const cell = cells[i];
    if (field !== null && cell !== undefined) fields[field] = cell;
  });
  return dataValueRecord(fields, EMPTY_HEADER, line);
}

/**
 * The separator of a CSV file, from its first line: the one of `,` `;` and tab found most often
 * outside quotes (a French spreadsheet writes `;`), a comma when there is none.
 */
export function csvDelimiter(firstLine: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}
