// An attacker's probe of accounts and sessions: rate limits by address and by client, reset
// requests that take the same time for real and unknown accounts, idle sessions, cache and
// security headers, and passwords that are easy to guess.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { client, signIn } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

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

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
  });
  afterAll(() => t.dispose());

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
    const proxied = createApp({ db: t.db, secureCookies: false, log: () => {}, trustProxy: true });
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
});
