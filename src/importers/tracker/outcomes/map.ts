// From the rows of a series file to figures: each row becomes a figure or a rejection naming
// its row and reason. Three layouts: a generic CSV (year, value, source[, url][, kind]), a
// Track20/FPET estimates CSV and a DHS Program API indicator answer (JSON). Pure: no file.
//
// Track20/FPET: the country estimates tables Track20 publishes have one row per year ×
// indicator (× marital group), the estimate in a "Median" (sometimes "Value" or "50%") column
// beside its credible interval. Jalon reads a documented subset: `Year`, the estimate in
// `Median`, `Value`, `Estimate` or `50%`, and optionally `Indicator` (kept when it matches the
// indicator asked), `Marital Status` / `Group` (kept when it matches the group asked). Other
// columns (the interval, the country) are ignored. FPET writes proportions (0.164): a file
// whose estimates all lie between 0 and 1 is read as proportions and given in percent.
import { parseDecimal } from "../../../domain/shared/decimal.ts";
import {
  emptySummary,
  type ImportSummary,
  type Rejection,
} from "../../../domain/shared/import-summary.ts";
import {
  isPointKind,
  isYear,
  MAX_POINTS,
  MAX_SOURCE_LENGTH,
  type PointKind,
  type PointProblem,
  type SeriesPoint,
  safeUrl,
} from "../../../domain/tracker/outcome.ts";

export type { SeriesFormat } from "../../../domain/tracker/outcome.ts";

export interface OutcomeRejection extends Rejection {
  reason: PointProblem | "kind_invalid";
  /** The cell as written, for the message. */
  value: string;
}

/** Why a whole file is refused. */
export type FileProblem =
  | "columns_missing"
  | "not_dhs"
  | "too_many_rows"
  | "too_large"
  | "unreadable";

export interface MapOptions {
  /** The source named for figures whose row names none (Track20, DHS). */
  source: string;
  url: string | null;
  /** Track20: keep this indicator only ("mCPR"); DHS: this IndicatorId ("FP_CUSM_W_MOD"). */
  indicator: string | null;
  /** Track20: keep this marital group only ("All women", "Married women"). */
  group: string | null;
}

export type Mapped =
  | { ok: true; points: SeriesPoint[]; summary: ImportSummary<OutcomeRejection>; scaled: boolean }
  | { ok: false; problem: FileProblem; columns?: string };

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

function readYear(text: string): { ok: true; year: number } | { ok: false; reason: PointProblem } {
  const t = text.trim();
  if (t === "") return { ok: false, reason: "year_missing" };
  // "2018", "2018.0" or "2017-18" (a survey over two years counts in its first).
  const m = /^(\d{4})(?:\.0+|[-/]\d{2,4})?$/.exec(t);
  const year = m ? Number(m[1]) : Number.NaN;
  return isYear(year) ? { ok: true, year } : { ok: false, reason: "year_invalid" };
}

function readValue(
  text: string,
): { ok: true; value: number } | { ok: false; reason: PointProblem } {
  const r = parseDecimal(text, { allowNegative: true });
  if (r.ok) return { ok: true, value: r.value };
  return { ok: false, reason: r.reason === "empty" ? "value_missing" : "value_invalid" };
}

/** A column's index by any of its names (case and spaces ignored), or -1. */
function column(header: readonly string[], names: readonly string[]): number {
  const wanted = names.map(norm);
  return header.findIndex((h) => wanted.includes(norm(h)));
}

function tooMany(records: readonly unknown[]): boolean {
  return records.length - 1 > MAX_POINTS;
}

/** Generic: `year,value,source[,url][,kind]` with a header row; kind defaults to "estimate". */
export function mapGenericCsv(records: readonly string[][], options: MapOptions): Mapped {
  const header = records[0] ?? [];
  const at = {
    year: column(header, ["year", "année", "annee"]),
    value: column(header, ["value", "valeur"]),
    source: column(header, ["source"]),
    url: column(header, ["url", "source_url", "lien"]),
    kind: column(header, ["kind", "type"]),
  };
  const missing = (["year", "value", "source"] as const).filter((c) => at[c] < 0);
  if (missing.length > 0)
    return { ok: false, problem: "columns_missing", columns: missing.join(", ") };
  if (tooMany(records)) return { ok: false, problem: "too_many_rows" };
  const summary = emptySummary<OutcomeRejection>();
  const points: SeriesPoint[] = [];
  for (const [i, cells] of records.slice(1).entries()) {
    const row = i + 2;
    const cell = (index: number) => (index < 0 ? "" : (cells[index] ?? ""));
    if (cells.every((c) => c.trim() === "")) continue;
    const year = readYear(cell(at.year));
    if (!year.ok) {
      summary.rejected.push({ row, reason: year.reason, value: cell(at.year) });
      continue;
    }
    const value = readValue(cell(at.value));
    if (!value.ok) {
      summary.rejected.push({ row, reason: value.reason, value: cell(at.value) });
      continue;
    }
    const source = cell(at.source).trim() || options.source.trim();
    if (source === "") {
      summary.rejected.push({ row, reason: "source_missing", value: "" });
      continue;
    }
    if (source.length > MAX_SOURCE_LENGTH) {
      summary.rejected.push({ row, reason: "source_too_long", value: source.slice(0, 40) });
      continue;
    }
    const urlText = cell(at.url).trim();
    const url = urlText === "" ? options.url : safeUrl(urlText);
    if (urlText !== "" && url === null) {
      summary.rejected.push({ row, reason: "url_invalid", value: urlText.slice(0, 80) });
      continue;
    }
    const kindText = norm(cell(at.kind)) || "estimate";
    if (!isPointKind(kindText)) {
      summary.rejected.push({ row, reason: "kind_invalid", value: cell(at.kind) });
      continue;
    }
    points.push({ year: year.year, value: value.value, source, url, kind: kindText });
  }
  return { ok: true, points, summary, scaled: false };
}

/** Track20/FPET estimates (the subset described above). */
export function mapTrack20Csv(records: readonly string[][], options: MapOptions): Mapped {
  const header = records[0] ?? [];
  const at = {
    year: column(header, ["year", "année"]),
    value: column(header, ["median", "value", "estimate", "50%", "0.5"]),
    indicator: column(header, ["indicator", "indicateur"]),
    group: column(header, ["marital status", "marital_status", "group", "population"]),
  };
  const missing = (["year", "value"] as const).filter((c) => at[c] < 0);
  if (missing.length > 0)
    return {
      ok: false,
      problem: "columns_missing",
      columns: missing.map((c) => (c === "value" ? "Median" : "Year")).join(", "),
    };
  if (tooMany(records)) return { ok: false, problem: "too_many_rows" };
  const summary = emptySummary<OutcomeRejection>();
  const kept: { row: number; year: number; value: number }[] = [];
  for (const [i, cells] of records.slice(1).entries()) {
    const row = i + 2;
    const cell = (index: number) => (index < 0 ? "" : (cells[index] ?? ""));
    if (cells.every((c) => c.trim() === "")) continue;
    // Rows of another indicator or group are not errors: the file holds several.
    if (
      options.indicator &&
      at.indicator >= 0 &&
      norm(cell(at.indicator)) !== norm(options.indicator)
    ) {
      summary.ignored += 1;
      continue;
    }
    if (options.group && at.group >= 0 && norm(cell(at.group)) !== norm(options.group)) {
      summary.ignored += 1;
      continue;
    }
    const year = readYear(cell(at.year));
    if (!year.ok) {
      summary.rejected.push({ row, reason: year.reason, value: cell(at.year) });
      continue;
    }
    const value = readValue(cell(at.value));
    if (!value.ok) {
      summary.rejected.push({ row, reason: value.reason, value: cell(at.value) });
      continue;
    }
    kept.push({ row, year: year.year, value: value.value });
  }
  const scaled = kept.length > 0 && kept.every((k) => k.value >= 0 && k.value <= 1);
  const points = kept.map(
    (k): SeriesPoint => ({
      year: k.year,
      // Rounded to the file's own precision: 0.164 × 100 is 16.400000000000002.
      value: scaled ? Math.round(k.value * 1e8) / 1e6 : k.value,
      source: options.source,
      url: options.url,
      kind: "estimate",
    }),
  );
  return { ok: true, points, summary, scaled };
}

/** A DHS Program API answer: `{ "Data": [{ "IndicatorId", "SurveyYear", "Value", … }] }`. */
export function mapDhsJson(data: unknown, options: MapOptions): Mapped {
  const rows = (data as { Data?: unknown } | null)?.Data;
  if (typeof data !== "object" || data === null || !Array.isArray(rows))
    return { ok: false, problem: "not_dhs" };
  if (rows.length > MAX_POINTS) return { ok: false, problem: "too_many_rows" };
  const summary = emptySummary<OutcomeRejection>();
  const points: SeriesPoint[] = [];
  for (const [i, item] of (rows as unknown[]).entries()) {
    const row = i + 1;
    const r = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    const text = (key: string) => {
      const v = r[key];
      return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
    };
    if (options.indicator && text("IndicatorId") !== options.indicator) {
      summary.ignored += 1;
      continue;
    }
    // A breakdown (by region, by age) is not the national figure; nor is a non-preferred one.
    if (text("IsTotal") === "0" || text("IsPreferred") === "0") {
      summary.ignored += 1;
      continue;
    }
    const year = readYear(text("SurveyYear"));
    if (!year.ok) {
      summary.rejected.push({ row, reason: year.reason, value: text("SurveyYear") });
      continue;
    }
    const value = readValue(text("Value"));
    if (!value.ok) {
      summary.rejected.push({ row, reason: value.reason, value: text("Value") });
      continue;
    }
    const survey = text("SurveyId").trim();
    const source = (survey ? `${options.source} (${survey})` : options.source).slice(
      0,
      MAX_SOURCE_LENGTH,
    );
    const kind: PointKind = "survey";
    points.push({ year: year.year, value: value.value, source, url: options.url, kind });
  }
  return { ok: true, points, summary, scaled: false };
}
