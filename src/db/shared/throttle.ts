// Rate limits kept in the database, so that several instances share them and a restart forgets
// nothing: one row per counted event (bucket × key), counted over a sliding window.
import { sql } from "kysely";
import type { Executor } from "./audit.ts";

/** Events older than this are of no use to any limit and are removed as new ones arrive. */
const KEEP_HOURS = 24;

export async function recordThrottleEvent(db: Executor, bucket: string, key: string) {
  await db.insertInto("throttle_events").values({ bucket, key }).execute();
  await db
    .deleteFrom("throttle_events")
    .where("at", "<", sql<Date>`now() - make_interval(hours => ${KEEP_HOURS})`)
    .execute();
}

/**
 * Seconds until fewer than `limit` events of bucket × key fall inside the window, or 0 when
 * fewer already do (the limit is not reached).
 */
export async function throttleWait(
  db: Executor,
  bucket: string,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<number> {
  const row = await db
    .selectFrom("throttle_events")
    .select(
      sql<number>`ceil(extract(epoch from (at + make_interval(secs => ${windowSeconds}) - now())))::int`.as(
        "wait",
      ),
    )
    .where("bucket", "=", bucket)
    .where("key", "=", key)
    .where("at", ">", sql<Date>`now() - make_interval(secs => ${windowSeconds})`)
    .orderBy("at", "desc")
    .offset(limit - 1)
    .limit(1)
    .executeTakeFirst();
  return row ? Math.max(1, row.wait) : 0;
}

export async function clearThrottle(db: Executor, bucket: string, key: string): Promise<void> {
  await db
    .deleteFrom("throttle_events")
    .where("bucket", "=", bucket)
    .where("key", "=", key)
    .execute();
}
