// Invitation links: a random token (256 bits) stored only as its hash, valid while the cycle
// collects answers, single-use (exchanged for a session scoped to one partner's questionnaire),
// revocable. A new link can always be made; the old ones stay valid until used or revoked.

import { findCycleRecord } from "../db/cycles.ts";
import { findPartnerBySlug } from "../db/partners.ts";
import {
  findInvitationByHash,
  findInvitationTarget,
  insertInvitation,
  markInvitationUsed,
  revokeInvitations,
} from "../db/sessions.ts";
import { isEmail, normaliseEmail } from "../domain/account.ts";
import type { Lang } from "../domain/lang.ts";
import { type Actor, actorLabel } from "../domain/policy.ts";
import { notFound, Problem } from "../domain/problem.ts";
import { type NewSession, openSession } from "./auth.ts";
import { loadTracker } from "./context.ts";
import { authorise, cycleRecord } from "./cycles.ts";
import type { Db } from "./db.ts";
import { enqueueMail, LINK_TOKEN } from "./mail.ts";
import { newToken, tokenHash } from "./secrets.ts";

export interface InvitationMessage {
  subject: string;
  body: string;
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
  message: (o: {
    url: string;
    partner: string;
    cycle: string;
    deadline: string | null;
  }) => InvitationMessage,
  lang: Lang,
): Promise<CreatedInvitation> {
  authorise(actor, "cycle.setup");
  const email = input.email ? normaliseEmail(input.email) : null;
  if (email !== null && !isEmail(email))
    throw new Problem("invalid_input", "email", { value: input.email ?? "" });
  return db.transaction().execute(async (trx) => {
    const cycle = await cycleRecord(trx, input.cycleSlug, lang);
    if (cycle.state !== "collection" && cycle.state !== "setup") {
      throw new Problem("conflict", "cycle_state", { state: cycle.state });
    }
    const tracker = await loadTracker(trx, lang);
    const partner = await findPartnerBySlug(trx, tracker.id, input.partnerSlug);
    if (!partner) throw notFound("partner", input.partnerSlug);
    const token = newToken();
    await insertInvitation(trx, actorLabel(actor), {
      cycleId: cycle.id,
      partnerId: partner.id,
      email,
      tokenHash: tokenHash(token),
    });
    const url = `${input.baseUrl}/i/${token}`;
    const partnerName = partner.acronym ?? partner.name;
    if (email) {
      // The e-mail gets a link of its own, made when it is sent: the outbox keeps no token.
      const m = message({
        url: `${input.baseUrl}/i/${LINK_TOKEN}`,
        partner: partnerName,
        cycle: cycle.label,
        deadline: cycle.deadline,
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

/** Exchanges a live, unused link for a scoped session; null for anything else. */
export async function exchangeInvitation(db: Db, token: string): Promise<Exchanged | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return db.transaction().execute(async (trx) => {
    const invitation = await findInvitationByHash(trx, tokenHash(token));
    if (!invitation || invitation.used_at || invitation.revoked_at) return null;
    const target = await findInvitationTarget(trx, invitation.id);
    // A link expires when its cycle stops collecting answers.
    if (target?.cycleState !== "collection") return null;
    if (!(await markInvitationUsed(trx, invitation.id))) return null;
    const session = await openSession(trx as Db, { invitationId: invitation.id });
    return { session, cycleSlug: target.cycleSlug, partnerSlug: target.partnerSlug };
  });
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
    const cycle = await findCycleRecord(trx, tracker.id, cycleSlug, lang);
    const partner = await findPartnerBySlug(trx, tracker.id, partnerSlug);
    if (!cycle) throw notFound("cycle", cycleSlug);
    if (!partner) throw notFound("partner", partnerSlug);
    return revokeInvitations(trx, actorLabel(actor), { cycleId: cycle.id, partnerId: partner.id });
  });
}
