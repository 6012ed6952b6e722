// What the indicator explorer offers to pick from: indicators (the public ones alone for a
// visitor), data elements, the upper levels of the unit tree and the level names; and the latest
// month holding a value, for a default range.
import { sql } from "kysely";
import { type Bilingual, bilingual } from "../../domain/shared/lang.ts";
import type { Executor } from "../shared/audit.ts";
import { SUMMARY, summary, type UnitSummary } from "./org-units.ts";

export interface IndicatorChoice {
  key: string;
  code: string | null;
  name: Bilingual;
  isPublic: boolean;
  decimals: number | null;
}

export interface ElementChoice {
  key: string;
  code: string | null;
  name: Bilingual;
}

/** Indicators by name, each keyed by its uid (else its code): what analytics is asked for. */
export async function indicatorChoices(
  db: Executor,
  options: { publicOnly: boolean },
): Promise<IndicatorChoice[]> {
  let q = db
    .selectFrom("health_indicators")
    .select(["uid", "code", "name", "name_en", "is_public", "decimals"])
    .where((w) => w.or([w("uid", "is not", null), w("code", "is not", null)]));
  if (options.publicOnly) q = q.where("is_public", "=", true);
  const rows = await q.orderBy("name").execute();
  return rows.map((r) => ({
    key: (r.uid ?? r.code) as string,
    code: r.code,
    name: bilingual(r.name, r.name_en),
    isPublic: r.is_public,
    decimals: r.decimals,
  }));
}

/** Numeric data elements by name (the others are never stored as values). */
export async function elementChoices(db: Executor): Promise<ElementChoice[]> {
  const rows = await db
    .selectFrom("data_elements")
    .select(["uid", "code", "name", "name_en"])
    .where((w) => w.or([w("uid", "is not", null), w("code", "is not", null)]))
    .orderBy("name")
    .execute();
  return rows.map((r) => ({
    key: (r.uid ?? r.code) as string,
    code: r.code,
    name: bilingual(r.name, r.name_en),
  }));
}

/** The deepest level of the tree (0 when it is empty). */
export async function deepestLevel(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("org_units")
    .select((e) => e.fn.max("level").as("deepest"))
    .executeTakeFirst();
  return Number(row?.deepest ?? 0);
}

/** Every unit down to a level: the picker's list (facilities are reached through a level). */
export async function unitsDownTo(db: Executor, maxLevel: number): Promise<UnitSummary[]> {
  const rows = await db
    .selectFrom("org_units")
    .select(SUMMARY)
    .where("level", "<=", maxLevel)
    .execute();
  return rows.map(summary);
}

export async function levelNames(db: Executor): Promise<{ level: number; name: Bilingual }[]> {
  const rows = await db
    .selectFrom("org_unit_levels")
    .select(["level", "name", "name_en"])
    .orderBy("level")
    .execute();
  return rows.map((r) => ({ level: r.level, name: bilingual(r.name, r.name_en) }));
}

/**
 * The latest month ("YYYYMM") holding a value of any of these elements, or null: per element,
 * one probe of the roots' roll-ups (which hold every descendant's months) and one of the roots'
 * own values, both by primary key.
 */
export async function latestMonth(
  db: Executor,
  elementIds: readonly number[],
): Promise<string | null> {
  if (elementIds.length === 0) return null;
  const { rows } = await sql<{ bucket: string | null }>`
    with roots as (select id from org_units where parent_id is null)
    select max(m.bucket) as bucket
    from unnest(${sql.val([...elementIds])}::int[]) as e(id)
    cross join roots
    cross join lateral (
      (select r.bucket from data_value_rollups r
       where r.data_element_id = e.id and r.org_unit_id = roots.id and r.count > 0
         and r.bucket ~ '^[0-9]{6}$'
       order by r.bucket desc limit 1)
      union all
      (select v.bucket from data_values v
       where v.org_unit_id = roots.id and v.data_element_id = e.id and v.bucket ~ '^[0-9]{6}$'
       order by v.bucket desc limit 1)
    ) m
  `.execute(db);
  return rows[0]?.bucket ?? null;
}
