import { describe, expect, it } from "vitest";
import { leadingDecimal, parseDecimal } from "./decimal.ts";
import { formatInputNumber } from "./format.ts";

const value = (text: string, allowNegative = false) => {
  const r = parseDecimal(text, { allowNegative });
  return r.ok ? r.value : r.reason;
};

describe("parseDecimal", () => {
  it.each([
    ["12,5", 12.5],
    ["12.5", 12.5],
    ["12", 12],
    ["0", 0],
    ["0,25", 0.25],
    [",5", 0.5],
    ["007", 7],
    ["1 234,5", 1234.5],
    ["1\u00a0234,5", 1234.5],
    ["1\u202f234,5", 1234.5],
    ["1\u2009234", 1234],
    ["33 000 000", 33_000_000],
    ["33\u202f000\u202f000", 33_000_000],
    ["1 234.5", 1234.5],
    ["1,234,567", 1_234_567],
    ["1,234.5", 1234.5],
    ["1.234.567", 1_234_567],
    ["1.234,5", 1234.5],
    ["  619  ", 619],
    ["\u00a0619\u202f", 619],
    ["+3", 3],
    ["-0", 0],
  ])("reads %j as %d", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it("reads a single comma or dot as the decimal mark, never as thousands", () => {
    expect(value("1,234")).toBe(1.234);
    expect(value("1.234")).toBe(1.234);
  });

  it.each([
    ["1,2,3"],
    ["1.2.3"],
    ["12abc"],
    ["abc"],
    ["1e5"],
    ["12,"],
    ["12."],
    [","],
    ["-"],
    ["1,2.3"],
    ["1 23"],
    ["12 3456"],
    ["1  234"],
    ["1,234,5"],
    ["1.234.5"],
    ["0x10"],
    ["Infinity"],
    ["NaN"],
    ["١٢"],
    ["1".repeat(400)],
    ["12,5 kg"],
  ])("refuses %j", (text) => {
    expect(value(text)).toBe("not_a_number");
  });

  it("says empty for nothing but spaces", () => {
    expect(value("")).toBe("empty");
    expect(value(" \u00a0\u202f ")).toBe("empty");
  });

  it("refuses negatives unless the field allows them", () => {
    expect(value("-3")).toBe("negative");
    expect(value("\u22123,5")).toBe("negative");
    expect(value("- 1 234,5")).toBe("negative");
    expect(value("-3", true)).toBe(-3);
    expect(value("\u22121 234,5", true)).toBe(-1234.5);
  });
});

describe("leadingDecimal", () => {
  it.each([
    ["619 prestataires formés", 619, "prestataires formés"],
    ["33 000 000 FCFA", 33_000_000, "FCFA"],
    ["33\u00a0000\u00a0000 FCFA", 33_000_000, "FCFA"],
    ["12,5 km", 12.5, "km"],
    ["1 234,5 doses", 1234.5, "doses"],
    ["2023 123 formés", 2023, "123 formés"],
    ["317", 317, ""],
  ])("splits %j", (text, number, rest) => {
    expect(leadingDecimal(text)).toEqual({ value: number, rest });
  });

  it("names what is wrong with the leading number", () => {
    expect(leadingDecimal("12abc prestataires")).toMatchObject({
      value: null,
      reason: "not_a_number",
    });
    expect(leadingDecimal("1,2,3 doses")).toMatchObject({ value: null, reason: "not_a_number" });
    expect(leadingDecimal("-5 doses")).toMatchObject({ value: null, reason: "negative" });
    expect(leadingDecimal("doses")).toMatchObject({ value: null, reason: "not_a_number" });
  });
});

describe("formatInputNumber", () => {
  it.each([
    [12.5, "12,5", "12.5"],
    [33_000_000, "33\u00a0000\u00a0000", "33000000"],
    [1234.5678, "1\u00a0234,5678", "1234.5678"],
    [0.1 + 0.2, "0,30000000000000004", "0.30000000000000004"],
    [619, "619", "619"],
    [1e21, "1000000000000000000000", "1000000000000000000000"],
  ])("shows %d as %j in French and %j in English", (n, fr, en) => {
    expect(formatInputNumber("fr", n)).toBe(fr);
    expect(formatInputNumber("en", n)).toBe(en);
  });

  it("shows back what parseDecimal reads, exactly", () => {
    for (const n of [0, 0.5, 7, 12.5, 619, 1234.5, 33_000_000, 1_234_567.891, 0.1 + 0.2]) {
      for (const lang of ["fr", "en"] as const) {
        expect(value(formatInputNumber(lang, n))).toBe(n);
      }
    }
  });
});
