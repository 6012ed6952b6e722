// Invitation links: a random token (256 bits) stored only as its hash, valid while the cycle
// collects answers, single-use (exchanged for a session scoped to one partner's questionnaire),
// revocable. A new link can always be made; the old ones stay valid until used or revoked.
// A used link reopens the session this browser already holds; elsewhere it offers a fresh link
// by e-mail to the invitation's address.

import { recordAudit } from "../../db/shared/audit.ts";
import { countReturned, findExtension } from "../../db/tracker/collection.ts";
import {
  findInvitationByHash,
  findInvitationSession,
  findInvitationTarget,
  insertInvitation,
  markInvitationUsed,
  revokeInvitation,
  revokeInvitations,
} from "../../db/tracker/invitations.ts";
import {
  countLinkRequests,
  lockLinkRequests,
  recordLinkRequest,
} from "../../db/tracker/link-requests.ts";
import { findPartnerBySlug } from "../../db/tracker/partners.ts";
import { emailProblem, MAX_EMAIL, normaliseEmail } from "../../domain/shared/account.ts";
import { type Lang, pick } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { notFound, Problem } from "../../domain/shared/problem.ts";
import { linkOpens, partnerDeadline } from "../../domain/tracker/collection.ts";
import { isCycleState } from "../../domain/tracker/cycle.ts";
import { utcDay } from "../../domain/tracker/tracking.ts";
import { authorise } from "../shared/access.ts";
import { type LinkSession, type NewSession, openSession } from "../shared/auth.ts";
import type { Db } from "../shared/db.ts";
import { enqueueMail, LINK_TOKEN, type LinkMaker, MAILER_ACTOR } from "../shared/mail.ts";
import { newToken, tokenHash } from "../shared/secrets.ts";
import { cycleRecordIn, loadTracker } from "./context.ts";
import { cycleRecord } from "./cycles.ts";

export interface InvitationMessage {
  subject: string;
  body: string;
}

/** Writes an invitation's e-mail from its link, partner, cycle and deadline. */
export type InvitationText = (o: {
  url: string;
  partner: string;
  cycle: string;
  deadline: string | null;
}) => InvitationMessage;

/** What a link token looks like (base64url); anything else is refused before any lookup. */
export function isTokenShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(value);
}

export interface CreatedInvitation {
  url: string;
  emailed: boolean;
  partnerName: string;
}

/**
 * Makes a new link for a partner's questionnaire; with an address, queues the e-mail in the same
 * transaction. The link is shown once (to copy into WhatsApp or SMS): only its hash is kept.
 */
export async function createInvitation(
  db: Db,
  actor: Actor,
  input: { cycleSlug: string; partnerSlug: string; email: string | null; baseUrl: string },
  message: InvitationText,
  lang: Lang,
): Promise<CreatedInvitation> {
  authorise(actor, "cycle.setup");
  const email = input.email ? normaliseEmail(input.email) : null;
  const refused = email !== null ? emailProblem(email) : null;
  if (refused === "too_long")
    throw new Problem("invalid_input", "email", { reason: refused, max: MAX_EMAIL });
  if (refused) throw new Problem("invalid_input", "email", { value: input.email ?? "" });
  return db.transaction().execute(async (trx) => {
    const cycle = await cycleRecord(trx, input.cycleSlug, lang);
    const tracker = await loadTracker(trx, lang);
    const partner = await findPartnerBySlug(trx, tracker.id, input.partnerSlug);
    if (!partner) throw notFound("partner", input.partnerSlug);
    // A link is made only while it would open: in set-up (for later), or while the partner is
    // asked for answers (collection, its extension, an answer sent back to it).
    const extendedUntil = await findExtension(trx, cycle.id, partner.id);
    const opens =
      cycle.state === "setup" ||
      invitationOpen({
        cycleState: cycle.state,
        extendedUntil,
        returnedAnswers: await countReturned(trx, cycle.id, partner.id),
      });
    if (!opens) throw new Problem("conflict", "cycle_state", { state: cycle.state });
    const token = newToken();
    await insertInvitation(trx, actorLabel(actor), {
      cycleId: cycle.id,
      partnerId: partner.id,
      email,
      tokenHash: tokenHash(token),
      // The e-mail is written in the language in use: what follows it goes in the same one.
      lang: email ? lang : null,
    });
    const url = `${input.baseUrl}/i/${token}`;
    // Named in French, like the partner found by its slug on every workspace page.
    const partnerName = partner.acronym ?? partner.name.fr;
    if (email) {
      // The e-mail gets a link of its own, made when it is sent: the outbox keeps no token.
      const m = message({
        url: `${input.baseUrl}/i/${LINK_TOKEN}`,
        partner: partnerName,
        cycle: cycle.label,
        deadline: partnerDeadline(cycle.state, cycle.deadline, extendedUntil),
      });
      await enqueueMail(trx, {
        recipient: email,
        subject: m.subject,
        body: m.body,
        kind: "invitation",
        cycleId: cycle.id,
        partnerId: partner.id,
      });
    }
    return { url, emailed: email !== null, partnerName };
  });
}

export interface Exchanged {
  session: NewSession;
  cycleSlug: string;
  partnerSlug: string;
}

/**
 * Exchanges a live, unused link for a scoped session; null for anything else. Both outcomes are
 * audited: a link opened twice is worth seeing (it may have been forwarded).
 */
export async function exchangeInvitation(db: Db, token: string): Promise<Exchanged | null> {
  const valid = isTokenShaped(token);
  type Refused = { id: number | null; reason: "unknown" | "revoked" | "used" | "closed" };
  const outcome = await db.transaction().execute(async (trx): Promise<Exchanged | Refused> => {
    const invitation = valid ? await findInvitationByHash(trx, tokenHash(token)) : undefined;
    if (!invitation) return { id: null, reason: "unknown" };
    if (invitation.revoked_at) return { id: invitation.id, reason: "revoked" };
    if (invitation.used_at) return { id: invitation.id, reason: "used" };
    const target = await findInvitationTarget(trx, invitation.id);
    // A link expires when its partner is no longer asked for answers.
    if (!target || !invitationOpen(target)) return { id: invitation.id, reason: "closed" };
    if (!(await markInvitationUsed(trx, invitation.id)))
      return { id: invitation.id, reason: "used" };
    const session = await openSession(trx as Db, { invitationId: invitation.id });
    await recordAudit(trx, {
      actor: `invitation:${invitation.id}`,
      action: "invitation_exchanged",
      entity: "invitations",
      entityId: invitation.id,
    });
    return { session, cycleSlug: target.cycleSlug, partnerSlug: target.partnerSlug };
  });
  if ("session" in outcome) return outcome;
  await recordAudit(db, {
    actor: "anonymous",
    action: "refused",
    entity: "invitations",
    entityId: outcome.id ?? "unknown",
    after: { reason: outcome.reason },
  });
  return null;
}

export async function revokePartnerLinks(
  db: Db,
  actor: Actor,
  cycleSlug: string,
  partnerSlug: string,
  lang: Lang,
): Promise<number> {
  authorise(actor, "cycle.setup");
  return db.transaction().execute(async (trx) => {
    const tracker = await loadTracker(trx, lang);
    const cycle = await cycleRecordIn(trx, tracker.id, cycleSlug, lang);
    const partner = await findPartnerBySlug(trx, tracker.id, partnerSlug);
    if (!cycle) throw notFound("cycle", cycleSlug);
    if (!partner) throw notFound("partner", partnerSlug);
    return revokeInvitations(trx, actorLabel(actor), { cycleId: cycle.id, partnerId: partner.id });
  });
}

/** What opening a link finds, before anything is exchanged. */
export type LinkState =
  | { kind: "invalid" }
  | {
      kind: "unused" | "used";
      invitationId: number;
      cycleSlug: string;
      partnerSlug: string;
    };

/** Whether a link can still open its questionnaire: unknown, revoked or closed links cannot. */
export async function inspectInvitation(db: Db, token: string): Promise<LinkState> {
  if (!isTokenShaped(token)) return { kind: "invalid" };
  const invitation = await findInvitationByHash(db, tokenHash(token));
  if (!invitation || invitation.revoked_at) return { kind: "invalid" };
  const target = await findInvitationTarget(db, invitation.id);
  // Open while its partner is still asked for answers (collection, extension, a send-back).
  if (!target || !invitationOpen(target)) return { kind: "invalid" };
  return {
    kind: invitation.used_at ? "used" : "unused",
    invitationId: invitation.id,
    cycleSlug: target.cycleSlug,
    partnerSlug: target.partnerSlug,
  };
}

/**
 * The live session of this link among those the browser holds (the tokens of the sessions it
 * opened from links before): reopening a link on the same device goes back in with it.
 */
export async function resumeInvitation(
  db: Db,
  invitationId: number,
  held: readonly string[],
): Promise<string | null> {
  const byHash = new Map(held.map((t) => [tokenHash(t), t]));
  const found = await findInvitationSession(db, invitationId, [...byHash.keys()]);
  return found ? (byHash.get(found) ?? null) : null;
}

/** Fresh links per invitation, and requests per client address, allowed in an hour. */
export const FRESH_LINK_LIMITS = { perInvitation: 3, perClient: 20, minutes: 60 } as const;

/**
 * "Send me a fresh link": queues a new link to the address the invitation was made for, when it
 * has one and the link is still live. The caller says the same thing whether or not anything
 * was sent (nothing tells who has an address); only going over the limits is reported.
 */
export async function requestFreshLink(
  db: Db,
  input: { token: string; clientAddress: string; baseUrl: string },
  message: InvitationText,
  lang: Lang,
): Promise<{ limited: boolean }> {
  const clientHash = tokenHash(`client:${input.clientAddress}`);
  const valid = isTokenShaped(input.token);
  return db.transaction().execute(async (trx) => {
    const invitation = valid ? await findInvitationByHash(trx, tokenHash(input.token)) : undefined;
    const invitationId = invitation?.id ?? null;
    await lockLinkRequests(trx, clientHash, invitationId);
    const counts = await countLinkRequests(trx, {
      clientHash,
      invitationId,
      minutes: FRESH_LINK_LIMITS.minutes,
    });
    if (
      counts.client >= FRESH_LINK_LIMITS.perClient ||
      (invitationId !== null && counts.invitation >= FRESH_LINK_LIMITS.perInvitation)
    )
      return { limited: true };
    await recordLinkRequest(trx, { clientHash, invitationId });
    if (!invitation?.email || invitation.revoked_at) return { limited: false };
    const target = await findInvitationTarget(trx, invitation.id);
    if (!target || !invitationOpen(target)) return { limited: false };
    const tracker = await loadTracker(trx, lang);
    const cycle = await cycleRecordIn(trx, tracker.id, target.cycleSlug, lang);
    const partner = await findPartnerBySlug(trx, tracker.id, target.partnerSlug);
    if (!cycle || !partner) return { limited: false };
    // The new link is made when the message is sent (services/mail.ts): the outbox keeps none.
    const m = message({
      url: `${input.baseUrl}/i/${LINK_TOKEN}`,
      partner: partner.acronym ?? pick(partner.name, lang),
      cycle: cycle.label,
      deadline: partnerDeadline(cycle.state, cycle.deadline, target.extendedUntil),
    });
    await enqueueMail(trx, {
      recipient: invitation.email,
      subject: m.subject,
      body: m.body,
      kind: "invitation",
      cycleId: invitation.cycle_id,
      partnerId: invitation.partner_id,
    });
    return { limited: false };
  });
}

/** Whether an invitation's partner may still open its questionnaire by it, today. */
export function invitationOpen(w: LinkSession): boolean {
  return (
    isCycleState(w.cycleState) &&
    linkOpens({
      cycleState: w.cycleState,
      extendedUntil: w.extendedUntil,
      returnedAnswers: w.returnedAnswers,
      today: utcDay(new Date()),
    })
  );
}

/**
 * The link of an invitation or reminder e-mail, made as it is sent: a new invitation for the
 * message's cycle, partner and address, revoked again if the message cannot go.
 */
export const invitationLinks: LinkMaker = async (db, row, hash) => {
  const { cycle_id: cycleId, partner_id: partnerId } = row;
  if (cycleId === null || partnerId === null) return null;
  const invitation = await db.transaction().execute((trx) =>
    insertInvitation(trx, MAILER_ACTOR, {
      cycleId,
      partnerId,
      email: row.recipient,
      tokenHash: hash,
    }),
  );
  return () =>
    db.transaction().execute((trx) => revokeInvitation(trx, MAILER_ACTOR, invitation.id));
};
