// The explorer's chart, drawn by Apache ECharts on the server as SVG for the page: a line per
// unit over time, or bars (one per unit) for a single period. Sized for a phone (the page
// scales it up on wider screens); the legend is the page's, in HTML, so that it wraps. The SVG
// goes inline into a page whose Content-Security-Policy refuses style attributes: text styles
// become presentation attributes.
import * as echarts from "echarts/core";
// Only the pieces used: the full bundle costs ~100 MB of memory more to load.
import { install as barChart } from "echarts/lib/chart/bar/install.js";
import { install as lineChart } from "echarts/lib/chart/line/install.js";
import { install as grid } from "echarts/lib/component/grid/installSimple.js";
import { install as svgRenderer } from "echarts/lib/renderer/installSVGRenderer.js";

echarts.use([barChart, lineChart, grid, svgRenderer]);

import { formatNumber } from "../../domain/shared/format.ts";
import { PAPER, SERIES } from "../../domain/shared/theme.ts";
import type { ExplorerChart } from "./explorer-model.ts";

export const CHART_WIDTH = 360;
/** The page's own font stack, so that the chart's text matches the table's. */
const FONT = "system-ui, sans-serif";

/** The colour of the n-th series, as the page's legend shows it. */
export function seriesColour(index: number): string {
  return SERIES[index % SERIES.length] as string;
}

/**
 * `style="font-size:12px;font-family:…"` → `font-size="12px" font-family="…"`: the same
 * rendering, allowed by a policy that refuses inline styles. Hover styles (a <style> block and
 * the class names pointing into it) and ECharts' metadata are dropped, the chart being static.
 */
export function staticSvg(svg: string): string {
  return (
    svg
      .replace(/<style[\s\S]*?<\/style>/g, "")
      .replace(/ class="[^"]*"/g, "")
      // What only ECharts' own client reads, and pointer hints for a chart nobody points at.
      .replace(/ (?:ecmeta_[a-z_]+|pointer-events)="[^"]*"/g, "")
      .replace(/ style="([^"]*)"/g, (_, declarations: string) =>
        declarations
          .replace(/&quot;/g, '"')
          .split(";")
          .map((d) => d.trim())
          .filter((d) => /^[a-z-]+\s*:/.test(d))
          .map((d) => {
            const colon = d.indexOf(":");
            const value = d
              .slice(colon + 1)
              .trim()
              .replace(/"/g, "&quot;");
            return ` ${d.slice(0, colon).trim()}="${value}"`;
          })
          .join(""),
      )
  );
}

export function renderExplorerChart(model: ExplorerChart): string {
  const bars = model.kind === "bar";
  const height = bars ? Math.max(120, 40 + model.categories.length * 26) : 240;
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: CHART_WIDTH,
    height,
  });
  const label = (v: number) => formatNumber(model.lang, Number(v.toFixed(model.decimals)));
  const axisText = { color: PAPER.muted, fontSize: 11 };
  const valueAxis = {
    type: "value" as const,
    axisLabel: { ...axisText, formatter: label },
    splitLine: { lineStyle: { color: PAPER.rule, opacity: 0.4 } },
  };
  try {
    chart.setOption({
      animation: false,
      silent: true,
      textStyle: { fontFamily: FONT },
      color: [...SERIES],
      // The axis labels are kept inside the picture (what `containLabel` did before ECharts 6).
      grid: {
        ...(bars
          ? { left: 8, right: 48, top: 8, bottom: 8 }
          : { left: 8, right: 16, top: 16, bottom: 8 }),
        outerBoundsMode: "same",
        outerBoundsContain: "axisLabel",
      },
      ...(bars
        ? {
            // ECharts draws the first category at the bottom: reversed to read from the top.
            yAxis: {
              type: "category",
              data: [...model.categories].reverse(),
              axisLabel: { ...axisText, color: PAPER.ink, width: 120, overflow: "truncate" },
              axisTick: { show: false },
            },
            xAxis: valueAxis,
          }
        : {
            xAxis: {
              type: "category",
              data: model.categories,
              boundaryGap: false,
              axisLabel: { ...axisText, hideOverlap: true },
            },
            yAxis: valueAxis,
          }),
      series: bars
        ? [
            {
              type: "bar",
              data: [...(model.series[0]?.values ?? [])].reverse(),
              itemStyle: { color: seriesColour(0) },
              barWidth: "60%",
              label: {
                show: true,
                position: "right",
                color: PAPER.ink,
                fontSize: 11,
                formatter: (p: { value: number }) => label(p.value),
              },
            },
          ]
        : model.series.map((s, i) => ({
            type: "line",
            name: s.name,
            data: s.values,
            // A gap where a period has no value, rather than a line through it.
            connectNulls: false,
            showSymbol: true,
            symbolSize: 5,
            lineStyle: { width: 2, color: seriesColour(i) },
            itemStyle: { color: seriesColour(i) },
          })),
    });
    return staticSvg(chart.renderToSVGString());
  } finally {
    // Without dispose ECharts keeps timers that hold the process open.
    chart.dispose();
  }
}
