// Reading a long list of small rows as one JSON value. The embedded database decodes every row
// of a result in JavaScript, field by field (about 10 µs a row with a few columns, thousands of
// rows in a list of every partner or answer); one row holding the same rows as a JSON array of
// arrays costs about a fifth of that, and PostgreSQL's driver reads it as fast as the rows.
import { type SelectQueryBuilder, sql } from "kysely";
import type { DB } from "../schema.ts";
import type { Executor } from "./audit.ts";

/** A JSON value as the query's columns would read, for columns that JSON keeps as they are. */
type JsonSafe = number | string | boolean | null;

/**
 * The rows of `query`, in its order, read through `json_agg`; `columns` names every column it
 * selects. Only for columns JSON keeps as they are (integers, text, booleans): a timestamp would
 * come back as text and a numeric as a float, so the type refuses such columns.
 */
export async function manyRows<
  D extends DB,
  TB extends keyof D,
  O extends Record<string, JsonSafe>,
>(
  db: Executor,
  query: SelectQueryBuilder<D, TB, O>,
  columns: readonly (keyof O & string)[],
): Promise<O[]> {
  const cells = sql.join(columns.map((c) => sql.ref(`q.${c}`)));
  // An ordered subquery gives json_agg its rows in that order (PostgreSQL's documented way).
  // The array comes as text and is parsed here: the embedded database's thread would parse it
  // and then copy every parsed row across to this one, where one string crosses at the cost of
  // a memory copy.
  const { rows } = await sql<{ rows: string }>`
    select coalesce(json_agg(json_build_array(${cells})), '[]'::json)::text as rows
    from (${query}) as q
  `.execute(db);
  // A plain loop: Object.fromEntries over entry arrays cost more than the query on long lists.
  const list = JSON.parse(rows[0]?.rows ?? "[]") as JsonSafe[][];
  const out: O[] = new Array(list.length);
  for (let r = 0; r < list.length; r++) {
    const cells = list[r] ?? [];
    const row: Record<string, JsonSafe> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i] as string] = cells[i] ?? null;
    out[r] = row as O;
  }
  return out;
}
