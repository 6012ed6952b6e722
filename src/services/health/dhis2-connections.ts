// Saved DHIS2 connections as use cases: checked and saved (every field's error at once), listed,
// removed, pulled now; and the job that pulls one on its schedule and queues its own next run.
// A connection names the variables that hold its secret; the secret stays in the environment.
import type { Database } from "../../db/connect.ts";
import {
  type Dhis2Connection,
  type Dhis2ConnectionInput,
  deleteConnection,
  dropWaitingPulls,
  findConnection,
  findConnectionByName,
  insertConnection,
  listConnections,
  type PullJobs,
  pullJobsOf,
  runWaitingJobNow,
  updateConnection,
} from "../../db/health/dhis2-connections.ts";
import type { Executor } from "../../db/shared/audit.ts";
import { enqueueJob, releaseJobKey, setJobProgress } from "../../db/shared/jobs.ts";
import {
  DHIS2_SCHEDULES,
  type Dhis2Schedule,
  expandPeriods,
  isEnvName,
  nextPullAt,
} from "../../domain/health/dhis2-pull.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { invalidFields, notFound, Problem } from "../../domain/shared/problem.ts";
import { checkBaseUrl } from "../../importers/health/dhis2/server.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import type { JobRegistry } from "../shared/jobs.ts";
import type { Log } from "../shared/log.ts";
import { type HttpOptions, type PullSummary, pullConnection } from "./dhis2-pull.ts";

export type { Dhis2Connection, Dhis2ConnectionInput };

export const DHIS2_PULL_JOB = "dhis2.pull";

/** The key that keeps one pull of a connection waiting at a time. */
const jobKey = (id: number) => `${DHIS2_PULL_JOB}:${id}`;

/** A DHIS2 uid: eleven letters and digits, starting with a letter. */
const UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

/** Every field's reason, or none: a connection is saved only when all are right. */
export function connectionIssues(c: Dhis2ConnectionInput, today: string): Record<string, string> {
  const issues: Record<string, string> = {};
  const name = c.name.trim();
  if (name === "") issues.name = "required";
  else if (name.length > 100) issues.name = "too_long";
  try {
    checkBaseUrl(c.baseUrl);
  } catch (error) {
    issues.baseUrl = (error as { code?: string }).code ?? "invalid";
  }
  const vars =
    c.auth.kind === "token"
      ? { tokenVar: c.auth.tokenVar }
      : { usernameVar: c.auth.usernameVar, passwordVar: c.auth.passwordVar };
  for (const [field, value] of Object.entries(vars))
    if (!isEnvName(value)) issues[field] = value === "" ? "required" : "invalid";
  if (!UID.test(c.dataSet)) issues.dataSet = c.dataSet === "" ? "required" : "invalid";
  if (!UID.test(c.orgUnit)) issues.orgUnit = c.orgUnit === "" ? "required" : "invalid";
  if (c.periods.length > 2000) issues.periods = "too_long";
  else if (expandPeriods(c.periods, today) === null)
    issues.periods = c.periods.trim() === "" ? "required" : "invalid";
  if (!(DHIS2_SCHEDULES as readonly string[]).includes(c.schedule)) issues.schedule = "invalid";
  return issues;
}

/** Queues the connection's next pull at `runAt` (none while one already waits). */
async function schedulePull(db: Executor, id: number, runAt: Date): Promise<void> {
  await enqueueJob(db, {
    kind: DHIS2_PULL_JOB,
    payload: { connectionId: id },
    runAt,
    dedupeKey: jobKey(id),
    maxAttempts: 3,
  });
}

/**
 * Saves a new connection (no `id`) or replaces one; a scheduled connection gets its first pull
 * queued now. Every field's error comes back at once (`invalid_input`, one issue per field).
 */
export async function saveConnection(
  db: Db,
  actor: Actor,
  input: Dhis2ConnectionInput & { id?: number },
  now: Date = new Date(),
): Promise<Dhis2Connection> {
  authorise(actor, "health.write");
  const c = { ...input, name: input.name.trim(), baseUrl: input.baseUrl.trim() };
  const issues = connectionIssues(c, now.toISOString().slice(0, 10));
  const named = issues.name ? undefined : await findConnectionByName(db, c.name);
  if (named && named.id !== c.id) issues.name = "taken";
  if (Object.keys(issues).length > 0) throw invalidFields(issues, { name: 100, periods: 2000 });
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    const { id, ...fields } = c;
    const saved =
      id === undefined
        ? await insertConnection(trx, by, fields)
        : await updateConnection(trx, by, id, fields);
    if (!saved) throw notFound("dhis2_connection", id ?? 0);
    if (saved.schedule !== "none") await schedulePull(trx, saved.id, now);
    return saved;
  });
}

export async function savedConnections(db: Db, actor: Actor): Promise<Dhis2Connection[]> {
  authorise(actor, "health.write");
  return listConnections(db);
}

/** A connection as its page lists it: with its next pull waiting and one running, if any. */
export interface ConnectionView extends Dhis2Connection, PullJobs {}

export async function connectionViews(db: Db, actor: Actor): Promise<ConnectionView[]> {
  authorise(actor, "health.write");
  const connections = await listConnections(db);
  const jobs = await pullJobsOf(
    db,
    DHIS2_PULL_JOB,
    connections.map((c) => c.id),
  );
  return connections.map((c) => ({
    ...c,
    ...(jobs.get(c.id) ?? { waiting: null, running: null }),
  }));
}

export async function getConnection(db: Db, actor: Actor, id: number): Promise<Dhis2Connection> {
  authorise(actor, "health.write");
  const found = await findConnection(db, id);
  if (!found) throw notFound("dhis2_connection", id);
  return found;
}

/**
 * Queues a pull of a saved connection to run now, as the actor, and returns its job's id: the
 * pull already running, else the waiting one (the schedule's next run) made due now, else a
 * new one, tried once. Its job's page follows it; after it the schedule goes on from now.
 */
export async function queuePullNow(db: Db, actor: Actor, id: number): Promise<string> {
  authorise(actor, "health.write");
  const connection = await findConnection(db, id);
  if (!connection) throw notFound("dhis2_connection", id);
  const payload = { connectionId: id, actor: actorLabel(actor) };
  for (let attempt = 0; attempt < 3; attempt++) {
    const jobs = (await pullJobsOf(db, DHIS2_PULL_JOB, [id])).get(id);
    if (jobs?.running) return jobs.running.id;
    if (jobs?.waiting && (await runWaitingJobNow(db, jobs.waiting.id, payload)))
      return jobs.waiting.id;
    const queued = await enqueueJob(db, {
      kind: DHIS2_PULL_JOB,
      payload,
      dedupeKey: jobKey(id),
      maxAttempts: 1,
    });
    if (queued) return queued;
    // Another request or the schedule queued one in between: take that one.
  }
  throw new Problem("busy", "dhis2_connection");
}

export async function removeConnection(db: Db, actor: Actor, id: number): Promise<void> {
  authorise(actor, "health.write");
  const removed = await db.transaction().execute(async (trx) => {
    // Its waiting pulls go with it: run, they would only find it gone.
    await dropWaitingPulls(trx, DHIS2_PULL_JOB, id);
    return deleteConnection(trx, actorLabel(actor), id);
  });
  if (!removed) throw notFound("dhis2_connection", id);
}

/** Pulls a saved connection now, as the actor; its outcome is recorded on it. */
export async function pullSavedConnection(
  database: Database,
  actor: Actor,
  o: {
    id: number;
    env: Readonly<Record<string, string | undefined>>;
    incremental?: boolean;
    dryRun?: boolean;
    http?: HttpOptions;
    onProgress?: (read: number) => void;
  },
): Promise<PullSummary> {
  authorise(actor, "health.write");
  const connection = await findConnection(database.db, o.id);
  if (!connection) throw notFound("dhis2_connection", o.id);
  return pullConnection(database, { ...o, connection, actor: actorLabel(actor), now: new Date() });
}

export interface Dhis2JobOptions {
  database: Database;
  /** Where the variables a connection names are read (the process's environment). */
  env: Readonly<Record<string, string | undefined>>;
  log: Log;
  http?: HttpOptions;
  /** The time a run starts (tests fix it). */
  now?: () => Date;
}

/**
 * The job that pulls one saved connection (payload `{ connectionId }`), changed values only
 * after its first pull, then queues the next run its schedule calls for — whether this one
 * succeeded or not, so that a server down for a day does not stop the schedule.
 */
export function dhis2Jobs(o: Dhis2JobOptions): JobRegistry {
  return {
    [DHIS2_PULL_JOB]: async ({ job, owner }) => {
      const payload = job.payload as { connectionId?: unknown; actor?: unknown } | null;
      const id = Number(payload?.connectionId);
      const connection = Number.isInteger(id) ? await findConnection(o.database.db, id) : undefined;
      if (!connection) return { skipped: "no_connection" };
      const now = o.now?.() ?? new Date();
      // This job's key is freed first, so that its next run can be queued under it.
      if (job.lease_owner) await releaseJobKey(o.database.db, job.id, job.lease_owner);
      const next = nextPullAt(connection.schedule as Dhis2Schedule, now.getTime());
      const queueNext = async () => {
        if (next !== null) await schedulePull(o.database.db, connection.id, new Date(next));
      };
      let last = 0;
      try {
        const summary = await pullConnection(o.database, {
          connection,
          env: o.env,
          // A pull asked for from the page is the asker's; a scheduled one the job's.
          actor: typeof payload?.actor === "string" ? payload.actor : `job:${DHIS2_PULL_JOB}`,
          now,
          incremental: true,
          http: o.http,
          onProgress: (values) => {
            // A progress write at most every second, for the job's page.
            if (values < 0 || Date.now() - last < 1000) return;
            last = Date.now();
            void setJobProgress(o.database.db, job.id, owner, { valuesRead: values }).catch(
              () => {},
            );
          },
        });
        await queueNext();
        o.log.info(
          {
            jobId: job.id,
            connection: connection.name,
            imported: summary.imported,
            updated: summary.updated,
          },
          "dhis2 pull done",
        );
        const { metadata: _metadata, periods: _periods, requests, retries, ...values } = summary;
        return {
          imported: summary.imported,
          updated: summary.updated,
          ignored: summary.ignored,
          rejected: summary.rejected.length + summary.rejectedNotListed,
          batchId: summary.batchId,
          // The values' summary whole (its listed rejections too), for the import's page.
          summary: values,
          requests,
          retries,
        };
      } catch (error) {
        await queueNext();
        throw error;
      }
    },
  };
}
