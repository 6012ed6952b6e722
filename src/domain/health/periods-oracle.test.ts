// The periods against DHIS2's own period library (@dhis2/multi-calendar-dates, the one its apps
// use), over 2015–2030: the same ids with the same first and last days, both ways. Where the
// library differs from DHIS2's server and documentation, the test says so and pins the difference.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  nextPeriod,
  PERIOD_TYPES,
  type Period,
  type PeriodType,
  parsePeriod,
  periodOf,
} from "./periods.ts";

interface FixedPeriod {
  periodType: string;
  id: string;
  startDate: string;
  endDate: string;
}

interface PeriodLibrary {
  generateFixedPeriods(options: {
    year: number;
    periodType: string;
    calendar: "gregory";
    yearsCount?: number;
  }): FixedPeriod[];
  getFixedPeriodByDate(options: {
    periodType: string;
    date: string;
    calendar: "gregory";
  }): FixedPeriod;
}

// Its ES build imports JSON without the attribute Node requires; its CommonJS build loads.
const library = createRequire(import.meta.url)("@dhis2/multi-calendar-dates") as PeriodLibrary;

const LIBRARY_TYPE: Record<PeriodType, string> = {
  Daily: "DAILY",
  Weekly: "WEEKLY",
  WeeklyWednesday: "WEEKLYWED",
  WeeklyThursday: "WEEKLYTHU",
  WeeklySaturday: "WEEKLYSAT",
  WeeklySunday: "WEEKLYSUN",
  BiWeekly: "BIWEEKLY",
  Monthly: "MONTHLY",
  BiMonthly: "BIMONTHLY",
  Quarterly: "QUARTERLY",
  SixMonthly: "SIXMONTHLY",
  SixMonthlyApril: "SIXMONTHLYAPR",
  SixMonthlyNov: "SIXMONTHLYNOV",
  Yearly: "YEARLY",
  FinancialApril: "FYAPR",
  FinancialJuly: "FYJUL",
  FinancialOct: "FYOCT",
  FinancialNov: "FYNOV",
};

/**
 * The library names the November types by the year they start in and spells the six-month
 * "November" (2021NovemberS1 and 2021Nov start on 2021-11-01, 2021NovemberS2 on 2022-05-01).
 * DHIS2's server names them by the year they end in (2022NovS1 and 2022Nov start on 2021-11-01,
 * 2022NovS2 on 2022-05-01: SixMonthlyNovemberPeriodType,
 * FinancialNovemberPeriodType and its ADX tests, 2024-11-01/P1Y → 2025Nov); Jalon follows the
 * server, which is what exports and ADX carry. This maps the library's id to the server's.
 */
function serverId(type: PeriodType, id: string): string {
  if (type === "SixMonthlyNov") {
    const m = /^(\d{4})NovemberS([12])$/.exec(id);
    return m ? `${Number(m[1]) + 1}NovS${m[2]}` : `unexpected ${id}`;
  }
  if (type === "FinancialNov") {
    const m = /^(\d{4})Nov$/.exec(id);
    return m ? `${Number(m[1]) + 1}Nov` : `unexpected ${id}`;
  }
  return id;
}

const YEARS = Array.from({ length: 16 }, (_, i) => 2015 + i);
// Days are the slowest for the library (about 0.6 s a year): leap years and both ends.
const DAILY_YEARS = [2015, 2016, 2020, 2024, 2030];

const span = (p: { id: string; start: string; end: string }) => `${p.id} ${p.start}..${p.end}`;
const fromLibrary = (type: PeriodType, q: FixedPeriod) =>
  span({ id: serverId(type, q.id), start: q.startDate, end: q.endDate });

/** Our periods whose id names `year`, in order (from period 1 of that year to the last). */
function periodsNamedIn(type: PeriodType, year: number): Period[] {
  const first = parsePeriod(firstIdOf(type, year));
  const periods: Period[] = [];
  for (let p = first; p !== null && idYear(p) === year; p = nextPeriod(p)) periods.push(p);
  return periods;
}

function firstIdOf(type: PeriodType, year: number): string {
  const ids: Record<PeriodType, string> = {
    Daily: `${year}0101`,
    Weekly: `${year}W1`,
    WeeklyWednesday: `${year}WedW1`,
    WeeklyThursday: `${year}ThuW1`,
    WeeklySaturday: `${year}SatW1`,
    WeeklySunday: `${year}SunW1`,
    BiWeekly: `${year}BiW1`,
    Monthly: `${year}01`,
    BiMonthly: `${year}01B`,
    Quarterly: `${year}Q1`,
    SixMonthly: `${year}S1`,
    SixMonthlyApril: `${year}AprilS1`,
    SixMonthlyNov: `${year}NovS1`,
    Yearly: `${year}`,
    FinancialApril: `${year}April`,
    FinancialJuly: `${year}July`,
    FinancialOct: `${year}Oct`,
    FinancialNov: `${year}Nov`,
  };
  return ids[type];
}

const idYear = (p: Period) => Number(p.id.slice(0, 4));

describe("against @dhis2/multi-calendar-dates", () => {
  for (const type of PERIOD_TYPES) {
    const years = type === "Daily" ? DAILY_YEARS : YEARS;

    it(`${type}: a year's periods have the same ids and days`, () => {
      const differences: string[] = [];
      for (const year of years) {
        const theirs = library
          .generateFixedPeriods({
            year,
            periodType: LIBRARY_TYPE[type],
            calendar: "gregory",
            yearsCount: 1,
          })
          .map((q) => fromLibrary(type, q));
        // The November types' library year is their start year, one before the id's year.
        const named = type === "SixMonthlyNov" || type === "FinancialNov" ? year + 1 : year;
        const ours = periodsNamedIn(type, named).map(span);
        // The library leaves out the 27th bi-week of a 53-week year (below).
        const expected = type === "BiWeekly" ? ours.filter((s) => !/BiW27 /.test(s)) : ours;
        if (JSON.stringify(theirs) !== JSON.stringify(expected))
          differences.push(`${year}: theirs ${theirs.join(", ")} ours ${expected.join(", ")}`);
      }
      expect(differences).toEqual([]);
    });
  }

  // The library takes up to 50 ms a day here, so only days near the ends of years with a week 53
  // or a 29 February, and of the years after them: the lists above already pin every period.
  it("puts a day in the same period, for days where years meet", () => {
    const differences: string[] = [];
    for (const type of PERIOD_TYPES) {
      for (const year of [2015, 2016, 2020, 2021, 2024, 2026]) {
        for (const day of ["01-01", "01-04", "02-29", "12-29"]) {
          if (day === "02-29" && year % 4 !== 0) continue;
          const date = `${year}-${day}`;
          const theirs = library.getFixedPeriodByDate({
            periodType: LIBRARY_TYPE[type],
            date,
            calendar: "gregory",
          });
          // The library's bi-week for a day of ISO week 53 does not hold that day (below).
          if (type === "BiWeekly" && !(theirs.startDate <= date && date <= theirs.endDate))
            continue;
          const ours = span(periodOf(type, date));
          if (fromLibrary(type, theirs) !== ours)
            differences.push(`${type} ${date}: theirs ${fromLibrary(type, theirs)} ours ${ours}`);
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it("differs on the November types' ids: the library's 2021Nov is the server's 2022Nov", () => {
    const [fy] = library.generateFixedPeriods({
      year: 2021,
      periodType: "FYNOV",
      calendar: "gregory",
      yearsCount: 1,
    });
    expect(fy && span({ id: fy.id, start: fy.startDate, end: fy.endDate })).toBe(
      "2021Nov 2021-11-01..2022-10-31",
    );
    expect(span(periodOf("FinancialNov", "2021-11-01"))).toBe("2022Nov 2021-11-01..2022-10-31");
    const half = library.getFixedPeriodByDate({
      periodType: "SIXMONTHLYNOV",
      date: "2021-11-15",
      calendar: "gregory",
    });
    expect(half.id).toBe("2021NovemberS1");
    expect(periodOf("SixMonthlyNov", "2021-11-15").id).toBe("2022NovS1");
  });

  it("differs on week 53 of bi-weeks: the library has no period for it", () => {
    const bi = (date: string) =>
      library.getFixedPeriodByDate({ periodType: "BIWEEKLY", date, calendar: "gregory" });
    // 2015-12-28 is a Monday of ISO week 53; the library answers with a bi-week of 2016.
    expect(span({ id: bi("2015-12-28").id, start: bi("2015-12-28").startDate, end: "" })).toBe(
      "2016BiW1 2016-01-04..",
    );
    expect(span({ id: bi("2021-01-03").id, start: bi("2021-01-03").startDate, end: "" })).toBe(
      "2020BiW26 2020-12-14..",
    );
    expect(span(periodOf("BiWeekly", "2015-12-28"))).toBe("2015BiW27 2015-12-28..2016-01-10");
    expect(span(periodOf("BiWeekly", "2021-01-03"))).toBe("2020BiW27 2020-12-28..2021-01-10");
  });
});
