// The recommendations whose owners are due a reminder: overdue at a day (past the due day, open
// or in progress) with an address to write to, and the lock that keeps two instances apart.
import { sql, type Transaction } from "kysely";
import {
  isRecommendationStatus,
  type RecommendationStatus,
} from "../../domain/programme/mission.ts";
import type { DB } from "../schema.ts";
import type { Executor } from "../shared/audit.ts";

const statusOf = (s: string): RecommendationStatus => (isRecommendationStatus(s) ? s : "open");

/** An overdue recommendation whose owner has an address: its own, or its account's. */
export interface RecommendationToRemind {
  id: number;
  text: string;
  dueDate: string;
  status: RecommendationStatus;
  missionTitle: string;
  programmeName: string;
  email: string;
  ownerName: string;
}

/** Every recommendation of any programme overdue at a day whose owner can be written to. */
export async function recommendationsToRemind(
  db: Executor,
  day: string,
): Promise<RecommendationToRemind[]> {
  const rows = await db
    .selectFrom("mission_recommendations as r")
    .innerJoin("missions as m", "m.id", "r.mission_id")
    .innerJoin("programmes as p", "p.id", "m.programme_id")
    .leftJoin("users as u", (j) =>
      j.onRef("u.id", "=", "r.owner_user_id").on("u.disabled_at", "is", null),
    )
    .select([
      "r.id",
      "r.text",
      "r.due_date",
      "r.status",
      "m.title as mission_title",
      "p.name as programme_name",
      sql<string | null>`coalesce(nullif(trim(r.owner_email), ''), u.email)`.as("email"),
      sql<string>`coalesce(r.owner_name, u.name, '')`.as("owner_name"),
    ])
    .where("r.due_date", "<", day)
    .where("r.status", "in", ["open", "in_progress"])
    .orderBy("r.id")
    .execute();
  return rows.flatMap((r) =>
    r.email === null
      ? []
      : [
          {
            id: r.id,
            text: r.text,
            dueDate: r.due_date,
            status: statusOf(r.status),
            missionTitle: r.mission_title,
            programmeName: r.programme_name,
            email: r.email,
            ownerName: r.owner_name,
          },
        ],
  );
}

// Its own lock, apart from the partners' reminders: two instances never remind owners at once.
const RECOMMENDATION_REMINDER_LOCK = 7_436_224;

/** Takes the recommendation reminders' lock for the transaction; false when another holds it. */
export async function tryRecommendationReminderLock(db: Transaction<DB>): Promise<boolean> {
  const result = await sql<{
    locked: boolean;
  }>`select pg_try_advisory_xact_lock(${sql.lit(RECOMMENDATION_REMINDER_LOCK)}) as locked`.execute(
    db,
  );
  return result.rows[0]?.locked === true;
}
