// The rule of each DHIS2 period type: which period holds a day, what its id is, how an id is read
// back and how to step to the next one. `periods.ts` builds the public API on these rules.

import {
  civilDate,
  type DayNumber,
  dayNumber,
  div,
  firstDayOfMonth,
  formatDay,
  lastDayOfMonth,
  type MonthIndex,
  mod,
  monthIndexOfDay,
  pad2,
  parseDay,
  weekday,
} from "./periods-calendar.ts";

/** DHIS2's fixed period types that Jalon reads, by DHIS2's own names. */
export const PERIOD_TYPES = [
  "Daily",
  "Weekly",
  "WeeklyWednesday",
  "WeeklyThursday",
  "WeeklySaturday",
  "WeeklySunday",
  "BiWeekly",
  "Monthly",
  "BiMonthly",
  "Quarterly",
  "SixMonthly",
  "SixMonthlyApril",
  "SixMonthlyNov",
  "Yearly",
  "FinancialApril",
  "FinancialJuly",
  "FinancialOct",
  "FinancialNov",
] as const;

export type PeriodType = (typeof PERIOD_TYPES)[number];

/** One period: its DHIS2 id and its first and last days (both included), as YYYY-MM-DD. */
export interface Period {
  type: PeriodType;
  id: string;
  start: string;
  end: string;
}

/** A period while it is computed: the year its id names, its number in that year, its days. */
export interface Slot {
  year: number;
  index: number;
  start: DayNumber;
  end: DayNumber;
}

/** How a value of a period of a month or less is counted in a month (see `monthOfValue`). */
export type MonthRule = "start" | "fourth-day" | "longer";

export interface Rule {
  /** ISO 8601 duration of the period in ADX. */
  duration: "P1D" | "P7D" | "P14D" | "P1M" | "P2M" | "P3M" | "P6M" | "P1Y";
  month: MonthRule;
  id(slot: Slot): string;
  /** The year and number an id names, before they are checked (null: not this type's form). */
  read(id: string): { year: number; index: number } | null;
  /** The period numbered `index` in `year`, or null when the year has no such period. */
  numbered(year: number, index: number): Slot | null;
  at(day: DayNumber): Slot;
  shift(slot: Slot, count: number): Slot;
}

const YEAR = "([1-9][0-9]{3})";

/** Reads `year` and an optional number from a pattern whose groups are (year, number?). */
function reader(pattern: RegExp): Rule["read"] {
  return (id) => {
    const m = pattern.exec(id);
    if (!m) return null;
    return { year: Number(m[1]), index: m[2] === undefined ? 1 : Number(m[2]) };
  };
}

const daily: Rule = {
  duration: "P1D",
  month: "start",
  id: (slot) => formatDay(slot.start).replaceAll("-", ""),
  read: (id) => {
    const m = /^([1-9][0-9]{3})([0-9]{2})([0-9]{2})$/.exec(id);
    if (!m) return null;
    const day = parseDay(`${m[1]}-${m[2]}-${m[3]}`);
    if (day === null) return null;
    return { year: Number(m[1]), index: day - dayNumber(Number(m[1]), 1, 1) + 1 };
  },
  numbered: (year, index) => {
    const start = dayNumber(year, 1, 1) + index - 1;
    return civilDate(start).year === year ? { year, index, start, end: start } : null;
  },
  at: (day) => {
    const year = civilDate(day).year;
    return { year, index: day - dayNumber(year, 1, 1) + 1, start: day, end: day };
  },
  shift: (slot, count) => daily.at(slot.start + count),
};

/**
 * The first day of week 1 of `year` for weeks starting on `first` (ISO weekday). Week 1 is the
 * week holding at least four days of the year, i.e. the one holding 4 January: ISO 8601's rule,
 * which DHIS2 applies to every start day (java.time WeekFields with four minimal days).
 */
function weekOne(year: number, first: number): DayNumber {
  const jan4 = dayNumber(year, 1, 4);
  return jan4 - mod(weekday(jan4) - first, 7);
}

function weeksIn(year: number, first: number): number {
  return (weekOne(year + 1, first) - weekOne(year, first)) / 7;
}

/** A week's year is the year of its fourth day, where at least four of its days fall. */
function weekAt(day: DayNumber, first: number): Slot {
  const start = day - mod(weekday(day) - first, 7);
  const year = civilDate(start + 3).year;
  return { year, index: (start - weekOne(year, first)) / 7 + 1, start, end: start + 6 };
}

function weekly(first: number, code: string): Rule {
  return {
    duration: "P7D",
    month: "fourth-day",
    id: (slot) => `${slot.year}${code}W${slot.index}`,
    read: reader(new RegExp(`^${YEAR}${code}W([1-9][0-9]?)$`)),
    numbered: (year, index) => {
      if (index < 1 || index > weeksIn(year, first)) return null;
      const start = weekOne(year, first) + (index - 1) * 7;
      return { year, index, start, end: start + 6 };
    },
    at: (day) => weekAt(day, first),
    shift: (slot, count) => weekAt(slot.start + count * 7, first),
  };
}

/**
 * Bi-weeks pair ISO weeks 1–2, 3–4, … A year of 53 ISO weeks has a 27th bi-week made of week 53
 * and the next year's week 1, so it overlaps that year's first bi-week: DHIS2's server reads
 * such an id and gives it to the days of week 53 (its data-entry list stops at 26).
 */
function biWeeksIn(year: number): number {
  return Math.ceil(weeksIn(year, 1) / 2);
}

function biWeekNumbered(year: number, index: number): Slot | null {
  if (index < 1 || index > biWeeksIn(year)) return null;
  const start = weekOne(year, 1) + (index - 1) * 14;
  return { year, index, start, end: start + 13 };
}

const biWeekly: Rule = {
  duration: "P14D",
  // DHIS2 moves only its weekly types to their fourth day; a bi-week goes by its first day.
  month: "start",
  id: (slot) => `${slot.year}BiW${slot.index}`,
  read: reader(new RegExp(`^${YEAR}BiW([1-9][0-9]?)$`)),
  numbered: biWeekNumbered,
  at: (day) => {
    const week = weekAt(day, 1);
    const slot = biWeekNumbered(week.year, Math.ceil(week.index / 2));
    if (slot === null) throw new Error("unreachable: every ISO week has its bi-week");
    return slot;
  },
  shift: (slot, count) => {
    let year = slot.year;
    let index = slot.index + count;
    while (index > biWeeksIn(year)) index -= biWeeksIn(year++);
    while (index < 1) index += biWeeksIn(--year);
    const next = biWeekNumbered(year, index);
    if (next === null) throw new Error("unreachable: the index was brought into the year");
    return next;
  },
};

/**
 * Periods of whole months. `offset` is where the first period of the year its id names starts,
 * in months from that year's January: 3 for April, −2 for November of the year before (DHIS2
 * names a November six-month or financial year by the year it ends in: 2022NovS1 and 2022Nov
 * start on 2021-11-01).
 */
function monthly(
  length: 1 | 2 | 3 | 6 | 12,
  offset: number,
  pattern: RegExp,
  format: (year: number, index: number) => string,
): Rule {
  const perYear = 12 / length;
  const fromStart = (s: MonthIndex): Slot => {
    const year = div(s - offset, 12);
    return {
      year,
      index: (s - offset - year * 12) / length + 1,
      start: firstDayOfMonth(s),
      end: lastDayOfMonth(s + length - 1),
    };
  };
  const durations = { 1: "P1M", 2: "P2M", 3: "P3M", 6: "P6M", 12: "P1Y" } as const;
  return {
    duration: durations[length],
    month: length === 1 ? "start" : "longer",
    id: (slot) => format(slot.year, slot.index),
    read: reader(pattern),
    numbered: (year, index) =>
      index < 1 || index > perYear ? null : fromStart(year * 12 + offset + (index - 1) * length),
    at: (day) => fromStart(offset + div(monthIndexOfDay(day) - offset, length) * length),
    shift: (slot, count) => fromStart(monthIndexOfDay(slot.start) + count * length),
  };
}

export const RULES: Record<PeriodType, Rule> = {
  Daily: daily,
  Weekly: weekly(1, ""),
  WeeklyWednesday: weekly(3, "Wed"),
  WeeklyThursday: weekly(4, "Thu"),
  WeeklySaturday: weekly(6, "Sat"),
  WeeklySunday: weekly(7, "Sun"),
  BiWeekly: biWeekly,
  Monthly: monthly(1, 0, /^([1-9][0-9]{3})(0[1-9]|1[0-2])$/, (y, n) => `${y}${pad2(n)}`),
  BiMonthly: monthly(2, 0, /^([1-9][0-9]{3})(0[1-6])B$/, (y, n) => `${y}${pad2(n)}B`),
  Quarterly: monthly(3, 0, /^([1-9][0-9]{3})Q([1-4])$/, (y, n) => `${y}Q${n}`),
  SixMonthly: monthly(6, 0, /^([1-9][0-9]{3})S([12])$/, (y, n) => `${y}S${n}`),
  SixMonthlyApril: monthly(6, 3, /^([1-9][0-9]{3})AprilS([12])$/, (y, n) => `${y}AprilS${n}`),
  SixMonthlyNov: monthly(6, -2, /^([1-9][0-9]{3})NovS([12])$/, (y, n) => `${y}NovS${n}`),
  Yearly: monthly(12, 0, /^([1-9][0-9]{3})$/, (y) => `${y}`),
  FinancialApril: monthly(12, 3, /^([1-9][0-9]{3})April$/, (y) => `${y}April`),
  FinancialJuly: monthly(12, 6, /^([1-9][0-9]{3})July$/, (y) => `${y}July`),
  FinancialOct: monthly(12, 9, /^([1-9][0-9]{3})Oct$/, (y) => `${y}Oct`),
  FinancialNov: monthly(12, -2, /^([1-9][0-9]{3})Nov$/, (y) => `${y}Nov`),
};

/** Years whose days `Period` can hold: those of a four-digit YYYY-MM-DD. */
const FIRST_DAY = dayNumber(1000, 1, 1);
const LAST_DAY = dayNumber(9999, 12, 31);

/** The period a slot describes, or null when its id or one of its days leaves years 1000–9999. */
export function toPeriod(type: PeriodType, slot: Slot): Period | null {
  if (slot.year < 1000 || slot.year > 9999 || slot.start < FIRST_DAY || slot.end > LAST_DAY)
    return null;
  return { type, id: RULES[type].id(slot), start: formatDay(slot.start), end: formatDay(slot.end) };
}
