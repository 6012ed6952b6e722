// GET /api/analytics over the health world: DHIS2's answer shape, refusals in DHIS2's error
// shape naming the item (in French or English), non-public data refused to visitors, HTTP Basic
// accepted with an account's password and refused (401 with the challenge, then locked like the
// sign-in form) with a wrong one — on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setIndicatorPublic } from "../../src/db/health/catalogue.ts";
import { client, signIn } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { basic, HEALTH_ACCOUNTS, HEALTH_PASSWORD, healthApp } from "../support/health-app.ts";
import { plain } from "../support/text.ts";

/** French messages put a no-break space before ":"; compared here as a plain space. */

const JAN =
  "/api/analytics?dimension=dx:InAnc1Cov01;CPN1&dimension=pe:202201&filter=ou:RegSeg00001&includeNumDen=true";

describe.each(backends)("analytics API on %s", (backend) => {
  let t: TestDatabase;
  let app: Awaited<ReturnType<typeof healthApp>>["app"];
  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await healthApp(t));
  });
  afterAll(() => t.dispose());

  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(path, { headers });
  const forgetLimits = () => t.db.deleteFrom("throttle_events").execute();

  it("answers a signed-in session in DHIS2's shape, with the hand-checked 80 %", async () => {
    const admin = await signIn(app, HEALTH_ACCOUNTS.admin, HEALTH_PASSWORD);
    for (const path of [JAN, JAN.replace("/api/analytics?", "/api/analytics.json?")]) {
      const res = await admin.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = await res.json();
      expect(body.headers.map((h: { name: string }) => h.name)).toEqual([
        "dx",
        "pe",
        "value",
        "numerator",
        "denominator",
        "factor",
      ]);
      expect(body.rows).toEqual([
        ["InAnc1Cov01", "202201", "80", "80", "100", "100"],
        ["DeAnc100001", "202201", "80", "", "", ""],
      ]);
      expect(body.metaData.items.InAnc1Cov01.name).toBe("Couverture CPN1");
      expect([body.height, body.width, body.headerWidth]).toEqual([2, 6, 6]);
    }
  });

  it("refuses an unsupported parameter by name, in DHIS2's error shape and the caller's language", async () => {
    const fr = await get(`${JAN}&columns=dx`, {
      authorization: basic(HEALTH_ACCOUNTS.admin, HEALTH_PASSWORD),
    });
    expect(fr.status).toBe(400);
    const body = await fr.json();
    body.message = plain(body.message);
    expect(body).toMatchObject({
      httpStatus: "Bad Request",
      httpStatusCode: 400,
      status: "ERROR",
      message: "Paramètre non pris en charge « columns ».",
      issues: [{ code: "unsupported_parameter", item: "columns" }],
    });
    const en = await get(`${JAN}&columns=dx`, { "accept-language": "en-GB,en;q=0.9,fr;q=0.5" });
    expect((await en.json()).message).toBe("Unsupported parameter “columns”.");
    // The saved choice of language wins over the header.
    const cookie = await get(`${JAN}&columns=dx`, {
      "accept-language": "en",
      cookie: "jalon_lang=fr",
    });
    expect(plain((await cookie.json()).message)).toBe("Paramètre non pris en charge « columns ».");
  });

  it("names an unknown item, a missing dimension and an impossible period", async () => {
    const auth = {
      authorization: basic(HEALTH_ACCOUNTS.validator, HEALTH_PASSWORD),
      "accept-language": "en",
    };
    const unknown = await get(
      "/api/analytics?dimension=dx:NOPE&dimension=pe:2022&filter=ou:RegSeg00001",
      auth,
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      httpStatusCode: 400,
      status: "ERROR",
      message: "Unknown indicator or data element “NOPE”.",
      issues: [{ code: "unknown_dx_item", item: "NOPE" }],
    });
    const missing = await get("/api/analytics?dimension=dx:CPN1&dimension=pe:2022", auth);
    expect((await missing.json()).message).toBe(
      "The ou dimension (organisation units) is missing.",
    );
    const period = await get(
      "/api/analytics?dimension=dx:CPN1&dimension=pe:202213&filter=ou:RegSeg00001",
      auth,
    );
    expect(period.status).toBe(400);
    expect((await period.json()).issues).toEqual([{ code: "unknown_period", item: "202213" }]);
  });

  it("refuses non-public data to a visitor with 401 and the Basic challenge, whether the item exists or not", async () => {
    for (const path of [
      JAN,
      "/api/analytics?dimension=dx:NOPE&dimension=pe:2022&filter=ou:RegSeg00001",
    ]) {
      const res = await get(path);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Basic realm="Jalon"');
      expect(await res.json()).toMatchObject({
        httpStatus: "Unauthorized",
        httpStatusCode: 401,
        status: "ERROR",
      });
    }
  });

  it("answers a public indicator to anyone, and a data element still only to staff", async () => {
    const id = (
      await t.db
        .selectFrom("health_indicators")
        .select("id")
        .where("uid", "=", "InAnc1Cov01")
        .executeTakeFirstOrThrow()
    ).id;
    await setIndicatorPublic(t.db, id, true);
    try {
      const open = await get(
        "/api/analytics?dimension=dx:InAnc1Cov01&dimension=ou:DisBar00001;DisBla00001&filter=pe:2022Q1",
      );
      expect(open.status).toBe(200);
      const body = await open.json();
      expect(body.rows.map((r: string[]) => [r[1], Number(r[2]).toFixed(2)])).toEqual([
        ["DisBar00001", "109.09"],
        ["DisBla00001", "100.00"],
      ]);
      expect((await get(JAN)).status).toBe(401);
    } finally {
      await setIndicatorPublic(t.db, id, false);
    }
  });

  it("accepts HTTP Basic with an account's password, refuses a wrong one and then locks the address", async () => {
    await forgetLimits();
    const ok = await get(JAN, { authorization: basic(HEALTH_ACCOUNTS.validator, HEALTH_PASSWORD) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect((await ok.json()).rows[0]).toEqual(["InAnc1Cov01", "202201", "80", "80", "100", "100"]);

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await get(JAN, {
        authorization: basic(HEALTH_ACCOUNTS.validator, "not the password"),
        "accept-language": "en",
      });
      statuses.push(res.status);
      expect(res.headers.get("www-authenticate")).toBe('Basic realm="Jalon"');
      expect(await res.json()).toMatchObject({
        httpStatusCode: 401,
        message: "Wrong e-mail address or password.",
      });
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // The sixth try is refused without checking, even with the right password: as the form does.
    const locked = await get(JAN, {
      authorization: basic(HEALTH_ACCOUNTS.validator, HEALTH_PASSWORD),
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await locked.json()).httpStatusCode).toBe(429);
    // The same lock holds the sign-in form.
    const form = client(app);
    await form.get("/login");
    expect(
      (await form.post("/login", { email: HEALTH_ACCOUNTS.validator, password: HEALTH_PASSWORD }))
        .status,
    ).toBe(429);
    const failures = await t.db
      .selectFrom("audit_log")
      .select("after")
      .where("action", "=", "sign_in_failed")
      .where("entity_id", "=", HEALTH_ACCOUNTS.validator)
      .execute();
    expect(failures.length).toBeGreaterThanOrEqual(6);
    await forgetLimits();
  });

  it("takes a malformed or unknown Basic header as wrong credentials, never as a visitor", async () => {
    const id = (
      await t.db
        .selectFrom("health_indicators")
        .select("id")
        .where("uid", "=", "InAnc1Cov01")
        .executeTakeFirstOrThrow()
    ).id;
    await setIndicatorPublic(t.db, id, true);
    try {
      const open =
        "/api/analytics?dimension=dx:InAnc1Cov01&dimension=pe:202201&filter=ou:RegSeg00001";
      expect((await get(open)).status).toBe(200);
      for (const authorization of [
        "Basic !!!",
        "Basic",
        `Basic ${Buffer.from("no-colon").toString("base64")}`,
        basic("nobody@sante.test", "x"),
      ]) {
        const res = await get(open, { authorization });
        expect(res.status, authorization).toBe(401);
        expect(res.headers.get("www-authenticate")).toBe('Basic realm="Jalon"');
      }
      // Another scheme is not ours to judge: the request is a visitor's.
      expect((await get(open, { authorization: "Bearer abc" })).status).toBe(200);
    } finally {
      await setIndicatorPublic(t.db, id, false);
    }
    await forgetLimits();
  });
});
