// Reporting cycles and their life: set-up, collection, validation, then publication.
import { isCalendarDate } from "./input.ts";

export const CYCLE_STATES = ["setup", "collection", "validation", "published"] as const;

export type CycleState = (typeof CYCLE_STATES)[number];

export interface Cycle {
  id: number;
  slug: string;
  label: string;
  periodStart: string; // ISO date, inclusive
  periodEnd: string; // ISO date, inclusive
  state: CycleState;
  publishedAt: string | null;
}

export function isPublished(cycle: Pick<Cycle, "state">): boolean {
  return cycle.state === "published";
}

/** True when the ISO date range is well formed and ordered. */
export function isValidPeriod(start: string, end: string): boolean {
  // Real days only: Date.parse takes 2023-02-30 (as 2 March), which PostgreSQL refuses.
  if (!isCalendarDate(start) || !isCalendarDate(end)) return false;
  return start <= end;
}

/** The most recent published cycle (by end of period), or undefined. */
export function latestPublished<C extends Pick<Cycle, "state" | "periodEnd">>(
  cycles: readonly C[],
): C | undefined {
  return cycles
    .filter(isPublished)
    .reduce<C | undefined>(
      (best, c) => (!best || c.periodEnd > best.periodEnd ? c : best),
      undefined,
    );
}

/** The moves a cycle may make: forward through the steps, and back from published to validation. */
const TRANSITIONS: Record<CycleState, readonly CycleState[]> = {
  setup: ["collection"],
  collection: ["validation"],
  validation: ["published", "collection"],
  published: ["validation"],
};

export function canTransition(from: CycleState, to: CycleState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Answers may change while collecting; coordinators may still correct them during validation. */
export function acceptsAnswers(state: CycleState, byCoordinator: boolean): boolean {
  return state === "collection" || (byCoordinator && state === "validation");
}

/** Statuses are set during validation (and may be prepared while answers still arrive). */
export function acceptsAssessments(state: CycleState): boolean {
  return state === "collection" || state === "validation";
}
