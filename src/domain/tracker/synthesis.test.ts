import { describe, expect, it } from "vitest";
import {
  commitmentVerdict,
  contributingPartnerIds,
  contributorsPerBlock,
  countByStatus,
  percent,
  summariseCommitments,
} from "./synthesis.ts";

describe("countByStatus", () => {
  it("counts every status, including those that never occur", () => {
    expect(countByStatus(["achieved", "on_track", "achieved"])).toEqual({
      achieved: 2,
      on_track: 1,
      off_track: 0,
      not_assessed: 0,
    });
  });
});

describe("commitmentVerdict", () => {
  it("is red as soon as one indicator is red", () => {
    expect(commitmentVerdict(["achieved", "off_track", "on_track"])).toBe("off_track");
  });
  it("is achieved only when every indicator is achieved", () => {
    expect(commitmentVerdict(["achieved", "achieved"])).toBe("achieved");
    expect(commitmentVerdict(["achieved", "not_assessed"])).toBe("on_track");
  });
  it("is on track when yellow and green mix", () => {
    expect(commitmentVerdict(["achieved", "on_track"])).toBe("on_track");
  });
  it("is not assessed without any assessed indicator", () => {
    expect(commitmentVerdict([])).toBe("not_assessed");
    expect(commitmentVerdict(["not_assessed"])).toBe("not_assessed");
  });
});

describe("summariseCommitments", () => {
  it("gives the 'n of N on track or better' figure", () => {
    const s = summariseCommitments([["achieved"], ["on_track", "achieved"], ["off_track"], []]);
    expect(s.total).toBe(4);
    expect(s.onTrackOrBetter).toBe(2);
    expect(s.verdicts).toEqual({ achieved: 1, on_track: 1, off_track: 1, not_assessed: 1 });
  });
});

describe("contributorsPerBlock", () => {
  const indicators = [
    { id: 1, buildingBlocks: ["leadership_governance" as const] },
    { id: 2, buildingBlocks: ["leadership_governance" as const, "health_financing" as const] },
    { id: 3, buildingBlocks: ["service_delivery" as const] },
  ];
  it("counts a partner once per block, in every block of the indicators it contributes to", () => {
    const blocks = contributorsPerBlock(indicators, [
      { partnerId: 10, indicatorId: 1, contributes: "yes" },
      { partnerId: 10, indicatorId: 2, contributes: "yes" },
      { partnerId: 11, indicatorId: 2, contributes: "yes" },
      { partnerId: 12, indicatorId: 3, contributes: "no" },
      { partnerId: 13, indicatorId: 3, contributes: "unknown" },
    ]);
    const byBlock = Object.fromEntries(blocks.map((b) => [b.block, b.partnerIds]));
    expect(byBlock.leadership_governance).toEqual([10, 11]);
    expect(byBlock.health_financing).toEqual([10, 11]);
    expect(byBlock.service_delivery).toEqual([]);
    expect(byBlock.health_workforce).toEqual([]);
    expect(blocks.map((b) => b.block)).toHaveLength(6);
    expect(blocks.find((b) => b.block === "leadership_governance")?.indicatorCount).toBe(2);
  });
  it("lists distinct contributing partners", () => {
    expect(
      contributingPartnerIds([
        { partnerId: 3, indicatorId: 1, contributes: "yes" },
        { partnerId: 1, indicatorId: 2, contributes: "yes" },
        { partnerId: 3, indicatorId: 2, contributes: "yes" },
        { partnerId: 2, indicatorId: 2, contributes: "no" },
      ]),
    ).toEqual([1, 3]);
  });
});

describe("percent", () => {
  it("rounds and survives an empty total", () => {
    expect(percent(8, 15)).toBe(53);
    expect(percent(0, 0)).toBe(0);
  });
});
