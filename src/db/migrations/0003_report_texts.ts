// What a coordinator writes for the annual report: the tracker's list of acronyms and the texts
// of each cycle (acknowledgements, context, …, conclusion), each in French and optionally English.
import { type Kysely, sql } from "kysely";

const kinds = sql.raw(
  "'acknowledgements','context','objectives','expected_results','methodology','highlights','synthesis','conclusion'",
);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("acronyms")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("tracker_id", "integer", (c) =>
      c.notNull().references("trackers.id").onDelete("cascade"),
    )
    // An acronym is one token: letters, digits and the few signs real ones use (SR/PF, HP+).
    .addColumn("acronym", "text", (c) =>
      c.notNull().check(sql`acronym ~ '^[[:alnum:]][[:alnum:]/+&.-]{0,23}$'`),
    )
    .addColumn("expansion", "text", (c) => c.notNull().check(sql`length(trim(expansion)) > 0`))
    .addColumn("expansion_en", "text", (c) =>
      c.check(sql`expansion_en is null or length(trim(expansion_en)) > 0`),
    )
    .addUniqueConstraint("acronyms_tracker_acronym_key", ["tracker_id", "acronym"])
    .execute();

  await db.schema
    .createTable("cycle_texts")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("cycle_id", "integer", (c) =>
      c.notNull().references("cycles.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in (${kinds})`))
    .addColumn("text", "text", (c) => c.notNull().check(sql`length(trim(text)) > 0`))
    .addColumn("text_en", "text", (c) => c.check(sql`text_en is null or length(trim(text_en)) > 0`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("cycle_texts_cycle_kind_key", ["cycle_id", "kind"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("cycle_texts").execute();
  await db.schema.dropTable("acronyms").execute();
}
