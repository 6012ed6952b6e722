// Monitoring missions of a programme: their regions, delegation and objectives, the visits made
// (a unit or a named authority, a day inside the mission) with the figures reported there, and
// the recommendations left, each with an owner, a due day, a status and its follow-up log.
import { type Kysely, sql } from "kysely";

// The vocabulary as it stood when this migration was written (a migration never changes);
// test/db/vocabularies.test.ts holds it equal to domain/programme/mission's list.
const STATUSES = ["open", "in_progress", "done", "dropped"];
const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("missions")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("programme_id", "integer", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("title", "text", (c) =>
      c.notNull().check(sql`length(trim(title)) between 1 and 200`),
    )
    .addColumn("start_date", "date", (c) => c.notNull())
    .addColumn("end_date", "date", (c) => c.notNull())
    .addColumn("objectives", sql`text[]`, (c) =>
      c.notNull().defaultTo(sql`'{}'`).check(sql`cardinality(objectives) <= 50`),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("missions_period_order", sql`end_date >= start_date`)
    .execute();
  await sql`create index missions_programme_idx on missions (programme_id, start_date)`.execute(db);

  await db.schema
    .createTable("mission_regions")
    .addColumn("mission_id", "integer", (c) =>
      c.notNull().references("missions.id").onDelete("cascade"),
    )
    .addColumn("org_unit_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addPrimaryKeyConstraint("mission_regions_pkey", ["mission_id", "org_unit_id"])
    .execute();

  await db.schema
    .createTable("mission_delegates")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("mission_id", "integer", (c) =>
      c.notNull().references("missions.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(trim(name)) between 1 and 200`))
    .addColumn("institution", "text", (c) => c.check(sql`length(institution) <= 200`))
    .addColumn("role", "text", (c) => c.check(sql`length(role) <= 200`))
    .execute();

  await db.schema
    .createTable("mission_visits")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("mission_id", "integer", (c) =>
      c.notNull().references("missions.id").onDelete("cascade"),
    )
    .addColumn("org_unit_id", "integer", (c) => c.references("org_units.id"))
    .addColumn("authority", "text", (c) => c.check(sql`length(trim(authority)) between 1 and 200`))
    .addColumn("date", "date", (c) => c.notNull())
    .addColumn("people_met", sql`text[]`, (c) =>
      c.notNull().defaultTo(sql`'{}'`).check(sql`cardinality(people_met) <= 50`),
    )
    .addColumn("findings", "text", (c) => c.check(sql`length(findings) <= 5000`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("mission_visits_place", sql`(org_unit_id is null) <> (authority is null)`)
    .execute();

  await db.schema
    .createTable("mission_visit_figures")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("visit_id", "integer", (c) =>
      c.notNull().references("mission_visits.id").onDelete("cascade"),
    )
    .addColumn("label", "text", (c) =>
      c.notNull().check(sql`length(trim(label)) between 1 and 200`),
    )
    .addColumn("value", "float8", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.check(sql`length(unit) <= 200`))
    .execute();

  await db.schema
    .createTable("mission_recommendations")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("mission_id", "integer", (c) =>
      c.notNull().references("missions.id").onDelete("cascade"),
    )
    .addColumn("text", "text", (c) => c.notNull().check(sql`length(trim(text)) between 1 and 5000`))
    .addColumn("owner_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("owner_name", "text", (c) =>
      c.check(sql`length(trim(owner_name)) between 1 and 200`),
    )
    .addColumn("owner_email", "text", (c) => c.check(sql`length(owner_email) <= 200`))
    .addColumn("due_date", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in (${list(STATUSES)})`),
    )
    .addColumn("key", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "mission_recommendations_owner",
      sql`(owner_user_id is null) <> (owner_name is null)`,
    )
    .execute();
  await sql`create index mission_recommendations_idx on mission_recommendations (mission_id, due_date)`.execute(
    db,
  );

  await db.schema
    .createTable("mission_follow_ups")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("recommendation_id", "integer", (c) =>
      c.notNull().references("mission_recommendations.id").onDelete("cascade"),
    )
    .addColumn("date", "date", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().check(sql`length(trim(note)) between 1 and 5000`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in (${list(STATUSES)})`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "mission_follow_ups",
    "mission_recommendations",
    "mission_visit_figures",
    "mission_visits",
    "mission_delegates",
    "mission_regions",
    "missions",
  ])
    await db.schema.dropTable(table).execute();
}
