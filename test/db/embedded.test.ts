// The embedded database in its worker thread: rows come back with exactly the types PGlite
// gives in process, errors keep their SQLSTATE and constraint, transactions stay on one
// connection, and the event loop keeps turning while a long statement runs.
import { PGlite } from "@electric-sql/pglite";
import { CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/connect.ts";
import { MAX_KEPT } from "../../src/db/pglite-statements.ts";

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

  describe("prepared statements", () => {
    const PARAMS = `select $1::int4 as int, $2::int8 as big, $3::text as txt, $4::timestamptz as at,
      $5::jsonb as doc, $6::int4[] as ints, $7::text[] as words, $8::bytea as bytes,
      $9::bool as flag, $10::float8 as dbl, $11::text as nothing, $12::date as day`;
    const values = () => [
      7,
      "9007199254740993",
      `d'Ivoire, "q" é`,
      new Date("2023-06-30T12:34:56.789Z"),
      JSON.stringify({ a: [1, "x"], b: null }),
      [1, 2, 3],
      ["a,b", 'c"d', "é"],
      new Uint8Array([0, 255, 7]),
      true,
      2.5,
      null,
      "2024-02-29",
    ];
    const prepared = async (text: string) =>
      (
        await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements
          where statement = ${text}`.execute(database.db)
      ).rows[0]?.n;

    it("sends parameters of every type as PGlite does, run after run", async () => {
      const direct = await PGlite.create({ parsers: { 1082: (value: string) => value } });
      try {
        const reference = (await direct.query(PARAMS, values())).rows[0];
        // Past the runs after which PostgreSQL may keep one plan for any values.
        for (let i = 0; i < 8; i++) {
          const row = (await database.db.executeQuery(CompiledQuery.raw(PARAMS, values()))).rows[0];
          expect(row).toEqual(reference);
        }
      } finally {
        await direct.close();
      }
      expect(await prepared(PARAMS)).toBe(1);
    }, 60_000);

    it("answers each run for its own values once a plan is kept", async () => {
      await sql`create table kept (id int primary key, grp int)`.execute(database.db);
      await sql`insert into kept select g, g % 3 from generate_series(1, 400) g`.execute(
        database.db,
      );
      for (let i = 0; i < 12; i++) {
        const rows = await database.db
          .selectFrom("kept" as never)
          .select(sql<number>`count(*)::int`.as("n"))
          .where(sql.ref("grp"), "=", i % 3)
          .where(sql.ref("id"), "<=", 30 * (i + 1))
          .execute();
        expect(rows[0]).toEqual({ n: 10 * (i + 1) });
      }
    });

    it("sees a table's new shape after the schema changes", async () => {
      await sql`create table shape (a int)`.execute(database.db);
      await sql`insert into shape values (1)`.execute(database.db);
      const all = () => sql.raw("select * from shape").execute(database.db);
      expect((await all()).rows).toEqual([{ a: 1 }]);
      expect((await all()).rows).toEqual([{ a: 1 }]);
      await sql`alter table shape add column b text default 'x'`.execute(database.db);
      expect((await all()).rows).toEqual([{ a: 1, b: "x" }]);
      await sql.raw("do $$ begin alter table shape drop column a; end $$").execute(database.db);
      expect((await all()).rows).toEqual([{ b: "x" }]);
    });

    it("keeps at most MAX_KEPT statements, and runs again one it let go", async () => {
      const text = (i: number) => `select ${i} + $1::int as n`;
      for (let i = 0; i < MAX_KEPT + 20; i++) {
        const { rows } = await database.db.executeQuery<{ n: number }>(
          CompiledQuery.raw(text(i), [1]),
        );
        expect(rows[0]?.n).toBe(i + 1);
      }
      const count = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`
        .execute(database.db)
        .then((r) => r.rows[0]?.n ?? 0);
      expect(count).toBeLessThanOrEqual(MAX_KEPT + 1);
      expect(await prepared(text(0))).toBe(0);
      const again = await database.db.executeQuery<{ n: number }>(CompiledQuery.raw(text(0), [41]));
      expect(again.rows[0]?.n).toBe(41);
    });

    it("keeps a refused statement's SQLSTATE, and the transaction it aborted", async () => {
      await sql`create table once (id int primary key)`.execute(database.db);
      const insert = (id: number) => sql`insert into once values (${id})`.execute(database.db);
      await insert(1);
      await insert(2);
      await expect(insert(1)).rejects.toMatchObject({ code: "23505", constraint: "once_pkey" });
      await expect(
        database.db.transaction().execute(async (trx) => {
          await sql`insert into once values (${3})`.execute(trx);
          await sql`insert into once values (${3})`.execute(trx).catch(() => {});
        }),
      ).rejects.toThrow(/rolled back/);
      const ids = await sql<{ id: number }>`select id from once order by id`.execute(database.db);
      expect(ids.rows).toEqual([{ id: 1 }, { id: 2 }]);
    });
  });
});
