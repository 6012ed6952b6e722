// The e-mail outbox: messages are queued in the same transaction as what caused them, then
// delivered by whichever instance claims them first (row locks), so none goes twice.
import { sql } from "kysely";
import type { Executor } from "./audit.ts";

export interface NewMail {
  recipient: string;
  subject: string;
  body: string;
  kind: "invitation" | "reminder" | "password_reset";
  cycleId?: number | null;
  partnerId?: number | null;
  /** When set, a second message with the same key is silently not queued. */
  dedupeKey?: string | null;
}

export interface MailRow {
  id: number;
  recipient: string;
  subject: string;
  body: string;
  kind: string;
  cycle_id: number | null;
  partner_id: number | null;
  created_at: Date;
  sent_at: Date | null;
  attempts: number;
  last_error: string | null;
}

/** Queues a message; returns false when its dedupe key was already queued. */
export async function insertMail(db: Executor, m: NewMail): Promise<boolean> {
  const row = await db
    .insertInto("outbox")
    .values({
      recipient: m.recipient,
      subject: m.subject,
      body: m.body,
      kind: m.kind,
      cycle_id: m.cycleId ?? null,
      partner_id: m.partnerId ?? null,
      dedupe_key: m.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** Claims up to `limit` unsent messages, skipping those another instance holds. */
export async function claimUnsent(db: Executor, limit: number): Promise<MailRow[]> {
  return db
    .selectFrom("outbox")
    .selectAll()
    .where("sent_at", "is", null)
    .where("attempts", "<", 5)
    .orderBy("id")
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markSent(db: Executor, id: number): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ sent_at: sql`now()`, last_error: null })
    .where("id", "=", id)
    .execute();
}

export async function markFailed(db: Executor, id: number, error: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ attempts: sql`attempts + 1`, last_error: error.slice(0, 500) })
    .where("id", "=", id)
    .execute();
}

export async function listMail(
  db: Executor,
  filter: { cycleId?: number; limit: number },
): Promise<MailRow[]> {
  let q = db.selectFrom("outbox").selectAll().orderBy("id", "desc").limit(filter.limit);
  if (filter.cycleId !== undefined) q = q.where("cycle_id", "=", filter.cycleId);
  return q.execute();
}
