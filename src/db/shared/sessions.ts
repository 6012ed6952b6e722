// Server-side sessions (by hash of their token) and invitation links (by hash of theirs).
import { sql } from "kysely";
import { type Executor, insertAudited, recordAudit } from "./audit.ts";

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
// back (the aliased invitation is `i`).
const extendedUntil = sql<
  string | null
>`(select x.until from collection_extensions x where x.cycle_id = i.cycle_id and x.partner_id = i.partner_id)`;
const returnedAnswers = sql<number>`(select count(*)::int from responses r where r.cycle_id = i.cycle_id and r.partner_id = i.partner_id and r.state = 'returned')`;

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

export async function insertInvitation(
  db: Executor,
  actor: string,
  i: { cycleId: number; partnerId: number; email: string | null; tokenHash: string },
) {
  return insertAudited(db, actor, "invitations", {
    cycle_id: i.cycleId,
    partner_id: i.partnerId,
    email: i.email,
    token_hash: i.tokenHash,
    created_by: actor,
  });
}

export interface InvitationRow {
  id: number;
  cycle_id: number;
  partner_id: number;
  email: string | null;
  used_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

export async function findInvitationByHash(
  db: Executor,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  return db
    .selectFrom("invitations")
    .select(["id", "cycle_id", "partner_id", "email", "used_at", "revoked_at", "created_at"])
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** Marks an unused, unrevoked invitation used; false when someone else got there first. */
export async function markInvitationUsed(db: Executor, id: number): Promise<boolean> {
  const row = await db
    .updateTable("invitations")
    .set({ used_at: sql`now()` })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function listInvitations(db: Executor, cycleId: number): Promise<InvitationRow[]> {
  return db
    .selectFrom("invitations")
    .select(["id", "cycle_id", "partner_id", "email", "used_at", "revoked_at", "created_at"])
    .where("cycle_id", "=", cycleId)
    .orderBy("created_at", "desc")
    .execute();
}

/**
 * Revokes the live invitations matching the filter (a partner in a cycle, or an address) and
 * ends the sessions they opened.
 */
export async function revokeInvitations(
  db: Executor,
  actor: string,
  filter: { cycleId: number; partnerId: number } | { email: string },
): Promise<number> {
  let query = db
    .updateTable("invitations")
    .set({ revoked_at: sql`now()` })
    .where("revoked_at", "is", null);
  query =
    "email" in filter
      ? query.where("email", "=", filter.email)
      : query.where("cycle_id", "=", filter.cycleId).where("partner_id", "=", filter.partnerId);
  const rows = await query.returning("id").execute();
  for (const r of rows) {
    await db.deleteFrom("sessions").where("invitation_id", "=", r.id).execute();
    await recordAudit(db, {
      actor,
      action: "update",
      entity: "invitations",
      entityId: r.id,
      after: { revoked: true },
    });
  }
  return rows.length;
}

/** Revokes one invitation by id (a link minted for a message that could not be sent). */
export async function revokeInvitation(db: Executor, actor: string, id: number): Promise<void> {
  await db
    .updateTable("invitations")
    .set({ revoked_at: sql`now()` })
    .where("id", "=", id)
    .execute();
  await recordAudit(db, {
    actor,
    action: "update",
    entity: "invitations",
    entityId: id,
    after: { revoked: true },
  });
}

/** The cycle and partner an invitation opens, and what keeps it open after collection. */
export async function findInvitationTarget(
  db: Executor,
  invitationId: number,
): Promise<
  | {
      cycleSlug: string;
      cycleState: string;
      partnerSlug: string;
      extendedUntil: string | null;
      returnedAnswers: number;
    }
  | undefined
> {
  const row = await db
    .selectFrom("invitations as i")
    .innerJoin("cycles as c", "c.id", "i.cycle_id")
    .innerJoin("partners as p", "p.id", "i.partner_id")
    .select([
      "c.slug as cycle_slug",
      "c.state",
      "p.slug as partner_slug",
      extendedUntil.as("extended_until"),
      returnedAnswers.as("returned_answers"),
    ])
    .where("i.id", "=", invitationId)
    .executeTakeFirst();
  return row
    ? {
        cycleSlug: row.cycle_slug,
        cycleState: row.state,
        partnerSlug: row.partner_slug,
        extendedUntil: row.extended_until,
        returnedAnswers: Number(row.returned_answers ?? 0),
      }
    : undefined;
}

/** Among the given session hashes, one live session opened from this invitation. */
export async function findInvitationSession(
  db: Executor,
  invitationId: number,
  idHashes: readonly string[],
): Promise<string | undefined> {
  if (idHashes.length === 0) return undefined;
  const row = await db
    .selectFrom("sessions")
    .select("id_hash")
    .where("invitation_id", "=", invitationId)
    .where("id_hash", "in", idHashes)
    .where("expires_at", ">", sql<Date>`now()`)
    .executeTakeFirst();
  return row?.id_hash;
}
