// Personal access tokens: an account's credentials for API clients that hold no session (DHIS2
// tools, scripts), sent as `Authorization: ApiToken …`. A token is a public selector and a
// secret; only the secret's SHA-256 is kept. Every token expires (a year at most) and may be
// revoked; its last use is recorded.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("access_tokens")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) between 1 and 100`))
    // The selector finds the row; it opens nothing without the secret.
    .addColumn("selector", "text", (c) =>
      c.notNull().unique().check(sql`selector ~ '^[0-9a-f]{16}$'`),
    )
    .addColumn("secret_hash", "text", (c) => c.notNull().check(sql`secret_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("last_used_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .addCheckConstraint(
      "access_tokens_lifetime",
      sql`expires_at > created_at and expires_at <= created_at + interval '366 days'`,
    )
    .execute();
  await db.schema
    .createIndex("access_tokens_user_idx")
    .on("access_tokens")
    .columns(["user_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("access_tokens").execute();
}
