// Which partners a cycle asks about which indicators (the mapping): made, listed, removed while
// nothing answers it yet, and the partners it names, read for reports.
import { type Executor, insertAudited, recordAudit } from "../shared/audit.ts";
import { manyRows } from "../shared/many.ts";

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

/** The cycle's mapping, or one partner's part of it. */
export async function listMappings(
  db: Executor,
  cycleId: number,
  partnerId?: number,
): Promise<{ partnerId: number; indicatorId: number }[]> {
  let query = db
    .selectFrom("mappings")
    .select(["partner_id", "indicator_id"])
    .where("cycle_id", "=", cycleId);
  if (partnerId !== undefined) query = query.where("partner_id", "=", partnerId);
  const rows = await manyRows(db, query, ["partner_id", "indicator_id"]);
  return rows.map((r) => ({ partnerId: r.partner_id, indicatorId: r.indicator_id }));
}

/** The partners asked about these indicators in the cycle that have not answered them yet. */
export async function listUnanswered(
  db: Executor,
  cycleId: number,
  indicatorIds: readonly number[],
): Promise<{ partnerId: number; indicatorId: number }[]> {
  // Asked even for no indicator, so that a page sends as many statements whatever it shows.
  const query = db
    .selectFrom("mappings as m")
    .select(["m.partner_id", "m.indicator_id"])
    .where("m.cycle_id", "=", cycleId)
    .where("m.indicator_id", "=", (eb) => eb.fn.any(eb.val([...indicatorIds])))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("responses as r")
            .select("r.id")
            .whereRef("r.cycle_id", "=", "m.cycle_id")
            .whereRef("r.partner_id", "=", "m.partner_id")
            .whereRef("r.indicator_id", "=", "m.indicator_id"),
        ),
      ),
    );
  const rows = await manyRows(db, query, ["partner_id", "indicator_id"]);
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
