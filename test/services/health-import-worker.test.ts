// A file's values checked and encoded for staging in its reading worker, staged into a table of
// the import's own, must import exactly what the same records checked on the main thread do:
// the counts, the refusals with their lines, the values and roll-ups, merged at once or in
// chunks, a dry run writing nothing and a re-import writing nothing — on PGlite and PostgreSQL.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connect.ts";
import { readMetadata } from "../../src/importers/health/dhis2/metadata/read.ts";
import { readDataValues } from "../../src/importers/health/dhis2/read.ts";
import { importDataValues } from "../../src/services/health/data-import.ts";
import { importMetadata } from "../../src/services/health/metadata-import.ts";
import { stageFileInWorker } from "../../src/services/health/staged-read.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { dv, METADATA, VALUES } from "../support/health-world.ts";

const source = (payload: unknown) => Readable.from([Buffer.from(JSON.stringify(payload))]);

async function contents(t: Database) {
  const values = await sql<{ row: string }>`
    select concat_ws('|', org_unit_id, data_element_id, period, coc_id, aoc_id, value, comment,
      follow_up, stored_by) as row
    from data_values order by 1`.execute(t.db);
  const rollups = await sql<{ row: string }>`
    select concat_ws('|', data_element_id, org_unit_id, bucket, coc_id, sum, count) as row
    from data_value_rollups where count <> 0 or sum <> 0 order by 1`.execute(t.db);
  return { values: values.rows.map((r) => r.row), rollups: rollups.rows.map((r) => r.row) };
}

/** Staging rows, own staging tables, undo and pending rows, the merge slot: all gone. */
async function leftovers(t: Database) {
  const { rows } = await sql<{ n: number }>`
    select ((select count(*) from data_value_undo) + (select count(*) from data_value_rollup_pending)
      + (select count(*) from data_value_merges) + (select count(*) from data_value_staging)
      + (select count(*) from pg_class where relname like 'data\\_value\\_staging\\_%'
          and relkind = 'r'))::int as n
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

describe.each(backends)("a file's import staged by its worker on %s", (backend) => {
  let inWorker: TestDatabase;
  let inMain: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "jalon-stage-worker-"));
    [inWorker, inMain] = await Promise.all([freshDatabase(backend), freshDatabase(backend)]);
    for (const t of [inWorker, inMain])
      await importMetadata(t, {
        items: readMetadata(source(METADATA)),
        actor: "test",
        fileHash: null,
        dryRun: false,
      });
  });
  afterAll(async () => {
    await inWorker.dispose();
    await inMain.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const viaWorker = async (payload: unknown, o: { dryRun?: boolean; chunkValues?: number }) => {
    const path = join(dir, `values-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(path, JSON.stringify(payload));
    return importDataValues(inWorker, {
      stage: (catalogue, key) => stageFileInWorker(path, catalogue, key),
      actor: "test",
      source: "dhis2_file",
      fileHash: null,
      dryRun: o.dryRun ?? false,
      ...(o.chunkValues === undefined ? {} : { chunkValues: o.chunkValues }),
    });
  };
  const viaMain = (payload: unknown, dryRun = false) =>
    importDataValues(inMain, {
      batches: readDataValues(source(payload), { batchSize: 4 }),
      actor: "test",
      source: "dhis2_file",
      fileHash: null,
      dryRun,
    });
  const counts = (s: Awaited<ReturnType<typeof viaMain>>) => [
    s.imported,
    s.updated,
    s.deleted,
    s.ignored,
    s.rejected.map((r) => [r.row, r.reason]),
  ];
  const audits = async (t: Database) =>
    (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.db)).rows[0]?.n;

  it("stores, counts and refuses what the main thread's checks do, chunked or at once", async () => {
    const dry = await viaWorker(VALUES, { dryRun: true, chunkValues: 1 });
    expect(await contents(inWorker)).toEqual({ values: [], rollups: [] });
    const first = await viaWorker(VALUES, { chunkValues: 1 });
    const reference = await viaMain(VALUES);
    expect(counts(first)).toEqual(counts(reference));
    expect(counts(dry)).toEqual(counts(reference));
    expect(first.rejected.length).toBeGreaterThan(0);
    expect(await contents(inWorker)).toEqual(await contents(inMain));

    const dryChange = await viaWorker(CHANGED, { dryRun: true });
    const change = await viaWorker(CHANGED, {});
    const referenceChange = await viaMain(CHANGED);
    expect(counts(change)).toEqual(counts(referenceChange));
    expect(counts(dryChange)).toEqual(counts(referenceChange));
    expect(await contents(inWorker)).toEqual(await contents(inMain));
    expect(await leftovers(inWorker)).toBe(0);
  });

  it("re-imports the same file in chunks without change or audit event", async () => {
    const before = await audits(inWorker);
    const kept = await contents(inWorker);
    const again = await viaWorker(CHANGED, { chunkValues: 1 });
    expect([again.imported, again.updated, again.deleted]).toEqual([0, 0, 0]);
    expect(await audits(inWorker)).toBe(before);
    expect(await contents(inWorker)).toEqual(kept);
    expect(await leftovers(inWorker)).toBe(0);
  });
});
