// Answering an analytics query as DHIS2 does: each dx item (an indicator, a data element or an
// element.combo operand) for each period and unit asked, its operands first added up over the
// unit's subtree and the period's buckets from the pre-aggregate, then the expression computed
// once. Public indicators are open to anyone; everything else needs the health.read right.

import {
  type AnalyticsCatalogue,
  type QueryUnits,
  readAnalyticsLookups,
} from "../../db/health/analytics-lookups.ts";
import type { ElementRef, IndicatorRow } from "../../db/health/catalogue.ts";
import type { UnitSummary } from "../../db/health/org-units.ts";
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
import {
  constantsOf,
  type Expression,
  operandsOf,
  parseExpression,
} from "../../domain/health/expressions.ts";
import { aggregateOverMonths, evaluateIndicator } from "../../domain/health/indicators.ts";
import {
  contains,
  isFinerThanMonth,
  monthsIn,
  monthsLong,
  PERIOD_TYPES,
  type Period,
  parsePeriod,
  periodsBetween,
} from "../../domain/health/periods.ts";
import { type Actor, can } from "../../domain/shared/policy.ts";
import { Problem } from "../../domain/shared/problem.ts";
import type { AnalyticsCatalogueCache } from "./analytics-catalogue.ts";

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
  const months = monthsIn(period);
  const buckets = new Set(months);
  for (const type of PERIOD_TYPES) {
    // A period of the type fits only in a span of at least as many months.
    const long = monthsLong(type);
    if (long === null || long === 1 || long > months.length) continue;
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
  { indicators, elements, combos }: AnalyticsCatalogue,
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

function resolveOu(items: readonly string[], found: QueryUnits): UnitSummary[] {
  const levels = items.map(levelItem);
  const named = items.filter((_, i) => levels[i] === null);
  for (const n of named) if (!found.named.has(n)) throw refused(n, "unknown_org_unit");
  // With LEVEL-n the named units are boundaries: the answer is about the units inside them.
  if (levels.some((l) => l !== null)) return found.inside;
  return named.map((n) => found.named.get(n) as UnitSummary);
}

/** True when an item of the catalogue the query's items name is not in it. */
function namesMissing(dx: readonly DxItem[], catalogue: AnalyticsCatalogue): boolean {
  for (const d of dx) {
    if (d.kind !== "indicator") continue;
    for (const e of [d.numerator, d.denominator]) {
      for (const o of operandsOf(e))
        if (
          !catalogue.elements.has(o.dataElement) ||
          (o.coc !== null && !catalogue.combos.has(o.coc))
        )
          return true;
      for (const c of constantsOf(e)) if (!catalogue.constants.has(c)) return true;
    }
  }
  return false;
}

export interface AnalyticsViewer {
  actor: Actor;
}

export interface AnalyticsOptions {
  /**
   * The catalogue kept between queries (a server's, made from its change feed); without it the
   * query reads the catalogue with its units.
   */
  catalogue?: AnalyticsCatalogueCache | undefined;
}

/** Runs the query; throws a Problem naming the first item it cannot answer. */
export async function runAnalytics(
  db: Executor,
  viewer: AnalyticsViewer,
  query: AnalyticsQuery,
  options: AnalyticsOptions = {},
): Promise<AnalyticsResponse> {
  const all = [...query.dimensions, ...query.filters];
  const itemsOf = (name: DimensionName) => all.find((d) => d.name === name)?.items ?? [];
  const mayReadAll = can(viewer.actor, "health.read");
  const deny = () =>
    new Problem(viewer.actor.kind === "anonymous" ? "unauthenticated" : "forbidden", "analytics");
  const pe = resolvePe(itemsOf("pe"));
  const ouItems = itemsOf("ou");
  const dxItems = itemsOf("dx");
  // The units and the catalogue in one statement; a kept catalogue leaves only the units, and
  // kept units nothing.
  const unitKeys = ouItems.filter((item) => levelItem(item) === null);
  const levels = ouItems.map(levelItem).filter((l): l is number => l !== null);
  const named = dxItems.filter((item) => splitOperand(item).combo === null);
  const cache = options.catalogue;
  const version = cache?.version() ?? null;
  const kept = cache && version !== null ? cache.get(version) : null;
  const unitsKey = JSON.stringify([unitKeys, levels]);
  const keptUnits = kept && version !== null ? (cache?.units(version, unitsKey) ?? null) : null;
  const read = keptUnits
    ? null
    : await readAnalyticsLookups(db, {
        unitKeys,
        levels,
        catalogue: kept ? null : { indicators: version === null ? named : "all" },
      });
  let catalogue = kept ?? (read?.catalogue as AnalyticsCatalogue);
  const units = keptUnits ?? (read?.units as QueryUnits);
  if (cache && version !== null) {
    if (!kept) cache.set(version, catalogue);
    if (!keptUnits) cache.setUnits(version, unitsKey, units);
  }
  const refuse = mayReadAll ? null : deny;
  let dx: DxItem[];
  try {
    dx = resolveDx(dxItems, refuse, catalogue);
    if (kept && namesMissing(dx, catalogue)) throw refused("dx", "unknown_dx_item");
  } catch (error) {
    // A kept catalogue may predate a write whose notice has not arrived yet: what it does not
    // hold is looked for in the database before the query is refused.
    if (!kept) throw error;
    catalogue = (
      await readAnalyticsLookups(db, { unitKeys: [], levels: [], catalogue: { indicators: named } })
    ).catalogue as AnalyticsCatalogue;
    dx = resolveDx(dxItems, refuse, catalogue);
  }
  const { elements: elementsByKey, combos, constants } = catalogue;
  // A refusal of the dx items comes first; the units' own after it (looked for again, as the
  // catalogue's items, when the units were kept).
  let ou: UnitSummary[];
  try {
    ou = resolveOu(ouItems, units);
  } catch (error) {
    if (!keptUnits) throw error;
    ou = resolveOu(
      ouItems,
      (await readAnalyticsLookups(db, { unitKeys, levels, catalogue: null })).units,
    );
  }
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
    if (units.length === 1) {
      // One unit: its buckets, in order, added up as aggregateOverMonths does, without the maps.
      const byBucket = index.get(`${(units[0] as UnitSummary).id}|${element.id}`);
      if (!byBucket) return null;
      let total = 0;
      let months = 0;
      for (const bucket of buckets) {
        const list = byBucket.get(bucket);
        if (!list) continue;
        let sum = 0;
        let count = 0;
        for (const t of list) {
          if (cocId !== null && t.cocId !== cocId) continue;
          sum += t.sum;
          count += t.count;
        }
        if (count > 0) {
          total += sum;
          months += 1;
        }
      }
      if (months === 0) return null;
      return element.aggregation === "sum" ? total : total / months;
    }
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
  const dxPos = shown.indexOf("dx");
  const pePos = shown.indexOf("pe");
  const ouPos = shown.indexOf("ou");
  // Each period's buckets, and those of every period together when periods are a filter.
  const bucketSets = pe.map((p) => new Set(bucketsByPeriod.get(p.id) ?? []));
  const allBuckets = new Set(pe.flatMap((p) => bucketsByPeriod.get(p.id) ?? []));
  const unitLists = ou.map((u) => [u]);
  for (const pick of cartesian(shown.map((n) => choices[n].map((_, i) => i)))) {
    if (dxPos < 0 && dx.length !== 1) throw refused("dx", "dx_filter_single_item");
    const d = (dxPos < 0 ? dx[0] : dx[pick[dxPos] as number]) as DxItem;
    const units = ouPos < 0 ? ou : (unitLists[pick[ouPos] as number] as UnitSummary[]);
    const buckets = pePos < 0 ? allBuckets : (bucketSets[pick[pePos] as number] as Set<string>);
    const c = cell(d, units, buckets);
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
