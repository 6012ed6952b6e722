// The e-mail outbox: messages are queued in the same transaction as what caused them, then
// delivered by whichever instance claims them first: a claim is a short lease (claimed_until)
// taken under a row lock, so none goes twice while it is being sent.
import { sql, type Transaction } from "kysely";
import type { OutboxKind } from "../../domain/shared/outbox.ts";
import type { DB } from "../schema.ts";
import { type Executor, recordAudit } from "./audit.ts";

export interface NewMail {
  recipient: string;
  subject: string;
  body: string;
  kind: OutboxKind;
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

/** The outbox row of a message to queue. */
function mailRow(m: NewMail) {
  return {
    recipient: m.recipient,
    subject: m.subject,
    body: m.body,
    kind: m.kind,
    cycle_id: m.cycleId ?? null,
    partner_id: m.partnerId ?? null,
    dedupe_key: m.dedupeKey ?? null,
  };
}

/** Queues a message; returns false when its dedupe key was already queued. */
export async function insertMail(db: Executor, m: NewMail): Promise<boolean> {
  const row = await db
    .insertInto("outbox")
    .values(mailRow(m))
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Queues a message and records it in the audit log (without its body, which may carry a link's
 * token); returns its id, or null when its dedupe key was already queued.
 */
export async function insertMailAudited(
  db: Executor,
  actor: string,
  m: NewMail,
): Promise<number | null> {
  const row = await db
    .insertInto("outbox")
    .values(mailRow(m))
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning(["id", "recipient", "subject", "kind", "cycle_id", "partner_id", "dedupe_key"])
    .executeTakeFirst();
  if (!row) return null;
  await recordAudit(db, {
    actor,
    action: "create",
    entity: "outbox",
    entityId: row.id,
    after: row,
  });
  return row.id;
}

/** A message that failed this many times is not tried again. */
export const MAX_ATTEMPTS = 5;

/**
 * Claims the next unsent message after `afterId` for `leaseSeconds`: the row is locked only
 * while the claim is written, then free for the caller to send outside any transaction. A
 * claim that was never settled (the process died mid-send) lapses and the message goes again.
 * A delivery run passes the last id it tried, so a failing message is tried once per run.
 */
export async function claimNext(
  db: Transaction<DB>,
  afterId: number,
  leaseSeconds: number,
): Promise<MailRow | undefined> {
  return db
    .updateTable("outbox")
    .set({ claimed_until: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(
      "id",
      "=",
      db
        .selectFrom("outbox")
        .select("id")
        .where("sent_at", "is", null)
        .where("attempts", "<", MAX_ATTEMPTS)
        .where("id", ">", afterId)
        .where((w) =>
          w.or([w("claimed_until", "is", null), w("claimed_until", "<", sql<Date>`now()`)]),
        )
        .orderBy("id")
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
}

export async function markSent(db: Executor, id: number): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ sent_at: sql`now()`, last_error: null, claimed_until: null })
    .where("id", "=", id)
    .execute();
}

export async function markFailed(db: Executor, id: number, error: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ attempts: sql`attempts + 1`, last_error: error.slice(0, 500), claimed_until: null })
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
