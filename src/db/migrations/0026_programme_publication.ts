// A programme's publication: whether its dashboard is public, since when and by whom, and the
// slug of its public address. One row per programme, kept when it is unpublished so that a
// second publication keeps the same address.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("programme_publications")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("programme_id", "integer", (c) =>
      c.notNull().unique().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("slug", "text", (c) =>
      c.notNull().unique().check(sql`slug ~ '^[a-z0-9][a-z0-9-]{0,63}$'`),
    )
    .addColumn("published", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("published_at", "timestamptz")
    .addColumn("published_by", "text", (c) => c.check(sql`length(published_by) <= 320`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "programme_publications_published_when",
      sql`not published or (published_at is not null and published_by is not null)`,
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("programme_publications").execute();
}
