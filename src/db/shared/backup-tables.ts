// What a backup reads and a restore writes, table by table, found in the catalogue rather than
// listed: every table of the current schema but the migrator's own, parents before children (so
// a restore never breaks a foreign key), each row as the text PostgreSQL prints for it (the form
// COPY reads back, on both stores), read through a cursor so memory stays bounded.
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export interface BackupTable {
  name: string;
  columns: string[];
  /** A column pointing at the table's own `id` (a unit's parent): rows go parents first. */
  selfReference: string | null;
}

const MIGRATOR_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Makes the caller's transaction a read-only snapshot and names the schema it holds: the last
 * migration applied. Must be the transaction's first statement (repeatable read is set on it).
 */
export async function snapshotSchema(trx: Transaction<DB>): Promise<string> {
  await sql`set transaction read only`.execute(trx);
  const migrations = await sql<{ name: string }>`
    select name from kysely_migration order by name`.execute(trx);
  return migrations.rows.at(-1)?.name ?? "";
}

/** The schema's tables, each after every table it points to. */
export async function backupTables(db: Executor): Promise<BackupTable[]> {
  const columns = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relkind = 'r' and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(db);
  const keys = await sql<{ child: string; parent: string; column: string }>`
    select child.relname as child, parent.relname as parent, a.attname as column
    from pg_constraint con
    join pg_class child on child.oid = con.conrelid
    join pg_class parent on parent.oid = con.confrelid
    join pg_namespace n on n.oid = child.relnamespace and n.nspname = current_schema()
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
    where con.contype = 'f'`.execute(db);

  const byTable = new Map<string, string[]>();
  for (const r of columns.rows) {
    // An import's own staging table (db/health/data-values.ts) lives for that import only: no
    // migration makes it, so a restore could not hold it.
    if (MIGRATOR_TABLES.has(r.table) || r.table.startsWith("data_value_staging_")) continue;
    byTable.set(r.table, [...(byTable.get(r.table) ?? []), r.column]);
  }
  const parents = new Map<string, Set<string>>();
  const selfReference = new Map<string, string>();
  for (const k of keys.rows) {
    if (k.child === k.parent) selfReference.set(k.child, k.column);
    else parents.set(k.child, (parents.get(k.child) ?? new Set()).add(k.parent));
  }

  // Depth-first, names in alphabetical order, so the same schema always gives the same order.
  const ordered: BackupTable[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`foreign keys form a cycle at ${name}`);
    state.set(name, "visiting");
    for (const parent of [...(parents.get(name) ?? [])].sort()) {
      if (byTable.has(parent)) visit(parent);
    }
    state.set(name, "done");
    ordered.push({
      name,
      columns: byTable.get(name) ?? [],
      selfReference: selfReference.get(name) ?? null,
    });
  };
  for (const name of [...byTable.keys()].sort()) visit(name);
  return ordered;
}

/**
 * The table's rows in batches, each value as text or null. A table pointing at itself is read
 * parents first (by depth from its roots), every other in the order of its `id` when it has one.
 * Must run inside a transaction (the cursor lives until it ends).
 */
export async function* tableRows(
  trx: Transaction<DB>,
  table: BackupTable,
  batch = 2000,
): AsyncGenerator<(string | null)[][]> {
  const list = table.columns.map((c) => `t.${quote(c)}::text`).join(", ");
  const name = quote(table.name);
  const hasId = table.columns.includes("id");
  const query = table.selfReference
    ? `with recursive depth(id, d) as (
         select id, 0 from ${name} where ${quote(table.selfReference)} is null
         union all
         select c.id, depth.d + 1 from ${name} c join depth on c.${quote(table.selfReference)} = depth.id
       )
       select ${list} from ${name} t join depth on depth.id = t.id order by depth.d, t.id`
    : `select ${list} from ${name} t${hasId ? " order by t.id" : ""}`;
  await sql.raw(`declare jalon_backup no scroll cursor for ${query}`).execute(trx);
  try {
    for (;;) {
      const got = await sql
        .raw<Record<string, string | null>>(`fetch ${batch} from jalon_backup`)
        .execute(trx);
      if (got.rows.length === 0) return;
      yield got.rows.map((r) => Object.values(r));
      if (got.rows.length < batch) return;
    }
  } finally {
    await sql.raw("close jalon_backup").execute(trx);
  }
}

/** How many rows the schema's tables hold in all (0: nothing to overwrite). */
export async function storedRows(db: Executor, tables: readonly BackupTable[]): Promise<number> {
  let total = 0;
  for (const t of tables) {
    const got = await sql
      .raw<{ n: string }>(`select count(*)::text as n from ${quote(t.name)}`)
      .execute(db);
    total += Number(got.rows[0]?.n ?? 0);
  }
  return total;
}

/**
 * Drops every table and function of the current schema, the migrator's included, so that the
 * migrations can build the schema a backup was made with. Only for an empty database or a forced
 * restore: the audit log's own triggers refuse a truncate, not a drop.
 */
export async function dropSchemaObjects(db: Executor): Promise<void> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
    where c.relkind = 'r'`.execute(db);
  for (const t of tables.rows)
    await sql.raw(`drop table if exists ${quote(t.name)} cascade`).execute(db);
  const functions = await sql<{ signature: string }>`
    select p.oid::regprocedure::text as signature from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace and n.nspname = current_schema()`.execute(db);
  for (const f of functions.rows)
    await sql.raw(`drop function if exists ${f.signature} cascade`).execute(db);
}

/** Whether the migrator's table exists: a database never migrated has nothing to lose. */
export async function isMigrated(db: Executor): Promise<boolean> {
  const got = await sql<{ found: boolean }>`
    select exists (select 1 from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
      where c.relname = 'kysely_migration') as found`.execute(db);
  return got.rows[0]?.found === true;
}

/** Moves each table's id sequence past the highest restored id, so new rows do not collide. */
export async function advanceSequences(db: Executor, tables: readonly BackupTable[]) {
  for (const t of tables) {
    if (!t.columns.includes("id")) continue;
    const seq = await sql<{ seq: string | null }>`
      select pg_get_serial_sequence(${quote(t.name)}, 'id') as seq`.execute(db);
    const name = seq.rows[0]?.seq;
    if (!name) continue;
    await sql
      .raw(
        `select setval('${name.replaceAll("'", "''")}', coalesce((select max(id) from ${quote(t.name)}), 0) + 1, false)`,
      )
      .execute(db);
  }
}
