// The audit log: every write records who, when, which entity, and the values before and after,
// inside the caller's transaction so that the record and the change commit together. Security
// events (sign-ins, exports, refusals) are rows too. The table is append-only (migration 0011).
import { AsyncLocalStorage } from "node:async_hooks";
import {
  type Insertable,
  type Kysely,
  type Selectable,
  sql,
  type Transaction,
  type Updateable,
} from "kysely";
import type { AuditLogTable, DB } from "../schema.ts";
import { refusingViolations } from "./errors.ts";

export type Executor = Kysely<DB> | Transaction<DB>;

export type AuditAction = AuditLogTable["action"];

// The id of the HTTP request being served, scoped to its asynchronous work: every audit row it
// writes carries it, without threading it through every service. Nothing outlives the request.
const requestScope = new AsyncLocalStorage<string>();

/** Runs fn with every audit row it writes marked with the request id. */
export function withRequestId<T>(requestId: string, fn: () => Promise<T>): Promise<T> {
  return requestScope.run(requestId, fn);
}

export interface AuditEntry {
  actor: string;
  action: AuditAction;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** The audit_log row of an entry, marked with the id of the request being served. */
export function auditRow(entry: AuditEntry): Insertable<AuditLogTable> {
  return {
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: String(entry.entityId),
    before: json(entry.before),
    after: json(entry.after),
    request_id: requestScope.getStore() ?? null,
  };
}

export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insertInto("audit_log").values(auditRow(entry)).execute();
}

/** Records several entries in one multi-row insert, in their order. */
export async function recordAudits(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto("audit_log").values(entries.map(auditRow)).execute();
}

/** Inserts one row and records its creation; returns the stored row. */
export async function insertAudited<T extends keyof DB & string>(
  db: Executor,
  actor: string,
  table: T,
  values: Insertable<DB[T]>,
  idOf: (row: Record<string, unknown>) => string | number = (row) => String(row.id),
): Promise<Selectable<DB[T]>> {
  // Kysely cannot type a table chosen at run time; the callers' typed wrappers keep it safe.
  const row = (await refusingViolations(
    (db as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto(table)
      .values(values as Record<string, unknown>)
      .returningAll()
      .executeTakeFirstOrThrow(),
  )) as Record<string, unknown>;
  await recordAudit(db, {
    actor,
    action: "create",
    entity: table,
    entityId: idOf(row),
    after: row,
  });
  return row as Selectable<DB[T]>;
}

/** Updates one row by id and records its values before and after; returns the new row. */
export async function updateAudited<T extends keyof DB & string>(
  db: Executor,
  actor: string,
  table: T,
  id: number,
  changes: Updateable<DB[T]>,
): Promise<Selectable<DB[T]> | undefined> {
  // As in insertAudited: the table is chosen at run time, the typed callers keep it safe.
  const loose = db as Kysely<Record<string, Record<string, unknown>>>;
  const name: string = table;
  const before = await loose.selectFrom(name).selectAll().where("id", "=", id).executeTakeFirst();
  if (!before) return undefined;
  const after = await refusingViolations(
    loose
      .updateTable(name)
      .set(changes as Record<string, unknown>)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  await recordAudit(db, { actor, action: "update", entity: table, entityId: id, before, after });
  return after as Selectable<DB[T]>;
}

/**
 * Deletes the row that `match` names (equality on each column: a unique key) and records its
 * removal with the row as it was; returns that row, or undefined when nothing matched. `columns`
 * narrows what is kept (a logo's bytes stay out of the log); `idOf` names the entity when the
 * table's id is not the audit's.
 */
export async function deleteAudited<T extends keyof DB & string>(
  db: Executor,
  actor: string,
  table: T,
  match: Partial<Record<keyof DB[T] & string, string | number>>,
  options: {
    columns?: readonly (keyof DB[T] & string)[];
    idOf?: (row: Record<string, unknown>) => string | number;
  } = {},
): Promise<Selectable<DB[T]> | undefined> {
  // As in insertAudited: the table is chosen at run time, the typed callers keep it safe.
  const loose = db as Kysely<Record<string, Record<string, unknown>>>;
  let query = loose.deleteFrom(table as string);
  for (const [column, value] of Object.entries(match)) query = query.where(column, "=", value);
  const row = (await (options.columns
    ? query.returning(options.columns as readonly string[])
    : query.returningAll()
  ).executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  await recordAudit(db, {
    actor,
    action: "delete",
    entity: table,
    entityId: options.idOf ? options.idOf(row) : String(row.id),
    before: row,
  });
  return row as Selectable<DB[T]>;
}

/**
 * Runs writes and undoes them (a savepoint rolled back) inside the caller's transaction: the
 * same work as a real change, leaving nothing — so a path that must not be told apart from
 * another by its timing can do what the other does. Nothing is deleted: the rows never commit.
 */
export async function undone(trx: Transaction<DB>, fn: () => Promise<unknown>): Promise<void> {
  await sql`savepoint undone`.execute(trx);
  await fn();
  await sql`rollback to savepoint undone`.execute(trx);
}
