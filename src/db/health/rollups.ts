// The pre-aggregated values: per unit, the sum and count of its descendants' values per element,
// combo and bucket. Imports keep it current by adding their changes (data-values.ts); a move in
// the tree rebuilds it. Reads take a unit's own values (by index) plus its descendants' roll-up,
// so no read scans the raw values of a subtree.
import { sql } from "kysely";
import type { Executor } from "../shared/audit.ts";

/**
 * Recomputes the whole pre-aggregate from the stored values and the current tree. While a large
 * import merges in chunks (data-values.ts), the roll-ups are those of the values as they were
 * before it (its written values left out, the ones it overwrote counted from its undo rows), and
 * its pending changes are recomputed along the current tree, so that a move in the middle of an
 * import neither counts its values twice nor loses them.
 */
export async function rebuildRollups(db: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('jalon.data_values.merge'))`.execute(db);
  const { rows } = await sql<{ batch_id: string }>`
    select batch_id::text as batch_id from data_value_merges where id = 1`.execute(db);
  // No batch has id -1: with no import merging, every value counts.
  const merging = rows[0]?.batch_id ?? "-1";
  await sql`delete from data_value_rollups`.execute(db);
  await sql`
    insert into data_value_rollups (data_element_id, org_unit_id, bucket, coc_id, sum, count)
    select v.data_element_id, a.ancestor_id, v.bucket, v.coc_id, sum(v.value), count(*)
    from (
      select org_unit_id, data_element_id, bucket, coc_id, value from data_values
      where batch_id is distinct from ${merging}::bigint
      union all
      select org_unit_id, data_element_id, bucket, coc_id, value from data_value_undo
      where batch_id = ${merging}::bigint
    ) v join org_unit_ancestors a on a.org_unit_id = v.org_unit_id
    group by v.data_element_id, a.ancestor_id, v.bucket, v.coc_id
  `.execute(db);
  if (rows.length === 0) return;
  await sql`delete from data_value_rollup_pending where batch_id = ${merging}::bigint`.execute(db);
  await sql`
    insert into data_value_rollup_pending (batch_id, data_element_id, org_unit_id, bucket, coc_id,
      sum, count)
    select ${merging}::bigint, v.data_element_id, a.ancestor_id, v.bucket, v.coc_id, sum(v.value),
      sum(v.n)
    from (
      select org_unit_id, data_element_id, bucket, coc_id, value, 1 as n from data_values
      where batch_id = ${merging}::bigint
      union all
      select org_unit_id, data_element_id, bucket, coc_id, -value, -1 from data_value_undo
      where batch_id = ${merging}::bigint
    ) v join org_unit_ancestors a on a.org_unit_id = v.org_unit_id
    group by v.data_element_id, a.ancestor_id, v.bucket, v.coc_id
  `.execute(db);
}

export interface BucketTotal {
  orgUnitId: number;
  dataElementId: number;
  /** Null when the totals are over every combo. */
  cocId: number | null;
  bucket: string;
  sum: number;
  count: number;
}

/**
 * Totals per unit, element and bucket (and combo when asked) for the units given, each over
 * itself and all its descendants.
 */
export async function bucketTotals(
  db: Executor,
  query: {
    orgUnitIds: readonly number[];
    dataElementIds: readonly number[];
    buckets: readonly string[];
    byCombo: boolean;
  },
): Promise<BucketTotal[]> {
  if (
    query.orgUnitIds.length === 0 ||
    query.dataElementIds.length === 0 ||
    query.buckets.length === 0
  )
    return [];
  const coc = query.byCombo ? sql`t.coc_id` : sql`null::int`;
  const group = query.byCombo ? sql`, t.coc_id` : sql``;
  const buckets = sql`${sql.val(query.buckets)}::text[]`;
  // One index range per unit and element (the roll-ups' index by unit, the values' key), whatever
  // the planner knows of the tables: with = any() over both arrays a table whose statistics are
  // missing or stale (just after a large import) was read through two whole bitmaps.
  const { rows } = await sql<{
    org_unit_id: number;
    data_element_id: number;
    coc_id: number | null;
    bucket: string;
    sum: number;
    count: number;
  }>`
    select t.org_unit_id, t.data_element_id, ${coc} as coc_id, t.bucket,
      sum(t.sum)::float8 as sum, sum(t.count)::int as count
    from (select distinct id from unnest(${sql.val(query.orgUnitIds)}::int[]) as u(id)) u
    cross join (select distinct id from unnest(${sql.val(query.dataElementIds)}::int[]) as e(id)) e
    cross join lateral (
      select org_unit_id, data_element_id, coc_id, bucket, sum, count from data_value_rollups
      where org_unit_id = u.id and data_element_id = e.id and bucket = any(${buckets})
        and count > 0
      union all
      select org_unit_id, data_element_id, coc_id, bucket, value, 1 from data_values
      where org_unit_id = u.id and data_element_id = e.id and bucket = any(${buckets})
    ) t
    group by t.org_unit_id, t.data_element_id, t.bucket${group}
  `.execute(db);
  return rows.map((r) => ({
    orgUnitId: r.org_unit_id,
    dataElementId: r.data_element_id,
    cocId: r.coc_id,
    bucket: r.bucket,
    sum: r.sum,
    count: r.count,
  }));
}
