// From the cells of an uploaded questionnaire to answers: each row becomes an answer to store or
// a rejection naming its row number and its reason. Pure: no file, no database.

import { leadingDecimal } from "../../domain/decimal.ts";
import {
  QUESTIONNAIRE_COLUMNS,
  type QuestionnaireColumn,
} from "../../domain/questionnaire-file.ts";
import {
  type Contributes,
  type Evidence,
  isEvidenceUrl,
  type QuantifiedOutput,
} from "../../domain/response.ts";

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
  outputs: QuantifiedOutput[];
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

export interface RowRejection {
  row: number;
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

function outputs(raw: string): QuantifiedOutput[] {
  const items = (clean(raw) ?? "")
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length > MAX_ITEMS) throw new Rejected("too_long", "outputs", String(items.length));
  return items.map((item) => {
    // The page's rule: "33 000 000 FCFA" and "12,5 km" (decimal comma, spaces between thousands).
    const read = leadingDecimal(item);
    if (read.value === null)
      throw new Rejected("output_value", "outputs", item.split(/\s+/)[0] ?? item);
    const unit = read.rest.replace(/\s+/g, " ");
    if (unit === "" || unit.length > 200) throw new Rejected("output_unit", "outputs", item);
    return { value: read.value, unit };
  });
}

function evidence(raw: string): Evidence[] {
  const lines = (clean(raw) ?? "")
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (lines.length > MAX_ITEMS) throw new Rejected("too_long", "evidence", String(lines.length));
  return lines.map((line) => {
    const [url = "", ...rest] = line.split(/\s+/);
    if (!isEvidenceUrl(url)) throw new Rejected("evidence_url", "evidence", url);
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

function mapRow(row: SheetRow, known: ReadonlySet<string>, seen: Set<string>): RowResult {
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
        outputs: outputs(row.cells.outputs),
        evidence: evidence(row.cells.evidence),
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

/** Maps every row that holds something; `known` are the codes of the partner's indicators. */
export function mapRows(rows: readonly SheetRow[], known: ReadonlySet<string>): RowResult[] {
  const seen = new Set<string>();
  return rows
    .filter((r) => QUESTIONNAIRE_COLUMNS.some((c) => r.cells[c].trim() !== ""))
    .map((r) => mapRow(r, known, seen));
}
