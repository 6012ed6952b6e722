// Where a cycle's recommendation stands when the next cycle follows it up: done, in progress or
// not started, with a note in French and, where written, English. Empty until followed up.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("recommendations")
    .addColumn("follow_up", "text", (c) =>
      c.check(sql`follow_up in ('done','in_progress','not_started')`),
    )
    .addColumn("follow_up_note", "text", (c) => c.check(sql`length(follow_up_note) <= 2000`))
    .addColumn("follow_up_note_en", "text", (c) => c.check(sql`length(follow_up_note_en) <= 2000`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("recommendations")
    .dropColumn("follow_up")
    .dropColumn("follow_up_note")
    .dropColumn("follow_up_note_en")
    .execute();
}
