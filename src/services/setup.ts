// Setting a database up: migrations, and the demo world on first start.
import type { Kysely } from "kysely";
import { type MigrationReport, migrateToLatest } from "../db/migrate.ts";
import type { DB } from "../db/schema.ts";
import { type DemoReport, loadDemo } from "./demo/load.ts";

export function migrate(db: Kysely<DB>): Promise<MigrationReport> {
  return migrateToLatest(db);
}

/** Migrates, then loads the demo world when the database holds no tracker yet. */
export async function prepare(db: Kysely<DB>): Promise<DemoReport> {
  await migrateToLatest(db);
  return loadDemo({ db }, { reset: false });
}
