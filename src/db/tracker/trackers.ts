// Trackers: one per country whose commitments are followed.
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

/** The tracker this instance serves: the first one created. */
export async function findDefaultTracker(db: Executor) {
  return db.selectFrom("trackers").selectAll().orderBy("id").limit(1).executeTakeFirst();
}
