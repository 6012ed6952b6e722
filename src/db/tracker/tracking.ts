// SQL for following a collection cycle: reminders already queued, where to send the next ones,
// the cycles that may still collect, and the lock that keeps scheduled runs to one instance.
import { sql, type Transaction } from "kysely";
import { DEFAULT_LANG, isLang, type Lang } from "../../domain/shared/lang.ts";
import type { DB } from "../schema.ts";
import type { Executor } from "../shared/audit.ts";

export interface ReminderMailRow {
  partner_id: number;
  dedupe_key: string | null;
  created_at: Date;
  sent_at: Date | null;
}

/** Every reminder queued for the cycle, oldest first. */
export async function listReminderMail(db: Executor, cycleId: number): Promise<ReminderMailRow[]> {
  const rows = await db
    .selectFrom("outbox")
    .select(["partner_id", "dedupe_key", "created_at", "sent_at"])
    .where("cycle_id", "=", cycleId)
    .where("kind", "=", "reminder")
    .where("partner_id", "is not", null)
    .orderBy("id")
    .execute();
  return rows.flatMap((r) => (r.partner_id === null ? [] : [{ ...r, partner_id: r.partner_id }]));
}

/**
 * The addresses a partner's reminders go to: those of its invitations in the cycle and of its
 * respondent accounts, without any address of a disabled account (whose links were revoked);
 * each in the language of the last invitation written to it, else French.
 */
export async function listRecipients(
  db: Executor,
  cycleId: number,
): Promise<{ partnerId: number; email: string; lang: Lang }[]> {
  // Newest first: an address takes the language of the last invitation written to it.
  const invited = await db
    .selectFrom("invitations")
    .select(["partner_id", "email", "lang"])
    .where("cycle_id", "=", cycleId)
    .where("email", "is not", null)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  const langOf = new Map<string, Lang>();
  for (const r of invited) {
    const key = `${r.partner_id} ${r.email}`;
    if (!langOf.has(key) && isLang(r.lang)) langOf.set(key, r.lang);
  }
  const users = await db
    .selectFrom("users")
    .select(["partner_id", "email", "role", "disabled_at"])
    .where((eb) => eb.or([eb("role", "=", "respondent"), eb("disabled_at", "is not", null)]))
    .execute();
  const disabled = new Set(users.filter((u) => u.disabled_at !== null).map((u) => u.email));
  const seen = new Set<string>();
  return [...invited, ...users.filter((u) => u.role === "respondent" && u.disabled_at === null)]
    .flatMap((r) => {
      if (r.partner_id === null || r.email === null || disabled.has(r.email)) return [];
      const key = `${r.partner_id} ${r.email}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ partnerId: r.partner_id, email: r.email, lang: langOf.get(key) ?? DEFAULT_LANG }];
    })
    .sort((a, b) => a.partnerId - b.partnerId || a.email.localeCompare(b.email));
}

export interface CollectingCycle {
  id: number;
  slug: string;
  trackerId: number;
  deadline: string | null;
}

/**
 * Cycles that may still ask for answers, the ones scheduled reminders look at: collecting, or in
 * validation (where a partner's extended collection may still run).
 */
export async function listCollectingCycles(db: Executor): Promise<CollectingCycle[]> {
  const rows = await db
    .selectFrom("cycles")
    .select(["id", "slug", "tracker_id", "deadline"])
    .where("state", "in", ["collection", "validation"])
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    trackerId: r.tracker_id,
    deadline: r.deadline,
  }));
}

/** An arbitrary number naming the scheduled-reminders lock among PostgreSQL advisory locks. */
const REMINDER_LOCK = 7_436_201;

/**
 * Takes the scheduled-reminders lock for the rest of the transaction; false when another
 * instance holds it (it does not wait: that instance is doing the same work).
 */
export async function tryReminderLock(db: Transaction<DB>): Promise<boolean> {
  const result = await sql<{
    locked: boolean;
  }>`select pg_try_advisory_xact_lock(${sql.lit(REMINDER_LOCK)}) as locked`.execute(db);
  return result.rows[0]?.locked === true;
}
