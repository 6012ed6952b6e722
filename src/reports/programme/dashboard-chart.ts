// A programme dashboard's indicator chart, drawn by Apache ECharts on the server as SVG: one
// row per district, one bar per year (oldest palest), the value at the end of each bar. Sized
// for a phone; the years' legend is the page's, in HTML. Text styles become presentation
// attributes, as in the explorer's chart, for a page whose policy refuses style attributes.
import * as echarts from "echarts/core";
import { install as barChart } from "echarts/lib/chart/bar/install.js";
import { install as grid } from "echarts/lib/component/grid/installSimple.js";
import { install as svgRenderer } from "echarts/lib/renderer/installSVGRenderer.js";
import { formatNumber } from "../../domain/shared/format.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { PAPER } from "../../domain/shared/theme.ts";
import { staticSvg } from "../health/explorer-chart.ts";

echarts.use([barChart, grid, svgRenderer]);

export interface ProgrammeChart {
  lang: Lang;
  /** The districts, top to bottom. */
  categories: string[];
  /** One series per year, oldest first. */
  series: { name: string; values: (number | null)[] }[];
  decimals: number;
}

export const PROGRAMME_CHART_WIDTH = 360;
const FONT = "system-ui, sans-serif";

/** The n-th of `count` years' colour: the accent, paler the older the year. */
export function yearColour(index: number, count: number): string {
  const opacity = count <= 1 ? 1 : 0.35 + (0.65 * index) / (count - 1);
  const alpha = Math.round(opacity * 255)
    .toString(16)
    .padStart(2, "0");
  return `${PAPER.accent}${alpha}`;
}

export function chartHeight(model: ProgrammeChart): number {
  return 24 + model.categories.length * (8 + 9 * Math.max(1, model.series.length));
}

export function renderProgrammeChart(model: ProgrammeChart): string {
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: PROGRAMME_CHART_WIDTH,
    height: chartHeight(model),
  });
  const label = (v: number) => formatNumber(model.lang, Number(v.toFixed(model.decimals)));
  const axisText = { color: PAPER.muted, fontSize: 11 };
  try {
    chart.setOption({
      animation: false,
      silent: true,
      textStyle: { fontFamily: FONT },
      grid: {
        left: 8,
        right: 40,
        top: 4,
        bottom: 4,
        outerBoundsMode: "same",
        outerBoundsContain: "axisLabel",
      },
      // ECharts draws the first category at the bottom: reversed to read from the top.
      yAxis: {
        type: "category",
        data: [...model.categories].reverse(),
        axisLabel: { ...axisText, color: PAPER.ink, width: 90, overflow: "truncate" },
        axisTick: { show: false },
      },
      xAxis: {
        type: "value",
        axisLabel: { show: false },
        splitLine: { show: false },
      },
      series: model.series.map((s, i) => ({
        type: "bar",
        name: s.name,
        data: [...s.values].reverse(),
        barGap: "10%",
        barCategoryGap: "18%",
        itemStyle: { color: yearColour(i, model.series.length) },
        label: {
          // Only the last year's figure is written: the bars above it show the way there.
          show: i === model.series.length - 1,
          position: "right",
          color: PAPER.ink,
          fontSize: 10,
          formatter: (p: { value: number | null }) => (p.value === null ? "" : label(p.value)),
        },
      })),
    });
    return staticSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
