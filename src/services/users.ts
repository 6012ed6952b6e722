// Adding users (first administrator from the CLI, others from the workspace) and listing them.

import { findPartnerBySlug } from "../db/partners.ts";
import { findDefaultTracker } from "../db/trackers.ts";
import { findUserByEmail, insertUser, listUsers } from "../db/users.ts";
import { isEmail, normaliseEmail, passwordProblem } from "../domain/account.ts";
import { isRole, type Role } from "../domain/policy.ts";
import { Problem } from "../domain/problem.ts";
import type { Db } from "./db.ts";
import { hashPassword } from "./secrets.ts";

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

export async function addUser(db: Db, actor: string, input: NewUserInput): Promise<CreatedUser> {
  const email = normaliseEmail(input.email);
  if (!isEmail(email)) throw new Problem("invalid_input", "email", { value: input.email });
  if (!isRole(input.role)) throw new Problem("invalid_input", "role", { value: input.role });
  if (input.name.trim() === "") throw new Problem("invalid_input", "name");
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, email);
    if (problem) throw new Problem("invalid_input", "password", { reason: problem });
  }
  return db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email)) throw new Problem("conflict", "email", { value: email });
    let partnerId: number | null = null;
    if (input.role === "respondent") {
      if (!input.partnerSlug) throw new Problem("invalid_input", "partner");
      const tracker = await findDefaultTracker(trx);
      const partner = tracker
        ? await findPartnerBySlug(trx, tracker.id, input.partnerSlug)
        : undefined;
      if (!partner) throw new Problem("invalid_input", "partner", { value: input.partnerSlug });
      partnerId = partner.id;
    } else if (input.partnerSlug) {
      throw new Problem("invalid_input", "partner", { value: input.partnerSlug });
    }
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

export async function getUsers(db: Db) {
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
