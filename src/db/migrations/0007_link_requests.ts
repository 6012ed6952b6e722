// Requests for a fresh invitation link, kept to limit them per invitation and per client address
// (in the database, so that every server instance counts the same requests).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("link_requests")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("invitation_id", "integer", (c) =>
      c.references("invitations.id").onDelete("cascade"),
    )
    // The client address is kept only as a hash: enough to count, nothing to read back.
    .addColumn("client_hash", "text", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("link_requests_invitation_at_idx")
    .on("link_requests")
    .columns(["invitation_id", "at"])
    .execute();
  await db.schema
    .createIndex("link_requests_client_at_idx")
    .on("link_requests")
    .columns(["client_hash", "at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("link_requests").execute();
}
