// Storing data values in bulk: checked rows are copied into a staging table (COPY, the fastest
// way in on both stores), then merged into `data_values` by one statement that tells inserted
// from updated from unchanged, deletes what the file marks deleted, and adds each change to the
// pre-aggregate of every ancestor — all in the caller's transaction, so an import stores all of
// its values and their roll-ups, or nothing.
import { sql } from "kysely";
import type { CheckedValue } from "../../domain/health/intake.ts";
import type { Database } from "../connect.ts";
import type { Executor } from "../shared/audit.ts";
import { STAGING_COLUMNS } from "./staging-csv.ts";

/** One checked value, ready to stage: what the intake check gives. */
export type StagedValue = CheckedValue;

/** The catalogue rows a staged batch names: the merge locks them and finds each one. */
export interface NamedRows {
  orgUnits: Set<number>;
  dataElements: Set<number>;
  optionCombos: Set<number>;
}

export function namedRows(): NamedRows {
  return { orgUnits: new Set(), dataElements: new Set(), optionCombos: new Set() };
}

/**
 * Staging tables of their own, by staging key: a file's import on this process COPYs its values
 * into an UNLOGGED table made for it without any index, indexed once by unit after the load
 * (an index kept up row by row across millions of rows cost the COPY more than the rows
 * themselves), and dropped at its end. Other imports share `data_value_staging`.
 */
const ownTables = new Map<string, string>();

/** The table a staging key's rows are in. */
export function stagingTable(stagingKey: string): string {
  return ownTables.get(stagingKey) ?? "data_value_staging";
}

const OWN_PREFIX = "data_value_staging_";

/** Makes the import's own staging table (no index yet); returns its name. */
export async function createOwnStaging(db: Executor, stagingKey: string): Promise<string> {
  if (!/^-?\d+$/.test(stagingKey)) throw new Error("a staging key is a number");
  const name = `${OWN_PREFIX}${stagingKey.replace("-", "n")}`;
  await sql`
    create unlogged table if not exists ${sql.table(name)}
      (like data_value_staging including defaults)
  `.execute(db);
  ownTables.set(stagingKey, name);
  return name;
}

/** Once loaded: the own table's index by unit (what a chunk reads by) and its statistics. */
export async function indexOwnStaging(db: Executor, stagingKey: string): Promise<void> {
  const name = ownTables.get(stagingKey);
  if (name === undefined) return;
  await sql`create index on ${sql.table(name)} (org_unit_id)`.execute(db);
  await sql`analyze ${sql.table(name)}`.execute(db);
}

/** Drops the import's own staging table, if it has one (in the caller's transaction). */
async function dropOwnStaging(db: Executor, stagingKey: string): Promise<boolean> {
  const name = ownTables.get(stagingKey);
  if (name === undefined) return false;
  await sql`drop table if exists ${sql.table(name)}`.execute(db);
  return true;
}

/**
 * At the very end of an import, outside any transaction: its own staging table is gone (a drop
 * in a transaction rolled back, a dry run's, comes again here) and its key forgotten.
 */
export async function endOwnStaging(db: Executor, stagingKey: string): Promise<void> {
  if (!ownTables.has(stagingKey)) return;
  await dropOwnStaging(db, stagingKey);
  ownTables.delete(stagingKey);
}

/**
 * Copies the values into staging under a batch key, numbered from `after` + 1 in order (the
 * last of duplicates wins), adding the catalogue rows they name to `named`; returns how many
 * were copied.
 */
export async function stageValues(
  database: Database,
  stagingKey: string,
  values: Iterable<StagedValue>,
  named: NamedRows,
  after = 0,
): Promise<number> {
  let seq = after;
  function* rows() {
    for (const v of values) {
      seq++;
      named.orgUnits.add(v.orgUnitId);
      named.dataElements.add(v.dataElementId);
      named.optionCombos.add(v.cocId);
      named.optionCombos.add(v.aocId);
      yield [
        stagingKey,
        seq,
        v.orgUnitId,
        v.dataElementId,
        v.period,
        v.cocId,
        v.aocId,
        v.bucket,
        v.value,
        v.deleted,
        v.comment,
        v.followUp,
        v.storedBy,
        v.created,
        v.lastUpdated,
      ];
    }
  }
  return database.copyInto("data_value_staging", STAGING_COLUMNS, rows());
}

export async function dropStaged(db: Executor, stagingKey: string): Promise<void> {
  if (await dropOwnStaging(db, stagingKey)) return;
  await db.deleteFrom("data_value_staging").where("batch_id", "=", stagingKey).execute();
}

/**
 * Sweeps what imports killed half-way left in staging: rows of a dry run (a negative key) or of a
 * batch still "running", staged more than `hours` ago, and rows of a batch that has ended. Such
 * batches are marked failed. Returns how many rows went.
 */
export async function sweepStaged(db: Executor, hours: number): Promise<number> {
  const before = sql`now() - make_interval(hours => ${hours})`;
  await sql`
    update import_batches b set state = 'failed', finished_at = now(), error = 'interrupted'
    where b.state = 'running' and b.started_at < ${before}
      and exists (select 1 from data_value_staging s where s.batch_id = b.id)
  `.execute(db);
  // Own staging tables this process is not using, of a dry run or a batch still "running"
  // made over `hours` ago, or of a batch that has ended, go whole.
  const { rows: own } = await sql<{ name: string; key: string; gone: boolean }>`
    select c.relname as name, replace(substr(c.relname, ${OWN_PREFIX.length + 1}), 'n', '-') as key,
      (b.id is null or b.state <> 'running' or b.started_at < ${before}) as gone
    from pg_class c
    left join import_batches b
      on b.id::text = replace(substr(c.relname, ${OWN_PREFIX.length + 1}), 'n', '-')
    where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace
      and c.relname like ${`${OWN_PREFIX}%`}
  `.execute(db);
  for (const t of own) {
    if (ownTables.has(t.key) || !/^-?\d+$/.test(t.key)) continue;
    // An empty table may be one another process has just made for its dry run, before its
    // first COPY: it is left alone (it holds nothing); its maker drops it at the end, and may
    // have done so since the list was read (the table is then gone already).
    const old = await sql<{ old: boolean }>`
      select coalesce(bool_and(staged_at < ${before}), false) as old from ${sql.table(t.name)}`
      .execute(db)
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === "42P01") return null;
        throw error;
      });
    if (old === null) continue;
    const negative = t.key.startsWith("-");
    if (negative ? !old.rows[0]?.old : !t.gone) continue;
    await sql`
      update import_batches set state = 'failed', finished_at = now(), error = 'interrupted'
      where id::text = ${t.key} and state = 'running'
    `.execute(db);
    await sql`drop table if exists ${sql.table(t.name)}`.execute(db);
  }
  const { rows } = await sql<{ n: number }>`
    with gone as (
      delete from data_value_staging s
      where (s.batch_id < 0 and s.staged_at < ${before})
        or s.batch_id in (
          select b.id from import_batches b where b.state <> 'running'
            and exists (select 1 from data_value_staging s2 where s2.batch_id = b.id))
      returning 1
    )
    select count(*)::int as n from gone
  `.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * The CTE `spread`: each change grouped by parent (`by_parent`) handed to the parent and to
 * every ancestor of it, which the roll-ups' writes group again.
 */
const SPREAD = sql`spread as (
      select unit, data_element_id, bucket, coc_id, dsum, dcount from by_parent
      union all
      select a.ancestor_id, p.data_element_id, p.bucket, p.coc_id, p.dsum, p.dcount
      from by_parent p join org_unit_ancestors a on a.org_unit_id = p.unit
    )`;

/** The caller's transaction commits without waiting for the disk (until it ends). */
export async function commitWithoutWaiting(db: Executor): Promise<void> {
  await sql`set local synchronous_commit = off`.execute(db);
}

export interface MergeCounts {
  /** Distinct values the batch held (the last of duplicates counts). */
  distinct: number;
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/** A catalogue row the batch names was removed while it was read: nothing is written. */
export class NamedRowGone extends Error {
  readonly table: string;
  constructor(table: string) {
    super(`a ${table} row named by the import was removed during it`);
    this.table = table;
  }
}

/**
 * Locks the catalogue rows a batch names against removal until the transaction ends (the
 * foreign keys' own `for key share`, once per row named instead of once per value written) and
 * checks that each one is still there.
 */
async function lockNamedRows(db: Executor, named: NamedRows): Promise<void> {
  const lists = [
    ["org_units", [...named.orgUnits]],
    ["data_elements", [...named.dataElements]],
    ["category_option_combos", [...named.optionCombos]],
  ] as const;
  for (const [table, ids] of lists) {
    if (ids.length === 0) continue;
    const { rows } = await sql<{ id: number }>`
      select id from ${sql.table(table)} where id = any(${ids}::int[]) for key share
    `.execute(db);
    if (rows.length !== ids.length) throw new NamedRowGone(table);
  }
}

/**
 * The CTEs `s` (the staged values of a batch, or of its units given, the last of duplicates
 * kept) and `compared` (each beside the stored value of its key: `old_value`, `existed`,
 * `differs`), which a merge and its dry run start from.
 */
function stagedAgainstStored(stagingKey: string, units: readonly number[] | null) {
  const staged = units ? sql`and org_unit_id = any(${[...units]}::int[])` : sql``;
  const stored = units ? sql`and dv.org_unit_id = any(${[...units]}::int[])` : sql``;
  return sql`s as (
      select distinct on (org_unit_id, data_element_id, period, coc_id, aoc_id) *
      from ${sql.table(stagingTable(stagingKey))} where batch_id = ${stagingKey} ${staged}
      order by org_unit_id, data_element_id, period, coc_id, aoc_id, seq desc
    ),
    compared as (
      select s.*, dv.value as old_value, (dv.org_unit_id is not null) as existed,
        (dv.value is distinct from s.value or dv.comment is distinct from s.comment
          or dv.follow_up is distinct from s.follow_up) as differs
      from s left join data_values dv
        on dv.org_unit_id = s.org_unit_id and dv.data_element_id = s.data_element_id
        and dv.period = s.period and dv.coc_id = s.coc_id and dv.aoc_id = s.aoc_id ${stored}
    )`;
}

/**
 * Where a merge writes. `direct`: the roll-ups themselves, in the caller's transaction (an
 * import merged at once). `chunk`: only the staged values of `units`, the roll-up changes to the
 * batch's pending rows and each overwritten value to the batch's undo rows (a large import merged
 * in chunks, each committed: see applyPending and undoBatch).
 */
export type MergeTarget = { kind: "direct" } | { kind: "chunk"; units: readonly number[] };

/**
 * Merges one staged batch (or a chunk of it) into the stored values and their roll-ups.
 * `batchId` is the import batch the written rows point to (null for a dry run, which the caller
 * rolls back; a chunk needs one); `named` the catalogue rows the staged values name.
 */
export async function mergeStaged(
  db: Executor,
  stagingKey: string,
  batchId: string | null,
  named: NamedRows,
  target: MergeTarget = { kind: "direct" },
): Promise<MergeCounts> {
  const chunk = target.kind === "chunk" ? target : null;
  if (chunk && batchId === null) throw new Error("a chunked merge needs its batch");
  // A chunk's sorts and hashes fit in memory (the default 4 MB spills a 50,000-value chunk to
  // disk); the setting ends with the transaction.
  await sql`set local work_mem = '32MB'`.execute(db);
  // One import at a time merges: roll-up rows are shared between imports of nearby units.
  await sql`select pg_advisory_xact_lock(hashtext('jalon.data_values.merge'))`.execute(db);
  await lockNamedRows(
    db,
    chunk
      ? { ...named, orgUnits: new Set(chunk.units.filter((u) => named.orgUnits.has(u))) }
      : named,
  );
  if (batchId !== null)
    await sql`select 1 from import_batches where id = ${batchId}::bigint for key share`.execute(db);
  // A chunk's units that have no stored value yet (a first import) need no comparison.
  let fresh: MergeCounts | null = null;
  let units = chunk?.units ?? null;
  if (chunk && batchId !== null) {
    const none = await freshUnits(db, chunk.units);
    if (none.size > 0) {
      fresh = await insertFresh(db, stagingKey, batchId, [...none]);
      units = chunk.units.filter((u) => !none.has(u));
      if (units.length === 0) return fresh;
    }
  }
  // The stored values a chunk can meet are those of its units: said to every join with them, so
  // that each reads the chunk's range of the primary key, not the whole table.
  const dvUnits = units ? sql`and dv.org_unit_id = any(${[...units]}::int[])` : sql``;
  // A chunk keeps what it overwrites, once per batch: the value as it was before the batch.
  const saved = chunk
    ? sql`,
    saved as (
      insert into data_value_undo (batch_id, org_unit_id, data_element_id, period, coc_id, aoc_id,
        bucket, value, comment, follow_up, stored_by, created, last_updated, old_batch_id)
      select ${batchId}::bigint, dv.org_unit_id, dv.data_element_id, dv.period, dv.coc_id,
        dv.aoc_id, dv.bucket, dv.value, dv.comment, dv.follow_up, dv.stored_by, dv.created,
        dv.last_updated, dv.batch_id
      from changed c join data_values dv
        on dv.org_unit_id = c.org_unit_id and dv.data_element_id = c.data_element_id
        and dv.period = c.period and dv.coc_id = c.coc_id and dv.aoc_id = c.aoc_id ${dvUnits}
      where c.existed and dv.batch_id is distinct from ${batchId}::bigint
      on conflict do nothing
      returning 1
    )`
    : sql``;
  const rolled = chunk
    ? sql`
      insert into data_value_rollup_pending as p (batch_id, data_element_id, org_unit_id, bucket,
        coc_id, sum, count)
      select ${batchId}::bigint, data_element_id, unit, bucket, coc_id, sum(dsum), sum(dcount)
      from spread group by data_element_id, unit, bucket, coc_id
      on conflict (batch_id, data_element_id, org_unit_id, bucket, coc_id) do update set
        sum = p.sum + excluded.sum,
        count = p.count + excluded.count
      returning 1`
    : sql`
      insert into data_value_rollups (data_element_id, org_unit_id, bucket, coc_id, sum, count)
      select data_element_id, unit, bucket, coc_id, sum(dsum), sum(dcount)
      from spread group by data_element_id, unit, bucket, coc_id
      on conflict (data_element_id, org_unit_id, bucket, coc_id) do update set
        sum = data_value_rollups.sum + excluded.sum,
        count = data_value_rollups.count + excluded.count
      returning 1`;
  const { rows } = await sql<{
    distinct: number;
    inserted: number;
    updated: number;
    deleted: number;
  }>`
    with ${stagedAgainstStored(stagingKey, units)},
    changed as materialized (
      select * from compared where (deleted and existed) or (not deleted and (not existed or differs))
    )${saved},
    removed as (
      delete from data_values dv using changed c
      where c.deleted and dv.org_unit_id = c.org_unit_id and dv.data_element_id = c.data_element_id
        and dv.period = c.period and dv.coc_id = c.coc_id and dv.aoc_id = c.aoc_id ${dvUnits}
      returning 1
    ),
    -- New values are plainly inserted and changed ones updated: every write to data_values
    -- goes through this statement under the lock above, so no other can add the same key
    -- meanwhile, and ON CONFLICT would probe the primary key twice per row.
    inserted as (
      insert into data_values (org_unit_id, data_element_id, period, coc_id, aoc_id, bucket, value,
        comment, follow_up, stored_by, created, last_updated, batch_id)
      select org_unit_id, data_element_id, period, coc_id, aoc_id, bucket, value, comment, follow_up,
        stored_by, coalesce(created, now()), coalesce(last_updated, now()), ${batchId}::bigint
      from changed where not deleted and not existed
      returning 1
    ),
    updated as (
      update data_values dv set value = c.value, comment = c.comment, follow_up = c.follow_up,
        stored_by = c.stored_by, last_updated = coalesce(c.last_updated, now()),
        batch_id = ${batchId}::bigint
      from changed c
      where not c.deleted and c.existed and dv.org_unit_id = c.org_unit_id
        and dv.data_element_id = c.data_element_id and dv.period = c.period
        and dv.coc_id = c.coc_id and dv.aoc_id = c.aoc_id ${dvUnits}
      returning 1
    ),
    -- Each change grouped first by the unit's parent, then handed to the parent and its
    -- ancestors: a district's month is computed once, not once per facility.
    by_parent as (
      select u.parent_id as unit, c.data_element_id, c.bucket, c.coc_id,
        sum(case when c.deleted then -c.old_value else c.value - coalesce(c.old_value, 0) end) as dsum,
        sum(case when c.deleted then -1 when c.existed then 0 else 1 end) as dcount
      from changed c join org_units u on u.id = c.org_unit_id
      where u.parent_id is not null
      group by u.parent_id, c.data_element_id, c.bucket, c.coc_id
    ),
    ${SPREAD},
    rolled as (${rolled}
    )
    -- The writing CTEs run to completion whether or not this reads them.
    select
      (select count(*) from s)::int as distinct,
      (select count(*) from inserted)::int as inserted,
      (select count(*) from updated)::int as updated,
      (select count(*) from removed)::int as deleted
  `.execute(db);
  const r = rows[0] as { distinct: number; inserted: number; updated: number; deleted: number };
  const counts = {
    distinct: r.distinct,
    inserted: r.inserted,
    updated: r.updated,
    deleted: r.deleted,
    unchanged: r.distinct - r.inserted - r.updated - r.deleted,
  };
  if (fresh) {
    counts.distinct += fresh.distinct;
    counts.inserted += fresh.inserted;
    counts.unchanged += fresh.unchanged;
  }
  return counts;
}

/**
 * Of a chunk's units, those no stored value names yet: what a first import of their values
 * meets, merged by `insertFresh`.
 */
export async function freshUnits(db: Executor, units: readonly number[]): Promise<Set<number>> {
  const { rows } = await sql<{ id: number }>`
    select u.id from unnest(${[...units]}::int[]) as u(id)
    where not exists (select 1 from data_values dv where dv.org_unit_id = u.id)
  `.execute(db);
  return new Set(rows.map((r) => r.id));
}

/**
 * Merges the staged values of units that have no stored value (see freshUnits), for a chunk of
 * a batch: nothing to compare, overwrite or keep for undo, so the last of duplicates is inserted
 * as it is, and its roll-up changes go to the batch's pending rows. A value marked deleted finds
 * nothing to delete: it counts as unchanged, as in mergeStaged. The caller holds the merge lock
 * and the named rows' locks (mergeStaged's, in the same transaction).
 */
async function insertFresh(
  db: Executor,
  stagingKey: string,
  batchId: string,
  units: readonly number[],
): Promise<MergeCounts> {
  const { rows } = await sql<{ distinct: number; inserted: number }>`
    with s as materialized (
      select distinct on (org_unit_id, data_element_id, period, coc_id, aoc_id) *
      from ${sql.table(stagingTable(stagingKey))}
      where batch_id = ${stagingKey} and org_unit_id = any(${[...units]}::int[])
      order by org_unit_id, data_element_id, period, coc_id, aoc_id, seq desc
    ),
    inserted as (
      insert into data_values (org_unit_id, data_element_id, period, coc_id, aoc_id, bucket, value,
        comment, follow_up, stored_by, created, last_updated, batch_id)
      select org_unit_id, data_element_id, period, coc_id, aoc_id, bucket, value, comment, follow_up,
        stored_by, coalesce(created, now()), coalesce(last_updated, now()), ${batchId}::bigint
      from s where not deleted
      returning 1
    ),
    by_parent as (
      select u.parent_id as unit, s.data_element_id, s.bucket, s.coc_id, sum(s.value) as dsum,
        count(*) as dcount
      from s join org_units u on u.id = s.org_unit_id
      where not s.deleted and u.parent_id is not null
      group by u.parent_id, s.data_element_id, s.bucket, s.coc_id
    ),
    ${SPREAD},
    rolled as (
      insert into data_value_rollup_pending as p (batch_id, data_element_id, org_unit_id, bucket,
        coc_id, sum, count)
      select ${batchId}::bigint, data_element_id, unit, bucket, coc_id, sum(dsum), sum(dcount)
      from spread group by data_element_id, unit, bucket, coc_id
      on conflict (batch_id, data_element_id, org_unit_id, bucket, coc_id) do update set
        sum = p.sum + excluded.sum,
        count = p.count + excluded.count
      returning 1
    )
    select (select count(*) from s)::int as distinct,
      (select count(*) from inserted)::int as inserted,
      (select count(*) from rolled)::int as rolled
  `.execute(db);
  const r = rows[0] as { distinct: number; inserted: number };
  return {
    distinct: r.distinct,
    inserted: r.inserted,
    updated: 0,
    deleted: 0,
    unchanged: r.distinct - r.inserted,
  };
}

/**
 * What merging a chunk of the staged values would do, without writing: the dry run of an import
 * merged in chunks.
 */
export async function compareStaged(
  db: Executor,
  stagingKey: string,
  units: readonly number[],
): Promise<MergeCounts> {
  const { rows } = await sql<{
    distinct: number;
    inserted: number;
    updated: number;
    deleted: number;
  }>`
    with ${stagedAgainstStored(stagingKey, units)}
    select count(*)::int as distinct,
      (count(*) filter (where not deleted and not existed))::int as inserted,
      (count(*) filter (where not deleted and existed and differs))::int as updated,
      (count(*) filter (where deleted and existed))::int as deleted
    from compared
  `.execute(db);
  const r = rows[0] as { distinct: number; inserted: number; updated: number; deleted: number };
  return { ...r, unchanged: r.distinct - r.inserted - r.updated - r.deleted };
}

/**
 * The last step of an import merged in chunks, in its closing transaction: the batch's pending
 * roll-up changes are added to the roll-ups, and its undo rows are no longer needed.
 */
export async function applyPending(db: Executor, batchId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('jalon.data_values.merge'))`.execute(db);
  await sql`
    insert into data_value_rollups (data_element_id, org_unit_id, bucket, coc_id, sum, count)
    select data_element_id, org_unit_id, bucket, coc_id, sum, count
    from data_value_rollup_pending where batch_id = ${batchId}::bigint
    on conflict (data_element_id, org_unit_id, bucket, coc_id) do update set
      sum = data_value_rollups.sum + excluded.sum,
      count = data_value_rollups.count + excluded.count
  `.execute(db);
  await db.deleteFrom("data_value_rollup_pending").where("batch_id", "=", batchId).execute();
  await db.deleteFrom("data_value_undo").where("batch_id", "=", batchId).execute();
}

/**
 * Takes back what the chunks of an unfinished batch committed: the values it wrote go, the values
 * it overwrote or deleted come back as they were, its pending roll-up changes are dropped (the
 * roll-ups never saw them). In the caller's transaction.
 */
export async function undoBatch(db: Executor, batchId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('jalon.data_values.merge'))`.execute(db);
  await db.deleteFrom("data_values").where("batch_id", "=", batchId).execute();
  await sql`
    insert into data_values (org_unit_id, data_element_id, period, coc_id, aoc_id, bucket, value,
      comment, follow_up, stored_by, created, last_updated, batch_id)
    select org_unit_id, data_element_id, period, coc_id, aoc_id, bucket, value, comment, follow_up,
      stored_by, created, last_updated, old_batch_id
    from data_value_undo where batch_id = ${batchId}::bigint and value is not null
  `.execute(db);
  await db.deleteFrom("data_value_rollup_pending").where("batch_id", "=", batchId).execute();
  await db.deleteFrom("data_value_undo").where("batch_id", "=", batchId).execute();
}

/** A merge slot holder silent for this long was killed (a live one beats every 10 s). */
export const STALE_MERGE_SECONDS = 120;

/** The merge slot: which import merges in chunks now, and whether its heartbeat has stopped. */
export type MergeClaim =
  | { claimed: true; undone: string | null }
  | { claimed: false; holder: string };

/**
 * Claims the merge slot for `batchId` in the caller's transaction. A holder whose heartbeat is
 * older than `staleSeconds` was killed: its batch is undone and failed, and the slot changes
 * hands (`undone` names it).
 */
export async function claimMerge(
  db: Executor,
  batchId: string,
  staleSeconds: number,
): Promise<MergeClaim> {
  await sql`select pg_advisory_xact_lock(hashtext('jalon.data_values.merge'))`.execute(db);
  const { rows } = await sql<{ batch_id: string; stale: boolean }>`
    select batch_id::text as batch_id,
      alive_at < now() - make_interval(secs => ${staleSeconds}) as stale
    from data_value_merges where id = 1 for update
  `.execute(db);
  const holder = rows[0];
  if (!holder) {
    const inserted = await db
      .insertInto("data_value_merges")
      .values({ id: 1, batch_id: batchId })
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("batch_id")
      .executeTakeFirst();
    return inserted ? { claimed: true, undone: null } : { claimed: false, holder: "?" };
  }
  if (holder.batch_id === batchId) return { claimed: true, undone: null };
  if (!holder.stale) return { claimed: false, holder: holder.batch_id };
  await undoBatch(db, holder.batch_id);
  await sql`
    update import_batches set state = 'failed', finished_at = now(), error = 'interrupted'
    where id = ${holder.batch_id}::bigint and state = 'running'
  `.execute(db);
  await sql`
    update data_value_merges set batch_id = ${batchId}::bigint, alive_at = now() where id = 1
  `.execute(db);
  return { claimed: true, undone: holder.batch_id };
}

/**
 * For an import merged at once, in its transaction before it merges: true when no live chunked
 * import holds the merge slot (one found dead is undone first). `batchId` may be the holder.
 */
export async function mergeSlotFree(db: Executor, batchId: string | null): Promise<boolean> {
  await sql`select pg_advisory_xact_lock(hashtext('jalon.data_values.merge'))`.execute(db);
  await recoverStaleMerge(db, STALE_MERGE_SECONDS);
  const holder = await db
    .selectFrom("data_value_merges")
    .select("batch_id")
    .where("id", "=", 1)
    .executeTakeFirst();
  return holder === undefined || holder.batch_id === batchId;
}

/** Drops the staged rows of a chunk once merged. */
export async function dropStagedUnits(
  db: Executor,
  stagingKey: string,
  units: readonly number[],
): Promise<void> {
  // An own table goes whole at the end: its rows need not be deleted chunk by chunk.
  if (ownTables.has(stagingKey)) return;
  await db
    .deleteFrom("data_value_staging")
    .where("batch_id", "=", stagingKey)
    .where("org_unit_id", "in", [...units])
    .execute();
}

/** Says the holder is alive; false when the slot is no longer its own. */
export async function mergeHeartbeat(db: Executor, batchId: string): Promise<boolean> {
  const r = await db
    .updateTable("data_value_merges")
    .set({ alive_at: sql`now()` })
    .where("batch_id", "=", batchId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function releaseMerge(db: Executor, batchId: string): Promise<void> {
  await db.deleteFrom("data_value_merges").where("batch_id", "=", batchId).execute();
}

/**
 * Undoes a chunked import whose holder stopped beating for `staleSeconds` (a killed process),
 * and frees the slot; the batch undone, or null. Zero undoes any holder: what the embedded
 * database's one process finds at its start.
 */
export async function recoverStaleMerge(
  db: Executor,
  staleSeconds: number,
): Promise<string | null> {
  const { rows } = await sql<{ batch_id: string }>`
    select batch_id::text as batch_id from data_value_merges
    where id = 1 and alive_at <= now() - make_interval(secs => ${staleSeconds}) for update
  `.execute(db);
  const holder = rows[0]?.batch_id;
  if (holder === undefined) return null;
  await undoBatch(db, holder);
  await sql`
    update import_batches set state = 'failed', finished_at = now(), error = 'interrupted'
    where id = ${holder}::bigint and state = 'running'
  `.execute(db);
  await releaseMerge(db, holder);
  return holder;
}
