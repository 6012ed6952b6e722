// Logging in and out, sessions (absolute and idle lifetimes), rate limits and lockout, password
// reset, disabling users. Every sign-in, failure, sign-out and reset request is audited.

import { recordAudit, undone } from "../../db/shared/audit.ts";
import {
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  touchSession,
} from "../../db/shared/sessions.ts";
import { clearThrottle, recordThrottleEvent, throttleWait } from "../../db/shared/throttle.ts";
import {
  consumePasswordReset,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  updateUser,
} from "../../db/shared/users.ts";
import {
  ADDRESS_LOGIN_LIMIT,
  LOCKOUT,
  MAX_EMAIL,
  MAX_PASSWORD,
  normaliseEmail,
  passwordProblem,
  RESET_LIMITS,
  SESSION_DAYS,
  SESSION_IDLE_MINUTES,
  SESSION_TOUCH_SECONDS,
} from "../../domain/shared/account.ts";
import { type Actor, actorLabel, isRole } from "../../domain/shared/policy.ts";
import { invalidFields, Problem } from "../../domain/shared/problem.ts";
import type { Db, Tx } from "./db.ts";
import { enqueueMail, LINK_TOKEN } from "./mail.ts";
import { DECOY_HASH, hashPassword, newToken, tokenHash, verifyPassword } from "./secrets.ts";

export interface NewSession {
  token: string;
  csrfToken: string;
}

/** Where a request comes from: its client address, when the server knows it. */
export interface Client {
  address: string | null;
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

export type LoginResult =
  | { ok: true; session: NewSession; role: string }
  /** retryAfter (seconds) when the address or the client is locked out for now. */
  | { ok: false; retryAfter?: number };

const BUCKET = {
  loginAccount: "login:account",
  loginAddress: "login:address",
  resetAccount: "reset:account",
  resetAddress: "reset:address",
} as const;

/** The typed address as a key: known or not, it counts alike, so a lock reveals nothing. */
function accountKey(email: string): string {
  return normaliseEmail(email).slice(0, 320);
}

async function loginWait(db: Db, key: string, client: Client): Promise<number> {
  const account = await throttleWait(
    db,
    BUCKET.loginAccount,
    key,
    LOCKOUT.failures,
    LOCKOUT.windowMinutes * 60,
  );
  // Without a known client address (never the case behind @hono/node-server) there is no key.
  const address = client.address
    ? await throttleWait(
        db,
        BUCKET.loginAddress,
        client.address,
        ADDRESS_LOGIN_LIMIT.failures,
        ADDRESS_LOGIN_LIMIT.windowMinutes * 60,
      )
    : 0;
  return Math.max(account, address);
}

/** What checking an address and a password gives: the account, or why not (a lock's wait). */
type Checked =
  | { ok: true; user: { id: number; role: string; partnerId: number | null; name: string } }
  | { ok: false; retryAfter?: number };

/**
 * The one check of an address and a password, for the sign-in form and for HTTP Basic on the
 * API: the lockouts, the decoy hash for an unknown address, the counted and audited failure.
 * A value longer than any account's is refused first (`invalidFields`, too_long).
 */
async function checkCredentials(
  db: Db,
  email: string,
  password: string,
  client: Client,
): Promise<Checked & { key: string }> {
  // No account has a value this long: said beside the field, before any lookup or hashing.
  const tooLong: Record<string, string> = {};
  if (email.trim().length > MAX_EMAIL) tooLong.email = "too_long";
  if (password.length > MAX_PASSWORD) tooLong.password = "too_long";
  if (Object.keys(tooLong).length > 0)
    throw invalidFields(tooLong, { email: MAX_EMAIL, password: MAX_PASSWORD });
  const key = accountKey(email);
  const wait = await loginWait(db, key, client);
  if (wait > 0) {
    await recordAudit(db, {
      actor: "anonymous",
      action: "sign_in_failed",
      entity: "accounts",
      entityId: key,
      after: { reason: "locked", address: client.address, retryAfter: wait },
    });
    return { ok: false, retryAfter: wait, key };
  }
  const user = await findUserByEmail(db, key);
  const valid = await verifyPassword(password, user?.password_hash ?? DECOY_HASH);
  if (!user?.password_hash || !valid || user.disabled_at !== null) {
    const reason = !user ? "unknown" : user.disabled_at !== null ? "disabled" : "password";
    await db.transaction().execute(async (trx) => {
      await recordThrottleEvent(trx, BUCKET.loginAccount, key);
      if (client.address) await recordThrottleEvent(trx, BUCKET.loginAddress, client.address);
      await recordAudit(trx, {
        actor: "anonymous",
        action: "sign_in_failed",
        entity: "accounts",
        entityId: key,
        after: { reason, userId: user?.id ?? null, address: client.address },
      });
    });
    return { ok: false, key };
  }
  return {
    ok: true,
    key,
    user: { id: user.id, role: user.role, partnerId: user.partner_id, name: user.name },
  };
}

/**
 * One answer for every failure — unknown address, wrong password, disabled account — so that the
 * form never tells whether an account exists. An address that failed too often is locked for a
 * while whether or not it has an account, and so is a client address trying many accounts.
 */
export async function login(
  db: Db,
  email: string,
  password: string,
  client: Client = { address: null },
): Promise<LoginResult> {
  const checked = await checkCredentials(db, email, password, client);
  if (!checked.ok)
    return checked.retryAfter ? { ok: false, retryAfter: checked.retryAfter } : { ok: false };
  const { user, key } = checked;
  const session = await db.transaction().execute(async (trx) => {
    await clearThrottle(trx, BUCKET.loginAccount, key);
    await recordAudit(trx, {
      actor: `user:${user.id}`,
      action: "sign_in",
      entity: "accounts",
      entityId: key,
      after: { userId: user.id, address: client.address },
    });
    // A new session id at every login: nothing from before the login is reused.
    return openSession(trx as Db, { userId: user.id });
  });
  return { ok: true, session, role: user.role };
}

export type CredentialsResult =
  | { ok: true; actor: Actor }
  /** retryAfter (seconds) when the address or the client is locked out for now. */
  | { ok: false; retryAfter?: number };

/**
 * An API request's own credentials (HTTP Basic): the same check, lockouts and audited failures
 * as the sign-in form, but no session is opened. A success is not audited: each request signs
 * in, and a client polling the API would fill the log; it clears the address's failures.
 */
export async function authenticate(
  db: Db,
  email: string,
  password: string,
  client: Client = { address: null },
): Promise<CredentialsResult> {
  const checked = await checkCredentials(db, email, password, client);
  if (!checked.ok)
    return checked.retryAfter ? { ok: false, retryAfter: checked.retryAfter } : { ok: false };
  const { user, key } = checked;
  if (!isRole(user.role)) return { ok: false };
  await clearThrottle(db, BUCKET.loginAccount, key);
  return {
    ok: true,
    actor: {
      kind: "user",
      userId: user.id,
      role: user.role,
      partnerId: user.partnerId,
      name: user.name,
    },
  };
}

export async function logout(db: Db, token: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, tokenHash(token));
    await recordAudit(trx, {
      actor: actorLabel(actor),
      action: "sign_out",
      entity: "sessions",
      entityId: actorLabel(actor),
    });
  });
}

/** What a link session knows of its invitation, for the part's rule on whether it still opens. */
export interface LinkSession {
  cycleState: string;
  extendedUntil: string | null;
  returnedAnswers: number;
}

/** The rule, given by the part that issues links (the tracker's invitations), that keeps one open. */
export type LinkOpen = (link: LinkSession) => boolean;

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/**
 * The actor behind a session cookie; disabled users, dead links, expired sessions and account
 * sessions idle for longer than `idleMinutes` resolve to nothing.
 */
export async function resolveSession(
  db: Db,
  token: string,
  linkOpen: LinkOpen,
  idleMinutes: number = SESSION_IDLE_MINUTES,
): Promise<ResolvedSession | null> {
  const idHash = tokenHash(token);
  const found = await findSession(db, idHash, idleMinutes);
  if (!found) return null;
  if (Date.now() - found.lastSeenAt.getTime() > SESSION_TOUCH_SECONDS * 1000) {
    await touchSession(db, idHash);
  }
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
  // An invitation's session lasts while its partner is asked for answers (collection, an
  // extension, an answer sent back) and the link is not revoked.
  if (!inv || inv.revoked || !linkOpen(inv)) return null;
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

/**
 * Whether a session token names a link session that no longer opens its questionnaire
 * (collection closed for its partner, or the link revoked): what such a partner should be told.
 */
export async function isClosedLinkSession(
  db: Db,
  token: string,
  linkOpen: LinkOpen,
): Promise<boolean> {
  const found = await findSession(db, tokenHash(token), SESSION_IDLE_MINUTES);
  const inv = found?.invitation;
  return inv !== null && inv !== undefined && (inv.revoked || !linkOpen(inv));
}

export type ResetRequestResult = { ok: true } | { ok: false; retryAfter: number };

/**
 * Queues a reset link when the account exists; says nothing either way, and takes the same time
 * either way: both paths count the request, draw a token and write the audit row, in one
 * transaction. Limited per typed address (known or not) and per client address.
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  baseUrl: string,
  message: (url: string) => { subject: string; body: string },
  client: Client = { address: null },
): Promise<ResetRequestResult> {
  const key = accountKey(email);
  const window = RESET_LIMITS.windowMinutes * 60;
  const wait = Math.max(
    await throttleWait(db, BUCKET.resetAccount, key, RESET_LIMITS.perAccount, window),
    client.address
      ? await throttleWait(db, BUCKET.resetAddress, client.address, RESET_LIMITS.perAddress, window)
      : 0,
  );
  if (wait > 0) {
    await recordAudit(db, {
      actor: "anonymous",
      action: "reset_requested",
      entity: "accounts",
      entityId: key,
      after: { sent: false, reason: "limited", address: client.address, retryAfter: wait },
    });
    return { ok: false, retryAfter: wait };
  }
  await db.transaction().execute(async (trx) => {
    await recordThrottleEvent(trx, BUCKET.resetAccount, key);
    if (client.address) await recordThrottleEvent(trx, BUCKET.resetAddress, client.address);
    const user = await findUserByEmail(trx, key);
    const live = user !== undefined && user.disabled_at === null;
    // The reset token is made when the message is sent (mail.ts): the outbox keeps none.
    const mail = message(`${baseUrl}/password/reset/${LINK_TOKEN}`);
    if (live) {
      await enqueueMail(trx, { ...mail, recipient: user.email, kind: "password_reset" });
    } else {
      // The same write, undone, so that an unknown address answers in the same time.
      await undone(trx, async () => {
        await enqueueMail(trx, { ...mail, recipient: key, kind: "password_reset" });
      });
    }
    await recordAudit(trx, {
      actor: "anonymous",
      action: "reset_requested",
      entity: "accounts",
      entityId: key,
      after: { sent: live, userId: user?.id ?? null, address: client.address },
    });
  });
  return { ok: true };
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
    });
    // Whoever can read the account's mail may sign in again at once.
    await clearThrottle(trx, BUCKET.loginAccount, user.email);
    // A new password ends every session opened with the old one.
    await deleteUserSessions(trx, userId);
  });
}

/**
 * Disables a user and ends all their sessions, in the caller's transaction; returns the address,
 * for the part that also revokes what was sent to it (the tracker's invitation links).
 */
export async function disableUserIn(
  trx: Tx,
  actor: string,
  userId: number,
): Promise<{ email: string }> {
  const user = await findUserById(trx, userId);
  if (!user) throw new Problem("not_found", "user", { id: userId });
  await updateUser(trx, actor, userId, { disabled_at: new Date() });
  await deleteUserSessions(trx, userId);
  return { email: user.email };
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
