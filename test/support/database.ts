// Fresh databases for tests: an in-memory PGlite per call, and — when JALON_TEST_DATABASE_URL
// is set — a fresh schema on PostgreSQL, so that the same suites run on both.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";

export type BackendName = "pglite" | "postgres";

export const postgresUrl = process.env.JALON_TEST_DATABASE_URL;

/** The server's address when a database is made: a benchmark may set it after this loads. */
const serverUrl = () => process.env.JALON_TEST_DATABASE_URL;

if (process.env.CI === "true" && !postgresUrl) {
  throw new Error(
    "CI=true but JALON_TEST_DATABASE_URL is not set: the PostgreSQL suites would be skipped",
  );
}

/** The backends every storage suite runs on. */
export const backends: BackendName[] = postgresUrl ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase extends Database {
  dispose(): Promise<void>;
}

/** A migrated, empty database of the given kind. */
export async function freshDatabase(kind: BackendName): Promise<TestDatabase> {
  const database = await blankDatabase(kind);
  await migrateToLatest(database.db);
  return database;
}

/**
 * A database of the given kind with nothing in it, not even the migrations' table: an in-memory
 * PGlite, or a schema of its own on PostgreSQL (dropped by `dispose`).
 */
export async function blankDatabase(kind: BackendName): Promise<TestDatabase> {
  if (kind === "pglite") {
    const database = await openDatabase({ kind: "pglite", dataDir: null });
    return { ...database, dispose: () => database.close() };
  }
  const postgresUrl = serverUrl();
  if (!postgresUrl) throw new Error("JALON_TEST_DATABASE_URL is not set");
  const schema = `jalon_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = await openDatabase({ kind: "postgres", url: postgresUrl, schema });
  return {
    ...database,
    dispose: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

export interface ThrowawayDatabase {
  /** A DATABASE_URL for it, as a server process is given one. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A new, empty PostgreSQL database on JALON_TEST_DATABASE_URL's server, for child processes
 * (a server reads only DATABASE_URL, so a schema of its own cannot be handed to it).
 */
export async function throwawayDatabase(): Promise<ThrowawayDatabase> {
  const postgresUrl = serverUrl();
  if (!postgresUrl) throw new Error("JALON_TEST_DATABASE_URL is not set");
  const name = `jalon_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
