// The first administrator's set-up links (by hash of their token), and whether any account exists.
import { sql } from "kysely";
import { type Executor, insertAudited, recordAudit } from "./audit.ts";

export async function anyUserExists(db: Executor): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Stores a new link; links printed before it and never used stop working. */
export async function replaceSetupLink(
  db: Executor,
  actor: string,
  link: { tokenHash: string; expiresAt: Date },
): Promise<void> {
  const dropped = await db
    .deleteFrom("setup_links")
    .where("used_at", "is", null)
    .returning(["id", "expires_at"])
    .execute();
  for (const row of dropped) {
    await recordAudit(db, {
      actor,
      action: "delete",
      entity: "setup_links",
      entityId: row.id,
      before: { id: row.id, expires_at: row.expires_at },
    });
  }
  await insertAudited(db, actor, "setup_links", {
    token_hash: link.tokenHash,
    expires_at: link.expiresAt,
  });
}

export async function isLiveSetupLink(db: Executor, tokenHash: string): Promise<boolean> {
  const row = await db
    .selectFrom("setup_links")
    .select("id")
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks a live link used (the row stays locked until the transaction ends); false if dead. */
export async function consumeSetupLink(
  db: Executor,
  actor: string,
  tokenHash: string,
): Promise<boolean> {
  const row = await db
    .updateTable("setup_links")
    .set({ used_at: sql`now()` })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .returning(["id", "used_at"])
    .executeTakeFirst();
  if (!row) return false;
  await recordAudit(db, {
    actor,
    action: "update",
    entity: "setup_links",
    entityId: row.id,
    before: { used_at: null },
    after: { used_at: row.used_at },
  });
  return true;
}
