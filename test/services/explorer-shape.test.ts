// The explorer's chart is capped for a phone (the table keeps every unit), and the unit picker
// lists the tree in order, each unit after its parent, siblings by name.
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/domain/health/periods.ts";
import type { ExplorerRow } from "../../src/reports/health/explorer-model.ts";
import {
  CHART_MAX_BARS,
  CHART_MAX_LINES,
  chartOf,
  treeOrder,
} from "../../src/services/health/explorer-shape.ts";

const periods = ["202201", "202202"].map(
  (id) => parsePeriod(id) ?? { type: "Monthly" as const, id, start: "", end: "" },
);
const labels = new Map([
  ["202201", "janv. 2022"],
  ["202202", "févr. 2022"],
]);
const rows = (units: number, ps = periods): ExplorerRow[] =>
  Array.from({ length: units }, (_, u) =>
    ps.map((p, i) => ({
      unit: `U${u}`,
      unitId: `u${u}`,
      period: labels.get(p.id) ?? p.id,
      periodId: p.id,
      value: u * 10 + i,
      numerator: null,
      denominator: null,
    })),
  ).flat();
const keys = (n: number) => Array.from({ length: n }, (_, u) => `u${u}`);

describe("explorer shape", () => {
  it("draws a line per unit, at most eight, and says how many it kept", () => {
    const few = chartOf(keys(3), periods, rows(3), labels, "fr", 1);
    expect(few.chart.kind).toBe("line");
    expect(few.chart.categories).toEqual(["janv. 2022", "févr. 2022"]);
    expect(few.chart.series.map((s) => [s.name, s.values])).toEqual([
      ["U0", [0, 1]],
      ["U1", [10, 11]],
      ["U2", [20, 21]],
    ]);
    expect(few.capped).toBeNull();
    const many = chartOf(keys(12), periods, rows(12), labels, "fr", 1);
    expect(many.chart.series).toHaveLength(CHART_MAX_LINES);
    expect(many.capped).toBe(CHART_MAX_LINES);
  });

  it("draws bars for one period, at most thirty", () => {
    const one = periods.slice(0, 1);
    const bars = chartOf(keys(40), one, rows(40, one), labels, "fr", 1);
    expect(bars.chart.kind).toBe("bar");
    expect(bars.chart.categories).toHaveLength(CHART_MAX_BARS);
    expect(bars.chart.series[0]?.values.slice(0, 2)).toEqual([0, 10]);
    expect(bars.capped).toBe(CHART_MAX_BARS);
  });

  it("orders the tree: each unit after its parent, siblings by name", () => {
    const unit = (id: number, name: string, path: string, level: number) => ({
      id,
      uid: `U${id}`,
      code: null,
      name,
      shortName: null,
      level,
      path,
    });
    const order = treeOrder(
      [
        unit(3, "Ségou", "/1/3/", 2),
        unit(2, "Kayes", "/1/2/", 2),
        unit(4, "Bla", "/1/3/4/", 3),
        unit(1, "Mali", "/1/", 1),
        unit(5, "Barouéli", "/1/3/5/", 3),
      ],
      "fr",
    );
    expect(order.map((o) => `${o.depth}:${o.unit.name}`)).toEqual([
      "0:Mali",
      "1:Kayes",
      "1:Ségou",
      "2:Barouéli",
      "2:Bla",
    ]);
  });
});
