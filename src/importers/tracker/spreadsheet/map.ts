// From the cells of an uploaded questionnaire to answers: each row becomes an answer to store or
// a rejection naming its row number and its reason. A row the answer keeps as typed (not valid
// yet), written back as the export wrote it, stays kept as typed. Pure: no file, no database.

import { leadingDecimal } from "../../../domain/shared/decimal.ts";
import type { Rejection } from "../../../domain/shared/import-summary.ts";
import type { Lang } from "../../../domain/shared/lang.ts";
import {
  formatEvidence,
  formatEvidenceLine,
  formatOutput,
  formatTypedOutputs,
  QUESTIONNAIRE_COLUMNS,
  type QuestionnaireColumn,
} from "../../../domain/tracker/questionnaire-file.ts";
import {
  type Contributes,
  type Evidence,
  isEvidenceUrl,
  type TypedOutput,
  type TypedRows,
} from "../../../domain/tracker/response.ts";

/** The cells of one sheet row, as texts ("" for an empty cell). */
export interface SheetRow {
  row: number;
  cells: Record<QuestionnaireColumn, string>;
}

export interface QuestionnaireFile {
  format: string | null;
  cycleSlug: string | null;
  partnerSlug: string | null;
  rows: SheetRow[];
}

export interface MappedAnswer {
  contributes: Contributes;
  activities: string | null;
  collaboratorsText: string | null;
  difficulties: string | null;
  /** Numbers read from the cell, or rows kept as typed that came back unchanged. */
  outputs: TypedOutput[];
  evidence: Evidence[];
}

export const ROW_REASONS = [
  "unknown_indicator",
  "duplicate",
  "version",
  "contributes",
  "output_value",
  "output_unit",
  "evidence_url",
  "too_long",
  "stale",
  "closed",
] as const;
export type RowReason = (typeof ROW_REASONS)[number];

export interface RowRejection extends Rejection {
  reason: RowReason;
  column: QuestionnaireColumn | null;
  value: string;
}

export type RowResult =
  | { kind: "answer"; row: number; code: string; version: number; answer: MappedAnswer }
  | ({ kind: "rejected" } & RowRejection);

const LIMITS = { activities: 20_000, collaborators: 2_000, difficulties: 20_000 } as const;
const MAX_ITEMS = 50;

/** Undoes the export's guard against formulas: "'=x" was written for "=x". */
export function unneutralise(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function clean(value: string): string | null {
  const text = unneutralise(value.replace(/\r\n?/g, "\n")).trim();
  return text === "" ? null : text;
}

class Rejected {
  readonly reason: RowReason;
  readonly column: QuestionnaireColumn | null;
  readonly value: string;
  constructor(reason: RowReason, column: QuestionnaireColumn | null, value: string) {
    this.reason = reason;
    this.column = column;
    this.value = value;
  }
}

function contributes(raw: string): Contributes {
  const word = raw.trim().toLowerCase();
  if (word === "") return "unknown";
  if (word === "oui" || word === "yes") return "yes";
  if (word === "non" || word === "no") return "no";
  throw new Rejected("contributes", "contributes", raw.trim());
}

/** The export wrote numbers in the file's language, which the import is not told: either. */
const LANGS: readonly Lang[] = ["fr", "en"];

/** The kept row an item of the file is, written as the export writes it, if any. */
function keptAs<T>(item: string, kept: readonly T[], format: (k: T, lang: Lang) => string) {
  return kept.find((k) => LANGS.some((lang) => format(k, lang) === item));
}

function outputs(raw: string, kept: readonly TypedOutput[]): TypedOutput[] {
  const cell = clean(raw) ?? "";
  // Kept rows written back untouched stay as typed, whatever ";" their texts hold.
  if (kept.length > 0 && LANGS.some((lang) => formatTypedOutputs(kept, lang) === cell))
    return [...kept];
  const items = cell
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length > MAX_ITEMS) throw new Rejected("too_long", "outputs", String(items.length));
  return items.map((item) => {
    // The page's rule: "33 000 000 FCFA" and "12,5 km" (decimal comma, spaces between thousands).
    const read = leadingDecimal(item);
    const unit = read.rest.replace(/\s+/g, " ");
    if (read.value !== null && unit !== "" && unit.length <= 200)
      return { value: read.value, unit };
    // A row kept as typed, left as the export wrote it, stays kept (still to correct).
    const same = keptAs(item, kept, formatOutput);
    if (same) return same;
    if (read.value === null)
      throw new Rejected("output_value", "outputs", item.split(/\s+/)[0] ?? item);
    throw new Rejected("output_unit", "outputs", item);
  });
}

function evidence(raw: string, kept: readonly Evidence[]): Evidence[] {
  const cell = clean(raw) ?? "";
  if (kept.length > 0 && formatEvidence(kept) === cell) return [...kept];
  const lines = cell
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (lines.length > MAX_ITEMS) throw new Rejected("too_long", "evidence", String(lines.length));
  return lines.map((line) => {
    const [url = "", ...rest] = line.split(/\s+/);
    if (!isEvidenceUrl(url)) {
      const same = keptAs(line, kept, formatEvidenceLine);
      if (same) return same;
      throw new Rejected("evidence_url", "evidence", url);
    }
    const title = rest.join(" ").trim();
    return { url, title: title === "" ? null : title.slice(0, 500) };
  });
}

function limited(column: keyof typeof LIMITS, raw: string): string | null {
  const text = clean(raw);
  if (text !== null && text.length > LIMITS[column])
    throw new Rejected("too_long", column, String(text.length));
  return text;
}

function mapRow(
  row: SheetRow,
  known: ReadonlySet<string>,
  seen: Set<string>,
  held: TypedRows | undefined,
): RowResult {
  const code = row.cells.code.trim();
  try {
    if (!known.has(code)) throw new Rejected("unknown_indicator", "code", code);
    if (seen.has(code)) throw new Rejected("duplicate", "code", code);
    seen.add(code);
    const versionText = row.cells.version.trim();
    const version = versionText === "" ? 0 : Number(versionText);
    if (!Number.isInteger(version) || version < 0)
      throw new Rejected("version", "version", versionText);
    return {
      kind: "answer",
      row: row.row,
      code,
      version,
      answer: {
        contributes: contributes(row.cells.contributes),
        activities: limited("activities", row.cells.activities),
        collaboratorsText: limited("collaborators", row.cells.collaborators),
        difficulties: limited("difficulties", row.cells.difficulties),
        outputs: outputs(row.cells.outputs, held?.outputs ?? []),
        evidence: evidence(row.cells.evidence, held?.evidence ?? []),
      },
    };
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    return {
      kind: "rejected",
      row: row.row,
      reason: error.reason,
      column: error.column,
      value: error.value,
    };
  }
}

/**
 * Maps every row that holds something; `known` are the codes of the partner's indicators and
 * `held` the rows each answer keeps as typed (by code), which the file may hand back unchanged.
 */
export function mapRows(
  rows: readonly SheetRow[],
  known: ReadonlySet<string>,
  held: ReadonlyMap<string, TypedRows> = new Map(),
): RowResult[] {
  const seen = new Set<string>();
  return rows
    .filter((r) => QUESTIONNAIRE_COLUMNS.some((c) => r.cells[c].trim() !== ""))
    .map((r) => mapRow(r, known, seen, held.get(r.cells.code.trim())));
}
