// Following a collection cycle: each partner's progress, response rates (per answer, partner,
// category and indicator), and the reminder calendar.
import { PARTNER_CATEGORIES, type PartnerCategory } from "./partner.ts";
import type { ResponseState } from "./response.ts";

export const PROGRESS = ["not_started", "in_progress", "submitted", "validated"] as const;
export type Progress = (typeof PROGRESS)[number];

/**
 * A partner's progress from the states of its answers: nothing yet; something still open (a draft,
 * an answer sent back, an indicator without answer); everything submitted; everything validated.
 */
export function partnerProgress(mapped: number, states: readonly ResponseState[]): Progress {
  if (states.length === 0) return "not_started";
  if (states.length < mapped) return "in_progress";
  if (states.some((s) => s === "draft" || s === "returned")) return "in_progress";
  return states.every((s) => s === "validated") ? "validated" : "submitted";
}

/** Submitted or validated: the partner has answered and is not chased any more. */
export function hasResponded(progress: Progress): boolean {
  return progress === "submitted" || progress === "validated";
}

/** Late: not responded once its own last day (the cycle's deadline or its extension) has passed. */
export function isOverdue(progress: Progress, deadline: string | null, today: string): boolean {
  return !hasResponded(progress) && deadline !== null && today > deadline;
}

/** Submitted or validated: an answer that counts towards the response rate. */
export function isSubmitted(state: ResponseState): boolean {
  return state === "submitted" || state === "validated";
}

export interface Rate {
  /** Answers submitted (or validated): a partner that sent 2 of its 3 counts for 2. */
  submitted: number;
  /** Answers asked for: one per partner × indicator mapped. */
  asked: number;
  /** submitted / asked, between 0 and 1; null when nothing was asked. */
  rate: number | null;
  /** Partners that have submitted every answer asked of them, and partners asked. */
  partnersResponded: number;
  partnersAsked: number;
}

function rateOf(items: readonly { progress: Progress; mapped: number; submitted: number }[]): Rate {
  const submitted = items.reduce((sum, i) => sum + i.submitted, 0);
  const asked = items.reduce((sum, i) => sum + i.mapped, 0);
  return {
    submitted,
    asked,
    rate: asked === 0 ? null : submitted / asked,
    partnersResponded: items.filter((i) => hasResponded(i.progress)).length,
    partnersAsked: items.length,
  };
}

/**
 * Response rates over the answers asked for (partial answers count: a partner that submitted 2
 * of 3 is not 0 %), overall and per category in report order; each also says how many partners
 * have submitted everything.
 */
export function responseRates(
  partners: readonly {
    category: PartnerCategory;
    progress: Progress;
    mapped: number;
    submitted: number;
  }[],
): {
  overall: Rate;
  byCategory: ({ category: PartnerCategory } & Rate)[];
} {
  return {
    overall: rateOf(partners),
    byCategory: PARTNER_CATEGORIES.map((category) => ({
      category,
      ...rateOf(partners.filter((p) => p.category === category)),
    })).filter((r) => r.partnersAsked > 0),
  };
}

export interface IndicatorRate {
  indicatorId: number;
  /** Partners asked about the indicator that have submitted their answer to it. */
  submitted: number;
  asked: number;
  rate: number | null;
}

/** Per indicator: how many of the partners asked about it have submitted an answer. */
export function indicatorRates(
  mappings: readonly { partnerId: number; indicatorId: number }[],
  answers: readonly { partnerId: number; indicatorId: number; state: ResponseState }[],
): IndicatorRate[] {
  const done = new Set(
    answers.filter((a) => isSubmitted(a.state)).map((a) => `${a.partnerId}:${a.indicatorId}`),
  );
  const byIndicator = new Map<number, { submitted: number; asked: number }>();
  for (const m of mappings) {
    const r = byIndicator.get(m.indicatorId) ?? { submitted: 0, asked: 0 };
    r.asked += 1;
    if (done.has(`${m.partnerId}:${m.indicatorId}`)) r.submitted += 1;
    byIndicator.set(m.indicatorId, r);
  }
  return [...byIndicator].map(([indicatorId, r]) => ({
    indicatorId,
    ...r,
    rate: r.asked === 0 ? null : r.submitted / r.asked,
  }));
}

/** Scheduled reminders go out this many days before the deadline (UTC calendar days). */
export const REMINDER_OFFSETS: readonly number[] = [7, 3, 1];

const DAY_MS = 24 * 3600 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC calendar date of an instant, as YYYY-MM-DD. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function dayNumber(iso: string): number {
  if (!ISO_DATE.test(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** Whole days from `today` to `deadline` (negative once it has passed). */
export function daysUntil(deadline: string, today: string): number {
  return dayNumber(deadline) - dayNumber(today);
}

export function isReminderDay(
  deadline: string,
  today: string,
  offsets: readonly number[] = REMINDER_OFFSETS,
): boolean {
  return offsets.includes(daysUntil(deadline, today));
}

/** The next day (today included) on which scheduled reminders go out, or null when none is left. */
export function nextReminderDay(
  deadline: string,
  today: string,
  offsets: readonly number[] = REMINDER_OFFSETS,
): string | null {
  const left = daysUntil(deadline, today);
  const ahead = offsets.filter((o) => o <= left).sort((a, b) => b - a);
  const first = ahead[0];
  if (first === undefined) return null;
  return new Date((dayNumber(deadline) - first) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The key that makes a reminder unique: one per partner per cycle per UTC day, whether it was
 * scheduled or asked for, and however many instances run.
 */
export function reminderKey(cycleId: number, partnerId: number, day: string): string {
  return `reminder:${cycleId}:${partnerId}:${day}`;
}
