import { describe, expect, it } from "vitest";
import { formatDateTime } from "./format.ts";

describe("a moment as a date and time", () => {
  it("says the day and the UTC time, as each language writes them", () => {
    const at = new Date("2026-12-02T14:05:59Z");
    expect(formatDateTime("fr", at)).toBe("2 décembre 2026 à 14:05 UTC");
    expect(formatDateTime("en", at)).toBe("2 December 2026, 14:05 UTC");
  });
});
