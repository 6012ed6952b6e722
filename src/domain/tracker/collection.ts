// Who may still write a partner's answers, and its link still open its questionnaire: the
// cycle's collection, a collection extended for one partner, and answers sent back in validation.

import { isCalendarDate } from "../shared/input.ts";
import type { CycleState } from "./cycle.ts";
import type { ResponseState } from "./response.ts";

export interface PartnerWindow {
  cycleState: CycleState;
  /** The last day (ISO date, inclusive) of the partner's extended collection, if any. */
  extendedUntil: string | null;
  /** Today as an ISO date (UTC). */
  today: string;
}

/** A collection extended for one partner runs to its last day, while the cycle is in validation. */
export function extensionRuns(w: PartnerWindow): boolean {
  return w.cycleState === "validation" && w.extendedUntil !== null && w.today <= w.extendedUntil;
}

/** Whether the partner is still being asked for answers: the cycle collects, or its extension runs. */
export function partnerCollects(w: PartnerWindow): boolean {
  return w.cycleState === "collection" || extensionRuns(w);
}

/**
 * Whether a partner's link, and the session it opened, still opens its questionnaire: while
 * the partner collects, and in validation while one of its answers is sent back to it.
 */
export function linkOpens(w: PartnerWindow & { returnedAnswers: number }): boolean {
  return partnerCollects(w) || (w.cycleState === "validation" && w.returnedAnswers > 0);
}

/**
 * Whether one answer may be written. Everyone asked writes while the cycle collects; in
 * validation the coordinator may still correct any answer; the partner writes while its
 * extension runs (not an answer already validated), and an answer sent back to it until that
 * answer is validated or the cycle published. Nothing is written in set-up or once published.
 */
export function acceptsAnswer(
  w: PartnerWindow & { byCoordinator: boolean; answerState: ResponseState | null },
): boolean {
  if (w.cycleState === "collection") return true;
  if (w.cycleState !== "validation") return false;
  if (w.byCoordinator || w.answerState === "returned") return true;
  return extensionRuns(w) && w.answerState !== "validated";
}

/**
 * The last day a partner is asked to answer by: its extension's day once the cycle's collection
 * has closed (that is what keeps it asked), otherwise the later of the cycle's deadline and its
 * extension (an extension never shortens the cycle's collection).
 */
export function partnerDeadline(
  cycleState: CycleState,
  cycleDeadline: string | null,
  extendedUntil: string | null,
): string | null {
  if (extendedUntil === null) return cycleDeadline;
  if (cycleState === "validation" || cycleDeadline === null) return extendedUntil;
  return extendedUntil > cycleDeadline ? extendedUntil : cycleDeadline;
}

/** An extension's last day must be a real date, not before today. */
export function isValidExtension(until: string, today: string): boolean {
  return isCalendarDate(until) && until >= today;
}
