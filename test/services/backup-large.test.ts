// Backup and restore stream: a health dataset of 240 000 values (bench/health/generate.ts's
// units and elements, imported, then one value per facility × element × month) is backed up and
// restored into the other store while the heap is sampled; the heap grows by far less than the
// rows it carries would take in memory, and every row comes back.
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createGunzip } from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULTS, generate } from "../../bench/health/generate.ts";
import { importDhis2File } from "../../src/services/health/dhis2-files.ts";
import { backupToFile, restoreFromFile } from "../../src/services/shared/backup.ts";
import {
  type BackendName,
  backends,
  freshDatabase,
  type TestDatabase,
} from "../support/database.ts";

const FACILITIES = 200;
const ELEMENTS = 40;
const MONTHS = 30;
const VALUES = FACILITIES * ELEMENTS * MONTHS;
/** Well under the backup's own text (checked below): the file is never held whole. */
const HEAP_BOUND_MB = 16;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "jalon-backup-large-"));
  await generate({
    ...DEFAULTS,
    out: dir,
    facilities: FACILITIES,
    districts: 20,
    regions: 4,
    elements: ELEMENTS,
    months: 1,
  });
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The generated metadata through the DHIS2 import, then every value, a month per statement. */
async function loadValues(t: TestDatabase): Promise<void> {
  const path = join(dir, "metadata.json");
  await importDhis2File(t, {
    path,
    kind: "metadata",
    dryRun: false,
    actor: "test",
    inWorker: false,
  });
  const metadata = JSON.parse(await readFile(path, "utf8")) as {
    organisationUnits: { id: string; level: number }[];
    dataElements: { id: string }[];
  };
  const facilities = metadata.organisationUnits.filter((u) => u.level === 4).map((u) => u.id);
  const elements = metadata.dataElements.map((e) => e.id);
  for (let m = 0; m < MONTHS; m++) {
    const period = `${2020 + Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, "0")}`;
    await sql`
      insert into data_values (org_unit_id, data_element_id, period, coc_id, aoc_id, bucket, value)
      select u.id, e.id, ${period}, c.id, c.id, ${period}, (u.id * 7 + e.id * 13 + ${m}) % 1000
      from org_units u cross join data_elements e
      cross join (select min(id) as id from category_option_combos where is_default) c
      where u.uid = any(${facilities}::text[]) and e.uid = any(${elements}::text[])`.execute(t.db);
  }
}

/** The size of the backup's text, once uncompressed. */
async function textBytes(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(file).pipe(createGunzip()))
    n += (chunk as Buffer).length;
  return n;
}

/** The values' count and a checksum over every column a restore must bring back. */
async function valuesPrint(t: TestDatabase) {
  const got = await sql<{ n: string; sum: string; keys: string }>`
    select count(*)::text as n, sum(value)::text as sum,
           sum(hashtext(org_unit_id || '/' || data_element_id || '/' || period || '/' || coc_id))::text as keys
    from data_values`.execute(t.db);
  return got.rows[0];
}

// A full collection on demand, so that the heap sampled is what is still held, not garbage.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

/**
 * Runs `work` while watching the heap; the most it held above its start. Every 250 ms, and
 * whenever the heap seems to pass the bound (garbage included), what is still held is measured
 * after a full collection.
 */
async function heapGrowthMb(work: () => Promise<unknown>, boundMb: number): Promise<number> {
  const start = liveHeap();
  const bound = start + boundMb * 1024 * 1024;
  let peak = start;
  let ticks = 0;
  const sampler = setInterval(() => {
    if (++ticks % 25 === 0 || process.memoryUsage().heapUsed > bound)
      peak = Math.max(peak, liveHeap());
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return (peak - start) / (1024 * 1024);
}

describe.each(backends)("a backup of %s holding 240 000 values", (kind: BackendName) => {
  // Restored into the other store when both run, so that each direction is streamed once.
  const other: BackendName = backends.find((b) => b !== kind) ?? kind;
  let source: TestDatabase;
  let target: TestDatabase;

  beforeAll(async () => {
    source = await freshDatabase(kind);
    await loadValues(source);
    target = await freshDatabase(other);
  }, 300_000);

  afterAll(async () => {
    await source?.dispose();
    await target?.dispose();
  });

  it(`streams out, and back into ${other}, with every row`, async () => {
    const before = await valuesPrint(source);
    expect(Number(before?.n)).toBe(VALUES);
    const file = join(dir, `${kind}.jalon.gz`);

    const t0 = performance.now();
    let rows = 0;
    const backupMb = await heapGrowthMb(async () => {
      rows = (await backupToFile(source, file, "0.1.0")).rows;
    }, HEAP_BOUND_MB);
    const text = await textBytes(file);

    const t1 = performance.now();
    let restored = 0;
    const restoreMb = await heapGrowthMb(async () => {
      const outcome = await restoreFromFile(target, file, { force: false });
      if (!outcome.ok) throw new Error(`restore refused: ${outcome.reason}`);
      restored = outcome.rows;
    }, HEAP_BOUND_MB);
    console.info(
      `${kind} → ${other}: ${rows} rows, ${(text / 1024 / 1024).toFixed(1)} MB of text, live heap growth: backup ${backupMb.toFixed(1)} MB in ${((t1 - t0) / 1000).toFixed(1)} s, restore ${restoreMb.toFixed(1)} MB in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );
    expect(rows).toBeGreaterThan(VALUES);
    expect(text).toBeGreaterThan(HEAP_BOUND_MB * 1024 * 1024);
    expect(backupMb).toBeLessThan(HEAP_BOUND_MB);
    expect(restored).toBe(rows);
    expect(restoreMb).toBeLessThan(HEAP_BOUND_MB);
    expect(await valuesPrint(target)).toEqual(before);
  }, 300_000);
});
