// Versioned migrations, applied in order at start and by `jalon migrate`. One run applies its
// migrations in one transaction (Kysely's migrator does so on PostgreSQL and PGlite, whose DDL
// is transactional): when one fails, none of the run's is kept and the database stays as it was.
import { type Kysely, sql } from "kysely";
import { type Migration, type MigrationResultSet, Migrator } from "kysely/migration";
import * as m0001 from "./migrations/0001_commitment_cycle.ts";
import * as m0002 from "./migrations/0002_collection.ts";
import * as m0003 from "./migrations/0003_report_texts.ts";
import * as m0004 from "./migrations/0004_outbox_lease.ts";
import * as m0005 from "./migrations/0005_setup_links.ts";
import * as m0006 from "./migrations/0006_kept_rows.ts";
import * as m0007 from "./migrations/0007_link_requests.ts";
import * as m0008 from "./migrations/0008_sendback.ts";
import * as m0010 from "./migrations/0010_outbox_links.ts";
import * as m0011 from "./migrations/0011_account_security.ts";
import * as m0012 from "./migrations/0012_import_batches.ts";
import * as m0013 from "./migrations/0013_jobs.ts";
import * as m0014 from "./migrations/0014_invitation_lang.ts";
import * as m0016 from "./migrations/0016_read_indexes.ts";
import * as m0017 from "./migrations/0017_health_data.ts";
import * as m0018 from "./migrations/0018_dhis2_connections.ts";
import * as m0019 from "./migrations/0019_value_references.ts";
import * as m0020 from "./migrations/0020_outcome_goals.ts";
import * as m0022 from "./migrations/0022_access_tokens.ts";
import * as m0023 from "./migrations/0023_programmes.ts";
import * as m0024 from "./migrations/0024_missions.ts";
import * as m0025 from "./migrations/0025_testimonials.ts";
import * as m0026 from "./migrations/0026_programme_publication.ts";
import * as m0027 from "./migrations/0027_report_front.ts";
import * as m0030 from "./migrations/0030_commitment_verdicts.ts";
import * as m0031 from "./migrations/0031_recommendation_follow_up.ts";
import * as m0033 from "./migrations/0033_translations.ts";
import * as m0038 from "./migrations/0038_import_chunks.ts";
import * as m0039 from "./migrations/0039_change_notices.ts";
import * as m0040 from "./migrations/0040_rollup_reads.ts";
import * as m0042 from "./migrations/0042_response_keys.ts";
import type { DB } from "./schema.ts";

const migrations: Record<string, Migration> = {
  "0001_commitment_cycle": m0001,
  "0002_collection": m0002,
  "0003_report_texts": m0003,
  "0004_outbox_lease": m0004,
  "0007_link_requests": m0007,
  "0008_sendback": m0008,
  "0005_setup_links": m0005,
  "0006_kept_rows": m0006,
  "0011_account_security": m0011,
  "0010_outbox_links": m0010,
  "0012_import_batches": m0012,
  "0013_jobs": m0013,
  "0014_invitation_lang": m0014,
  "0016_read_indexes": m0016,
  "0017_health_data": m0017,
  "0018_dhis2_connections": m0018,
  "0019_value_references": m0019,
  "0020_outcome_goals": m0020,
  "0022_access_tokens": m0022,
  "0023_programmes": m0023,
  "0024_missions": m0024,
  "0025_testimonials": m0025,
  "0026_programme_publication": m0026,
  "0027_report_front": m0027,
  "0030_commitment_verdicts": m0030,
  "0031_recommendation_follow_up": m0031,
  "0033_translations": m0033,
  "0038_import_chunks": m0038,
  "0039_change_notices": m0039,
  "0040_rollup_reads": m0040,
  "0042_response_keys": m0042,
};

export interface MigrationReport {
  applied: string[];
}

/** A run that failed: the migration that did, and why; none of the run's migrations was kept. */
export class MigrationError extends Error {
  readonly migration: string;
  /** The migrations of the run that had succeeded before it, undone with it. */
  readonly undone: string[];
  constructor(migration: string, undone: string[], cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`migration ${migration} failed: ${why}`, { cause });
    this.name = "MigrationError";
    this.migration = migration;
    this.undone = undone;
  }
}

/** A database a newer release has migrated: this code does not know some of its migrations. */
export class NewerSchemaError extends Error {
  readonly unknown: string[];
  constructor(unknown: string[]) {
    super(`the database has migrations this release does not know: ${unknown.join(", ")}`);
    this.name = "NewerSchemaError";
    this.unknown = unknown;
  }
}

/**
 * The migrations this code knows that the database has not applied: one read of Kysely's own
 * table (readiness asks at every probe). A database never migrated throws, as one unreachable.
 */
export async function pendingMigrations(db: Kysely<DB>): Promise<string[]> {
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const done = new Set(applied.rows.map((r) => r.name));
  return Object.keys(migrations).filter((name) => !done.has(name));
}

/** Every migration this code knows, in the order they apply: the last names the schema. */
export function knownMigrations(): string[] {
  return Object.keys(migrations);
}

/** This code's migrations by name, a copy a caller may extend (tests append failing ones). */
export function migrationSet(): Record<string, Migration> {
  return { ...migrations };
}

async function migratorOf(db: Kysely<DB>, set: Record<string, Migration>): Promise<Migrator> {
  // Kysely looks for its own tables in every schema; pinning the current one keeps a database
  // (or a test schema) from taking another schema's migration tables for its own.
  const schema = await sql<{ name: string }>`select current_schema() as name`.execute(db);
  return new Migrator({
    db,
    provider: { getMigrations: async () => set },
    migrationTableSchema: schema.rows[0]?.name ?? "public",
  });
}

/** What a run returned, or the MigrationError naming the migration that failed. */
function reportOf({ error, results }: MigrationResultSet): MigrationReport {
  const done = (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  const failed = results?.find((r) => r.status === "Error");
  if (failed) throw new MigrationError(failed.migrationName, done, error);
  if (error) throw error;
  return { applied: done };
}

/** Refuses a database that names migrations `set` does not have, before changing anything. */
async function refuseNewer(db: Kysely<DB>, set: Record<string, Migration>): Promise<void> {
  const table = await sql<{ found: boolean }>`
    select to_regclass('kysely_migration') is not null as found`.execute(db);
  if (!table.rows[0]?.found) return;
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const unknown = applied.rows.map((r) => r.name).filter((name) => !(name in set));
  if (unknown.length > 0) throw new NewerSchemaError(unknown.sort());
}

/** Applies the migrations up to `name` included (a restore builds the schema its file had). */
export async function migrateUpTo(db: Kysely<DB>, name: string): Promise<MigrationReport> {
  await refuseNewer(db, migrations);
  return reportOf(await (await migratorOf(db, migrations)).migrateTo(name));
}

/** Applies every migration not applied yet, in one transaction; `set` defaults to this code's. */
export async function migrateToLatest(
  db: Kysely<DB>,
  set: Record<string, Migration> = migrations,
): Promise<MigrationReport> {
  await refuseNewer(db, set);
  return reportOf(await (await migratorOf(db, set)).migrateToLatest());
}
