// Requests for a fresh invitation link: counted per invitation and per client address over a
// window, so that the "send me a fresh link" button cannot be used to flood an inbox.
import { sql, type Transaction } from "kysely";
import type { DB } from "../schema.ts";
import type { Executor } from "../shared/audit.ts";

/**
 * Holds the counts still while this transaction decides: two requests from one client or for
 * one invitation take turns, so neither slips past the limit.
 */
export async function lockLinkRequests(
  db: Transaction<DB>,
  clientHash: string,
  invitationId: number | null,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`link:${clientHash}`}))`.execute(db);
  if (invitationId !== null)
    await sql`select pg_advisory_xact_lock(hashtext(${`link:i${invitationId}`}))`.execute(db);
}

/** How many requests came from this client, and for this invitation, in the last `minutes`. */
export async function countLinkRequests(
  db: Executor,
  o: { clientHash: string; invitationId: number | null; minutes: number },
): Promise<{ client: number; invitation: number }> {
  const since = sql<Date>`now() - make_interval(mins => ${o.minutes})`;
  const row = await db
    .selectFrom("link_requests")
    .select([
      sql<number>`count(*) filter (where client_hash = ${o.clientHash})::int`.as("client"),
      sql<number>`count(*) filter (where invitation_id = ${o.invitationId})::int`.as("invitation"),
    ])
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return { client: row.client, invitation: row.invitation };
}

/** Records a request and forgets those older than a day (the counts look back an hour). */
export async function recordLinkRequest(
  db: Executor,
  o: { clientHash: string; invitationId: number | null },
): Promise<void> {
  await db
    .deleteFrom("link_requests")
    .where("at", "<", sql<Date>`now() - interval '1 day'`)
    .execute();
  await db
    .insertInto("link_requests")
    .values({ client_hash: o.clientHash, invitation_id: o.invitationId })
    .execute();
}
