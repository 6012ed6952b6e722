// What a database holds, as text to compare: its schema (tables, columns, constraints, indexes,
// triggers) and every row of every table, so a test can say "exactly as before".
import { sql } from "kysely";
import type { Database } from "../../src/db/connect.ts";

/** The tables, columns, constraints, indexes and triggers of the connection's schema. */
export async function schemaOf(t: Database): Promise<string[]> {
  const columns = await sql<{ line: string }>`
    select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
      || ' ' || coalesce(column_default, '') as line
    from information_schema.columns where table_schema = current_schema()`.execute(t.db);
  const constraints = await sql<{ line: string }>`
    select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as line
    from pg_constraint where connamespace = current_schema()::regnamespace`.execute(t.db);
  const indexes = await sql<{ line: string }>`
    select indexdef as line from pg_indexes where schemaname = current_schema()`.execute(t.db);
  const triggers = await sql<{ line: string }>`
    select c.relname || ' ' || g.tgname as line from pg_trigger g
    join pg_class c on c.oid = g.tgrelid and c.relnamespace = current_schema()::regnamespace
    where not g.tgisinternal`.execute(t.db);
  // Another schema's name in a definition (PostgreSQL's test schemas) would make them differ.
  const schema = await sql<{ name: string }>`select current_schema() as name`.execute(t.db);
  const own = `${schema.rows[0]?.name}.`;
  return [...columns.rows, ...constraints.rows, ...indexes.rows, ...triggers.rows]
    .map((r) => r.line.replaceAll(own, ""))
    .sort();
}

/** Every row of every table of the connection's schema, Kysely's own tables included. */
export async function rowsOf(t: Database): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(t.db);
  const rows: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const found = await sql<{ row: string }>`
      select to_jsonb(r)::text as row from ${sql.table(name)} r`.execute(t.db);
    rows[name] = found.rows.map((r) => r.row).sort();
  }
  return rows;
}

/** The schema and the rows together. */
export async function snapshotOf(
  t: Database,
): Promise<{ schema: string[]; rows: Record<string, string[]> }> {
  return { schema: await schemaOf(t), rows: await rowsOf(t) };
}
