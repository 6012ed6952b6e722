// Setting a database up: its migrations. The demo world is loaded by the command line (src/demo/).
import type { Kysely } from "kysely";
import { type MigrationReport, migrateToLatest } from "../../db/migrate.ts";
import type { DB } from "../../db/schema.ts";

export function migrate(db: Kysely<DB>): Promise<MigrationReport> {
  return migrateToLatest(db);
}
