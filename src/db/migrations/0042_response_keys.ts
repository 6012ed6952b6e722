// The validation page orders every answer of a cycle by its partner, so it reads each answer's
// id, partner and indicator for the whole cycle (7 700 at a hundred times the demo). The unique
// key starts with the cycle but lacks the id, so the read went to the table's pages and then
// sorted; this index, in id order and carrying the other two, gives the rows in order from the
// index alone once the table is vacuumed (on the embedded database by the server's upkeep job).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index responses_cycle_keys on responses (cycle_id, id) include (partner_id, indicator_id)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index responses_cycle_keys`.execute(db);
}
