// A large import is merged in chunks of whole units, each committed on its own: it must store
// exactly what an import merged at once stores, count the same, keep its roll-ups out of sight
// until it ends, and leave nothing behind when it fails half-way or its process is killed — on
// PGlite and PostgreSQL. On the embedded database its chunks give way to other requests.
import { Readable } from "node:stream";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connect.ts";
import {
  applyPending,
  claimMerge,
  dropStaged,
  mergeStaged,
  namedRows,
  releaseMerge,
  stageValues,
} from "../../src/db/health/data-values.ts";
import { orgUnitLookup } from "../../src/db/health/org-units.ts";
import { rebuildRollups } from "../../src/db/health/rollups.ts";
import { startBatch } from "../../src/db/shared/import-batches.ts";
import { readMetadata } from "../../src/importers/health/dhis2/metadata/read.ts";
import { readDataValues } from "../../src/importers/health/dhis2/read.ts";
import {
  checkRead,
  importDataValues,
  loadCatalogue,
  unitGroups,
} from "../../src/services/health/data-import.ts";
import { importMetadata } from "../../src/services/health/metadata-import.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { dv, METADATA, VALUES } from "../support/health-world.ts";

const source = (payload: unknown) => Readable.from([Buffer.from(JSON.stringify(payload))]);

/** Every stored value and roll-up, in one comparable shape. */
async function contents(t: Database) {
  const values = await sql<{ row: string }>`
    select concat_ws('|', org_unit_id, data_element_id, period, coc_id, aoc_id, value, comment,
      follow_up) as row
    from data_values order by 1`.execute(t.db);
  const rollups = await sql<{ row: string }>`
    select concat_ws('|', data_element_id, org_unit_id, bucket, coc_id, sum, count) as row
    from data_value_rollups where count <> 0 or sum <> 0 order by 1`.execute(t.db);
  return { values: values.rows.map((r) => r.row), rollups: rollups.rows.map((r) => r.row) };
}

async function leftovers(t: Database) {
  const { rows } = await sql<{ n: number }>`
    select ((select count(*) from data_value_undo) + (select count(*) from data_value_rollup_pending)
      + (select count(*) from data_value_merges) + (select count(*) from data_value_staging))::int as n
  `.execute(t.db);
  return rows[0]?.n;
}

/** The same values with one changed, one deleted, one new and one duplicate (the last wins). */
const CHANGED = {
  dataValues: [
    ...VALUES.dataValues.slice(0, 10).map((v, i) => (i === 1 ? { ...v, value: "99" } : v)),
    { ...VALUES.dataValues[2], deleted: true },
    dv("DeAnc100001", "202206", "FacBla00001", 12),
    dv("DeAnc100001", "202206", "FacBla00001", 13),
  ],
};

describe("unitGroups", () => {
  it("cuts the units in id order into groups of about the size, never splitting one", () => {
    const per = new Map([
      [5, 3],
      [1, 2],
      [2, 2],
      [9, 10],
    ]);
    expect(unitGroups(per, 4)).toEqual([[1, 2], [5], [9]]);
    expect(unitGroups(per, 100)).toEqual([[1, 2, 5, 9]]);
    expect(unitGroups(new Map(), 4)).toEqual([]);
  });
});

describe.each(backends)("an import merged in chunks on %s", (backend) => {
  let chunked: TestDatabase;
  let atOnce: TestDatabase;
  beforeAll(async () => {
    [chunked, atOnce] = await Promise.all([freshDatabase(backend), freshDatabase(backend)]);
    for (const t of [chunked, atOnce])
      await importMetadata(t, {
        items: readMetadata(source(METADATA)),
        actor: "test",
        fileHash: null,
        dryRun: false,
      });
  });
  afterAll(async () => {
    await chunked.dispose();
    await atOnce.dispose();
  });

  const importInto = (
    t: Database,
    payload: unknown,
    o: { chunkValues?: number; dryRun?: boolean; onMerge?: (n: number) => void } = {},
  ) =>
    importDataValues(t, {
      batches: readDataValues(source(payload), { batchSize: 4 }),
      actor: "test",
      source: "dhis2_file",
      fileHash: null,
      dryRun: o.dryRun ?? false,
      ...(o.chunkValues === undefined ? {} : { chunkValues: o.chunkValues }),
      ...(o.onMerge ? { onMerge: o.onMerge } : {}),
    });
  const counts = (s: Awaited<ReturnType<typeof importInto>>) => [
    s.imported,
    s.updated,
    s.deleted,
    s.ignored,
    s.rejected.length,
  ];

  it("stores and counts what an import merged at once does, dry run and re-import included", async () => {
    const merged: number[] = [];
    const dry = await importInto(chunked, VALUES, { chunkValues: 1, dryRun: true });
    expect(await contents(chunked)).toEqual({ values: [], rollups: [] });
    const first = await importInto(chunked, VALUES, {
      chunkValues: 1,
      onMerge: (n) => merged.push(n),
    });
    const reference = await importInto(atOnce, VALUES);
    expect(counts(first)).toEqual(counts(reference));
    expect(counts(dry)).toEqual(counts(reference));
    // One chunk per facility: three of them, each merged and reported.
    expect(merged).toEqual([expect.any(Number), expect.any(Number), 10]);
    expect(await contents(chunked)).toEqual(await contents(atOnce));

    const dryChange = await importInto(chunked, CHANGED, { chunkValues: 1, dryRun: true });
    const change = await importInto(chunked, CHANGED, { chunkValues: 1 });
    const referenceChange = await importInto(atOnce, CHANGED);
    expect(counts(change)).toEqual(counts(referenceChange));
    expect(counts(dryChange)).toEqual(counts(referenceChange));
    expect(counts(change)).toEqual([1, 1, 1, 8, 0]);
    expect(await contents(chunked)).toEqual(await contents(atOnce));

    const again = await importInto(chunked, CHANGED, { chunkValues: 1 });
    expect(counts(again)).toEqual([0, 0, 0, 11, 0]);
    // The roll-ups are what a recomputation from the stored values gives.
    const kept = await contents(chunked);
    await chunked.db.transaction().execute((trx) => rebuildRollups(trx));
    expect(await contents(chunked)).toEqual(kept);
    expect(await leftovers(chunked)).toBe(0);
  });

  it("leaves the values and roll-ups as they were when it fails half-way", async () => {
    const before = await contents(chunked);
    const file = {
      dataValues: VALUES.dataValues
        .slice(0, 10)
        .map((v) => ({ ...v, value: String(Number(v.value) + 1) })),
    };
    let chunks = 0;
    const failing = importInto(chunked, file, {
      chunkValues: 1,
      onMerge: () => {
        if (++chunks === 2) throw new Error("the disk is full");
      },
    });
    await expect(failing).rejects.toThrow("the disk is full");
    expect(await contents(chunked)).toEqual(before);
    expect(await leftovers(chunked)).toBe(0);
    const batch = await chunked.db
      .selectFrom("import_batches")
      .select(["state", "error"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(batch).toEqual({ state: "failed", error: "the disk is full" });
    // Nothing holds the merge: the next import runs.
    expect(counts(await importInto(chunked, CHANGED, { chunkValues: 1 }))).toEqual([
      0, 0, 0, 11, 0,
    ]);
  });

  /** A chunk merged by an import whose process then died: its slot's heartbeat long stopped. */
  async function killedImport(t: Database, payload: { dataValues: unknown[] }) {
    const batchId = await startBatch(t.db, {
      source: "dhis2_file",
      actor: "test",
      fileHash: null,
      scope: null,
    });
    const catalogue = await loadCatalogue(t.db);
    const named = namedRows();
    const records = [];
    for await (const batch of readDataValues(source(payload))) records.push(...batch);
    const staged = records.flatMap((r) => {
      const c = checkRead(r, catalogue);
      return c.ok ? [c.value] : [];
    });
    await stageValues(t, batchId, staged, named);
    const first = Math.min(...named.orgUnits);
    await t.db.transaction().execute(async (trx) => {
      expect((await claimMerge(trx, batchId, 120)).claimed).toBe(true);
      await mergeStaged(trx, batchId, batchId, named, { kind: "chunk", units: [first] });
    });
    await sql`update data_value_merges set alive_at = now() - interval '1 hour'`.execute(t.db);
    return { batchId, first };
  }

  it("undoes an import whose process was killed before the next one merges", async () => {
    const before = await contents(chunked);
    const file = {
      dataValues: CHANGED.dataValues.map((v) => ({ ...v, value: "7", deleted: false })),
    };
    const { batchId } = await killedImport(chunked, file);
    // The killed chunk's values are stored, its roll-ups are not: totals are those from before.
    expect((await contents(chunked)).values).not.toEqual(before.values);
    expect((await contents(chunked)).rollups).toEqual(before.rollups);

    const next = await importInto(chunked, CHANGED, { chunkValues: 1 });
    expect(counts(next)).toEqual([0, 0, 0, 11, 0]);
    expect(await contents(chunked)).toEqual(before);
    expect(await leftovers(chunked)).toBe(0);
    const killed = await chunked.db
      .selectFrom("import_batches")
      .select(["state", "error"])
      .where("id", "=", batchId)
      .executeTakeFirstOrThrow();
    expect(killed).toEqual({ state: "failed", error: "interrupted" });
  });

  it("keeps the roll-ups right when the tree is rebuilt in the middle of an import", async () => {
    const file = {
      dataValues: CHANGED.dataValues.map((v) => ({ ...v, value: "5", deleted: false })),
    };
    const { batchId, first } = await killedImport(chunked, file);
    await sql`update data_value_merges set alive_at = now()`.execute(chunked.db);
    // A move rebuilds every roll-up: the pending changes of the import are rebuilt with them.
    await chunked.db.transaction().execute((trx) => rebuildRollups(trx));
    const named = namedRows();
    for (const [, ref] of await orgUnitLookup(chunked.db)) named.orgUnits.add(ref.id);
    const rest = [...named.orgUnits].filter((u) => u !== first);
    await chunked.db.transaction().execute(async (trx) => {
      await mergeStaged(trx, batchId, batchId, named, { kind: "chunk", units: rest });
      await applyPending(trx, batchId);
      await dropStaged(trx, batchId);
      await releaseMerge(trx, batchId);
    });
    expect(await leftovers(chunked)).toBe(0);
    const kept = await contents(chunked);
    await chunked.db.transaction().execute((trx) => rebuildRollups(trx));
    expect(await contents(chunked)).toEqual(kept);
  });
});

describe("background work on the embedded database", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase("pglite");
  });
  afterAll(() => t.dispose());

  it("lets a request waiting for the one connection go before background work waiting too", async () => {
    const order: string[] = [];
    const step = (name: string) =>
      t.db.transaction().execute(async (trx) => {
        await sql`select pg_sleep(0.05)`.execute(trx);
        order.push(name);
      });
    const work = t.background(() => Promise.all([step("b1"), step("b2"), step("b3")]));
    // Asked while the first background step holds the connection and two more wait.
    await new Promise((r) => setTimeout(r, 10));
    await step("request");
    await work;
    expect(order).toEqual(["b1", "request", "b2", "b3"]);
  });
});
