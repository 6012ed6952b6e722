// An attacker's probe of accounts and sessions: rate limits by address and by client, reset
// requests that take the same time for real and unknown accounts, idle sessions, cache and
// security headers, and passwords that are easy to guess.
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { client, signIn } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, PASSWORD, useCollectionWorld } from "../support/world.ts";

async function failLogin(app: ReturnType<typeof createApp>, email: string, from?: string) {
  const c = client(app, from);
  await c.get("/login");
  return c.post("/login", { email, password: "not the password" });
}

async function askReset(app: ReturnType<typeof createApp>, email: string, from?: string) {
  const c = client(app, from);
  await c.get("/password/forgot");
  return c.post("/password/forgot", { email });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe.each(backends)("accounts under attack on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  useCollectionWorld(backend, (w) => ({ t, app } = w));

  const forgetLimits = () => t.db.deleteFrom("throttle_events").execute();

  it("limits failed sign-ins per client address, whatever the accounts tried", async () => {
    await forgetLimits();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push((await failLogin(app, `guess${i}@jalon.test`, "203.0.113.7")).status);
    }
    expect(statuses.every((s) => s === 401)).toBe(true);
    // The 31st try from that address is refused before any password is checked…
    const refused = await failLogin(app, "fresh@jalon.test", "203.0.113.7");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Trop de tentatives de connexion");
    // …even with the right password of a real account.
    const c = client(app, "203.0.113.7");
    await c.get("/login");
    expect(
      (await c.post("/login", { email: ACCOUNTS.coordinator.email, password: PASSWORD })).status,
    ).toBe(429);
    // Another client is not affected, and X-Forwarded-For is not believed without a proxy.
    expect((await failLogin(app, "fresh@jalon.test", "198.51.100.2")).status).toBe(401);
    const spoofed = client(app, "203.0.113.7");
    await spoofed.get("/login", { "x-forwarded-for": "192.0.2.44" });
    expect((await failLogin(app, "other@jalon.test", "203.0.113.7")).status).toBe(429);
  });

  it("believes the proxy's last X-Forwarded-For entry only when told a proxy is trusted", async () => {
    await forgetLimits();
    const proxied = createApp({
      db: t.db,
      secureCookies: false,
      trustProxy: true,
      baseUrl: "http://localhost",
    });
    const tryFrom = async (forwarded: string) => {
      const c = client(proxied, "10.0.0.1");
      await c.get("/login");
      return (
        await proxied.request(
          "/login",
          {
            method: "POST",
            body: new URLSearchParams({
              _csrf: c.csrf(),
              email: `x${Math.random()}@jalon.test`,
              password: "not the password",
            }).toString(),
            headers: {
              cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
              "content-type": "application/x-www-form-urlencoded",
              "x-forwarded-for": forwarded,
            },
          },
          { incoming: { socket: { remoteAddress: "10.0.0.1" } } },
        )
      ).status;
    };
    // The client forged a first entry; the proxy appended the real address last.
    for (let i = 0; i < 30; i++) expect(await tryFrom(`1.1.1.${i}, 203.0.113.50`)).toBe(401);
    expect(await tryFrom("9.9.9.9, 203.0.113.50")).toBe(429);
    expect(await tryFrom("203.0.113.50, 203.0.113.51")).toBe(401);
  });

  it("limits reset e-mails per account and per client address", async () => {
    await forgetLimits();
    const before = await t.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("recipient", "=", ACCOUNTS.validator.email)
      .executeTakeFirstOrThrow();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await askReset(app, ACCOUNTS.validator.email, `198.51.100.${i}`)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const after = await t.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("recipient", "=", ACCOUNTS.validator.email)
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(3);
    // An unknown address is limited the same way: the limit says nothing about accounts.
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      unknown.push((await askReset(app, "nobody@jalon.test", `198.51.100.${i}`)).status);
    }
    expect(unknown).toEqual([200, 200, 200, 429]);
    // One client asking for many addresses is stopped after ten.
    await forgetLimits();
    const many: number[] = [];
    for (let i = 0; i < 11; i++) {
      many.push((await askReset(app, `someone${i}@jalon.test`, "203.0.113.9")).status);
    }
    expect(many.slice(0, 10).every((s) => s === 200)).toBe(true);
    const last = await askReset(app, "someone-else@jalon.test", "203.0.113.9");
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(55 * 60);
    expect(await last.text()).toContain("Trop de demandes de réinitialisation");
  });

  it("takes the same time to answer a reset request for a real and an unknown account", async () => {
    const timings = { known: [] as number[], unknown: [] as number[] };
    // Warm up both paths once (first queries prepare plans and load code).
    for (const email of [ACCOUNTS.admin.email, "warm@jalon.test"]) await askReset(app, email);
    for (let i = 0; i < 16; i++) {
      await forgetLimits();
      const pair = [
        ["known", ACCOUNTS.admin.email],
        ["unknown", `nobody${i}@jalon.test`],
      ] as const;
      // Alternate which goes first, so that neither always meets a warmer server.
      for (const [kind, email] of i % 2 === 0 ? pair : [...pair].reverse()) {
        const c = client(app, `192.0.2.${i}`);
        await c.get("/password/forgot");
        const start = performance.now();
        const res = await c.post("/password/forgot", { email });
        timings[kind].push(performance.now() - start);
        expect(res.status).toBe(200);
      }
    }
    const known = median(timings.known);
    const unknown = median(timings.unknown);
    // A generous bound: a few milliseconds of noise, never the cost of a write more or less.
    expect(Math.abs(known - unknown)).toBeLessThan(Math.max(15, 0.4 * Math.min(known, unknown)));
    console.info(
      `reset request on ${backend}: known ${known.toFixed(1)} ms, unknown ${unknown.toFixed(1)} ms`,
    );
  });

  const sessionOf = async (email: string) =>
    t.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select(["sessions.id_hash", "sessions.last_seen_at"])
      .where("users.email", "=", email)
      .orderBy("sessions.created_at", "desc")
      .executeTakeFirstOrThrow();

  it("ends an account's session after the idle time, and notes activity at most once a minute", async () => {
    const idle = createApp({
      db: t.db,
      secureCookies: false,
      baseUrl: "http://localhost",
      sessionIdleMinutes: 30,
    });
    const c = await signIn(idle, ACCOUNTS.programme_manager.email, PASSWORD);
    const { id_hash } = await sessionOf(ACCOUNTS.programme_manager.email);
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    // Seen 30 seconds ago: the request passes and nothing is written.
    await t.db
      .updateTable("sessions")
      .set({ last_seen_at: ago(0.5) })
      .where("id_hash", "=", id_hash)
      .execute();
    const recent = (await sessionOf(ACCOUNTS.programme_manager.email)).last_seen_at;
    expect((await c.get("/manage")).status).toBe(200);
    expect((await sessionOf(ACCOUNTS.programme_manager.email)).last_seen_at).toEqual(recent);
    // Seen 20 minutes ago: still in, and the activity is noted.
    await t.db
      .updateTable("sessions")
      .set({ last_seen_at: ago(20) })
      .where("id_hash", "=", id_hash)
      .execute();
    expect((await c.get("/manage")).status).toBe(200);
    const noted = (await sessionOf(ACCOUNTS.programme_manager.email)).last_seen_at;
    expect(Date.now() - noted.getTime()).toBeLessThan(60_000);
    // Idle for 31 minutes: signed out, though the 14 days have not passed.
    await t.db
      .updateTable("sessions")
      .set({ last_seen_at: ago(31) })
      .where("id_hash", "=", id_hash)
      .execute();
    const gone = await c.get("/manage");
    expect(gone.status).toBe(303);
    expect(gone.headers.get("location")).toMatch(/^\/login/);
    // The default is a few hours: the same 31 minutes do not end a session on the usual app.
    const d = await signIn(app, ACCOUNTS.programme_manager.email, PASSWORD);
    const second = await sessionOf(ACCOUNTS.programme_manager.email);
    await t.db
      .updateTable("sessions")
      .set({ last_seen_at: ago(31) })
      .where("id_hash", "=", second.id_hash)
      .execute();
    expect((await d.get("/manage")).status).toBe(200);
    await t.db
      .updateTable("sessions")
      .set({ last_seen_at: ago(5 * 60) })
      .where("id_hash", "=", second.id_hash)
      .execute();
    expect((await d.get("/manage")).status).toBe(303);
  });

  it("keeps nothing a signed-in person sees, nor any answer to a write, in a cache", async () => {
    const anonymous = client(app);
    const home = await anonymous.get("/");
    expect(home.headers.get("cache-control")).toBe("no-cache");
    const loginPost = await anonymous.post("/login", { email: "x@jalon.test", password: "y" });
    expect(loginPost.headers.get("cache-control")).toBe("no-store");
    const coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    for (const path of [
      "/",
      "/manage",
      "/manage/cycles/2023",
      "/q/2023/psi",
      "/api/q/2023/psi",
      "/nowhere",
    ]) {
      const res = await coordinator.get(path);
      expect(`${path}: ${res.headers.get("cache-control")}`).toBe(`${path}: no-store`);
    }
    const write = await coordinator.post("/manage/acronyms", {});
    expect(write.headers.get("cache-control")).toBe("no-store");
  });

  it("sends HSTS only in secure mode, a Permissions-Policy, and forbids framing the HTML report", async () => {
    const plain = await app.request("/");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const secure = createApp({
      db: t.db,
      secureCookies: true,
      baseUrl: "https://jalon.test",
    });
    const res = await secure.request("/");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d{8}/);
    expect(res.headers.get("permissions-policy")).toContain("geolocation=()");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    const report = await secure.request("/cycles/2022/report.html");
    expect(report.status).toBe(200);
    const csp = report.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(report.headers.get("strict-transport-security")).toMatch(/max-age/);
  });

  it("refuses easy passwords on the page where one is chosen", async () => {
    const admin = await signIn(app, ACCOUNTS.admin.email, PASSWORD);
    const created = await admin.post("/manage/users", {
      email: "mariam.keita@sante.ml",
      name: "Mariam Keïta",
      role: "validator",
      partner: "",
    });
    expect(created.status).toBe(200);
    const token = /\/password\/reset\/([A-Za-z0-9_-]+)/.exec(await created.text())?.[1] ?? "";
    const page = await admin.get(`/password/reset/${token}`);
    expect(await page.text()).toContain("Au moins 12 caractères");
    for (const weak of [
      "monmotdepasse",
      "Password2024!",
      "azertyuiop123",
      "jalon-jalon-2024",
      "mariam.keita2024",
      "zzzzzzzzzzzzzz",
      "short-pw-11",
    ]) {
      const res = await admin.post(`/password/reset/${token}`, { password: weak });
      expect(`${weak}: ${res.status}`).toBe(`${weak}: 400`);
      expect(await res.text()).toMatch(/trop facile à deviner|au moins 12 caractères/);
    }
    const good = await admin.post(`/password/reset/${token}`, {
      password: "le fleuve Niger à Ségou",
    });
    expect(good.status).toBe(200);
    await expect(
      signIn(app, "mariam.keita@sante.ml", "le fleuve Niger à Ségou"),
    ).resolves.toBeTruthy();
  });
});

describe("security settings", () => {
  it("reads the idle time and the proxy setting from the environment, refusing nonsense", async () => {
    const { readConfig } = await import("../../src/config.ts");
    const defaults = readConfig({});
    expect(defaults).toMatchObject({
      ok: true,
      config: { sessionIdleMinutes: 240, trustProxy: false },
    });
    expect(
      readConfig({ JALON_SESSION_IDLE_MINUTES: "45", JALON_TRUST_PROXY: "true" }),
    ).toMatchObject({ ok: true, config: { sessionIdleMinutes: 45, trustProxy: true } });
    expect(readConfig({ JALON_SESSION_IDLE_MINUTES: "0" })).toMatchObject({
      ok: false,
      error: { variable: "JALON_SESSION_IDLE_MINUTES" },
    });
    expect(readConfig({ JALON_TRUST_PROXY: "yes" })).toMatchObject({
      ok: false,
      error: { variable: "JALON_TRUST_PROXY" },
    });
  });
});
