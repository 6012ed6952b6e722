// ADX's form of a period, `<first day>/<ISO 8601 duration>` (2022-01-01/P1M), read into the DHIS2
// period it names and written from one. The mapping is DHIS2's own ADX import's: the duration
// gives the length, the first day's weekday or month tells apart the types of one length.

import { civilDate, type DayNumber, parseDay, weekday } from "./periods-calendar.ts";
import { type Period, type PeriodType, RULES, toPeriod } from "./periods-rules.ts";

/** Durations written with another unit that mean the same length (P1W is P7D). */
const SAME_LENGTH: Record<string, string> = { P1W: "P7D", P2W: "P14D", P12M: "P1Y" };

const BY_WEEKDAY: Record<number, PeriodType> = {
  1: "Weekly",
  3: "WeeklyWednesday",
  4: "WeeklyThursday",
  6: "WeeklySaturday",
  7: "WeeklySunday",
};

const SIX_MONTHS_BY_MONTH: Record<number, PeriodType> = {
  1: "SixMonthly",
  7: "SixMonthly",
  4: "SixMonthlyApril",
  10: "SixMonthlyApril",
  11: "SixMonthlyNov",
  5: "SixMonthlyNov",
};

const YEAR_BY_MONTH: Record<number, PeriodType> = {
  1: "Yearly",
  4: "FinancialApril",
  7: "FinancialJuly",
  10: "FinancialOct",
  11: "FinancialNov",
};

function typeOf(duration: string, start: DayNumber): PeriodType | undefined {
  switch (SAME_LENGTH[duration] ?? duration) {
    case "P1D":
      return "Daily";
    case "P7D":
      return BY_WEEKDAY[weekday(start)];
    case "P14D":
      return "BiWeekly";
    case "P1M":
      return "Monthly";
    case "P2M":
      return "BiMonthly";
    case "P3M":
      return "Quarterly";
    case "P6M":
      return SIX_MONTHS_BY_MONTH[civilDate(start).month];
    case "P1Y":
      return YEAR_BY_MONTH[civilDate(start).month];
    default:
      return undefined;
  }
}

/**
 * The period an ADX period names, or null when the form is not ADX's, no type has that length
 * and start, or the day is not the first of a period of that type (2022-01-05/P1M).
 */
export function parseAdx(text: string): Period | null {
  const m = /^([0-9]{4}-[0-9]{2}-[0-9]{2})\/(P[0-9]{1,2}[DWMY])$/.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const start = parseDay(m[1]);
  if (start === null) return null;
  const type = typeOf(m[2], start);
  if (type === undefined) return null;
  const slot = RULES[type].at(start);
  return slot.start === start ? toPeriod(type, slot) : null;
}

/** ADX's form of a period: its first day and its type's duration (2022W1 → 2022-01-03/P7D). */
export function toAdx(period: Period): string {
  return `${period.start}/${RULES[period.type].duration}`;
}
