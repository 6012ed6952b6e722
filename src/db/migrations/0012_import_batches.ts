// Imports as batches: one row per import (where it came from, who ran it, the file's hash, its
// counts and state), and one audit event per import that describes the batch instead of one
// event per row written.
import { type Kysely, sql } from "kysely";

const BEFORE = [
  "create",
  "update",
  "delete",
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "reset_requested",
  "invitation_exchanged",
  "export",
  "refused",
];

async function allowActions(db: Kysely<unknown>, actions: string[]): Promise<void> {
  await sql`alter table audit_log drop constraint audit_log_action_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_action_check check (action in (${sql.join(
    actions.map((a) => sql.lit(a)),
  )}))`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("import_batches")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("file_hash", "text")
    .addColumn("scope", "jsonb")
    .addColumn("state", "text", (c) =>
      c.notNull().defaultTo("running").check(sql`state in ('running','done','failed')`),
    )
    .addColumn("inserted", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("unchanged", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rejected", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("error", "text")
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("finished_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("import_batches_started_idx")
    .on("import_batches")
    .column("started_at")
    .execute();
  await allowActions(db, [...BEFORE, "import"]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await allowActions(db, BEFORE);
  await db.schema.dropTable("import_batches").execute();
}
