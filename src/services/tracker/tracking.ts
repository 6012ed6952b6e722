// The tracking panel of a collection cycle: where each partner stands, response rates, the
// reminders already sent, and a fresh link to hand over by WhatsApp.

import type { Executor } from "../../db/shared/audit.ts";
import { findExtension, listExtensions } from "../../db/tracker/collection.ts";
import { listMappings } from "../../db/tracker/mappings.ts";
import { findPartnerBySlug } from "../../db/tracker/partners.ts";
import { listResponseMeta } from "../../db/tracker/responses.ts";
import { listRecipients, listReminderMail } from "../../db/tracker/tracking.ts";
import { compareFr, groupBy } from "../../domain/shared/group.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, can } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { partnerCollects, partnerDeadline } from "../../domain/tracker/collection.ts";
import { indicatorNumber } from "../../domain/tracker/commitment.ts";
import {
  PARTNER_CATEGORIES,
  type PartnerCategory,
  partnerShortName,
} from "../../domain/tracker/partner.ts";
import type { ResponseState } from "../../domain/tracker/response.ts";
import {
  hasResponded,
  type IndicatorRate,
  indicatorRates,
  isOverdue,
  nextReminderDay,
  PROGRESS,
  type Progress,
  partnerProgress,
  responseRates,
  utcDay,
} from "../../domain/tracker/tracking.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import { commitmentsIn, loadTrackerCycle, partnersIn, processIndicatorsIn } from "./context.ts";
import { cycleRecord } from "./cycles.ts";
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
    listResponseMeta(db, cycleId),
  ]);
  const result = new Map<number, PartnerState>();
  const mapped = new Map<number, number>();
  for (const m of mappings) mapped.set(m.partnerId, (mapped.get(m.partnerId) ?? 0) + 1);
  const answersOf = groupBy(answers, (a) => a.partner_id);
  for (const [partnerId, count] of mapped) {
    const own = answersOf.get(partnerId) ?? [];
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
  /** Its own last day: the cycle's deadline, or its extension's day. */
  deadline: string | null;
  /** Whether its collection was extended beyond the cycle's. */
  extended: boolean;
  /** Still asked for answers today (the cycle collects, or its extension runs). */
  collects: boolean;
  /** Not responded once its own last day has passed. */
  overdue: boolean;
}

/** Partners listed on one page of the tracking panel. */
export const PARTNERS_PER_PAGE = 50;

/** Which page to show: a number, or the page of a partner (where a reminder's redirect lands). */
export type TrackingAt = { page: number } | { partner: string };

export interface TrackingView {
  cycle: { slug: string; label: string; state: string; deadline: string | null };
  /** The partners of this page, by category. */
  groups: { category: PartnerCategory; partners: PartnerTracking[] }[];
  pages: { current: number; count: number };
  /** Partners asked in the cycle at each step, over every page. */
  progressCounts: Record<Progress, number>;
  rates: ReturnType<typeof responseRates>;
  /** Per indicator, in commitment order: partners asked that have submitted their answer. */
  indicators: ({ number: string; title: string } & IndicatorRate)[];
  /** Whether some partner is still asked for answers (the cycle collects, or an extension runs). */
  collecting: boolean;
  /** Next day scheduled reminders go out to a partner still asked, when one is left. */
  nextReminder: string | null;
  /** Partners still asked that have not submitted everything: what "remind all" goes through. */
  late: number;
  /** Partners that have not submitted everything once their own last day has passed. */
  overdue: number;
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
  at: TrackingAt = { page: 1 },
): Promise<TrackingView> {
  authorise(actor, "workspace.read");
  const { tracker, cycle } = await loadTrackerCycle(db, slug, lang);
  const [progress, partners, mail, recipients, commitments, indicators, extensions] =
    await Promise.all([
      loadProgress(db, cycle.id),
      partnersIn(db, tracker.id, lang),
      listReminderMail(db, cycle.id),
      listRecipients(db, cycle.id),
      commitmentsIn(db, tracker.id, lang),
      processIndicatorsIn(db, tracker.id, lang),
      listExtensions(db, cycle.id),
    ]);
  const states = progress.byPartner;
  const today = utcDay(now);
  const until = new Map(extensions.map((e) => [e.partnerId, e.until]));
  const mailOf = groupBy(mail, (m) => m.partner_id);
  const addressesOf = groupBy(recipients, (r) => r.partnerId);
  const rows: PartnerTracking[] = partners.flatMap((p) => {
    const s = states.get(p.id);
    if (!s) return [];
    const own = mailOf.get(p.id) ?? [];
    // Several addresses reminded the same day make one reminder: count the days' keys.
    const days = new Set(own.map((m) => (m.dedupe_key ?? String(m.created_at)).split("#")[0]));
    const last = own.at(-1);
    const extendedUntil = until.get(p.id) ?? null;
    const deadline = partnerDeadline(cycle.state, cycle.deadline, extendedUntil);
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
        addresses: addressesOf.get(p.id)?.length ?? 0,
        deadline,
        extended: deadline !== null && deadline === extendedUntil && deadline !== cycle.deadline,
        collects: partnerCollects({ cycleState: cycle.state, extendedUntil, today }),
        overdue: isOverdue(s.progress, deadline, today),
      },
    ];
  });
  const asked = rows.filter((r) => r.collects);
  const collecting = cycle.state === "collection" || asked.length > 0;
  const late = asked.filter((r) => !hasResponded(r.progress));
  // The first of the days reminders go out before each partner's own last day.
  const nextReminder =
    asked
      .flatMap((r) => (r.deadline ? [nextReminderDay(r.deadline, today)] : []))
      .filter((d) => d !== null)
      .sort()[0] ?? null;
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
  // Pages cut the list in the order it reads: category, then name.
  const listed = PARTNER_CATEGORIES.flatMap((category) =>
    rows.filter((r) => r.category === category).sort((a, b) => compareFr(a.shortName, b.shortName)),
  );
  const count = Math.max(1, Math.ceil(listed.length / PARTNERS_PER_PAGE));
  const current = trackingPageOf(at, count, listed);
  const shown = listed.slice((current - 1) * PARTNERS_PER_PAGE, current * PARTNERS_PER_PAGE);
  const progressCounts = Object.fromEntries(PROGRESS.map((p) => [p, 0])) as Record<
    Progress,
    number
  >;
  for (const r of rows) progressCounts[r.progress] += 1;
  return {
    cycle: { slug: cycle.slug, label: cycle.label, state: cycle.state, deadline: cycle.deadline },
    groups: PARTNER_CATEGORIES.map((category) => ({
      category,
      partners: shown.filter((r) => r.category === category),
    })).filter((g) => g.partners.length > 0),
    pages: { current, count },
    progressCounts,
    rates: responseRates(rows),
    // Indicators come in commitment order from listProcessIndicators; only those asked about are shown.
    indicators: indicators.flatMap((i) => {
      const r = perIndicator.get(i.id);
      return r
        ? [{ number: indicatorNumber(numberOf.get(i.commitmentId) ?? 0, i), title: i.title, ...r }]
        : [];
    }),
    collecting,
    nextReminder,
    late: late.length,
    overdue: rows.filter((r) => r.overdue).length,
    lateWithoutAddress: late.filter((r) => r.addresses === 0).length,
    canRemind: collecting && can(actor, "cycle.setup"),
  };
}

/** The page asked for: out of range is not found; an unknown partner, the first page. */
function trackingPageOf(at: TrackingAt, count: number, listed: { slug: string }[]): number {
  if ("page" in at) {
    if (at.page < 1 || at.page > count) throw notFound("page", String(at.page));
    return at.page;
  }
  const position = listed.findIndex((r) => r.slug === at.partner);
  return position < 0 ? 1 : Math.floor(position / PARTNERS_PER_PAGE) + 1;
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
  const partner = await findPartnerBySlug(db, cycle.trackerId, input.partnerSlug);
  const extendedUntil = partner ? await findExtension(db, cycle.id, partner.id) : null;
  return {
    url: created.url,
    partner: created.partnerName,
    partnerSlug: input.partnerSlug,
    cycleSlug: cycle.slug,
    cycleLabel: cycle.label,
    deadline: partnerDeadline(cycle.state, cycle.deadline, extendedUntil),
  };
}
