// The coordinator's report texts: each cycle's texts (acknowledgements, context, …), with every
// write audited in the caller's transaction.
import type { Transaction } from "kysely";
import type { CycleTextKind } from "../../domain/tracker/report-text.ts";
import type { DB } from "../schema.ts";
import { deleteAudited, type Executor, insertAudited, recordAudit } from "../shared/audit.ts";

export interface CycleTextRow {
  kind: CycleTextKind;
  text: string;
  textEn: string | null;
}

export async function listCycleTexts(db: Executor, cycleId: number): Promise<CycleTextRow[]> {
  const rows = await db
    .selectFrom("cycle_texts")
    .select(["kind", "text", "text_en"])
    .where("cycle_id", "=", cycleId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ kind: r.kind as CycleTextKind, text: r.text, textEn: r.text_en }));
}

/**
 * Creates or replaces the text of one kind for a cycle. The audit record holds the row before
 * and after, so that an overwritten text can always be found again.
 */
export async function saveCycleTextRow(
  db: Transaction<DB>,
  actor: string,
  cycleId: number,
  t: CycleTextRow,
): Promise<void> {
  const before = await db
    .selectFrom("cycle_texts")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .where("kind", "=", t.kind)
    .forUpdate()
    .executeTakeFirst();
  if (!before) {
    await insertAudited(db, actor, "cycle_texts", {
      cycle_id: cycleId,
      kind: t.kind,
      text: t.text,
      text_en: t.textEn,
    });
    return;
  }
  const after = await db
    .updateTable("cycle_texts")
    .set({ text: t.text, text_en: t.textEn, updated_at: new Date() })
    .where("id", "=", before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    actor,
    action: "update",
    entity: "cycle_texts",
    entityId: before.id,
    before,
    after,
  });
}

/** Removes the text of one kind from a cycle; the audit record keeps the text removed. */
export async function deleteCycleTextRow(
  db: Executor,
  actor: string,
  cycleId: number,
  kind: CycleTextKind,
): Promise<boolean> {
  const before = await deleteAudited(db, actor, "cycle_texts", { cycle_id: cycleId, kind });
  return before !== undefined;
}
