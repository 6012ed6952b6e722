// Following a collection cycle: each partner's progress, response rates, and the reminder calendar.
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

export interface Rate {
  responded: number;
  asked: number;
  /** Between 0 and 1; null when nobody was asked. */
  rate: number | null;
}

function rateOf(items: readonly { progress: Progress }[]): Rate {
  const responded = items.filter((i) => hasResponded(i.progress)).length;
  return {
    responded,
    asked: items.length,
    rate: items.length === 0 ? null : responded / items.length,
  };
}

/** The response rate over the partners asked, overall and per category (report order). */
export function responseRates(
  partners: readonly { category: PartnerCategory; progress: Progress }[],
): {
  overall: Rate;
  byCategory: ({ category: PartnerCategory } & Rate)[];
} {
  return {
    overall: rateOf(partners),
    byCategory: PARTNER_CATEGORIES.map((category) => ({
      category,
      ...rateOf(partners.filter((p) => p.category === category)),
    })).filter((r) => r.asked > 0),
  };
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
