// The roll-up figures of health-import.ts alone, on a store imported once and kept: the first
// run imports the generated files into a named PostgreSQL schema (or a PGlite data directory),
// later runs migrate it to the latest migration and measure the roll-ups only, in seconds.
//   npx node bench/health/rollup-only.ts --store postgres --schema jalon_rollups --data /tmp/health
//   npx node bench/health/rollup-only.ts --store pglite --dir /tmp/jalon-rollups --data /tmp/h --small
//   ... --drop   (the schema or directory removed at the end)
// Sizes as health-import.ts (BENCH_HEALTH_*; --small); the files are generated in --data when it
// holds none. PostgreSQL from BENCH_DATABASE_URL (or the local server). BENCH_HEALTH_RUNS (30).
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { importDhis2File } from "../../src/services/health/dhis2-files.ts";
import { intFromEnv, postgresAdminUrl, printTable, verdict } from "../lib/harness.ts";
import { generate, sizeFromEnv } from "./generate.ts";
import { rollups } from "./rollup-figures.ts";

const BUDGET = { pglite: 60, postgres: 20, duckdbRatio: 4 };

const { values: args } = parseArgs({
  options: {
    store: { type: "string", default: "postgres" },
    schema: { type: "string", default: "jalon_bench_rollups" },
    dir: { type: "string" },
    data: { type: "string" },
    small: { type: "boolean", default: false },
    drop: { type: "boolean", default: false },
  },
});
const store = args.store === "pglite" ? "pglite" : "postgres";
const small = args.small;
const size = sizeFromEnv(small);
const runs = intFromEnv("BENCH_HEALTH_RUNS", 30, 5, 1000);
if (!/^[a-z_][a-z0-9_]*$/.test(args.schema)) throw new Error("--schema: a plain lower-case name");

async function open(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (store === "pglite") {
    if (!args.dir) throw new Error("--dir: the PGlite data directory to keep");
    const dir = args.dir;
    await mkdir(dir, { recursive: true });
    const database = await openDatabase({ kind: "pglite", dataDir: dir });
    return { database, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const url = await postgresAdminUrl();
  if (!url) throw new Error("no PostgreSQL server (BENCH_DATABASE_URL)");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema if not exists ${args.schema}`);
  await admin.end();
  const database = await openDatabase({ kind: "postgres", url, schema: args.schema });
  return {
    database,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${args.schema} cascade`);
      await c.end();
    },
  };
}

const { database, drop } = await open();
try {
  await migrateToLatest(database.db);
  const { rows } = await sql<{ n: boolean }>`
    select exists (select 1 from data_values) as n`.execute(database.db);
  if (!rows[0]?.n) {
    if (!args.data) throw new Error("an empty store: --data <dir> names the files to import");
    const dir = args.data;
    if (!existsSync(join(dir, "metadata.json"))) {
      await mkdir(dir, { recursive: true });
      console.error(`generating ${JSON.stringify(size)} in ${dir}…`);
      await generate({ out: dir, seed: 1, disaggregated: 0, ...size });
    }
    const start = performance.now();
    for (const [file, kind] of [
      ["metadata.json", "metadata"],
      ["datavalues.json", "values"],
    ] as const)
      await importDhis2File(database, {
        path: join(dir, file),
        kind,
        dryRun: false,
        actor: "bench",
        inWorker: true,
      });
    console.error(`[${store}] imported in ${Math.round((performance.now() - start) / 1000)} s`);
  }
  const { rows: m } = await sql<{ months: number }>`
    select count(distinct bucket)::int as months from data_value_rollups`.execute(database.db);
  const r = await rollups(database, m[0]?.months ?? size.months, runs);
  const budget = BUDGET[store];
  const f1 = (x: number) => x.toFixed(1);
  printTable(
    `roll-ups, ${store}, ${runs} runs`,
    ["figure", "p50", "p95", "DuckDB p95", "ratio", "budget", ""],
    [
      ["runAnalytics", r.analytics],
      ["runAnalytics, no kept catalogue", r.analyticsUncached],
      ["bucketTotals", r.bucketTotals],
    ].map(([name, x]) => {
      const t = x as { p50: number; p95: number };
      return [
        name as string,
        `${f1(t.p50)} ms`,
        `${f1(t.p95)} ms`,
        `${f1(r.duckdb.p95)} ms`,
        `${(t.p95 / r.duckdb.p95).toFixed(2)}×`,
        `≤ ${budget} ms, ≤ ${BUDGET.duckdbRatio}×`,
        verdict(t.p95 <= budget && t.p95 <= BUDGET.duckdbRatio * r.duckdb.p95),
      ];
    }),
  );
  console.log(`RESULT ${JSON.stringify(r)}`);
} finally {
  await database.close();
  if (args.drop) await drop();
}
