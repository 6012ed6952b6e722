// The indicator explorer's read model: what the viewer may pick (public indicators for anyone,
// data elements and the rest for health.read), the request checked field by field, and the
// answer of the analytics service shaped as a unit × period table and a chart. The downloads
// (CSV here, the workbook and the chart in the rendering worker) take the same table.

import { elementIdsByKeys, findIndicator } from "../../db/health/catalogue.ts";
import {
  deepestLevel,
  elementChoices,
  indicatorChoices,
  latestMonth,
  levelNames,
  unitsDownTo,
} from "../../db/health/explorer.ts";
import { findUnits, unitsAtLevel } from "../../db/health/org-units.ts";
import { recordAudit } from "../../db/shared/audit.ts";
import { holdsDemoData } from "../../db/shared/import-batches.ts";
import {
  analyticsSearch,
  EXPLORER_PERIOD_TYPES,
  type ExplorerPeriodType,
  type ExplorerRequest,
  explorerPeriods,
  explorerQuery,
  MAX_PERIODS,
  MAX_ROWS,
  monthOfDay,
  monthOfId,
  yearEndingWith,
} from "../../domain/health/explorer.ts";
import { operandsOf, parseExpression } from "../../domain/health/expressions.ts";
import type { Period } from "../../domain/health/periods.ts";
import { type Lang, pick } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel, can } from "../../domain/shared/policy.ts";
import { notFound, Problem } from "../../domain/shared/problem.ts";
import { translator } from "../../i18n/index.ts";
import { renderExplorerCsv } from "../../reports/health/explorer-csv.ts";
import type {
  ExplorerChart,
  ExplorerRow,
  ExplorerSheet,
} from "../../reports/health/explorer-model.ts";
import type { Db } from "../shared/db.ts";
import type { Renderer } from "../shared/rendering.ts";
import { runAnalytics } from "./analytics.ts";
import { chartOf, periodLabel, treeOrder } from "./explorer-shape.ts";

export { CHART_MAX_BARS, CHART_MAX_LINES, periodLabel } from "./explorer-shape.ts";

/** The picker lists units down to this level; deeper ones are reached as a level inside one. */
const PICKER_MAX_LEVEL = 3;

/** The form's fields as the URL gives them (anything absent is ""). */
export interface ExplorerParams {
  dx: string;
  ou: string;
  level: string;
  pt: string;
  from: string;
  to: string;
}

export type ExplorerField = "dx" | "ou" | "level" | "from" | "to";
export type ExplorerError =
  | { reason: "month" | "order" | "unit" | "level" }
  | { reason: "tooMany"; max: number }
  | { reason: "tooManyRows"; count: number; max: number };

export interface ExplorerResult {
  name: string;
  kind: "indicator" | "element";
  sheet: ExplorerSheet;
  /** Null when no value is there to draw. */
  chart: ExplorerChart | null;
  /** Units left out of the chart (the table has them all). */
  chartCapped: number | null;
  /** The same question to /api/analytics, as its query string. */
  apiSearch: string;
  hasData: boolean;
}

export interface ExplorerPage {
  /** Whether the viewer reads more than the public indicators. */
  mayReadAll: boolean;
  /** Whether the demo's synthetic values are loaded (said above the figures). */
  synthetic: boolean;
  indicators: { key: string; name: string }[];
  elements: { key: string; name: string }[];
  /** The units to pick, in tree order (`depth` 0 for the top). */
  units: { key: string; name: string; depth: number }[];
  /** Levels a breakdown may ask for (below the chosen unit's). */
  levels: { level: number; name: string }[];
  /** The form as it is filled in (defaults included). */
  form: { dx: string; ou: string; level: string; pt: ExplorerPeriodType; from: string; to: string };
  errors: Partial<Record<ExplorerField, ExplorerError>>;
  result: ExplorerResult | null;
}

const keyOf = (u: { uid: string | null; code: string | null; id: number }) =>
  u.uid ?? u.code ?? String(u.id);

/** The refusal of a dx item the viewer may not read, the same whether it exists or not. */
function refusal(actor: Actor, dx: string): Problem {
  if (can(actor, "health.read")) return notFound("indicator", dx);
  return new Problem(actor.kind === "anonymous" ? "unauthenticated" : "forbidden", "indicator");
}

/** The elements an indicator's expressions name (or the element itself), for a default range. */
async function elementIdsOf(db: Db, dx: string, kind: "indicator" | "element"): Promise<number[]> {
  const keys = new Set<string>();
  if (kind === "element") keys.add(dx);
  else {
    const indicator = await findIndicator(db, dx);
    for (const text of [indicator?.numerator ?? "", indicator?.denominator ?? ""]) {
      const parsed = parseExpression(text);
      if (parsed.ok) for (const o of operandsOf(parsed.value)) keys.add(o.dataElement);
    }
  }
  return elementIdsByKeys(db, [...keys]);
}

export async function explorePage(
  db: Db,
  actor: Actor,
  lang: Lang,
  params: ExplorerParams,
  today: Date = new Date(),
): Promise<ExplorerPage> {
  const mayReadAll = can(actor, "health.read");
  const t = translator(lang);
  const indicatorRows = await indicatorChoices(db, { publicOnly: !mayReadAll });
  const indicators = indicatorRows.map((i) => ({ key: i.key, name: pick(i.name, lang) }));
  const elementRows = mayReadAll ? await elementChoices(db) : [];
  const elements = elementRows.map((e) => ({ key: e.key, name: pick(e.name, lang) }));
  const deepest = await deepestLevel(db);
  const listed = treeOrder(
    await unitsDownTo(db, Math.min(PICKER_MAX_LEVEL, Math.max(1, deepest - 1))),
    lang,
  );
  const units = listed.map(({ unit, depth }) => ({ key: keyOf(unit), name: unit.name, depth }));
  const allLevels = (await levelNames(db)).map((l) => ({
    level: l.level,
    name: pick(l.name, lang),
  }));

  // An item by its uid or its code, as analytics takes it; the form then names it by its key.
  const asked = params.dx.trim();
  const indicator = indicatorRows.find((i) => i.key === asked || i.code === asked);
  const elementRow = indicator
    ? undefined
    : elementRows.find((e) => e.key === asked || e.code === asked);
  const element = elementRow && elements.find((e) => e.key === elementRow.key);
  if (asked !== "" && !indicator && !element) throw refusal(actor, asked);
  const dx = indicator?.key ?? element?.key ?? "";
  const kind = indicator ? "indicator" : "element";

  const errors: ExplorerPage["errors"] = {};
  const pt = (EXPLORER_PERIOD_TYPES as readonly string[]).includes(params.pt)
    ? (params.pt as ExplorerPeriodType)
    : "Monthly";
  const ouKey = params.ou.trim() || (units[0]?.key ?? "");
  const unit = ouKey === "" ? undefined : (await findUnits(db, [ouKey])).get(ouKey);
  if (ouKey !== "" && !unit) errors.ou = { reason: "unit" };
  // A unit named by the URL that the list leaves out (a facility) is offered as it is.
  if (unit && !units.some((u) => u.key === ouKey))
    units.push({ key: ouKey, name: unit.name, depth: 0 });
  const levels = allLevels.filter((l) => !unit || l.level > unit.level);
  let level: number | null = null;
  if (params.level.trim() !== "") {
    const asked = Number(params.level);
    if (levels.some((l) => l.level === asked)) level = asked;
    else errors.level = { reason: "level" };
  }

  let from = params.from.trim();
  let to = params.to.trim();
  if (dx !== "" && from === "" && to === "") {
    const latest = await latestMonth(db, await elementIdsOf(db, dx, kind));
    ({ from, to } = yearEndingWith(
      latest ? monthOfId(latest) : monthOfDay(today.toISOString().slice(0, 10)),
    ));
  }
  const form = {
    dx,
    ou: ouKey,
    level: level === null ? params.level.trim() : String(level),
    pt,
    from,
    to,
  };
  const base: ExplorerPage = {
    mayReadAll,
    synthetic: await holdsDemoData(db),
    indicators,
    elements,
    units,
    levels,
    form,
    errors,
    result: null,
  };
  if (dx === "") return base;
  const range = explorerPeriods(pt, from || "?", to || "?");
  if (!range.ok)
    for (const p of range.problems)
      errors[p.field] =
        p.reason === "invalid"
          ? { reason: "month" }
          : p.reason === "order"
            ? { reason: "order" }
            : { reason: "tooMany", max: MAX_PERIODS };
  if (!range.ok || !unit || Object.keys(errors).length > 0) return base;
  const periods = range.periods;

  const shownUnits = level === null ? [unit] : await unitsAtLevel(db, level, [unit.id]);
  const count = shownUnits.length * periods.length;
  if (count > MAX_ROWS) {
    errors.level = { reason: "tooManyRows", count, max: MAX_ROWS };
    return base;
  }
  const request: ExplorerRequest = { dx, ou: ouKey, level, periodType: pt, from, to };
  const query = explorerQuery(request, periods);
  const answer = await runAnalytics(db, { actor }, query);
  const at = (name: string) => answer.headers.findIndex((h) => h.name === name);
  const [ouAt, peAt, valueAt, numAt, denAt] = ["ou", "pe", "value", "numerator", "denominator"].map(
    at,
  );
  const cells = new Map<string, string[]>();
  for (const row of answer.rows) cells.set(`${row[ouAt as number]}|${row[peAt as number]}`, row);
  const num = (text: string | undefined) =>
    text === undefined || text === "" ? null : Number(text);
  const unitKeys = answer.metaData?.dimensions.ou ?? shownUnits.map(keyOf);
  const unitName = (key: string) => answer.metaData?.items[key]?.name ?? key;
  const labels = new Map(periods.map((p) => [p.id, periodLabel(p, lang)]));
  const rows: ExplorerRow[] = unitKeys.flatMap((uk) =>
    periods.map((p) => {
      const row = cells.get(`${uk}|${p.id}`);
      return {
        unit: unitName(uk),
        unitId: uk,
        period: labels.get(p.id) ?? p.id,
        periodId: p.id,
        value: num(row?.[valueAt as number]),
        numerator: kind === "indicator" ? num(row?.[numAt as number]) : null,
        denominator: kind === "indicator" ? num(row?.[denAt as number]) : null,
      };
    }),
  );
  const name = indicator ? pick(indicator.name, lang) : (element?.name ?? dx);
  const decimals = indicator ? (indicator.decimals ?? 1) : 2;
  const first = periods[0] as Period;
  const last = periods[periods.length - 1] as Period;
  const place =
    level === null
      ? unit.name
      : t("hx.subject.level", {
          name: levels.find((l) => l.level === level)?.name ?? String(level),
          unit: unit.name,
        });
  const sheet: ExplorerSheet = {
    lang,
    title: name,
    subtitle: t("hx.subject", {
      unit: place,
      from: labels.get(first.id) ?? first.id,
      to: labels.get(last.id) ?? last.id,
    }),
    headers: {
      unit: t("hx.col.unit"),
      unitId: t("hx.col.unitId"),
      period: t("hx.col.period"),
      periodId: t("hx.col.periodId"),
      value: t("hx.col.value"),
      numerator: t("hx.col.numerator"),
      denominator: t("hx.col.denominator"),
    },
    withNumDen: kind === "indicator",
    decimals,
    rows,
  };
  const hasData = rows.some((r) => r.value !== null);
  const { chart, capped } = hasData
    ? chartOf(unitKeys, periods, rows, labels, lang, decimals)
    : { chart: null, capped: null };
  return {
    ...base,
    result: {
      name,
      kind,
      sheet,
      chart,
      chartCapped: capped,
      apiSearch: analyticsSearch(query),
      hasData,
    },
  };
}

/** The chart as SVG text, drawn in the rendering worker; null when the worker is busy. */
export async function drawExplorerChart(
  renderer: Renderer,
  chart: ExplorerChart,
): Promise<string | null> {
  try {
    return new TextDecoder().decode(
      await renderer.render({ kind: "explorer-chart", model: chart }),
    );
  } catch (error) {
    // The table says everything the chart does: a busy worker costs the picture only.
    if (error instanceof Problem && error.code === "busy") return null;
    throw error;
  }
}

export type ExplorerFormat = "csv" | "xlsx";

/** The table as a file, and a record in the audit log that it left the server. */
export async function exportExplorer(
  db: Db,
  renderer: Renderer,
  actor: Actor,
  result: ExplorerResult,
  form: ExplorerPage["form"],
  format: ExplorerFormat,
): Promise<Uint8Array> {
  const bytes =
    format === "csv"
      ? new TextEncoder().encode(renderExplorerCsv(result.sheet))
      : await renderer.render({ kind: "explorer-xlsx", model: result.sheet });
  await recordAudit(db, {
    actor: actorLabel(actor),
    action: "export",
    entity: "health_explorer",
    entityId: form.dx,
    after: { format, ou: form.ou, level: form.level, pt: form.pt, from: form.from, to: form.to },
  });
  return bytes;
}

/** A download's file name: the item and the range, in letters any file system takes. */
export function explorerFileName(form: ExplorerPage["form"], format: ExplorerFormat): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, "_");
  return `jalon-${safe(form.dx)}-${safe(form.ou)}-${safe(form.from)}-${safe(form.to)}.${format}`;
}
