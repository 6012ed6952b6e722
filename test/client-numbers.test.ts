// The questionnaire's client sends numbers and links as typed ("12,5", "-3", "rapport annuel"):
// the server reads them with the domain's rule and keeps the invalid rows in the draft. The
// client's row n must be the server's row n, so that a problem is shown beside the right row.
// The function is taken from the module the browser runs, not copied.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readRows } from "../src/domain/tracker/response.ts";

const source = readFileSync(new URL("../src/web/client/questionnaire.js", import.meta.url), "utf8");
const body = /\nfunction wire\(a\) \{\n([\s\S]*?)\n\}\n/.exec(source)?.[1] ?? "";

interface Row {
  row: number;
  [key: string]: unknown;
}
interface Typed {
  contributes: string;
  outputs: Row[];
  evidence: Row[];
}
interface Wire {
  body: {
    outputs: { value: string; unit: string }[];
    evidence: { url: string; title: string | null }[];
  };
  pos: { outputs: number[]; evidence: number[] };
}
const wire = new Function("a", body) as (a: Typed) => Wire;

/** Rows as the client reads a form: the pairs that are not wholly empty, with their place. */
function typed(outputs: [string, string][], evidence: [string, string][]): Typed {
  const rows = (pairs: [string, string][], x: string, y: string) =>
    pairs
      .map(([a, b], i) => ({ [x]: a.trim(), [y]: b.trim(), row: i + 1 }))
      .filter((r) => r[x] || r[y]);
  return {
    contributes: "yes",
    outputs: rows(outputs, "value", "unit"),
    evidence: rows(evidence, "url", "title"),
  };
}

describe("the client's request body", () => {
  it("sends every row as typed, the ones that are not valid yet and title-only links included", () => {
    const sent = wire(
      typed(
        [
          ["12,5", "sessions"],
          ["", ""],
          ["-3", "kits"],
          ["1 234", ""],
        ],
        [
          ["rapport annuel", ""],
          ["", "Rapport sans lien"],
          ["https://example.org/r", "Rapport"],
        ],
      ),
    );
    expect(sent.body.outputs).toEqual([
      { value: "12,5", unit: "sessions" },
      { value: "-3", unit: "kits" },
      { value: "1 234", unit: "" },
    ]);
    expect(sent.body.evidence).toEqual([
      { url: "rapport annuel", title: null },
      { url: "", title: "Rapport sans lien" },
      { url: "https://example.org/r", title: "Rapport" },
    ]);
    // The empty pair between them is the form's, not a row: row 2 of the body is the third pair.
    expect(sent.pos).toEqual({ outputs: [1, 3, 4], evidence: [1, 2, 3] });
  });

  it("numbers rows as the domain does, so a problem lands beside the row it is about", () => {
    const sent = wire(
      typed(
        [
          ["", ""],
          ["12,5", "sessions"],
          ["-3", "kits"],
          ["abc", "kits"],
          ["7", ""],
        ],
        [
          ["", ""],
          ["rapport annuel", ""],
          ["https://example.org/r", ""],
        ],
      ),
    );
    const read = readRows(sent.body);
    // The domain keeps every row sent (none is wholly empty), in the same order.
    expect(read.kept).toEqual({
      outputs: sent.body.outputs,
      evidence: sent.body.evidence,
    });
    expect(read.outputs).toEqual([{ value: 12.5, unit: "sessions" }]);
    const placed = read.problems.map((p) => [p.list, sent.pos[p.list][p.row - 1], p.reason]);
    expect(placed).toEqual([
      ["outputs", 3, "negative"],
      ["outputs", 4, "value"],
      ["outputs", 5, "unit"],
      ["evidence", 2, "url"],
    ]);
  });
});
