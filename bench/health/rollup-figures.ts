// The roll-up benchmark's figures: a percent indicator over two generated elements for every
// region × every month through runAnalytics (with the catalogue kept between queries, as the
// server runs it, and without), bucketTotals alone, and DuckDB's GROUP BY over the
// same roll-up rows; and the import's reading and checking timed on their own.
import { DuckDBInstance } from "@duckdb/node-api";
import type { Database } from "../../src/db/connect.ts";
import { saveIndicators } from "../../src/db/health/catalogue.ts";
import { bucketTotals } from "../../src/db/health/rollups.ts";
import { parseAnalyticsQuery } from "../../src/domain/health/analytics-query.ts";
import { checkIncoming } from "../../src/domain/health/intake.ts";
import { readDataValuesInWorker } from "../../src/importers/health/dhis2/in-worker.ts";
import { runAnalytics } from "../../src/services/health/analytics.ts";
import { AnalyticsCatalogueCache } from "../../src/services/health/analytics-catalogue.ts";
import { loadCatalogue } from "../../src/services/health/data-import.ts";
import { percentile } from "../lib/harness.ts";
import { monthPeriod } from "./generate.ts";

const ADMIN = { kind: "user", userId: 1, role: "admin", partnerId: null, name: "Bench" } as const;

/**
 * Each run of `runs` rounds times every function once, in turns, so that a pause of the shared
 * machine (a checkpoint after the import, another process) falls on each of them alike.
 */
async function timedTurns<K extends string>(runs: number, fns: Record<K, () => Promise<unknown>>) {
  const names = Object.keys(fns) as K[];
  for (let i = 0; i < 3; i++) for (const name of names) await fns[name]();
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < runs; i++)
    for (const name of names) {
      const start = performance.now();
      await fns[name]();
      times[name].push(performance.now() - start);
    }
  return Object.fromEntries(
    names.map((n) => [n, { p50: percentile(times[n], 50), p95: percentile(times[n], 95) }]),
  ) as Record<K, { p50: number; p95: number }>;
}

/** Roll-up figures: an indicator over two generated elements, every region × every month. */
export async function rollups(database: Database, months: number, runs: number) {
  const db = database.db;
  const els = await db
    .selectFrom("data_elements")
    .select(["id", "uid", "code", "aggregation"])
    .orderBy("code")
    .execute();
  const count = els.find((e) => e.aggregation === "sum");
  const population = els.find((e) => e.aggregation === "average") ?? els[1];
  if (!count || !population) throw new Error("the generated elements are missing");
  await saveIndicators(db, [
    {
      uid: "BenchInd001",
      code: "BENCH_IND",
      name: "Utilisatrices pour 100 (banc d'essai)",
      numerator: `#{${count.uid}}`,
      denominator: `#{${population.uid}}`,
      numeratorDescription: null,
      denominatorDescription: null,
      factor: 100,
      decimals: 1,
    },
  ]);
  const country = await db
    .selectFrom("org_units")
    .select(["id", "uid"])
    .where("parent_id", "is", null)
    .executeTakeFirstOrThrow();
  const regions = await db
    .selectFrom("org_units")
    .select("id")
    .where("parent_id", "=", country.id)
    .execute();
  const periods = Array.from({ length: months }, (_, m) => monthPeriod(m));
  const parsed = parseAnalyticsQuery(
    new URLSearchParams(
      `dimension=dx:BenchInd001&dimension=ou:${country.uid};LEVEL-2&dimension=pe:${periods.join(";")}`,
    ),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  // As the server runs it: the catalogue kept under the change feed's version.
  const feed = await database.watchChanges();
  const catalogue = new AnalyticsCatalogueCache(feed);
  const answer = await runAnalytics(db, { actor: ADMIN }, parsed.query, { catalogue });
  if (answer.rows.length !== regions.length * months)
    throw new Error(`analytics answered ${answer.rows.length} rows`);
  const query = {
    orgUnitIds: regions.map((r) => r.id),
    dataElementIds: [count.id, population.id],
    buckets: periods,
    byCombo: false,
  };

  // DuckDB over the same pre-aggregate rows: the regions' roll-ups, loaded with the appender.
  const rows = await db
    .selectFrom("data_value_rollups")
    .select(["data_element_id", "org_unit_id", "bucket", "coc_id", "sum", "count"])
    .where(
      "org_unit_id",
      "in",
      regions.map((r) => r.id),
    )
    .execute();
  const duck = await DuckDBInstance.create(":memory:");
  const c = await duck.connect();
  await c.run(
    "create table rollups (data_element_id integer, org_unit_id integer, bucket varchar, coc_id integer, sum double, count integer)",
  );
  const appender = await c.createAppender("rollups");
  for (const r of rows) {
    appender.appendInteger(r.data_element_id);
    appender.appendInteger(r.org_unit_id);
    appender.appendVarchar(r.bucket);
    appender.appendInteger(r.coc_id);
    appender.appendDouble(r.sum);
    appender.appendInteger(r.count);
    appender.endRow();
  }
  appender.closeSync();
  const list = (xs: readonly (number | string)[]) =>
    xs.map((x) => (typeof x === "string" ? `'${x}'` : String(x))).join(",");
  const duckSql = `select org_unit_id, data_element_id, bucket, sum(sum) as sum, sum(count) as count
    from rollups where org_unit_id in (${list(query.orgUnitIds)})
      and data_element_id in (${list(query.dataElementIds)}) and bucket in (${list(periods)})
      and count > 0
    group by org_unit_id, data_element_id, bucket`;
  const timed = await timedTurns(runs, {
    analytics: () => runAnalytics(db, { actor: ADMIN }, parsed.query, { catalogue }),
    // Without a kept catalogue (no feed: JALON_PAGE_CACHE=false, the CLI).
    uncached: () => runAnalytics(db, { actor: ADMIN }, parsed.query),
    totals: () => bucketTotals(db, query),
    duckdb: async () => (await c.runAndReadAll(duckSql)).getRows(),
  });
  await feed.close();
  c.closeSync();
  duck.closeSync();
  return {
    analytics: timed.analytics,
    analyticsUncached: timed.uncached,
    bucketTotals: timed.totals,
    duckdb: { ...timed.duckdb, rows: rows.length },
  };
}

/** Reading alone (the worker drained), and reading + checking, without storing anything. */
export async function readAndCheck(database: Database, path: string) {
  let start = performance.now();
  let values = 0;
  for await (const batch of readDataValuesInWorker(path)) values += batch.length;
  const readMs = performance.now() - start;
  const catalogue = await loadCatalogue(database.db);
  start = performance.now();
  let ok = 0;
  for await (const batch of readDataValuesInWorker(path))
    for (const r of batch)
      if (
        checkIncoming(
          {
            ...r,
            dataElement: r.dataElement ?? "",
            period: r.period ?? "",
            orgUnit: r.orgUnit ?? "",
          },
          catalogue,
        ).ok
      )
        ok++;
  if (ok !== values) throw new Error(`${values - ok} values refused`);
  return { read: { ms: readMs, values }, check: { ms: performance.now() - start - readMs } };
}
