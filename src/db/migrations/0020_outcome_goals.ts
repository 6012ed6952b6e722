// Outcome goals beside process indicators: series of published figures (a health indicator of
// Jalon for a unit, or figures imported from Track20, the DHS Program or any year/value file),
// and the commitment's goals (0001's `commitment_goals`) linked to the series that measures
// them, with the direction they move in.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("outcome_series")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("tracker_id", "integer", (c) => c.notNull().references("trackers.id"))
    .addColumn("code", "text", (c) => c.notNull().check(sql`code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'`))
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(trim(name)) between 1 and 300`))
    .addColumn("name_en", "text", (c) => c.check(sql`length(name_en) <= 300`))
    .addColumn("unit", "text", (c) => c.notNull().check(sql`length(unit) <= 20`))
    .addColumn("source_kind", "text", (c) =>
      c.notNull().check(sql`source_kind in ('health_indicator','imported')`),
    )
    // A series read from the health data goes with its indicator or its unit.
    .addColumn("health_indicator_id", "integer", (c) =>
      c.references("health_indicators.id").onDelete("cascade"),
    )
    .addColumn("org_unit_id", "integer", (c) => c.references("org_units.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("outcome_series_code_key", ["tracker_id", "code"])
    .addCheckConstraint(
      "outcome_series_health_source",
      sql`(source_kind = 'health_indicator') = (health_indicator_id is not null and org_unit_id is not null)
        and (source_kind = 'imported') = (health_indicator_id is null and org_unit_id is null)`,
    )
    .execute();

  await db.schema
    .createTable("outcome_points")
    .addColumn("series_id", "integer", (c) =>
      c.notNull().references("outcome_series.id").onDelete("cascade"),
    )
    .addColumn("year", "integer", (c) => c.notNull().check(sql`year between 1950 and 2100`))
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("source", "text", (c) =>
      c.notNull().check(sql`length(trim(source)) between 1 and 200`),
    )
    .addColumn("source_url", "text", (c) =>
      c.check(sql`source_url ~ '^https?://' and length(source_url) <= 500`),
    )
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('estimate','survey')`))
    .addPrimaryKeyConstraint("outcome_points_pkey", ["series_id", "year", "kind"])
    .execute();

  await db.schema
    .alterTable("commitment_goals")
    .addColumn("series_id", "integer", (c) =>
      c.references("outcome_series.id").onDelete("set null"),
    )
    .execute();
  await db.schema
    .alterTable("commitment_goals")
    .addColumn("direction", "text", (c) =>
      c.notNull().defaultTo("increase").check(sql`direction in ('increase','decrease')`),
    )
    .execute();
  await sql`update commitment_goals set direction = 'decrease' where target_value < baseline_value`.execute(
    db,
  );
  await sql`create index commitment_goals_series_idx on commitment_goals (series_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("commitment_goals").dropColumn("direction").execute();
  await db.schema.alterTable("commitment_goals").dropColumn("series_id").execute();
  await db.schema.dropTable("outcome_points").execute();
  await db.schema.dropTable("outcome_series").execute();
}
