// Background work as rows: one table of jobs (a kind, its payload, when it may run) that any
// instance may claim with a lease, so that work survives a restart and two processes never run
// one job at the same time. E-mail delivery is the first kind; imports, aggregate refreshes and
// scheduled pulls come next.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("jobs")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`length(kind) between 1 and 100`))
    .addColumn("payload", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("state", "text", (c) =>
      c.notNull().defaultTo("queued").check(sql`state in ('queued','running','done','failed')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) =>
      c.notNull().defaultTo(5).check(sql`max_attempts > 0`),
    )
    .addColumn("run_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "timestamptz")
    .addColumn("dedupe_key", "text")
    .addColumn("result", "jsonb")
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("finished_at", "timestamptz")
    .execute();
  // What a claim looks for: work not finished, by when it may run.
  await sql`create index jobs_due_idx on jobs (run_at, id) where state in ('queued','running')`.execute(
    db,
  );
  // A key names at most one job waiting or running (a second enqueue is a no-op); once the job
  // is done the key is free again.
  await sql`create unique index jobs_pending_key on jobs (dedupe_key) where state in ('queued','running')`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("jobs").execute();
}
