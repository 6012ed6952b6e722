// Trackers: one per country whose commitments are followed.
import { type Bilingual, bilingual } from "../../domain/shared/lang.ts";
import { type Executor, insertAudited } from "../shared/audit.ts";

export interface NewTracker {
  countryCode: string;
  name: string;
  nameEn: string | null;
  organisation: string;
}

export async function insertTracker(db: Executor, actor: string, t: NewTracker) {
  return insertAudited(db, actor, "trackers", {
    country_code: t.countryCode,
    name: t.name,
    name_en: t.nameEn,
    organisation: t.organisation,
  });
}

/** A tracker as stored: its name in both languages. */
export interface StoredTracker {
  id: number;
  countryCode: string;
  name: Bilingual;
  organisation: string;
}

/** The tracker this instance serves: the first one created. */
export async function findDefaultTracker(db: Executor): Promise<StoredTracker | undefined> {
  const row = await db.selectFrom("trackers").selectAll().orderBy("id").limit(1).executeTakeFirst();
  return (
    row && {
      id: row.id,
      countryCode: row.country_code,
      name: bilingual(row.name, row.name_en),
      organisation: row.organisation,
    }
  );
}
