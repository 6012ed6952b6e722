import { describe, expect, it } from "vitest";
import {
  constantsOf,
  type Expression,
  evaluate,
  formatExpression,
  type Operand,
  operandsOf,
  parseExpression,
} from "./expressions.ts";

const parsed = (text: string): Expression => {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.error)}`);
  return r.value;
};
const errorOf = (text: string) => {
  const r = parseExpression(text);
  return r.ok ? null : r.error;
};

const none = () => null;
const DE = "FTRrcoaog83"; // uid-shaped identifiers
const DE2 = "P3jJH5Tu5VC";
const COC = "Prlt0C1RF0s";
const K = "bWuNrMHEoZ0";

describe("parseExpression", () => {
  it("reads operands, constants, numbers and the four operators into a tree", () => {
    expect(parsed(`#{${DE}} + #{${DE2}.${COC}} * C{${K}}`)).toEqual({
      kind: "binary",
      operator: "+",
      left: { kind: "operand", operand: { dataElement: DE, coc: null } },
      right: {
        kind: "binary",
        operator: "*",
        left: { kind: "operand", operand: { dataElement: DE2, coc: COC } },
        right: { kind: "constant", uid: K },
      },
    });
  });

  it("gives * and / precedence over + and -, left to right", () => {
    const value = (text: string) => evaluate(parsed(text), none, none);
    expect(value("10 - 4 - 3")).toBe(3);
    expect(value("12 / 3 / 2")).toBe(2);
    expect(value("2 + 3 * 4")).toBe(14);
    expect(value("(2 + 3) * 4")).toBe(20);
    expect(value("-2 * -3 - -1")).toBe(7);
    expect(value("+5 - +2")).toBe(3);
  });

  it.each([
    ["100", 100],
    ["0.5", 0.5],
    [".5", 0.5],
    ["5.", 5],
    ["1e3", 1000],
    ["2.5E-2", 0.025],
    ["1e+2", 100],
  ])("reads the number %s", (text, value) => {
    expect(parsed(text)).toEqual({ kind: "number", value });
  });

  it("takes any whitespace, newlines included, between tokens", () => {
    const spaced = parsed(`\n\t( #{${DE}}\r\n+\u00a0#{${DE2}.${COC}} )\n/\n  C{${K}}  \n`);
    expect(spaced).toEqual(parsed(`(#{${DE}}+#{${DE2}.${COC}})/C{${K}}`));
  });

  it("accepts codes as well as uids inside the braces", () => {
    expect(operandsOf(parsed("#{FP_NEW_USERS.UNDER_20} + #{fp-pills}"))).toEqual([
      { dataElement: "FP_NEW_USERS", coc: "UNDER_20" },
      { dataElement: "fp-pills", coc: null },
    ]);
  });

  it("reads DHIS2's #{de.coc.*} (every attribute option combo) as #{de.coc}", () => {
    expect(parsed(`#{${DE}.${COC}.*}`)).toEqual(parsed(`#{${DE}.${COC}}`));
  });

  it.each([
    [`#{${DE}} + I{abcdefghijk}`, "unsupported_item", 17, "I{abcdefghijk}"],
    [`R{${DE}.REPORTING_RATE} * 2`, "unsupported_item", 0, `R{${DE}.REPORTING_RATE}`],
    ["OUG{CXw2yu5fodb}", "unsupported_item", 0, "OUG{CXw2yu5fodb}"],
    [`1 + D{${DE}.${DE2}}`, "unsupported_item", 4, `D{${DE}.${DE2}}`],
    [`A{${DE}.${DE2}}`, "unsupported_item", 0, `A{${DE}.${DE2}}`],
    ["V{event_count}", "unsupported_item", 0, "V{event_count}"],
    ["N{abcdefghijk}", "unsupported_item", 0, "N{abcdefghijk}"],
    ["[days] * 2", "unsupported_item", 0, "[days]"],
    [`if(#{${DE}} > 0, 1, 0)`, "unsupported_function", 0, "if"],
    [`2 * isNull(#{${DE}})`, "unsupported_function", 4, "isNull"],
    [`isNotNull (#{${DE}})`, "unsupported_function", 0, "isNotNull"],
    ["firstNonNull(1, 2)", "unsupported_function", 0, "firstNonNull"],
    [`greatest(#{${DE}}, 1)`, "unsupported_function", 0, "greatest"],
    [`d2:zing(#{${DE}})`, "unsupported_function", 0, "d2:zing"],
    [`sum(#{${DE}})`, "unsupported_function", 0, "sum"],
    [`#{${DE}} ^ 2`, "unsupported_operator", 15, "^"],
    [`#{${DE}} % 2`, "unsupported_operator", 15, "%"],
    [`#{${DE}} >= 2`, "unsupported_operator", 15, ">="],
    ["1 == 1", "unsupported_operator", 2, "=="],
    ["1 && 1", "unsupported_operator", 2, "&&"],
    ["!1", "unsupported_operator", 0, "!"],
    ["1 and 1", "unsupported_operator", 2, "and"],
    ["not 1", "unsupported_operator", 0, "not"],
    ["'text'", "unsupported_literal", 0, "'text'"],
    ['"text', "unsupported_literal", 0, '"text'],
    ["true", "unsupported_literal", 0, "true"],
    [`#{${DE}.*}`, "unsupported_wildcard", 0, `#{${DE}.*}`],
    [`#{${DE}.*.*}`, "unsupported_wildcard", 0, `#{${DE}.*.*}`],
    [`#{${DE}.*.${K}}`, "unsupported_attribute_option_combo", 0, `#{${DE}.*.${K}}`],
    [`#{${DE}.${COC}.${K}}`, "unsupported_attribute_option_combo", 0, `#{${DE}.${COC}.${K}}`],
  ])("refuses %s (%s at %i, naming %s)", (text, code, position, item) => {
    expect(errorOf(text)).toEqual({ code, position, item });
  });

  it.each([
    ["", "empty", 0, ""],
    [" \n\t ", "empty", 4, ""],
    ["1 +", "unexpected_end", 3, ""],
    ["-", "unexpected_end", 1, ""],
    ["(1 + 2", "unclosed_parenthesis", 0, "("],
    ["((1) + 2", "unclosed_parenthesis", 0, "("],
    ["1 + 2)", "unexpected_token", 5, ")"],
    ["()", "unexpected_token", 1, ")"],
    ["1 2", "unexpected_token", 2, "2"],
    [`#{${DE}} #{${DE2}}`, "unexpected_token", 15, `#{${DE2}}`],
    ["(1 2)", "unexpected_token", 3, "2"],
    ["* 2", "unexpected_token", 0, "*"],
    ["1 + * 2", "unexpected_token", 4, "*"],
    ["1, 2", "unexpected_token", 1, ","],
    ["1 @ 2", "unexpected_token", 2, "@"],
    ["abc", "unexpected_token", 0, "abc"],
    ["1e", "invalid_number", 0, "1e"],
    ["1.2.3", "invalid_number", 0, "1.2.3"],
    ["2x", "invalid_number", 0, "2x"],
    ["1e999", "invalid_number", 0, "1e999"],
    ["#{}", "invalid_operand", 0, "#{}"],
    [`#{${DE}.}`, "invalid_operand", 0, `#{${DE}.}`],
    [`#{.${COC}}`, "invalid_operand", 0, `#{.${COC}}`],
    ["#{a b}", "invalid_operand", 0, "#{a b}"],
    ["#{a.b.c.d}", "invalid_operand", 0, "#{a.b.c.d}"],
    ["#{*}", "invalid_operand", 0, "#{*}"],
    [`1 + #{${DE}`, "unclosed_item", 4, `#{${DE}`],
    ["C{}", "invalid_constant", 0, "C{}"],
    ["C{a.b}", "invalid_constant", 0, "C{a.b}"],
    ["C{abc", "unclosed_item", 0, "C{abc"],
    [`#{${DE} + #{${DE2}}`, "unclosed_item", 0, `#{${DE}`],
    [`(#{${DE}.${COC}\n)`, "unclosed_item", 1, `#{${DE}.${COC}`],
    ["I{abc + 1", "unsupported_item", 0, "I{abc"],
  ])("refuses %j (%s at %i)", (text, code, position, item) => {
    expect(errorOf(text)).toEqual({ code, position, item });
  });

  it("reports the first fault in reading order", () => {
    expect(errorOf("1 1 + I{x}")?.code).toBe("unexpected_token");
    expect(errorOf("I{x} + 1 1")?.code).toBe("unsupported_item");
  });

  it("refuses a tree deeper than it can safely walk, without overflowing the stack", () => {
    expect(errorOf(`${"(".repeat(5000)}1${")".repeat(5000)}`)?.code).toBe("too_deep");
    expect(errorOf(`${"-".repeat(5000)}1`)?.code).toBe("too_deep");
    expect(errorOf(Array(5000).fill("1").join(" + "))?.code).toBe("too_deep");
    const sum = parsed(Array(900).fill(`#{${DE}}`).join(" + "));
    expect(
      evaluate(
        sum,
        () => 2,
        () => null,
      ),
    ).toBe(1800);
    const nested = parsed(`${"(-".repeat(499)}1${")".repeat(499)}`);
    expect(
      evaluate(
        nested,
        () => null,
        () => null,
      ),
    ).toBe(-1);
    expect(parsed(formatExpression(nested))).toEqual(nested);
  });
});

describe("formatExpression", () => {
  it.each([
    [`#{${DE}}+#{${DE2}.${COC}}*C{${K}}`, `#{${DE}} + #{${DE2}.${COC}} * C{${K}}`],
    [`(#{${DE}} + #{${DE2}}) / 2`, `(#{${DE}} + #{${DE2}}) / 2`],
    ["((1))", "1"],
    ["1 - (2 - 3)", "1 - (2 - 3)"],
    ["(1 - 2) - 3", "1 - 2 - 3"],
    ["1 + (2 + 3)", "1 + (2 + 3)"],
    ["1 / (2 * 3)", "1 / (2 * 3)"],
    ["(1 + 2) * (3 - 4)", "(1 + 2) * (3 - 4)"],
    ["-(1 + 2)", "-(1 + 2)"],
    ["- - 1", "--1"],
    ["-2 * 3", "-2 * 3"],
    ["2 * -3", "2 * -3"],
    ["+1", "1"],
    ["1e3 + .5 + 0.25e-6", "1000 + 0.5 + 2.5e-7"],
    ["1e21", "1e+21"],
    [`\n#{${DE}.${COC}.*}\n`, `#{${DE}.${COC}}`],
  ])("writes %j as %j", (text, canonical) => {
    expect(formatExpression(parsed(text))).toBe(canonical);
  });

  it.each([
    `#{${DE}} * 100 / (#{${DE2}.${COC}} + C{${K}})`,
    "1 - (2 - (3 - 4)) / (5 / (6 * 7))",
    "-(-(1)) - -(2 + -3) * --4",
    "((#{a} + #{b}) + (#{c} + #{d})) * (#{e} / (#{f} / #{g}))",
    "1e21 * 1e-7 + 123.456",
  ])("gives back the same tree when its text is read again: %s", (text) => {
    const tree = parsed(text);
    const again = parsed(formatExpression(tree));
    expect(again).toEqual(tree);
    expect(formatExpression(again)).toBe(formatExpression(tree));
  });
});

describe("operandsOf and constantsOf", () => {
  it("lists each operand and constant once, in order of first appearance", () => {
    const expr = parsed(
      `#{${DE2}.${COC}} + #{${DE}} + #{${DE2}} - #{${DE}} * C{${K}} / C{other} + C{${K}} + #{${DE2}.${COC}}`,
    );
    expect(operandsOf(expr)).toEqual([
      { dataElement: DE2, coc: COC },
      { dataElement: DE, coc: null },
      { dataElement: DE2, coc: null },
    ]);
    expect(constantsOf(expr)).toEqual([K, "other"]);
    expect(operandsOf(parsed("1 + 2"))).toEqual([]);
  });
});

describe("evaluate", () => {
  const values: Record<string, number | null> = { a: 30, b: 10, c: null, d: null, z: 0 };
  const lookup = (o: Operand) => (o.coc === null ? (values[o.dataElement] ?? null) : null);
  const constants = (uid: string) => (uid === "k" ? 1000 : null);

  it("computes with operands and constants", () => {
    expect(evaluate(parsed("(#{a} + #{b}) * C{k} / 100"), lookup, constants)).toBe(400);
  });

  it("asks the lookup for a total when no category option combo is named", () => {
    const asked: Operand[] = [];
    const record = (o: Operand) => {
      asked.push(o);
      return 1;
    };
    expect(evaluate(parsed("#{a} + #{a.x} + #{a}"), record, constants)).toBe(3);
    expect(asked).toEqual([
      { dataElement: "a", coc: null },
      { dataElement: "a", coc: "x" },
    ]);
  });

  it.each([
    // text, NEVER_SKIP, SKIP_IF_ANY_VALUE_MISSING, SKIP_IF_ALL_VALUES_MISSING
    ["#{a} + #{b}", 40, 40, 40],
    ["#{a} + #{c}", 30, null, 30],
    ["#{c} + #{d}", 0, null, null],
    ["#{c} + 5", 5, null, null],
    ["#{c} * 2 + #{d}", 0, null, null],
    ["7", 7, 7, 7],
    ["C{k}", 1000, 1000, 1000],
  ])(
    "%s: %s never skipping, %s skipping if any is missing, %s if all are",
    (text, never, any, all) => {
      const expr = parsed(text);
      expect(evaluate(expr, lookup, constants, "NEVER_SKIP")).toBe(never);
      expect(evaluate(expr, lookup, constants, "SKIP_IF_ANY_VALUE_MISSING")).toBe(any);
      expect(evaluate(expr, lookup, constants, "SKIP_IF_ALL_VALUES_MISSING")).toBe(all);
    },
  );

  it("skips only when every value is missing unless told otherwise (DHIS2's default)", () => {
    expect(evaluate(parsed("#{a} + #{c}"), lookup, constants)).toBe(30);
    expect(evaluate(parsed("#{c} + #{d}"), lookup, constants)).toBeNull();
  });

  it("treats a value that is not a finite number as missing", () => {
    const odd = (o: Operand) => (o.dataElement === "n" ? Number.NaN : Number.POSITIVE_INFINITY);
    expect(evaluate(parsed("#{n} + #{i}"), odd, constants)).toBeNull();
    expect(evaluate(parsed("#{n} + #{i} + 1"), odd, constants, "NEVER_SKIP")).toBe(1);
  });

  it("gives no value for a division by zero anywhere, never Infinity or NaN", () => {
    expect(evaluate(parsed("#{a} / #{z}"), lookup, constants)).toBeNull();
    expect(evaluate(parsed("#{a} / 0 + 1"), lookup, constants)).toBeNull();
    expect(evaluate(parsed("0 / 0"), lookup, constants)).toBeNull();
    expect(evaluate(parsed("1 + #{a} / (#{b} - 10)"), lookup, constants)).toBeNull();
    // A missing denominator counted as 0 is a division by zero too.
    expect(evaluate(parsed("#{a} / #{c}"), lookup, constants, "NEVER_SKIP")).toBeNull();
    expect(evaluate(parsed("0 / #{a}"), lookup, constants)).toBe(0);
  });

  it("gives no value for an overflow or an unknown constant", () => {
    expect(evaluate(parsed("1e308 * 10"), lookup, constants)).toBeNull();
    expect(evaluate(parsed("#{a} * C{unknown}"), lookup, constants)).toBeNull();
  });

  it("never answers -0", () => {
    expect(Object.is(evaluate(parsed("-#{z}"), lookup, constants), 0)).toBe(true);
  });
});
