import { describe, expect, it } from "vitest";
import {
  contains,
  daysIn,
  isFinerThanMonth,
  isPeriodType,
  monthOfValue,
  monthsIn,
  nextPeriod,
  PERIOD_TYPES,
  type Period,
  type PeriodType,
  parsePeriod,
  periodOf,
  periodsBetween,
  periodTypeOf,
  previousPeriod,
  toAdx,
} from "./periods.ts";
import { dayNumber, formatDay } from "./periods-calendar.ts";

/** The period an id names, failing the test when it names none. */
function p(id: string): Period {
  const period = parsePeriod(id);
  if (period === null) throw new Error(`${id} names no period`);
  return period;
}

const span = (period: Period | null) => period && `${period.id} ${period.start}..${period.end}`;

describe("ISO weeks", () => {
  it("has a week 53 in 2015 and 2020, none in 2021", () => {
    expect(span(parsePeriod("2020W53"))).toBe("2020W53 2020-12-28..2021-01-03");
    expect(span(parsePeriod("2015W53"))).toBe("2015W53 2015-12-28..2016-01-03");
    expect(parsePeriod("2021W53")).toBeNull();
    expect(span(parsePeriod("2021W52"))).toBe("2021W52 2021-12-27..2022-01-02");
  });

  it("starts a year's week 1 in the year before when 4 January falls early in the week", () => {
    expect(span(parsePeriod("2026W1"))).toBe("2026W1 2025-12-29..2026-01-04");
    expect(periodOf("Weekly", "2025-12-29").id).toBe("2026W1");
    expect(periodOf("Weekly", "2021-01-03").id).toBe("2020W53");
    expect(periodOf("Weekly", "2016-01-03").id).toBe("2015W53");
    expect(periodOf("Weekly", "2024-01-01").id).toBe("2024W1");
  });

  it("numbers the other start days by the week holding four days of the year (DHIS2's examples)", () => {
    expect(span(p("2022WedW1"))).toBe("2022WedW1 2021-12-29..2022-01-04");
    expect(span(p("2022ThuW1"))).toBe("2022ThuW1 2021-12-30..2022-01-05");
    expect(span(p("2022SatW1"))).toBe("2022SatW1 2022-01-01..2022-01-07");
    expect(span(p("2022SunW1"))).toBe("2022SunW1 2022-01-02..2022-01-08");
    expect(periodOf("WeeklySaturday", "2024-01-06").id).toBe("2024SatW2");
    expect(periodOf("WeeklySunday", "2024-01-07").id).toBe("2024SunW2");
    // A year has 53 weeks of a start day when that day's week 53 still holds four of its days.
    expect(span(parsePeriod("2022WedW53"))).toBe("2022WedW53 2022-12-28..2023-01-03");
    expect(parsePeriod("2022ThuW53")).toBeNull();
    expect(span(parsePeriod("2020SunW53"))).toBe("2020SunW53 2020-12-27..2021-01-02");
    expect(parsePeriod("2021SunW53")).toBeNull();
  });
});

describe("bi-weeks", () => {
  it("pairs ISO weeks from week 1", () => {
    expect(span(p("2021BiW1"))).toBe("2021BiW1 2021-01-04..2021-01-17");
    expect(span(p("2026BiW1"))).toBe("2026BiW1 2025-12-29..2026-01-11");
    expect(span(p("2021BiW26"))).toBe("2021BiW26 2021-12-20..2022-01-02");
    expect(periodOf("BiWeekly", "2021-01-17").id).toBe("2021BiW1");
    expect(periodOf("BiWeekly", "2021-01-18").id).toBe("2021BiW2");
  });

  it("gives week 53 a 27th bi-week that overlaps the next year's first, as DHIS2's server does", () => {
    expect(span(p("2020BiW27"))).toBe("2020BiW27 2020-12-28..2021-01-10");
    expect(parsePeriod("2021BiW27")).toBeNull();
    expect(periodOf("BiWeekly", "2020-12-30").id).toBe("2020BiW27");
    expect(periodOf("BiWeekly", "2021-01-05").id).toBe("2021BiW1");
    expect(nextPeriod(p("2020BiW26")).id).toBe("2020BiW27");
    expect(nextPeriod(p("2020BiW27")).id).toBe("2021BiW1");
    expect(previousPeriod(p("2021BiW1")).id).toBe("2020BiW27");
    expect(nextPeriod(p("2020BiW25"), 30).id).toBe("2022BiW2"); // 2020 has 27, 2021 has 26
    expect(previousPeriod(p("2022BiW2"), 30).id).toBe("2020BiW25");
    expect(periodsBetween("BiWeekly", "2021-01-05", "2021-01-20").map((x) => x.id)).toEqual([
      "2020BiW27",
      "2021BiW1",
      "2021BiW2",
    ]);
  });
});

describe("leap years", () => {
  it("has 29 February in 2024 and 2000, not in 2023 or 1900", () => {
    expect(p("20240229").start).toBe("2024-02-29");
    expect(p("20000229").start).toBe("2000-02-29");
    expect(parsePeriod("20230229")).toBeNull();
    expect(parsePeriod("19000229")).toBeNull();
    expect(p("200002").end).toBe("2000-02-29");
    expect(p("190002").end).toBe("1900-02-28");
    expect([daysIn(p("2024")), daysIn(p("2000")), daysIn(p("1900")), daysIn(p("2023"))]).toEqual([
      366, 366, 365, 365,
    ]);
    expect([daysIn(p("2024Q1")), daysIn(p("2023Q1"))]).toEqual([91, 90]);
    expect(nextPeriod(p("20240228")).id).toBe("20240229");
    expect(nextPeriod(p("20230228")).id).toBe("20230301");
  });
});

describe("years that do not start in January", () => {
  it("names April, July and October years by the year they start in", () => {
    expect(span(p("2022April"))).toBe("2022April 2022-04-01..2023-03-31");
    expect(span(p("2022July"))).toBe("2022July 2022-07-01..2023-06-30");
    expect(span(p("2022Oct"))).toBe("2022Oct 2022-10-01..2023-09-30");
    expect(periodOf("FinancialJuly", "2023-06-30").id).toBe("2022July");
    expect(periodOf("FinancialJuly", "2023-07-01").id).toBe("2023July");
    expect(periodOf("FinancialApril", "2023-01-15").id).toBe("2022April");
    expect(span(p("2022AprilS2"))).toBe("2022AprilS2 2022-10-01..2023-03-31");
    expect(periodOf("SixMonthlyApril", "2023-02-15").id).toBe("2022AprilS2");
  });

  it("names November years and six-months by the year they end in (DHIS2's server and ADX)", () => {
    expect(span(p("2022Nov"))).toBe("2022Nov 2021-11-01..2022-10-31");
    expect(periodOf("FinancialNov", "2021-11-01").id).toBe("2022Nov");
    expect(periodOf("FinancialNov", "2021-10-31").id).toBe("2021Nov");
    expect(span(p("2022NovS1"))).toBe("2022NovS1 2021-11-01..2022-04-30");
    expect(span(p("2022NovS2"))).toBe("2022NovS2 2022-05-01..2022-10-31");
    expect(periodOf("SixMonthlyNov", "2022-11-01").id).toBe("2023NovS1");
    expect(nextPeriod(p("2022NovS2")).id).toBe("2023NovS1");
    expect(nextPeriod(p("2022Nov")).id).toBe("2023Nov");
  });
});

describe("reading ids", () => {
  it("refuses what names no period or is not written the canonical way", () => {
    const refused = [
      "",
      "202213",
      "202200",
      "20221301",
      "20220230",
      "2022Q0",
      "2022Q5",
      "2022S0",
      "2022S3",
      "202200B",
      "202207B",
      "2022W0",
      "2022W01",
      "2022W54",
      "2022BiW0",
      "2022BiW27",
      "2022AprilS3",
      "2022NovS0",
      "2022april",
      "2022APRIL",
      "2022October",
      "2022NovemberS1",
      "2022MonW1",
      "2022TueW1",
      "2022-01-01",
      " 2022W1",
      "2022W1 ",
      "22W1",
      "0999",
      "999",
      "10000",
      "2022W１",
    ];
    for (const id of refused) expect(parsePeriod(id), id).toBeNull();
  });

  it("names each type by its form", () => {
    expect(periodTypeOf("20220101")).toBe("Daily");
    expect(periodTypeOf("2022W1")).toBe("Weekly");
    expect(periodTypeOf("2022ThuW1")).toBe("WeeklyThursday");
    expect(periodTypeOf("2022BiW1")).toBe("BiWeekly");
    expect(periodTypeOf("202201")).toBe("Monthly");
    expect(periodTypeOf("202201B")).toBe("BiMonthly");
    expect(periodTypeOf("2022Q1")).toBe("Quarterly");
    expect(periodTypeOf("2022S1")).toBe("SixMonthly");
    expect(periodTypeOf("2022AprilS1")).toBe("SixMonthlyApril");
    expect(periodTypeOf("2022NovS1")).toBe("SixMonthlyNov");
    expect(periodTypeOf("2022")).toBe("Yearly");
    expect(periodTypeOf("2022April")).toBe("FinancialApril");
    expect(periodTypeOf("2022July")).toBe("FinancialJuly");
    expect(periodTypeOf("2022Oct")).toBe("FinancialOct");
    expect(periodTypeOf("2022Nov")).toBe("FinancialNov");
    expect(periodTypeOf("2022-01-01/P1Y")).toBe("Yearly");
    expect(periodTypeOf("2022W53")).toBeNull();
    expect(isPeriodType("Weekly")).toBe(true);
    expect(isPeriodType("weekly")).toBe(false);
  });
});

describe("ADX periods", () => {
  it("reads DHIS2's ADX examples", () => {
    const cases: [string, string][] = [
      ["2024-01-01/P1D", "20240101"],
      ["2024-01-01/P7D", "2024W1"],
      ["2024-01-08/P7D", "2024W2"],
      ["2024-01-03/P7D", "2024WedW1"],
      ["2024-01-04/P7D", "2024ThuW1"],
      ["2024-01-06/P7D", "2024SatW2"],
      ["2024-01-07/P7D", "2024SunW2"],
      ["2024-01-01/P14D", "2024BiW1"],
      ["2024-01-15/P14D", "2024BiW2"],
      ["2024-05-01/P1M", "202405"],
      ["2024-01-01/P2M", "202401B"],
      ["2024-04-01/P3M", "2024Q2"],
      ["2024-07-01/P6M", "2024S2"],
      ["2024-10-01/P6M", "2024AprilS2"],
      ["2024-11-01/P6M", "2025NovS1"],
      ["2025-05-01/P6M", "2025NovS2"],
      ["2024-01-01/P1Y", "2024"],
      ["2024-04-01/P1Y", "2024April"],
      ["2024-07-01/P1Y", "2024July"],
      ["2024-10-01/P1Y", "2024Oct"],
      ["2024-11-01/P1Y", "2025Nov"],
      ["2022-01-03/P1W", "2022W1"],
      ["2022-01-03/P2W", "2022BiW1"],
      ["2022-01-01/P12M", "2022"],
    ];
    for (const [adx, id] of cases) expect(parsePeriod(adx)?.id, adx).toBe(id);
  });

  it("writes DHIS2's ADX examples", () => {
    const cases: [string, string][] = [
      ["20220107", "2022-01-07/P1D"],
      ["2022W1", "2022-01-03/P7D"],
      ["2022WedW1", "2021-12-29/P7D"],
      ["2022SunW1", "2022-01-02/P7D"],
      ["2022BiW2", "2022-01-17/P14D"],
      ["202205", "2022-05-01/P1M"],
      ["202202B", "2022-03-01/P2M"],
      ["2022Q2", "2022-04-01/P3M"],
      ["2022AprilS2", "2022-10-01/P6M"],
      ["2022NovS2", "2022-05-01/P6M"],
      ["2022July", "2022-07-01/P1Y"],
      ["2022Nov", "2021-11-01/P1Y"],
    ];
    for (const [id, adx] of cases) expect(toAdx(p(id)), id).toBe(adx);
  });

  it("refuses a duration no type has, or a day that does not start a period of it", () => {
    const refused = [
      "P2M",
      "P14D",
      "2024-01-01/P1",
      "2024-01-01/P1D/P1D",
      "2024-01-02/P7D",
      "2024-01-05/P7D",
      "2022-01-04/P14D",
      "2022-01-10/P14D",
      "2022-01-05/P1M",
      "2022-02-01/P2M",
      "2022-02-01/P3M",
      "2014-02-01/P6M",
      "2014-02-01/P1Y",
      "2022-01-01/P4M",
      "2022-01-01/P2Y",
      "2023-02-29/P1D",
      "2022-1-1/P1D",
      "2022-01-01/p1d",
      "2022-01-01/P1D ",
    ];
    for (const adx of refused) expect(parsePeriod(adx), adx).toBeNull();
  });
});

describe("stepping and listing", () => {
  it("steps across year ends", () => {
    expect(nextPeriod(p("202212")).id).toBe("202301");
    expect(previousPeriod(p("2022Q1")).id).toBe("2021Q4");
    expect(nextPeriod(p("2020W53")).id).toBe("2021W1");
    expect(nextPeriod(p("2021W52")).id).toBe("2022W1");
    expect(previousPeriod(p("2021W1")).id).toBe("2020W53");
    expect(nextPeriod(p("202206B"), 2).id).toBe("202302B");
    expect(previousPeriod(p("2022S1"), 3).id).toBe("2020S2");
    expect(nextPeriod(p("2022W10"), 0).id).toBe("2022W10");
    expect(nextPeriod(p("2022W10"), 52).id).toBe("2023W10");
    expect(() => nextPeriod(p("2022W10"), 1.5)).toThrow(RangeError);
  });

  it("lists every period with a day in the range, in order", () => {
    const ids = (type: PeriodType, from: string, to: string) =>
      periodsBetween(type, from, to).map((x) => x.id);
    expect(ids("Monthly", "2022-01-15", "2022-03-01")).toEqual(["202201", "202202", "202203"]);
    expect(ids("Weekly", "2020-12-31", "2021-01-11")).toEqual(["2020W53", "2021W1", "2021W2"]);
    expect(ids("FinancialNov", "2022-10-31", "2022-11-01")).toEqual(["2022Nov", "2023Nov"]);
    expect(ids("Yearly", "2022-06-01", "2022-06-01")).toEqual(["2022"]);
    expect(ids("Monthly", "2022-03-01", "2022-02-01")).toEqual([]);
    expect(periodsBetween("Daily", "2024-01-01", "2024-12-31")).toHaveLength(366);
    expect(periodsBetween("Weekly", "2020-01-01", "2020-12-31")).toHaveLength(53);
    expect(() => periodsBetween("Daily", "2024-01-01", "2024-13-01")).toThrow(RangeError);
  });

  it("refuses days outside years 1000–9999", () => {
    expect(() => periodOf("Daily", "0999-12-31")).toThrow(RangeError);
    expect(() => periodOf("FinancialNov", "9999-11-01")).toThrow(RangeError);
    expect(() => nextPeriod(p("9999"))).toThrow(RangeError);
    expect(parsePeriod("1000Nov")).toBeNull();
    expect(p("1000April").start).toBe("1000-04-01");
  });
});

describe("months", () => {
  it("lists the months a period covers", () => {
    expect(monthsIn(p("2022Q1"))).toEqual(["202201", "202202", "202203"]);
    expect(monthsIn(p("2022AprilS2"))).toEqual([
      "202210",
      "202211",
      "202212",
      "202301",
      "202302",
      "202303",
    ]);
    expect(monthsIn(p("2022Nov"))).toHaveLength(12);
    expect(monthsIn(p("2022Nov"))[0]).toBe("202111");
    expect(monthsIn(p("202202"))).toEqual(["202202"]);
    expect(monthsIn(p("2022W5"))).toEqual(["202201", "202202"]);
  });

  it("counts a week in the month of its fourth day, a day and a bi-week in the month they start", () => {
    expect(span(p("2022W5"))).toBe("2022W5 2022-01-31..2022-02-06");
    expect(monthOfValue(p("2022W5"))).toBe("202202");
    expect(monthOfValue(p("2022W13"))).toBe("202203"); // 28–31 March, 1–3 April
    expect(monthOfValue(p("2015W53"))).toBe("201512");
    expect(monthOfValue(p("2026W1"))).toBe("202601"); // 29–31 December, 1–4 January
    expect(monthOfValue(periodOf("WeeklySunday", "2022-01-30"))).toBe("202202");
    expect(monthOfValue(periodOf("WeeklyWednesday", "2022-03-30"))).toBe("202204");
    expect(monthOfValue(p("20220131"))).toBe("202201");
    // A bi-week with 13 of its 14 days in February still counts in January, by its first day.
    expect(span(p("2022BiW3"))).toBe("2022BiW3 2022-01-31..2022-02-13");
    expect(monthOfValue(p("2022BiW3"))).toBe("202201");
    expect(monthOfValue(p("202203"))).toBe("202203");
    expect(() => monthOfValue(p("2022Q1"))).toThrow(RangeError);
  });

  it("says which types are finer than a month", () => {
    const finer = PERIOD_TYPES.filter(isFinerThanMonth);
    expect(finer).toEqual([
      "Daily",
      "Weekly",
      "WeeklyWednesday",
      "WeeklyThursday",
      "WeeklySaturday",
      "WeeklySunday",
      "BiWeekly",
    ]);
  });
});

describe("containment and length", () => {
  it("holds a period inside another only when all its days are", () => {
    expect(contains(p("2022"), p("2022Q1"))).toBe(true);
    expect(contains(p("2022Q1"), p("202203"))).toBe(true);
    expect(contains(p("2022July"), p("202301"))).toBe(true);
    expect(contains(p("2022"), p("2022W52"))).toBe(false); // ends on 2023-01-01
    expect(contains(p("2022W1"), p("2022W1"))).toBe(true);
    expect(contains(p("202203"), p("2022Q1"))).toBe(false);
  });

  it("counts days", () => {
    expect(daysIn(p("2022W1"))).toBe(7);
    expect(daysIn(p("2022BiW1"))).toBe(14);
    expect(daysIn(p("20220101"))).toBe(1);
    expect(daysIn(p("2022Nov"))).toBe(365);
    expect(daysIn(p("2024Nov"))).toBe(366); // holds 29 February 2024
  });
});

describe("every day of 2015–2030, every type", () => {
  it("lies in its period, whose id and ADX form read back to it", () => {
    const problems: string[] = [];
    for (const type of PERIOD_TYPES) {
      for (let n = dayNumber(2015, 1, 1); n <= dayNumber(2030, 12, 31); n++) {
        const day = formatDay(n);
        const period = periodOf(type, day);
        if (!(period.start <= day && day <= period.end)) problems.push(`${type} ${day} outside`);
        if (span(parsePeriod(period.id)) !== span(period)) problems.push(`${period.id} id`);
        if (span(parsePeriod(toAdx(period))) !== span(period)) problems.push(`${period.id} ADX`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("follows each period by the one starting the next day, but for the 27th bi-week", () => {
    const problems: string[] = [];
    for (const type of PERIOD_TYPES) {
      let period = periodOf(type, "2015-01-01");
      while (period.start <= "2030-12-31") {
        const next = nextPeriod(period);
        const expected = formatDay(dayNumber(...ymd(period.end)) + 1);
        const overlap = period.id.endsWith("BiW27");
        if (!overlap && next.start !== expected) problems.push(`${period.id} → ${next.id}`);
        if (span(previousPeriod(next)) !== span(period)) problems.push(`${next.id} ← ${period.id}`);
        period = next;
      }
    }
    expect(problems).toEqual([]);
  });
});

function ymd(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}
