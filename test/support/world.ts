// The named world for workflow tests: the Mali 2022 demo, plus one account per role and a 2023
// cycle carried forward from 2022 and open for collection.

import { afterAll, beforeAll } from "vitest";
import { loadDemo } from "../../src/demo/load.ts";
import { type Actor, isRole } from "../../src/domain/shared/policy.ts";
import { createApp } from "../../src/http/app.ts";
import type { Db } from "../../src/services/shared/db.ts";
import { createCycle, openCollection } from "../../src/services/tracker/cycles.ts";
import { addUser } from "../../src/services/tracker/users.ts";
import { signIn, type TestClient } from "./client.ts";
import { type BackendName, freshDatabase, type TestDatabase } from "./database.ts";

export const PASSWORD = "correct horse battery";

export const ACCOUNTS = {
  admin: { email: "admin@jalon.test", role: "admin" },
  coordinator: { email: "coordination@jalon.test", role: "coordinator" },
  validator: { email: "validation@jalon.test", role: "validator" },
  programme_manager: { email: "programme@jalon.test", role: "programme_manager" },
  respondent: { email: "psi@jalon.test", role: "respondent", partner: "psi" },
  otherRespondent: { email: "msi@jalon.test", role: "respondent", partner: "msi" },
} as const;

export const SYSTEM: Actor = {
  kind: "user",
  userId: 0,
  role: "admin",
  partnerId: null,
  name: "system",
};

/** When the world's coordinator opened 2023: a deadline is never set in the past. */
export const OPENED_ON = new Date("2024-01-10T09:00:00Z");

/**
 * The coordinator's part: 2023 set up from 2022 (mapping carried forward), open until 15 February
 * (or `until`, set on `now`).
 */
export async function openCycle2023(
  db: Db,
  until = "2024-02-15",
  now: Date = OPENED_ON,
): Promise<void> {
  await createCycle(
    db,
    SYSTEM,
    {
      slug: "2023",
      label: "Janvier – décembre 2023",
      labelEn: "January – December 2023",
      periodStart: "2023-01-01",
      periodEnd: "2023-12-31",
      fromSlug: "2022",
    },
    "fr",
  );
  await openCollection(db, SYSTEM, "2023", until, "fr", now);
}

/** One account per role in ACCOUNTS, each with PASSWORD. */
export async function addAccounts(db: Db): Promise<void> {
  for (const a of Object.values(ACCOUNTS)) {
    await addUser(db, "test", {
      email: a.email,
      name: a.email.split("@")[0] ?? a.email,
      role: a.role,
      partnerSlug: "partner" in a ? a.partner : undefined,
      password: PASSWORD,
    });
  }
}

export async function collectionWorld(t: TestDatabase) {
  await loadDemo(t, { reset: false });
  await addAccounts(t.db);
  await openCycle2023(t.db);
  const app = createApp({
    db: t.db,
    secureCookies: false,
    baseUrl: "http://jalon.test",
  });
  return { app };
}

/** The signed-in actor behind an account, as the session would resolve it. */
export async function actorOf(db: Db, email: string): Promise<Actor> {
  const u = await db
    .selectFrom("users")
    .select(["id", "role", "partner_id", "name"])
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  if (!isRole(u.role)) throw new Error(`${email} has no known role: ${u.role}`);
  return { kind: "user", userId: u.id, role: u.role, partnerId: u.partner_id, name: u.name };
}

/** The id of a partner by slug or of a process indicator by code. */
export async function idOf(
  db: Db,
  table: "partners" | "indicators",
  column: "slug" | "code",
  value: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select("id")
    .where(column, "=", value)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A suite on the collection world: a fresh database of the backend with the world loaded before
 * the suite's tests, disposed after them; `set` receives the database and the app.
 */
export function useCollectionWorld(
  backend: BackendName,
  set: (world: { t: TestDatabase; app: ReturnType<typeof createApp> }) => unknown,
): void {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    const database = await freshDatabase(backend);
    t = database;
    const { app } = await collectionWorld(database);
    await set({ t: database, app });
  });
  afterAll(() => t?.dispose());
}

/**
 * useCollectionWorld with one of the world's accounts signed in: `set` also receives its client
 * (cookies and the form token kept between requests).
 */
export function useSignedInWorld(
  backend: BackendName,
  account: keyof typeof ACCOUNTS,
  set: (world: {
    t: TestDatabase;
    app: ReturnType<typeof createApp>;
    client: TestClient;
  }) => unknown,
): void {
  useCollectionWorld(backend, async ({ t, app }) => {
    set({ t, app, client: await signIn(app, ACCOUNTS[account].email, PASSWORD) });
  });
}
