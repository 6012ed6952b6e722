// DHIS2's fixed periods (Gregorian calendar) as plain data: reading an id or an ADX period,
// the period of a type that holds a day, the periods between two days, and how a value of a
// week or a day is counted in a month. Dates are YYYY-MM-DD strings computed in integers only.

import { parseAdx } from "./periods-adx.ts";
import { monthId, monthIndexOfDay, requireDay } from "./periods-calendar.ts";
import {
  PERIOD_TYPES,
  type Period,
  type PeriodType,
  RULES,
  type Slot,
  toPeriod,
} from "./periods-rules.ts";

export { toAdx } from "./periods-adx.ts";
export { PERIOD_TYPES, type Period, type PeriodType } from "./periods-rules.ts";

export function isPeriodType(text: string): text is PeriodType {
  return (PERIOD_TYPES as readonly string[]).includes(text);
}

/**
 * The period a DHIS2 id (202201, 2022W1, 2022AprilS1, 2022Nov…) or an ADX period
 * (2022-01-01/P1M) names, or null. Strict: only the canonical spelling, and only periods that
 * exist (no 202213, no 2021W53 as 2021 has 52 ISO weeks, no 20230229).
 */
export function parsePeriod(text: string): Period | null {
  if (text.includes("/")) return parseAdx(text);
  for (const type of PERIOD_TYPES) {
    const rule = RULES[type];
    const named = rule.read(text);
    if (named === null) continue;
    // The types' forms never overlap, so the first that matches is the only one that can.
    const slot = rule.numbered(named.year, named.index);
    return slot === null ? null : toPeriod(type, slot);
  }
  return null;
}

/** The type of a period id, or null when it names no period. */
export function periodTypeOf(id: string): PeriodType | null {
  return parsePeriod(id)?.type ?? null;
}

function toPeriodOrThrow(type: PeriodType, slot: Slot): Period {
  const period = toPeriod(type, slot);
  if (period === null) throw new RangeError(`a ${type} period outside years 1000–9999`);
  return period;
}

function slotOf(period: Period): Slot {
  // A period's first day belongs to it alone, even for the bi-week that overlaps the next year's.
  return RULES[period.type].at(requireDay(period.start));
}

/** The period of `type` that holds `date` (YYYY-MM-DD). */
export function periodOf(type: PeriodType, date: string): Period {
  return toPeriodOrThrow(type, RULES[type].at(requireDay(date)));
}

/** The period `count` periods after `period` (before it when `count` is negative). */
export function nextPeriod(period: Period, count = 1): Period {
  if (!Number.isInteger(count)) throw new RangeError(`not a whole number of periods: ${count}`);
  return toPeriodOrThrow(period.type, RULES[period.type].shift(slotOf(period), count));
}

export function previousPeriod(period: Period, count = 1): Period {
  return nextPeriod(period, -count);
}

/** Every period of `type` with at least one day in [from, to], in order; none when from > to. */
export function periodsBetween(type: PeriodType, from: string, to: string): Period[] {
  const first = requireDay(from);
  const last = requireDay(to);
  if (first > last) return [];
  const rule = RULES[type];
  let slot = rule.at(first);
  // Only a 27th bi-week reaches into the period after it; step back to it when it holds `from`.
  for (let before = rule.shift(slot, -1); before.end >= first; before = rule.shift(slot, -1))
    slot = before;
  const periods: Period[] = [];
  for (; slot.start <= last; slot = rule.shift(slot, 1)) periods.push(toPeriodOrThrow(type, slot));
  return periods;
}

/** The months ("YYYYMM") that hold at least one day of the period, in order. */
export function monthsIn(period: Period): string[] {
  const months: string[] = [];
  const last = monthIndexOfDay(requireDay(period.end));
  for (let m = monthIndexOfDay(requireDay(period.start)); m <= last; m++) months.push(monthId(m));
  return months;
}

/**
 * The month ("YYYYMM") a value of a period of a month or less is counted in when values are
 * added up by month. DHIS2's analytics put a week (any start day) in the month of its fourth
 * day, the month that holds at least four of its days, as it does for the week's year; a day,
 * a bi-week and a month go by their first day. A longer period has no one month: RangeError.
 */
export function monthOfValue(period: Period): string {
  const rule = RULES[period.type];
  if (rule.month === "longer") throw new RangeError(`a ${period.type} value spans several months`);
  const start = requireDay(period.start);
  return monthId(monthIndexOfDay(rule.month === "fourth-day" ? start + 3 : start));
}

/** True when every day of `inner` is a day of `outer`. */
export function contains(outer: Period, inner: Period): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Days, weeks and bi-weeks: the types whose values are counted in a month by `monthOfValue`. */
export function isFinerThanMonth(type: PeriodType): boolean {
  return RULES[type].duration.endsWith("D");
}

/** How many months a period of a type of a month or more lasts; null for finer types. */
export function monthsLong(type: PeriodType): number | null {
  const d = RULES[type].duration;
  if (d.endsWith("D")) return null;
  return d === "P1Y" ? 12 : Number(d.slice(1, -1));
}

export function daysIn(period: Period): number {
  return requireDay(period.end) - requireDay(period.start) + 1;
}
