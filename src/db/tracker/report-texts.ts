// The coordinator's report texts: a tracker's acronyms and each cycle's texts (acknowledgements,
// context, …), with every write audited in the caller's transaction.
import { sql } from "kysely";
import type { Lang } from "../../domain/shared/lang.ts";
import { pickText } from "../../domain/shared/lang.ts";
import type { CycleTextKind } from "../../domain/tracker/report-text.ts";
import { type Executor, insertAudited, recordAudit, updateAudited } from "../shared/audit.ts";

export interface AcronymRow {
  acronym: string;
  expansion: string;
  expansionEn: string | null;
}

export async function insertAcronym(db: Executor, actor: string, trackerId: number, a: AcronymRow) {
  return insertAudited(db, actor, "acronyms", {
    tracker_id: trackerId,
    acronym: a.acronym,
    expansion: a.expansion,
    expansion_en: a.expansionEn,
  });
}

/** A tracker's acronyms in the asked language (French expansion when no English one). */
export async function listAcronyms(db: Executor, trackerId: number, lang: Lang) {
  const rows = await db
    .selectFrom("acronyms")
    .selectAll()
    .where("tracker_id", "=", trackerId)
    .orderBy("acronym")
    .execute();
  return rows.map((r) => ({
    acronym: r.acronym,
    expansion: pickText(lang, r.expansion, r.expansion_en),
  }));
}

export interface StoredAcronym extends AcronymRow {
  id: number;
}

/** A tracker's acronyms as stored, both languages, alphabetically (for the editor). */
export async function listAcronymRows(db: Executor, trackerId: number): Promise<StoredAcronym[]> {
  const rows = await db
    .selectFrom("acronyms")
    .selectAll()
    .where("tracker_id", "=", trackerId)
    .orderBy(sql`lower(acronym)`)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    acronym: r.acronym,
    expansion: r.expansion,
    expansionEn: r.expansion_en,
  }));
}

export async function findAcronymRow(
  db: Executor,
  trackerId: number,
  id: number,
): Promise<StoredAcronym | undefined> {
  const r = await db
    .selectFrom("acronyms")
    .selectAll()
    .where("tracker_id", "=", trackerId)
    .where("id", "=", id)
    .executeTakeFirst();
  return r && { id: r.id, acronym: r.acronym, expansion: r.expansion, expansionEn: r.expansion_en };
}

/** True when the tracker already has this acronym, whatever its case. */
export async function acronymTaken(db: Executor, trackerId: number, acronym: string) {
  const row = await db
    .selectFrom("acronyms")
    .select("id")
    .where("tracker_id", "=", trackerId)
    .where(sql`lower(acronym)`, "=", acronym.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateAcronymRow(
  db: Executor,
  actor: string,
  id: number,
  a: { expansion: string; expansionEn: string | null },
): Promise<void> {
  await updateAudited(db, actor, "acronyms", id, {
    expansion: a.expansion,
    expansion_en: a.expansionEn,
  });
}

export async function deleteAcronymRow(db: Executor, actor: string, id: number): Promise<boolean> {
  const before = await db
    .deleteFrom("acronyms")
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  if (!before) return false;
  await recordAudit(db, { actor, action: "delete", entity: "acronyms", entityId: id, before });
  return true;
}

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
  db: Executor,
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
  const before = await db
    .deleteFrom("cycle_texts")
    .where("cycle_id", "=", cycleId)
    .where("kind", "=", kind)
    .returningAll()
    .executeTakeFirst();
  if (!before) return false;
  await recordAudit(db, {
    actor,
    action: "delete",
    entity: "cycle_texts",
    entityId: before.id,
    before,
    after: null,
  });
  return true;
}

/** The cycle a cycle follows, if any (its texts are offered as a starting point). */
export async function findPreviousCycleId(db: Executor, cycleId: number): Promise<number | null> {
  const row = await db
    .selectFrom("cycles")
    .select("previous_cycle_id")
    .where("id", "=", cycleId)
    .executeTakeFirst();
  return row?.previous_cycle_id ?? null;
}
