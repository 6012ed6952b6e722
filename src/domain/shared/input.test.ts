import { describe, expect, it } from "vitest";
import { hasNul, INT4_MAX, isCalendarDate, isId, parseId, parseVersionTag } from "./input.ts";

describe("input limits", () => {
  it("takes ids that fit int4 only", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId(String(INT4_MAX))).toBe(INT4_MAX);
    for (const bad of [
      "0",
      "-1",
      "2147483648",
      "99999999999999999999",
      "1e3",
      " 1",
      "1.0",
      "",
      "\u0000",
    ])
      expect(parseId(bad), bad).toBeNull();
    expect(isId(INT4_MAX + 1)).toBe(false);
    expect(isId(1.5)).toBe(false);
  });

  it("reads If-Match versions within int4", () => {
    expect(parseVersionTag('"3"')).toBe(3);
    expect(parseVersionTag('W/"0"')).toBe(0);
    expect(parseVersionTag("7")).toBe(7);
    for (const bad of ['"2147483648"', "99999999999999999999", '"-1"', '"a"', "", '"3", "4"'])
      expect(parseVersionTag(bad), bad).toBeNull();
  });

  it("knows which days exist", () => {
    for (const good of ["2023-02-28", "2024-02-29", "2000-02-29", "2023-12-31"])
      expect(isCalendarDate(good), good).toBe(true);
    for (const bad of [
      "2023-02-29",
      "1900-02-29",
      "2023-02-30",
      "2023-04-31",
      "2023-13-01",
      "2023-00-10",
      "2023-01-00",
      "2023-02-281",
      "02023-02-28",
      "0999-01-01",
      "2023-2-28",
      "",
    ])
      expect(isCalendarDate(bad), bad).toBe(false);
  });

  it("finds NUL characters", () => {
    expect(hasNul("a\u0000b")).toBe(true);
    expect(hasNul("ab")).toBe(false);
  });
});
