// Health files uploaded from the web (DHIS2 exports, units, facility files): the file is kept on disk, an import job is queued, and the
// job runs the same import as the command line (reading off the main thread), recording how many
// values it has read as it goes, so that the page showing it can be reloaded at any time. Only
// those with the health.write right queue, list and read these imports.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  type Dhis2Connection,
  findConnection,
  listConnections,
} from "../../db/health/dhis2-connections.ts";
import {
  enqueueJob,
  findJob,
  type JobRow,
  listJobs,
  setJobProgress,
} from "../../db/shared/jobs.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Database, Db } from "../shared/db.ts";
import type { JobRegistry } from "../shared/jobs.ts";
import type { DataImportSummary } from "./data-import.ts";
import { DHIS2_PULL_JOB } from "./dhis2-connections.ts";
import { fileRefusal } from "./dhis2-files.ts";
import type { MetadataSummary } from "./metadata-import.ts";
import { importUpload, type UploadKind, type UploadResult } from "./uploads.ts";

export const HEALTH_IMPORT_JOB = "health.import";

interface ImportPayload {
  path: string;
  name: string;
  size: number;
  kind: UploadKind;
  dryRun: boolean;
  actor: string;
}

export type ImportJobState =
  | { state: "queued" }
  | { state: "running"; valuesRead: number; merged: { done: number; of: number } | null }
  | { state: "done"; result: UploadResult }
  | { state: "refused"; code: string; details: Readonly<Record<string, string | number>> }
  | { state: "failed" }
  /** A DHIS2 pull whose try failed: why (a DHIS2 pull code), and when it is tried again. */
  | {
      state: "pull_failed";
      code: string;
      details: Readonly<Record<string, string | number>>;
      retryAt: Date | null;
    };

export interface ImportJobView {
  id: string;
  /** An uploaded file, or a pull from a saved DHIS2 connection. */
  source: "file" | "dhis2";
  /** The file's name, or the connection's. */
  name: string;
  size: number;
  dryRun: boolean;
  createdAt: Date;
  finishedAt: Date | null;
  status: ImportJobState;
}

/** Keeps the upload on disk and queues its import; returns the job's id. */
export async function queueFileImport(
  db: Db,
  actor: Actor,
  upload: {
    dir: string;
    name: string;
    bytes: ReadableStream<Uint8Array>;
    size: number;
    kind: ImportPayload["kind"];
    dryRun: boolean;
  },
): Promise<string> {
  authorise(actor, "health.write");
  await mkdir(upload.dir, { recursive: true });
  const path = join(upload.dir, `${Date.now()}-${randomBytes(6).toString("hex")}.upload`);
  await pipeline(
    Readable.fromWeb(upload.bytes as import("node:stream/web").ReadableStream),
    createWriteStream(path),
  );
  const payload: ImportPayload = {
    path,
    name: upload.name.slice(0, 200),
    size: upload.size,
    kind: upload.kind,
    dryRun: upload.dryRun,
    actor: actorLabel(actor),
  };
  const id = await enqueueJob(db, {
    kind: HEALTH_IMPORT_JOB,
    payload: { ...payload },
    maxAttempts: 1,
  });
  return id as string;
}

/** The job kind that runs uploaded imports, on the store that takes bulk loads. */
export function healthImportJobs(database: Database): JobRegistry {
  return {
    [HEALTH_IMPORT_JOB]: async ({ job, owner }) => {
      const p = job.payload as ImportPayload;
      let last = 0;
      try {
        const result = await importUpload(database, {
          path: p.path,
          kind: p.kind,
          dryRun: p.dryRun,
          actor: p.actor,
          onProgress: (values) => {
            // A progress write at most every second: the page polls, the import goes on.
            if (values < 0 || Date.now() - last < 1000) return;
            last = Date.now();
            void setJobProgress(database.db, job.id, owner, { valuesRead: values }).catch(() => {});
          },
          onMerge: (merged, staged) => {
            if (Date.now() - last < 1000) return;
            last = Date.now();
            void setJobProgress(database.db, job.id, owner, {
              valuesRead: staged,
              merged: { done: merged, of: staged },
            }).catch(() => {});
          },
        });
        // The summary is kept whole, its listed rejections included (1,000 at most).
        return { outcome: "done", result };
      } catch (error) {
        const refusal = fileRefusal(error);
        if (refusal) return { outcome: "refused", ...refusal };
        throw error;
      } finally {
        await rm(p.path, { force: true });
      }
    },
  };
}

function viewOf(job: JobRow): ImportJobView {
  const p = job.payload as ImportPayload;
  const r = job.result as
    | { progress?: { valuesRead: number; merged?: { done: number; of: number } } }
    | { outcome: "done"; result: UploadResult }
    | { outcome: "refused"; code: string; details: Record<string, string | number> }
    | null;
  let status: ImportJobState;
  if (job.state === "queued") status = { state: "queued" };
  else if (job.state === "running")
    status = {
      state: "running",
      valuesRead: (r && "progress" in r && r.progress?.valuesRead) || 0,
      merged: (r && "progress" in r && r.progress?.merged) || null,
    };
  else if (job.state === "done" && r && "outcome" in r)
    status =
      r.outcome === "done"
        ? { state: "done", result: r.result }
        : { state: "refused", code: r.code, details: r.details };
  else status = { state: "failed" };
  return {
    id: job.id,
    source: "file",
    name: p.name,
    size: p.size,
    dryRun: p.dryRun,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
    status,
  };
}

/**
 * A pull's job as an import: its values' summary once done; while it waits after a failed try,
 * or once failed, the reason its connection recorded (a DHIS2 pull code).
 */
const connectionIdOf = (job: JobRow) =>
  Number((job.payload as { connectionId?: unknown } | null)?.connectionId);

function pullViewOf(job: JobRow, connection: Dhis2Connection | undefined): ImportJobView {
  const id = connectionIdOf(job);
  const r = job.result as
    | { progress?: { valuesRead: number } }
    | { summary?: DataImportSummary }
    | null;
  const last = connection?.lastResult as { ok?: boolean; code?: string; status?: number | null };
  const auth = connection?.auth;
  const failure = (retryAt: Date | null): ImportJobState => ({
    state: "pull_failed",
    code: last && last.ok === false && last.code ? last.code : "dhis2_network",
    details: {
      url: connection?.baseUrl ?? "",
      status: last?.status ?? "",
      variable: !auth
        ? ""
        : auth.kind === "token"
          ? auth.tokenVar
          : `${auth.usernameVar}, ${auth.passwordVar}`,
    },
    retryAt,
  });
  let status: ImportJobState;
  if (job.state === "queued") status = job.attempts > 0 ? failure(job.run_at) : { state: "queued" };
  else if (job.state === "running")
    status = {
      state: "running",
      valuesRead: (r && "progress" in r && r.progress?.valuesRead) || 0,
      merged: null,
    };
  else if (job.state === "done" && r && "summary" in r && r.summary)
    status = { state: "done", result: { kind: "values", summary: r.summary } };
  else if (job.state === "failed") status = failure(null);
  else status = { state: "failed" };
  return {
    id: job.id,
    source: "dhis2",
    name: connection?.name ?? `DHIS2 ${Number.isInteger(id) ? id : ""}`.trim(),
    size: 0,
    dryRun: false,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
    status,
  };
}

export async function getImportJob(db: Db, actor: Actor, id: string): Promise<ImportJobView> {
  authorise(actor, "health.write");
  const job = await findJob(db, id);
  if (job?.kind === DHIS2_PULL_JOB) {
    const connectionId = connectionIdOf(job);
    return pullViewOf(
      job,
      Number.isInteger(connectionId) ? await findConnection(db, connectionId) : undefined,
    );
  }
  if (!job || job.kind !== HEALTH_IMPORT_JOB) throw notFound("import", id);
  return viewOf(job);
}

/**
 * The latest imports, files and DHIS2 pulls together, newest first; a pull only once due (the
 * schedule's next run, waiting for its day, is the connections page's to show).
 */
export async function listImportJobs(
  db: Db,
  actor: Actor,
  now: Date = new Date(),
): Promise<ImportJobView[]> {
  authorise(actor, "health.write");
  const files = await listJobs(db, HEALTH_IMPORT_JOB, 20);
  const pulls = (await listJobs(db, DHIS2_PULL_JOB, 40)).filter(
    (j) => j.state !== "queued" || j.attempts > 0 || j.run_at <= now,
  );
  const connections =
    pulls.length > 0 ? new Map((await listConnections(db)).map((c) => [c.id, c])) : new Map();
  return [...files, ...pulls]
    .sort((a, b) => Number(b.id) - Number(a.id))
    .slice(0, 20)
    .map((j) =>
      j.kind === DHIS2_PULL_JOB ? pullViewOf(j, connections.get(connectionIdOf(j))) : viewOf(j),
    );
}

export type { DataImportSummary, MetadataSummary };
