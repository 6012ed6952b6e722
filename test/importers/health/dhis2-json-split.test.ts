// The JSON reader cuts each object of `dataValues` out of the byte stream for JSON.parse: the
// same records must come out whatever the chunk boundaries, whatever braces, quotes or escapes
// the strings hold, and numbers keep their digits.
import { describe, expect, it } from "vitest";
import { readJsonValues } from "../../../src/importers/health/dhis2/json.ts";
import { Dhis2ReadError } from "../../../src/importers/health/dhis2/map.ts";

const DOCUMENT = `{
  "dataSet": "RmaMensuel1",
  "note": "a root string with \\"dataValues\\" and { braces [",
  "other": [{"dataElement": "not a value"}],
  "period": "202201",
  "dataValues": [
    {"dataElement": "CPN1", "orgUnit": "fac1", "value": "12", "comment": "dit \\"ok\\" } ] {"},
    {"dataElement": "CPN4", "orgUnit": "fac1", "value": 12.50, "nested": {"a": [1, {"b": 2}]}},
    {"dataElement": "Accouch", "orgUnit": "fac2", "value": "7", "comment": "Ségou – village, n° 3 \\\\"}
  ]
}`;

async function read(text: string, chunkSize: number) {
  const bytes = new TextEncoder().encode(text);
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.slice(at, at + chunkSize);
  }
  const out = [];
  for await (const batch of readJsonValues(chunks())) out.push(...batch);
  return out;
}

describe("the JSON reader's cut-out values", () => {
  it("reads the same records whatever the chunk size, numbers as written", async () => {
    const whole = await read(DOCUMENT, 1 << 20);
    expect(whole.map((r) => [r.dataElement, r.orgUnit, r.period, r.value, r.comment])).toEqual([
      ["CPN1", "fac1", "202201", "12", 'dit "ok" } ] {'],
      ["CPN4", "fac1", "202201", "12.50", null],
      ["Accouch", "fac2", "202201", "7", "Ségou – village, n° 3 \\"],
    ]);
    for (const size of [1, 2, 3, 7, 64]) expect(await read(DOCUMENT, size)).toEqual(whole);
  });

  it("names the line of a broken value and the value it was reading, at any chunk size", async () => {
    const broken = DOCUMENT.replace('"value": "7"', '"value": 7x');
    for (const size of [1, 5, 1 << 20]) {
      const error = await read(broken, size).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Dhis2ReadError);
      expect({ ...(error as Dhis2ReadError) }).toMatchObject({
        code: "json_malformed",
        line: 9,
        details: { near: 3 },
      });
    }
  });

  it("refuses a value left open at the end of the file", async () => {
    const cut = DOCUMENT.slice(0, DOCUMENT.indexOf('"Accouch"') + 12);
    const error = await read(cut, 16).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Dhis2ReadError).code).toBe("json_malformed");
  });
});
