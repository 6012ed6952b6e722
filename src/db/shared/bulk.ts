// Writing many rows in few statements: multi-row inserts and upserts cut into chunks that stay
// under the protocol's 65 535 bound parameters, each upsert telling the rows it inserted from
// those it updated (`xmax = 0` holds only for a row version this statement created fresh).
import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import type { DB } from "../schema.ts";
import type { Executor } from "./audit.ts";

/** Bound parameters per statement at most (PostgreSQL's limit is 65 535). */
const MAX_PARAMETERS = 30_000;
/** Rows per statement at most, however narrow. */
const MAX_ROWS = 1_000;

type Row = Record<string, unknown>;
// Kysely cannot type a table chosen at run time; the typed callers keep these calls safe.
type Loose = Kysely<Record<string, Row>>;

/** The rows cut into chunks small enough for one statement each. */
export function chunksOf<T extends object>(rows: readonly T[]): T[][] {
  const width = Math.max(1, ...rows.map((r) => Object.keys(r).length));
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / width)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/** Inserts every row, one statement per chunk. */
export async function insertMany<T extends keyof DB & string>(
  db: Executor,
  table: T,
  rows: readonly Row[],
): Promise<void> {
  for (const chunk of chunksOf(rows))
    await (db as unknown as Loose).insertInto(table).values(chunk).execute();
}

export interface UpsertOptions {
  /** The columns of the unique constraint a row may collide with. */
  key: readonly string[];
  /** The columns an existing row takes from the new one. */
  update: readonly string[];
  /** Columns set on update to an expression rather than the new row's value (now()…). */
  set?: Record<string, Expression<unknown>>;
  /** Only existing rows passing this (over `<table>.` and `excluded.`) are updated; others are skipped. */
  guard?: Expression<SqlBool>;
  /** Columns to return for each row written. */
  returning: readonly string[];
}

/**
 * Inserts or updates every row, one statement per chunk; returns the rows written with
 * `inserted` true for a new row. A row an update guard skipped is not returned.
 */
export async function upsertMany<T extends keyof DB & string>(
  db: Executor,
  table: T,
  rows: readonly Row[],
  options: UpsertOptions,
): Promise<(Row & { inserted: boolean })[]> {
  const written: (Row & { inserted: boolean })[] = [];
  const loose = db as unknown as Loose;
  for (const chunk of chunksOf(rows)) {
    const result = await loose
      .insertInto(table)
      .values(chunk)
      .onConflict((oc) => {
        const update = oc.columns(options.key as never).doUpdateSet({
          ...Object.fromEntries(options.update.map((c) => [c, sql.ref(`excluded.${c}`)])),
          ...options.set,
        } as never);
        return options.guard ? update.where(() => options.guard as never) : update;
      })
      .returning([
        ...(options.returning as never[]),
        sql<boolean>`(xmax = 0)`.as("inserted") as never,
      ])
      .execute();
    for (const r of result as (Row & { inserted: boolean })[]) written.push(r);
  }
  return written;
}
