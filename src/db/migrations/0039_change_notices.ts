// Every committed change to what pages show is announced on the channel `jalon_changes`, its
// payload the schema of the table written to: a server keeps pages it has rendered for
// anonymous readers (src/http/shared/page-cache.ts) and drops them when a notice arrives,
// whichever process or instance made the change (a second server, the CLI, a background
// import). PostgreSQL sends a notice only when the transaction commits, and folds repeats of
// the same notice within one, so a statement-level trigger costs a bulk import one notice per
// transaction, not per row.
//
// The tables below are left out: they change far more often than pages do (sessions touched,
// job leases renewed, the import's working tables) and no public page reads them. A table added
// later gets the trigger in its own migration (`test/db/change-notices.test.ts` checks that each
// table has it unless it is named here).
import { type Kysely, sql } from "kysely";

export const UNWATCHED_TABLES = [
  "audit_log",
  "throttle_events",
  "sessions",
  "link_requests",
  "password_resets",
  "setup_links",
  "client_writes",
  "outbox",
  "jobs",
  "import_batches",
  "data_value_staging",
  "data_value_undo",
  "data_value_rollup_pending",
  "data_value_merges",
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function jalon_notify_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('jalon_changes', tg_table_schema);
      return null;
    end $$
  `.execute(db);
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
      and c.relname not like 'kysely_%'
    order by c.relname
  `.execute(db);
  const skipped = new Set<string>(UNWATCHED_TABLES);
  for (const { name } of tables.rows) {
    if (skipped.has(name)) continue;
    await sql`
      create trigger jalon_change_notice
      after insert or update or delete or truncate on ${sql.table(name)}
      for each statement execute function jalon_notify_change()
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function jalon_notify_change() cascade`.execute(db);
}
