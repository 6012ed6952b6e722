// Bulk loading with COPY through the Database seam, on PGlite and PostgreSQL: 100 000 rows
// arrive whole, awkward text survives (commas, quotes, line breaks, NULL vs empty, unicode),
// and a load that fails part-way stores nothing.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

const ROWS = 100_000;

/** Text that a naive CSV writer would break, keyed by the row that carries it. */
const AWKWARD: ReadonlyMap<number, string | null> = new Map([
  [0, "a, b, c"],
  [1, 'she said "yes", then "no"'],
  [2, "line one\nline two\r\nline three"],
  [3, null],
  [4, ""],
  [5, "Ségou — Kayes, 漢字, emoji 👩🏾‍⚕️"],
  [6, "\\N"],
  [7, "back\\slash"],
  [8, '"'],
  [9, "  padded  "],
]);

function row(i: number): unknown[] {
  const note = AWKWARD.has(i) ? AWKWARD.get(i) : `note ${i}`;
  return [i, `label-${i}`, note, `${i}.25`, "2023-06-30", i % 2 === 0, { i, tags: ["x", i] }];
}

async function* rows(count: number, poison?: { at: number; row: unknown[] }) {
  for (let i = 0; i < count; i++) yield poison?.at === i ? poison.row : row(i);
}

const COLUMNS = ["id", "label", "note", "amount", "day", "flag", "data"] as const;

describe.each(backends)("bulk loading with COPY on %s", (backend) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await sql`create table copy_scratch (
      id int8 primary key, label text not null, note text, amount numeric not null, day date,
      flag boolean, data jsonb)`.execute(t.db);
  }, 60_000);
  afterAll(() => t.dispose());

  const count = async () =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from copy_scratch`.execute(t.db)).rows[0]?.n,
    );

  it("stores 100 000 rows and every awkward value as it was given", async () => {
    const t0 = performance.now();
    const stored = await t.copyInto("copy_scratch", COLUMNS, rows(ROWS));
    const seconds = (performance.now() - t0) / 1000;
    console.log(`copyInto on ${backend}: ${ROWS} rows in ${seconds.toFixed(2)} s`);
    expect(stored).toBe(ROWS);
    expect(await count()).toBe(ROWS);

    const found = await sql<{ id: string; note: string | null }>`
      select id::text as id, note from copy_scratch where id < ${AWKWARD.size} order by id`.execute(
      t.db,
    );
    expect(found.rows.map((r) => r.note)).toEqual([...AWKWARD.values()]);

    const last = await sql<{
      label: string;
      amount: string;
      day: string;
      flag: boolean;
      data: unknown;
    }>`select label, amount::text as amount, day, flag, data from copy_scratch
       where id = ${ROWS - 1}`.execute(t.db);
    expect(last.rows[0]).toEqual({
      label: `label-${ROWS - 1}`,
      amount: `${ROWS - 1}.25`,
      day: "2023-06-30",
      flag: false,
      data: { i: ROWS - 1, tags: ["x", ROWS - 1] },
    });
    const sums = await sql<{
      total: string;
    }>`select sum(id)::text as total from copy_scratch`.execute(t.db);
    expect(sums.rows[0]?.total).toBe(String((ROWS * (ROWS - 1)) / 2));
  }, 120_000);

  it("stores nothing when the database refuses a row near the end", async () => {
    await sql`truncate copy_scratch`.execute(t.db);
    const bad = [ROWS - 2, "bad", null, "not a number", null, null, null];
    await expect(
      t.copyInto("copy_scratch", COLUMNS, rows(ROWS, { at: ROWS - 2, row: bad })),
    ).rejects.toMatchObject({ code: "22P02" });
    expect(await count()).toBe(0);
  }, 120_000);

  it("stores nothing when the rows themselves fail part-way", async () => {
    const short = [1, "short row"];
    await expect(
      t.copyInto("copy_scratch", COLUMNS, rows(ROWS, { at: ROWS - 2, row: short })),
    ).rejects.toThrow(/2 values for 7 columns/);
    expect(await count()).toBe(0);
    // The connection is usable afterwards, and a load from a plain array works too.
    expect(await t.copyInto("copy_scratch", COLUMNS, [row(1), row(2)])).toBe(2);
    expect(await count()).toBe(2);
  }, 120_000);
});
