// Server-side sessions, by hash of their token, opened by an account or by an invitation link.
import { sql } from "kysely";
import type { Executor } from "./audit.ts";

export async function insertSession(
  db: Executor,
  s: {
    idHash: string;
    userId: number | null;
    invitationId: number | null;
    csrfToken: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      invitation_id: s.invitationId,
      csrf_token: s.csrfToken,
      expires_at: s.expiresAt,
    })
    .execute();
}

export interface SessionLookup {
  csrfToken: string;
  lastSeenAt: Date;
  user: {
    id: number;
    role: string;
    partnerId: number | null;
    name: string;
    disabled: boolean;
  } | null;
  invitation: {
    id: number;
    cycleId: number;
    partnerId: number;
    revoked: boolean;
    cycleState: string;
    /** The partner's extended collection, if any, and its answers sent back: links stay open. */
    extendedUntil: string | null;
    returnedAnswers: number;
  } | null;
}

// What keeps an invitation's partner asked after collection: its extension and its answers sent
// back (the aliased invitation is `i`). A session opened by a link is only as live as that.
export const extendedUntil = sql<
  string | null
>`(select x.until from collection_extensions x where x.cycle_id = i.cycle_id and x.partner_id = i.partner_id)`;
export const returnedAnswers = sql<number>`(select count(*)::int from responses r where r.cycle_id = i.cycle_id and r.partner_id = i.partner_id and r.state = 'returned')`;

/**
 * A live session with its owner, or undefined when unknown, expired, or — for an account's
 * session — idle for longer than `idleMinutes`. Invitation links' sessions have no idle limit.
 */
export async function findSession(
  db: Executor,
  idHash: string,
  idleMinutes: number,
): Promise<SessionLookup | undefined> {
  const row = await db
    .selectFrom("sessions as s")
    .leftJoin("users as u", "u.id", "s.user_id")
    .leftJoin("invitations as i", "i.id", "s.invitation_id")
    .leftJoin("cycles as c", "c.id", "i.cycle_id")
    .select([
      "s.csrf_token",
      "s.last_seen_at",
      "u.id as user_id",
      "u.role",
      "u.partner_id",
      "u.name",
      "u.disabled_at",
      "i.id as invitation_id",
      "i.cycle_id",
      "i.partner_id as invitation_partner_id",
      "i.revoked_at",
      "c.state as cycle_state",
      extendedUntil.as("extended_until"),
      returnedAnswers.as("returned_answers"),
    ])
    .where("s.id_hash", "=", idHash)
    .where("s.expires_at", ">", sql<Date>`now()`)
    .where((eb) =>
      eb.or([
        eb("s.user_id", "is", null),
        eb("s.last_seen_at", ">", sql<Date>`now() - make_interval(mins => ${idleMinutes})`),
      ]),
    )
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    csrfToken: row.csrf_token,
    lastSeenAt: row.last_seen_at,
    user:
      row.user_id !== null && row.role !== null && row.name !== null
        ? {
            id: row.user_id,
            role: row.role,
            partnerId: row.partner_id,
            name: row.name,
            disabled: row.disabled_at !== null,
          }
        : null,
    invitation:
      row.invitation_id !== null && row.cycle_id !== null && row.invitation_partner_id !== null
        ? {
            id: row.invitation_id,
            cycleId: row.cycle_id,
            partnerId: row.invitation_partner_id,
            revoked: row.revoked_at !== null,
            cycleState: row.cycle_state ?? "",
            extendedUntil: row.extended_until,
            returnedAnswers: Number(row.returned_answers ?? 0),
          }
        : null,
  };
}

/** Records activity, at most once a minute per session, to spare a write on every request. */
export async function touchSession(db: Executor, idHash: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: sql`now()` })
    .where("id_hash", "=", idHash)
    .where("last_seen_at", "<", sql<Date>`now() - interval '1 minute'`)
    .execute();
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

export async function deleteUserSessions(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}
