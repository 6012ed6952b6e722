// Personal access tokens end to end: made on the account page (the secret shown once, only its
// SHA-256 stored, the making audited without it), listed, revoked; sent to /api/analytics as
// DHIS2 clients send them (`ApiToken`) or as `Bearer`, acting with the owner's rights; refused
// alike when revoked, expired, unknown or malformed (401, a challenge, no reason); a client
// address that fails too often is held off (429) — on PGlite and PostgreSQL.
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/http/shared/env.ts";
import { tokenHash } from "../../src/services/shared/secrets.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { HEALTH_ACCOUNTS, HEALTH_PASSWORD, healthApp } from "../support/health-app.ts";

const JAN =
  "/api/analytics?dimension=dx:InAnc1Cov01&dimension=pe:202201&filter=ou:RegSeg00001&includeNumDen=true";

/** The token the page shows once, read from its copy field. */
function shownToken(page: string): string {
  const m = /name="token" value="(jalon_pat_[0-9a-f]{16}[A-Za-z0-9_-]{43})"/.exec(page);
  if (!m?.[1]) throw new Error("no token on the page");
  return m[1];
}

describe.each(backends)("personal access tokens on %s", (backend) => {
  let t: TestDatabase;
  let app: Hono<AppEnv>;
  let admin: TestClient;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await healthApp(t));
    admin = await signIn(app, HEALTH_ACCOUNTS.admin, HEALTH_PASSWORD);
  });
  afterAll(() => t.dispose());

  const api = (authorization: string, from?: string) =>
    app.request(
      JAN,
      { headers: { authorization, "accept-language": "en" } },
      from ? { incoming: { socket: { remoteAddress: from } } } : undefined,
    );
  const forgetLimits = () => t.db.deleteFrom("throttle_events").execute();

  async function make(c: TestClient, name: string, days = "90") {
    await c.get("/account/tokens");
    const res = await c.post("/account/tokens", { name, days });
    expect(res.status).toBe(200);
    return shownToken(await res.text());
  }

  it("makes a token, shows it once, keeps only its hash, and audits it without the hash", async () => {
    const page = await admin.get("/account/tokens");
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain('action="/account/tokens"');
    expect(html).toContain('name="_csrf"');

    const res = await admin.post("/account/tokens", { name: "Power BI", days: "30" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.text();
    const token = shownToken(body);
    expect(body).toContain("ApiToken");

    const row = await t.db
      .selectFrom("access_tokens")
      .selectAll()
      .where("name", "=", "Power BI")
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(tokenHash(token.slice("jalon_pat_".length + 16)));
    expect(row.secret_hash).not.toContain(token);
    const days = (row.expires_at.getTime() - row.created_at.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    // Nowhere in the database is the token itself.
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "after", "actor"])
      .where("entity", "=", "access_tokens")
      .where("entity_id", "=", String(row.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create"]);
    expect(JSON.stringify(audit)).not.toContain(row.secret_hash);
    expect(JSON.stringify(audit)).not.toContain(token);

    // Shown once: the list names it, never again its secret.
    const again = await (await admin.get("/account/tokens")).text();
    expect(again).toContain("Power BI");
    expect(again).not.toContain(token);
  });

  it("refuses a form without its CSRF token, a missing name and a lifetime not offered", async () => {
    const forged = await admin.post("/account/tokens", { _csrf: "", name: "x", days: "30" });
    expect(forged.status).toBe(403);
    await admin.get("/account/tokens");
    const bad = await admin.post("/account/tokens", { name: "  ", days: "400" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Donnez un nom au jeton.");
    expect(html).toContain("Choisissez une durée dans la liste.");
    expect(
      await t.db.selectFrom("access_tokens").select("id").where("name", "=", "x").execute(),
    ).toEqual([]);
  });

  it("answers /api/analytics to ApiToken and Bearer as the owner, and records the use", async () => {
    const token = await make(admin, "script");
    for (const authorization of [`ApiToken ${token}`, `Bearer ${token}`]) {
      const res = await api(authorization);
      expect(res.status, authorization).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect((await res.json()).rows[0]).toEqual([
        "InAnc1Cov01",
        "202201",
        "80",
        "80",
        "100",
        "100",
      ]);
    }
    const row = await t.db
      .selectFrom("access_tokens")
      .select("last_used_at")
      .where("name", "=", "script")
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
    expect(await (await admin.get("/account/tokens")).text()).toContain("dernière utilisation");
  });

  it("sends a visitor to the sign-in, and refuses a visitor's post", async () => {
    const visitor = client(app);
    const anon = await visitor.get("/account/tokens");
    expect(anon.status).toBe(303);
    expect(anon.headers.get("location")).toBe("/login?next=%2Faccount%2Ftokens");
    await visitor.get("/login");
    const post = await visitor.post("/account/tokens", { name: "x", days: "30" });
    expect(post.status).toBe(401);
  });

  it("refuses a revoked, expired, unknown or malformed token alike, with a challenge", async () => {
    const revoked = await make(admin, "to revoke");
    const expired = await make(admin, "to expire");
    const id = (
      await t.db
        .selectFrom("access_tokens")
        .select("id")
        .where("name", "=", "to revoke")
        .executeTakeFirstOrThrow()
    ).id;
    await admin.get("/account/tokens");
    const done = await admin.post(`/account/tokens/${id}/revoke`, {});
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Jeton révoqué");
    await t.db
      .updateTable("access_tokens")
      .set({
        created_at: new Date(Date.now() - 40 * 86_400_000),
        expires_at: new Date(Date.now() - 86_400_000),
      })
      .where("name", "=", "to expire")
      .execute();
    // The same selector with another secret, a token never made, and shapes that are no token.
    const wrongSecret = `${revoked.slice(0, -43)}${"B".repeat(43)}`;
    const unknown = `jalon_pat_${"0".repeat(16)}${"C".repeat(43)}`;
    const cases: [string, string][] = [
      ["revoked", `ApiToken ${revoked}`],
      ["expired", `ApiToken ${expired}`],
      ["wrong secret", `ApiToken ${wrongSecret}`],
      ["unknown", `ApiToken ${unknown}`],
      ["malformed", "ApiToken d2pat_notours"],
      ["empty", "ApiToken"],
      ["bearer malformed", "Bearer jalon_pat_short"],
      ["bearer expired", `Bearer ${expired}`],
    ];
    const bodies = new Set<string>();
    for (const [what, authorization] of cases) {
      const res = await api(authorization);
      expect(res.status, what).toBe(401);
      expect(res.headers.get("www-authenticate"), what).toBe(
        authorization.startsWith("Bearer")
          ? 'Bearer realm="Jalon", error="invalid_token"'
          : 'ApiToken realm="Jalon"',
      );
      bodies.add(await res.text());
    }
    // One answer whatever the reason: nothing tells a revoked token from an unknown one.
    expect(bodies).toEqual(
      new Set([
        JSON.stringify({
          httpStatus: "Unauthorized",
          httpStatusCode: 401,
          status: "ERROR",
          message: "Access token not valid.",
        }),
      ]),
    );
    // The reasons are in the audit log, for the administrator.
    const reasons = await t.db
      .selectFrom("audit_log")
      .select("after")
      .where("entity", "=", "access_tokens")
      .where("action", "=", "sign_in_failed")
      .execute();
    expect(new Set(reasons.map((r) => (r.after as { reason: string }).reason))).toEqual(
      new Set(["revoked", "expired", "unknown", "malformed"]),
    );
    // A revoked token cannot be revoked again, and another account's is not found.
    expect((await admin.post(`/account/tokens/${id}/revoke`, {})).status).toBe(404);
    const validator = await signIn(app, HEALTH_ACCOUNTS.validator, HEALTH_PASSWORD);
    const mine = await make(validator, "validator's");
    const theirs = (
      await t.db
        .selectFrom("access_tokens")
        .select("id")
        .where("name", "=", "validator's")
        .executeTakeFirstOrThrow()
    ).id;
    expect((await admin.post(`/account/tokens/${theirs}/revoke`, {})).status).toBe(404);
    expect((await api(`ApiToken ${mine}`)).status).toBe(200);
    await forgetLimits();
  });

  it("holds off a client address after 30 failures, even with a good token, and only that one", async () => {
    const good = await make(admin, "held off");
    const bad = `ApiToken jalon_pat_${"1".repeat(16)}${"D".repeat(43)}`;
    for (let i = 0; i < 30; i++) expect((await api(bad, "203.0.113.9")).status).toBe(401);
    const locked = await api(`ApiToken ${good}`, "203.0.113.9");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await api(`ApiToken ${good}`, "203.0.113.10")).status).toBe(200);
    await forgetLimits();
  });

  it("stops a disabled owner's tokens", async () => {
    const token = await make(admin, "owner disabled");
    const owner = await t.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", HEALTH_ACCOUNTS.admin)
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("users")
      .set({ disabled_at: new Date() })
      .where("id", "=", owner.id)
      .execute();
    try {
      expect((await api(`ApiToken ${token}`)).status).toBe(401);
    } finally {
      await t.db
        .updateTable("users")
        .set({ disabled_at: null })
        .where("id", "=", owner.id)
        .execute();
    }
  });

  it("refuses in the database a token without an expiry or living more than a year", async () => {
    const user = await t.db.selectFrom("users").select("id").executeTakeFirstOrThrow();
    const row = (expires: Date) =>
      t.db
        .insertInto("access_tokens")
        .values({
          user_id: user.id,
          name: "raw",
          selector: "abcdefabcdefabcd",
          secret_hash: "0".repeat(64),
          expires_at: expires,
        })
        .execute();
    await expect(row(new Date(Date.now() + 400 * 86_400_000))).rejects.toThrow();
    await expect(row(new Date(Date.now() - 1000))).rejects.toThrow();
  });
});
