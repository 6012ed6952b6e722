// Imports recorded as batches: one row per import (its source, who ran it, the file's hash, what
// it covered, its counts and state), and one audit event per import that describes the batch —
// its counts, its source and the rows it wrote — instead of one event per row.
import { sql } from "kysely";
import { type Executor, recordAudit } from "./audit.ts";

export interface BatchCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface NewBatch {
  /** What the rows came from, e.g. "questionnaire_workbook". */
  source: string;
  actor: string;
  /** SHA-256 of the file, hex: the same file imported twice is recognisable. */
  fileHash: string | null;
  /** What the import covered (a cycle and a partner…), as the audit event repeats it. */
  scope: Record<string, unknown> | null;
}

export async function startBatch(db: Executor, batch: NewBatch): Promise<string> {
  const row = await db
    .insertInto("import_batches")
    .values({
      source: batch.source,
      actor: batch.actor,
      file_hash: batch.fileHash,
      scope: batch.scope ? JSON.stringify(batch.scope) : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/**
 * Closes the batch with its counts and records the one audit event that describes it: `before`
 * holds what the rows it replaced said, `after` its counts, scope and the rows it wrote.
 */
export async function finishBatch(
  db: Executor,
  id: string,
  outcome: {
    counts: BatchCounts;
    before?: unknown;
    written?: unknown;
    /** False when the import changed nothing: then no audit event is recorded. */
    audit?: boolean;
  },
): Promise<void> {
  const row = await db
    .updateTable("import_batches")
    .set({
      state: "done",
      finished_at: sql`now()`,
      inserted: outcome.counts.inserted,
      updated: outcome.counts.updated,
      unchanged: outcome.counts.unchanged,
      rejected: outcome.counts.rejected,
    })
    .where("id", "=", id)
    .returning(["actor", "source", "file_hash", "scope"])
    .executeTakeFirstOrThrow();
  if (outcome.audit === false) return;
  await recordAudit(db, {
    actor: row.actor,
    action: "import",
    entity: "import_batches",
    entityId: id,
    before: outcome.before ?? null,
    after: {
      source: row.source,
      fileHash: row.file_hash,
      scope: row.scope,
      counts: outcome.counts,
      written: outcome.written ?? null,
    },
  });
}

/** A batch that could not be completed keeps its reason; nothing it wrote was committed. */
export async function failBatch(db: Executor, id: string, error: string): Promise<void> {
  await db
    .updateTable("import_batches")
    .set({ state: "failed", finished_at: sql`now()`, error: error.slice(0, 500) })
    .where("id", "=", id)
    .execute();
}

export async function findBatch(db: Executor, id: string) {
  return db.selectFrom("import_batches").selectAll().where("id", "=", id).executeTakeFirst();
}

/** True when some data came in through the demo's own loader (`source = 'demo'`): synthetic. */
export async function holdsDemoData(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom("import_batches")
    .select("id")
    .where("source", "=", "demo")
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
