// The facility file: a facility's (or a district's) monthly values typed in a spreadsheet, for
// facilities without DHIS2 access, as CSV or XLSX. Two layouts, told from the header:
//   long — one value a line: facility code, period, data element code, value, and optionally
//          the disaggregation (category option combo) code;
//   wide — one line per facility and month, one column per data element (its code, or
//          "code.combo" for a disaggregation, as DHIS2 writes an operand).
// Headers may be in French or English; a period is 202201, 2022-01 or 01/2022; an empty value is
// skipped (a file never deletes a value). The template the imports page offers is written here.

export const FACILITY_COLUMNS = ["facility", "period", "dataElement", "value", "combo"] as const;
export type FacilityColumn = (typeof FACILITY_COLUMNS)[number];

export const FACILITY_ALIASES: Readonly<Record<FacilityColumn, readonly string[]>> = {
  facility: [
    "facility",
    "facility code",
    "org unit",
    "orgunit",
    "org unit code",
    "structure",
    "code structure",
    "code de la structure",
    "établissement",
    "code établissement",
    "unité",
    "code unité",
  ],
  period: ["period", "période", "month", "mois"],
  dataElement: [
    "data element",
    "dataelement",
    "data element code",
    "element",
    "élément",
    "élément de données",
    "code élément",
    "donnée",
  ],
  value: ["value", "valeur"],
  combo: [
    "category option combo",
    "categoryoptioncombo",
    "combo",
    "disaggregation",
    "désagrégation",
    "combinaison",
    "catégorie",
  ],
};

/** Limits of one file: a district's year is a few thousand lines. */
export const FACILITY_FILE_LIMITS = {
  /** A CSV's bytes, or an XLSX's on disk. */
  bytes: 20 * 1024 * 1024,
  rows: 50_000,
  /** An XLSX's declared unpacked bytes and entries; its reader's heap and time. */
  unpacked: 60 * 1024 * 1024,
  entries: 200,
  heapMb: 256,
  ms: 20_000,
} as const;

/** Warnings listed at most; beyond, only counted. */
export const MAX_LISTED_WARNINGS = 200;

/** The template's header in each language (both are read back). */
export const FACILITY_TEMPLATE_HEADER = {
  fr: ["code structure", "période", "code élément", "valeur", "désagrégation"],
  en: ["facility code", "period", "data element code", "value", "category option combo"],
} as const;
