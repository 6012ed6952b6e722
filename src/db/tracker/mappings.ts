// Which partners a cycle asked about which indicators (the mapping), read for reports.
import type { Executor } from "../shared/audit.ts";

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
