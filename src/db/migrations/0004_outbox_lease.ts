// A message being sent is claimed for a while (claimed_until) instead of being held under a row
// lock for the whole SMTP exchange: the transaction that claims it ends at once, so a slow mail
// server no longer holds a database connection (the embedded database has only one).
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("claimed_until", "timestamptz").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("claimed_until").execute();
}
