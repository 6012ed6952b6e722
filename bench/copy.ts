// Rows per second of the bulk-load seam (Database.copyInto) on PGlite and PostgreSQL, beside
// two references on each store: the raw COPY of the same rows as a ready-made CSV file (PGlite:
// in the benchmark's own thread from a blob; PostgreSQL: psql's \copy), and multi-row INSERTs
// of 1 000 rows through Kysely, as a load without COPY would do. BENCH_COPY_ROWS rows (default
// 100 000) of seven columns, BENCH_COPY_RUNS runs (default 3) each; the table shows the median.
// PostgreSQL from BENCH_DATABASE_URL (or postgres://postgres@127.0.0.1:5432/postgres when it
// answers), in a throwaway database. No budget: it prints the figures.
// Run: `node bench/copy.ts` (Node 24).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import { type Database, openDatabase } from "../src/db/connect.ts";
import { csvLine } from "../src/db/copy.ts";
import {
  createScratchDatabase,
  intFromEnv,
  makeTempDir,
  onInterrupt,
  percentile,
  postgresAdminUrl,
  printTable,
  removeDir,
  runInfo,
  type ScratchDatabase,
  writeResults,
} from "./lib/harness.ts";

const ROWS = intFromEnv("BENCH_COPY_ROWS", 100_000, 1_000, 10_000_000);
const RUNS = intFromEnv("BENCH_COPY_RUNS", 3, 1, 20);
const COLUMNS = ["id", "label", "note", "amount", "day", "flag", "data"] as const;
const TABLE = `create table copy_bench (id int8 primary key, label text not null, note text,
  amount numeric not null, day date, flag boolean, data jsonb)`;

function row(i: number): unknown[] {
  const note = i % 10 === 0 ? null : `note, "quoted" ${i}\nsecond line`;
  return [i, `label-${i}`, note, `${i}.25`, "2023-06-30", i % 2 === 0, { i }];
}

function* rows(): Generator<unknown[]> {
  for (let i = 0; i < ROWS; i++) yield row(i);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/** copyInto and chunked INSERTs through the Database seam, truncating between runs. */
async function seam(database: Database) {
  await sql.raw(TABLE).execute(database.db);
  const copy: number[] = [];
  const insert: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await sql`truncate copy_bench`.execute(database.db);
    copy.push(await timed(() => database.copyInto("copy_bench", COLUMNS, rows())));
    await sql`truncate copy_bench`.execute(database.db);
    insert.push(
      await timed(async () => {
        let batch: unknown[][] = [];
        const flush = async () => {
          const values = sql.join(batch.map((r) => sql`(${sql.join(r)})`));
          await sql`insert into copy_bench (id, label, note, amount, day, flag, data)
            values ${values}`.execute(database.db);
          batch = [];
        };
        for (const r of rows()) {
          batch.push(r);
          if (batch.length === 1_000) await flush();
        }
        if (batch.length > 0) await flush();
      }),
    );
  }
  return { copy, insert };
}

const tempDirs: string[] = [];
let scratch: ScratchDatabase | undefined;
const cleanup = async () => {
  await Promise.all(tempDirs.map(removeDir));
  await scratch?.drop();
};
const release = onInterrupt(cleanup);

async function main() {
  console.log(`Bulk-load benchmark — ${ROWS} rows × ${RUNS} runs`);
  const dir = await makeTempDir("copy");
  tempDirs.push(dir);
  const csv = Array.from(rows(), (r) => csvLine(r, COLUMNS.length)).join("");
  const csvFile = join(dir, "rows.csv");
  writeFileSync(csvFile, csv);
  const results: Record<string, number[]> = {};

  console.log("[pglite] raw COPY from a blob, in this thread…");
  const raw = await PGlite.create({ dataDir: join(dir, "raw") });
  await raw.exec(TABLE);
  results["pglite raw COPY (blob, same thread)"] = [];
  for (let run = 0; run < RUNS; run++) {
    await raw.exec("truncate copy_bench");
    results["pglite raw COPY (blob, same thread)"].push(
      await timed(() =>
        raw.query("copy copy_bench from '/dev/blob' with (format csv)", [], {
          blob: new Blob([csv]),
        }),
      ),
    );
  }
  await raw.close();

  console.log("[pglite] Database.copyInto and INSERTs of 1 000…");
  const embedded = await openDatabase({ kind: "pglite", dataDir: join(dir, "data") });
  try {
    const r = await seam(embedded);
    results["pglite copyInto"] = r.copy;
    results["pglite INSERT × 1 000"] = r.insert;
  } finally {
    await embedded.close();
  }

  const admin = await postgresAdminUrl();
  if (admin) {
    scratch = await createScratchDatabase(admin);
    console.log(`[postgres] ${scratch.name}: psql \\copy, copyInto, INSERTs of 1 000…`);
    const database = await openDatabase({ kind: "postgres", url: scratch.url });
    try {
      const r = await seam(database);
      results["postgres copyInto"] = r.copy;
      results["postgres INSERT × 1 000"] = r.insert;
      results["postgres raw COPY (psql \\copy)"] = [];
      for (let run = 0; run < RUNS; run++) {
        await sql`truncate copy_bench`.execute(database.db);
        results["postgres raw COPY (psql \\copy)"].push(
          await timed(async () =>
            execFileSync("psql", [
              scratch?.url ?? "",
              "-q",
              "-c",
              `\\copy copy_bench from '${csvFile}' with (format csv)`,
            ]),
          ),
        );
      }
    } finally {
      await database.close();
    }
  }

  const rowsOut = Object.entries(results).map(([name, times]) => {
    const median = percentile(times, 50);
    return [name, median.toFixed(0), Math.round(ROWS / (median / 1000)).toLocaleString("en")];
  });
  printTable(
    `${ROWS} rows of 7 columns, median of ${RUNS} runs`,
    ["load", "ms", "rows/s"],
    rowsOut,
  );
  const file = writeResults("copy", { benchmark: "copy", info: runInfo(), ROWS, RUNS, results });
  console.log(`\nResults: ${file}`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await cleanup();
  release();
}
