// Accounts and the collection cycle: users, sessions, login failures, invitations, response
// versions and client ids (idempotent resends), cycle deadlines, e-mail outbox and reminders.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("email", "text", (c) =>
      c.notNull().unique().check(sql`email = lower(email) and email ~ '^[^@\\s]+@[^@\\s]+$'`),
    )
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn("role", "text", (c) =>
      c
        .notNull()
        .check(sql`role in ('admin','coordinator','validator','programme_manager','respondent')`),
    )
    .addColumn("partner_id", "integer", (c) => c.references("partners.id"))
    .addColumn("password_hash", "text")
    .addColumn("disabled_at", "timestamptz")
    .addColumn("locked_until", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // A respondent belongs to exactly one partner; other roles to none.
    .addCheckConstraint("users_partner_role", sql`(role = 'respondent') = (partner_id is not null)`)
    .execute();

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

  await db.schema
    .createTable("invitations")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("cycle_id", "integer", (c) => c.notNull().references("cycles.id"))
    .addColumn("partner_id", "integer", (c) => c.notNull().references("partners.id"))
    .addColumn("email", "text")
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("used_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .execute();

  // Sessions live in the database; a session made from an invitation is scoped to one partner's
  // questionnaire in one cycle and can never do more.
  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("invitation_id", "integer", (c) =>
      c.references("invitations.id").onDelete("cascade"),
    )
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addCheckConstraint("sessions_one_owner", sql`(user_id is null) <> (invitation_id is null)`)
    .execute();

  await db.schema
    .createTable("password_resets")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();

  await db.schema.alterTable("cycles").addColumn("deadline", "date").execute();

  await db.schema
    .alterTable("responses")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1).check(sql`version > 0`))
    .addColumn("updated_by", "text")
    .addColumn("submitted_at", "timestamptz")
    .addColumn("return_comment", "text")
    .execute();

  // Every write sent by a client carries an id; a resend of the same id is stored once.
  await db.schema
    .createTable("client_writes")
    .addColumn("client_id", "text", (c) =>
      c.primaryKey().check(sql`length(client_id) between 8 and 64`),
    )
    .addColumn("response_id", "integer", (c) =>
      c.notNull().references("responses.id").onDelete("cascade"),
    )
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("received_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('invitation','reminder','password_reset')`),
    )
    .addColumn("cycle_id", "integer", (c) => c.references("cycles.id"))
    .addColumn("partner_id", "integer", (c) => c.references("partners.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    // One scheduled reminder per partner per cycle per day, whatever the number of instances.
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("outbox").execute();
  await db.schema.dropTable("client_writes").execute();
  await db.schema
    .alterTable("responses")
    .dropColumn("version")
    .dropColumn("updated_by")
    .dropColumn("submitted_at")
    .dropColumn("return_comment")
    .execute();
  await db.schema.alterTable("cycles").dropColumn("deadline").execute();
  for (const t of ["password_resets", "sessions", "invitations", "login_failures", "users"]) {
    await db.schema.dropTable(t).execute();
  }
}
