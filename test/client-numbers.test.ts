// The questionnaire's client reads numbers as the server does: a French decimal comma, spaces
// (normal, no-break, narrow no-break) grouping thousands; anything else is not a number. The
// function is taken from the module the browser runs, not copied.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const source = readFileSync(new URL("../src/web/client/questionnaire.js", import.meta.url), "utf8");
const body = /\nfunction number\(text\) \{\n([\s\S]*?)\n\}\n/.exec(source)?.[1] ?? "";
const number = new Function("text", body) as (text: string) => number;

describe("the client's number reading", () => {
  it.each([
    ["12,5", 12.5],
    ["12.5", 12.5],
    ["619", 619],
    ["1 234,5", 1234.5],
    ["1\u00a0234,5", 1234.5],
    ["1\u202f234\u202f567", 1234567],
    [" 33 000 000 ", 33000000],
    ["0", 0],
  ])("reads %j as %d", (text, expected) => {
    expect(number(text)).toBe(expected);
  });

  it.each(["1,2,3", "1.2,3", "12 34", "1 2345", "-3", "abc", "", ",5", "1e3", "?"])(
    "refuses %j",
    (text) => {
      expect(number(text)).toBeNaN();
    },
  );
});
