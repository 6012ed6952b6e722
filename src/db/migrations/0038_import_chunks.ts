// Large imports are merged in chunks, each committed on its own, so that the embedded database
// answers pages between them and a national file never holds the one connection for minutes.
// What makes a chunked import still all-or-nothing:
// - `data_value_undo` keeps, per batch, each stored value as it was before the batch first
//   changed it; undoing a batch deletes the values it wrote and puts these rows back;
// - `data_value_rollup_pending` gathers the batch's changes to the roll-ups, which are applied in
//   the import's last, short transaction: pages read totals of finished imports only;
// - `data_value_merges` is the one row saying which import merges now, with its heartbeat: one
//   import merges at a time, and a holder whose heartbeat stopped (a killed process) is undone
//   by the next import or by the server's periodic sweep.
// The undo and pending rows name their batch without a foreign key: a key is checked once per
// written row, which would cost a chunk thousands of lookups of the one batch it writes for; the
// merge locks its batch instead (as for data_values, migration 0019).
// Staged rows are found by batch and unit, the unit being what a chunk is cut by.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("data_value_undo")
    .addColumn("batch_id", "bigint", (c) => c.notNull())
    .addColumn("org_unit_id", "integer", (c) => c.notNull())
    .addColumn("data_element_id", "integer", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("coc_id", "integer", (c) => c.notNull())
    .addColumn("aoc_id", "integer", (c) => c.notNull())
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("value", "float8")
    .addColumn("comment", "text")
    .addColumn("follow_up", "boolean", (c) => c.notNull())
    .addColumn("stored_by", "text")
    .addColumn("created", "timestamptz", (c) => c.notNull())
    .addColumn("last_updated", "timestamptz", (c) => c.notNull())
    .addColumn("old_batch_id", "bigint")
    .addPrimaryKeyConstraint("data_value_undo_pkey", [
      "batch_id",
      "org_unit_id",
      "data_element_id",
      "period",
      "coc_id",
      "aoc_id",
    ])
    .execute();
  await db.schema
    .createTable("data_value_rollup_pending")
    .addColumn("batch_id", "bigint", (c) => c.notNull())
    .addColumn("data_element_id", "integer", (c) => c.notNull())
    .addColumn("org_unit_id", "integer", (c) => c.notNull())
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("coc_id", "integer", (c) => c.notNull())
    .addColumn("sum", "float8", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("data_value_rollup_pending_pkey", [
      "batch_id",
      "data_element_id",
      "org_unit_id",
      "bucket",
      "coc_id",
    ])
    .execute();
  await db.schema
    .createTable("data_value_merges")
    .addColumn("id", "smallint", (c) => c.primaryKey().defaultTo(1).check(sql`id = 1`))
    .addColumn("batch_id", "bigint", (c) =>
      c.notNull().references("import_batches.id").onDelete("cascade"),
    )
    .addColumn("alive_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`drop index data_value_staging_batch_idx`.execute(db);
  await sql`create index data_value_staging_batch_unit_idx on data_value_staging (batch_id, org_unit_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index data_value_staging_batch_unit_idx`.execute(db);
  await sql`create index data_value_staging_batch_idx on data_value_staging (batch_id)`.execute(db);
  await db.schema.dropTable("data_value_merges").execute();
  await db.schema.dropTable("data_value_rollup_pending").execute();
  await db.schema.dropTable("data_value_undo").execute();
}
