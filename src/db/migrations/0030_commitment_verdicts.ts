// The verdict a validation meeting records for a commitment when it differs from the one the
// indicators' statuses give, with its reason in French and, where written, English. One per
// cycle × commitment; the computed verdict is never stored (it follows the statuses).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("commitment_verdicts")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("cycle_id", "integer", (c) =>
      c.notNull().references("cycles.id").onDelete("cascade"),
    )
    .addColumn("commitment_id", "integer", (c) =>
      c.notNull().references("commitments.id").onDelete("cascade"),
    )
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('achieved','on_track','off_track','not_assessed')`),
    )
    .addColumn("reason", "text", (c) =>
      c.notNull().check(sql`length(trim(reason)) between 1 and 2000`),
    )
    .addColumn("reason_en", "text", (c) => c.check(sql`length(reason_en) <= 2000`))
    .addColumn("meeting_id", "integer", (c) => c.references("meetings.id").onDelete("set null"))
    .addColumn("recorded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("commitment_verdicts_one", ["cycle_id", "commitment_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("commitment_verdicts").execute();
}
