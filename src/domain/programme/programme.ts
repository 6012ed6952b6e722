// A programme (an initiative such as the community-midwife deployment): who leads and funds it,
// where and when it runs, its budget, and the checks its fields pass before they are saved.
import { hasNul, isCalendarDate } from "../shared/input.ts";

/** Why a programme, midwife, deployment or training field was refused; pages word each one. */
export type FieldReason =
  | "required"
  | "invalid"
  | "too_long"
  | "before_start"
  | "not_positive"
  | "overlap"
  | "not_ended";

export type FieldProblems = Record<string, FieldReason>;

export const PROGRAMME_NAME_MAX = 200;
/** A partner's name as the programme lists it (lead, funder, partner). */
export const PARTNER_NAME_MAX = 200;
/** How many funders or partners one programme lists at most. */
export const PARTNERS_MAX = 50;
/** The largest budget accepted: 10¹⁵ in any currency (FCFA figures run to 10¹⁰). */
export const BUDGET_MAX = 1e15;

export interface ProgrammeFields {
  name: string;
  leadPartner: string;
  funders: readonly string[];
  partners: readonly string[];
  startDate: string;
  /** Null while the end is not decided. */
  endDate: string | null;
  /** Null when no budget is given; else positive, with its currency. */
  budget: number | null;
  currency: string | null;
}

// ISO 4217 codes as the runtime knows them (XOF, EUR, USD…); pure: no I/O.
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

/** An ISO 4217 currency code, upper case (XOF for FCFA). */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}

/** A period's end is not before its start (both real days); an open end is fine. */
export function isValidPeriod(start: string, end: string | null): boolean {
  return isCalendarDate(start) && (end === null || (isCalendarDate(end) && end >= start));
}

/** A typed text's problem: empty (when required), a NUL character, or longer than `max`. */
export function textProblem(value: string, max: number, required = true): FieldReason | null {
  const v = value.trim();
  if (v === "") return required ? "required" : null;
  if (hasNul(v)) return "invalid";
  return v.length > max ? "too_long" : null;
}

/** Every problem of a programme's fields at once, by field name. */
export function programmeProblems(input: ProgrammeFields): FieldProblems {
  const problems: FieldProblems = {};
  const name = textProblem(input.name, PROGRAMME_NAME_MAX);
  if (name) problems.name = name;
  const lead = textProblem(input.leadPartner, PARTNER_NAME_MAX);
  if (lead) problems.leadPartner = lead;
  for (const list of ["funders", "partners"] as const) {
    const items = input[list];
    if (items.length > PARTNERS_MAX) problems[list] = "too_long";
    else if (items.some((p) => textProblem(p, PARTNER_NAME_MAX) !== null))
      problems[list] = "invalid";
  }
  if (input.startDate.trim() === "") problems.startDate = "required";
  else if (!isCalendarDate(input.startDate)) problems.startDate = "invalid";
  if (input.endDate !== null) {
    if (!isCalendarDate(input.endDate)) problems.endDate = "invalid";
    else if (!problems.startDate && input.endDate < input.startDate)
      problems.endDate = "before_start";
  }
  if (input.budget !== null) {
    if (!Number.isFinite(input.budget) || input.budget > BUDGET_MAX) problems.budget = "invalid";
    else if (input.budget <= 0) problems.budget = "not_positive";
    if (input.currency === null || input.currency.trim() === "") problems.currency = "required";
  }
  if (input.currency !== null && input.currency.trim() !== "" && !isCurrency(input.currency))
    problems.currency = "invalid";
  return problems;
}

/** The names of a list as typed (one a line or comma-separated), trimmed, without repeats. */
export function nameList(text: string): string[] {
  const names = text
    .split(/[\n,;]/)
    .map((n) => n.trim())
    .filter((n) => n !== "");
  return [...new Set(names)];
}
