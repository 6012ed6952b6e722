// Testimonials of a programme (a mother's or a midwife's words, where and when they were said,
// a video link), the consents recorded for each (who, when, for which uses, how, withdrawn or
// not) and the one photo each may have, stored re-encoded with no metadata. Nothing of a
// testimonial is public without a consent: the read models apply domain/programme/consent.
import { type Kysely, sql } from "kysely";

// The vocabularies as they stood when this migration was written (a migration never changes);
// test/db/vocabularies.test.ts holds them equal to domain/programme/consent's lists.
const SPEAKER_ROLES = ["mother", "midwife", "community_member", "other"];
const CONSENT_USES = ["internal", "report", "public_web", "social_media"];
const CONSENT_METHODS = ["written", "oral_with_witness", "guardian"];

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("testimonials")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("programme_id", "integer", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("speaker_role", "text", (c) =>
      c.notNull().check(sql`speaker_role in (${list(SPEAKER_ROLES)})`),
    )
    // Null when the speaker is a registered midwife: her name is the register's.
    .addColumn("speaker_name", "text", (c) =>
      c.check(sql`length(trim(speaker_name)) between 1 and 200`),
    )
    .addColumn("midwife_id", "integer", (c) => c.references("midwives.id").onDelete("set null"))
    .addColumn("org_unit_id", "integer", (c) => c.references("org_units.id"))
    .addColumn("place", "text", (c) => c.check(sql`length(trim(place)) between 1 and 200`))
    .addColumn("date", "date", (c) => c.notNull())
    .addColumn("quote", "text", (c) =>
      c.notNull().check(sql`length(trim(quote)) between 1 and 2000`),
    )
    .addColumn("summary", "text", (c) => c.check(sql`length(summary) <= 500`))
    .addColumn("language", "text", (c) =>
      c.notNull().check(sql`length(trim(language)) between 1 and 60`),
    )
    .addColumn("video_url", "text", (c) =>
      c.check(sql`length(video_url) <= 500 and video_url ~ '^https?://'`),
    )
    // The photo shows the speaker's face; the speaker is a minor.
    .addColumn("face_visible", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("minor", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("testimonials_place", sql`org_unit_id is not null or place is not null`)
    .addCheckConstraint(
      "testimonials_speaker",
      sql`speaker_name is not null or midwife_id is not null`,
    )
    .execute();
  await sql`create index testimonials_programme_idx on testimonials (programme_id, date)`.execute(
    db,
  );

  await db.schema
    .createTable("testimonial_consents")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("testimonial_id", "integer", (c) =>
      c.notNull().references("testimonials.id").onDelete("cascade"),
    )
    .addColumn("consenter_name", "text", (c) =>
      c.notNull().check(sql`length(trim(consenter_name)) between 1 and 200`),
    )
    .addColumn("date", "date", (c) => c.notNull())
    .addColumn("uses", sql`text[]`, (c) =>
      c
        .notNull()
        .check(sql`cardinality(uses) >= 1 and uses <@ array[${list(CONSENT_USES)}]::text[]`),
    )
    .addColumn("method", "text", (c) =>
      c.notNull().check(sql`method in (${list(CONSENT_METHODS)})`),
    )
    .addColumn("witness_name", "text", (c) =>
      c.check(sql`length(trim(witness_name)) between 1 and 200`),
    )
    .addColumn("guardian_name", "text", (c) =>
      c.check(sql`length(trim(guardian_name)) between 1 and 200`),
    )
    // The speaker agreed to be named and pictured; else her words only, anonymised.
    .addColumn("named", "boolean", (c) => c.notNull())
    .addColumn("withdrawn_on", "date")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "testimonial_consents_witness",
      sql`method <> 'oral_with_witness' or witness_name is not null`,
    )
    .addCheckConstraint(
      "testimonial_consents_guardian",
      sql`method <> 'guardian' or guardian_name is not null`,
    )
    .addCheckConstraint(
      "testimonial_consents_withdrawn",
      sql`withdrawn_on is null or withdrawn_on >= date`,
    )
    .execute();
  await sql`create index testimonial_consents_idx on testimonial_consents (testimonial_id, date)`.execute(
    db,
  );

  // One photo per testimonial: the re-encoded JPEG only, never the file as uploaded.
  await db.schema
    .createTable("testimonial_photos")
    .addColumn("testimonial_id", "integer", (c) =>
      c.primaryKey().references("testimonials.id").onDelete("cascade"),
    )
    .addColumn("jpeg", "bytea", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull().check(sql`width between 1 and 1600`))
    .addColumn("height", "integer", (c) => c.notNull().check(sql`height between 1 and 1600`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["testimonial_photos", "testimonial_consents", "testimonials"])
    await db.schema.dropTable(table).execute();
}
