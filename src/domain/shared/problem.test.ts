import { describe, expect, it } from "vitest";
import { fieldLimits, fieldReasons, invalidFields, lengthProblems, Problem } from "./problem.ts";

describe("form refusals", () => {
  it("keep a too-long field's limit beside its reason, and only for too-long fields", () => {
    const problem = invalidFields(
      { title: "too_long", place: "required" },
      { title: 300, place: 300, titleEn: 300 },
    );
    expect(fieldReasons(problem)).toEqual({ title: "too_long", place: "required" });
    expect(fieldLimits(problem)).toEqual({ title: 300 });
  });

  it("read a one-field problem's reason and limit", () => {
    const problem = new Problem("invalid_input", "reason", { reason: "too_long", max: 2000 });
    expect(fieldReasons(problem)).toEqual({ reason: "too_long" });
    expect(fieldLimits(problem)).toEqual({ reason: 2000 });
    expect(fieldLimits(new Problem("invalid_input", "email"))).toEqual({});
  });

  it("carry every refused field as an issue: where, why and what its message needs", () => {
    const problem = invalidFields({ email: "taken", name: "too_long" }, { name: 80, email: 254 });
    expect(problem.issues).toEqual([
      { path: "email", code: "taken", params: {} },
      { path: "name", code: "too_long", params: { max: 80 } },
    ]);
    const row = new Problem("invalid_input", "outputs", { row: 2, reason: "unit" });
    expect(row.issues).toEqual([{ path: "outputs", code: "unit", params: { row: 2 } }]);
    const named = new Problem("invalid_input", "field", { field: "answer.outputs.0.unit" });
    expect(named.issues).toEqual([{ path: "answer.outputs.0.unit", code: "invalid", params: {} }]);
    expect(new Problem("conflict", "published").issues).toEqual([]);
  });

  it("find the fields longer than their limit, trimmed, ignoring what is not text", () => {
    const limits = { title: 5, place: 5, note: 5 };
    expect(lengthProblems({ title: "abcdef", place: "  abc  ", note: null }, limits)).toEqual({
      title: "too_long",
    });
  });
});
