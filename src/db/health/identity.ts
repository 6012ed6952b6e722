// Saving catalogue rows that carry DHIS2 identifiers: an incoming row is the stored one with the
// same uid, else the one with the same code, else a new one. Rows are written in few statements
// (ids for new rows taken from the sequence first), and an unchanged row is not rewritten, so a
// second import of the same metadata writes nothing.
import { sql } from "kysely";
import type { DB } from "../schema.ts";
import type { Executor } from "../shared/audit.ts";
import { upsertMany } from "../shared/bulk.ts";

type CatalogueTable =
  | "org_units"
  | "data_elements"
  | "category_combos"
  | "category_option_combos"
  | "health_indicators"
  | "constants";

export interface Identified {
  uid: string | null;
  code: string | null;
}

export interface Saved {
  /** The stored id of each incoming row, in the same order. */
  ids: number[];
  inserted: number;
  updated: number;
  unchanged: number;
}

/** The stored id of each identifier: uids and codes in one map each. */
export interface IdentityIndex {
  byUid: Map<string, number>;
  byCode: Map<string, number>;
}

export async function identityIndex(db: Executor, table: CatalogueTable): Promise<IdentityIndex> {
  const rows = await db.selectFrom(table).select(["id", "uid", "code"]).execute();
  const byUid = new Map<string, number>();
  const byCode = new Map<string, number>();
  for (const r of rows) {
    if (r.uid) byUid.set(r.uid, r.id);
    if (r.code) byCode.set(r.code, r.id);
  }
  return { byUid, byCode };
}

export function findId(index: IdentityIndex, key: Identified): number | undefined {
  return (
    (key.uid ? index.byUid.get(key.uid) : undefined) ??
    (key.code ? index.byCode.get(key.code) : undefined)
  );
}

/** Ids for n new rows of the table, from its own sequence. */
export async function allocateIds(
  db: Executor,
  table: CatalogueTable,
  n: number,
): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${n})
  `.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Inserts or updates each row (matched by uid, then code) with the given columns; `columns` are
 * compared so an unchanged row is left alone; `insertOnly` columns are written for new rows only. Returns each row's id and the counts.
 */
export async function saveIdentified<R extends Identified & Record<string, unknown>>(
  db: Executor,
  table: CatalogueTable,
  rows: readonly R[],
  columns: readonly (keyof R & string)[],
  index: IdentityIndex,
  options: { touch: boolean; insertOnly?: readonly (keyof R & string)[] },
): Promise<Saved> {
  const ids: number[] = [];
  const fresh: number[] = [];
  for (const [i, row] of rows.entries()) {
    const id = findId(index, row);
    if (id === undefined) fresh.push(i);
    ids[i] = id ?? 0;
  }
  const allocated = await allocateIds(db, table, fresh.length);
  fresh.forEach((i, k) => {
    ids[i] = allocated[k] as number;
    const row = rows[i] as R;
    if (row.uid) index.byUid.set(row.uid, ids[i] as number);
    if (row.code) index.byCode.set(row.code, ids[i] as number);
  });
  const values = rows.map((row, i) => {
    const out: Record<string, unknown> = { id: ids[i] };
    for (const c of columns) out[c] = row[c];
    for (const c of options.insertOnly ?? []) out[c] = row[c];
    return out;
  });
  const compared = columns.filter((c) => c !== "id");
  const tableRef = (c: string) => sql.ref(`${table}.${c}`);
  const excludedRef = (c: string) => sql.ref(`excluded.${c}`);
  const written = await upsertMany(db, table as keyof DB & string, values, {
    key: ["id"],
    update: compared,
    ...(options.touch ? { set: { updated_at: sql`now()` } } : {}),
    guard: sql<boolean>`(${sql.join(compared.map(tableRef))}) is distinct from (${sql.join(compared.map(excludedRef))})`,
    returning: ["id"],
  });
  const inserted = written.filter((w) => w.inserted).length;
  const updated = written.length - inserted;
  return { ids, inserted, updated, unchanged: rows.length - written.length };
}
