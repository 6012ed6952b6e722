// English versions of the free texts that were stored in French only: a response's activities,
// collaborators and difficulties (one row per field, with the French it translates, so that a
// changed answer shows its English as outdated), and the units of quantified outputs, kept once
// per tracker because the questionnaire rewrites a response's output rows on every save.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("response_translations")
    .addColumn("response_id", "integer", (c) =>
      c.notNull().references("responses.id").onDelete("cascade"),
    )
    .addColumn("field", "text", (c) =>
      c.notNull().check(sql`field in ('activities','collaborators_text','difficulties')`),
    )
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("text_en", "text", (c) => c.notNull().check(sql`length(trim(text_en)) > 0`))
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("response_translations_pkey", ["response_id", "field"])
    .execute();

  await db.schema
    .createTable("unit_translations")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("tracker_id", "integer", (c) =>
      c.notNull().references("trackers.id").onDelete("cascade"),
    )
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("unit_en", "text", (c) => c.notNull().check(sql`length(trim(unit_en)) > 0`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("unit_translations_tracker_unit_key", ["tracker_id", "unit"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("unit_translations").execute();
  await db.schema.dropTable("response_translations").execute();
}
