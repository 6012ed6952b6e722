// SQL of a partner's collection window: extensions of collection for one partner (audited), and
// the partner's answers sent back, which keep its links open after collection closes.
import { type Executor, insertAudited, updateAudited } from "../shared/audit.ts";

export interface ExtensionRecord {
  partnerId: number;
  until: string;
}

/** The partners whose collection was extended in the cycle, with their last day. */
export async function listExtensions(db: Executor, cycleId: number): Promise<ExtensionRecord[]> {
  const rows = await db
    .selectFrom("collection_extensions")
    .select(["partner_id", "until"])
    .where("cycle_id", "=", cycleId)
    .orderBy("partner_id")
    .execute();
  return rows.map((r) => ({ partnerId: r.partner_id, until: r.until }));
}

/** The last day of a partner's extended collection, or null. */
export async function findExtension(
  db: Executor,
  cycleId: number,
  partnerId: number,
): Promise<string | null> {
  const row = await db
    .selectFrom("collection_extensions")
    .select("until")
    .where("cycle_id", "=", cycleId)
    .where("partner_id", "=", partnerId)
    .executeTakeFirst();
  return row?.until ?? null;
}

/** Sets (or moves) a partner's last day; the change is audited before and after. */
export async function saveExtension(
  db: Executor,
  actor: string,
  e: { cycleId: number; partnerId: number; until: string },
): Promise<void> {
  const existing = await db
    .selectFrom("collection_extensions")
    .select("id")
    .where("cycle_id", "=", e.cycleId)
    .where("partner_id", "=", e.partnerId)
    .executeTakeFirst();
  if (existing) {
    await updateAudited(db, actor, "collection_extensions", existing.id, {
      until: e.until,
      created_by: actor,
      updated_at: new Date(),
    });
    return;
  }
  await insertAudited(db, actor, "collection_extensions", {
    cycle_id: e.cycleId,
    partner_id: e.partnerId,
    until: e.until,
    created_by: actor,
  });
}

/** How many of the partner's answers in the cycle are sent back to it. */
export async function countReturned(
  db: Executor,
  cycleId: number,
  partnerId: number,
): Promise<number> {
  const row = await db
    .selectFrom("responses")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("cycle_id", "=", cycleId)
    .where("partner_id", "=", partnerId)
    .where("state", "=", "returned")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The partner and cycle of an answer, and the indicator it answers. */
export async function findAnswerOwner(
  db: Executor,
  responseId: number,
): Promise<{ cycleId: number; partnerId: number; indicatorId: number } | undefined> {
  const row = await db
    .selectFrom("responses")
    .select(["cycle_id", "partner_id", "indicator_id"])
    .where("id", "=", responseId)
    .executeTakeFirst();
  return row
    ? { cycleId: row.cycle_id, partnerId: row.partner_id, indicatorId: row.indicator_id }
    : undefined;
}
