// Bulk writes: upserts cut into chunks that tell the rows they inserted from those they updated
// (`xmax = 0`), an update guard that skips rows, and import batches with the one audit event
// that describes each — on PGlite and PostgreSQL alike.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunksOf, insertMany, upsertMany } from "../../src/db/shared/bulk.ts";
import {
  failBatch,
  findBatch,
  finishBatch,
  startBatch,
} from "../../src/db/shared/import-batches.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

// A table of the test's own: the helpers take any table of the schema.
const PROBE = "bulk_probe" as "import_batches";

describe.each(backends)("bulk writes on %s", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    await sql`create table bulk_probe (k integer primary key, v text not null, n integer not null default 1)`.execute(
      t.db,
    );
  });
  afterAll(() => t.dispose());

  const probe = async () =>
    (
      await sql<{
        k: number;
        v: string;
        n: number;
      }>`select k, v, n from bulk_probe order by k`.execute(t.db)
    ).rows;

  it("cuts rows into chunks under the parameter bound", () => {
    const wide = Array.from({ length: 2500 }, (_, i) => ({ a: i, b: i, c: i }));
    const chunks = chunksOf(wide);
    expect(chunks.map((c) => c.length)).toEqual([1000, 1000, 500]);
    const wider = [Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`c${i}`, i]))];
    expect(chunksOf(Array(700).fill(wider[0])).map((c) => c.length)).toEqual([300, 300, 100]);
    expect(chunksOf([])).toEqual([]);
  });

  it("tells inserted rows from updated ones, across several chunks", async () => {
    await insertMany(t.db, PROBE, [
      { k: 1, v: "one" },
      { k: 2, v: "two" },
    ]);
    const rows = Array.from({ length: 2100 }, (_, i) => ({ k: i + 1, v: `v${i + 1}` }));
    const written = await upsertMany(t.db, PROBE, rows, {
      key: ["k"],
      update: ["v"],
      set: { n: sql`bulk_probe.n + 1` },
      returning: ["k"],
    });
    expect(written).toHaveLength(2100);
    const inserted = written.filter((w) => w.inserted).map((w) => Number(w.k));
    const updated = written.filter((w) => !w.inserted).map((w) => Number(w.k));
    expect(updated.sort((a, b) => a - b)).toEqual([1, 2]);
    expect(inserted).toHaveLength(2098);
    const stored = await probe();
    expect(stored).toHaveLength(2100);
    expect(stored.slice(0, 3)).toEqual([
      { k: 1, v: "v1", n: 2 },
      { k: 2, v: "v2", n: 2 },
      { k: 3, v: "v3", n: 1 },
    ]);
  });

  it("skips, and does not return, an existing row the guard refuses", async () => {
    const written = await upsertMany(
      t.db,
      PROBE,
      [
        { k: 1, v: "kept?" },
        { k: 3, v: "changed" },
        { k: 5000, v: "new" },
      ],
      {
        key: ["k"],
        update: ["v"],
        guard: sql<boolean>`bulk_probe.k <> 1`,
        returning: ["k", "v"],
      },
    );
    expect(written.map((w) => [Number(w.k), w.v, w.inserted])).toEqual([
      [3, "changed", false],
      [5000, "new", true],
    ]);
    expect((await probe()).find((r) => r.k === 1)?.v).toBe("v1");
  });

  it("records a batch with its counts and one audit event that describes it", async () => {
    const id = await startBatch(t.db, {
      source: "test",
      actor: "tester",
      fileHash: "ab".repeat(32),
      scope: { cycle: "2023" },
    });
    expect(await findBatch(t.db, id)).toMatchObject({ state: "running", finished_at: null });
    const counts = { inserted: 3, updated: 2, unchanged: 1, rejected: 4 };
    await finishBatch(t.db, id, { counts, before: [{ id: 9 }], written: [{ id: 10 }] });
    const batch = await findBatch(t.db, id);
    expect(batch).toMatchObject({ state: "done", ...counts, source: "test", actor: "tester" });
    expect(batch?.finished_at).toBeInstanceOf(Date);
    const events = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "import_batches")
      .where("entity_id", "=", id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "import", actor: "tester", before: [{ id: 9 }] });
    expect(events[0]?.after).toMatchObject({
      source: "test",
      fileHash: "ab".repeat(32),
      scope: { cycle: "2023" },
      counts,
      written: [{ id: 10 }],
    });

    const failed = await startBatch(t.db, {
      source: "test",
      actor: "tester",
      fileHash: null,
      scope: null,
    });
    await failBatch(t.db, failed, "the file ended early");
    expect(await findBatch(t.db, failed)).toMatchObject({
      state: "failed",
      error: "the file ended early",
    });
  });
});
