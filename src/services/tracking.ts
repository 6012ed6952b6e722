// The tracking panel of a collection cycle: where each partner stands, response rates, the
// reminders already sent, and a fresh link to hand over by WhatsApp.

import { listAnswerMeta } from "../db/answers.ts";
import type { Executor } from "../db/audit.ts";
import { listCommitments, listIndicators } from "../db/commitments.ts";
import { listPartners } from "../db/partners.ts";
import { listMappings } from "../db/responses.ts";
import { listRecipients, listReminderMail } from "../db/tracking.ts";
import { indicatorNumber } from "../domain/commitment.ts";
import type { Lang } from "../domain/lang.ts";
import { PARTNER_CATEGORIES, type PartnerCategory, partnerShortName } from "../domain/partner.ts";
import { type Actor, can } from "../domain/policy.ts";
import type { ResponseState } from "../domain/response.ts";
import {
  hasResponded,
  type IndicatorRate,
  indicatorRates,
  nextReminderDay,
  type Progress,
  partnerProgress,
  responseRates,
  utcDay,
} from "../domain/tracking.ts";
import { loadTracker } from "./context.ts";
import { authorise, cycleRecord } from "./cycles.ts";
import type { Db } from "./db.ts";
import { createInvitation } from "./invitations.ts";

export interface PartnerState {
  mapped: number;
  /** Indicators with an answer, in any state. */
  answered: number;
  /** Indicators whose answer is submitted or validated. */
  submitted: number;
  progress: Progress;
  lastActivity: Date | null;
}

/** Where every partner asked in the cycle stands, by partner id. */
export async function progressByPartner(
  db: Executor,
  cycleId: number,
): Promise<Map<number, PartnerState>> {
  return (await loadProgress(db, cycleId)).byPartner;
}

/** The cycle's mapping and answers, and where each partner stands from them. */
async function loadProgress(db: Executor, cycleId: number) {
  const [mappings, answers] = await Promise.all([
    listMappings(db, cycleId),
    listAnswerMeta(db, cycleId),
  ]);
  const result = new Map<number, PartnerState>();
  const mapped = new Map<number, number>();
  for (const m of mappings) mapped.set(m.partnerId, (mapped.get(m.partnerId) ?? 0) + 1);
  for (const [partnerId, count] of mapped) {
    const own = answers.filter((a) => a.partner_id === partnerId);
    const states = own.map((a) => a.state as ResponseState);
    const last = own.reduce<Date | null>(
      (latest, a) => (latest === null || a.updated_at > latest ? a.updated_at : latest),
      null,
    );
    result.set(partnerId, {
      mapped: count,
      answered: own.length,
      submitted: states.filter((s) => s === "submitted" || s === "validated").length,
      progress: partnerProgress(count, states),
      lastActivity: last,
    });
  }
  return { mappings, answers, byPartner: result };
}

export interface PartnerTracking {
  slug: string;
  shortName: string;
  name: string;
  category: PartnerCategory;
  mapped: number;
  answered: number;
  submitted: number;
  progress: Progress;
  lastActivity: string | null;
  /** Reminder e-mails: how many days a partner was reminded, and the last one. */
  reminders: { count: number; lastAt: string | null; lastSent: boolean };
  /** How many addresses a reminder would go to. */
  addresses: number;
}

export interface TrackingView {
  cycle: { slug: string; label: string; state: string; deadline: string | null };
  groups: { category: PartnerCategory; partners: PartnerTracking[] }[];
  rates: ReturnType<typeof responseRates>;
  /** Per indicator, in commitment order: partners asked that have submitted their answer. */
  indicators: ({ number: string; title: string } & IndicatorRate)[];
  /** Next day scheduled reminders go out, when the cycle collects and one is left. */
  nextReminder: string | null;
  /** Partners that have not submitted everything: what "remind all" goes through. */
  late: number;
  /** Of those, the ones without any e-mail address (a WhatsApp link is their way). */
  lateWithoutAddress: number;
  /** Whether this actor may send reminders and links now. */
  canRemind: boolean;
}

export async function trackingPanel(
  db: Db,
  actor: Actor,
  slug: string,
  lang: Lang,
  now: Date = new Date(),
): Promise<TrackingView> {
  authorise(actor, "workspace.read");
  const tracker = await loadTracker(db, lang);
  const cycle = await cycleRecord(db, slug, lang);
  const [progress, partners, mail, recipients, commitments, indicators] = await Promise.all([
    loadProgress(db, cycle.id),
    listPartners(db, tracker.id, lang),
    listReminderMail(db, cycle.id),
    listRecipients(db, cycle.id),
    listCommitments(db, tracker.id, lang),
    listIndicators(db, tracker.id, lang),
  ]);
  const states = progress.byPartner;
  const rows: PartnerTracking[] = partners.flatMap((p) => {
    const s = states.get(p.id);
    if (!s) return [];
    const own = mail.filter((m) => m.partner_id === p.id);
    // Several addresses reminded the same day make one reminder: count the days' keys.
    const days = new Set(own.map((m) => (m.dedupe_key ?? String(m.created_at)).split("#")[0]));
    const last = own.at(-1);
    return [
      {
        slug: p.slug,
        shortName: partnerShortName(p),
        name: p.name,
        category: p.category,
        mapped: s.mapped,
        answered: s.answered,
        submitted: s.submitted,
        progress: s.progress,
        lastActivity: s.lastActivity?.toISOString() ?? null,
        reminders: {
          count: days.size,
          lastAt: last ? (last.sent_at ?? last.created_at).toISOString() : null,
          lastSent: last !== undefined && last.sent_at !== null,
        },
        addresses: recipients.filter((r) => r.partnerId === p.id).length,
      },
    ];
  });
  const collecting = cycle.state === "collection";
  const late = rows.filter((r) => !hasResponded(r.progress));
  const numberOf = new Map(commitments.map((c) => [c.id, c.number]));
  const perIndicator = new Map(
    indicatorRates(
      progress.mappings,
      progress.answers.map((a) => ({
        partnerId: a.partner_id,
        indicatorId: a.indicator_id,
        state: a.state as ResponseState,
      })),
    ).map((r) => [r.indicatorId, r]),
  );
  return {
    cycle: { slug: cycle.slug, label: cycle.label, state: cycle.state, deadline: cycle.deadline },
    groups: PARTNER_CATEGORIES.map((category) => ({
      category,
      partners: rows
        .filter((r) => r.category === category)
        .sort((a, b) => a.shortName.localeCompare(b.shortName, "fr")),
    })).filter((g) => g.partners.length > 0),
    rates: responseRates(rows),
    // Indicators come in commitment order from listIndicators; only those asked about are shown.
    indicators: indicators.flatMap((i) => {
      const r = perIndicator.get(i.id);
      return r
        ? [{ number: indicatorNumber(numberOf.get(i.commitmentId) ?? 0, i), title: i.title, ...r }]
        : [];
    }),
    nextReminder:
      collecting && cycle.deadline ? nextReminderDay(cycle.deadline, utcDay(now)) : null,
    late: late.length,
    lateWithoutAddress: late.filter((r) => r.addresses === 0).length,
    canRemind: collecting && can(actor, "cycle.setup"),
  };
}

export interface WhatsappLink {
  url: string;
  partner: string;
  partnerSlug: string;
  cycleSlug: string;
  /** In French: the message partners receive in the field is French. */
  cycleLabel: string;
  deadline: string | null;
}

/** A new single-use link for a partner, to paste into a WhatsApp message (no e-mail is sent). */
export async function whatsappLink(
  db: Db,
  actor: Actor,
  input: { cycleSlug: string; partnerSlug: string; baseUrl: string },
): Promise<WhatsappLink> {
  const created = await createInvitation(
    db,
    actor,
    { ...input, email: null },
    // Never called: without an address no e-mail is composed.
    () => ({ subject: "", body: "" }),
    "fr",
  );
  const cycle = await cycleRecord(db, input.cycleSlug, "fr");
  return {
    url: created.url,
    partner: created.partnerName,
    partnerSlug: input.partnerSlug,
    cycleSlug: cycle.slug,
    cycleLabel: cycle.label,
    deadline: cycle.deadline,
  };
}
