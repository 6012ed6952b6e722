// Upkeep of the embedded database. PGlite runs PostgreSQL as a single process, without the
// autovacuum workers a server has, and does not report its activity statistics either: left
// alone, no table would ever be vacuumed (every update's old row versions kept, no visibility
// map, so no index-only scan) nor analysed (every plan made on default estimates). The server's
// recurring job (services/shared/upkeep.ts) vacuums and analyses each table here, one statement
// at a time, skipping those too large to hold the one connection briefly.
import { sql } from "kysely";
import type { Executor } from "./audit.ts";

export interface TableSize {
  table: string;
  /** The table with its indexes and TOAST, on disk. */
  bytes: number;
}

/** The ordinary tables of the current schema, smallest first. */
export async function tablesBySize(db: Executor): Promise<TableSize[]> {
  const { rows } = await sql<{ table: string; bytes: number }>`
    select c.relname as table, pg_total_relation_size(c.oid)::float8 as bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' and c.relpersistence = 'p'
    order by bytes, c.relname
  `.execute(db);
  return rows;
}

/** Vacuums one table and refreshes its statistics (outside any transaction). */
export async function vacuumTable(db: Executor, table: string): Promise<void> {
  await sql`vacuum (analyze) ${sql.table(table)}`.execute(db);
}
