// Programme monitoring: programmes (an initiative, its partners, regions, period and budget),
// the commitments and indicators each serves, the register of midwives (their contact kept in
// columns no public read model selects), their deployments to facilities and their trainings.
// One midwife's deployments may not overlap: services/programme checks it with her row locked.
import { type Kysely, sql } from "kysely";

// The vocabularies as they stood when this migration was written (a migration never changes);
// test/db/vocabularies.test.ts holds them equal to domain/programme's lists.
const QUALIFICATIONS = ["midwife", "obstetric_nurse", "matron"];
const TRAINING_TOPICS = [
  "emonc",
  "family_planning",
  "pmtct",
  "malaria",
  "gbv",
  "newborn_care",
  "adolescent_health",
  "other",
];
const END_REASONS = ["contract_ended", "transferred", "resigned", "deceased", "other"];

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("programmes")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(trim(name)) between 1 and 200`))
    .addColumn("lead_partner", "text", (c) =>
      c.notNull().check(sql`length(trim(lead_partner)) between 1 and 200`),
    )
    .addColumn("funders", sql`text[]`, (c) =>
      c.notNull().defaultTo(sql`'{}'`).check(sql`cardinality(funders) <= 50`),
    )
    .addColumn("partners", sql`text[]`, (c) =>
      c.notNull().defaultTo(sql`'{}'`).check(sql`cardinality(partners) <= 50`),
    )
    .addColumn("start_date", "date", (c) => c.notNull())
    .addColumn("end_date", "date")
    .addColumn("budget", sql`numeric(20, 2)`, (c) => c.check(sql`budget > 0`))
    .addColumn("currency", "text", (c) => c.check(sql`currency ~ '^[A-Z]{3}$'`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("programmes_period_order", sql`end_date is null or end_date >= start_date`)
    .addCheckConstraint("programmes_budget_currency", sql`budget is null or currency is not null`)
    .execute();

  await db.schema
    .createTable("programme_regions")
    .addColumn("programme_id", "integer", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("org_unit_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addPrimaryKeyConstraint("programme_regions_pkey", ["programme_id", "org_unit_id"])
    .execute();

  // A commitment of the tracker the programme is evidence for, and optionally one of its
  // process indicators. Programme code reaches the tracker by these ids only.
  await db.schema
    .createTable("programme_commitments")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("programme_id", "integer", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("commitment_id", "integer", (c) => c.notNull().references("commitments.id"))
    .addColumn("indicator_id", "integer", (c) => c.references("indicators.id"))
    .execute();
  await sql`create unique index programme_commitments_key
    on programme_commitments (programme_id, commitment_id, coalesce(indicator_id, 0))`.execute(db);

  await db.schema
    .createTable("programme_indicators")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("programme_id", "integer", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("indicator_id", "integer", (c) =>
      c.notNull().references("health_indicators.id").onDelete("cascade"),
    )
    .addUniqueConstraint("programme_indicators_key", ["programme_id", "indicator_id"])
    .execute();

  // A programme's own target for one of its indicators in a region or district, for a period.
  await db.schema
    .createTable("programme_indicator_targets")
    .addColumn("programme_indicator_id", "integer", (c) =>
      c.notNull().references("programme_indicators.id").onDelete("cascade"),
    )
    .addColumn("org_unit_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("period", "text", (c) => c.notNull().check(sql`period ~ '^[0-9]{4}'`))
    .addColumn("value", "float8", (c) => c.notNull())
    .addPrimaryKeyConstraint("programme_indicator_targets_pkey", [
      "programme_indicator_id",
      "org_unit_id",
      "period",
    ])
    .execute();

  await db.schema
    .createTable("midwives")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(trim(name)) between 1 and 200`))
    .addColumn("qualification", "text", (c) =>
      c.notNull().check(sql`qualification in (${list(QUALIFICATIONS)})`),
    )
    .addColumn("languages", sql`text[]`, (c) =>
      c.notNull().defaultTo(sql`'{}'`).check(sql`cardinality(languages) <= 10`),
    )
    // Private: only the register's staff read models select these two.
    .addColumn("phone", "text", (c) => c.check(sql`length(phone) <= 200`))
    .addColumn("email", "text", (c) => c.check(sql`length(email) <= 200`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("deployments")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("midwife_id", "integer", (c) =>
      c.notNull().references("midwives.id").onDelete("cascade"),
    )
    .addColumn("programme_id", "integer", (c) => c.notNull().references("programmes.id"))
    .addColumn("facility_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("start_date", "date", (c) => c.notNull())
    // The last day at the facility, included.
    .addColumn("end_date", "date")
    .addColumn("end_reason", "text", (c) => c.check(sql`end_reason in (${list(END_REASONS)})`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("deployments_period_order", sql`end_date is null or end_date >= start_date`)
    .addCheckConstraint("deployments_end_reason", sql`(end_date is null) = (end_reason is null)`)
    .execute();
  await sql`create index deployments_midwife_idx on deployments (midwife_id, start_date)`.execute(
    db,
  );
  await sql`create index deployments_facility_idx on deployments (facility_id, start_date)`.execute(
    db,
  );
  await sql`create index deployments_programme_idx on deployments (programme_id)`.execute(db);

  await db.schema
    .createTable("trainings")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("midwife_id", "integer", (c) =>
      c.notNull().references("midwives.id").onDelete("cascade"),
    )
    .addColumn("topic", "text", (c) => c.notNull().check(sql`topic in (${list(TRAINING_TOPICS)})`))
    .addColumn("date", "date", (c) => c.notNull())
    .addColumn("provider", "text", (c) => c.check(sql`length(provider) <= 200`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index trainings_midwife_idx on trainings (midwife_id, date)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "trainings",
    "deployments",
    "midwives",
    "programme_indicator_targets",
    "programme_indicators",
    "programme_commitments",
    "programme_regions",
    "programmes",
  ])
    await db.schema.dropTable(table).execute();
}
