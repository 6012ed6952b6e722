// Before/after windows around a facility's first midwife deployment: N months before the start
// month and N months from it (the start month is on the after side), the same N on both sides,
// cut to what the facility's data and the deployment allow. Twelve months (the default) or any
// multiple of twelve puts each calendar month as often on each side (seasonally aligned); a
// shorter window compares the months right around the start, and says it is not aligned.

/** A month as "YYYY-MM". */
export type Month = string;

export type BeforeAfterReason =
  /** The facility has no month with data at all. */
  | "no_data"
  /** No month with data before the start (deployed in the first month of data or earlier). */
  | "no_before"
  /** No month with data from the start to the end of the deployment (or no data after it). */
  | "no_after";

export type BeforeAfter =
  | {
      ok: true;
      /** N: months on each side. */
      window: number;
      /** The N months before the start month, oldest first. */
      before: Month[];
      /** The start month and the N − 1 months after it, oldest first. */
      after: Month[];
      /** Months of either side without data (a gap in the reports), oldest first. */
      missing: Month[];
      /** Each calendar month appears as often on each side (N is a multiple of 12). */
      seasonal: boolean;
    }
  | { ok: false; reason: BeforeAfterReason };

export const DEFAULT_WINDOW = 12;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])(?:-\d{2})?$/;

/** Months since year 0 for "YYYY-MM" (a day "YYYY-MM-DD" counts as its month). */
function monthIndex(value: string): number {
  const m = MONTH.exec(value);
  if (m === null) throw new RangeError(`not a month: ${value}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

function monthOf(index: number): Month {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The month `count` months after `month` (before it when negative). */
export function addMonths(month: string, count: number): Month {
  return monthOf(monthIndex(month) + count);
}

function range(from: number, count: number): Month[] {
  return Array.from({ length: count }, (_, i) => monthOf(from + i));
}

/**
 * The before and after months for a facility whose first deployment starts at `start`
 * (a month or a day) and ends at `end` (null while it goes on), given the months with data.
 * The window N is `window` (12 unless said) capped by the months from the first month of data
 * to the start, and from the start to the last month of data or the end of the deployment.
 */
export function beforeAfterWindows(input: {
  start: string;
  end?: string | null;
  monthsWithData: readonly string[];
  window?: number;
}): BeforeAfter {
  const window = input.window ?? DEFAULT_WINDOW;
  if (!Number.isInteger(window) || window < 1)
    throw new RangeError(`window must be a positive whole number of months: ${window}`);
  const start = monthIndex(input.start);
  const end = input.end == null ? null : monthIndex(input.end);
  if (end !== null && end < start) throw new RangeError("the deployment ends before it starts");
  const data = new Set(input.monthsWithData.map(monthIndex));
  if (data.size === 0) return { ok: false, reason: "no_data" };
  const sorted = [...data].sort((a, b) => a - b);
  const first = sorted[0] as number;
  const lastAfter = sorted.filter((m) => m >= start && (end === null || m <= end)).at(-1);
  if (first >= start) return { ok: false, reason: "no_before" };
  if (lastAfter === undefined) return { ok: false, reason: "no_after" };
  const n = Math.min(window, start - first, lastAfter - start + 1);
  const before = range(start - n, n);
  const after = range(start, n);
  const missing = [...before, ...after].filter((m) => !data.has(monthIndex(m)));
  return { ok: true, window: n, before, after, missing, seasonal: n % 12 === 0 };
}

/**
 * When a facility first had a midwife and until when one stayed without a break: the first
 * period's start, and the end of the run of periods that follow it day after day or overlap it
 * (null while one goes on). A break of a day or more ends the run: the after side stays a time
 * with a midwife.
 */
export function firstPresence(
  periods: readonly { startDate: string; endDate: string | null }[],
): { start: string; end: string | null } | null {
  const sorted = [...periods].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const first = sorted[0];
  if (!first) return null;
  let end = first.endDate;
  for (const p of sorted.slice(1)) {
    if (end === null) break;
    if (p.startDate > nextDay(end)) break;
    if (p.endDate === null || p.endDate > end) end = p.endDate;
  }
  return { start: first.startDate, end };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** One month's numerator and denominator of an indicator (either may be missing). */
export interface MonthFigure {
  numerator: number | null;
  denominator: number | null;
}

export interface WindowFigure {
  /** Numerator × factor ÷ denominator over the window's totals; null without a denominator. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The numerator's average per month over the months of the window holding one. */
  perMonth: number | null;
  /** Months of the window that hold a numerator. */
  months: number;
}

/**
 * An indicator over a window of months, as a ratio of totals (never an average of the months'
 * ratios), and its numerator's monthly average: a count per month (assisted deliveries, ANC1).
 * Only the months holding a numerator count, on both sides of the ratio.
 */
export function windowFigure(
  months: readonly Month[],
  byMonth: ReadonlyMap<Month, MonthFigure>,
  factor: number,
): WindowFigure {
  let numerator: number | null = null;
  let denominator: number | null = null;
  let withNumerator = 0;
  for (const m of months) {
    const f = byMonth.get(m);
    // A month without its count says nothing: its denominator (a target population, often
    // entered ahead) is left out too, so that a gap in the reports does not read as a fall.
    if (!f || f.numerator === null) continue;
    numerator = (numerator ?? 0) + f.numerator;
    withNumerator += 1;
    if (f.denominator !== null) denominator = (denominator ?? 0) + f.denominator;
  }
  const value =
    numerator !== null && denominator !== null && denominator !== 0
      ? (numerator * factor) / denominator
      : null;
  return {
    value,
    numerator,
    denominator,
    perMonth: numerator === null ? null : numerator / withNumerator,
    months: withNumerator,
  };
}
