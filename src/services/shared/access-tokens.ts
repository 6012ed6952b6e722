// Personal access tokens as use cases: a staff account makes one (its secret shown once, only
// its SHA-256 kept), lists and revokes its own; an API request sending one acts as its owner,
// with the owner's permissions of the moment. Every failure reads alike to the caller, is
// counted per client address (the lockout of HTTP Basic's sign-in, in a bucket of its own) and
// audited with its reason; a use is not audited (a polling client would fill the log), its time
// is kept on the token.
import { randomBytes, timingSafeEqual } from "node:crypto";
import {
  type AccessToken,
  countLiveAccessTokens,
  findAccessToken,
  insertAccessToken,
  listAccessTokens,
  revokeAccessToken,
  touchAccessToken,
} from "../../db/shared/access-tokens.ts";
import { recordAudit } from "../../db/shared/audit.ts";
import { recordThrottleEvent, throttleWait } from "../../db/shared/throttle.ts";
import {
  accessTokenIssues,
  formatAccessToken,
  MAX_ACCESS_TOKEN_NAME,
  MAX_LIVE_ACCESS_TOKENS,
} from "../../domain/shared/access-token.ts";
import { ADDRESS_LOGIN_LIMIT } from "../../domain/shared/account.ts";
import { type Actor, actorLabel, isRole } from "../../domain/shared/policy.ts";
import { invalidFields, notFound } from "../../domain/shared/problem.ts";
import { authorise } from "./access.ts";
import type { Client, CredentialsResult } from "./auth.ts";
import type { Db } from "./db.ts";
import { tokenHash } from "./secrets.ts";

export type { AccessToken };

const BUCKET = "token:address";

/** The owner's id: tokens are for staff accounts (those who have a workspace). */
function ownerOf(actor: Actor): number {
  authorise(actor, "workspace.read");
  if (actor.kind !== "user") throw notFound("access_token", 0);
  return actor.userId;
}

export interface NewAccessToken {
  token: AccessToken;
  /** The whole token, to show once: nothing can show it again. */
  secret: string;
}

/** Makes a token for the actor's own account, valid `days` from `now`. */
export async function createAccessToken(
  db: Db,
  actor: Actor,
  input: { name: string; days: number },
  now: Date = new Date(),
): Promise<NewAccessToken> {
  const userId = ownerOf(actor);
  const name = input.name.trim();
  const issues = accessTokenIssues({ name, days: input.days });
  if (!issues.name && (await countLiveAccessTokens(db, userId)) >= MAX_LIVE_ACCESS_TOKENS)
    issues.name = "too_many";
  if (Object.keys(issues).length > 0) throw invalidFields(issues, { name: MAX_ACCESS_TOKEN_NAME });
  const selector = randomBytes(8).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  const token = await db.transaction().execute((trx) =>
    insertAccessToken(trx, actorLabel(actor), {
      userId,
      name,
      selector,
      secretHash: tokenHash(secret),
      expiresAt: new Date(now.getTime() + input.days * 24 * 3600 * 1000),
    }),
  );
  return { token, secret: formatAccessToken(selector, secret) };
}

export async function myAccessTokens(db: Db, actor: Actor): Promise<AccessToken[]> {
  return listAccessTokens(db, ownerOf(actor));
}

/** Revokes one of the actor's own tokens; another's, or one already revoked, is not found. */
export async function revokeMyAccessToken(db: Db, actor: Actor, id: number): Promise<void> {
  const userId = ownerOf(actor);
  const revoked = await db
    .transaction()
    .execute((trx) => revokeAccessToken(trx, actorLabel(actor), userId, id));
  if (!revoked) throw notFound("access_token", id);
}

/** Compared with when the selector names no token, so that both paths do the same work. */
const DECOY = Buffer.from(tokenHash("no token"), "hex");

/**
 * The actor behind a token sent with an API request (`tokenCredentials`' selector and secret,
 * or "malformed"): its owner, unless the token is unknown, expired, revoked, or its owner
 * disabled — one answer for all, the reason only in the audit log. A client address that
 * failed too often is refused for a while (retryAfter, seconds) before anything is looked up.
 */
export async function authenticateToken(
  db: Db,
  sent: { selector: string; secret: string } | "malformed",
  client: Client = { address: null },
): Promise<CredentialsResult> {
  const wait = client.address
    ? await throttleWait(
        db,
        BUCKET,
        client.address,
        ADDRESS_LOGIN_LIMIT.failures,
        ADDRESS_LOGIN_LIMIT.windowMinutes * 60,
      )
    : 0;
  const fail = async (reason: string, tokenId: number | null) => {
    await db.transaction().execute(async (trx) => {
      if (client.address && wait === 0) await recordThrottleEvent(trx, BUCKET, client.address);
      await recordAudit(trx, {
        actor: "anonymous",
        action: "sign_in_failed",
        entity: "access_tokens",
        entityId: tokenId ?? "unknown",
        after: { reason, address: client.address, ...(wait > 0 ? { retryAfter: wait } : {}) },
      });
    });
    return wait > 0 ? { ok: false as const, retryAfter: wait } : { ok: false as const };
  };
  if (wait > 0) return fail("locked", null);
  if (sent === "malformed") return fail("malformed", null);
  const found = await findAccessToken(db, sent.selector);
  const given = Buffer.from(tokenHash(sent.secret), "hex");
  const stored = found ? Buffer.from(found.secretHash, "hex") : DECOY;
  const matches = stored.length === given.length && timingSafeEqual(stored, given);
  if (!found || !matches) return fail("unknown", null);
  if (found.revoked) return fail("revoked", found.id);
  if (found.expired) return fail("expired", found.id);
  if (found.user.disabled || !isRole(found.user.role)) return fail("disabled", found.id);
  await touchAccessToken(db, found.id);
  return {
    ok: true,
    actor: {
      kind: "user",
      userId: found.user.id,
      role: found.user.role,
      partnerId: found.user.partnerId,
      name: found.user.name,
    },
  };
}
