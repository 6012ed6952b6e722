import { describe, expect, it } from "vitest";
import { commitmentVerdict, countVerdicts, validatedVerdict } from "./verdict.ts";

describe("the verdict rule", () => {
  it("gives red for one red indicator, green only when all are green", () => {
    expect(commitmentVerdict(["achieved", "off_track", "on_track"])).toBe("off_track");
    expect(commitmentVerdict(["achieved", "achieved"])).toBe("achieved");
    expect(commitmentVerdict(["achieved", "on_track"])).toBe("on_track");
    expect(commitmentVerdict(["achieved", "not_assessed"])).toBe("on_track");
    expect(commitmentVerdict(["not_assessed"])).toBe("not_assessed");
  });
});

describe("validatedVerdict", () => {
  it("keeps the rule's verdict when the meeting recorded none or the same", () => {
    expect(validatedVerdict(["achieved", "on_track"], null)).toEqual({
      status: "on_track",
      computed: "on_track",
      reason: null,
    });
    expect(
      validatedVerdict(["achieved", "on_track"], { status: "on_track", reason: "same" }),
    ).toEqual({ status: "on_track", computed: "on_track", reason: null });
  });
  it("prints the meeting's verdict with the rule's and the reason", () => {
    expect(
      validatedVerdict(["achieved", "on_track"], { status: "off_track", reason: "slow" }),
    ).toEqual({ status: "off_track", computed: "on_track", reason: "slow" });
  });
  it("counts the headline from the verdicts printed", () => {
    const s = countVerdicts(["on_track", "off_track", "achieved", "off_track"]);
    expect(s.onTrackOrBetter).toBe(2);
    expect(s.total).toBe(4);
  });
});
