// Nothing typed is lost: an answer keeps the rows that are not valid yet (held_rows, the rows as
// typed, null when every row is valid), and a client write remembers a digest of its body so that
// a client id resent with another body is refused instead of answered "replayed".
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("responses").addColumn("held_rows", "jsonb").execute();
  await db.schema.alterTable("client_writes").addColumn("body_digest", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("client_writes").dropColumn("body_digest").execute();
  await db.schema.alterTable("responses").dropColumn("held_rows").execute();
}
