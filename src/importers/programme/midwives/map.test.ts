import { describe, expect, it } from "vitest";
import { planRegister, REGISTER_TEMPLATE_HEADER, registerColumns, registerLine } from "./map.ts";

const today = "2026-12-01";

function read(rows: string[][]) {
  const [header = [], ...body] = rows;
  const h = registerColumns(header);
  if (!h.ok) throw new Error("header");
  return body.map((cells, i) => registerLine(cells, h.columns, i + 2, today));
}

const english = [
  "Name",
  "Qualification",
  "Languages",
  "Phone",
  "E-mail",
  "Facility",
  "Start date",
  "End date",
  "End reason",
  "Trainings",
];

describe("midwife register file", () => {
  it("reads back every column of its templates, in both languages", () => {
    for (const header of Object.values(REGISTER_TEMPLATE_HEADER)) {
      const h = registerColumns(header);
      expect(h.ok && Object.keys(h.columns).length).toBe(header.length);
    }
  });

  it("reads French headers and labels", () => {
    const h = registerColumns([
      "Nom",
      "Qualification",
      "Langues",
      "Téléphone",
      "Courriel",
      "Structure",
      "Date de début",
      "Date de fin",
      "Motif de fin",
      "Formations",
    ]);
    expect(h.ok).toBe(true);
    if (!h.ok) return;
    const l = registerLine(
      [
        "Awa Traoré",
        "Sage-femme",
        "Bambara; Français",
        "+223 70 00 00 01",
        "awa@example.org",
        "CSCOM-1",
        "15/01/2025",
        "",
        "",
        "SONU;2025-02-01;UNFPA|PF;2025-03-01;DRS",
      ],
      h.columns,
      2,
      today,
    );
    expect(l.problems).toEqual([]);
    expect(l.qualification).toBe("midwife");
    expect(l.languages).toEqual(["Bambara", "Français"]);
    expect(l.startDate).toBe("2025-01-15");
    expect(l.trainings.map((t) => t.topic)).toEqual(["emonc", "family_planning"]);
  });

  it("refuses a header without the required columns", () => {
    const h = registerColumns(["Name", "Phone"]);
    expect(h.ok).toBe(false);
    if (!h.ok) expect(h.missing).toEqual(["qualification", "facility", "startDate"]);
  });

  it("gives every row's faults at once, with its row number", () => {
    const lines = read([
      english,
      [
        "",
        "nurse",
        "",
        "abc",
        "no-mail",
        "X9",
        "2025-05-01",
        "2025-04-01",
        "",
        "yoga;2025-01-01;Z",
      ],
      ["Awa", "midwife", "", "", "", "F1", "2025-01-01", "", "resigned", "PF;2030-01-01;Z"],
    ]);
    const plan = planRegister(lines, new Map([["F1", 1]]), new Map());
    expect(plan.accepted).toEqual([]);
    expect(plan.rejected.map((r) => [r.row, r.problems])).toEqual([
      [
        2,
        [
          "name_missing",
          "unknown_qualification",
          "phone_invalid",
          "email_invalid",
          "end_before_start",
          "end_reason_missing",
          "unknown_topic",
          "unknown_facility",
        ],
      ],
      [3, ["end_reason_without_end", "invalid_training_date"]],
    ]);
  });

  it("takes rows of one midwife as her deployments, refusing those that overlap", () => {
    const lines = read([
      english,
      [
        "Awa Traoré",
        "midwife",
        "",
        "70000001",
        "",
        "F1",
        "2024-01-01",
        "2024-06-30",
        "transferred",
        "",
      ],
      ["awa traore", "midwife", "", "70 00 00 01", "", "F2", "2024-07-01", "", "", ""],
      ["Awa Traoré", "midwife", "", "70000001", "", "F1", "2024-03-01", "2024-03-31", "other", ""],
      ["Kadi Diarra", "matrone", "", "70000002", "", "uid00000001", "2023-01-01", "", "", ""],
    ]);
    const plan = planRegister(
      lines,
      new Map([
        ["F1", 1],
        ["F2", 2],
        ["uid00000001", 3],
      ]),
      new Map([["kadidiarra|70000002", [{ startDate: "2022-01-01", endDate: null }]]]),
    );
    expect(plan.rejected.map((r) => [r.row, r.problems])).toEqual([
      [2, ["overlap_in_file"]],
      [4, ["overlap_in_file"]],
      [5, ["overlap_stored"]],
    ]);
    expect(plan.accepted.map((a) => [a.line, a.facilityId])).toEqual([[3, 2]]);
  });
});
