// Administrators add and disable accounts; disabling ends the account's sessions and links.
import { describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { signIn } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, PASSWORD, useCollectionWorld } from "../support/world.ts";

describe.each(backends)("accounts on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  useCollectionWorld(backend, (w) => ({ t, app } = w));

  it("adds a respondent with a password link, keeping the form on errors", async () => {
    const admin = await signIn(app, ACCOUNTS.admin.email, PASSWORD);
    const bad = await admin.post("/manage/users", {
      email: "new@jalon.test",
      name: "Awa",
      role: "respondent",
      partner: "",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Choisissez l’organisation du répondant");
    expect(html).toContain('value="new@jalon.test"');
    const ok = await admin.post("/manage/users", {
      email: "new@jalon.test",
      name: "Awa",
      role: "respondent",
      partner: "amppf",
    });
    expect(ok.status).toBe(200);
    const link = /\/password\/reset\/([A-Za-z0-9_-]+)/.exec(await ok.text())?.[1];
    expect(link).toBeTruthy();
    const set = await admin.post(`/password/reset/${link}`, { password: "un mot de passe sûr" });
    expect(set.status).toBe(200);
    const awa = await signIn(app, "new@jalon.test", "un mot de passe sûr");
    expect((await awa.get("/q/2023/amppf")).status).toBe(200);
    expect((await awa.get("/q/2023/psi")).status).toBe(404);
  });

  it("shows every error of the account form at once, each beside its field", async () => {
    const admin = await signIn(app, ACCOUNTS.admin.email, PASSWORD);
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom("users")
            .select((e) => e.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const error = (page: string, id: string) =>
      new RegExp(`<p class="error" id="${id}-e">([^<]*)</p>`).exec(page)?.[1];
    const empty = await (
      await admin.post("/manage/users", { email: "", name: "", role: "respondent", partner: "" })
    ).text();
    expect(error(empty, "f-email")).toBe("Indiquez l’adresse e-mail du compte.");
    expect(error(empty, "f-name")).toBe("Indiquez le nom de la personne.");
    expect(error(empty, "f-partner")).toBe("Choisissez l’organisation du répondant dans la liste.");
    const taken = await admin.post("/manage/users", {
      email: ACCOUNTS.validator.email.toUpperCase(),
      name: "x".repeat(201),
      role: "validator",
      partner: "psi",
    });
    expect(taken.status).toBe(400);
    const page = await taken.text();
    expect(error(page, "f-email")).toBe("Cette adresse a déjà un compte.");
    expect(error(page, "f-name")).toBe("Ce champ est trop long\u00a0: 200 caractères au plus.");
    expect(error(page, "f-partner")).toMatch(/^Seul un compte de répondant/);
    expect(await count()).toBe(before);
  });

  it("disabling ends every session at once", async () => {
    const psi = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    expect((await psi.get("/q/2023/psi")).status).toBe(200);
    const admin = await signIn(app, ACCOUNTS.admin.email, PASSWORD);
    const user = await t.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", ACCOUNTS.respondent.email)
      .executeTakeFirstOrThrow();
    const res = await admin.post(`/manage/users/${user.id}/disable`, {});
    expect(res.status).toBe(200);
    const after = await psi.get("/q/2023/psi");
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toMatch(/^\/login/);
    await expect(signIn(app, ACCOUNTS.respondent.email, PASSWORD)).rejects.toThrow("login failed");
  });

  it("locks an address after five failures, whether or not it has an account", async () => {
    const { client } = await import("../support/client.ts");
    const tries = async (email: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const c = client(app);
        await c.get("/login");
        statuses.push((await c.post("/login", { email, password: "wrong password" })).status);
      }
      return statuses;
    };
    expect(await tries(ACCOUNTS.validator.email)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await tries("nobody@jalon.test")).toEqual([401, 401, 401, 401, 401, 429]);
    // The right password is refused while locked, with the same answer as for an unknown address.
    const c = client(app);
    await c.get("/login");
    const unknown = await c.post("/login", { email: "nobody@jalon.test", password: "x" });
    const locked = await c.post("/login", { email: ACCOUNTS.validator.email, password: PASSWORD });
    expect(locked.status).toBe(429);
    const wait = Number(locked.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    const text = (r: string) =>
      r.replace(/name="_csrf" value="[^"]+"/, "").replace(/value="[^"]*@[^"]*"/, "");
    expect(text(await unknown.text())).toEqual(text(await locked.text()));
    // Fifteen minutes later it opens again.
    await t.db
      .updateTable("throttle_events")
      .set({ at: new Date(Date.now() - 16 * 60_000) })
      .where("key", "=", ACCOUNTS.validator.email)
      .execute();
    await expect(signIn(app, ACCOUNTS.validator.email, PASSWORD)).resolves.toBeTruthy();
  });

  it("marks cookies Secure, HttpOnly, SameSite and __Host- outside local development", async () => {
    const { createApp } = await import("../../src/http/app.ts");
    const secure = createApp({
      db: t.db,
      secureCookies: true,
      baseUrl: "https://jalon.test",
    });
    const form = await secure.request("/login");
    const csrfCookie =
      form.headers.getSetCookie().find((l) => l.startsWith("__Host-jalon_csrf=")) ?? "";
    expect(csrfCookie).toMatch(/Secure/);
    expect(csrfCookie).toMatch(/HttpOnly/);
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
    const res = await secure.request("/login", {
      method: "POST",
      body: new URLSearchParams({
        _csrf: token,
        email: ACCOUNTS.coordinator.email,
        password: PASSWORD,
      }).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: csrfCookie.split(";")[0] ?? "",
      },
    });
    expect(res.status).toBe(303);
    const session =
      res.headers.getSetCookie().find((l) => l.startsWith("__Host-jalon_session=")) ?? "";
    expect(session).toMatch(/; Path=\//);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
  });

  it("gives a new session id at every login, and forgets it at logout", async () => {
    const a = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    const b = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    expect(a.cookies.get("jalon_session")).not.toEqual(b.cookies.get("jalon_session"));
    await a.post("/logout", {});
    const res = await a.get("/manage");
    expect(res.status).toBe(303);
    expect((await b.get("/manage")).status).toBe(200);
  });

  it("links the coordinator's workspace to the health data and programme pages, and not a validator's", async () => {
    const coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    const links = [
      ...(await (await coordinator.get("/manage")).text()).matchAll(/href="(\/health\/[a-z]+)"/g),
    ].map((m) => m[1]);
    expect(links).toEqual(
      expect.arrayContaining(["/health/imports", "/health/entry", "/health/units"]),
    );
    expect(await (await coordinator.get("/manage")).text()).toContain('href="/programme"');
    const validator = await signIn(app, ACCOUNTS.validator.email, PASSWORD);
    const page = await (await validator.get("/manage")).text();
    expect(page).not.toContain('href="/health/imports"');
    expect(page).not.toContain('href="/health/entry"');
    expect(page).not.toContain('href="/programme"');
  });
});
