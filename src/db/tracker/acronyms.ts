// A tracker's acronyms, spelt out in French and, when given, English, for the report's list;
// every write audited in the caller's transaction.
import { sql } from "kysely";
import { type Bilingual, bilingual } from "../../domain/shared/lang.ts";
import { deleteAudited, type Executor, insertAudited, updateAudited } from "../shared/audit.ts";

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

/** A tracker's acronyms, each spelt out in both languages, by acronym. */
export async function listAcronyms(
  db: Executor,
  trackerId: number,
): Promise<{ acronym: string; expansion: Bilingual }[]> {
  const rows = await db
    .selectFrom("acronyms")
    .selectAll()
    .where("tracker_id", "=", trackerId)
    .orderBy("acronym")
    .execute();
  return rows.map((r) => ({
    acronym: r.acronym,
    expansion: bilingual(r.expansion, r.expansion_en),
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
  return (await deleteAudited(db, actor, "acronyms", { id })) !== undefined;
}
