// Jobs: background work stored as rows. A job is claimed by one process at a time: a short
// statement takes the next due job under `FOR UPDATE SKIP LOCKED` and gives it a lease
// (lease_owner, lease_until), then the work runs outside any transaction and only the lease's
// holder may settle it. A process that dies mid-job leaves a lease that lapses; the job is
// claimed again, counting one more attempt, until it has used them all.
import { sql } from "kysely";
import type { Executor } from "./audit.ts";

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  /** Not before this moment (default now). */
  runAt?: Date;
  /** While a job with this key waits or runs, another with the same key is not queued. */
  dedupeKey?: string | null;
  maxAttempts?: number;
}

export interface JobRow {
  id: string;
  kind: string;
  payload: unknown;
  state: string;
  attempts: number;
  max_attempts: number;
  run_at: Date;
  lease_owner: string | null;
  lease_until: Date | null;
  dedupe_key: string | null;
  result: unknown;
  last_error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

/** Queues a job; returns its id, or null when a job with its key is already waiting or running. */
export async function enqueueJob(db: Executor, job: NewJob): Promise<string | null> {
  const row = await db
    .insertInto("jobs")
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt ?? sql<Date>`now()`,
      dedupe_key: job.dedupeKey ?? null,
      ...(job.maxAttempts !== undefined ? { max_attempts: job.maxAttempts } : {}),
    })
    // The partial index's predicate in constants, as the index says it: a plan made for any
    // parameter values (a prepared statement's generic plan) can only infer it from these.
    .onConflict((oc) =>
      oc.column("dedupe_key").where(sql<boolean>`state in ('queued', 'running')`).doNothing(),
    )
    .returning("id")
    .executeTakeFirst();
  return row ? String(row.id) : null;
}

export interface ClaimOptions {
  /** The kinds this process knows how to run; others are left for another. */
  kinds: readonly string[];
  /** Who holds the lease (an instance and run), to settle the job afterwards. */
  owner: string;
  leaseSeconds: number;
  /** Only jobs after this id: a run that passes its last id tries each job once. */
  afterId?: string;
}

/**
 * Claims the next due job of the given kinds: one waiting whose time has come, or one whose
 * holder's lease lapsed with attempts left. Counts the attempt. Undefined when none is due.
 */
export async function claimJob(db: Executor, o: ClaimOptions): Promise<JobRow | undefined> {
  if (o.kinds.length === 0) return undefined;
  const row = await db
    .updateTable("jobs")
    .set({
      state: "running",
      attempts: sql`attempts + 1`,
      lease_owner: o.owner,
      lease_until: sql`now() + make_interval(secs => ${o.leaseSeconds})`,
    })
    .where(
      "id",
      "=",
      db
        .selectFrom("jobs")
        .select("id")
        .where("kind", "in", [...o.kinds])
        .where("run_at", "<=", sql<Date>`now()`)
        .where("attempts", "<", sql<number>`max_attempts`)
        .where("id", ">", o.afterId ?? "0")
        .where((w) =>
          w.or([
            w("state", "=", "queued"),
            w.and([w("state", "=", "running"), w("lease_until", "<", sql<Date>`now()`)]),
          ]),
        )
        .orderBy("id")
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
  return row ? { ...row, id: String(row.id) } : undefined;
}

/** The job is done; only the holder of its lease can say so. False when the lease was lost. */
export async function completeJob(
  db: Executor,
  id: string,
  owner: string,
  result: unknown,
): Promise<boolean> {
  const row = await db
    .updateTable("jobs")
    .set({
      state: "done",
      result: result === undefined ? null : JSON.stringify(result),
      last_error: null,
      lease_owner: null,
      lease_until: null,
      finished_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .where("state", "=", "running")
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The attempt failed: the job waits `retrySeconds` for its next attempt, or is failed for good
 * once it has used them all. False when the lease was lost.
 */
export async function failJob(
  db: Executor,
  id: string,
  owner: string,
  error: string,
  retrySeconds: number,
): Promise<boolean> {
  const row = await db
    .updateTable("jobs")
    .set({
      state: sql`case when attempts >= max_attempts then 'failed' else 'queued' end`,
      finished_at: sql`case when attempts >= max_attempts then now() end`,
      run_at: sql`now() + make_interval(secs => ${retrySeconds})`,
      last_error: error.slice(0, 500),
      lease_owner: null,
      lease_until: null,
    })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .where("state", "=", "running")
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function findJob(db: Executor, id: string): Promise<JobRow | undefined> {
  const row = await db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? { ...row, id: String(row.id) } : undefined;
}

/**
 * Fails the jobs whose holder's lease lapsed after their last attempt (the process died): they
 * will not be claimed again, and their key is free for a new job.
 */
export async function expireLapsedJobs(db: Executor, kinds: readonly string[]): Promise<number> {
  if (kinds.length === 0) return 0;
  const rows = await db
    .updateTable("jobs")
    .set({
      state: "failed",
      finished_at: sql`now()`,
      last_error: "the lease lapsed on the last attempt",
      lease_owner: null,
      lease_until: null,
    })
    .where("kind", "in", [...kinds])
    .where("state", "=", "running")
    .where("lease_until", "<", sql<Date>`now()`)
    .where("attempts", ">=", sql<number>`max_attempts`)
    .returning("id")
    .execute();
  return rows.length;
}

/** What a running job has done so far, kept in its result until it settles. */
export async function setJobProgress(
  db: Executor,
  id: string,
  owner: string,
  progress: unknown,
): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ result: JSON.stringify({ progress }) })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .where("state", "=", "running")
    .execute();
}

/** The latest jobs of a kind, newest first. */
export async function listJobs(db: Executor, kind: string, limit: number): Promise<JobRow[]> {
  const rows = await db
    .selectFrom("jobs")
    .selectAll()
    .where("kind", "=", kind)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

/**
 * Frees a running job's key, so that the job can queue its own next run under the same key
 * (a recurring job that schedules itself). Only the lease's holder may.
 */
export async function releaseJobKey(db: Executor, id: string, owner: string): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ dedupe_key: null })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .execute();
}
