// Telling a partner that an answer was sent back to it: one e-mail per known address, each with
// a fresh single-use link (the send-back keeps the partner's links open after collection), and a
// fresh link for the coordinator to hand over by WhatsApp.

import type { Executor } from "../../db/shared/audit.ts";
import { insertMailAudited } from "../../db/shared/outbox.ts";
import { listProcessIndicators } from "../../db/tracker/commitments.ts";
import { findCycleRecord } from "../../db/tracker/cycles.ts";
import { insertInvitation } from "../../db/tracker/invitations.ts";
import { listPartners } from "../../db/tracker/partners.ts";
import { listRecipients } from "../../db/tracker/tracking.ts";
import { DEFAULT_LANG, inLang, type Lang, pick } from "../../domain/shared/lang.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { partnerShortName } from "../../domain/tracker/partner.ts";
import { LINK_TOKEN } from "../shared/mail.ts";
import { newToken, tokenHash } from "../shared/secrets.ts";
import { loadTracker } from "./context.ts";

/** What a send-back notice says, in the recipient's language. */
export interface SendBackFacts {
  url: string;
  partner: string;
  cycle: string;
  indicator: string;
  title: string;
  comment: string;
}

export type SendBackMessage = (
  lang: Lang,
  facts: SendBackFacts,
) => { subject: string; body: string };

export interface SendBackTarget {
  trackerId: number;
  cycleId: number;
  cycleSlug: string;
  partnerId: number;
  indicatorId: number;
  indicatorNumber: string;
  comment: string;
}

/** The facts of a notice, read once, to word in each recipient's language; the link left to fill. */
async function factsOf(trx: Executor, t: SendBackTarget) {
  const [tracker, partners, indicators] = await Promise.all([
    loadTracker(trx, DEFAULT_LANG),
    listPartners(trx, t.trackerId),
    listProcessIndicators(trx, t.trackerId),
  ]);
  const cycle = await findCycleRecord(trx, tracker.id, t.cycleSlug);
  const partner = partners.find((p) => p.id === t.partnerId);
  const indicator = indicators.find((i) => i.id === t.indicatorId);
  if (!cycle || !partner || !indicator) throw notFound("answer", t.indicatorNumber);
  return (lang: Lang) => ({
    partner: partnerShortName(inLang(partner, lang, "name")),
    cycle: pick(cycle.label, lang),
    indicator: t.indicatorNumber,
    title: pick(indicator.title, lang),
    comment: t.comment,
  });
}

/**
 * Queues the notice to every address of the partner in the cycle (its invitations and its
 * respondent accounts), each with its own new link, in the language the address was invited
 * in (French when none says, the language partners read in the field).
 */
export async function queueSendBackNotice(
  trx: Executor,
  by: string,
  t: SendBackTarget,
  o: { baseUrl: string; message: SendBackMessage },
): Promise<{ partner: string; emailed: number }> {
  const recipients = (await listRecipients(trx, t.cycleId)).filter(
    (r) => r.partnerId === t.partnerId,
  );
  const factsIn = await factsOf(trx, t);
  for (const { email, lang } of recipients) {
    // The link's token is made when the message is sent (services/mail.ts): the outbox keeps none.
    const m = o.message(lang, { ...factsIn(lang), url: `${o.baseUrl}/i/${LINK_TOKEN}` });
    await insertMailAudited(trx, by, {
      recipient: email,
      subject: m.subject,
      body: m.body,
      kind: "send_back",
      cycleId: t.cycleId,
      partnerId: t.partnerId,
    });
  }
  // The coordinator's page names the partner in French.
  return { partner: factsIn(DEFAULT_LANG).partner, emailed: recipients.length };
}

/** A new link for the coordinator's WhatsApp message about a send-back, with its text's facts. */
export async function sendBackLinkFacts(
  trx: Executor,
  by: string,
  t: SendBackTarget,
  baseUrl: string,
): Promise<SendBackFacts> {
  // The WhatsApp text is French: that is the language partners read in the field.
  const facts = (await factsOf(trx, t))("fr");
  const token = newToken();
  await insertInvitation(trx, by, {
    cycleId: t.cycleId,
    partnerId: t.partnerId,
    email: null,
    tokenHash: tokenHash(token),
  });
  return { ...facts, url: `${baseUrl}/i/${token}` };
}
