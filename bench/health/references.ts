// The import benchmark's reference: the same rows as data_values holds, resolved to the store's
// ids from the generated CSV, loaded by a raw COPY into a bare table (no key, no index, no
// foreign key) on the same store — over one pg connection, or in PGlite reopened in this thread.
import { createReadStream, createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import pg from "pg";
import type { Database } from "../../src/db/connect.ts";
import { copyFromStdin } from "../../src/db/copy.ts";
import { postgresAdminUrl } from "../lib/harness.ts";

const RAW_COLUMNS =
  "org_unit_id, data_element_id, period, coc_id, aoc_id, bucket, value, comment, follow_up, stored_by, created, last_updated";

/**
 * The generated CSV with identifiers resolved to the store's ids: the rows data_values holds,
 * ready for a raw COPY. Written once per store (ids are the store's own).
 */
export async function resolvedCsv(
  database: Database,
  csvPath: string,
  out: string,
): Promise<number> {
  const ids = async (table: "org_units" | "data_elements" | "category_option_combos") =>
    new Map(
      (await database.db.selectFrom(table).select(["id", "uid"]).execute()).map((r) => [
        r.uid ?? "",
        r.id,
      ]),
    );
  const [units, elements, combos] = await Promise.all([
    ids("org_units"),
    ids("data_elements"),
    ids("category_option_combos"),
  ]);
  const w = createWriteStream(out);
  let rows = 0;
  let buffer: string[] = [];
  const lines = createInterface({ input: createReadStream(csvPath), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const [de, period, ou, coc, aoc, value, storedBy, lastUpdated, comment, followUp] =
      line.split(",");
    buffer.push(
      `${units.get(ou ?? "")},${elements.get(de ?? "")},${period},${combos.get(coc ?? "")},${combos.get(aoc ?? "")},${period},${value},${comment},${followUp},${storedBy},${lastUpdated},${lastUpdated}\n`,
    );
    rows++;
    if (buffer.length >= 50_000) {
      if (!w.write(buffer.join("")))
        await new Promise<void>((done) => w.once("drain", () => done()));
      buffer = [];
    }
  }
  w.write(buffer.join(""));
  await new Promise<void>((done) => w.end(() => done()));
  return rows;
}

async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 }))
    yield chunk as Buffer;
}

/** Raw COPY into a bare table (no key, no index) on PostgreSQL, from the resolved file. */
export async function rawCopyPostgres(database: Database, file: string, rows: number) {
  await sql`create table bench_raw (like data_values)`.execute(database.db);
  const url = await postgresAdminUrl();
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(database.db))
    .rows[0]?.s;
  const pool = new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` });
  const client = await pool.connect();
  try {
    const start = performance.now();
    const n = await copyFromStdin(
      client,
      `copy bench_raw (${RAW_COLUMNS}) from stdin with (format csv)`,
      fileChunks(file),
    );
    const ms = performance.now() - start;
    if (n !== rows) throw new Error(`raw COPY stored ${n} of ${rows} rows`);
    return { rows, ms, valuesPerSecond: Math.round(rows / (ms / 1000)) };
  } finally {
    client.release();
    await pool.end();
    await sql`drop table bench_raw`.execute(database.db);
  }
}

/**
 * Raw COPY on the same PGlite data directory, reopened in this thread once Jalon has closed it:
 * the file's bytes as blobs of about 64 MB, in one transaction.
 */
export async function rawCopyPglite(dataDir: string, file: string, rows: number) {
  const raw = await PGlite.create({ dataDir });
  try {
    await raw.exec("create table bench_raw (like data_values)");
    const text = await readFile(file);
    const start = performance.now();
    await raw.exec("begin");
    let from = 0;
    let n = 0;
    while (from < text.length) {
      let to = Math.min(text.length, from + (64 << 20));
      while (to < text.length && text[to - 1] !== 0x0a) to++;
      const r = await raw.query(
        `copy bench_raw (${RAW_COLUMNS}) from '/dev/blob' with (format csv)`,
        [],
        { blob: new Blob([text.subarray(from, to)]) },
      );
      n += r.affectedRows ?? 0;
      from = to;
    }
    await raw.exec("commit");
    const ms = performance.now() - start;
    if (n !== rows) throw new Error(`raw COPY stored ${n} of ${rows} rows`);
    await raw.exec("drop table bench_raw");
    return { rows, ms, valuesPerSecond: Math.round(rows / (ms / 1000)) };
  } finally {
    await raw.close();
  }
}
