// The front of the annual report: the logos a tracker keeps (the organisation's and its
// partners', re-encoded as PNG), which of them the cover of a cycle's report prints and in what
// order, its publication date and place; two more kinds of text (the project summary and its
// strategies); and the sections a coordinator adds after one of the report's own.
import { type Kysely, sql } from "kysely";

const kinds = (list: string[]) => sql.raw(list.map((k) => `'${k}'`).join(","));
const OLD_KINDS = [
  "acknowledgements",
  "context",
  "objectives",
  "expected_results",
  "methodology",
  "highlights",
  "synthesis",
  "conclusion",
];
const NEW_KINDS = [
  ...OLD_KINDS.slice(0, 2),
  "project_summary",
  ...OLD_KINDS.slice(2, 4),
  "strategies",
  ...OLD_KINDS.slice(4),
];
const ANCHORS = [
  "acronyms",
  "acknowledgements",
  "context",
  "project_summary",
  "objectives",
  "expected_results",
  "strategies",
  "methodology",
  "findings",
  "recap",
  "synthesis",
  "highlights",
  "difficulties",
  "recommendations",
  "conclusion",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cycle_texts drop constraint cycle_texts_kind_check`.execute(db);
  await sql`alter table cycle_texts add constraint cycle_texts_kind_check check (kind in (${kinds(NEW_KINDS)}))`.execute(
    db,
  );

  await db.schema
    .createTable("report_logos")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("tracker_id", "integer", (c) =>
      c.notNull().references("trackers.id").onDelete("cascade"),
    )
    // Whose logo it is, as the cover's alternative text says it.
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(trim(name)) between 1 and 200`))
    .addColumn("png", "bytea", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull().check(sql`width > 0`))
    .addColumn("height", "integer", (c) => c.notNull().check(sql`height > 0`))
    // Printed on the covers, in this order; a logo kept but not printed has none.
    .addColumn("cover_position", "integer", (c) =>
      c.check(sql`cover_position is null or cover_position >= 0`),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("report_logos_tracker")
    .on("report_logos")
    .column("tracker_id")
    .execute();

  await db.schema
    .createTable("report_covers")
    .addColumn("cycle_id", "integer", (c) =>
      c.primaryKey().references("cycles.id").onDelete("cascade"),
    )
    .addColumn("published_on", "date")
    .addColumn("place", "text", (c) =>
      c.check(sql`place is null or length(trim(place)) between 1 and 120`),
    )
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("report_sections")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("cycle_id", "integer", (c) =>
      c.notNull().references("cycles.id").onDelete("cascade"),
    )
    .addColumn("after_section", "text", (c) =>
      c.notNull().check(sql`after_section in (${kinds(ANCHORS)})`),
    )
    .addColumn("title", "text", (c) =>
      c.notNull().check(sql`length(trim(title)) between 1 and 200`),
    )
    .addColumn("title_en", "text", (c) =>
      c.check(sql`title_en is null or length(trim(title_en)) between 1 and 200`),
    )
    .addColumn("text", "text", (c) => c.notNull().check(sql`length(trim(text)) > 0`))
    .addColumn("text_en", "text", (c) => c.check(sql`text_en is null or length(trim(text_en)) > 0`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("report_sections_cycle")
    .on("report_sections")
    .column("cycle_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("report_sections").execute();
  await db.schema.dropTable("report_covers").execute();
  await db.schema.dropTable("report_logos").execute();
  await sql`delete from cycle_texts where kind in ('project_summary', 'strategies')`.execute(db);
  await sql`alter table cycle_texts drop constraint cycle_texts_kind_check`.execute(db);
  await sql`alter table cycle_texts add constraint cycle_texts_kind_check check (kind in (${kinds(OLD_KINDS)}))`.execute(
    db,
  );
}
