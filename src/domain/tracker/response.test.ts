import { describe, expect, it } from "vitest";
import {
  answerProgress,
  isEmptyAnswer,
  readRows,
  stateAfterSave,
  submitProblem,
} from "./response.ts";

const empty = {
  contributes: "unknown" as const,
  activities: null,
  collaboratorIds: [],
  collaboratorsText: null,
  difficulties: null,
  outputs: [],
  evidence: [],
};

describe("readRows", () => {
  it("keeps valid rows as the answer and names what is wrong with the others", () => {
    const read = readRows({
      outputs: [
        { value: "12,5", unit: " km " },
        { value: "", unit: "" },
        { value: "-3", unit: "prestataires" },
        { value: "1,2,3", unit: "doses" },
        { value: "8", unit: "" },
        { value: 4, unit: "kits" },
        { value: Number.NaN, unit: "kits" },
        { value: "", unit: "sans nombre" },
      ],
      evidence: [
        { url: "https://example.org/r.pdf", title: " Rapport " },
        { url: "", title: null },
        { url: "rapport annuel", title: null },
        { url: "", title: "Sans lien" },
        { url: "javascript:alert(1)", title: null },
      ],
    });
    expect(read.outputs).toEqual([
      { value: 12.5, unit: "km" },
      { value: 4, unit: "kits" },
    ]);
    expect(read.evidence).toEqual([{ url: "https://example.org/r.pdf", title: "Rapport" }]);
    // Numbered as the rows that remain once the form's spare empty rows are dropped.
    expect(read.problems).toEqual([
      { list: "outputs", row: 2, reason: "negative" },
      { list: "outputs", row: 3, reason: "value" },
      { list: "outputs", row: 4, reason: "unit" },
      { list: "outputs", row: 6, reason: "value" },
      { list: "outputs", row: 7, reason: "value" },
      { list: "evidence", row: 2, reason: "url" },
      { list: "evidence", row: 3, reason: "url" },
      { list: "evidence", row: 4, reason: "url" },
    ]);
    expect(read.kept.outputs.map((o) => o.value)).toEqual([
      "12,5",
      "-3",
      "1,2,3",
      "8",
      4,
      Number.NaN,
      "",
    ]);
    expect(read.kept.evidence).toHaveLength(4);
  });
});

describe("the submit rule", () => {
  it("calls an answer empty only when nothing at all is in it", () => {
    expect(isEmptyAnswer(empty)).toBe(true);
    expect(isEmptyAnswer({ ...empty, activities: "  " })).toBe(true);
    expect(isEmptyAnswer({ ...empty, contributes: "no" })).toBe(false);
    expect(isEmptyAnswer({ ...empty, difficulties: "Ruptures" })).toBe(false);
    expect(isEmptyAnswer({ ...empty, collaboratorIds: [3] })).toBe(false);
    expect(isEmptyAnswer(empty, { outputs: [{ value: "-3", unit: "" }], evidence: [] })).toBe(
      false,
    );
  });

  it("needs the yes/no answer and no row left to correct", () => {
    expect(submitProblem(empty, [])).toBe("contributes");
    expect(submitProblem({ contributes: "unknown" }, [])).toBe("contributes");
    expect(submitProblem({ contributes: "no" }, [])).toBeNull();
    const row = { list: "outputs", row: 2, reason: "negative" } as const;
    expect(submitProblem({ contributes: "yes" }, [row])).toEqual(row);
  });

  it("keeps a submitted answer submitted only while it still has its yes/no", () => {
    expect(stateAfterSave(null, false, { contributes: "yes" })).toBe("draft");
    expect(stateAfterSave("draft", true, { contributes: "yes" })).toBe("submitted");
    expect(stateAfterSave("submitted", false, { contributes: "no" })).toBe("submitted");
    expect(stateAfterSave("submitted", false, { contributes: "unknown" })).toBe("draft");
    expect(stateAfterSave("returned", false, { contributes: "yes" })).toBe("returned");
    // Rows still to correct take a submitted answer back to draft.
    const bad = [{ list: "outputs", row: 1, reason: "negative" }] as const;
    expect(stateAfterSave("submitted", false, { contributes: "yes" }, bad)).toBe("draft");
  });

  it("counts started answers without the empty drafts, and submitted with the validated", () => {
    expect(
      answerProgress(4, [
        { state: "draft", empty: true },
        { state: "draft", empty: false },
        { state: "submitted", empty: false },
        { state: "validated", empty: false },
      ]),
    ).toEqual({ mapped: 4, started: 3, submitted: 2 });
  });
});
