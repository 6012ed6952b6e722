// Benchmark of the workbook import on the fullest demo partner (the partner with the most answers

import ExcelJS from "exceljs";
import type { KyselyPlugin } from "kysely";
import { type Database, openDatabase } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
// in the Mali 2022 world): its 2023 questionnaire is downloaded, every row filled in, and
// imported three times — new answers (all inserted), every answer changed (all updated), the
// same file again (all unchanged). For each: the wall time and the SQL statements sent, counted
// by a Kysely plugin that sees every query (BEGIN/COMMIT, sent by the driver, are not counted).
// The file is also read once on its own beforehand, to show how much of the wall time reading
// the workbook (in its worker thread) takes; "SQL ms" adds up each statement's time to its result
// (a few run side by side, so it slightly overstates), the figure that the machine's load
// disturbs least.
// Runs on the embedded database in memory, and on PostgreSQL too with BENCH_DATABASE_URL.
// Run: `node bench/import.ts` (Node 24).
import { summaryCounts } from "../src/domain/shared/import-summary.ts";
import type { Actor } from "../src/domain/shared/policy.ts";
import {
  importQuestionnaire,
  questionnaireWorkbook,
} from "../src/services/tracker/questionnaire-files.ts";
import { renderer, workbookReader } from "../test/support/files.ts";
import { collectionWorld, SYSTEM } from "../test/support/world.ts";
import { createScratchDatabase, ms, printTable, runInfo, writeResults } from "./lib/harness.ts";

/**
 * Counts every statement that goes through the Kysely instance it is plugged into, and adds up
 * the time from each statement's compilation to its result (the time spent in SQL).
 */
function statementCounter() {
  let n = 0;
  let sqlMs = 0;
  const started = new Map<unknown, number>();
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      started.set(args.queryId, performance.now());
      return args.node;
    },
    transformResult: async (args) => {
      n += 1;
      sqlMs += performance.now() - (started.get(args.queryId) ?? performance.now());
      started.delete(args.queryId);
      return args.result;
    },
  };
  return {
    plugin,
    count: () => n,
    sqlMs: () => sqlMs,
    reset: () => {
      n = 0;
      sqlMs = 0;
    },
  };
}

// Column numbers of the questionnaire sheet (domain/tracker/questionnaire-file.ts).
const COL = { contributes: 4, activities: 5, difficulties: 7, outputs: 8, evidence: 9 };

async function filledIn(bytes: Uint8Array, round: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  const sheet = book.getWorksheet("Questionnaire");
  sheet?.eachRow((r, n) => {
    if (n === 1) return;
    r.getCell(COL.contributes).value = "Oui";
    r.getCell(COL.activities).value = `Activités menées en 2023 (version ${round}, ligne ${n}).`;
    r.getCell(COL.difficulties).value = "Retards de financement.";
    r.getCell(COL.outputs).value = `${n * 10 + round} personnes formées; ${n} sessions`;
    r.getCell(COL.evidence).value = `https://example.org/rapport-${n}-${round}.pdf Rapport`;
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

interface Row {
  backend: string;
  run: string;
  rows: number;
  wallMs: number;
  readMs: number;
  sqlMs: number;
  statements: number;
  perRow: number;
  counts: string;
}

async function benchOn(backend: string, database: Database): Promise<Row[]> {
  await migrateToLatest(database.db);
  await collectionWorld({ ...database, dispose: async () => {} });
  // The fullest partner: the most answers in the demo's 2022 cycle.
  const fullest = await database.db
    .selectFrom("responses")
    .innerJoin("partners", "partners.id", "responses.partner_id")
    .select(["partners.slug", database.db.fn.countAll<string>().as("n")])
    .groupBy("partners.slug")
    .orderBy("n", "desc")
    .orderBy("partners.slug")
    .executeTakeFirstOrThrow();
  const admin: Actor = SYSTEM;
  const counter = statementCounter();
  const db = database.db.withPlugin(counter.plugin);
  const download = async () =>
    (await questionnaireWorkbook(database.db, admin, "2023", fullest.slug, "fr", renderer)).bytes;
  const rows: Row[] = [];
  const runs: [string, () => Promise<Uint8Array>][] = [
    ["new answers", async () => filledIn(await download(), 1)],
    ["all changed", async () => filledIn(await download(), 2)],
    ["unchanged", async () => filledIn(await download(), 2)],
  ];
  for (const [run, file] of runs) {
    const bytes = await file();
    // Reading the file (a worker thread of its own) is timed apart: the store is what changed.
    const r0 = performance.now();
    await workbookReader.read(bytes);
    const readMs = performance.now() - r0;
    counter.reset();
    const t0 = performance.now();
    const result = await importQuestionnaire(
      db,
      admin,
      bytes,
      { dryRun: false },
      "fr",
      workbookReader,
    );
    const wallMs = performance.now() - t0;
    if (!result.ok) throw new Error(`import refused: ${result.reason}`);
    const c = summaryCounts(result.summary);
    const n = c.imported + c.updated + c.ignored + c.rejected;
    rows.push({
      backend,
      run,
      rows: n,
      wallMs,
      readMs,
      sqlMs: counter.sqlMs(),
      statements: counter.count(),
      perRow: counter.count() / n,
      counts: `${c.imported}/${c.updated}/${c.ignored}/${c.rejected}`,
    });
  }
  console.log(`${backend}: fullest partner ${fullest.slug} (${fullest.n} answers in 2022)`);
  return rows;
}

const results: Row[] = [];
const embedded = await openDatabase({ kind: "pglite", dataDir: null });
try {
  results.push(...(await benchOn("pglite", embedded)));
} finally {
  await embedded.close();
}
const pgUrl = process.env.BENCH_DATABASE_URL;
if (pgUrl) {
  const scratch = await createScratchDatabase(pgUrl);
  const database = await openDatabase({ kind: "postgres", url: scratch.url });
  try {
    results.push(...(await benchOn("postgres", database)));
  } finally {
    await database.close();
    await scratch.drop();
  }
}
await renderer.stop();

printTable(
  "Workbook import of the fullest demo partner (counts: imported/updated/unchanged/rejected)",
  [
    "backend",
    "run",
    "rows",
    "wall ms",
    "of which reading",
    "SQL ms",
    "statements",
    "per row",
    "counts",
  ],
  results.map((r) => [
    r.backend,
    r.run,
    String(r.rows),
    ms(r.wallMs),
    ms(r.readMs),
    ms(r.sqlMs),
    String(r.statements),
    r.perRow.toFixed(1),
    r.counts,
  ]),
);
console.log(`\nresults: ${writeResults("import", { run: runInfo(), results })}`);
