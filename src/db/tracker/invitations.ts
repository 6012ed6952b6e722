// Invitation links to a partner's questionnaire in a cycle, kept by hash of their token: made,
// found, used once, revoked, and the sessions they opened.
import { sql } from "kysely";
import { isLang, type Lang } from "../../domain/shared/lang.ts";
import { type Executor, insertAudited, recordAudit } from "../shared/audit.ts";
import { extendedUntil, returnedAnswers } from "../shared/sessions.ts";

export async function insertInvitation(
  db: Executor,
  actor: string,
  i: {
    cycleId: number;
    partnerId: number;
    email: string | null;
    tokenHash: string;
    /** The language of the message that carries it, when one is written. */
    lang?: Lang | null;
  },
) {
  return insertAudited(db, actor, "invitations", {
    cycle_id: i.cycleId,
    partner_id: i.partnerId,
    email: i.email,
    token_hash: i.tokenHash,
    created_by: actor,
    lang: i.lang ?? null,
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

/** The language of the last invitation written to each of these addresses (case aside). */
export async function lastInvitationLangs(
  db: Executor,
  emails: readonly string[],
): Promise<Map<string, Lang>> {
  const out = new Map<string, Lang>();
  if (emails.length === 0) return out;
  const rows = await db
    .selectFrom("invitations")
    .select(["email", "lang"])
    .where(sql<string>`lower(email)`, "in", [...new Set(emails.map((e) => e.toLowerCase()))])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  for (const r of rows) {
    const key = (r.email ?? "").toLowerCase();
    if (!out.has(key) && r.lang !== null && isLang(r.lang)) out.set(key, r.lang);
  }
  return out;
}
