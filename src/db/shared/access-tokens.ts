// Personal access tokens' rows: written with their audit record (never the secret's hash, which
// the append-only log would keep for ever), listed for their owner, found by selector, revoked,
// and their last use recorded at most once a minute.
import { sql } from "kysely";
import { type Executor, recordAudit } from "./audit.ts";

export interface AccessToken {
  id: number;
  userId: number;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

type Row = {
  id: number;
  user_id: number;
  name: string;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

const COLUMNS = [
  "id",
  "user_id",
  "name",
  "created_at",
  "expires_at",
  "last_used_at",
  "revoked_at",
] as const;

function toToken(r: Row): AccessToken {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

/** What the audit log keeps of a token: who, which, until when; no hash. */
function audited(t: AccessToken) {
  return {
    userId: t.userId,
    name: t.name,
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

export async function insertAccessToken(
  db: Executor,
  actor: string,
  t: { userId: number; name: string; selector: string; secretHash: string; expiresAt: Date },
): Promise<AccessToken> {
  const row = await db
    .insertInto("access_tokens")
    .values({
      user_id: t.userId,
      name: t.name,
      selector: t.selector,
      secret_hash: t.secretHash,
      expires_at: t.expiresAt,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  const token = toToken(row);
  await recordAudit(db, {
    actor,
    action: "create",
    entity: "access_tokens",
    entityId: token.id,
    after: audited(token),
  });
  return token;
}

/** An owner's tokens, newest first: live, expired and revoked alike (the page tells which). */
export async function listAccessTokens(
  db: Executor,
  userId: number,
  limit = 100,
): Promise<AccessToken[]> {
  const rows = await db
    .selectFrom("access_tokens")
    .select(COLUMNS)
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toToken);
}

export async function countLiveAccessTokens(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom("access_tokens")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Revokes one of the owner's live tokens; undefined when it is not theirs or already ended. */
export async function revokeAccessToken(
  db: Executor,
  actor: string,
  userId: number,
  id: number,
): Promise<AccessToken | undefined> {
  const before = await db
    .selectFrom("access_tokens")
    .select(COLUMNS)
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return undefined;
  const row = await db
    .updateTable("access_tokens")
    .set({ revoked_at: sql`now()` })
    .where("id", "=", id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  const token = toToken(row);
  await recordAudit(db, {
    actor,
    action: "update",
    entity: "access_tokens",
    entityId: id,
    before: audited(toToken(before)),
    after: audited(token),
  });
  return token;
}

export interface TokenLookup {
  id: number;
  secretHash: string;
  expired: boolean;
  revoked: boolean;
  lastUsedAt: Date | null;
  user: { id: number; role: string; partnerId: number | null; name: string; disabled: boolean };
}

/** The token a selector names with its owner, or undefined; the caller compares the secret. */
export async function findAccessToken(
  db: Executor,
  selector: string,
): Promise<TokenLookup | undefined> {
  const row = await db
    .selectFrom("access_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select([
      "t.id",
      "t.secret_hash",
      "t.last_used_at",
      "t.revoked_at",
      sql<boolean>`t.expires_at <= now()`.as("expired"),
      "u.id as user_id",
      "u.role",
      "u.partner_id",
      "u.name as user_name",
      "u.disabled_at",
    ])
    .where("t.selector", "=", selector)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    secretHash: row.secret_hash,
    expired: Boolean(row.expired),
    revoked: row.revoked_at !== null,
    lastUsedAt: row.last_used_at,
    user: {
      id: row.user_id,
      role: row.role,
      partnerId: row.partner_id,
      name: row.user_name,
      disabled: row.disabled_at !== null,
    },
  };
}

/** Records a use, at most once a minute per token, to spare a write on every request. */
export async function touchAccessToken(db: Executor, id: number): Promise<void> {
  await db
    .updateTable("access_tokens")
    .set({ last_used_at: sql`now()` })
    .where("id", "=", id)
    .where((eb) =>
      eb.or([
        eb("last_used_at", "is", null),
        eb("last_used_at", "<", sql<Date>`now() - interval '1 minute'`),
      ]),
    )
    .execute();
}
