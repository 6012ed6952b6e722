// Partner organisations of a tracker.
import { type Bilingual, bilingual } from "../../domain/shared/lang.ts";
import type { Partner, PartnerCategory } from "../../domain/tracker/partner.ts";
import { type Executor, insertAudited } from "../shared/audit.ts";
import { manyRows } from "../shared/many.ts";

export interface NewPartner {
  trackerId: number;
  slug: string;
  name: string;
  nameEn: string | null;
  acronym: string | null;
  category: PartnerCategory;
}

export async function insertPartner(db: Executor, actor: string, p: NewPartner) {
  return insertAudited(db, actor, "partners", {
    tracker_id: p.trackerId,
    slug: p.slug,
    name: p.name,
    name_en: p.nameEn,
    acronym: p.acronym,
    category: p.category,
  });
}

/** A partner as stored: its name in both languages (the read model picks one). */
export interface StoredPartner extends Omit<Partner, "name"> {
  name: Bilingual;
}

/** The tracker's partners by name, or only those of the ids given. */
export async function listPartners(
  db: Executor,
  trackerId: number,
  ids?: readonly number[],
): Promise<StoredPartner[]> {
  if (ids !== undefined && ids.length === 0) return [];
  let query = db
    .selectFrom("partners")
    .select(["id", "slug", "name", "name_en", "acronym", "category"])
    .where("tracker_id", "=", trackerId);
  if (ids !== undefined) query = query.where("id", "in", [...new Set(ids)]);
  const rows = await manyRows(db, query.orderBy("name"), [
    "id",
    "slug",
    "name",
    "name_en",
    "acronym",
    "category",
  ]);
  return rows.map((p) => ({
    id: p.id,
    slug: p.slug,
    name: bilingual(p.name, p.name_en),
    acronym: p.acronym,
    category: p.category as PartnerCategory,
  }));
}

export async function findPartnerBySlug(
  db: Executor,
  trackerId: number,
  slug: string,
): Promise<StoredPartner | undefined> {
  const p = await db
    .selectFrom("partners")
    .select(["id", "slug", "name", "name_en", "acronym", "category"])
    .where("tracker_id", "=", trackerId)
    .where("slug", "=", slug)
    .executeTakeFirst();
  return (
    p && {
      id: p.id,
      slug: p.slug,
      name: bilingual(p.name, p.name_en),
      acronym: p.acronym,
      category: p.category as PartnerCategory,
    }
  );
}
