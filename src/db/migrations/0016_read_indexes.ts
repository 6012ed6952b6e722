// Indexes the read models need as the data grows: an answer's evidence is read by its answer,
// and a partner's page finds the answers that name it as a collaborator.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("response_evidence_response_idx")
    .on("response_evidence")
    .column("response_id")
    .execute();
  await db.schema
    .createIndex("response_collaborators_partner_idx")
    .on("response_collaborators")
    .column("partner_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("response_collaborators_partner_idx").execute();
  await db.schema.dropIndex("response_evidence_response_idx").execute();
}
