// Logging in and out, sessions, lockout after repeated failures, password reset, disabling users.

import {
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  revokeInvitations,
} from "../db/sessions.ts";
import {
  clearLoginFailures,
  consumePasswordReset,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  recordLoginFailure,
  updateUser,
} from "../db/users.ts";
import {
  LOCKOUT,
  normaliseEmail,
  passwordProblem,
  SESSION_DAYS,
  shouldLock,
} from "../domain/account.ts";
import { type Actor, isRole } from "../domain/policy.ts";
import { Problem } from "../domain/problem.ts";
import type { Db } from "./db.ts";
import { enqueueMail, LINK_TOKEN } from "./mail.ts";
import { DECOY_HASH, hashPassword, newToken, tokenHash, verifyPassword } from "./secrets.ts";

export interface NewSession {
  token: string;
  csrfToken: string;
}

export async function openSession(
  db: Db,
  owner: { userId: number } | { invitationId: number },
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  await insertSession(db, {
    idHash: tokenHash(token),
    userId: "userId" in owner ? owner.userId : null,
    invitationId: "invitationId" in owner ? owner.invitationId : null,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000),
  });
  return { token, csrfToken };
}

export type LoginResult = { ok: true; session: NewSession; role: string } | { ok: false };

/**
 * One answer for every failure — unknown address, wrong password, locked or disabled account —
 * so that the form never tells whether an account exists.
 */
export async function login(db: Db, email: string, password: string): Promise<LoginResult> {
  const user = await findUserByEmail(db, normaliseEmail(email));
  if (!user?.password_hash) {
    await verifyPassword(password, DECOY_HASH);
    return { ok: false };
  }
  const locked = user.locked_until !== null && user.locked_until.getTime() > Date.now();
  const valid = await verifyPassword(password, user.password_hash);
  if (locked || user.disabled_at !== null) return { ok: false };
  if (!valid) {
    const failures = await recordLoginFailure(db, user.id);
    if (shouldLock(failures)) {
      await updateUser(db, "system:lockout", user.id, {
        locked_until: new Date(Date.now() + LOCKOUT.lockMinutes * 60_000),
      });
      await clearLoginFailures(db, user.id);
    }
    return { ok: false };
  }
  await clearLoginFailures(db, user.id);
  // A new session id at every login: nothing from before the login is reused.
  return { ok: true, session: await openSession(db, { userId: user.id }), role: user.role };
}

export async function logout(db: Db, token: string): Promise<void> {
  await deleteSession(db, tokenHash(token));
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/** The actor behind a session cookie; disabled users and dead links resolve to nothing. */
export async function resolveSession(db: Db, token: string): Promise<ResolvedSession | null> {
  const found = await findSession(db, tokenHash(token));
  if (!found) return null;
  if (found.user) {
    if (found.user.disabled || !isRole(found.user.role)) return null;
    return {
      csrfToken: found.csrfToken,
      actor: {
        kind: "user",
        userId: found.user.id,
        role: found.user.role,
        partnerId: found.user.partnerId,
        name: found.user.name,
      },
    };
  }
  const inv = found.invitation;
  // An invitation's session lasts while its cycle collects answers and the link is not revoked.
  if (!inv || inv.revoked || inv.cycleState !== "collection") return null;
  return {
    csrfToken: found.csrfToken,
    actor: {
      kind: "invitation",
      invitationId: inv.id,
      cycleId: inv.cycleId,
      partnerId: inv.partnerId,
    },
  };
}

/** Queues a reset link when the account exists; says nothing either way. */
export async function requestPasswordReset(
  db: Db,
  email: string,
  baseUrl: string,
  message: (url: string) => { subject: string; body: string },
): Promise<void> {
  const user = await findUserByEmail(db, normaliseEmail(email));
  if (!user || user.disabled_at !== null) return;
  // The reset token is made when the message is sent (mail.ts): the outbox keeps none.
  const { subject, body } = message(`${baseUrl}/password/reset/${LINK_TOKEN}`);
  await enqueueMail(db, { recipient: user.email, subject, body, kind: "password_reset" });
}

export async function resetPassword(db: Db, token: string, password: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const userId = await consumePasswordReset(trx, tokenHash(token));
    if (userId === undefined) throw new Problem("invalid_input", "token");
    const user = await findUserById(trx, userId);
    if (!user) throw new Problem("invalid_input", "token");
    const problem = passwordProblem(password, user.email);
    if (problem) throw new Problem("invalid_input", "password", { reason: problem });
    await updateUser(trx, `user:${userId}`, userId, {
      password_hash: await hashPassword(password),
      locked_until: null,
    });
    // A new password ends every session opened with the old one.
    await deleteUserSessions(trx, userId);
  });
}

/** Disabling a user ends all their sessions and invitation links at once. */
export async function disableUser(db: Db, actor: string, userId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new Problem("not_found", "user", { id: userId });
    await updateUser(trx, actor, userId, { disabled_at: new Date() });
    await deleteUserSessions(trx, userId);
    await revokeInvitations(trx, actor, { email: user.email });
  });
}

/** A link to choose a password, for an account created without one (first administrator). */
export async function createPasswordSetupLink(
  db: Db,
  userId: number,
  baseUrl: string,
): Promise<string> {
  const token = newToken();
  await insertPasswordReset(db, {
    tokenHash: tokenHash(token),
    userId,
    expiresAt: new Date(Date.now() + 24 * 3600 * 1000),
  });
  return `${baseUrl}/password/reset/${token}`;
}
