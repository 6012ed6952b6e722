// Opens the database: embedded PGlite (data directory, or in memory for tests) or PostgreSQL.
// The embedded database runs in its own worker thread (src/db/pglite-thread.ts), so that its
// queries never hold the server's event loop. Failures to open are classified so that the CLI
// can name the cause and the fix.
import { access, constants, mkdir, open, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import {
  AbortedTransactionError,
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  Kysely,
  PostgresDialect,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from "kysely";
import pg from "pg";
import { type ChangeFeed, embeddedChangeFeed, postgresChangeFeed } from "./changes.ts";
import { type CopyRows, copyFromStdin, copyStatement, csvChunks } from "./copy.ts";
import { inBackground, PGliteThread, PGliteThreadDialect } from "./pglite-thread.ts";
import type { DB } from "./schema.ts";

export type { ChangeFeed } from "./changes.ts";
export type { CopyRows } from "./copy.ts";

/** The columns of `table` when it is one of the schema's tables, any names otherwise. */
type ColumnOf<T extends string> = T extends keyof DB ? keyof DB[T] & string : string;

/**
 * Loads rows into a table with COPY and returns how many were stored: every row or none. It runs
 * on a connection of its own, outside any transaction: never call it from inside one (on the
 * embedded database it would wait for that transaction to end).
 */
export type CopyInto = <T extends string>(
  table: T,
  columns: readonly ColumnOf<T>[],
  rows: CopyRows,
) => Promise<number>;

export type DatabaseConfig =
  | { kind: "pglite"; dataDir: string | null }
  | { kind: "postgres"; url: string; schema?: string };

export interface Database {
  db: Kysely<DB>;
  kind: "pglite" | "postgres";
  /** True when this open created the embedded data directory (first start). */
  created: boolean;
  /**
   * Makes committed writes durable before they are acknowledged. PostgreSQL does it at commit;
   * PGlite runs with fsync off, so its write-ahead log is synced here.
   */
  flush(): Promise<void>;
  copyInto: CopyInto;
  /**
   * Runs `work` as background work: on the embedded database its queries wait while requests
   * wait for the one connection (see inBackground); on PostgreSQL, as any other.
   */
  background<T>(work: () => Promise<T>): Promise<T>;
  /** Starts following committed changes (see src/db/changes.ts); close the feed before this. */
  watchChanges(): Promise<ChangeFeed>;
  close(): Promise<void>;
}

export type OpenFailure =
  | "invalid_url"
  | "unreachable"
  | "auth_failed"
  | "database_missing"
  | "data_dir_unwritable"
  | "data_dir_invalid"
  | "data_dir_locked";

export class DatabaseOpenError extends Error {
  readonly reason: OpenFailure;
  readonly target: string;
  constructor(reason: OpenFailure, target: string, cause?: unknown) {
    super(`${reason}: ${target}`, { cause });
    this.name = "DatabaseOpenError";
    this.reason = reason;
    this.target = target;
  }
}

const DATE_OID = 1082;
const keepDate = (value: string) => value;

/** Checks a DATABASE_URL without connecting: scheme, host and database name. */
export function parseDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new DatabaseOpenError("invalid_url", redact(url), cause);
  }
  if (!["postgres:", "postgresql:"].includes(parsed.protocol) || parsed.pathname.length < 2) {
    throw new DatabaseOpenError("invalid_url", redact(url));
  }
  return parsed;
}

/** The URL with any password hidden, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === "pglite"
    ? openPGlite(config.dataDir)
    : openPostgres(config.url, config.schema);
}

async function openPGlite(dataDir: string | null): Promise<Database> {
  if (dataDir === null) {
    const thread = await PGliteThread.open(null);
    return embedded(thread, { created: true, flush: async () => {}, release: async () => {} });
  }
  const dir = resolve(dataDir);
  const created = await ensureWritableDir(dir);
  const unlock = await lockDataDir(dir);
  let thread: PGliteThread;
  try {
    thread = await PGliteThread.open(dir);
  } catch (cause) {
    await unlock();
    // Nothing half-created: a directory we made for a database that never opened is removed.
    if (created) await rm(dir, { recursive: true, force: true });
    throw new DatabaseOpenError("data_dir_invalid", dir, cause);
  }
  return embedded(thread, { created, flush: () => syncWal(dir), release: unlock });
}

function embedded(
  thread: PGliteThread,
  o: { created: boolean; flush: () => Promise<void>; release: () => Promise<void> },
): Database {
  const db = new Kysely<DB>({ dialect: new PGliteThreadDialect(thread) });
  const copyInto: CopyInto = (table, columns, rows) =>
    // Kysely's one connection is held for the whole load, so nothing else runs in between.
    db.connection().execute(async () => {
      const statement = copyStatement(table, columns, "'/dev/blob'");
      await thread.query("begin", []);
      try {
        let count = 0;
        for await (const chunk of csvChunks(rows, columns.length)) {
          count += (await thread.copy(statement, chunk)).affectedRows ?? 0;
        }
        const { command } = await thread.query("commit", []);
        if (command === "ROLLBACK") throw new AbortedTransactionError();
        return count;
      } catch (error) {
        await thread.query("rollback", []).catch(() => {});
        throw error;
      }
    });
  const close = async () => {
    await db.destroy();
    // Kysely closes the database only if it ever used it; one opened and never queried is ours.
    await thread.close();
    await o.release();
  };
  return {
    db,
    kind: "pglite",
    created: o.created,
    flush: o.flush,
    copyInto,
    background: inBackground,
    watchChanges: () => embeddedChangeFeed(thread),
    close,
  };
}

/**
 * Syncs the newest write-ahead-log segments to disk: PGlite has already written them to the
 * operating system at commit (so they survive the process dying); this makes them survive a
 * power cut too. The last two segments cover a commit that crossed a segment boundary.
 */
async function syncWal(dir: string): Promise<void> {
  const wal = join(dir, "pg_wal");
  const segments = (await readdir(wal).catch(() => [] as string[]))
    .filter((f) => /^[0-9A-F]{24}$/.test(f))
    .sort()
    .slice(-2);
  for (const name of segments) {
    const handle = await open(join(wal, name), "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

/**
 * The embedded database runs inside one process: a second process on the same directory would
 * corrupt it. A pid file refuses that; a stale one (its process is gone) is taken over.
 */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, "jalon.pid");
  const existing = await readFile(file, "utf8").catch(() => null);
  const pid = existing === null ? Number.NaN : Number.parseInt(existing, 10);
  // A live holder, even this very process, keeps the directory; a dead one's file is stale.
  if (Number.isInteger(pid) && isAlive(pid)) throw new DatabaseOpenError("data_dir_locked", dir);
  if (existing !== null) await rm(file, { force: true });
  try {
    await writeFile(file, String(process.pid), { flag: "wx" });
  } catch (cause) {
    throw new DatabaseOpenError("data_dir_locked", dir, cause);
  }
  return () => rm(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/** Creates the directory if needed and proves it writable; returns true if it was created. */
async function ensureWritableDir(dir: string): Promise<boolean> {
  let existed = true;
  try {
    await access(dir, constants.F_OK);
  } catch {
    existed = false;
  }
  try {
    if (!existed) await makeDir(dir);
    await access(dir, constants.W_OK | constants.R_OK | constants.X_OK);
    await readdir(dir);
  } catch (cause) {
    throw new DatabaseOpenError("data_dir_unwritable", dir, cause);
  }
  return !existed;
}

/** mkdir -p that fails fast: Node's recursive mkdir can spin on special file systems (/proc). */
async function makeDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const parent = dirname(dir);
    if (parent === dir) throw error;
    await access(parent, constants.F_OK).catch(() => makeDir(parent));
    await mkdir(dir);
  }
}

async function openPostgres(url: string, schema?: string): Promise<Database> {
  parseDatabaseUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    // How long a request may wait for one of the ten connections: a burst of saves (hundreds at
    // once) queues for a few seconds rather than failing; an unreachable server is named after it.
    connectionTimeoutMillis: 15_000,
    max: 10,
    // No parallel workers: starting them costs 5–10 ms, more than the reads they would share
    // (an indicator's roll-up for the regions: 14.1 ms with them, 5.0 without), and on a small
    // server they take the cores other requests are waiting for.
    options: [
      "-c max_parallel_workers_per_gather=0",
      ...(schema ? [`-c search_path=${schema}`] : []),
    ].join(" "),
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === DATE_OID
          ? keepDate
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end().catch(() => {});
    throw new DatabaseOpenError(classifyPgError(cause), redact(url), cause);
  }
  const db = new Kysely<DB>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
  const copyInto: CopyInto = async (table, columns, rows) => {
    const client = await pool.connect();
    try {
      const statement = copyStatement(table, columns, "stdin");
      return await copyFromStdin(client, statement, csvChunks(rows, columns.length));
    } finally {
      client.release();
    }
  };
  return {
    db,
    kind: "postgres",
    created: false,
    flush: async () => {},
    copyInto,
    background: (work) => work(),
    watchChanges: async () => {
      const { rows } = await pool.query<{ schema: string }>("select current_schema() as schema");
      // Notices are sent to the whole database; the listener keeps those of the pool's schema.
      return postgresChangeFeed({ connectionString: url, schema: rows[0]?.schema ?? "public" });
    },
    close: () => db.destroy(),
  };
}

/**
 * Kysely's migrator asks the introspector for the tables of every schema of the database, and
 * PostgreSQL fails that read when another session drops one of them meanwhile (a server shared
 * with other applications, the test suites' schemas): this dialect's introspector reads only the
 * connection's own schema, the one the migrator is pinned to.
 */
class OwnSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new OwnSchemaIntrospector(db);
  }
}

class OwnSchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;
  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    const own = await sql<SchemaMetadata>`select current_schema() as name`.execute(this.#db);
    return own.rows;
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const columns = await sql<{
      table: string;
      schema: string;
      kind: string;
      column: string;
      type: string;
      type_schema: string;
      not_null: boolean;
      has_default: boolean;
      auto: boolean;
      comment: string | null;
    }>`
      select c.relname as table, ns.nspname as schema, c.relkind as kind, a.attname as column,
        typ.typname as type, tns.nspname as type_schema, a.attnotnull as not_null,
        a.atthasdef as has_default, col_description(a.attrelid, a.attnum) as comment,
        (a.attidentity <> '' or pg_get_serial_sequence(
          quote_ident(ns.nspname) || '.' || quote_ident(c.relname), a.attname) is not null) as auto
      from pg_catalog.pg_attribute a
      join pg_catalog.pg_class c on c.oid = a.attrelid
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      join pg_catalog.pg_type typ on typ.oid = a.atttypid
      join pg_catalog.pg_namespace tns on tns.oid = typ.typnamespace
      where ns.nspname = current_schema() and c.relkind in ('r', 'v', 'p', 'f')
        and a.attnum >= 0 and not a.attisdropped
      order by c.relname, a.attnum`.execute(this.#db);
    const internal = ["kysely_migration", "kysely_migration_lock"];
    const tables = new Map<string, TableMetadata>();
    for (const c of columns.rows) {
      if (!options.withInternalKyselyTables && internal.includes(c.table)) continue;
      let table = tables.get(c.table);
      if (!table) {
        table = {
          name: c.table,
          schema: c.schema,
          isView: c.kind === "v",
          isForeign: c.kind === "f",
          columns: [],
        };
        tables.set(c.table, table);
      }
      table.columns.push({
        name: c.column,
        dataType: c.type,
        dataTypeSchema: c.type_schema,
        isNullable: !c.not_null,
        isAutoIncrementing: c.auto,
        hasDefaultValue: c.has_default,
        ...(c.comment === null ? {} : { comment: c.comment }),
      });
    }
    return [...tables.values()];
  }
}

function classifyPgError(error: unknown): OpenFailure {
  const code = (error as { code?: string } | null)?.code;
  if (code === "28P01" || code === "28000") return "auth_failed";
  if (code === "3D000") return "database_missing";
  return "unreachable";
}
