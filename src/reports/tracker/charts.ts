// Report charts drawn by Apache ECharts on the server, as SVG strings: the same SVG goes inline
// into the HTML report, as vectors into the PDF and (with a PNG fallback) into the DOCX.
import * as echarts from "echarts/core";
// Only the pieces used: the full bundle costs ~100 MB of memory more to load.
import { install as barChart } from "echarts/lib/chart/bar/install.js";
import { install as lineChart } from "echarts/lib/chart/line/install.js";
import { install as scatterChart } from "echarts/lib/chart/scatter/install.js";
import { install as grid } from "echarts/lib/component/grid/installSimple.js";
import { install as legend } from "echarts/lib/component/legend/installLegendPlain.js";
import { install as svgRenderer } from "echarts/lib/renderer/installSVGRenderer.js";

echarts.use([barChart, lineChart, scatterChart, grid, legend, svgRenderer]);

import { type Light, PAPER, PAPER_LIGHTS } from "../../domain/shared/theme.ts";
import { STATUS_COLOUR, STATUSES, type Status } from "../../domain/tracker/status.ts";
import type { StatusCounts } from "../../domain/tracker/synthesis.ts";
import type { Chart } from "../shared/document.ts";
import { FONT_FAMILY } from "../shared/fonts.ts";

/** Each status's traffic-light fill on paper (domain/shared/theme.ts), readable on white. */
export const STATUS_HEX = byStatus((light) => PAPER_LIGHTS[light].fill);
/** Text colour on each status colour. */
export const STATUS_INK = byStatus((light) => PAPER_LIGHTS[light].ink);
export const ACCENT = PAPER.accent;

function byStatus(colour: (light: Light) => string): Record<Status, string> {
  return Object.fromEntries(STATUSES.map((s) => [s, colour(STATUS_COLOUR[s])])) as Record<
    Status,
    string
  >;
}
/** Every chart names this family; the PDF and PNG renderers map it to the embedded font. */
export const CHART_FONT = FONT_FAMILY;

function render(width: number, height: number, option: echarts.EChartsCoreOption): Chart {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    // Static charts: no hover styles (a <style> block that some SVG readers mishandle).
    chart.setOption({
      animation: false,
      silent: true,
      textStyle: { fontFamily: CHART_FONT },
      ...option,
    });
    return { svg: plainSvg(chart.renderToSVGString()), width, height };
  } finally {
    // Without dispose ECharts keeps timers that hold the process open.
    chart.dispose();
  }
}

/**
 * Drops what only an interactive chart needs — the <style> block of hover rules and the class
 * names pointing into it — which LibreOffice's SVG reader mishandles (it drew nothing).
 */
function plainSvg(svg: string): string {
  return svg.replace(/<style[\s\S]*?<\/style>/g, "").replace(/ class="[^"]*"/g, "");
}

// A white halo around value labels is drawn with paint-order, which the PDF's SVG reader ignores.
const valueLabel = { show: true, color: PAPER.ink, fontSize: 13, textBorderWidth: 0 };

/** Horizontal bars: one per building block, the number of contributing organisations. */
export function blocksChart(rows: { label: string; count: number }[]): Chart {
  const ordered = [...rows].reverse(); // ECharts draws the first category at the bottom
  return render(640, 60 + rows.length * 40, {
    // Labels get a fixed band: ECharts measures text with its own metrics, narrower than the
    // embedded font, so fitting the band to the labels would cut the longest one.
    grid: { left: 232, right: 40, top: 10, bottom: 24 },
    xAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 11 } },
    yAxis: {
      type: "category",
      data: ordered.map((r) => r.label),
      axisLabel: { fontSize: 12, color: PAPER.ink, width: 220, overflow: "break" },
      axisTick: { show: false },
    },
    series: [
      {
        type: "bar",
        silent: true,
        emphasis: { disabled: true },
        data: ordered.map((r) => r.count),
        itemStyle: { color: ACCENT },
        barWidth: "60%",
        label: { ...valueLabel, position: "right" },
      },
    ],
  });
}

/** Vertical bars in the traffic-light colours: how many indicators have each status. */
export function statusChart(counts: StatusCounts, label: (s: Status) => string): Chart {
  return render(640, 280, {
    grid: { left: 36, right: 8, top: 24, bottom: 28 },
    xAxis: {
      type: "category",
      data: STATUSES.map(label),
      axisLabel: { fontSize: 12, color: PAPER.ink, interval: 0 },
      axisTick: { show: false },
    },
    yAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 11 } },
    series: [
      {
        type: "bar",
        silent: true,
        emphasis: { disabled: true },
        barWidth: "55%",
        data: STATUSES.map((s) => ({
          value: counts[s],
          itemStyle: { color: STATUS_HEX[s], borderColor: PAPER.muted, borderWidth: 0.5 },
        })),
        label: { ...valueLabel, position: "top" },
      },
    ],
  });
}

export interface OutcomeChartInput {
  unit: string;
  baseline: { year: number; value: number } | null;
  target: { year: number; value: number };
  points: { year: number; value: number; kind: "estimate" | "survey" }[];
  labels: { estimate: string; survey: string; trajectory: string; target: string };
}

/**
 * An outcome goal over the years: the published estimates as a line, surveys as points, the
 * straight trajectory from the baseline to the target (dashed) and the target itself.
 */
export function outcomeChart(o: OutcomeChartInput): Chart {
  const estimates = o.points.filter((p) => p.kind === "estimate").map((p) => [p.year, p.value]);
  const surveys = o.points.filter((p) => p.kind === "survey").map((p) => [p.year, p.value]);
  const years = [...o.points.map((p) => p.year), o.target.year, o.baseline?.year ?? o.target.year];
  const values = [...o.points.map((p) => p.value), o.target.value, o.baseline?.value ?? 0];
  const top = Math.max(...values);
  const line = (data: number[][], name: string, colour: string, dashed = false) => ({
    type: "line",
    name,
    data,
    silent: true,
    symbol: dashed ? "none" : "circle",
    symbolSize: 6,
    lineStyle: { color: colour, width: 2, ...(dashed ? { type: "dashed" } : {}) },
    itemStyle: { color: colour },
  });
  const series = [
    ...(estimates.length > 0 ? [line(estimates, o.labels.estimate, ACCENT)] : []),
    ...(surveys.length > 0
      ? [
          {
            type: "scatter",
            name: o.labels.survey,
            data: surveys,
            silent: true,
            symbol: "diamond",
            symbolSize: 11,
            itemStyle: { color: PAPER.ink },
          },
        ]
      : []),
    ...(o.baseline
      ? [
          line(
            [
              [o.baseline.year, o.baseline.value],
              [o.target.year, o.target.value],
            ],
            o.labels.trajectory,
            PAPER.muted,
            true,
          ),
        ]
      : []),
    {
      type: "scatter",
      name: o.labels.target,
      data: [[o.target.year, o.target.value]],
      silent: true,
      symbol: "triangle",
      symbolSize: 13,
      itemStyle: { color: STATUS_HEX.achieved, borderColor: PAPER.ink, borderWidth: 0.5 },
      label: { ...valueLabel, fontSize: 11, position: "top", formatter: `{@[1]} ${o.unit}` },
    },
  ];
  return render(640, 260, {
    grid: { left: 44, right: 24, top: 40, bottom: 28 },
    legend: {
      top: 4,
      left: "center",
      textStyle: { fontSize: 11, color: PAPER.ink },
      itemHeight: 9,
    },
    xAxis: {
      type: "value",
      min: Math.min(...years),
      max: Math.max(...years),
      minInterval: 1,
      // Years, not amounts: no thousands separator.
      axisLabel: { fontSize: 11, formatter: (v: number) => String(v) },
    },
    yAxis: {
      type: "value",
      min: 0,
      max: Math.ceil((top * 1.15) / 5) * 5,
      axisLabel: { fontSize: 11, formatter: `{value}` },
      name: o.unit,
      nameTextStyle: { fontSize: 11 },
    },
    series,
  });
}
