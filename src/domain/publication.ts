// Which answers a cycle publishes: one rule for the public pages, every report format and the
// XLSX annex, so that none of them prints an answer another one hides.
import type { Response } from "./response.ts";

type Content = Pick<
  Response,
  | "contributes"
  | "activities"
  | "collaboratorIds"
  | "collaboratorsText"
  | "difficulties"
  | "outputs"
  | "evidence"
>;

const blank = (text: string | null) => text === null || text.trim() === "";

/** An answer with nothing in it: no yes or no, no text, no partner, no figure, no document. */
export function answerIsEmpty(a: Content): boolean {
  return (
    a.contributes === "unknown" &&
    blank(a.activities) &&
    a.collaboratorIds.length === 0 &&
    blank(a.collaboratorsText) &&
    blank(a.difficulties) &&
    a.outputs.length === 0 &&
    a.evidence.length === 0
  );
}

/** Sent by the partner and not sent back (submitted or validated), with something in it. */
export function isPublishedAnswer(a: Content & Pick<Response, "state">): boolean {
  return (a.state === "submitted" || a.state === "validated") && !answerIsEmpty(a);
}

/**
 * A published answer that is listed as the partner's contribution to the indicator: every
 * published answer except a "no" (a partner that did not contribute is not a contribution).
 */
export function isPublishedContribution(a: Content & Pick<Response, "state">): boolean {
  return isPublishedAnswer(a) && a.contributes !== "no";
}
