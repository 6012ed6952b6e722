// Empties every table of the commitment cycle, for `jalon demo --reset`. The audit log keeps a
// record of the reset itself rather than being wiped.
import { sql } from "kysely";
import { type Executor, recordAudit } from "./audit.ts";

const TABLES = [
  "cycle_texts",
  "acronyms",
  "recommendations",
  "difficulties",
  "assessments",
  "meeting_participants",
  "meetings",
  "response_evidence",
  "response_outputs",
  "response_collaborators",
  "responses",
  "mappings",
  "partners",
  "indicators",
  "commitment_goals",
  "commitments",
  "cycles",
  "trackers",
] as const;

export async function resetAll(db: Executor, actor: string): Promise<void> {
  await sql`truncate table ${sql.join(TABLES.map((t) => sql.table(t)))} restart identity cascade`.execute(
    db,
  );
  await recordAudit(db, { actor, action: "delete", entity: "all", entityId: "*" });
}

export async function isEmpty(db: Executor): Promise<boolean> {
  const row = await db.selectFrom("trackers").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}
