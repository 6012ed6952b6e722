// Reporting cycles and their life: set-up, collection, validation, then publication.
import { isCalendarDate } from "../shared/input.ts";

export const CYCLE_STATES = ["setup", "collection", "validation", "published"] as const;

export type CycleState = (typeof CYCLE_STATES)[number];

export function isCycleState(value: string): value is CycleState {
  return (CYCLE_STATES as readonly string[]).includes(value);
}

export interface Cycle {
  id: number;
  slug: string;
  label: string;
  periodStart: string; // ISO date, inclusive
  periodEnd: string; // ISO date, inclusive
  state: CycleState;
  publishedAt: string | null;
}

export function isPublished(cycle: Pick<Cycle, "state">): boolean {
  return cycle.state === "published";
}

/** True when both ends are real calendar days and the range is ordered. */
export function isValidPeriod(start: string, end: string): boolean {
  // Real days only: Date.parse takes 2023-02-30 (as 2 March), which PostgreSQL refuses.
  if (!isCalendarDate(start) || !isCalendarDate(end)) return false;
  return start <= end;
}

/** The most recent published cycle (by end of period), or undefined. */
export function latestPublished<C extends Pick<Cycle, "state" | "periodEnd">>(
  cycles: readonly C[],
): C | undefined {
  return cycles
    .filter(isPublished)
    .reduce<C | undefined>(
      (best, c) => (!best || c.periodEnd > best.periodEnd ? c : best),
      undefined,
    );
}

/** The moves a cycle may make: forward through the steps, and back from published to validation. */
const TRANSITIONS: Record<CycleState, readonly CycleState[]> = {
  setup: ["collection"],
  collection: ["validation"],
  validation: ["published", "collection"],
  published: ["validation"],
};

export function canTransition(from: CycleState, to: CycleState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses are set during validation (and may be prepared while answers still arrive). */
export function acceptsAssessments(state: CycleState): boolean {
  return state === "collection" || state === "validation";
}

/** Why a form field was refused: the page words each reason for its field. */
export type FieldReason = "required" | "invalid" | "too_long" | "taken" | "before_start" | "past";

export type FieldProblems = Record<string, FieldReason>;

/** A real calendar day written YYYY-MM-DD (no 31 February). */
export function isIsoDay(value: string): boolean {
  return isCalendarDate(value);
}

/** A deadline is a real day, not before today (UTC): answers cannot be asked for yesterday. */
export function deadlineProblem(deadline: string, today: string): FieldReason | null {
  if (deadline.trim() === "") return "required";
  if (!isIsoDay(deadline)) return "invalid";
  return deadline < today ? "past" : null;
}

export const CYCLE_SLUG_MAX = 64;
export const CYCLE_LABEL_MAX = 200;
/** A reason for reopening, kept in the audit log: a few sentences, not a document. */
export const CYCLE_REASON_MAX = 2000;

/** The lengths a new cycle's fields may have at most (the slug once made into an address). */
export const NEW_CYCLE_LIMITS = {
  slug: CYCLE_SLUG_MAX,
  label: CYCLE_LABEL_MAX,
  labelEn: CYCLE_LABEL_MAX,
} as const;

export interface NewCycleFields {
  slug: string;
  label: string;
  labelEn: string | null;
  periodStart: string;
  periodEnd: string;
}

/**
 * Every problem of a new cycle's fields at once, by field name; the slug is checked once made
 * into an address (`slug` is what `slugify` gave). Whether the slug is taken is for the caller.
 */
export function newCycleProblems(input: NewCycleFields, slug: string): FieldProblems {
  const problems: FieldProblems = {};
  if (input.slug.trim() === "") problems.slug = "required";
  else if (slug === "") problems.slug = "invalid";
  else if (slug.length > CYCLE_SLUG_MAX) problems.slug = "too_long";
  if (input.label.trim() === "") problems.label = "required";
  else if (input.label.trim().length > CYCLE_LABEL_MAX) problems.label = "too_long";
  if ((input.labelEn?.trim().length ?? 0) > CYCLE_LABEL_MAX) problems.labelEn = "too_long";
  for (const name of ["periodStart", "periodEnd"] as const) {
    const value = input[name].trim();
    if (value === "") problems[name] = "required";
    else if (!isIsoDay(value)) problems[name] = "invalid";
  }
  if (!problems.periodStart && !problems.periodEnd && input.periodEnd < input.periodStart)
    problems.periodEnd = "before_start";
  return problems;
}
