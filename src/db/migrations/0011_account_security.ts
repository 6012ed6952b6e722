// Account security: rate limits kept in the database (throttle_events replaces login_failures and
// users.locked_until, so that unknown addresses lock exactly like real ones), sessions' last
// activity for the idle timeout, and an append-only audit log carrying each request's id.
import { type Kysely, sql } from "kysely";

const ACTIONS = [
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

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("throttle_events")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("throttle_events_bucket_key_at_idx")
    .on("throttle_events")
    .columns(["bucket", "key", "at"])
    .execute();
  await db.schema
    .createIndex("throttle_events_at_idx")
    .on("throttle_events")
    .column("at")
    .execute();
  await db.schema.dropTable("login_failures").execute();
  await db.schema.alterTable("users").dropColumn("locked_until").execute();

  await db.schema
    .alterTable("sessions")
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema.alterTable("audit_log").addColumn("request_id", "text").execute();
  await sql`alter table audit_log drop constraint audit_log_action_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_action_check check (action in (${sql.join(
    ACTIONS.map((a) => sql.lit(a)),
  )}))`.execute(db);
  // Append-only: rows can be added, never changed or removed, whatever the SQL that tries.
  await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end
$$`.execute(db);
  await sql`create trigger audit_log_no_change before update or delete on audit_log
for each row execute function audit_log_append_only()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger audit_log_no_truncate on audit_log`.execute(db);
  await sql`drop trigger audit_log_no_change on audit_log`.execute(db);
  await sql`drop function audit_log_append_only()`.execute(db);
  await sql`alter table audit_log drop constraint audit_log_action_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_action_check check (action in ('create','update','delete'))`.execute(
    db,
  );
  await db.schema.alterTable("audit_log").dropColumn("request_id").execute();
  await db.schema.alterTable("sessions").dropColumn("last_seen_at").execute();
  await db.schema.alterTable("users").addColumn("locked_until", "timestamptz").execute();
  await db.schema
    .createTable("login_failures")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("login_failures_user_at_idx")
    .on("login_failures")
    .columns(["user_id", "at"])
    .execute();
  await db.schema.dropTable("throttle_events").execute();
}
