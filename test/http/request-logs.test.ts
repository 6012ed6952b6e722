// The server's logs over a whole journey — a set-up link, password sign-in, a password reset
// by e-mail, an invitation link, an access token on /api/analytics, jobs — written to memory:
// every line is JSON, every request line names its id, method, route pattern, status and
// duration, and no line holds a password, a token, a link's secret, a cookie or an e-mail body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob } from "../../src/db/shared/jobs.ts";
import { loadDemo } from "../../src/demo/load.ts";
import { createApp } from "../../src/http/app.ts";
import { createJobRunner } from "../../src/services/shared/jobs.ts";
import {
  enqueueMail,
  MAIL_DELIVERY_JOB,
  type Mailer,
  mailJobs,
} from "../../src/services/shared/mail.ts";
import { offerSetupLink } from "../../src/services/shared/setup-links.ts";
import { createInvitation, invitationLinks } from "../../src/services/tracker/invitations.ts";
import { client, signIn } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { memoryLog } from "../support/logs.ts";
import { openCycle2023, SYSTEM } from "../support/world.ts";

const BASE = "http://jalon.test";
const EMAIL = "chef@example.org";
const PASSWORD = "un mot de passe sûr";
const NEW_PASSWORD = "encore un autre mot de passe";
const BOUNCE = "absent@example.org";
const BOUNCED_BODY = "Rappel : votre questionnaire attend encore vos réponses.";

describe.each(backends)("request logs on %s", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadDemo(t, { reset: false });
  });
  afterAll(() => t.dispose());

  it("log every request as JSON with its id, and never a secret", async () => {
    const log = memoryLog("debug");
    const app = createApp({ db: t.db, secureCookies: false, baseUrl: BASE, logger: log.logger });
    const secrets: string[] = [PASSWORD, NEW_PASSWORD];
    const sent: { to: string; text: string }[] = [];
    const mailer: Mailer = {
      from: "jalon@jalon.test",
      send: async (m) => {
        if (m.to === BOUNCE) throw new Error(`550 mailbox unavailable: <${BOUNCE}>`);
        sent.push({ to: m.to, text: m.text });
      },
    };
    const runner = createJobRunner(
      t.db,
      {
        ...mailJobs(mailer, invitationLinks),
        "test.broken": async () => {
          throw new Error("broken on purpose");
        },
      },
      { log: log.logger },
    );
    const cookiesOf = (c: { cookies: Map<string, string> }) => secrets.push(...c.cookies.values());

    // The set-up link makes the first administrator.
    const setup = new URL((await offerSetupLink(t.db, BASE)) ?? "").pathname;
    secrets.push(setup.split("/").at(-1) ?? "");
    const first = client(app);
    await first.get(setup);
    const made = await first.post(setup, { email: EMAIL, name: "Aminata", password: PASSWORD });
    expect(made.status).toBe(303);
    cookiesOf(first);
    await openCycle2023(t.db);

    // A password sign-in, then a personal access token sent to the analytics API both ways.
    const admin = await signIn(app, EMAIL, PASSWORD);
    cookiesOf(admin);
    await admin.get("/account/tokens");
    const page = await (await admin.post("/account/tokens", { name: "BI", days: "30" })).text();
    const token = /name="token" value="(jalon_pat_[^"]+)"/.exec(page)?.[1] ?? "";
    expect(token).not.toBe("");
    secrets.push(token, token.slice("jalon_pat_".length + 16));
    for (const authorization of [`ApiToken ${token}`, `Bearer ${token}`]) {
      const res = await app.request("/api/analytics?dimension=pe:202201", {
        headers: { authorization },
      });
      expect(res.status).not.toBe(401);
    }

    // A password reset by e-mail, delivered by the job runner, then a sign-in with the new one.
    const forgot = client(app);
    await forgot.get("/password/forgot");
    expect((await forgot.post("/password/forgot", { email: EMAIL })).status).toBe(200);
    // A message the mail server refuses: a line with the job's and the message's ids only.
    await enqueueMail(t.db, {
      recipient: BOUNCE,
      subject: "Rappel",
      body: BOUNCED_BODY,
      kind: "reminder",
    });
    secrets.push(BOUNCED_BODY);
    await enqueueJob(t.db, { kind: MAIL_DELIVERY_JOB });
    await enqueueJob(t.db, { kind: "test.broken", maxAttempts: 1 });
    runner.kick();
    await runner.settled();
    await runner.stop();
    const mail = sent.find((m) => m.to === EMAIL);
    const reset = new URL(/http\S+\/password\/reset\/\S+/.exec(mail?.text ?? "")?.[0] ?? BASE);
    expect(reset.pathname).toMatch(/^\/password\/reset\/./);
    secrets.push(reset.pathname.split("/").at(-1) ?? "", mail?.text ?? "");
    await forgot.get(reset.pathname);
    expect((await forgot.post(reset.pathname, { password: NEW_PASSWORD })).status).toBeLessThan(
      400,
    );
    cookiesOf(await signIn(app, EMAIL, NEW_PASSWORD));

    // An invitation link opens the questionnaire.
    const { url } = await createInvitation(
      t.db,
      SYSTEM,
      { cycleSlug: "2023", partnerSlug: "psi", email: null, baseUrl: BASE },
      (m) => ({ subject: "Invitation", body: `Votre lien : ${m.url}` }),
      "fr",
    );
    const invitation = new URL(url).pathname;
    secrets.push(invitation.split("/").at(-1) ?? "");
    const invited = client(app);
    const opened = await invited.get(invitation);
    expect(opened.status).toBeLessThan(400);
    cookiesOf(invited);

    // An incoming request id is kept and echoed; a strange one is replaced.
    const kept = await app.request("/healthz", { headers: { "x-request-id": "lb-4f2a9c1e" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-4f2a9c1e");
    const odd = await app.request("/healthz", { headers: { "x-request-id": "a b\u0007c" } });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const entries = log.entries();
    const requests = entries.filter((e) => e.msg === "request");
    expect(requests.length).toBeGreaterThan(15);
    for (const e of requests) {
      expect(typeof e.reqId).toBe("string");
      expect(typeof e.method).toBe("string");
      expect(typeof e.route).toBe("string");
      expect(typeof e.status).toBe("number");
      expect(typeof e.ms).toBe("number");
    }
    // Every line is a request's, with its id, or a job's, with the job's id.
    for (const e of entries) expect(e.reqId ?? e.jobId, JSON.stringify(e)).toBeDefined();
    const routes = new Set(requests.map((e) => `${e.method} ${e.route}`));
    for (const route of [
      "GET /setup/:token",
      "POST /setup/:token",
      "POST /login",
      "GET /password/reset/:token",
      "POST /password/reset/:token",
      "GET /i/:token",
      "GET /healthz",
      "GET /api/analytics",
    ])
      expect(routes).toContain(route);
    expect(requests.some((e) => e.reqId === "lb-4f2a9c1e")).toBe(true);
    expect(entries.find((e) => e.msg === "job failed")).toMatchObject({ kind: "test.broken" });
    const bounced = entries.find((e) => e.msg === "mail not sent");
    expect(bounced).toMatchObject({ kind: MAIL_DELIVERY_JOB });
    expect(typeof bounced?.jobId).toBe("string");
    expect(typeof bounced?.mailId).toBe("number");

    const text = log.lines.join("");
    const shown = secrets.filter((s) => s.length >= 8 && text.includes(s));
    expect(shown).toEqual([]);
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(BOUNCE);
    expect(text).not.toMatch(/jalon_pat_|password=|cookie/i);
  });
});
