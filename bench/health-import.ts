// The health-data engine at national scale: a generated DHIS2 export (bench/health/generate.ts,
// 3.6 M values by default) imported end to end on PGlite (a fresh data directory) and PostgreSQL
// (a fresh schema), each figure printed beside its reference and the ratio:
//   1. import of the JSON (metadata, then values read in a worker) and of the CSV into another
//      fresh store: values/s vs a raw COPY of the same rows into a bare table on the same store;
//      peak RSS of the store's process (process.resourceUsage().maxRSS: PGlite's worker thread
//      is inside it; PostgreSQL's server is not);
//   2. a re-import of the same file, every value unchanged;
//   3. an indicator for every region × every month through runAnalytics, and bucketTotals
//      alone, vs DuckDB's GROUP BY over the same roll-up rows (p50/p95 of BENCH_HEALTH_RUNS);
//   4. on PGlite, the event-loop delay of the importing process while it imports (p99);
//   5. the import split by phase: reading, checking, COPY to staging, merge.
// Each store runs in a child process of its own, so that its peak RSS is its own.
//   npx node bench/health-import.ts [--small] [--store pglite|postgres|both] [--no-csv]
// Sizes: BENCH_HEALTH_FACILITIES, _DISTRICTS, _REGIONS, _ELEMENTS, _MONTHS (defaults: the
// generator's, 1 500 × 40 × 60 = 3.6 M values; --small: 150 × 40 × 24 = 144 000).
// PostgreSQL from BENCH_DATABASE_URL (or postgres://postgres@127.0.0.1:5432/postgres).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { importDhis2File } from "../src/services/health/dhis2-files.ts";
import { generate, sizeFromEnv } from "./health/generate.ts";
import { rawCopyPglite, rawCopyPostgres, resolvedCsv } from "./health/references.ts";
import { readAndCheck, rollups } from "./health/rollup-figures.ts";
import { type ServedFigures, servedDuringImport } from "./health/served.ts";
import {
  intFromEnv,
  postgresAdminUrl,
  printTable,
  runInfo,
  verdict,
  writeResults,
} from "./lib/harness.ts";

const BUDGET = {
  pglite: { valuesPerSecond: 100_000, rssMb: 1500, p95Ms: 60 },
  postgres: { valuesPerSecond: 200_000, rssMb: 500, p95Ms: 20 },
  duckdbRatio: 4,
  eventLoopP99Ms: 100,
  servedP95Ms: 300,
};

type Store = "pglite" | "postgres";

interface ImportFigures {
  values: number;
  ms: number;
  valuesPerSecond: number;
  inserted: number;
  updated: number;
  ignored: number;
  rejected: number;
  /** Time inside COPY into staging, and from the last COPY to the end (merge and commit). */
  copyMs: number;
  mergeMs: number;
  peakRssMb: number;
}

interface StoreResult {
  store: Store;
  metadataMs: number;
  json: ImportFigures;
  reimport: ImportFigures;
  csv: ImportFigures | null;
  rawCopy: { rows: number; ms: number; valuesPerSecond: number };
  readOnly: { ms: number; values: number };
  checkOnly: { ms: number };
  eventLoop: { p50Ms: number; p99Ms: number; maxMs: number };
  analytics: { p50: number; p95: number };
  analyticsUncached: { p50: number; p95: number };
  bucketTotals: { p50: number; p95: number };
  duckdb: { p50: number; p95: number; rows: number };
  peakRssMb: number;
}

const mb = (kb: number) => Math.round(kb / 1024);

/** A fresh store: a new data directory, or a new schema on the PostgreSQL server. */
async function freshStore(
  store: Store,
): Promise<{ database: Database; dataDir: string | null; drop(): Promise<void> }> {
  if (store === "pglite") {
    const dir = await mkdtemp(join(tmpdir(), "jalon-bench-health-"));
    const dataDir = join(dir, "data");
    const database = await openDatabase({ kind: "pglite", dataDir });
    await migrateToLatest(database.db);
    return { database, dataDir, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const url = await postgresAdminUrl();
  if (!url) throw new Error("no PostgreSQL server (BENCH_DATABASE_URL)");
  const schema = `jalon_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = await openDatabase({ kind: "postgres", url, schema });
  await migrateToLatest(database.db);
  return {
    database,
    dataDir: null,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** The store with its COPYs timed, so that the import can be split into its phases. */
function timedCopies(database: Database) {
  const t = { copyMs: 0, lastCopyEnd: 0 };
  const wrapped: Database = {
    ...database,
    copyInto: async (table, columns, rows) => {
      const start = performance.now();
      try {
        return await database.copyInto(table, columns, rows);
      } finally {
        t.lastCopyEnd = performance.now();
        t.copyMs += t.lastCopyEnd - start;
      }
    },
  };
  return { wrapped, t };
}

async function importFile(database: Database, path: string): Promise<ImportFigures> {
  const { wrapped, t } = timedCopies(database);
  const start = performance.now();
  const result = await importDhis2File(wrapped, {
    path,
    kind: "values",
    dryRun: false,
    actor: "bench",
    inWorker: true,
  });
  const end = performance.now();
  if (result.kind !== "values") throw new Error("not a value file");
  const s = result.summary;
  const values = s.imported + s.updated + s.ignored + s.deleted + s.rejected.length;
  const ms = end - start;
  return {
    values,
    ms,
    valuesPerSecond: Math.round(values / (ms / 1000)),
    inserted: s.imported,
    updated: s.updated,
    ignored: s.ignored,
    rejected: s.rejected.length + s.rejectedNotListed,
    copyMs: t.copyMs,
    mergeMs: end - t.lastCopyEnd,
    peakRssMb: mb(process.resourceUsage().maxRSS),
  };
}

async function runStore(store: Store, dir: string, withCsv: boolean, months: number) {
  const runs = intFromEnv("BENCH_HEALTH_RUNS", 30, 5, 1000);
  const first = await freshStore(store);
  let { database } = first;
  const result: Partial<StoreResult> = { store };
  try {
    const start = performance.now();
    await importDhis2File(database, {
      path: join(dir, "metadata.json"),
      kind: "metadata",
      dryRun: false,
      actor: "bench",
      inWorker: true,
    });
    result.metadataMs = performance.now() - start;
    console.error(`[${store}] metadata in ${Math.round(result.metadataMs)} ms; values (JSON)…`);

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    result.json = await importFile(database, join(dir, "datavalues.json"));
    delay.disable();
    result.eventLoop = {
      p50Ms: delay.percentile(50) / 1e6,
      p99Ms: delay.percentile(99) / 1e6,
      maxMs: delay.max / 1e6,
    };
    console.error(`[${store}] JSON: ${result.json.valuesPerSecond} values/s; re-import…`);
    result.reimport = await importFile(database, join(dir, "datavalues.json"));
    console.error(`[${store}] re-import: ${result.reimport.valuesPerSecond} values/s; roll-ups…`);
    Object.assign(result, await rollups(database, months, runs));
    console.error(`[${store}] reading and checking alone…`);
    const rc = await readAndCheck(database, join(dir, "datavalues.json"));
    result.readOnly = rc.read;
    result.checkOnly = rc.check;

    console.error(`[${store}] raw COPY reference…`);
    const resolved = join(dir, `resolved-${store}.csv`);
    const rows = await resolvedCsv(database, join(dir, "datavalues.csv"), resolved);
    if (store === "postgres") result.rawCopy = await rawCopyPostgres(database, resolved, rows);
    else {
      await database.close();
      result.rawCopy = await rawCopyPglite(first.dataDir ?? "", resolved, rows);
      database = await openDatabase({ kind: "pglite", dataDir: first.dataDir });
    }
    await rm(resolved, { force: true });
  } finally {
    await database.close();
    await first.drop();
  }
  result.csv = null;
  if (withCsv) {
    console.error(`[${store}] values (CSV) into a fresh store…`);
    const second = await freshStore(store);
    try {
      await importDhis2File(second.database, {
        path: join(dir, "metadata.json"),
        kind: "metadata",
        dryRun: false,
        actor: "bench",
        inWorker: true,
      });
      result.csv = await importFile(second.database, join(dir, "datavalues.csv"));
    } finally {
      await second.database.close();
      await second.drop();
    }
  }
  result.peakRssMb = mb(process.resourceUsage().maxRSS);
  return result as StoreResult;
}

function child(store: Store, dir: string, withCsv: boolean, months: number): Promise<StoreResult> {
  return new Promise((done, fail) => {
    const args = [
      fileURLToPath(import.meta.url),
      "--child",
      store,
      "--dir",
      dir,
      "--months",
      String(months),
    ];
    if (!withCsv) args.push("--no-csv");
    const p = spawn(process.execPath, [...process.execArgv, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    p.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    p.once("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("RESULT "));
      if (code === 0 && line) done(JSON.parse(line.slice(7)) as StoreResult);
      else fail(new Error(`${store} run failed (code ${code})\n${out}`));
    });
  });
}

const f0 = (n: number) => Math.round(n).toLocaleString("en");
const f1 = (n: number) => n.toFixed(1);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Prints the tables; returns false when a budget failed. */
function report(results: StoreResult[], values: number, served: ServedFigures | null): boolean {
  const rows: string[][] = [];
  for (const r of results) {
    const b = BUDGET[r.store];
    const imp = (name: string, x: ImportFigures | null) => {
      if (!x) return;
      rows.push([
        r.store,
        name,
        `${f0(x.valuesPerSecond)} values/s`,
        `raw COPY ${f0(r.rawCopy.valuesPerSecond)}`,
        ratio(x.valuesPerSecond, r.rawCopy.valuesPerSecond),
        `≥ ${f0(b.valuesPerSecond)}`,
        verdict(x.valuesPerSecond >= b.valuesPerSecond),
      ]);
    };
    imp("import JSON (in worker)", r.json);
    if (r.reimport)
      rows.push([
        r.store,
        "re-import JSON, unchanged",
        `${f0(r.reimport.valuesPerSecond)} values/s`,
        `first import ${f0(r.json.valuesPerSecond)}`,
        ratio(r.reimport.valuesPerSecond, r.json.valuesPerSecond),
        "≥ 1.00×",
        verdict(r.reimport.valuesPerSecond >= r.json.valuesPerSecond),
      ]);
    imp("import CSV (fresh store)", r.csv);
    rows.push([
      r.store,
      "peak RSS (maxRSS, JSON import)",
      `${r.json.peakRssMb} MB`,
      "—",
      "—",
      `≤ ${b.rssMb} MB`,
      verdict(r.json.peakRssMb <= b.rssMb),
    ]);
    rows.push([
      r.store,
      "peak RSS (whole run)",
      `${r.peakRssMb} MB`,
      "—",
      "—",
      `≤ ${b.rssMb} MB`,
      verdict(r.peakRssMb <= b.rssMb),
    ]);
    for (const [name, x] of [
      ["runAnalytics p95", r.analytics],
      ["runAnalytics, no kept catalogue, p95", r.analyticsUncached],
      ["bucketTotals p95", r.bucketTotals],
    ] as const)
      rows.push([
        r.store,
        `${name} (p50 ${f1(x.p50)} ms)`,
        `${f1(x.p95)} ms`,
        `DuckDB p95 ${f1(r.duckdb.p95)} ms`,
        ratio(x.p95, r.duckdb.p95),
        `≤ ${b.p95Ms} ms, ≤ ${BUDGET.duckdbRatio}×`,
        verdict(x.p95 <= b.p95Ms && x.p95 <= BUDGET.duckdbRatio * r.duckdb.p95),
      ]);
    if (r.store === "pglite")
      rows.push([
        r.store,
        `event-loop delay p99 (max ${f1(r.eventLoop.maxMs)} ms)`,
        `${f1(r.eventLoop.p99Ms)} ms`,
        `p50 ${f1(r.eventLoop.p50Ms)} ms`,
        "—",
        `≤ ${BUDGET.eventLoopP99Ms} ms`,
        verdict(r.eventLoop.p99Ms <= BUDGET.eventLoopP99Ms),
      ]);
  }
  if (served)
    rows.push([
      "pglite",
      `GET / p95 during \`jalon import dhis2\` (p50 ${f1(served.during.p50)}, max ${f0(served.during.max)} ms, ${served.during.n} requests in ${f0(served.importMs)} ms)`,
      `${f1(served.during.p95)} ms`,
      `before p95 ${f1(served.before.p95)} ms`,
      ratio(served.during.p95, served.before.p95),
      `≤ ${BUDGET.servedP95Ms} ms`,
      verdict(served.during.p95 <= BUDGET.servedP95Ms && served.importExit === 0),
    ]);
  printTable(
    `${f0(values)} values`,
    ["store", "figure", "measured", "reference", "ratio", "budget", ""],
    rows,
  );
  const phases = results.map((r) => {
    const x = r.json;
    const other = x.ms - x.copyMs - x.mergeMs;
    return [
      r.store,
      f0(x.ms),
      `${f0(r.readOnly.ms)} (${f0(r.checkOnly.ms)} checking)`,
      `${f0(other)}`,
      `${f0(x.copyMs)} (${Math.round((100 * x.copyMs) / x.ms)} %)`,
      `${f0(x.mergeMs)} (${Math.round((100 * x.mergeMs) / x.ms)} %)`,
      f0(r.rawCopy.ms),
    ];
  });
  printTable(
    "JSON import by phase, ms (reading and checking run alone on the side)",
    [
      "store",
      "total",
      "read alone (check alone)",
      "read+check during import",
      "COPY to staging",
      "merge + commit",
      "raw COPY",
    ],
    phases,
  );
  return !rows.some((r) => r[6] === "FAIL");
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      small: { type: "boolean", default: false },
      store: { type: "string", default: "both" },
      "no-csv": { type: "boolean", default: false },
      "no-served": { type: "boolean", default: false },
      child: { type: "string" },
      dir: { type: "string" },
      months: { type: "string" },
      data: { type: "string" },
    },
  });
  const withCsv = !args["no-csv"];
  if (args.child) {
    const store = args.child as Store;
    const r = await runStore(store, args.dir ?? "", withCsv, Number(args.months));
    console.log(`RESULT ${JSON.stringify(r)}`);
    return;
  }
  const small = args.small;
  const size = sizeFromEnv(small);
  const stores: Store[] = args.store === "both" ? ["pglite", "postgres"] : [args.store as Store];
  if (stores.includes("postgres") && !(await postgresAdminUrl())) {
    console.error("no PostgreSQL server answers: PGlite only");
    stores.splice(stores.indexOf("postgres"), 1);
  }
  // --data <dir>: files generate.ts wrote with the same sizes, generated there first when the
  // folder holds none yet (kept afterwards either way).
  const given = args.data;
  const dir = given ?? (await mkdtemp(join(tmpdir(), "jalon-bench-health-data-")));
  try {
    let values = size.facilities * size.elements * size.months;
    if (!given || !existsSync(join(dir, "metadata.json"))) {
      await mkdir(dir, { recursive: true });
      console.error(`generating ${JSON.stringify(size)} in ${dir}…`);
      values = (await generate({ out: dir, seed: 1, disaggregated: 0, ...size })).values;
    }
    const results: StoreResult[] = [];
    for (const store of stores) results.push(await child(store, dir, withCsv, size.months));
    let served: ServedFigures | null = null;
    if (stores.includes("pglite") && !args["no-served"]) {
      console.error("[pglite] GET / while `jalon import dhis2` runs through the server…");
      const dataDir = await mkdtemp(join(tmpdir(), "jalon-bench-health-served-"));
      try {
        served = await servedDuringImport(join(dataDir, "data"), dir);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    }
    if (!report(results, values, served)) process.exitCode = 1;
    const file = writeResults("health-import", {
      benchmark: "health-import",
      info: runInfo(),
      size,
      values,
      budget: BUDGET,
      results,
      served,
    });
    console.log(`\nResults: ${file}`);
  } finally {
    if (!given) await rm(dir, { recursive: true, force: true });
  }
}

await main();
