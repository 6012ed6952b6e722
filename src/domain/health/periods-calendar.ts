// Gregorian day arithmetic for the periods: ISO dates ("YYYY-MM-DD") to day numbers and back,
// in integers only, so that no result depends on the machine's time zone or on Date at all.

import { isCalendarDate } from "../shared/input.ts";

/** Days since 1970-01-01 (negative before), the unit every period computation counts in. */
export type DayNumber = number;

/** Months since January of year 0 (year × 12 + month − 1): a month-based period's start. */
export type MonthIndex = number;

/** Floor division, which `Math.trunc` is not for negative numbers. */
export function div(a: number, b: number): number {
  return Math.floor(a / b);
}

/** The remainder of floor division: always in [0, b). */
export function mod(a: number, b: number): number {
  return a - b * Math.floor(a / b);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The day number of a Gregorian date. Years are counted from March so that the leap day falls
 * last; 400 years hold exactly 146097 days, which makes the count exact for any year.
 */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = div(y, 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = mod(month + 9, 12);
  const dayOfYear = div(153 * monthFromMarch + 2, 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + div(yearOfEra, 4) - div(yearOfEra, 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of `dayNumber`. */
export function civilDate(n: DayNumber): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = div(z, 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = div(
    dayOfEra - div(dayOfEra, 1460) + div(dayOfEra, 36524) - div(dayOfEra, 146096),
    365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + div(yearOfEra, 4) - div(yearOfEra, 100));
  const monthFromMarch = div(5 * dayOfYear + 2, 153);
  const day = dayOfYear - div(153 * monthFromMarch + 2, 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday: 1 is Monday, 7 is Sunday (1970-01-01 was a Thursday). */
export function weekday(n: DayNumber): number {
  return mod(n + 3, 7) + 1;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

export function pad2(value: number): string {
  return pad(value, 2);
}

export function formatDay(n: DayNumber): string {
  const { year, month, day } = civilDate(n);
  return `${pad(year, 4)}-${pad2(month)}-${pad2(day)}`;
}

/** The day number of a real calendar date written YYYY-MM-DD (years 1000–9999), or null. */
export function parseDay(text: string): DayNumber | null {
  if (!isCalendarDate(text)) return null;
  return dayNumber(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
}

/** Like `parseDay`, for dates handed in by our own code: a malformed one is a bug, so it throws. */
export function requireDay(text: string): DayNumber {
  const n = parseDay(text);
  if (n === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return n;
}

export function monthIndexOfDay(n: DayNumber): MonthIndex {
  const { year, month } = civilDate(n);
  return year * 12 + month - 1;
}

export function firstDayOfMonth(m: MonthIndex): DayNumber {
  return dayNumber(div(m, 12), mod(m, 12) + 1, 1);
}

export function lastDayOfMonth(m: MonthIndex): DayNumber {
  return firstDayOfMonth(m + 1) - 1;
}

/** "YYYYMM", the form a month takes in DHIS2 and in `monthsIn`. */
export function monthId(m: MonthIndex): string {
  return `${pad(div(m, 12), 4)}${pad2(mod(m, 12) + 1)}`;
}
