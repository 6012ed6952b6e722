// Which partners a cycle asks about which indicators (the mapping): made, listed, removed while
// nothing answers it yet, and the partners it names, read for reports.
import { type Executor, insertAudited, recordAudit } from "../shared/audit.ts";

/** Distinct partners mapped to at least one indicator in the cycle. */
export async function listMappedPartnerIds(db: Executor, cycleId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("mappings")
    .select("partner_id")
    .distinct()
    .where("cycle_id", "=", cycleId)
    .orderBy("partner_id")
    .execute();
  return rows.map((r) => r.partner_id);
}

export async function insertMapping(
  db: Executor,
  actor: string,
  m: { cycleId: number; partnerId: number; indicatorId: number },
) {
  return insertAudited(
    db,
    actor,
    "mappings",
    { cycle_id: m.cycleId, partner_id: m.partnerId, indicator_id: m.indicatorId },
    (row) => `${row.cycle_id}:${row.partner_id}:${row.indicator_id}`,
  );
}

export async function listMappings(
  db: Executor,
  cycleId: number,
): Promise<{ partnerId: number; indicatorId: number }[]> {
  const rows = await db
    .selectFrom("mappings")
    .select(["partner_id", "indicator_id"])
    .where("cycle_id", "=", cycleId)
    .execute();
  return rows.map((r) => ({ partnerId: r.partner_id, indicatorId: r.indicator_id }));
}

/** Removes a mapping that has no response yet; false when an answer already hangs on it. */
export async function deleteMapping(
  db: Executor,
  actor: string,
  m: { cycleId: number; partnerId: number; indicatorId: number },
): Promise<boolean> {
  const answered = await db
    .selectFrom("responses")
    .select("id")
    .where("cycle_id", "=", m.cycleId)
    .where("partner_id", "=", m.partnerId)
    .where("indicator_id", "=", m.indicatorId)
    .executeTakeFirst();
  if (answered) return false;
  await db
    .deleteFrom("mappings")
    .where("cycle_id", "=", m.cycleId)
    .where("partner_id", "=", m.partnerId)
    .where("indicator_id", "=", m.indicatorId)
    .execute();
  await recordAudit(db, {
    actor,
    action: "delete",
    entity: "mappings",
    entityId: `${m.cycleId}:${m.partnerId}:${m.indicatorId}`,
    before: m,
  });
  return true;
}
