import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { civilDate, dayNumber, formatDay, parseDay, weekday } from "./periods-calendar.ts";

describe("the day count", () => {
  it("agrees with Date.UTC and reads back every day of years 1000–9999", () => {
    let mismatches = 0;
    for (let n = dayNumber(1000, 1, 1); n <= dayNumber(9999, 12, 31); n++) {
      const { year, month, day } = civilDate(n);
      if (dayNumber(year, month, day) !== n) mismatches++;
      if (n % 97 === 0 && formatDay(n) !== new Date(n * 86_400_000).toISOString().slice(0, 10))
        mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it("knows 1970-01-01 was a Thursday and 2024-02-29 a Thursday too", () => {
    expect(weekday(0)).toBe(4);
    expect(weekday(dayNumber(2024, 2, 29))).toBe(4);
    expect(weekday(dayNumber(2025, 12, 29))).toBe(1);
  });
});

describe("dates as text", () => {
  it("reads real calendar days only", () => {
    expect(parseDay("2024-02-29")).toBe(dayNumber(2024, 2, 29));
    expect(parseDay("2023-02-29")).toBeNull();
    expect(parseDay("1900-02-29")).toBeNull();
    expect(parseDay("2000-02-29")).toBe(dayNumber(2000, 2, 29));
    expect(parseDay("2024-2-29")).toBeNull();
    expect(formatDay(dayNumber(1000, 1, 1))).toBe("1000-01-01");
  });
});

describe("time zones", () => {
  it("cannot matter: no period module touches Date, whose local methods follow the machine's zone", () => {
    const modules = readdirSync(import.meta.dirname).filter(
      (name) => /^periods.*\.ts$/.test(name) && !name.endsWith(".test.ts"),
    );
    expect(modules.length).toBeGreaterThanOrEqual(4);
    const users = modules.filter((name) =>
      /\bDate\b/.test(
        readFileSync(`${import.meta.dirname}/${name}`, "utf8").replace(
          /\/\/.*$|\/\*[\s\S]*?\*\//gm,
          "",
        ),
      ),
    );
    expect(users).toEqual([]);
  });
});
