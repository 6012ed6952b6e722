// Answering an analytics query as DHIS2 does: each dx item (an indicator, a data element or an
// element.combo operand) for each period and unit asked, its operands first added up over the
// unit's subtree and the period's buckets from the pre-aggregate, then the expression computed
// once. Public indicators are open to anyone; everything else needs the health.read right.

import {
  constantValues,
  dataElementLookup,
  type ElementRef,
  findIndicator,
  type IndicatorRow,
  optionComboLookup,
} from "../../db/health/catalogue.ts";
import { findUnits, type UnitSummary, unitsAtLevel } from "../../db/health/org-units.ts";
import { type BucketTotal, bucketTotals } from "../../db/health/rollups.ts";
import type { Executor } from "../../db/shared/audit.ts";
import {
  type AnalyticsQuery,
  type AnalyticsResponse,
  analyticsResponse,
  type DimensionName,
  levelItem,
  type ResultRow,
  splitOperand,
} from "../../domain/health/analytics-query.ts";
import { type Expression, operandsOf, parseExpression } from "../../domain/health/expressions.ts";
import { aggregateOverMonths, evaluateIndicator } from "../../domain/health/indicators.ts";
import {
  contains,
  isFinerThanMonth,
  monthsIn,
  PERIOD_TYPES,
  type Period,
  parsePeriod,
  periodsBetween,
} from "../../domain/health/periods.ts";
import { type Actor, can } from "../../domain/shared/policy.ts";
import { Problem } from "../../domain/shared/problem.ts";

type DxItem =
  | {
      kind: "indicator";
      key: string;
      row: IndicatorRow;
      numerator: Expression;
      denominator: Expression;
    }
  | { kind: "element"; key: string; element: ElementRef; cocId: number | null; name: string };

/** The buckets a period's values are stored under: its months, and coarser periods inside it. */
export function bucketsOf(period: Period): string[] {
  const buckets = new Set(monthsIn(period));
  for (const type of PERIOD_TYPES) {
    if (isFinerThanMonth(type) || type === "Monthly") continue;
    for (const p of periodsBetween(type, period.start, period.end))
      if (contains(period, p)) buckets.add(p.id);
  }
  return [...buckets];
}

const refused = (item: string, reason: string) =>
  new Problem("invalid_input", "analytics", { field: item, reason });

const keyOf = (u: { uid: string | null; code: string | null; id: number }) =>
  u.uid ?? u.code ?? String(u.id);

/**
 * The dx items as the catalogue holds them. `deny`, for a viewer without health.read, is the
 * refusal of anything but a public indicator: an unknown item gets it too, so that a visitor
 * cannot tell a non-public item from one that does not exist.
 */
function resolveDx(
  items: readonly string[],
  deny: (() => Problem) | null,
  indicators: ReadonlyMap<string, IndicatorRow | undefined>,
  elements: ReadonlyMap<string, ElementRef>,
  combos: ReadonlyMap<string, { id: number }>,
): DxItem[] {
  const out: DxItem[] = [];
  for (const item of items) {
    const { element, combo } = splitOperand(item);
    if (combo === null) {
      const indicator = indicators.get(item);
      if (indicator && (deny === null || indicator.isPublic)) {
        const numerator = parseExpression(indicator.numerator);
        const denominator = parseExpression(indicator.denominator);
        if (!numerator.ok || !denominator.ok) throw refused(item, "indicator_expression_invalid");
        out.push({
          kind: "indicator",
          key: keyOf(indicator),
          row: indicator,
          numerator: numerator.value,
          denominator: denominator.value,
        });
        continue;
      }
    }
    if (deny) throw deny();
    const de = elements.get(element);
    if (!de) throw refused(item, "unknown_dx_item");
    let cocId: number | null = null;
    if (combo !== null) {
      const coc = combos.get(combo);
      if (!coc) throw refused(item, "unknown_dx_item");
      cocId = coc.id;
    }
    const key = combo === null ? keyOf(de) : `${keyOf(de)}.${combo}`;
    out.push({ kind: "element", key, element: de, cocId, name: de.name });
  }
  return out;
}

function resolvePe(items: readonly string[]): Period[] {
  return items.map((item) => {
    const period = parsePeriod(item);
    if (!period) throw refused(item, "unknown_period");
    if (isFinerThanMonth(period.type)) throw refused(item, "period_finer_than_month");
    return period;
  });
}

async function resolveOu(db: Executor, items: readonly string[]): Promise<UnitSummary[]> {
  const levels = items.map(levelItem);
  const named = items.filter((_, i) => levels[i] === null);
  const found = await findUnits(db, named);
  for (const n of named) if (!found.has(n)) throw refused(n, "unknown_org_unit");
  const units = named.map((n) => found.get(n) as UnitSummary);
  const wanted = levels.filter((l): l is number => l !== null);
  if (wanted.length === 0) return units;
  // With LEVEL-n the named units are boundaries: the answer is about the units inside them.
  const inside: UnitSummary[] = [];
  for (const level of wanted)
    inside.push(
      ...(await unitsAtLevel(
        db,
        level,
        units.map((u) => u.id),
      )),
    );
  return inside;
}

export interface AnalyticsViewer {
  actor: Actor;
}

/** Runs the query; throws a Problem naming the first item it cannot answer. */
export async function runAnalytics(
  db: Executor,
  viewer: AnalyticsViewer,
  query: AnalyticsQuery,
): Promise<AnalyticsResponse> {
  const all = [...query.dimensions, ...query.filters];
  const itemsOf = (name: DimensionName) => all.find((d) => d.name === name)?.items ?? [];
  const mayReadAll = can(viewer.actor, "health.read");
  const deny = () =>
    new Problem(viewer.actor.kind === "anonymous" ? "unauthenticated" : "forbidden", "analytics");
  // The catalogue's lookups, read once for the whole query, side by side (a pool runs them at
  // once; the embedded database one after the other, as before).
  const pe = resolvePe(itemsOf("pe"));
  const units = resolveOu(db, itemsOf("ou"));
  // A refusal of the dx items comes first; the units' own is read after it.
  units.catch(() => {});
  const dxItems = itemsOf("dx");
  const [elementsByKey, combos, constants, indicators] = await Promise.all([
    dataElementLookup(db),
    optionComboLookup(db),
    constantValues(db),
    Promise.all(
      dxItems
        .filter((item) => splitOperand(item).combo === null)
        .map(async (item) => [item, await findIndicator(db, item)] as const),
    ),
  ]);
  const dx = resolveDx(
    dxItems,
    mayReadAll ? null : deny,
    new Map(indicators),
    elementsByKey,
    combos,
  );
  const ou = await units;
  if (ou.length === 0) throw refused("ou", "no_org_unit");

  const elementIds = new Set<number>();
  let byCombo = false;
  for (const d of dx) {
    if (d.kind === "element") {
      elementIds.add(d.element.id);
      if (d.cocId !== null) byCombo = true;
    } else
      for (const o of [...operandsOf(d.numerator), ...operandsOf(d.denominator)]) {
        const de = elementsByKey.get(o.dataElement);
        if (de) elementIds.add(de.id);
        if (o.coc !== null) byCombo = true;
      }
  }
  const bucketsByPeriod = new Map(pe.map((p) => [p.id, bucketsOf(p)]));
  const totals = await bucketTotals(db, {
    orgUnitIds: ou.map((u) => u.id),
    dataElementIds: [...elementIds],
    buckets: [...new Set([...bucketsByPeriod.values()].flat())],
    byCombo,
  });
  // Totals by unit and element, then by bucket: a cell finds its own without scanning the rest.
  const index = new Map<string, Map<string, BucketTotal[]>>();
  for (const t of totals) {
    const k = `${t.orgUnitId}|${t.dataElementId}`;
    let byBucket = index.get(k);
    if (!byBucket) {
      byBucket = new Map();
      index.set(k, byBucket);
    }
    const list = byBucket.get(t.bucket);
    if (list) list.push(t);
    else byBucket.set(t.bucket, [t]);
  }

  /** One element (and combo) over a set of units and a set of buckets. */
  const figure = (
    element: ElementRef,
    cocId: number | null,
    units: readonly UnitSummary[],
    buckets: ReadonlySet<string>,
  ) => {
    const perBucket = new Map<string, { month: string; sum: number; count: number }>();
    for (const u of units) {
      const byBucket = index.get(`${u.id}|${element.id}`);
      if (!byBucket) continue;
      for (const bucket of buckets)
        for (const t of byBucket.get(bucket) ?? []) {
          if (cocId !== null && t.cocId !== cocId) continue;
          const b = perBucket.get(bucket) ?? { month: bucket, sum: 0, count: 0 };
          b.sum += t.sum;
          b.count += t.count;
          perBucket.set(bucket, b);
        }
    }
    return aggregateOverMonths(element.aggregation, [...perBucket.values()]);
  };

  const cell = (
    d: DxItem,
    units: readonly UnitSummary[],
    buckets: ReadonlySet<string>,
  ): Omit<ResultRow, "keys"> | null => {
    if (d.kind === "element") {
      const value = figure(d.element, d.cocId, units, buckets);
      return value === null ? null : { value };
    }
    const result = evaluateIndicator(
      { numerator: d.numerator, denominator: d.denominator, factor: d.row.factor },
      (operand) => {
        const de = elementsByKey.get(operand.dataElement);
        if (!de) return null;
        const coc = operand.coc === null ? null : (combos.get(operand.coc)?.id ?? -1);
        return figure(de, coc, units, buckets);
      },
      (uid) => constants.get(uid) ?? null,
    );
    return result === null
      ? null
      : {
          value: result.value,
          numerator: result.numerator,
          denominator: result.denominator,
          factor: d.row.factor,
        };
  };

  // The dimensions shown as columns, in the query's order; filters are folded together.
  const shown = query.dimensions.map((d) => d.name);
  const choices: Record<DimensionName, { key: string }[]> = {
    dx: dx.map((d) => ({ key: d.key })),
    pe: pe.map((p) => ({ key: p.id })),
    ou: ou.map((u) => ({ key: keyOf(u) })),
  };
  const rows: ResultRow[] = [];
  const combos3 = cartesian(shown.map((n) => choices[n].map((_, i) => i)));
  for (const pick of combos3) {
    const at = (name: DimensionName) => {
      const pos = shown.indexOf(name);
      return pos < 0 ? null : (pick[pos] as number);
    };
    const dxAt = at("dx");
    const peAt = at("pe");
    const ouAt = at("ou");
    const dItems = dxAt === null ? dx : [dx[dxAt] as DxItem];
    if (dItems.length !== 1) throw refused("dx", "dx_filter_single_item");
    const units = ouAt === null ? ou : [ou[ouAt] as UnitSummary];
    const periods = peAt === null ? pe : [pe[peAt] as Period];
    const buckets = new Set(periods.flatMap((p) => bucketsByPeriod.get(p.id) ?? []));
    const c = cell(dItems[0] as DxItem, units, buckets);
    if (c)
      rows.push({
        keys: shown.map((n, i) => (choices[n][pick[i] as number] as { key: string }).key),
        ...c,
      });
  }

  const items: Record<string, { name: string }> = {
    dx: { name: "Data" },
    pe: { name: "Period" },
    ou: { name: "Organisation unit" },
  };
  const display = (u: UnitSummary) =>
    query.displayProperty === "SHORTNAME" ? (u.shortName ?? u.name) : u.name;
  for (const d of dx) items[d.key] = { name: d.kind === "indicator" ? d.row.name : d.name };
  for (const p of pe) items[p.id] = { name: p.id };
  for (const u of ou) items[keyOf(u)] = { name: display(u) };
  return analyticsResponse(query, rows, {
    items,
    dimensions: {
      dx: choices.dx.map((c) => c.key),
      pe: choices.pe.map((c) => c.key),
      ou: choices.ou.map((c) => c.key),
      co: [],
    },
  });
}

function cartesian(lists: number[][]): number[][] {
  let out: number[][] = [[]];
  for (const list of lists) out = out.flatMap((prefix) => list.map((i) => [...prefix, i]));
  return out;
}
