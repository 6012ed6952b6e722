// Which answers a cycle publishes: one rule for the public pages, every report format and the
// XLSX annex, so that none of them prints an answer another one hides.
import { isEmptyAnswer, type Response } from "./response.ts";

type Content = Parameters<typeof isEmptyAnswer>[0];

/** Sent by the partner and not sent back (submitted or validated), with something in it. */
export function isPublishedAnswer(a: Content & Pick<Response, "state">): boolean {
  return (a.state === "submitted" || a.state === "validated") && !isEmptyAnswer(a);
}

/**
 * A published answer that is listed as the partner's contribution to the indicator: every
 * published answer except a "no" (a partner that did not contribute is not a contribution).
 */
export function isPublishedContribution(a: Content & Pick<Response, "state">): boolean {
  return isPublishedAnswer(a) && a.contributes !== "no";
}

/**
 * A published "yes", told from its state alone: a "yes" is never empty, so a submitted or
 * validated one is published whatever else it holds. Views that count contributors read only
 * these two columns instead of every answer's content.
 */
export function isPublishedYes(a: Pick<Response, "state" | "contributes">): boolean {
  return a.contributes === "yes" && (a.state === "submitted" || a.state === "validated");
}
