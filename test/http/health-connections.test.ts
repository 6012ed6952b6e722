// Saved DHIS2 connections from the web: a programme manager adds one (every bad field said
// beside it, a secret never asked for: only the names of the variables holding it, and whether
// this server sets them), lists it, changes it, imports it now — the pull queued as a job, the
// browser sent to the import's page, the job run against a local server speaking DHIS2's
// format, the page then showing DHIS2's kind of summary — and deletes it. Those without
// health.write see none of it. On PGlite and PostgreSQL.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { dhis2Jobs } from "../../src/services/health/dhis2-connections.ts";
import { runDueJobs } from "../../src/services/shared/jobs.ts";
import { addUser } from "../../src/services/tracker/users.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { type FakeDhis2, startFakeDhis2 } from "../support/dhis2-server.ts";
import { plain } from "../support/text.ts";

const PASSWORD = "correct horse battery";
const TOKEN = "d2pat_0123456789abcdefghijklmnopqrstuv";
const env = { JALON_DHIS2_TOKEN: TOKEN };
const http = { backoffMs: 1, timeoutMs: 5000, pageSize: 3 };

describe.each(backends)("DHIS2 connections over HTTP on %s", (backend) => {
  let t: TestDatabase;
  let dir: string;
  let server: FakeDhis2;
  let app: ReturnType<typeof createApp>;
  let manager: TestClient;
  let validator: TestClient;
  let kicks = 0;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    dir = await mkdtemp(join(tmpdir(), "jalon-dcon-"));
    server = await startFakeDhis2({ authorization: `ApiToken ${TOKEN}` });
    app = createApp({
      db: t.db,
      secureCookies: false,
      log: () => {},
      baseUrl: "http://jalon.test",
      health: { database: t, uploadDir: dir, kickJobs: () => kicks++, env },
    });
    for (const [email, role] of [
      ["pm@example.org", "programme_manager"],
      ["val@example.org", "validator"],
    ] as const)
      await addUser(t.db, "test", { email, name: email, role, password: PASSWORD });
    manager = await signIn(app, "pm@example.org", PASSWORD);
    validator = await signIn(app, "val@example.org", PASSWORD);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs the due pulls as the server's runner would, against the local DHIS2 server. */
  const runPulls = () =>
    runDueJobs(t.db, dhis2Jobs({ database: t, env, log: () => {}, http }), {
      owner: "test",
      limit: 5,
    });

  const form = (over: Record<string, string> = {}) => ({
    name: "DHIS2 Mali",
    baseUrl: server.url,
    authKind: "token",
    tokenVar: "JALON_DHIS2_TOKEN",
    usernameVar: "JALON_DHIS2_USERNAME",
    passwordVar: "JALON_DHIS2_PASSWORD",
    dataSet: "DsMonthly01",
    orgUnit: "RegSeg00001",
    periods: "202201,202202",
    withMetadata: "1",
    schedule: "none",
    ...over,
  });

  it("is linked from the imports page, and offers a form that asks no secret", async () => {
    const imports = await (await manager.get("/health/imports")).text();
    expect(imports).toContain('href="/health/connections"');
    const res = await manager.get("/health/connections");
    expect(res.status).toBe(200);
    expect(plain(await res.text())).toContain("Aucune connexion enregistrée.");
    const add = plain(await (await manager.get("/health/connections/new")).text());
    expect(add).toContain('name="tokenVar" value="JALON_DHIS2_TOKEN"');
    expect(add).toContain("JALON_DHIS2_TOKEN : définie sur ce serveur");
    expect(add).toContain("JALON_DHIS2_PASSWORD : non définie sur ce serveur<");
    expect(add).not.toMatch(/<input[^>]*type="password"/);
    expect(add).toContain("Jalon n’enregistre jamais de jeton ni de mot de passe");
  });

  it("says every bad field beside it, and stores nothing", async () => {
    await manager.get("/health/connections/new");
    const res = await manager.post(
      "/health/connections",
      form({
        name: "",
        baseUrl: "ftp://dhis2.example.org",
        tokenVar: TOKEN.replace("_", "+"),
        dataSet: "short",
        periods: "LAST_13_MONTHS",
      }),
    );
    expect(res.status).toBe(400);
    const html = plain(await res.text());
    expect(html).toContain("Donnez un nom à la connexion.");
    expect(html).toContain("commençant par http:// ou https://");
    expect(html).toContain("Jamais le jeton lui-même.");
    expect(html).toContain("Un identifiant DHIS2 : 11 lettres et chiffres");
    expect(html).toContain("Ni une période relative connue");
    // What was typed comes back, so it can be corrected.
    expect(html).toContain('value="ftp://dhis2.example.org"');
    const withCredentials = await manager.post(
      "/health/connections",
      form({ baseUrl: "https://admin:district@dhis2.example.org" }),
    );
    expect(withCredentials.status).toBe(400);
    expect(plain(await withCredentials.text())).toContain(
      "Retirez le nom d’utilisateur et le mot de passe de l’adresse",
    );
    expect(await t.db.selectFrom("dhis2_connections").select("id").execute()).toEqual([]);
  });

  it("saves, lists, edits and imports a connection now, to the import's page", async () => {
    await manager.get("/health/connections/new");
    const saved = await manager.post("/health/connections", form());
    expect(saved.status).toBe(200);
    const list = plain(await saved.text());
    expect(list).toContain("Connexion « DHIS2 Mali » enregistrée.");
    expect(list).toContain("DsMonthly01 · RegSeg00001 · 202201,202202");
    expect(list).toContain("Jamais importée");
    expect(list).toContain("Aucun import prévu");
    const row = await t.db.selectFrom("dhis2_connections").selectAll().executeTakeFirstOrThrow();
    expect(row.token_var).toBe("JALON_DHIS2_TOKEN");
    expect(JSON.stringify(row)).not.toContain(TOKEN);

    // Edited: a daily schedule queues its first import.
    const edit = plain(await (await manager.get(`/health/connections/${row.id}`)).text());
    expect(edit).toContain('value="DHIS2 Mali"');
    expect(edit).toContain('<option value="none" selected>');
    const daily = await manager.post(`/health/connections/${row.id}`, form({ schedule: "daily" }));
    expect(daily.status).toBe(200);
    const planned = plain(await daily.text());
    expect(planned).toContain("chaque jour");
    expect(planned).toContain("Prochain import : ");

    // Import now: the waiting import is made due now, and the browser follows it.
    const before = kicks;
    const pull = await manager.post(`/health/connections/${row.id}/pull`, {});
    expect(pull.status).toBe(303);
    const location = pull.headers.get("location") ?? "";
    expect(location).toMatch(/^\/health\/imports\/\d+$/);
    expect(kicks).toBe(before + 1);
    const jobs = await t.db.selectFrom("jobs").select(["id", "payload"]).execute();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload).toMatchObject({ connectionId: row.id });
    const waiting = await manager.get(location);
    expect(waiting.status).toBe(200);
    const waitingPage = plain(await waiting.text());
    expect(waitingPage).toContain("Import depuis DHIS2 : DHIS2 Mali");
    expect(waitingPage).toContain('http-equiv="refresh"');
    // Asking again while it waits is the same import.
    const again = await manager.post(`/health/connections/${row.id}/pull`, {});
    expect(again.headers.get("location")).toBe(location);

    expect(await runPulls()).toEqual({ done: 1, failed: 0 });
    const asked = server.seen("/api/dataValueSets.json").at(-1);
    expect(asked?.headers.authorization).toBe(`ApiToken ${TOKEN}`);
    const done = plain(await (await manager.get(location)).text());
    expect(done).not.toContain('http-equiv="refresh"');
    expect(done).toMatch(/<b>10<\/b> ajoutées/);
    expect(done).toMatch(/<b>2<\/b> refusées/);
    expect(done).toContain("Lignes refusées");
    expect(done).toContain('href="/health/connections"');
    // The import is the asker's in the audit log, and the list shows its outcome.
    const batch = await t.db
      .selectFrom("import_batches")
      .select(["source", "actor"])
      .where("source", "=", "dhis2_server")
      .executeTakeFirstOrThrow();
    expect(batch.actor).toMatch(/^user:\d+$/);
    const after = plain(await (await manager.get("/health/connections")).text());
    expect(after).toContain("Dernier import réussi : ");
    expect(after).toContain("10 ajoutées, 0 mise à jour, 0 inchangée, 2 refusées");
    // The schedule goes on from this import.
    expect(after).toContain("Prochain import : ");
    // The imports page lists it beside the uploaded files.
    const imports = plain(await (await manager.get("/health/imports")).text());
    expect(imports).toContain(
      `<a href="${location}">Import depuis DHIS2 : DHIS2 Mali</a> — terminé`,
    );
    // The schedule's next run, not due yet, is not listed there.
    expect(imports.match(/Import depuis DHIS2/g)).toHaveLength(1);
  });

  it("shows why an import failed, in words, without the secret", async () => {
    const id = (await t.db.selectFrom("dhis2_connections").select("id").executeTakeFirstOrThrow())
      .id;
    await manager.get("/health/connections");
    await manager.post(`/health/connections/${id}`, form({ tokenVar: "JALON_OTHER_TOKEN" }));
    const pull = await manager.post(`/health/connections/${id}/pull`, {});
    const location = pull.headers.get("location") ?? "";
    expect(await runPulls()).toEqual({ done: 0, failed: 1 });
    const page = plain(await (await manager.get(location)).text());
    expect(page).toContain("L’import depuis DHIS2 a échoué et n’a rien enregistré");
    expect(page).toContain("La variable d’environnement JALON_OTHER_TOKEN n’est pas définie");
    expect(page).not.toContain(TOKEN);
    const list = plain(await (await manager.get("/health/connections")).text());
    expect(list).toContain("Dernier essai en échec : ");
    expect(list).toContain("JALON_OTHER_TOKEN : non définie sur ce serveur, l’import échouera");
  });

  it("lets only health writers see or change connections", async () => {
    const id = (await t.db.selectFrom("dhis2_connections").select("id").executeTakeFirstOrThrow())
      .id;
    expect((await validator.get("/health/connections")).status).toBe(403);
    expect((await validator.get("/health/connections/new")).status).toBe(403);
    expect((await validator.get(`/health/connections/${id}`)).status).toBe(403);
    expect((await validator.post(`/health/connections/${id}/pull`, {})).status).toBe(403);
    expect((await validator.post(`/health/connections/${id}/delete`, {})).status).toBe(403);
    expect((await manager.get("/health/connections/99999")).status).toBe(404);
    expect((await manager.get("/health/connections/99999999999")).status).toBe(404);
  });

  it("deletes a connection, keeping the values imported", async () => {
    const id = (await t.db.selectFrom("dhis2_connections").select("id").executeTakeFirstOrThrow())
      .id;
    await manager.get(`/health/connections/${id}`);
    const res = await manager.post(`/health/connections/${id}/delete`, {});
    expect(res.status).toBe(200);
    expect(plain(await res.text())).toContain("Connexion supprimée.");
    expect(await t.db.selectFrom("dhis2_connections").select("id").execute()).toEqual([]);
    // Its scheduled pull goes with it.
    expect(
      await t.db.selectFrom("jobs").select("id").where("state", "=", "queued").execute(),
    ).toEqual([]);
    const values = await t.db
      .selectFrom("data_values")
      .select((e) => e.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(values.n)).toBe(10);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "dhis2_connections")
      .where("action", "=", "delete")
      .execute();
    expect(audit).toHaveLength(1);
  });
});
