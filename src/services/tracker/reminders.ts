// Reminders to partners that have not answered: on demand (one partner, or every late one) and
// on schedule before each partner's last day (the cycle's deadline, or its extension); the
// outbox they go through; and the timer that drives both.
// Each reminder carries a new single-use link. A unique key per partner per day keeps a second
// click, a second instance or a rerun from sending twice; the scheduled run also takes a lock.

import type { Executor } from "../../db/shared/audit.ts";
import { insertMailAudited, listMail, MAX_ATTEMPTS } from "../../db/shared/outbox.ts";
import { listExtensions } from "../../db/tracker/collection.ts";
import { findCycleRecord } from "../../db/tracker/cycles.ts";
import { listPartners, type StoredPartner } from "../../db/tracker/partners.ts";
import {
  listCollectingCycles,
  listRecipients,
  tryReminderLock,
} from "../../db/tracker/tracking.ts";
import { type Bilingual, DEFAULT_LANG, inLang, type Lang, pick } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel, can } from "../../domain/shared/policy.ts";
import { notFound, Problem } from "../../domain/shared/problem.ts";
import { partnerCollects, partnerDeadline } from "../../domain/tracker/collection.ts";
import type { CycleState } from "../../domain/tracker/cycle.ts";
import { partnerShortName } from "../../domain/tracker/partner.ts";
import {
  hasResponded,
  isReminderDay,
  REMINDER_OFFSETS,
  reminderKey,
  utcDay,
} from "../../domain/tracker/tracking.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import { type JobRegistry, type Schedule, startJobSchedule } from "../shared/jobs.ts";
import type { Log } from "../shared/log.ts";
import {
  type DeliveryReport,
  deliverPending,
  LINK_TOKEN,
  type Mailer,
  mailJobs,
} from "../shared/mail.ts";
import { loadTracker } from "./context.ts";
import { invitationLinks } from "./invitations.ts";
import { progressByPartner } from "./tracking.ts";

/**
 * Composes a reminder in the recipient's language from the new link, the partner's short name,
 * the cycle and its deadline.
 */
export type ReminderMessage = (
  lang: Lang,
  o: {
    url: string;
    partner: string;
    cycle: string;
    deadline: string | null;
  },
) => { subject: string; body: string };

export type ReminderOutcome = "queued" | "already" | "no_address" | "responded";

export interface ReminderTally {
  queued: number;
  already: number;
  noAddress: number;
}

interface TargetCycle {
  id: number;
  label: Bilingual;
  state: CycleState;
  deadline: string | null;
  trackerId: number;
}

interface Target {
  cycle: TargetCycle;
  by: string;
  day: string;
  baseUrl: string;
  message: ReminderMessage;
}

/**
 * Queues one message per address, each to get its own link when sent (a link works once). The first
 * address's message carries the day's key: if it is taken, the partner was reminded today and
 * nothing is written (the transaction waits for a concurrent one holding the key, then yields).
 */
async function remindPartner(
  trx: Executor,
  t: Target,
  partner: StoredPartner & { deadline: string | null },
  recipients: readonly { email: string; lang: Lang }[],
): Promise<ReminderOutcome> {
  if (recipients.length === 0) return "no_address";
  const key = reminderKey(t.cycle.id, partner.id, t.day);
  for (const [i, { email, lang }] of recipients.entries()) {
    // The link's token is made when the message is sent (mail.ts), so none is stored here.
    const url = `${t.baseUrl}/i/${LINK_TOKEN}`;
    const m = t.message(lang, {
      url,
      partner: partnerShortName(inLang(partner, lang, "name")),
      cycle: pick(t.cycle.label, lang),
      deadline: partner.deadline,
    });
    const id = await insertMailAudited(trx, t.by, {
      recipient: email,
      subject: m.subject,
      body: m.body,
      kind: "reminder",
      cycleId: t.cycle.id,
      partnerId: partner.id,
      dedupeKey: i === 0 ? key : `${key}#${email}`,
    });
    if (id === null && i === 0) return "already";
  }
  return "queued";
}

/**
 * Reminds the partners of the cycle still asked for answers (the cycle collects, or their
 * extension runs) that have not responded: those `pick` keeps, each with its own last day.
 * A partner asked in the cycle but no longer collecting is listed in `closed`.
 */
async function remindLate(
  trx: Executor,
  t: Target,
  pick: (p: { id: number; deadline: string | null }) => boolean = () => true,
): Promise<ReminderTally & { outcomes: Map<number, ReminderOutcome>; closed: Set<number> }> {
  const [states, partners, recipients, extensions] = await Promise.all([
    progressByPartner(trx, t.cycle.id),
    listPartners(trx, t.cycle.trackerId),
    listRecipients(trx, t.cycle.id),
    listExtensions(trx, t.cycle.id),
  ]);
  const until = new Map(extensions.map((e) => [e.partnerId, e.until]));
  const tally = {
    queued: 0,
    already: 0,
    noAddress: 0,
    outcomes: new Map<number, ReminderOutcome>(),
    closed: new Set<number>(),
  };
  for (const p of partners) {
    const state = states.get(p.id);
    if (!state) continue;
    const extendedUntil = until.get(p.id) ?? null;
    const deadline = partnerDeadline(t.cycle.state, t.cycle.deadline, extendedUntil);
    if (!pick({ id: p.id, deadline })) continue;
    if (!partnerCollects({ cycleState: t.cycle.state, extendedUntil, today: t.day })) {
      tally.closed.add(p.id);
      continue;
    }
    let outcome: ReminderOutcome = "responded";
    if (!hasResponded(state.progress)) {
      const to = recipients.filter((r) => r.partnerId === p.id);
      outcome = await remindPartner(trx, t, { ...p, deadline }, to);
    }
    tally.outcomes.set(p.id, outcome);
    if (outcome === "queued") tally.queued += 1;
    if (outcome === "already") tally.already += 1;
    if (outcome === "no_address") tally.noAddress += 1;
  }
  return tally;
}

/**
 * The cycle as reminders need it; reminders are only sent while answers are collected: the
 * cycle's collection, or in validation the partners whose extension runs (remindLate checks).
 */
async function collectingTarget(trx: Executor, slug: string): Promise<TargetCycle> {
  // Both languages of the label are kept: each recipient reads the reminder in its own.
  const tracker = await loadTracker(trx, DEFAULT_LANG);
  const cycle = await findCycleRecord(trx, tracker.id, slug);
  if (!cycle) throw notFound("cycle", slug);
  if (cycle.state !== "collection" && cycle.state !== "validation") {
    throw new Problem("conflict", "cycle_state", { state: cycle.state });
  }
  return cycle;
}

export interface ReminderRequest {
  cycleSlug: string;
  baseUrl: string;
  now?: Date;
}

/** "Relancer": reminds one partner now, unless it has responded or was reminded today. */
export async function remindPartnerNow(
  db: Db,
  actor: Actor,
  input: ReminderRequest & { partnerSlug: string },
  message: ReminderMessage,
): Promise<{ outcome: ReminderOutcome; partner: string }> {
  authorise(actor, "cycle.setup");
  return db.transaction().execute(async (trx) => {
    const cycle = await collectingTarget(trx, input.cycleSlug);
    const partners = await listPartners(trx, cycle.trackerId);
    const partner = partners.find((p) => p.slug === input.partnerSlug);
    if (!partner) throw notFound("partner", input.partnerSlug);
    const target = targetOf(cycle, actorLabel(actor), input, message);
    const tally = await remindLate(trx, target, (p) => p.id === partner.id);
    if (tally.closed.has(partner.id))
      throw new Problem("conflict", "cycle_state", { state: cycle.state });
    const outcome = tally.outcomes.get(partner.id);
    // A partner the cycle does not ask anything is not part of its tracking.
    if (!outcome) throw notFound("partner", input.partnerSlug);
    // The coordinator's notice names the partner in French, like every workspace page.
    return { outcome, partner: partnerShortName(inLang(partner, "fr", "name")) };
  });
}

/** "Relancer tous les retardataires": every partner that has not responded, once today. */
export async function remindAllLate(
  db: Db,
  actor: Actor,
  input: ReminderRequest,
  message: ReminderMessage,
): Promise<ReminderTally> {
  authorise(actor, "cycle.setup");
  return db.transaction().execute(async (trx) => {
    const cycle = await collectingTarget(trx, input.cycleSlug);
    const { queued, already, noAddress } = await remindLate(
      trx,
      targetOf(cycle, actorLabel(actor), input, message),
    );
    return { queued, already, noAddress };
  });
}

function targetOf(
  cycle: TargetCycle,
  by: string,
  input: ReminderRequest,
  message: ReminderMessage,
): Target {
  return { cycle, by, day: utcDay(input.now ?? new Date()), baseUrl: input.baseUrl, message };
}

export interface ScheduledRun extends ReminderTally {
  /** False when another instance held the lock and this run did nothing. */
  ran: boolean;
  /** Cycles where it was some partner's reminder day. */
  cycles: number;
}

/**
 * The scheduled reminders: on the days REMINDER_OFFSETS before a partner's last day (the
 * cycle's deadline, or its extension's day, also once the cycle is in validation), the partner
 * is reminded unless it has responded. Safe to run as often as wanted, from any number
 * of instances: the advisory lock keeps runs apart, the day's keys make reruns queue nothing.
 */
export async function runScheduledReminders(
  db: Db,
  now: Date,
  o: { baseUrl: string; message: ReminderMessage; offsets?: readonly number[] },
): Promise<ScheduledRun> {
  const run: ScheduledRun = { ran: false, cycles: 0, queued: 0, already: 0, noAddress: 0 };
  return db.transaction().execute(async (trx) => {
    if (!(await tryReminderLock(trx))) return run;
    run.ran = true;
    const day = utcDay(now);
    const due = (deadline: string | null) =>
      deadline !== null && isReminderDay(deadline, day, o.offsets ?? REMINDER_OFFSETS);
    for (const c of await listCollectingCycles(trx)) {
      // Every partner's last day is the cycle's deadline or its extension's: when none of
      // them is due today, the cycle's answers need not be read.
      const extensions = await listExtensions(trx, c.id);
      if (!due(c.deadline) && !extensions.some((e) => due(e.until))) continue;
      const cycle = await collectingTarget(trx, c.slug);
      const target = { cycle, by: "system:reminders", day, baseUrl: o.baseUrl, message: o.message };
      const tally = await remindLate(trx, target, (p) => due(p.deadline));
      if (tally.outcomes.size === 0) continue;
      run.cycles += 1;
      run.queued += tally.queued;
      run.already += tally.already;
      run.noAddress += tally.noAddress;
    }
    return run;
  });
}

/** Link tokens in a message shown on screen: the outbox page must not hand out live links. */
export function redactTokens(body: string): string {
  return body
    .replaceAll(LINK_TOKEN, "…")
    .replace(/\/(i|password\/reset)\/[A-Za-z0-9_-]{16,}/g, "/$1/…");
}

export interface OutboxMessage {
  id: number;
  /** Null for those who may not see respondents' addresses (contacts.read). */
  recipient: string | null;
  subject: string;
  kind: string;
  state: "queued" | "sent" | "failed";
  attempts: number;
  /** After this many failures the message is not tried again. */
  maxAttempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** The text, with link tokens hidden. */
  body: string;
}

export async function outboxView(
  db: Db,
  actor: Actor,
  o: { mailer: boolean; limit?: number },
): Promise<{ messages: OutboxMessage[]; mailer: boolean; canSend: boolean }> {
  authorise(actor, "workspace.read");
  const rows = await listMail(db, { limit: o.limit ?? 100 });
  const contacts = can(actor, "contacts.read");
  // A mail server's error often quotes the address it refused.
  const hide = (text: string, address: string) => (contacts ? text : text.split(address).join("…"));
  return {
    mailer: o.mailer,
    canSend: o.mailer && can(actor, "cycle.setup"),
    messages: rows.map((r) => ({
      id: r.id,
      recipient: contacts ? r.recipient : null,
      subject: hide(r.subject, r.recipient),
      kind: r.kind,
      state: r.sent_at ? "sent" : r.attempts > 0 ? "failed" : "queued",
      attempts: r.attempts,
      maxAttempts: MAX_ATTEMPTS,
      lastError: r.last_error === null ? null : hide(r.last_error, r.recipient),
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
      body: hide(redactTokens(r.body), r.recipient),
    })),
  };
}

/** "Envoyer maintenant": delivers what is queued, when a mailer is configured. */
export async function sendOutboxNow(
  db: Db,
  actor: Actor,
  mailer: Mailer | undefined,
): Promise<DeliveryReport> {
  authorise(actor, "cycle.setup");
  if (!mailer) throw new Problem("conflict", "mailer");
  return deliverPending(db, mailer, invitationLinks);
}

/** The job that runs the scheduled reminders (under their own advisory lock). */
export const REMINDERS_JOB = "reminders.run";

export interface ReminderJobOptions {
  baseUrl: string;
  message: ReminderMessage;
  log: Log;
}

/** The reminder jobs: the day's scheduled reminders, as runScheduledReminders decides them. */
export function reminderJobs(o: ReminderJobOptions): JobRegistry {
  return {
    // The job's own logger: its lines carry the job's id and kind.
    [REMINDERS_JOB]: async ({ db, log }) => {
      const run = await runScheduledReminders(db, new Date(), o);
      if (run.queued > 0) log.info({ queued: run.queued }, "reminders queued");
      return run;
    },
  };
}

/**
 * Runs the scheduled reminders, then delivers the outbox when a mailer exists, every `everyMs`,
 * as jobs (so that one instance at a time runs each). The timer does not keep the process
 * alive; stop() waits for a run in progress to finish.
 */
export function startReminderSchedule(
  db: Db,
  o: ReminderJobOptions & {
    everyMs: number;
    /** Delay before the first run (a server restarted often still gets its runs). */
    firstMs?: number;
    mailer?: Mailer | undefined;
    /** Other kinds this process runs when they are due (queued by whoever needs them). */
    jobs?: JobRegistry;
    /** Other recurring kinds, queued at each run before the delivery (other parts' reminders). */
    recurring?: JobRegistry;
  },
): Schedule {
  const recurring = {
    ...reminderJobs(o),
    ...o.recurring,
    ...mailJobs(o.mailer, invitationLinks),
  };
  return startJobSchedule(db, {
    everyMs: o.everyMs,
    firstMs: o.firstMs,
    registry: { ...o.jobs, ...recurring },
    recurring: Object.keys(recurring),
    log: o.log,
  });
}
