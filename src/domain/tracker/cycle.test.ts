import { describe, expect, it } from "vitest";
import { deadlineProblem, isIsoDay, newCycleProblems } from "./cycle.ts";

describe("cycle fields", () => {
  it("takes real calendar days only", () => {
    expect(isIsoDay("2024-02-29")).toBe(true);
    expect(isIsoDay("2023-02-29")).toBe(false);
    expect(isIsoDay("2024-02-31")).toBe(false);
    expect(isIsoDay("2024-2-3")).toBe(false);
  });

  it("refuses a deadline before today, accepts today", () => {
    expect(deadlineProblem("", "2024-03-10")).toBe("required");
    expect(deadlineProblem("2024-03-32", "2024-03-10")).toBe("invalid");
    expect(deadlineProblem("2024-03-09", "2024-03-10")).toBe("past");
    expect(deadlineProblem("2024-03-10", "2024-03-10")).toBeNull();
    expect(deadlineProblem("2025-01-01", "2024-03-10")).toBeNull();
  });

  it("names every problem of a new cycle at once, with its own reason", () => {
    const empty = { slug: "", label: " ", labelEn: null, periodStart: "", periodEnd: "" };
    expect(newCycleProblems(empty, "")).toEqual({
      slug: "required",
      label: "required",
      periodStart: "required",
      periodEnd: "required",
    });
    const bad = {
      slug: "!!!",
      label: "2024",
      labelEn: "x".repeat(201),
      periodStart: "2024-12-31",
      periodEnd: "2024-01-01",
    };
    expect(newCycleProblems(bad, "")).toEqual({
      slug: "invalid",
      labelEn: "too_long",
      periodEnd: "before_start",
    });
    const good = { ...bad, slug: "2024", labelEn: null, periodEnd: "2024-12-31" };
    expect(newCycleProblems(good, "2024")).toEqual({});
  });
});
