// Adding users (first administrator from the CLI, others from the workspace), listing and
// disabling them.

import { findUserByEmail, insertUser, listUsers } from "../../db/shared/users.ts";
import { revokeInvitations } from "../../db/tracker/invitations.ts";
import { findPartnerBySlug } from "../../db/tracker/partners.ts";
import { findDefaultTracker } from "../../db/tracker/trackers.ts";
import {
  emailProblem,
  MAX_EMAIL,
  MAX_PASSWORD,
  MAX_USER_NAME,
  normaliseEmail,
  passwordProblem,
} from "../../domain/shared/account.ts";
import { parseId } from "../../domain/shared/input.ts";
import { type Actor, actorLabel, isRole, type Role } from "../../domain/shared/policy.ts";
import { invalidFields, notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import { disableUserIn } from "../shared/auth.ts";
import type { Db } from "../shared/db.ts";
import { hashPassword } from "../shared/secrets.ts";

export interface NewUserInput {
  email: string;
  name: string;
  role: string;
  partnerSlug?: string | undefined;
  password?: string | undefined;
}

export interface CreatedUser {
  id: number;
  email: string;
  role: Role;
}

/**
 * Adds an account. Every field is checked before anything is refused (`invalidFields`: email
 * required, too long, invalid or taken; name required or too long; role invalid; partner required for a
 * respondent, unknown, or not allowed for another role), so a form shows all its errors at once.
 */
export async function addUser(db: Db, actor: string, input: NewUserInput): Promise<CreatedUser> {
  const email = normaliseEmail(input.email);
  const problems: Record<string, string> = {};
  const emailRefused = emailProblem(input.email);
  if (emailRefused) problems.email = emailRefused;
  if (input.name.trim() === "") problems.name = "required";
  else if (input.name.trim().length > MAX_USER_NAME) problems.name = "too_long";
  if (!isRole(input.role)) problems.role = "invalid";
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, email);
    if (problem) problems.password = problem;
  }
  return db.transaction().execute(async (trx) => {
    if (!problems.email && (await findUserByEmail(trx, email))) problems.email = "taken";
    let partnerId: number | null = null;
    if (input.role === "respondent") {
      const tracker = input.partnerSlug ? await findDefaultTracker(trx) : undefined;
      const partner =
        tracker && input.partnerSlug
          ? await findPartnerBySlug(trx, tracker.id, input.partnerSlug)
          : undefined;
      if (!input.partnerSlug) problems.partner = "required";
      else if (!partner) problems.partner = "invalid";
      partnerId = partner?.id ?? null;
    } else if (input.partnerSlug && isRole(input.role)) {
      problems.partner = "not_allowed";
    }
    if (Object.keys(problems).length > 0)
      throw invalidFields(problems, {
        email: MAX_EMAIL,
        name: MAX_USER_NAME,
        password: MAX_PASSWORD,
      });
    const row = await insertUser(trx, actor, {
      email,
      name: input.name.trim(),
      role: input.role,
      partnerId,
      passwordHash: input.password !== undefined ? await hashPassword(input.password) : null,
    });
    return { id: row.id, email, role: input.role as Role };
  });
}

/** An administrator adds an account from the workspace (`addUser` with who did it). */
export async function addAccount(db: Db, actor: Actor, input: NewUserInput): Promise<CreatedUser> {
  authorise(actor, "user.manage");
  return addUser(db, actorLabel(actor), input);
}

/** An administrator disables an account; an id that names no user is not found. */
export async function disableAccount(db: Db, actor: Actor, rawId: string): Promise<void> {
  authorise(actor, "user.manage");
  const id = parseId(rawId);
  if (id === null) throw notFound("user", rawId.slice(0, 20));
  await disableUser(db, actorLabel(actor), id);
}

export async function getUsers(db: Db, actor: Actor) {
  authorise(actor, "user.manage");
  const rows = await listUsers(db);
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    partnerId: u.partner_id,
    disabled: u.disabled_at !== null,
    hasPassword: u.password_hash !== null,
  }));
}

/** Disabling a user ends all their sessions and invitation links at once. */
export async function disableUser(db: Db, actor: string, userId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { email } = await disableUserIn(trx, actor, userId);
    await revokeInvitations(trx, actor, { email });
  });
}
