// The one access check every service starts with, built on the policy of domain/shared/policy.ts:
// a refusal is the problem the HTTP layer turns into 401, 403 or, where the thing must not be
// seen to exist, the caller's own not-found problem.
import { type Action, type Actor, can, type Scope } from "../../domain/shared/policy.ts";
import { Problem } from "../../domain/shared/problem.ts";

export interface Refusal {
  /** What an anonymous actor is told is refused (the action itself unless said otherwise). */
  subject?: string;
  /** Thrown instead of "forbidden" when a refused actor must not learn the thing exists. */
  hidden?: Problem;
}

/**
 * Throws unless the actor may do the action in the scope: "unauthenticated" for a visitor who
 * has not signed in, else `hidden` when given, else "forbidden".
 */
export function authorise(
  actor: Actor,
  action: Action,
  scope: Scope = {},
  refusal: Refusal = {},
): void {
  if (can(actor, action, scope)) return;
  if (actor.kind === "anonymous") throw new Problem("unauthenticated", refusal.subject ?? action);
  throw refusal.hidden ?? new Problem("forbidden", action);
}

/**
 * Refuses a visitor who has not signed in, before anything is looked up: what they asked for
 * is neither found nor missing to them. The scoped check comes once the scope is known.
 */
export function requireSignedIn(actor: Actor, subject: string): void {
  if (actor.kind === "anonymous") throw new Problem("unauthenticated", subject);
}

/**
 * Whether the actor writes answers for any partner (by interview) rather than for its own:
 * the response.write right without a scope is held only by those not bound to one partner.
 */
export function writesForAnyPartner(actor: Actor): boolean {
  return can(actor, "response.write");
}
