// The embedded database's upkeep: every table small enough is vacuumed and analysed, so that
// plans see real row counts and the answers' keys come from their index alone; a table above
// the size given is left out. On PGlite, which has no autovacuum, and on PostgreSQL alike.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tablesBySize } from "../../src/db/shared/upkeep.ts";
import { upkeepDatabase } from "../../src/services/shared/upkeep.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { collectionWorld } from "../support/world.ts";

// The plan of the answers' keys when the index is the way in (a table this small would be read
// whole otherwise): with every page marked visible, it does not touch the table.
const keysPlan = (t: TestDatabase) =>
  t.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local enable_bitmapscan = off`.execute(trx);
    const { rows } = await sql<{ "QUERY PLAN": string }>`
      explain (analyze, costs off, timing off, summary off)
      select id, partner_id, indicator_id from responses where cycle_id = 1 order by id
    `.execute(trx);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });

const statistics = async (t: TestDatabase, table: string) =>
  (
    await sql<{ reltuples: number; relallvisible: number }>`
      select reltuples::float8 as reltuples, relallvisible from pg_class
      where oid = to_regclass(${table})
    `.execute(t.db)
  ).rows[0];

describe.each(backends)("the database's upkeep on %s", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    await collectionWorld(t);
    // Answers rewritten: old row versions left behind, as a cycle of saves leaves them.
    for (let i = 0; i < 3; i++)
      await sql`update responses set activities = coalesce(activities, '') || ' '`.execute(t.db);
  }, 120_000);
  afterAll(() => t.dispose());

  it("vacuums and analyses every table, after which the answers' keys come from their index", async () => {
    const run = await upkeepDatabase(t);
    const tables = await tablesBySize(t.db);
    expect(run.skipped).toEqual([]);
    expect(run.vacuumed).toBe(tables.length);
    expect(tables.map((x) => x.table)).toContain("responses");
    const count = await sql<{ n: number }>`select count(*)::int as n from responses`.execute(t.db);
    const stats = await statistics(t, "responses");
    expect(stats?.reltuples).toBe(count.rows[0]?.n);
    const plan = await keysPlan(t);
    expect(plan).toMatch(/Index Only Scan using responses_cycle_keys/);
    // On a shared PostgreSQL server another session's open snapshot may keep a page from being
    // marked visible; the embedded database has no other session.
    if (backend === "pglite") {
      expect(stats?.relallvisible).toBeGreaterThan(0);
      expect(plan).toMatch(/Heap Fetches: 0/);
    }
  });

  it("leaves out the tables above the size given, the largest first", async () => {
    const tables = await tablesBySize(t.db);
    const sizes = tables.map((x) => x.bytes);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    const largest = tables.at(-1);
    const limit = tables.at(-2)?.bytes ?? 0;
    const run = await upkeepDatabase(t, limit);
    expect(run.skipped).toContain(largest?.table);
    expect(run.vacuumed + run.skipped.length).toBe(tables.length);
    expect(run.vacuumed).toBe(tables.filter((x) => x.bytes <= limit).length);
  });
});
