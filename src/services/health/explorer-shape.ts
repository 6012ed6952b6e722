// The explorer's table put in shape: units in tree order for the picker, periods as the page
// writes them, and the chart drawn from the table (a line per unit, or bars for one period),
// capped to what a phone shows.

import type { UnitSummary } from "../../db/health/org-units.ts";
import type { Period } from "../../domain/health/periods.ts";
import { formatMonth } from "../../domain/shared/format.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { translator } from "../../i18n/index.ts";
import type { ExplorerChart, ExplorerRow } from "../../reports/health/explorer-model.ts";

/** Lines drawn at most (one per unit): more would be a tangle on a phone. */
export const CHART_MAX_LINES = 8;
/** Bars drawn at most (one per unit, for one period). */
export const CHART_MAX_BARS = 30;

/** Units in tree order, each after its parent, siblings by name. */
export function treeOrder(
  units: readonly UnitSummary[],
  lang: Lang,
): { unit: UnitSummary; depth: number }[] {
  const collator = lang === "fr" ? FR : EN;
  const byParent = new Map<string, UnitSummary[]>();
  for (const u of units) {
    const parent = u.path.slice(0, u.path.slice(0, -1).lastIndexOf("/") + 1);
    const list = byParent.get(parent) ?? [];
    list.push(u);
    byParent.set(parent, list);
  }
  const known = new Set(units.map((u) => u.path));
  const out: { unit: UnitSummary; depth: number }[] = [];
  const visit = (parentPath: string, depth: number) => {
    const children = (byParent.get(parentPath) ?? []).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
    for (const c of children) {
      out.push({ unit: c, depth });
      visit(c.path, depth + 1);
    }
  };
  // The tops: units whose parent is not listed.
  for (const parent of [...byParent.keys()].filter((p) => !known.has(p)).sort()) visit(parent, 0);
  return out;
}

const FR = new Intl.Collator("fr");
const EN = new Intl.Collator("en");

/** A period as the page writes it: "janv. 2022", "T1 2022", "2022". */
export function periodLabel(period: Period, lang: Lang): string {
  if (period.type === "Monthly") return formatMonth(lang, period.start, "short");
  if (period.type === "Quarterly")
    return translator(lang)("hx.quarter", {
      quarter: Number(period.id.slice(5)),
      year: period.id.slice(0, 4),
    });
  return period.id;
}

/** A line per unit over the periods, or for one period a bar per unit; capped for a phone. */
export function chartOf(
  unitKeys: readonly string[],
  periods: readonly Period[],
  rows: readonly ExplorerRow[],
  labels: ReadonlyMap<string, string>,
  lang: Lang,
  decimals: number,
): { chart: ExplorerChart; capped: number | null } {
  const byUnit = new Map<string, ExplorerRow[]>();
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  if (periods.length === 1) {
    const shown = unitKeys.slice(0, CHART_MAX_BARS);
    const first = (k: string) => byUnit.get(k)?.[0];
    return {
      chart: {
        lang,
        kind: "bar",
        categories: shown.map((k) => first(k)?.unit ?? k),
        series: [{ name: "", values: shown.map((k) => first(k)?.value ?? null) }],
        decimals,
      },
      capped: unitKeys.length > shown.length ? shown.length : null,
    };
  }
  const shown = unitKeys.slice(0, CHART_MAX_LINES);
  return {
    chart: {
      lang,
      kind: "line",
      categories: periods.map((p) => labels.get(p.id) ?? p.id),
      series: shown.map((k) => ({
        name: byUnit.get(k)?.[0]?.unit ?? k,
        values: (byUnit.get(k) ?? []).map((r) => r.value),
      })),
      decimals,
    },
    capped: unitKeys.length > shown.length ? shown.length : null,
  };
}
