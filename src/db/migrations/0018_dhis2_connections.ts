// Saved DHIS2 connections: a server's base URL, how to sign in — the NAMES of the environment
// variables that hold the token or the user name and password, never a secret — what to pull
// (a data set, an org unit and its descendants, periods), a schedule, and the last pull's outcome.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("dhis2_connections")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("name", "text", (c) =>
      c.notNull().unique().check(sql`length(name) between 1 and 100`),
    )
    .addColumn("base_url", "text", (c) =>
      c.notNull().check(sql`base_url ~ '^https?://' and length(base_url) <= 2000`),
    )
    .addColumn("auth_kind", "text", (c) => c.notNull().check(sql`auth_kind in ('token','basic')`))
    .addColumn("token_var", "text")
    .addColumn("username_var", "text")
    .addColumn("password_var", "text")
    .addColumn("data_set", "text", (c) => c.notNull().check(sql`length(data_set) between 1 and 50`))
    .addColumn("org_unit", "text", (c) => c.notNull().check(sql`length(org_unit) between 1 and 50`))
    .addColumn("periods", "text", (c) => c.notNull().check(sql`length(periods) between 1 and 2000`))
    .addColumn("with_metadata", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("schedule", "text", (c) =>
      c.notNull().defaultTo("none").check(sql`schedule in ('none','daily','weekly')`),
    )
    .addColumn("last_pulled_at", "timestamptz")
    .addColumn("last_result", "jsonb")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // The variables a kind needs are named, and look like variable names (not like a secret
    // pasted in by mistake, which would hold other characters more often than not).
    .addCheckConstraint(
      "dhis2_connections_auth_vars",
      sql`(auth_kind = 'token' and token_var is not null)
        or (auth_kind = 'basic' and username_var is not null and password_var is not null)`,
    )
    .addCheckConstraint(
      "dhis2_connections_var_names",
      sql`coalesce(token_var, 'X') ~ '^[A-Za-z_][A-Za-z0-9_]{0,99}$'
        and coalesce(username_var, 'X') ~ '^[A-Za-z_][A-Za-z0-9_]{0,99}$'
        and coalesce(password_var, 'X') ~ '^[A-Za-z_][A-Za-z0-9_]{0,99}$'`,
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("dhis2_connections").execute();
}
