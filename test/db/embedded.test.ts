// The embedded database in its worker thread: rows come back with exactly the types PGlite
// gives in process, errors keep their SQLSTATE and constraint, transactions stay on one
// connection, and the event loop keeps turning while a long statement runs.
import { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/connect.ts";

const TYPED = `select 5::int8 as big, 7::int4 as int, 1.50::numeric as num, 2.5::float8 as dbl,
  '2023-06-30'::date as day, '2023-06-30 12:34:56+00'::timestamptz as at, true as flag,
  '{"a": [1, "x"]}'::jsonb as doc, '\\x00ff'::bytea as bytes, array[1, 2]::int4[] as list,
  null::text as nothing, 'é, "q"'::text as txt`;

describe("the embedded database in its worker thread", () => {
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({ kind: "pglite", dataDir: null });
  }, 60_000);
  afterAll(() => database.close());

  it("returns the values PGlite returns in process, type for type", async () => {
    const direct = await PGlite.create({ parsers: { 1082: (value: string) => value } });
    try {
      const reference = (await direct.query(TYPED)).rows[0];
      const row = (await sql.raw(TYPED).execute(database.db)).rows[0];
      expect(row).toEqual(reference);
      expect(row).toMatchObject({ big: 5, num: "1.50", day: "2023-06-30" });
      expect((row as { at: unknown }).at).toBeInstanceOf(Date);
      expect((row as { bytes: unknown }).bytes).toBeInstanceOf(Uint8Array);
    } finally {
      await direct.close();
    }
  }, 60_000);

  it("keeps the SQLSTATE, constraint and table of a refused statement", async () => {
    await sql`create table pair (id int primary key, n int check (n > 0))`.execute(database.db);
    await sql`insert into pair values (1, 1)`.execute(database.db);
    const refused = await sql`insert into pair values (1, 2)`
      .execute(database.db)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(refused).toMatchObject({ code: "23505", constraint: "pair_pkey", table: "pair" });
    const checked = await sql`insert into pair values (2, 0)`
      .execute(database.db)
      .catch((e: unknown) => e);
    expect(checked).toMatchObject({ code: "23514", constraint: "pair_n_check" });
  });

  it("runs a transaction on one connection: others wait, a rollback leaves nothing", async () => {
    await sql`create table seen (n int)`.execute(database.db);
    const order: string[] = [];
    const outside = (async () => {
      await new Promise((r) => setTimeout(r, 20));
      await sql`insert into seen values (100)`.execute(database.db);
      order.push("outside");
    })();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into seen values (1)`.execute(trx);
        await new Promise((r) => setTimeout(r, 100));
        const inside = await sql<{ n: number }>`select n from seen`.execute(trx);
        order.push(`inside:${inside.rows.map((r) => r.n).join(",")}`);
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    await outside;
    expect(order).toEqual(["inside:1", "outside"]);
    const left = await sql<{ n: number }>`select n from seen`.execute(database.db);
    expect(left.rows).toEqual([{ n: 100 }]);
  });

  it("reports a transaction that an error aborted, instead of committing it", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into seen values (2)`.execute(trx);
        await sql`select 1 / 0`.execute(trx).catch(() => {});
      }),
    ).rejects.toThrow(/rolled back/);
    const left = await sql<{ n: number }>`select n from seen order by n`.execute(database.db);
    expect(left.rows).toEqual([{ n: 100 }]);
  });

  it("lets the event loop turn while a long statement runs", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const t0 = performance.now();
    try {
      await sql`select count(*) from generate_series(1, 3000000) g
        where md5(g::text) like 'a%'`.execute(database.db);
    } finally {
      clearInterval(timer);
    }
    const elapsed = performance.now() - t0;
    // On the main thread the statement would hold the loop: not one tick until it ends.
    expect(elapsed).toBeGreaterThan(200);
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 10 / 4));
  }, 120_000);
});
