// Messages no longer keep their link's token: it is made when the message is sent (services/
// mail.ts). Bodies queued before carried live tokens; unsent ones get the placeholder that is
// filled at sending (their old link keeps working until used or revoked), sent ones lose the
// token. The placeholder's text is services/mail.ts's LINK_TOKEN, repeated here because a
// migration stays as it was written.
import { type Kysely, sql } from "kysely";

const LINK = "(/(i|password/reset)/)[A-Za-z0-9_-]{16,}";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update outbox set body = regexp_replace(body, ${LINK}, '\\1{jalon-link}', 'g')
    where sent_at is null and body ~ ${LINK}`.execute(db);
  await sql`update outbox set body = regexp_replace(body, ${LINK}, '\\1…', 'g')
    where sent_at is not null and body ~ ${LINK}`.execute(db);
}

export async function down(): Promise<void> {
  // The tokens are gone; nothing to restore.
}
