// Users and their password-reset tokens.
import { sql } from "kysely";
import { type Executor, recordAudit } from "./audit.ts";
import { refusingViolations } from "./errors.ts";

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: string;
  partner_id: number | null;
  password_hash: string | null;
  disabled_at: Date | null;
}

export async function insertUser(
  db: Executor,
  actor: string,
  u: {
    email: string;
    name: string;
    role: string;
    partnerId: number | null;
    passwordHash: string | null;
  },
) {
  const row = await refusingViolations(
    db
      .insertInto("users")
      .values({
        email: u.email,
        name: u.name,
        role: u.role,
        partner_id: u.partnerId,
        password_hash: u.passwordHash,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  // As in updateUser: the audit log says a password is set, never its hash.
  await recordAudit(db, {
    actor,
    action: "create",
    entity: "users",
    entityId: row.id,
    after: hidePassword(row),
  });
  return row;
}

function hidePassword<T extends { password_hash: string | null }>(row: T): T {
  return { ...row, password_hash: row.password_hash ? "***" : null };
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

export async function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listUsers(db: Executor): Promise<UserRow[]> {
  return db.selectFrom("users").selectAll().orderBy("email").execute();
}

/** Updates some columns of a user and audits the values before and after. */
export async function updateUser(
  db: Executor,
  actor: string,
  id: number,
  changes: Partial<{
    password_hash: string | null;
    disabled_at: Date | null;
    name: string;
    role: string;
    partner_id: number | null;
  }>,
): Promise<void> {
  const before = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  if (!before) return;
  const after = await db
    .updateTable("users")
    .set(changes)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // Password hashes never enter the audit log.
  const hide = hidePassword<typeof before>;
  await recordAudit(db, {
    actor,
    action: "update",
    entity: "users",
    entityId: id,
    before: hide(before),
    after: hide(after),
  });
}

export async function insertPasswordReset(
  db: Executor,
  r: { tokenHash: string; userId: number; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("password_resets")
    .values({ token_hash: r.tokenHash, user_id: r.userId, expires_at: r.expiresAt })
    .execute();
}

/** Marks a live reset token used and returns its user, or undefined when unknown, used or expired. */
export async function consumePasswordReset(
  db: Executor,
  tokenHash: string,
): Promise<number | undefined> {
  const row = await db
    .updateTable("password_resets")
    .set({ used_at: sql`now()` })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id;
}
