// The embedded database's upkeep as a recurring job (db/shared/upkeep.ts says why it is needed):
// each table vacuumed and analysed in turn as background work, so that pages asked meanwhile go
// first; tables above UPKEEP_MAX_BYTES are left out, since one statement on them would hold the
// database's one connection for seconds (a national set of health values belongs on PostgreSQL,
// whose autovacuum keeps it).
import type { Database } from "../../db/connect.ts";
import { tablesBySize, vacuumTable } from "../../db/shared/upkeep.ts";
import type { JobRegistry } from "./jobs.ts";

export const DATABASE_UPKEEP_JOB = "database_upkeep";

/** Tables larger than this (with their indexes) are not vacuumed by the job. */
export const UPKEEP_MAX_BYTES = 64 * 1024 * 1024;

export interface UpkeepRun {
  vacuumed: number;
  /** Tables left out for their size. */
  skipped: string[];
}

/** Vacuums and analyses every table up to `maxBytes`, one at a time as background work. */
export async function upkeepDatabase(
  database: Database,
  maxBytes = UPKEEP_MAX_BYTES,
): Promise<UpkeepRun> {
  const tables = await tablesBySize(database.db);
  const run: UpkeepRun = { vacuumed: 0, skipped: [] };
  for (const { table, bytes } of tables) {
    if (bytes > maxBytes) {
      run.skipped.push(table);
      continue;
    }
    await database.background(() => vacuumTable(database.db, table));
    run.vacuumed++;
  }
  return run;
}

/** The recurring upkeep job, for a server on the embedded database. */
export function databaseUpkeepJobs(database: Database): JobRegistry {
  return {
    [DATABASE_UPKEEP_JOB]: async ({ log }) => {
      const run = await upkeepDatabase(database);
      if (run.skipped.length > 0) log.info({ skipped: run.skipped }, "tables too large to vacuum");
      return run;
    },
  };
}
