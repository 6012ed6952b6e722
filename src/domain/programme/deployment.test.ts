import { describe, expect, it } from "vitest";
import {
  type Deployment,
  deployedCounts,
  deployedTimeline,
  deploymentAt,
  deploymentProblems,
  isDeployedAt,
  monthStarts,
  overlaps,
} from "./deployment.ts";

describe("deployed at a day", () => {
  it("counts the first and the last day, and runs on while not ended", () => {
    const p = { startDate: "2022-01-10", endDate: "2022-06-30" };
    expect(isDeployedAt(p, "2022-01-09")).toBe(false);
    expect(isDeployedAt(p, "2022-01-10")).toBe(true);
    expect(isDeployedAt(p, "2022-06-30")).toBe(true);
    expect(isDeployedAt(p, "2022-07-01")).toBe(false);
    expect(isDeployedAt({ startDate: "2024-08-01", endDate: null }, "2030-01-01")).toBe(true);
  });
});

describe("a midwife's deployments", () => {
  const first = { startDate: "2022-01-01", endDate: "2023-12-31" };

  it("may follow one another, day after day, but not share a day", () => {
    expect(overlaps(first, { startDate: "2024-01-01", endDate: null })).toBe(false);
    expect(overlaps(first, { startDate: "2023-12-31", endDate: null })).toBe(true);
    expect(overlaps({ startDate: "2020-01-01", endDate: null }, first)).toBe(true);
    expect(overlaps(first, { startDate: "2021-01-01", endDate: "2021-12-31" })).toBe(false);
  });

  it("refuse an overlap, an end before the start, and an end without a reason", () => {
    const ok = { startDate: "2024-01-01", endDate: null, endReason: null };
    expect(deploymentProblems(ok, [first])).toEqual({});
    expect(deploymentProblems({ ...ok, startDate: "2023-06-01" }, [first])).toEqual({
      startDate: "overlap",
    });
    expect(
      deploymentProblems({ ...ok, endDate: "2023-01-01", endReason: "transferred" }, []),
    ).toEqual({
      endDate: "before_start",
    });
    expect(deploymentProblems({ ...ok, endDate: "2025-01-01" }, [])).toEqual({
      endReason: "required",
    });
    expect(deploymentProblems({ ...ok, endReason: "resigned" }, [])).toEqual({
      endReason: "not_ended",
    });
    expect(deploymentProblems({ ...ok, endDate: "2025-01-01", endReason: "bored" }, [])).toEqual({
      endReason: "invalid",
    });
  });
});

describe("counts per unit at a day", () => {
  // Mali (1) → Ségou (2) → Barouéli (3) → CSCom Boidié (4), CSCom Tamani (5); Sikasso (6) → Koumantou (7).
  const units = [
    { id: 1, path: "/1/" },
    { id: 2, path: "/1/2/" },
    { id: 3, path: "/1/2/3/" },
    { id: 4, path: "/1/2/3/4/" },
    { id: 5, path: "/1/2/3/5/" },
    { id: 6, path: "/1/6/" },
    { id: 7, path: "/1/6/7/" },
  ];
  const facilities = new Map(units.map((u) => [u.id, u.path]));
  const d = (
    id: number,
    midwifeId: number,
    facilityId: number,
    startDate: string,
    endDate: string | null,
  ): Deployment => ({
    id,
    midwifeId,
    facilityId,
    startDate,
    endDate,
    endReason: endDate ? "transferred" : null,
  });
  const deployments = [
    d(1, 1, 4, "2022-01-01", null),
    d(2, 2, 5, "2022-01-01", "2023-06-30"),
    d(3, 2, 7, "2023-07-01", null),
    d(4, 3, 7, "2024-08-01", null),
  ];

  it("count each midwife once in every unit above her facility", () => {
    const at2022 = deployedCounts(deployments, facilities, units, "2022-06-01");
    expect(Object.fromEntries(at2022)).toEqual({ 1: 2, 2: 2, 3: 2, 4: 1, 5: 1, 6: 0, 7: 0 });
    const at2025 = deployedCounts(deployments, facilities, units, "2025-01-01");
    expect(Object.fromEntries(at2025)).toEqual({ 1: 3, 2: 1, 3: 1, 4: 1, 5: 0, 6: 2, 7: 2 });
  });

  it("find where a midwife was at a day", () => {
    const hers = deployments.filter((x) => x.midwifeId === 2);
    expect(deploymentAt(hers, "2023-06-30")?.facilityId).toBe(5);
    expect(deploymentAt(hers, "2023-07-01")?.facilityId).toBe(7);
    expect(deploymentAt(hers, "2021-01-01")).toBeUndefined();
  });

  it("draw a monthly timeline", () => {
    expect(monthStarts("2022-11-15", "2023-02-01")).toEqual([
      "2022-11-01",
      "2022-12-01",
      "2023-01-01",
      "2023-02-01",
    ]);
    expect(deployedTimeline(deployments, ["2021-12-01", "2022-02-01", "2024-09-01"])).toEqual([
      { date: "2021-12-01", count: 0 },
      { date: "2022-02-01", count: 2 },
      { date: "2024-09-01", count: 3 },
    ]);
  });
});
