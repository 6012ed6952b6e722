// A programme dashboard's indicator chart as SVG: one row per district, one bar per year
// (oldest palest), the last year's value at the end of its bar. Drawn directly rather than by
// ECharts: the page is public and its server budget is 100 ms, and a chart of plain bars needs
// nothing ECharts does (a dashboard's three charts cost ~1 ms here against tens of ms there).
// Presentation attributes only: the pages' policy refuses style attributes.
import { formatNumber } from "../../domain/shared/format.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { PAPER } from "../../domain/shared/theme.ts";

export interface ProgrammeChart {
  lang: Lang;
  /** The districts, top to bottom. */
  categories: string[];
  /** One series per year, oldest first. */
  series: { name: string; values: (number | null)[] }[];
  decimals: number;
}

export const PROGRAMME_CHART_WIDTH = 360;
const LABEL_WIDTH = 92;
const VALUE_WIDTH = 40;
const BAR = 8;
const GAP = 1;
const ROW_GAP = 8;
const FONT = "system-ui, sans-serif";

/** The n-th of `count` years' colour: the accent, paler the older the year. */
export function yearColour(index: number, count: number): string {
  const opacity = count <= 1 ? 1 : 0.35 + (0.65 * index) / (count - 1);
  const alpha = Math.round(opacity * 255)
    .toString(16)
    .padStart(2, "0");
  return `${PAPER.accent}${alpha}`;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const r1 = (n: number) => Math.round(n * 10) / 10;
/** A district's name cut to what its column holds (about 6.2 px a letter at 11 px). */
const cut = (s: string) => (s.length <= 14 ? s : `${s.slice(0, 13)}…`);

export function chartHeight(model: ProgrammeChart): number {
  const years = Math.max(1, model.series.length);
  return model.categories.length * (years * (BAR + GAP) + ROW_GAP) + ROW_GAP;
}

export function renderProgrammeChart(model: ProgrammeChart): string {
  const height = chartHeight(model);
  const years = Math.max(1, model.series.length);
  const values = model.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const most = Math.max(0, ...values);
  const span = PROGRAMME_CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const scale = most > 0 ? span / most : 0;
  const label = (v: number) => formatNumber(model.lang, Number(v.toFixed(model.decimals)));
  const rows = model.categories.map((name, row) => {
    const top = ROW_GAP + row * (years * (BAR + GAP) + ROW_GAP);
    const bars = model.series.map((s, k) => {
      const v = s.values[row] ?? null;
      if (v === null) return "";
      const y = top + k * (BAR + GAP);
      const w = Math.max(1, r1(v * scale));
      return (
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR}" fill="${yearColour(k, years)}"><title>${esc(name)}, ${esc(s.name)}: ${label(v)}</title></rect>` +
        (k === years - 1
          ? `<text x="${r1(LABEL_WIDTH + w + 4)}" y="${y + BAR - 1}" font-size="10" fill="${PAPER.ink}">${label(v)}</text>`
          : "")
      );
    });
    const middle = top + (years * (BAR + GAP)) / 2 + 4;
    return (
      `<text x="${LABEL_WIDTH - 6}" y="${r1(middle)}" font-size="11" text-anchor="end" fill="${PAPER.ink}">${esc(cut(name))}</text>` +
      bars.join("")
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PROGRAMME_CHART_WIDTH}" height="${height}" viewBox="0 0 ${PROGRAMME_CHART_WIDTH} ${height}" font-family="${FONT}">` +
    `<line x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" stroke="${PAPER.muted}" stroke-width="1"/>` +
    rows.join("") +
    "</svg>"
  );
}
