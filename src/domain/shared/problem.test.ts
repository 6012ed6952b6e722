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

  it("find the fields longer than their limit, trimmed, ignoring what is not text", () => {
    const limits = { title: 5, place: 5, note: 5 };
    expect(lengthProblems({ title: "abcdef", place: "  abc  ", note: null }, limits)).toEqual({
      title: "too_long",
    });
  });
});
