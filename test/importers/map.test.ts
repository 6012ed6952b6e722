// The pure mapping of questionnaire rows: each row becomes an answer or a rejection naming its row.
import { describe, expect, it } from "vitest";
import {
  formatOutputs,
  type QuestionnaireColumn,
} from "../../src/domain/tracker/questionnaire-file.ts";
import {
  mapRows,
  type SheetRow,
  unneutralise,
} from "../../src/importers/tracker/spreadsheet/map.ts";

const row = (n: number, cells: Partial<Record<QuestionnaireColumn, string>>): SheetRow => ({
  row: n,
  cells: {
    commitment: "1",
    number: "1.1",
    title: "Titre",
    contributes: "",
    activities: "",
    collaborators: "",
    difficulties: "",
    outputs: "",
    evidence: "",
    code: "a",
    version: "0",
    ...cells,
  },
});

const known = new Set(["a", "b", "c", "d"]);

describe("mapRows", () => {
  it("reads a filled row in either language", () => {
    const [r] = mapRows(
      [
        row(2, {
          contributes: "oui",
          activities: "  Formations  ",
          outputs: "619 prestataires formés; 3,5 km;\n12 sessions",
          evidence: "https://example.org/a Rapport annuel\n\nhttp://example.org/b",
          version: "3",
        }),
      ],
      known,
    );
    expect(r).toEqual({
      kind: "answer",
      row: 2,
      code: "a",
      version: 3,
      answer: {
        contributes: "yes",
        activities: "Formations",
        collaboratorsText: null,
        difficulties: null,
        outputs: [
          { value: 619, unit: "prestataires formés" },
          { value: 3.5, unit: "km" },
          { value: 12, unit: "sessions" },
        ],
        evidence: [
          { url: "https://example.org/a", title: "Rapport annuel" },
          { url: "http://example.org/b", title: null },
        ],
      },
    });
    const [en] = mapRows([row(3, { contributes: "No", code: "b" })], known);
    expect(en?.kind === "answer" && en.answer.contributes).toBe("no");
    const [blank] = mapRows([row(4, { activities: "x" })], known);
    expect(blank?.kind === "answer" && blank.answer.contributes).toBe("unknown");
  });

  it("rejects bad rows with their number and reason", () => {
    const results = mapRows(
      [
        row(2, { code: "zz", contributes: "Oui" }),
        row(3, { code: "a", contributes: "peut-être" }),
        row(4, { code: "b", outputs: "abc prestataires" }),
        row(5, { code: "c", outputs: "12" }),
        row(6, { code: "d", evidence: "www.example.org" }),
        row(7, { code: "a", version: "x" }),
      ],
      known,
    );
    expect(
      results.map((r) => (r.kind === "rejected" ? [r.row, r.reason, r.value] : r.kind)),
    ).toEqual([
      [2, "unknown_indicator", "zz"],
      [3, "contributes", "peut-être"],
      [4, "output_value", "abc"],
      [5, "output_unit", "12"],
      [6, "evidence_url", "www.example.org"],
      [7, "duplicate", "a"],
    ]);
  });

  it("reads numbers in text cells as the page does: decimal comma, spaces between thousands", () => {
    const results = mapRows(
      [
        row(2, {
          code: "a",
          outputs: "33 000 000 FCFA alloués; 12,5 km;\n1\u202f234,5 doses; 1\u00a0200 kits",
        }),
        row(3, { code: "b", outputs: "1,2,3 doses" }),
        row(4, { code: "c", outputs: "12abc sessions" }),
        row(5, { code: "d", outputs: "-5 doses" }),
      ],
      known,
    );
    const [first, ...bad] = results;
    expect(first?.kind === "answer" && first.answer.outputs).toEqual([
      { value: 33_000_000, unit: "FCFA alloués" },
      { value: 12.5, unit: "km" },
      { value: 1234.5, unit: "doses" },
      { value: 1200, unit: "kits" },
    ]);
    expect(bad.map((r) => (r.kind === "rejected" ? [r.row, r.reason, r.value] : r.kind))).toEqual([
      [3, "output_value", "1,2,3"],
      [4, "output_value", "12abc"],
      [5, "output_value", "-5"],
    ]);
  });

  it("reads back the outputs the export writes, in either language", () => {
    const outputs = [
      { value: 33_000_000, unit: "FCFA alloués" },
      { value: 12.5, unit: "km" },
      { value: 1234.75, unit: "doses" },
    ];
    expect(formatOutputs(outputs, "fr")).toBe(
      "33\u00a0000\u00a0000 FCFA alloués; 12,5 km; 1\u00a0234,75 doses",
    );
    for (const lang of ["fr", "en"] as const) {
      const [r] = mapRows([row(2, { code: "a", outputs: formatOutputs(outputs, lang) })], known);
      expect(r?.kind === "answer" && r.answer.outputs).toEqual(outputs);
    }
  });

  it("keeps the rows an answer keeps as typed when the file hands them back as exported", () => {
    const held = new Map([
      [
        "a",
        {
          outputs: [
            { value: "1;2", unit: "kits" },
            { value: "", unit: "doses" },
          ],
          evidence: [{ url: "www.example.org", title: null }],
        },
      ],
      ["b", { outputs: [{ value: "douze", unit: "kits" }], evidence: [] }],
    ]);
    const results = mapRows(
      [
        // Untouched, whatever ";" the typed texts hold.
        row(2, { code: "a", outputs: "1;2 kits; doses", evidence: "www.example.org" }),
        // One kept row left as it was, a new valid one beside it.
        row(3, { code: "b", outputs: "douze kits; 3 sessions" }),
        // A kept row of another answer is no kept row here.
        row(4, { code: "c", outputs: "douze kits" }),
      ],
      known,
      held,
    );
    expect(results.map((r) => (r.kind === "answer" ? r.answer.outputs : r.reason))).toEqual([
      held.get("a")?.outputs,
      [
        { value: "douze", unit: "kits" },
        { value: 3, unit: "sessions" },
      ],
      "output_value",
    ]);
    expect(results[0]?.kind === "answer" && results[0].answer.evidence).toEqual(
      held.get("a")?.evidence,
    );
  });

  it("skips empty rows and reads formula-like texts as texts", () => {
    const empty = row(2, {});
    for (const k of Object.keys(empty.cells) as QuestionnaireColumn[]) empty.cells[k] = "";
    const results = mapRows(
      [empty, row(3, { activities: "'=SUM(A1)", difficulties: "-x" })],
      known,
    );
    expect(results).toHaveLength(1);
    const [r] = results;
    expect(r?.kind === "answer" && [r.answer.activities, r.answer.difficulties]).toEqual([
      "=SUM(A1)",
      "-x",
    ]);
    expect(unneutralise("'=1")).toBe("=1");
    expect(unneutralise("'plain")).toBe("'plain");
  });
});
