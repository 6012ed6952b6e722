// Backup and restore of a whole Jalon database, the same on the embedded store and on PostgreSQL
// (and from one to the other). A backup is one gzip file of JSON lines, written as it is read:
//   {"jalon":"backup","format":1,"version":…,"schema":<last migration>,"store":…,"created":…}
//   {"table":<name>,"columns":[…]}  then one array of texts (or nulls) per row  then {"rows":n}
//   … one such section per table, parents before children …
//   {"end":true,"tables":n,"rows":n,"sha256":<hash of every line above, newline included>}
// Rows are read in one read-only snapshot, through cursors, so memory stays bounded whatever the
// size. A restore reads the whole file once to check it (gzip's own check, the trailer, the hash,
// each table's count) before it changes anything, builds the schema the file was made with, loads
// each table with COPY, then applies the migrations made since.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type { Database } from "../../db/connect.ts";
import { knownMigrations, migrateToLatest, migrateUpTo } from "../../db/migrate.ts";
import { recordAudit } from "../../db/shared/audit.ts";
import {
  advanceSequences,
  backupTables,
  dropSchemaObjects,
  isMigrated,
  snapshotSchema,
  storedRows,
  tableRows,
} from "../../db/shared/backup-tables.ts";

import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { authorise } from "./access.ts";

export const BACKUP_FORMAT = 1;

export interface BackupHeader {
  jalon: "backup";
  format: number;
  version: string;
  schema: string;
  store: "pglite" | "postgres";
  created: string;
}

export interface BackupSummary {
  tables: number;
  rows: number;
  bytes: number;
}

export type BackupRefusal =
  /** Not a gzip file of Jalon's, or not one at all. */
  | { reason: "not_a_backup" }
  /** Damaged or cut short: gzip's check, the trailer, the hash or a count disagrees. */
  | { reason: "corrupted"; detail: string }
  /** Made by a newer Jalon, whose schema this one does not know. */
  | { reason: "newer"; version: string; schema: string }
  /** The database holds rows and `force` was not given. */
  | { reason: "not_empty"; rows: number };

export type BackupCheck =
  | ({ ok: true; header: BackupHeader } & BackupSummary)
  | ({ ok: false } & BackupRefusal);

export type RestoreOutcome =
  | ({ ok: true; header: BackupHeader; migrated: string[] } & BackupSummary)
  | ({ ok: false } & BackupRefusal);

const line = (value: unknown) => `${JSON.stringify(value)}\n`;

/**
 * Writes a backup of the database to `path`: first to a file beside it, renamed when complete,
 * so a backup cut short never takes the name of a good one.
 */
export async function backupToFile(
  database: Database,
  path: string,
  version: string,
): Promise<BackupSummary & { schema: string }> {
  const partial = `${path}.partial`;
  const hash = createHash("sha256");
  let tables = 0;
  let rows = 0;
  let schema = "";
  await database.db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      schema = await snapshotSchema(trx);
      const header: BackupHeader = {
        jalon: "backup",
        format: BACKUP_FORMAT,
        version,
        schema,
        store: database.kind,
        created: new Date().toISOString(),
      };
      const list = await backupTables(trx);
      async function* text(): AsyncGenerator<string> {
        const emit = (value: unknown) => {
          const s = line(value);
          hash.update(s);
          return s;
        };
        yield emit(header);
        for (const table of list) {
          yield emit({ table: table.name, columns: table.columns });
          let count = 0;
          for await (const batch of tableRows(trx, table)) {
            let chunk = "";
            for (const row of batch) chunk += line(row);
            hash.update(chunk);
            count += batch.length;
            yield chunk;
          }
          yield emit({ rows: count });
          tables++;
          rows += count;
        }
        yield line({ end: true, tables, rows, sha256: hash.digest("hex") });
      }
      try {
        await pipeline(text(), createGzip(), createWriteStream(partial, { mode: 0o600 }));
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    });
  await rename(partial, path);
  return { tables, rows, bytes: (await stat(path)).size, schema };
}

/** The file's lines, each given to `each`; a gzip error or an unreadable line stops it. */
async function readLines(path: string, each: (text: string) => Promise<void> | void) {
  const gunzip = createGunzip();
  const input = createReadStream(path).pipe(gunzip);
  const failure = new Promise<never>((_, reject) => {
    gunzip.on("error", reject);
  });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const done = (async () => {
    for await (const text of lines) await each(text);
  })();
  await Promise.race([done, failure]);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads the whole file and says whether it can be restored, without touching any database. */
export async function checkBackup(path: string): Promise<BackupCheck> {
  const hash = createHash("sha256");
  let header: BackupHeader | null = null;
  let trailer: Record<string, unknown> | null = null;
  let table: { name: string; width: number; rows: number } | null = null;
  let tables = 0;
  let rows = 0;
  let first = true;
  const bad = (detail: string): BackupCheck => ({ ok: false, reason: "corrupted", detail });
  let refusal: BackupCheck | null = null;
  try {
    await readLines(path, (text) => {
      if (refusal) return;
      if (trailer) {
        refusal = bad("after_end");
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        refusal = first ? { ok: false, reason: "not_a_backup" } : bad("line");
        return;
      }
      if (first) {
        first = false;
        if (!isObject(value) || value.jalon !== "backup" || typeof value.schema !== "string") {
          refusal = { ok: false, reason: "not_a_backup" };
          return;
        }
        header = value as unknown as BackupHeader;
        hash.update(`${text}\n`);
        return;
      }
      if (isObject(value) && value.end === true) {
        trailer = value;
        return;
      }
      hash.update(`${text}\n`);
      if (Array.isArray(value)) {
        if (!table || value.length !== table.width) refusal = bad("row");
        else table.rows++;
      } else if (
        isObject(value) &&
        typeof value.table === "string" &&
        Array.isArray(value.columns)
      ) {
        if (table) refusal = bad("section");
        else table = { name: value.table, width: value.columns.length, rows: 0 };
      } else if (isObject(value) && typeof value.rows === "number") {
        if (!table || table.rows !== value.rows) refusal = bad("count");
        else {
          tables++;
          rows += table.rows;
          table = null;
        }
      } else refusal = bad("line");
    });
  } catch {
    // gzip's own check (a damaged or cut file), or not gzip at all.
    return first ? { ok: false, reason: "not_a_backup" } : bad("gzip");
  }
  if (refusal) return refusal;
  const h = header as BackupHeader | null;
  if (!h) return { ok: false, reason: "not_a_backup" };
  const t = trailer as Record<string, unknown> | null;
  if (!t || table) return bad("truncated");
  if (t.sha256 !== hash.digest("hex") || t.tables !== tables || t.rows !== rows) return bad("hash");
  if (h.format > BACKUP_FORMAT || !knownMigrations().includes(h.schema))
    return { ok: false, reason: "newer", version: String(h.version), schema: h.schema };
  return { ok: true, header: h, tables, rows, bytes: (await stat(path)).size };
}

/**
 * Restores a checked file into the database: refused when the database holds rows, unless
 * `force`. The schema is rebuilt as the file had it, each table loaded, the ids' sequences moved
 * past the highest id, then the migrations made since the file was written are applied.
 */
export async function restoreFromFile(
  database: Database,
  path: string,
  options: { force: boolean },
): Promise<RestoreOutcome> {
  const check = await checkBackup(path);
  if (!check.ok) return check;
  const db = database.db;
  if (await isMigrated(db)) {
    const stored = await storedRows(db, await backupTables(db));
    if (stored > 0 && !options.force) return { ok: false, reason: "not_empty", rows: stored };
  }
  await dropSchemaObjects(db);
  await migrateUpTo(db, check.header.schema);
  const known = new Map((await backupTables(db)).map((t) => [t.name, t]));

  // The file read once more, section by section, each handed to COPY as it is read.
  const gunzip = createGunzip();
  const lines = createInterface({
    input: createReadStream(path).pipe(gunzip),
    crlfDelay: Number.POSITIVE_INFINITY,
  })[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    const got = await lines.next();
    return got.done ? undefined : JSON.parse(got.value);
  };
  await next(); // the header, checked above
  let rows = 0;
  let tables = 0;
  for (;;) {
    const section = await next();
    if (!isObject(section) || section.end === true) break;
    const name = String(section.table);
    const columns = section.columns as string[];
    const target = known.get(name);
    if (!target || columns.some((c) => !target.columns.includes(c)))
      throw new Error(`the backup's table ${name} does not match schema ${check.header.schema}`);
    let count = 0;
    let ended = false;
    async function* sectionRows(): AsyncGenerator<readonly unknown[]> {
      while (!ended) {
        const value = await next();
        if (!Array.isArray(value)) ended = true;
        else {
          count++;
          yield value;
        }
      }
    }
    await database.copyInto(name, columns, sectionRows());
    // COPY may stop reading at an empty section: the section's count line is read all the same.
    for await (const _ of sectionRows());
    rows += count;
    tables++;
  }
  await advanceSequences(db, [...known.values()]);
  const { applied } = await migrateToLatest(db);
  await database.flush();
  return { ok: true, header: check.header, tables, rows, bytes: check.bytes, migrated: applied };
}

/**
 * A backup for an administrator to download from the workspace: written to a private temporary
 * file (removed by `done`), and recorded in the audit log, since it holds every account's data.
 */
export async function backupForDownload(
  database: Database,
  actor: Actor,
  version: string,
): Promise<BackupSummary & { path: string; name: string; done: () => Promise<void> }> {
  authorise(actor, "user.manage");
  const dir = await mkdtemp(join(tmpdir(), "jalon-backup-"));
  const day = new Date().toISOString().slice(0, 10);
  const name = `jalon-${day}.jalon.gz`;
  const path = join(dir, name);
  try {
    const summary = await backupToFile(database, path, version);
    await recordAudit(database.db, {
      actor: actorLabel(actor),
      action: "export",
      entity: "backups",
      entityId: day,
      after: { tables: summary.tables, rows: summary.rows, bytes: summary.bytes },
    });
    return { ...summary, path, name, done: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
