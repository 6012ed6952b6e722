// The first start's set-up link: while no account exists, the server prints a single-use link
// (valid 24 h) whose page creates the first administrator and signs them in.
import {
  anyUserExists,
  consumeSetupLink,
  isLiveSetupLink,
  replaceSetupLink,
} from "../../db/shared/setup-links.ts";
import { insertUser } from "../../db/shared/users.ts";
import {
  emailProblem,
  MAX_EMAIL,
  MAX_USER_NAME,
  normaliseEmail,
  passwordProblem,
} from "../../domain/shared/account.ts";
import { invalidFields, Problem } from "../../domain/shared/problem.ts";
import { type NewSession, openSession } from "./auth.ts";
import type { Db } from "./db.ts";
import { hashPassword, newToken, tokenHash } from "./secrets.ts";

export const SETUP_LINK_HOURS = 24;
const ACTOR = "system:setup";

/** A new set-up link when the database has no account yet, else nothing. */
export async function offerSetupLink(db: Db, baseUrl: string): Promise<string | undefined> {
  const token = newToken();
  const offered = await db.transaction().execute(async (trx) => {
    if (await anyUserExists(trx)) return false;
    await replaceSetupLink(trx, ACTOR, {
      tokenHash: tokenHash(token),
      expiresAt: new Date(Date.now() + SETUP_LINK_HOURS * 3600_000),
    });
    return true;
  });
  return offered ? `${baseUrl}/setup/${token}` : undefined;
}

/** A link works while it is unused, unexpired, and no account exists yet. */
export async function setupLinkIsLive(db: Db, token: string): Promise<boolean> {
  return (await isLiveSetupLink(db, tokenHash(token))) && !(await anyUserExists(db));
}

/**
 * Creates the first administrator from the set-up form and opens their session. Bad input is
 * refused before the link is spent; a dead link, or an account created meanwhile, is not_found.
 */
export async function createFirstAdmin(
  db: Db,
  token: string,
  input: { email: string; name: string; password: string },
): Promise<NewSession> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  // Every field is checked before anything is refused, so the form shows all its errors at once.
  const problems: Record<string, string> = {};
  const emailRefused = emailProblem(input.email);
  if (emailRefused) problems.email = emailRefused;
  if (name === "") problems.name = "required";
  else if (name.length > MAX_USER_NAME) problems.name = "too_long";
  const password = passwordProblem(input.password, email);
  if (password) problems.password = password;
  if (Object.keys(problems).length > 0)
    throw invalidFields(problems, { email: MAX_EMAIL, name: MAX_USER_NAME });
  const passwordHash = await hashPassword(input.password);
  const userId = await db.transaction().execute(async (trx) => {
    if (!(await consumeSetupLink(trx, ACTOR, tokenHash(token))))
      throw new Problem("not_found", "setup_link", { id: "" });
    if (await anyUserExists(trx)) throw new Problem("not_found", "setup_link", { id: "" });
    const row = await insertUser(trx, ACTOR, {
      email,
      name,
      role: "admin",
      partnerId: null,
      passwordHash,
    });
    return row.id;
  });
  return openSession(db, { userId });
}
