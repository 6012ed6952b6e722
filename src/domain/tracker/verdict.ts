// A commitment's verdict: the rule that turns its indicators' statuses into one light, and the
// verdict a validation meeting may record instead, with its reason. Plain functions, no I/O.
import { STATUSES, type Status } from "./status.ts";

/**
 * The rule, as the methodology states it: no indicator assessed → not assessed; one indicator
 * off track → off track; every indicator achieved → achieved; otherwise (green and yellow, or
 * some not assessed yet) → on track.
 */
export function commitmentVerdict(statuses: readonly Status[]): Status {
  const assessed = statuses.filter((s) => s !== "not_assessed");
  if (assessed.length === 0) return "not_assessed";
  if (assessed.includes("off_track")) return "off_track";
  if (assessed.length === statuses.length && assessed.every((s) => s === "achieved"))
    return "achieved";
  return "on_track";
}

/** A verdict the validation meeting recorded for a commitment, replacing the computed one. */
export interface RecordedVerdict {
  status: Status;
  reason: string;
}

export interface Verdict {
  /** The verdict the report prints and counts: the recorded one when there is one. */
  status: Status;
  /** What the rule gives from the indicators' statuses. */
  computed: Status;
  /** The meeting's reason, when it recorded a verdict different from the computed one. */
  reason: string | null;
}

/**
 * The commitment's verdict: the rule's, unless the meeting recorded another; a recorded verdict
 * equal to the rule's is the rule's (no reason to print).
 */
export function validatedVerdict(
  statuses: readonly Status[],
  recorded: RecordedVerdict | null | undefined,
): Verdict {
  const computed = commitmentVerdict(statuses);
  if (!recorded || recorded.status === computed)
    return { status: computed, computed, reason: null };
  return { status: recorded.status, computed, reason: recorded.reason };
}

export function isOverridden(v: Verdict): boolean {
  return v.status !== v.computed;
}

/** The "n of N commitments achieved or on track" figure, from the verdicts the report prints. */
export function countVerdicts(verdicts: readonly Status[]): {
  total: number;
  verdicts: Record<Status, number>;
  onTrackOrBetter: number;
} {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const v of verdicts) counts[v] += 1;
  return {
    total: verdicts.length,
    verdicts: counts,
    onTrackOrBetter: counts.achieved + counts.on_track,
  };
}

/** How long a recorded verdict's reason may be, in each language. */
export const VERDICT_LIMITS = { reason: 2000, reasonEn: 2000 } as const;

/** Where a previous cycle's recommendation stands when the next cycle follows it up. */
export const FOLLOW_UPS = ["done", "in_progress", "not_started"] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

export function isFollowUp(value: string): value is FollowUp {
  return (FOLLOW_UPS as readonly string[]).includes(value);
}
