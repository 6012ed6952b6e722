// A partner's answer about one process indicator for one cycle (annex 1 of the method): its rows
// as typed and which of them are valid, when it is empty, and when it may be submitted.
import { type DecimalReason, parseDecimal } from "../shared/decimal.ts";

export const CONTRIBUTES = ["yes", "no", "unknown"] as const;
export type Contributes = (typeof CONTRIBUTES)[number];

export const COLLECTION_METHODS = ["online", "interview", "document_review", "import"] as const;
export type CollectionMethod = (typeof COLLECTION_METHODS)[number];

export const RESPONSE_STATES = ["draft", "submitted", "validated", "returned"] as const;
export type ResponseState = (typeof RESPONSE_STATES)[number];

/** Answers the public may read once a cycle is published: never drafts or answers sent back. */
export const PUBLIC_ANSWER_STATES: readonly ResponseState[] = ["submitted", "validated"];

/** A quantified result a report quotes: 619 providers trained, 33 000 000 FCFA allocated. */
export interface QuantifiedOutput {
  value: number;
  unit: string;
}

export interface Evidence {
  url: string;
  title: string | null;
}

export interface Response {
  id: number;
  cycleId: number;
  partnerId: number;
  indicatorId: number;
  contributes: Contributes;
  activities: string | null;
  collaboratorIds: number[];
  collaboratorsText: string | null;
  difficulties: string | null;
  outputs: QuantifiedOutput[];
  evidence: Evidence[];
  method: CollectionMethod;
  answeredBy: string | null;
  answeredAt: string | null;
  state: ResponseState;
}

/** A response counts as a contribution when the partner says yes and describes something. */
export function isContribution(r: Pick<Response, "contributes">): boolean {
  return r.contributes === "yes";
}

/** An output row as typed: the quantity may still be text ("12,5") or already a number. */
export interface TypedOutput {
  value: number | string;
  unit: string;
}

/** The rows of an answer as typed, kept in the draft while some of them are not valid. */
export interface TypedRows {
  outputs: TypedOutput[];
  evidence: Evidence[];
}

export const ROW_PROBLEMS = ["value", "negative", "unit", "url"] as const;
export type RowProblemReason = (typeof ROW_PROBLEMS)[number];

/** One typed row that cannot be stored as part of the answer yet; `row` counts from 1. */
export interface RowProblem {
  list: "outputs" | "evidence";
  row: number;
  reason: RowProblemReason;
}

const MAX_UNIT = 200;
const MAX_URL = 2_000;

/** An evidence link: an absolute http(s) address with no spaces. */
export function isEvidenceUrl(url: string): boolean {
  return url.length <= MAX_URL && /^https?:\/\/\S+$/.test(url) && URL.canParse(url);
}

function outputProblem(o: TypedOutput): { value: number } | { reason: RowProblemReason } {
  const parsed: { ok: true; value: number } | { ok: false; reason: DecimalReason } =
    typeof o.value === "number"
      ? Number.isFinite(o.value)
        ? { ok: true, value: o.value }
        : { ok: false, reason: "not_a_number" }
      : parseDecimal(o.value);
  if (!parsed.ok) return { reason: parsed.reason === "negative" ? "negative" : "value" };
  if (parsed.value < 0) return { reason: "negative" };
  const unit = o.unit.trim();
  if (unit === "" || unit.length > MAX_UNIT) return { reason: "unit" };
  return { value: parsed.value };
}

/**
 * Sorts typed rows into those that are valid (stored as the answer's outputs and evidence) and
 * the problems of the others. Rows left wholly empty are dropped: they are the form's spare rows.
 */
export function readRows(typed: TypedRows): {
  outputs: QuantifiedOutput[];
  evidence: Evidence[];
  problems: RowProblem[];
  /** The rows as typed without the empty ones, so that row numbers match the problems. */
  kept: TypedRows;
} {
  const kept: TypedRows = {
    outputs: typed.outputs
      .map((o) => ({
        value: typeof o.value === "string" ? o.value.trim() : o.value,
        unit: o.unit.trim(),
      }))
      .filter((o) => o.value !== "" || o.unit !== ""),
    evidence: typed.evidence
      .map((e) => ({ url: e.url.trim(), title: e.title?.trim() || null }))
      .filter((e) => e.url !== "" || e.title !== null),
  };
  const outputs: QuantifiedOutput[] = [];
  const evidence: Evidence[] = [];
  const problems: RowProblem[] = [];
  kept.outputs.forEach((o, i) => {
    const read = outputProblem(o);
    if ("value" in read) outputs.push({ value: read.value, unit: o.unit });
    else problems.push({ list: "outputs", row: i + 1, reason: read.reason });
  });
  kept.evidence.forEach((e, i) => {
    if (isEvidenceUrl(e.url)) evidence.push({ url: e.url, title: e.title });
    else problems.push({ list: "evidence", row: i + 1, reason: "url" });
  });
  return { outputs, evidence, problems, kept };
}

type AnswerContent = Pick<
  Response,
  | "contributes"
  | "activities"
  | "collaboratorIds"
  | "collaboratorsText"
  | "difficulties"
  | "outputs"
  | "evidence"
>;

/** Nothing said at all: no yes/no, no text, no partner, no row (held rows included). */
export function isEmptyAnswer(a: AnswerContent, held?: TypedRows | null): boolean {
  const blank = (s: string | null) => s === null || s.trim() === "";
  return (
    a.contributes === "unknown" &&
    blank(a.activities) &&
    blank(a.collaboratorsText) &&
    blank(a.difficulties) &&
    a.collaboratorIds.length === 0 &&
    a.outputs.length === 0 &&
    a.evidence.length === 0 &&
    (held?.outputs.length ?? 0) === 0 &&
    (held?.evidence.length ?? 0) === 0
  );
}

/**
 * Why an answer may not be submitted, or null when it may: it needs at least the yes/no answer,
 * and every row it holds must be valid (a row waiting to be corrected would be left out).
 */
export function submitProblem(
  a: Pick<Response, "contributes">,
  problems: readonly RowProblem[],
): "contributes" | RowProblem | null {
  if (a.contributes !== "yes" && a.contributes !== "no") return "contributes";
  return problems[0] ?? null;
}

/**
 * The state an answer is left in by a save: submitted when submitted now, or when it was and
 * still could be (its yes/no and no row to correct); otherwise a draft. An answer emptied of its
 * yes/no, or saved with rows still to correct, goes back to draft: a submitted answer never
 * holds rows that are not valid.
 */
export function stateAfterSave(
  previous: ResponseState | null,
  submit: boolean,
  a: Pick<Response, "contributes">,
  problems: readonly RowProblem[] = [],
): "draft" | "submitted" | "returned" {
  if (submit) return "submitted";
  // An answer sent back stays "returned" until sent again, so that its partner keeps access
  // to it after collection (see domain/collection.ts).
  if (previous === "returned") return "returned";
  return previous === "submitted" && submitProblem(a, problems) === null ? "submitted" : "draft";
}

/** A questionnaire's counter: indicators asked, answers started (anything said), submitted. */
export interface AnswerProgress {
  mapped: number;
  started: number;
  submitted: number;
}

/** Counts from the answers of the indicators asked; an empty draft is not "started". */
export function answerProgress(
  mapped: number,
  answers: readonly { state: ResponseState; empty: boolean }[],
): AnswerProgress {
  return {
    mapped,
    started: answers.filter((a) => !a.empty || a.state !== "draft").length,
    submitted: answers.filter((a) => a.state === "submitted" || a.state === "validated").length,
  };
}
