// The language an invitation was written in, so that what follows it (reminders, send-back
// notices) reaches its address in that language. Null for invitations made before (and for
// links made at sending), which read as French, the language they were all written in.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table invitations add column lang text
    constraint invitations_lang_check check (lang in ('fr','en'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table invitations drop column lang`.execute(db);
}
