// The roll-ups are read by unit: an indicator for the regions, a district's months. Their key
// starts with the data element, so such a read gathered every unit's rows of the elements from
// pages all over the table (1 718 pages for the 1 200 rows of ten regions × two elements × 60
// months in the national dataset: 11.6 ms). This index, by unit first and carrying the figures,
// answers the same read from about 200 index pages without touching the table (5.0 ms).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index data_value_rollups_by_unit on data_value_rollups
      (org_unit_id, data_element_id, bucket) include (coc_id, sum, count)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index data_value_rollups_by_unit`.execute(db);
}
