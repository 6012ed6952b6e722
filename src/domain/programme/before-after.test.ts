import { describe, expect, it } from "vitest";
import { addMonths, beforeAfterWindows, firstPresence, windowFigure } from "./before-after.ts";

/** Every month from `from` to `to`, both included. */
function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

describe("adding months", () => {
  it("crosses December/January both ways", () => {
    expect(addMonths("2023-12", 1)).toBe("2024-01");
    expect(addMonths("2024-01", -1)).toBe("2023-12");
    expect(addMonths("2023-03", -12)).toBe("2022-03");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02");
  });
  it("refuses what is not a month", () => {
    expect(() => addMonths("2023-13", 1)).toThrow(RangeError);
    expect(() => addMonths("202303", 1)).toThrow(RangeError);
  });
});

describe("before/after windows", () => {
  const all = months("2021-01", "2025-12");

  it("puts twelve seasonally aligned months on each side, the start month after", () => {
    const r = beforeAfterWindows({ start: "2023-03", monthsWithData: all });
    expect(r).toEqual({
      ok: true,
      window: 12,
      before: months("2022-03", "2023-02"),
      after: months("2023-03", "2024-02"),
      missing: [],
      seasonal: true,
    });
  });

  it("takes a start day as its month", () => {
    const r = beforeAfterWindows({ start: "2023-03-17", monthsWithData: all });
    expect(r.ok && r.before[0]).toBe("2022-03");
    expect(r.ok && r.after[0]).toBe("2023-03");
  });

  it("says there is no before when deployed in the first month of data or earlier", () => {
    const data = months("2023-03", "2024-12");
    expect(beforeAfterWindows({ start: "2023-03", monthsWithData: data })).toEqual({
      ok: false,
      reason: "no_before",
    });
    expect(beforeAfterWindows({ start: "2022-01", monthsWithData: data })).toEqual({
      ok: false,
      reason: "no_before",
    });
  });

  it("with one month of data before, compares one month to one month", () => {
    const r = beforeAfterWindows({
      start: "2023-03",
      monthsWithData: months("2023-02", "2024-12"),
    });
    expect(r).toMatchObject({ ok: true, window: 1, before: ["2023-02"], after: ["2023-03"] });
    expect(r.ok && r.seasonal).toBe(false);
  });

  it("says there is no data when no month has any", () => {
    expect(beforeAfterWindows({ start: "2023-03", monthsWithData: [] })).toEqual({
      ok: false,
      reason: "no_data",
    });
  });

  it("says there is no after when the data stop before the start", () => {
    const r = beforeAfterWindows({
      start: "2023-03",
      monthsWithData: months("2021-01", "2023-02"),
    });
    expect(r).toEqual({ ok: false, reason: "no_after" });
  });

  it("says there is no after when the deployment ended before any month with data", () => {
    const data = [...months("2021-01", "2023-02"), ...months("2023-06", "2024-12")];
    const r = beforeAfterWindows({ start: "2023-03", end: "2023-05-20", monthsWithData: data });
    expect(r).toEqual({ ok: false, reason: "no_after" });
  });

  it("cuts both sides to the months the ended deployment lasted (its end month included)", () => {
    const r = beforeAfterWindows({ start: "2023-03-01", end: "2023-07-15", monthsWithData: all });
    expect(r).toMatchObject({
      ok: true,
      window: 5,
      before: months("2022-10", "2023-02"),
      after: months("2023-03", "2023-07"),
      seasonal: false,
    });
  });

  it("trims both sides to the shorter side (partial window before)", () => {
    const r = beforeAfterWindows({
      start: "2023-03",
      monthsWithData: months("2022-10", "2025-12"),
    });
    expect(r).toMatchObject({
      window: 5,
      before: months("2022-10", "2023-02"),
      after: months("2023-03", "2023-07"),
    });
  });

  it("trims both sides to the shorter side (partial window after)", () => {
    const r = beforeAfterWindows({
      start: "2023-03",
      monthsWithData: months("2020-01", "2023-05"),
    });
    expect(r).toMatchObject({
      window: 3,
      before: months("2022-12", "2023-02"),
      after: months("2023-03", "2023-05"),
    });
  });

  it("takes a smaller or larger window when asked, still capped by the data", () => {
    expect(beforeAfterWindows({ start: "2023-03", monthsWithData: all, window: 6 })).toMatchObject({
      window: 6,
      before: months("2022-09", "2023-02"),
      after: months("2023-03", "2023-08"),
    });
    const r = beforeAfterWindows({ start: "2023-03", monthsWithData: all, window: 24 });
    expect(r).toMatchObject({ window: 24, seasonal: true });
    expect(r.ok && r.before[0]).toBe("2021-03");
    expect(r.ok && r.after.at(-1)).toBe("2025-02");
    expect(beforeAfterWindows({ start: "2023-03", monthsWithData: all, window: 60 })).toMatchObject(
      { window: 26 },
    );
  });

  it("keeps the window across a gap and names the months without data", () => {
    const data = all.filter((m) => m !== "2022-07" && m !== "2023-11");
    const r = beforeAfterWindows({ start: "2023-03", monthsWithData: data });
    expect(r).toMatchObject({ window: 12, missing: ["2022-07", "2023-11"] });
  });

  it("crosses December/January with a January start", () => {
    const r = beforeAfterWindows({ start: "2024-01", monthsWithData: all });
    expect(r).toMatchObject({
      before: months("2023-01", "2023-12"),
      after: months("2024-01", "2024-12"),
    });
    const dec = beforeAfterWindows({
      start: "2023-12",
      monthsWithData: months("2023-11", "2024-01"),
    });
    expect(dec).toMatchObject({ window: 1, before: ["2023-11"], after: ["2023-12"] });
    const jan = beforeAfterWindows({
      start: "2024-01",
      monthsWithData: months("2023-12", "2024-02"),
    });
    expect(jan).toMatchObject({ window: 1, before: ["2023-12"], after: ["2024-01"] });
  });

  it("handles a leap-year February start and end day", () => {
    const r = beforeAfterWindows({ start: "2024-02-29", end: "2025-02-28", monthsWithData: all });
    expect(r).toMatchObject({
      window: 12,
      before: months("2023-02", "2024-01"),
      after: months("2024-02", "2025-01"),
      seasonal: true,
    });
  });

  it("ignores repeated months and their order", () => {
    const r = beforeAfterWindows({
      start: "2023-03",
      monthsWithData: ["2023-04", "2023-02", "2023-02", "2023-03"],
    });
    expect(r).toMatchObject({ window: 1, before: ["2023-02"], after: ["2023-03"], missing: [] });
  });

  it("refuses a window that is not a positive whole number and an end before the start", () => {
    expect(() => beforeAfterWindows({ start: "2023-03", monthsWithData: all, window: 0 })).toThrow(
      RangeError,
    );
    expect(() =>
      beforeAfterWindows({ start: "2023-03", monthsWithData: all, window: 1.5 }),
    ).toThrow(RangeError);
    expect(() =>
      beforeAfterWindows({ start: "2023-03", end: "2023-02-28", monthsWithData: all }),
    ).toThrow(RangeError);
  });
});

describe("the first presence of a midwife", () => {
  it("runs from the first start through periods that follow day after day", () => {
    expect(firstPresence([])).toBeNull();
    expect(
      firstPresence([
        { startDate: "2023-01-01", endDate: null },
        { startDate: "2022-03-10", endDate: "2022-12-31" },
      ]),
    ).toEqual({ start: "2022-03-10", end: null });
    expect(
      firstPresence([
        { startDate: "2022-03-10", endDate: "2022-12-30" },
        { startDate: "2023-01-01", endDate: null },
      ]),
    ).toEqual({ start: "2022-03-10", end: "2022-12-30" });
    expect(
      firstPresence([
        { startDate: "2022-01-01", endDate: "2022-06-30" },
        { startDate: "2022-03-01", endDate: "2022-04-30" },
      ]),
    ).toEqual({ start: "2022-01-01", end: "2022-06-30" });
  });
});

describe("an indicator over a window", () => {
  it("is a ratio of totals over the months holding a count, with the count per month", () => {
    const byMonth = new Map([
      ["2023-01", { numerator: 10, denominator: 40 }],
      ["2023-02", { numerator: 20, denominator: 40 }],
      ["2023-03", { numerator: null, denominator: 40 }],
    ]);
    expect(windowFigure(["2023-01", "2023-02", "2023-03", "2023-04"], byMonth, 100)).toEqual({
      value: 37.5,
      numerator: 30,
      denominator: 80,
      perMonth: 15,
      months: 2,
    });
    expect(windowFigure(["2023-04"], byMonth, 100)).toEqual({
      value: null,
      numerator: null,
      denominator: null,
      perMonth: null,
      months: 0,
    });
    expect(
      windowFigure(["2023-01"], new Map([["2023-01", { numerator: 3, denominator: 0 }]]), 1),
    ).toMatchObject({ value: null, perMonth: 3 });
  });
});
