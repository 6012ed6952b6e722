// Saved DHIS2 connections: rows in, connections out, every write audited in the caller's
// transaction. A row names the environment variables that hold its secret; it never holds one.
import { type Selectable, sql } from "kysely";
import type { Dhis2AuthSpec, Dhis2Schedule } from "../../domain/health/dhis2-pull.ts";
import type { Dhis2ConnectionsTable } from "../schema.ts";
import { deleteAudited, type Executor, insertAudited, updateAudited } from "../shared/audit.ts";

export interface Dhis2Connection {
  id: number;
  name: string;
  baseUrl: string;
  auth: Dhis2AuthSpec;
  dataSet: string;
  orgUnit: string;
  /** A relative span ("LAST_12_MONTHS") or DHIS2 periods ("202201,202202"). */
  periods: string;
  withMetadata: boolean;
  schedule: Dhis2Schedule;
  lastPulledAt: Date | null;
  /** The last pull's summary (counts), or its failure's code. */
  lastResult: unknown;
}

export type Dhis2ConnectionInput = Omit<Dhis2Connection, "id" | "lastPulledAt" | "lastResult">;

type Row = Selectable<Dhis2ConnectionsTable>;

function authOf(row: Row): Dhis2AuthSpec {
  return row.auth_kind === "basic"
    ? { kind: "basic", usernameVar: row.username_var ?? "", passwordVar: row.password_var ?? "" }
    : { kind: "token", tokenVar: row.token_var ?? "" };
}

function connectionOf(row: Row): Dhis2Connection {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.base_url,
    auth: authOf(row),
    dataSet: row.data_set,
    orgUnit: row.org_unit,
    periods: row.periods,
    withMetadata: row.with_metadata,
    schedule: row.schedule as Dhis2Schedule,
    lastPulledAt: row.last_pulled_at,
    lastResult: row.last_result,
  };
}

function columnsOf(c: Dhis2ConnectionInput) {
  return {
    name: c.name,
    base_url: c.baseUrl,
    auth_kind: c.auth.kind,
    token_var: c.auth.kind === "token" ? c.auth.tokenVar : null,
    username_var: c.auth.kind === "basic" ? c.auth.usernameVar : null,
    password_var: c.auth.kind === "basic" ? c.auth.passwordVar : null,
    data_set: c.dataSet,
    org_unit: c.orgUnit,
    periods: c.periods,
    with_metadata: c.withMetadata,
    schedule: c.schedule,
  };
}

export async function insertConnection(
  db: Executor,
  actor: string,
  c: Dhis2ConnectionInput,
): Promise<Dhis2Connection> {
  return connectionOf(await insertAudited(db, actor, "dhis2_connections", columnsOf(c)));
}

/** Replaces what a connection pulls and how; undefined when there is no such connection. */
export async function updateConnection(
  db: Executor,
  actor: string,
  id: number,
  c: Dhis2ConnectionInput,
): Promise<Dhis2Connection | undefined> {
  const row = await updateAudited(db, actor, "dhis2_connections", id, {
    ...columnsOf(c),
    updated_at: new Date(),
  });
  return row ? connectionOf(row) : undefined;
}

/**
 * Records a pull's outcome: its summary or failure, and — for a pull that succeeded — when it
 * started (what the next incremental pull starts from; a failed one leaves it where it was).
 */
export async function recordPull(
  db: Executor,
  actor: string,
  id: number,
  outcome: { at?: Date; result: unknown },
): Promise<Dhis2Connection | undefined> {
  const row = await updateAudited(db, actor, "dhis2_connections", id, {
    ...(outcome.at ? { last_pulled_at: outcome.at } : {}),
    last_result: JSON.stringify(outcome.result ?? null),
  });
  return row ? connectionOf(row) : undefined;
}

export async function deleteConnection(db: Executor, actor: string, id: number): Promise<boolean> {
  return (await deleteAudited(db, actor, "dhis2_connections", { id })) !== undefined;
}

export async function findConnection(
  db: Executor,
  id: number,
): Promise<Dhis2Connection | undefined> {
  const row = await db
    .selectFrom("dhis2_connections")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? connectionOf(row) : undefined;
}

export async function findConnectionByName(
  db: Executor,
  name: string,
): Promise<Dhis2Connection | undefined> {
  const row = await db
    .selectFrom("dhis2_connections")
    .selectAll()
    .where("name", "=", name)
    .executeTakeFirst();
  return row ? connectionOf(row) : undefined;
}

export async function listConnections(db: Executor): Promise<Dhis2Connection[]> {
  const rows = await db.selectFrom("dhis2_connections").selectAll().orderBy("name").execute();
  return rows.map(connectionOf);
}

/** What the jobs table holds for a connection's pulls: the next one waiting, one running. */
export interface PullJobs {
  /** The waiting pull (the schedule's next run, or one asked for): its id and time. */
  waiting: { id: string; runAt: Date } | null;
  running: { id: string } | null;
}

/**
 * Each connection's waiting and running pulls, by connection id, in one statement. A waiting
 * pull holds the connection's key; a running one has freed it (it queues the next run) and is
 * found by its payload.
 */
export async function pullJobsOf(
  db: Executor,
  kind: string,
  ids: readonly number[],
): Promise<Map<number, PullJobs>> {
  const out = new Map<number, PullJobs>(ids.map((id) => [id, { waiting: null, running: null }]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom("jobs")
    .select([
      "id",
      "state",
      "run_at",
      "dedupe_key",
      sql<string>`payload->>'connectionId'`.as("connection_id"),
    ])
    .where("kind", "=", kind)
    .where("state", "in", ["queued", "running"])
    .where(sql<string>`payload->>'connectionId'`, "in", ids.map(String))
    .orderBy("run_at")
    .execute();
  for (const r of rows) {
    const entry = out.get(Number(r.connection_id));
    if (!entry) continue;
    if (r.state === "running") entry.running ??= { id: String(r.id) };
    // A failed run waiting for its retry has no key; the first waiting one is the next pull.
    else entry.waiting ??= { id: String(r.id), runAt: r.run_at };
  }
  return out;
}

/**
 * Makes a waiting job due now, with the payload of the one asking (a pull asked for before its
 * time); false when it no longer waits.
 */
export async function runWaitingJobNow(
  db: Executor,
  id: string,
  payload: unknown,
): Promise<boolean> {
  const row = await db
    .updateTable("jobs")
    .set({ run_at: sql`now()`, payload: JSON.stringify(payload) })
    .where("id", "=", id)
    .where("state", "=", "queued")
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** Drops a connection's waiting pulls (it is being deleted: they would find nothing to pull). */
export async function dropWaitingPulls(
  db: Executor,
  kind: string,
  connectionId: number,
): Promise<void> {
  await db
    .deleteFrom("jobs")
    .where("kind", "=", kind)
    .where("state", "=", "queued")
    .where(sql<string>`payload->>'connectionId'`, "=", String(connectionId))
    .execute();
}
