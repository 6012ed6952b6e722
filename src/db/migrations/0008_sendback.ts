// A collection extended for one partner (its own last day, after the cycle's collection has
// closed), and send-back notices in the outbox: an answer returned to its partner after
// collection reaches it by e-mail with a fresh link.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("collection_extensions")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("cycle_id", "integer", (c) => c.notNull().references("cycles.id"))
    .addColumn("partner_id", "integer", (c) => c.notNull().references("partners.id"))
    .addColumn("until", "date", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("collection_extensions_cycle_partner", ["cycle_id", "partner_id"])
    .execute();
  await sql`alter table outbox drop constraint if exists outbox_kind_check`.execute(db);
  await sql`alter table outbox add constraint outbox_kind_check
    check (kind in ('invitation','reminder','password_reset','send_back'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox drop constraint if exists outbox_kind_check`.execute(db);
  await sql`alter table outbox add constraint outbox_kind_check
    check (kind in ('invitation','reminder','password_reset'))`.execute(db);
  await db.schema.dropTable("collection_extensions").execute();
}
