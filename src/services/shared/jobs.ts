// Running background jobs: a registry names, for each kind of job, the function that does it;
// a run claims due jobs of the registered kinds one at a time (db/shared/jobs.ts: a lease under
// SKIP LOCKED), does each with no transaction open, and settles it. A schedule repeats runs on a
// timer created by main.ts, queueing its recurring jobs first. Kinds to come: imports,
// aggregate refreshes, scheduled DHIS2 pulls — each one entry of a registry.
import { randomBytes } from "node:crypto";
import {
  claimJob,
  completeJob,
  enqueueJob,
  expireLapsedJobs,
  failJob,
  type JobRow,
} from "../../db/shared/jobs.ts";
import type { Db } from "./db.ts";
import { type Log, silentLog } from "./log.ts";

export interface JobContext {
  db: Db;
  job: JobRow;
  /** The lease holder's name: what a job needs to record its progress. */
  owner: string;
  /** The runner's logger, every line marked with this job's id and kind. */
  log: Log;
}

/** Does one job; what it returns is stored as the job's result, what it throws as its error. */
export type JobHandler = (context: JobContext) => Promise<unknown>;

/** Kind → handler. A process claims only the kinds its registry names. */
export type JobRegistry = Readonly<Record<string, JobHandler>>;

export interface RunOptions {
  /** Who runs: one name per process, so that a lease tells its holder. */
  owner: string;
  /** Longer than any job of these kinds takes; a lapsed lease lets another process retry. */
  leaseSeconds?: number;
  /** Jobs per run at most. */
  limit?: number;
  /** Wait before a failed job's next attempt. */
  retrySeconds?: number;
  /** Where a failed job is reported, with its id (its error is stored on the job too). */
  log?: Log;
  /** Asked before each claim: true ends the run (the server is shutting down). */
  stopping?: () => boolean;
}

export interface RunReport {
  done: number;
  failed: number;
}

/** A name for this process's leases. */
export function workerName(): string {
  return `${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** Claims and does due jobs until none is left (or `limit`); each job is tried once per run. */
export async function runDueJobs(db: Db, registry: JobRegistry, o: RunOptions): Promise<RunReport> {
  const report: RunReport = { done: 0, failed: 0 };
  const kinds = Object.keys(registry);
  await expireLapsedJobs(db, kinds);
  let afterId = "0";
  for (let i = 0; i < (o.limit ?? 100) && !o.stopping?.(); i++) {
    const job = await claimJob(db, {
      kinds,
      owner: o.owner,
      leaseSeconds: o.leaseSeconds ?? 600,
      afterId,
    });
    if (!job) break;
    afterId = job.id;
    const handler = registry[job.kind];
    const log = jobLog(o.log, job);
    const started = performance.now();
    log.debug({ attempt: job.attempts }, "job started");
    try {
      if (!handler) throw new Error(`no handler for ${job.kind}`);
      const result = await handler({ db, job, owner: o.owner, log });
      await completeJob(db, job.id, o.owner, result ?? null);
      log.debug({ ms: Math.round(performance.now() - started) }, "job done");
      report.done += 1;
    } catch (error) {
      o.log?.error({ jobId: job.id, kind: job.kind, err: error }, "job failed");
      await failJob(
        db,
        job.id,
        o.owner,
        String((error as Error)?.message ?? error),
        o.retrySeconds ?? 60,
      );
      report.failed += 1;
    }
  }
  return report;
}

/** A job's lines: the runner's logger with the job's id and kind added to each. */
function jobLog(log: Log | undefined, job: JobRow): Log {
  if (!log) return silentLog;
  const marked = { jobId: job.id, kind: job.kind };
  return {
    debug: (fields, message) => log.debug({ ...marked, ...fields }, message),
    info: (fields, message) => log.info({ ...marked, ...fields }, message),
    warn: (fields, message) => log.warn({ ...marked, ...fields }, message),
    error: (fields, message) => log.error({ ...marked, ...fields }, message),
  };
}

export interface Schedule {
  stop(): Promise<void>;
}

/**
 * Every `everyMs`: queues the recurring kinds (each at most once while waiting or running, in
 * every instance together), then runs the due jobs. The timer does not keep the process alive;
 * stop() waits for a run in progress to finish.
 */
export function startJobSchedule(
  db: Db,
  o: {
    everyMs: number;
    /** Delay before the first run (a server restarted often still gets its runs). */
    firstMs?: number;
    registry: JobRegistry;
    /** Kinds queued at every tick, in this order. */
    recurring: readonly string[];
    owner?: string;
    log: Log;
  },
): Schedule {
  const owner = o.owner ?? workerName();
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await expireLapsedJobs(db, o.recurring);
      for (const kind of o.recurring)
        await enqueueJob(db, { kind, dedupeKey: kind, maxAttempts: 1 });
      await runDueJobs(db, o.registry, { owner, log: o.log, stopping: () => stopped });
    } catch (error) {
      o.log.error({ err: error }, "scheduled jobs");
    }
  };
  // Each run is scheduled after the previous one ends, so two never overlap in one process.
  const next = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().then(() => next(o.everyMs));
    }, delay);
    timer.unref();
  };
  next(o.firstMs ?? o.everyMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export interface JobRunner {
  /** Runs the due jobs soon (now, or right after the run in progress). */
  kick(): void;
  /**
   * The runner is serving: not stopped, and either in a run (a job may take an hour) or its
   * last run ended less than three polls ago. Readiness asks this; it costs nothing.
   */
  alive(): boolean;
  /** Resolves once no run is in progress (the jobs a kick found are done). */
  settled(): Promise<void>;
  /** Takes no new job; resolves once the job in progress (if any) has ended. */
  stop(): Promise<void>;
}

/**
 * Runs the registry's due jobs when kicked — after an upload queues one, and once at start for
 * those a stopped server left queued — and every `pollMs` when given (jobs another instance
 * queued), one run at a time in this process.
 */
export function createJobRunner(
  db: Db,
  registry: JobRegistry,
  o: { owner?: string; log: Log; leaseSeconds?: number; pollMs?: number },
): JobRunner {
  const owner = o.owner ?? workerName();
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let lastRun = Date.now();
  const run = async () => {
    do {
      again = false;
      try {
        await runDueJobs(db, registry, {
          owner,
          leaseSeconds: o.leaseSeconds ?? 3600,
          log: o.log,
          // Stopping ends a run after the job in progress, not after every due job.
          stopping: () => stopped,
        });
      } catch (error) {
        o.log.error({ err: error }, "jobs");
      }
      lastRun = Date.now();
    } while (again && !stopped);
    running = null;
  };
  const kick = () => {
    if (stopped) return;
    if (running) again = true;
    else running = run();
  };
  const poll = o.pollMs ? setInterval(kick, o.pollMs) : undefined;
  poll?.unref();
  return {
    kick,
    alive() {
      if (stopped) return false;
      return running !== null || !o.pollMs || Date.now() - lastRun < 3 * o.pollMs;
    },
    async settled() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(poll);
      await running;
    },
  };
}
