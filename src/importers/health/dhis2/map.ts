// What DHIS2's data value files say, in one record shape whatever the form they came in (JSON,
// DXF2 XML, CSV, ADX): names and spellings of every DHIS2 version folded together, set-level
// defaults applied, nothing judged yet (the import service checks ids and values, row by row).
// Also what a file is, from its first bytes, and the failures that stop a whole file. Pure.

/** The four forms of a data value set DHIS2 reads and writes. */
export const DATA_VALUE_FORMATS = ["json", "dxf2", "adx", "csv"] as const;
export type DataValueFormat = (typeof DATA_VALUE_FORMATS)[number];

/** What the first bytes say: a format, a wrapper to open first, or a file that is none of them. */
export type Sniffed = DataValueFormat | "gzip" | "zip" | "binary" | "xml";

export const DXF2_NAMESPACE = "http://dhis2.org/schema/dxf/2.0";
export const ADX_NAMESPACE = "urn:ihe:qrph:adx:2015";

/**
 * One data value as the file gives it. Identifiers are trimmed and an empty text is null; the
 * value keeps its text as written (a JSON number's digits included), never parsed here.
 */
export interface DataValueRecord {
  /** CSV, XML and ADX: the line the value starts on; JSON: its rank in `dataValues`, from 1. */
  line: number;
  /** The set's (or ADX group's) data set and completion date, when it names them. */
  dataSet: string | null;
  completeDate: string | null;
  dataElement: string | null;
  /** As written: DHIS2's ISO form (`202201`), or ADX's start and duration (`2022-01-01/P1M`). */
  period: string | null;
  orgUnit: string | null;
  /** Null when the file names none (DHIS2 then means the default combo), or in ADX (below). */
  categoryOptionCombo: string | null;
  attributeOptionCombo: string | null;
  /** ADX only: the disaggregation, category code → option code (see `cocFromAdx`). */
  categoryOptions?: Record<string, string>;
  /** ADX only: the group's attribute categories, category code → option code. */
  attributeOptions?: Record<string, string>;
  value: string | null;
  storedBy: string | null;
  created: string | null;
  lastUpdated: string | null;
  comment: string | null;
  followUp: boolean;
  deleted: boolean;
}

/** What a set (or an ADX group) says once for all its values. */
export interface DataValueSetHeader {
  dataSet: string | null;
  completeDate: string | null;
  period: string | null;
  orgUnit: string | null;
  attributeOptionCombo: string | null;
  attributeOptions?: Record<string, string>;
}

export const EMPTY_HEADER: DataValueSetHeader = {
  dataSet: null,
  completeDate: null,
  period: null,
  orgUnit: null,
  attributeOptionCombo: null,
};

/** Failures that stop a whole file. A bad value is never one: it is a rejected row later. */
export const READ_ERROR_CODES = [
  /** More bytes than `maxBytes` once decompressed. */
  "too_large",
  /** More values than `maxValues`. */
  "too_many_values",
  /** Not read within the worker's deadline. */
  "too_slow",
  /** The reading worker stopped: its heap cap reached, or it crashed. */
  "reader_failed",
  "gzip_corrupt",
  /** A zip archive: DHIS2 can export one, but only gzip is opened here. */
  "zip_unsupported",
  /** NUL bytes in the first bytes: UTF-16, a spreadsheet, an image… not a text export. */
  "not_text",
  "json_malformed",
  /** JSON whose root has no `dataValues`; XML whose root is neither `dataValueSet` nor `adx`. */
  "not_data_value_set",
  /** A set-level field (period, orgUnit…) written after values that needed it. */
  "set_field_after_values",
  "xml_malformed",
  "csv_malformed",
  "csv_missing_columns",
  "csv_duplicate_column",
  /** A metadata file whose root is not a JSON object. */
  "not_metadata",
  /** A file typed by people (units, a facility's values) that is neither a CSV nor a workbook. */
  "not_xlsx",
  "xlsx_encrypted",
  "xlsx_unreadable",
  /** More lines than such a file may hold. */
  "too_many_rows",
] as const;
export type ReadErrorCode = (typeof READ_ERROR_CODES)[number];

/** A file that cannot be read at all: a code, where (when known), and what a message needs. */
export class Dhis2ReadError extends Error {
  readonly code: ReadErrorCode;
  readonly line: number | null;
  readonly details: Readonly<Record<string, string | number>>;

  constructor(
    code: ReadErrorCode,
    line: number | null = null,
    details: Readonly<Record<string, string | number>> = {},
  ) {
    super(line === null ? `dhis2 file: ${code}` : `dhis2 file: ${code} (line ${line})`);
    this.name = "Dhis2ReadError";
    this.code = code;
    this.line = line;
    this.details = details;
  }
}

export function isReadErrorCode(code: unknown): code is ReadErrorCode {
  return typeof code === "string" && (READ_ERROR_CODES as readonly string[]).includes(code);
}

// --- What a file is -------------------------------------------------------------------------

/** Reads the first bytes (a few hundred are enough; the reader hands up to 64 KB). */
export function detectFormat(firstBytes: Uint8Array): Sniffed {
  if (firstBytes[0] === 0x1f && firstBytes[1] === 0x8b) return "gzip";
  if (firstBytes[0] === 0x50 && firstBytes[1] === 0x4b) return "zip";
  if (firstBytes.subarray(0, 4096).includes(0)) return "binary";
  const text = new TextDecoder("utf-8").decode(firstBytes.subarray(0, 65536));
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("{")) return "json";
  if (!start.startsWith("<")) return "csv";
  const root = xmlRootName(start);
  if (root === "dataValueSet") return "dxf2";
  if (root === "adx") return "adx";
  return "xml";
}

/** The local name of the first element, past the declaration, comments and a doctype. */
function xmlRootName(text: string): string | null {
  let rest = text;
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith("<?")) rest = after(rest, "?>");
    else if (rest.startsWith("<!--")) rest = after(rest, "-->");
    else if (rest.startsWith("<!")) {
      // A doctype's internal subset holds `>` of its own declarations.
      const bracket = rest.indexOf("[");
      const close = rest.indexOf(">");
      rest = bracket >= 0 && bracket < close ? after(rest, "]>") : after(rest, ">");
    } else break;
  }
  const m = /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(rest);
  return m?.[1] ?? null;
}

function after(text: string, end: string): string {
  const at = text.indexOf(end);
  return at < 0 ? "" : text.slice(at + end.length);
}

// --- Fields as DHIS2 writes them --------------------------------------------------------------

type Fields = Readonly<Record<string, unknown>>;

/** A trimmed text, or null when absent or empty; other JSON values as their JSON text. */
export function idText(value: unknown): string | null {
  const t = rawText(value);
  if (t === null) return null;
  const trimmed = t.trim();
  return trimmed === "" ? null : trimmed;
}

/** A text as written (a value, a comment), null when absent or empty. */
export function rawText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // An object or array where a value belongs is kept as its JSON, for the row's rejection.
  return JSON.stringify(value);
}

/** DHIS2 reads flags as Java's parseBoolean: only "true", in any case, is true. */
export function flag(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  return typeof value === "string" && value.trim().toLowerCase() === "true";
}

/** The set-level fields of a JSON or DXF2 set; `completedDate` is an older spelling. */
export function setHeader(fields: Fields): DataValueSetHeader {
  return {
    dataSet: idText(fields.dataSet),
    completeDate: idText(fields.completeDate ?? fields.completedDate),
    period: idText(fields.period),
    orgUnit: idText(fields.orgUnit),
    attributeOptionCombo: idText(fields.attributeOptionCombo),
  };
}

/** One value of a JSON or DXF2 set (or a CSV row by field name), the set's defaults applied. */
export function dataValueRecord(
  fields: Fields,
  header: DataValueSetHeader,
  line: number,
): DataValueRecord {
  return {
    line,
    dataSet: header.dataSet,
    completeDate: header.completeDate,
    dataElement: idText(fields.dataElement),
    period: idText(fields.period) ?? header.period,
    orgUnit: idText(fields.orgUnit) ?? header.orgUnit,
    categoryOptionCombo: idText(fields.categoryOptionCombo),
    attributeOptionCombo: idText(fields.attributeOptionCombo) ?? header.attributeOptionCombo,
    value: rawText(fields.value),
    storedBy: idText(fields.storedBy),
    created: idText(fields.created),
    lastUpdated: idText(fields.lastUpdated),
    comment: rawText(fields.comment),
    followUp: flag(fields.followUp ?? fields.followup),
    deleted: flag(fields.deleted),
  };
}

// --- ADX --------------------------------------------------------------------------------------

/** Attributes of an ADX group that are not attribute categories. */
const ADX_GROUP_KEYS = new Set([
  "orgUnit",
  "period",
  "dataSet",
  "completeDate",
  "completedDate",
  "attributeOptionCombo",
]);

/** Attributes of an ADX data value that are not disaggregation categories. */
const ADX_VALUE_KEYS = new Set([
  "dataElement",
  "value",
  "categoryOptionCombo",
  "attributeOptionCombo",
  "storedBy",
  "created",
  "lastUpdated",
  "comment",
  "followUp",
  "followup",
  "deleted",
]);

function exploded(attrs: Readonly<Record<string, string>>, known: Set<string>) {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs)) if (!known.has(name)) out[name] = value.trim();
  return out;
}

/** An ADX group: its period as written, other unknown attributes as attribute categories. */
export function adxGroupHeader(attrs: Readonly<Record<string, string>>): DataValueSetHeader {
  return { ...setHeader(attrs), attributeOptions: exploded(attrs, ADX_GROUP_KEYS) };
}

/**
 * One ADX data value. Its unknown attributes are its categories; a `categoryOptionCombo`
 * attribute, when present, is what DHIS2 uses instead. A value that is not a number is the
 * text of its `annotation` element (DHIS2's reading); otherwise the annotation is a comment.
 */
export function adxRecord(
  attrs: Readonly<Record<string, string>>,
  group: DataValueSetHeader,
  line: number,
  annotation: string | null,
): DataValueRecord {
  const base = dataValueRecord(attrs, group, line);
  const value = base.value ?? rawText(annotation);
  const comment = base.value === null ? base.comment : (base.comment ?? rawText(annotation));
  return {
    ...base,
    value,
    comment,
    categoryOptions: exploded(attrs, ADX_VALUE_KEYS),
    attributeOptions: group.attributeOptions ?? {},
  };
}

/** A category combo as ADX resolution needs it: categories and option combos by code. */
export interface AdxCombo {
  id: string;
  name: string;
  /** The combo's categories, by the code ADX names them with. */
  categories: string[];
  /** Each option combo's options: category code → option code. */
  optionCombos: { id: string; options: Readonly<Record<string, string>> }[];
}

export type CocResolution =
  | { ok: true; categoryOptionCombo: string }
  | {
      ok: false;
      /**
       * `unknown_category`: an attribute is no category of the combo; `missing_category`: the
       * combo has a category the value does not name; `no_match`: no option combo has these
       * options; `ambiguous`: several do (duplicate option combos in DHIS2); `no_default`: no
       * attributes, and no combo named "default" among the candidates.
       */
      reason: "unknown_category" | "missing_category" | "no_match" | "ambiguous" | "no_default";
      /** The categories at fault, or the option combos that matched. */
      names: string[];
    };

/**
 * The option combo an ADX value means, among the candidate combos (its data element's, or all
 * when that is unknown). No attributes means the default combo, found by its name "default".
 */
export function cocFromAdx(
  attrs: Readonly<Record<string, string>>,
  combos: readonly AdxCombo[],
): CocResolution {
  const names = Object.keys(attrs);
  if (names.length === 0) {
    const defaults = combos
      .filter((c) => c.name.toLowerCase() === "default")
      .flatMap((c) => c.optionCombos.map((oc) => oc.id));
    if (defaults.length === 1 && defaults[0] !== undefined)
      return { ok: true, categoryOptionCombo: defaults[0] };
    return defaults.length > 1
      ? { ok: false, reason: "ambiguous", names: defaults }
      : { ok: false, reason: "no_default", names: [] };
  }
  const fitting = combos.filter(
    (c) => c.categories.length === names.length && names.every((n) => c.categories.includes(n)),
  );
  if (fitting.length === 0) {
    const known = new Set(combos.flatMap((c) => c.categories));
    const unknown = names.filter((n) => !known.has(n));
    if (unknown.length > 0) return { ok: false, reason: "unknown_category", names: unknown };
    const missing = (combos[0]?.categories ?? []).filter((n) => !names.includes(n));
    return { ok: false, reason: "missing_category", names: missing };
  }
  const matches = fitting.flatMap((c) =>
    c.optionCombos
      .filter((oc) => names.every((n) => oc.options[n] === attrs[n]))
      .map((oc) => oc.id),
  );
  if (matches.length === 1 && matches[0] !== undefined)
    return { ok: true, categoryOptionCombo: matches[0] };
  return matches.length > 1
    ? { ok: false, reason: "ambiguous", names: matches }
    : { ok: false, reason: "no_match", names };
}
