// The commitment cycle: trackers, cycles, commitments and goals, indicators, partners, the
// per-cycle mapping, responses, meetings, assessments, difficulties, recommendations, audit log.
// Constraints make invalid states unstorable; the domain checks the same rules for messages.
import { type Kysely, sql } from "kysely";

const blocks = sql.raw(
  "'leadership_governance','service_delivery','health_information','health_financing','health_workforce','essential_medicines'",
);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("trackers")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("country_code", "text", (c) =>
      c.notNull().unique().check(sql`country_code ~ '^[A-Z]{2}$'`),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_en", "text")
    .addColumn("organisation", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("cycles")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("tracker_id", "integer", (c) => c.notNull().references("trackers.id"))
    .addColumn("slug", "text", (c) => c.notNull().check(sql`slug ~ '^[a-z0-9][a-z0-9-]*$'`))
    .addColumn("label", "text", (c) => c.notNull().check(sql`length(trim(label)) > 0`))
    .addColumn("label_en", "text")
    .addColumn("period_start", "date", (c) => c.notNull())
    .addColumn("period_end", "date", (c) => c.notNull())
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("setup")
        .check(sql`state in ('setup','collection','validation','published')`),
    )
    .addColumn("previous_cycle_id", "integer", (c) => c.references("cycles.id"))
    .addColumn("published_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("cycles_tracker_slug_key", ["tracker_id", "slug"])
    .addCheckConstraint("cycles_period_order", sql`period_start <= period_end`)
    .addCheckConstraint(
      "cycles_published_at",
      sql`(state = 'published') = (published_at is not null)`,
    )
    .execute();

  await db.schema
    .createTable("commitments")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("tracker_id", "integer", (c) => c.notNull().references("trackers.id"))
    .addColumn("number", "integer", (c) => c.notNull().check(sql`number > 0`))
    .addColumn("title", "text", (c) => c.notNull().check(sql`length(trim(title)) > 0`))
    .addColumn("title_en", "text")
    .addUniqueConstraint("commitments_tracker_number_key", ["tracker_id", "number"])
    .execute();

  await db.schema
    .createTable("commitment_goals")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("commitment_id", "integer", (c) =>
      c.notNull().references("commitments.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position > 0`))
    .addColumn("indicator", "text", (c) => c.notNull().check(sql`length(trim(indicator)) > 0`))
    .addColumn("indicator_en", "text")
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("baseline_value", "double precision")
    .addColumn("baseline_year", "integer")
    .addColumn("baseline_source", "text")
    .addColumn("target_value", "double precision", (c) => c.notNull())
    .addColumn("target_year", "integer", (c) =>
      c.notNull().check(sql`target_year between 1990 and 2100`),
    )
    .addUniqueConstraint("commitment_goals_position_key", ["commitment_id", "position"])
    .addCheckConstraint(
      "commitment_goals_baseline_complete",
      sql`(baseline_value is null) = (baseline_year is null)`,
    )
    .addCheckConstraint(
      "commitment_goals_baseline_before_target",
      sql`baseline_year is null or baseline_year <= target_year`,
    )
    .execute();

  await db.schema
    .createTable("indicators")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("tracker_id", "integer", (c) => c.notNull().references("trackers.id"))
    .addColumn("commitment_id", "integer", (c) => c.notNull().references("commitments.id"))
    .addColumn("code", "text", (c) => c.notNull().check(sql`code ~ '^[a-z]{1,2}$'`))
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position > 0`))
    .addColumn("title", "text", (c) => c.notNull().check(sql`length(trim(title)) > 0`))
    .addColumn("title_en", "text")
    .addColumn("building_blocks", sql`text[]`, (c) =>
      c
        .notNull()
        .check(
          sql`cardinality(building_blocks) >= 1 and building_blocks <@ array[${blocks}]::text[]`,
        ),
    )
    .addUniqueConstraint("indicators_tracker_code_key", ["tracker_id", "code"])
    .addUniqueConstraint("indicators_commitment_position_key", ["commitment_id", "position"])
    .execute();

  await db.schema
    .createTable("partners")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("tracker_id", "integer", (c) => c.notNull().references("trackers.id"))
    .addColumn("slug", "text", (c) => c.notNull().check(sql`slug ~ '^[a-z0-9][a-z0-9-]*$'`))
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn("name_en", "text")
    .addColumn("acronym", "text")
    .addColumn("category", "text", (c) =>
      c
        .notNull()
        .check(
          sql`category in ('government','donor','international_ngo','local_ngo','private_sector')`,
        ),
    )
    .addUniqueConstraint("partners_tracker_slug_key", ["tracker_id", "slug"])
    .addUniqueConstraint("partners_tracker_name_key", ["tracker_id", "name"])
    .execute();

  // Which partner is asked about which indicator in a cycle.
  await db.schema
    .createTable("mappings")
    .addColumn("cycle_id", "integer", (c) => c.notNull().references("cycles.id"))
    .addColumn("partner_id", "integer", (c) => c.notNull().references("partners.id"))
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicators.id"))
    .addPrimaryKeyConstraint("mappings_pkey", ["cycle_id", "partner_id", "indicator_id"])
    .execute();

  await db.schema
    .createTable("responses")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("cycle_id", "integer", (c) => c.notNull())
    .addColumn("partner_id", "integer", (c) => c.notNull())
    .addColumn("indicator_id", "integer", (c) => c.notNull())
    .addColumn("contributes", "text", (c) =>
      c.notNull().defaultTo("unknown").check(sql`contributes in ('yes','no','unknown')`),
    )
    .addColumn("activities", "text")
    .addColumn("collaborators_text", "text")
    .addColumn("difficulties", "text")
    .addColumn("method", "text", (c) =>
      c.notNull().check(sql`method in ('online','interview','document_review','import')`),
    )
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`state in ('draft','submitted','validated','returned')`),
    )
    .addColumn("answered_by", "text")
    .addColumn("answered_at", "timestamptz")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // One response per partner × indicator × cycle, and only for a mapped pair.
    .addUniqueConstraint("responses_cycle_partner_indicator_key", [
      "cycle_id",
      "partner_id",
      "indicator_id",
    ])
    .addForeignKeyConstraint(
      "responses_mapping_fkey",
      ["cycle_id", "partner_id", "indicator_id"],
      "mappings",
      ["cycle_id", "partner_id", "indicator_id"],
    )
    .execute();

  await db.schema
    .createTable("response_collaborators")
    .addColumn("response_id", "integer", (c) =>
      c.notNull().references("responses.id").onDelete("cascade"),
    )
    .addColumn("partner_id", "integer", (c) => c.notNull().references("partners.id"))
    .addPrimaryKeyConstraint("response_collaborators_pkey", ["response_id", "partner_id"])
    .execute();

  await db.schema
    .createTable("response_outputs")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("response_id", "integer", (c) =>
      c.notNull().references("responses.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position > 0`))
    .addColumn("value", "double precision", (c) => c.notNull().check(sql`value >= 0`))
    .addColumn("unit", "text", (c) => c.notNull().check(sql`length(trim(unit)) > 0`))
    .addUniqueConstraint("response_outputs_position_key", ["response_id", "position"])
    .execute();

  await db.schema
    .createTable("response_evidence")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("response_id", "integer", (c) =>
      c.notNull().references("responses.id").onDelete("cascade"),
    )
    .addColumn("url", "text", (c) => c.notNull().check(sql`url ~ '^https?://[^\\s]+$'`))
    .addColumn("title", "text")
    .execute();

  await db.schema
    .createTable("meetings")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("cycle_id", "integer", (c) => c.notNull().references("cycles.id"))
    .addColumn("title", "text", (c) => c.notNull().check(sql`length(trim(title)) > 0`))
    .addColumn("title_en", "text")
    .addColumn("held_on", "date", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("meeting_participants")
    .addColumn("meeting_id", "integer", (c) =>
      c.notNull().references("meetings.id").onDelete("cascade"),
    )
    .addColumn("partner_id", "integer", (c) => c.notNull().references("partners.id"))
    .addPrimaryKeyConstraint("meeting_participants_pkey", ["meeting_id", "partner_id"])
    .execute();

  await db.schema
    .createTable("assessments")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("cycle_id", "integer", (c) => c.notNull().references("cycles.id"))
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicators.id"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('achieved','on_track','off_track','not_assessed')`),
    )
    .addColumn("narrative", "text")
    .addColumn("narrative_en", "text")
    .addColumn("meeting_id", "integer", (c) => c.references("meetings.id"))
    .addColumn("assessed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("assessments_cycle_indicator_key", ["cycle_id", "indicator_id"])
    // A yellow or red status must say why.
    .addCheckConstraint(
      "assessments_narrative_required",
      sql`status not in ('on_track','off_track') or length(trim(coalesce(narrative, ''))) > 0`,
    )
    .execute();

  await db.schema
    .createTable("difficulties")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("cycle_id", "integer", (c) => c.notNull().references("cycles.id"))
    .addColumn("level", "text", (c) =>
      c.notNull().check(sql`level in ('tracking','state','stakeholders')`),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull().check(sql`length(trim(text)) > 0`))
    .addColumn("text_en", "text")
    .execute();

  await db.schema
    .createTable("recommendations")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("cycle_id", "integer", (c) => c.notNull().references("cycles.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull().check(sql`length(trim(text)) > 0`))
    .addColumn("text_en", "text")
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) =>
      c.notNull().check(sql`action in ('create','update','delete')`),
    )
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .execute();
  await db.schema
    .createIndex("audit_log_entity_idx")
    .on("audit_log")
    .columns(["entity", "entity_id"])
    .execute();
  await db.schema
    .createIndex("responses_partner_idx")
    .on("responses")
    .column("partner_id")
    .execute();
  await db.schema
    .createIndex("responses_indicator_idx")
    .on("responses")
    .column("indicator_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "audit_log",
    "recommendations",
    "difficulties",
    "assessments",
    "meeting_participants",
    "meetings",
    "response_evidence",
    "response_outputs",
    "response_collaborators",
    "responses",
    "mappings",
    "partners",
    "indicators",
    "commitment_goals",
    "commitments",
    "cycles",
    "trackers",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
