// The health world (test/support/health-world.ts) imported into a fresh database through the
// real importers, its accounts (an administrator, a validator, a coordinator and a programme
// manager), and the app over it.
import { Readable } from "node:stream";
import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../src/db/connect.ts";
import { createApp } from "../../src/http/app.ts";
import { readMetadata } from "../../src/importers/health/dhis2/metadata/read.ts";
import { readDataValues } from "../../src/importers/health/dhis2/read.ts";
import { importDataValues } from "../../src/services/health/data-import.ts";
import { importMetadata } from "../../src/services/health/metadata-import.ts";
import { addUser } from "../../src/services/tracker/users.ts";
import { signIn, type TestClient } from "./client.ts";
import { type BackendName, freshDatabase, type TestDatabase } from "./database.ts";
import { METADATA, VALUES } from "./health-world.ts";

export const HEALTH_PASSWORD = "correct horse battery";
export const HEALTH_ACCOUNTS = {
  admin: "admin@sante.test",
  validator: "validation@sante.test",
  coordinator: "coordination@sante.test",
  programme_manager: "programme@sante.test",
} as const;

const source = (payload: unknown) => Readable.from([Buffer.from(JSON.stringify(payload))]);

/** The world's metadata and values, through the importers, and its accounts. */
export async function loadHealthWorld(t: Database): Promise<void> {
  await importMetadata(t, {
    items: readMetadata(source(METADATA)),
    actor: "test",
    fileHash: null,
    dryRun: false,
  });
  await importDataValues(t, {
    batches: readDataValues(source(VALUES), { batchSize: 50 }),
    actor: "test",
    source: "dhis2_file",
    fileHash: null,
    dryRun: false,
  });
  for (const [role, email] of Object.entries(HEALTH_ACCOUNTS))
    await addUser(t.db, "test", { email, name: role, role, password: HEALTH_PASSWORD });
}

export async function healthApp(t: Database) {
  await loadHealthWorld(t);
  const app = createApp({
    db: t.db,
    secureCookies: false,
    baseUrl: "http://jalon.test",
  });
  return { app };
}

/** The value of an Authorization header for HTTP Basic. */
export function basic(email: string, password: string): string {
  return `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}`;
}

export interface HealthPages {
  t: TestDatabase;
  app: ReturnType<typeof createApp>;
  admin: TestClient;
  validator: TestClient;
  coordinator: TestClient;
  manager: TestClient;
}

/**
 * A suite over the health world's pages: a fresh database of the given kind with the world in
 * it, the app (with `extra` dependencies, such as the health part's), and every account signed
 * in; disposed after the suite.
 */
export function useHealthPages(
  backend: BackendName,
  set: (pages: HealthPages) => void,
  extra: (t: TestDatabase) => Partial<Parameters<typeof createApp>[0]> = () => ({}),
): void {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    const database = await freshDatabase(backend);
    t = database;
    await loadHealthWorld(database);
    const app = createApp({
      db: database.db,
      secureCookies: false,
      baseUrl: "http://jalon.test",
      ...extra(database),
    });
    const admin = await signIn(app, HEALTH_ACCOUNTS.admin, HEALTH_PASSWORD);
    const validator = await signIn(app, HEALTH_ACCOUNTS.validator, HEALTH_PASSWORD);
    const coordinator = await signIn(app, HEALTH_ACCOUNTS.coordinator, HEALTH_PASSWORD);
    const manager = await signIn(app, HEALTH_ACCOUNTS.programme_manager, HEALTH_PASSWORD);
    set({ t: database, app, admin, validator, coordinator, manager });
  });
  afterAll(() => t?.dispose());
}

/** The id of the organisation unit with this code. */
export async function unitId(t: Database, code: string): Promise<number> {
  const row = await t.db
    .selectFrom("org_units")
    .select("id")
    .where("code", "=", code)
    .executeTakeFirstOrThrow();
  return row.id;
}
