// The set-up link of a fresh install: it creates the first administrator once, signs them in,
// and is dead once used, expired, replaced, or as soon as any account exists.
import { sql } from "kysely";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load.ts";
import { createApp } from "../../src/http/app.ts";
import { offerSetupLink } from "../../src/services/shared/setup-links.ts";
import { addUser } from "../../src/services/tracker/users.ts";
import { client } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

const BASE = "http://127.0.0.1:4567";

describe.each(backends)("the set-up link on %s", (backend) => {
  let t: TestDatabase | undefined;
  let app: ReturnType<typeof createApp>;

  // Each test starts from a fresh install: the demo world and no account.
  beforeEach(async () => {
    await t?.dispose();
    t = await freshDatabase(backend);
    await loadDemo(t, { reset: false });
    app = createApp({ db: t.db, secureCookies: false, baseUrl: BASE });
  });
  afterAll(() => t?.dispose());

  const db = () => (t as TestDatabase).db;
  const pathOf = (url: string) => url.slice(BASE.length);
  const users = () => db().selectFrom("users").select(["email", "name", "role"]).execute();

  it("creates the first administrator once and signs them in", async () => {
    const url = await offerSetupLink(db(), BASE);
    expect(url).toMatch(new RegExp(`^${BASE}/setup/[A-Za-z0-9_-]{40,}$`));
    const path = pathOf(url ?? "");
    const browser = client(app);
    const form = await browser.get(path);
    expect(form.status).toBe(200);
    expect(form.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await form.text()).toContain("Créer le compte administrateur");

    // Bad input: named field, what was typed kept, nothing stored, the link still alive.
    const short = await browser.post(path, {
      email: "chef@example.org",
      name: "Aminata",
      password: "court",
    });
    expect(short.status).toBe(400);
    const page = await short.text();
    expect(page).toContain("au moins 12 caractères");
    expect(page).toContain('value="chef@example.org"');
    expect(page).toContain('value="Aminata"');
    const badEmail = await browser.post(path, {
      email: "pas-une-adresse",
      name: "Aminata",
      password: "un mot de passe sûr",
    });
    expect(badEmail.status).toBe(400);
    expect(await badEmail.text()).toContain("Adresse e-mail non valable.");
    const common = await browser.post(path, {
      email: "chef@example.org",
      name: "Aminata",
      password: "motdepasse123",
    });
    expect(common.status).toBe(400);
    expect(await common.text()).toContain("trop facile à deviner");
    expect(await users()).toEqual([]);

    const done = await browser.post(path, {
      email: "Chef@Example.org",
      name: "Aminata",
      password: "un mot de passe sûr",
    });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/manage");
    expect(await users()).toEqual([{ email: "chef@example.org", name: "Aminata", role: "admin" }]);
    expect((await browser.get("/manage")).status).toBe(200);

    // Used: dead, for a second browser as for the first.
    const again = client(app);
    expect((await again.get(path)).status).toBe(410);
    const reuse = await browser.post(path, {
      email: "autre@example.org",
      name: "Autre",
      password: "un autre mot de passe",
    });
    expect(reuse.status).toBe(410);
    expect(await reuse.text()).toContain("Lien de mise en route non valable");
    expect(await users()).toHaveLength(1);

    // Every step is in the audit log, the password hash never.
    const audit = await db()
      .selectFrom("audit_log")
      .select(["entity", "action", "after"])
      .where("actor", "=", "system:setup")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => `${a.entity} ${a.action}`)).toEqual([
      "setup_links create",
      "setup_links update",
      "users create",
    ]);
    expect(JSON.stringify(audit)).not.toContain("scrypt$");

    // Once an account exists, no new link is offered.
    expect(await offerSetupLink(db(), BASE)).toBeUndefined();
  });

  it("keeps what was typed when a value is too long, each message beside its field", async () => {
    const path = pathOf((await offerSetupLink(db(), BASE)) ?? "");
    const browser = client(app);
    await browser.get(path);
    const long = await browser.post(path, {
      email: `${"a".repeat(400)}@example.org`,
      name: "N".repeat(250),
      password: "un mot de passe sûr",
    });
    expect(long.status).toBe(400);
    const page = await long.text();
    const error = (id: string) =>
      new RegExp(`<p class="error" id="${id}-e">([^<]*)</p>`).exec(page)?.[1];
    expect(error("f-email")).toBe("Ce champ est trop long\u00a0: 320 caractères au plus.");
    expect(error("f-name")).toBe("Ce champ est trop long\u00a0: 200 caractères au plus.");
    expect(page).toContain(`value="${"a".repeat(400)}@example.org"`);
    expect(page).toContain(`value="${"N".repeat(250)}"`);
    expect(await users()).toEqual([]);
    // The link is still alive for the corrected form.
    const done = await browser.post(path, {
      email: "chef@example.org",
      name: "Aminata",
      password: "un mot de passe sûr",
    });
    expect(done.status).toBe(303);
  });

  it("is dead once expired", async () => {
    const path = pathOf((await offerSetupLink(db(), BASE)) ?? "");
    await sql`update setup_links set created_at = now() - interval '25 hours', expires_at = now() - interval '1 hour'`.execute(
      db(),
    );
    const browser = client(app);
    expect((await browser.get(path)).status).toBe(410);
    await browser.get("/login");
    const post = await browser.post(path, {
      email: "chef@example.org",
      name: "Aminata",
      password: "un mot de passe sûr",
    });
    expect(post.status).toBe(410);
    expect(await users()).toEqual([]);
  });

  it("is dead as soon as an account exists, and when a newer link replaces it", async () => {
    const first = pathOf((await offerSetupLink(db(), BASE)) ?? "");
    const second = pathOf((await offerSetupLink(db(), BASE)) ?? "");
    const browser = client(app);
    expect((await browser.get(first)).status).toBe(410);
    expect((await browser.get(second)).status).toBe(200);
    // The operator created an account from the command line meanwhile.
    await addUser(db(), "cli", { email: "admin@example.org", name: "Admin", role: "admin" });
    expect((await client(app).get(second)).status).toBe(410);
    const post = await browser.post(second, {
      email: "chef@example.org",
      name: "Aminata",
      password: "un mot de passe sûr",
    });
    expect(post.status).toBe(410);
    expect((await users()).map((u) => u.email)).toEqual(["admin@example.org"]);
  });

  it("refuses a form without the CSRF token", async () => {
    const path = pathOf((await offerSetupLink(db(), BASE)) ?? "");
    const res = await app.request(path, {
      method: "POST",
      body: new URLSearchParams({
        email: "chef@example.org",
        name: "Aminata",
        password: "un mot de passe sûr",
      }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(403);
    expect(await users()).toEqual([]);
  });
});
