// Who may do what: the one access policy. Every route asks it; a table-driven test walks every
// route × role. Scoped actions (a partner's answers) also need the partner and cycle in question.
export const ROLES = [
  "admin",
  "coordinator",
  "validator",
  "programme_manager",
  "respondent",
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export type Actor =
  | { kind: "anonymous" }
  | { kind: "user"; userId: number; role: Role; partnerId: number | null; name: string }
  | { kind: "invitation"; invitationId: number; cycleId: number; partnerId: number };

export type Action =
  /** Published pages. */
  | "public.read"
  /** The workspace: cycles in every state, tracking, outbox. */
  | "workspace.read"
  /** Create cycles, map partners, open and close collection, invite, remind. */
  | "cycle.setup"
  /** Publish a cycle, or reopen a published one. */
  | "cycle.publish"
  /** Read one partner's answers (scoped). */
  | "response.read"
  /** Write one partner's answers (scoped): the partner itself, or the coordinator by interview. */
  | "response.write"
  /** Set statuses and narratives, record meetings, send answers back. */
  | "validation.write"
  /** Add, disable and change users. */
  | "user.manage"
  /** See respondents' e-mail addresses (invitations, the outbox): those who write to them. */
  | "contacts.read"
  /** Health data that is not public: data elements, unpublished indicators, facility values. */
  | "health.read"
  /** Import health data and metadata (files, DHIS2 servers), enter values, edit the catalogue. */
  | "health.write"
  /** Programmes, the midwife register, deployments and trainings (contacts included). */
  | "programme.read"
  /** Create and edit programmes, register midwives, deploy them, record their trainings. */
  | "programme.write"
  /** A midwife's contact, a recommendation owner's e-mail, a testimonial without a consent in force, and managing testimonials and their consents. */
  | "programme.private";

export interface Scope {
  cycleId?: number;
  partnerId?: number;
}

const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: [
    "public.read",
    "workspace.read",
    "cycle.setup",
    "cycle.publish",
    "response.read",
    "response.write",
    "validation.write",
    "user.manage",
    "contacts.read",
    "health.read",
    "health.write",
    "programme.read",
    "programme.write",
    "programme.private",
  ],
  coordinator: [
    "public.read",
    "workspace.read",
    "cycle.setup",
    "cycle.publish",
    "response.read",
    "response.write",
    "validation.write",
    "contacts.read",
    "health.read",
    "health.write",
    "programme.read",
    "programme.write",
  ],
  validator: ["public.read", "workspace.read", "response.read", "validation.write", "health.read"],
  programme_manager: [
    "public.read",
    "workspace.read",
    "response.read",
    "health.read",
    "health.write",
    "programme.read",
    "programme.write",
    "programme.private",
  ],
  respondent: ["public.read", "response.read", "response.write"],
};

const SCOPED: readonly Action[] = ["response.read", "response.write"];

export function can(actor: Actor, action: Action, scope: Scope = {}): boolean {
  if (action === "public.read") return true;
  if (actor.kind === "anonymous") return false;
  if (actor.kind === "invitation") {
    // An invitation opens one partner's questionnaire for one cycle, and nothing else.
    return (
      SCOPED.includes(action) &&
      scope.cycleId === actor.cycleId &&
      scope.partnerId === actor.partnerId
    );
  }
  if (!ROLE_ACTIONS[actor.role].includes(action)) return false;
  if (actor.role === "respondent" && SCOPED.includes(action)) {
    return scope.partnerId !== undefined && scope.partnerId === actor.partnerId;
  }
  return true;
}

/**
 * Whether the actor may draw a cycle's report before it is published (a draft, for those who
 * may publish); a published cycle's report is everyone's.
 */
export function seesDraftReports(actor: Actor): boolean {
  return can(actor, "cycle.publish");
}

/** The partner an actor is bound to, if any: lists and exports are limited to it. */
export function boundPartner(actor: Actor): number | null {
  if (actor.kind === "invitation") return actor.partnerId;
  if (actor.kind === "user" && actor.role === "respondent") return actor.partnerId;
  return null;
}

/** Who did it, as the audit log and the responses record it. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === "anonymous") return "anonymous";
  if (actor.kind === "invitation") return `invitation:${actor.invitationId}`;
  return `user:${actor.userId}`;
}

/**
 * Whose writes a browser keeps offline: the account or the invitation link. Not a secret; the
 * questionnaire's outbox is partitioned by it and the API refuses writes queued under another.
 */
export function ownerKey(actor: Actor): string | null {
  if (actor.kind === "invitation") return `i${actor.invitationId}`;
  if (actor.kind === "user") return `u${actor.userId}`;
  return null;
}
