// What an analytics query resolves its items with, read in one statement: the units it names
// and the units at the levels it asks inside them, and (unless the caller keeps it) the
// catalogue — data elements, option combos, constants and indicators. Each part comes back as
// JSON in one row, so the whole read is one round trip on either store.
import { sql } from "kysely";
import type { Executor } from "../shared/audit.ts";
import {
  constantMap,
  type ElementRef,
  type ElementRow,
  elementMap,
  type IndicatorColumns,
  type IndicatorRow,
  indicatorRow,
  type OptionComboRef,
  type OptionComboRow,
  optionComboMap,
} from "./catalogue.ts";
import { summary, type UnitSummary } from "./org-units.ts";

export interface AnalyticsCatalogue {
  /** Data elements by uid and by code. */
  elements: ReadonlyMap<string, ElementRef>;
  /** Option combos by uid and by code. */
  combos: ReadonlyMap<string, OptionComboRef>;
  /** Constants' values by uid and by code. */
  constants: ReadonlyMap<string, number>;
  /** Indicators by uid and by code (a uid wins over another indicator's code). */
  indicators: ReadonlyMap<string, IndicatorRow>;
}

export interface QueryUnits {
  /** The units named, by the key they were named with (a uid wins over another unit's code). */
  named: ReadonlyMap<string, UnitSummary>;
  /**
   * The units at each level asked, inside the named units (anywhere when none is named): level
   * by level in the order asked, each by name.
   */
  inside: UnitSummary[];
}

type UnitRow = Parameters<typeof summary>[0];

/**
 * Reads the units a query names and asks for, and the catalogue when `catalogue` is given: every
 * indicator ("all", for a catalogue kept between queries) or only those named.
 */
export async function readAnalyticsLookups(
  db: Executor,
  o: {
    unitKeys: readonly string[];
    levels: readonly number[];
    catalogue: { indicators: "all" | readonly string[] } | null;
  },
): Promise<{ units: QueryUnits; catalogue: AnalyticsCatalogue | null }> {
  const keys = sql.val(o.unitKeys);
  const empty = sql`'[]'::json`;
  const indicators = o.catalogue?.indicators ?? [];
  const catalogueColumns = o.catalogue
    ? sql`,
      (select coalesce(json_agg(e), ${empty}) from (
        select id, uid, code, name, value_type, aggregation, category_combo_id from data_elements
      ) e) as elements,
      (select coalesce(json_agg(c), ${empty}) from (
        select id, uid, code, category_combo_id, options, is_default from category_option_combos
      ) c) as combos,
      (select coalesce(json_agg(k), ${empty}) from (
        select uid, code, value from constants
      ) k) as constants,
      (select coalesce(json_agg(i), ${empty}) from (
        select id, uid, code, name, name_en, numerator, denominator, factor, decimals, is_public
        from health_indicators
        ${
          indicators === "all"
            ? sql``
            : sql`where uid = any(${sql.val(indicators)}::text[])
                or code = any(${sql.val(indicators)}::text[])`
        }
      ) i) as indicators`
    : sql``;
  const { rows } = await sql<{
    named: (UnitRow & { key: string })[];
    inside: UnitRow[];
    elements?: ElementRow[];
    combos?: OptionComboRow[];
    constants?: { uid: string | null; code: string | null; value: number }[];
    indicators?: IndicatorColumns[];
  }>`
    with named as (
      select k.key, u.id, u.uid, u.code, u.name, u.short_name, u.level, u.path
      from unnest(${keys}::text[]) as k(key)
      cross join lateral (
        select * from org_units u where u.uid = k.key or u.code = k.key
        order by (u.uid is not distinct from k.key) desc, u.id
        limit 1
      ) u
    ), within as (
      select array_agg(id) as ids from named
    ), inside as (
      select l.i, u.id, u.uid, u.code, u.name, u.short_name, u.level, u.path
      from unnest(${sql.val(o.levels)}::int[]) with ordinality as l(level, i)
      join org_units u on u.level = l.level
      cross join within w
      where cardinality(${keys}::text[]) = 0
        or u.id = any(w.ids)
        or exists (
          select 1 from org_unit_ancestors a
          where a.org_unit_id = u.id and a.ancestor_id = any(w.ids)
        )
    )
    select
      (select coalesce(json_agg(n), ${empty}) from named n) as named,
      (select coalesce(json_agg(x order by x.i, x.name), ${empty}) from inside x) as inside
      ${catalogueColumns}
  `.execute(db);
  const row = rows[0];
  if (!row) throw new Error("the lookups' statement returned no row");
  const units: QueryUnits = {
    named: new Map(row.named.map((r) => [r.key, summary(r)])),
    inside: row.inside.map(summary),
  };
  if (!o.catalogue) return { units, catalogue: null };
  const byKey = new Map<string, IndicatorRow>();
  const found = (row.indicators ?? []).map(indicatorRow);
  for (const i of found) if (i.code) byKey.set(i.code, i);
  for (const i of found) if (i.uid) byKey.set(i.uid, i);
  return {
    units,
    catalogue: {
      elements: elementMap(row.elements ?? []),
      combos: optionComboMap(row.combos ?? []),
      constants: constantMap(row.constants ?? []),
      indicators: byKey,
    },
  };
}
