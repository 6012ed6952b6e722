// The logs of a real server process over a whole journey, at LOG_LEVEL=debug, on each store:
// an administrator signs in and makes an account and a personal access token, a coordinator
// invites a respondent by e-mail, the respondent opens the link that arrived and answers, a
// password is reset by e-mail, a health file is uploaded, reminders go out. Every log line is
// JSON with its request's or job's id, every request line has its method, route, status and
// duration, and no line printed holds a password, a cookie, a link's secret, a token or any
// e-mail's text. LOG_LEVEL=silent prints no log line, warn no request line.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { loadDemo } from "../../src/demo/load.ts";
import { httpClient, signIn, type TestClient } from "../support/client.ts";
import { type BackendName, backends, throwawayDatabase } from "../support/database.ts";
import { type Served, serveJalon } from "../support/served.ts";
import { type SmtpListener, startSmtpListener } from "../support/smtp.ts";
import { ACCOUNTS, addAccounts, openCycle2023, PASSWORD } from "../support/world.ts";

const BIN = resolve(import.meta.dirname, "../../bin/jalon.js");
const NEW_PASSWORD = "une phrase de passe toute neuve";
const INVITED = "point-focal@amppf.ml";

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function until<T>(what: string, look: () => T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = look();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const undo of cleanups.reverse()) await undo();
}, 30_000);

/** A store of the kind, seeded, and the environment that points a server at it. */
async function store(
  kind: BackendName,
  seed: (database: Database) => Promise<void>,
): Promise<Record<string, string>> {
  if (kind === "postgres") {
    const target = await throwawayDatabase();
    cleanups.push(target.drop);
    const database = await openDatabase({ kind: "postgres", url: target.url });
    try {
      await seed(database);
    } finally {
      await database.close();
    }
    return { DATABASE_URL: target.url };
  }
  const root = await mkdtemp(join(tmpdir(), "jalon-logs-"));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const dataDir = join(root, "data");
  const database = await openDatabase({ kind: "pglite", dataDir });
  try {
    await seed(database);
  } finally {
    await database.close();
  }
  return { JALON_DATA_DIR: dataDir };
}

async function world(database: Database): Promise<void> {
  await migrateToLatest(database.db);
  await loadDemo(database, { reset: false });
  await addAccounts(database.db);
  // Three days before the deadline: the schedule sends reminders during the journey.
  await openCycle2023(database.db, day(3), new Date());
}

async function serve(env: Record<string, string>): Promise<{ served: Served; url: string }> {
  const served = serveJalon({ JALON_LANG: "en", ...env });
  cleanups.push(async () => {
    if (served.process.exitCode === null) served.process.kill("SIGKILL");
  });
  const ready = await Promise.race([
    served.waitFor(/ready: (http:\/\/127\.0\.0\.1:\d+)/),
    served.exited.then(() => {
      throw new Error(`the server exited: ${served.lines.join("\n")}`);
    }),
  ]);
  return { served, url: ready[1] ?? "" };
}

/** SIGTERM, and the exit: every line the server had to write is then read. */
async function stop(served: Served): Promise<void> {
  served.process.kill("SIGTERM");
  expect(await served.exited).toEqual({ code: 0, signal: null });
}

/** The text of a message as it arrived: what follows its headers. */
const bodyOf = (raw: string) => raw.slice(raw.indexOf("\r\n\r\n") + 4);

describe.each(backends)("the logs of a whole journey on %s", (backend) => {
  let smtp: SmtpListener;

  it("hold every request's fields and none of its secrets", async () => {
    smtp = await startSmtpListener();
    cleanups.push(() => smtp.close());
    const { served, url } = await serve({
      ...(await store(backend, world)),
      SMTP_URL: smtp.url,
      MAIL_FROM: "Jalon <jalon@jalon.test>",
      JALON_SCHEDULE_SECONDS: "1",
      JALON_JOB_POLL_SECONDS: "1",
      LOG_LEVEL: "debug",
    });
    const secrets: string[] = [PASSWORD, NEW_PASSWORD];
    const clients: TestClient[] = [];
    const browser = () => {
      const c = httpClient(url);
      clients.push(c);
      return c;
    };
    // Reminders go out meanwhile, to some of the same addresses: a message is told by its text.
    const arrivedFor = (to: string, text: RegExp) =>
      until(`a message to ${to}`, () =>
        smtp.arrived.find((m) => m.to.includes(to) && text.test(m.raw)),
      );

    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    // The administrator: a new account (its set-up link is shown once) and an access token.
    const admin = await signIn(browser(), ACCOUNTS.admin.email, PASSWORD);
    await admin.get("/manage/users");
    const made = await admin.post("/manage/users", {
      email: "nouvelle@jalon.test",
      name: "Nouvelle",
      role: "validator",
    });
    expect(made.status).toBe(200);
    const setup = /\/(?:setup|password\/[a-z-]+)\/([A-Za-z0-9_-]{16,})/.exec(await made.text());
    expect(setup?.[1]).toBeDefined();
    secrets.push(setup?.[1] ?? "");
    await admin.get("/account/tokens");
    const tokens = await (await admin.post("/account/tokens", { name: "BI", days: "30" })).text();
    const token = /name="token" value="(jalon_pat_[^"]+)"/.exec(tokens)?.[1] ?? "";
    expect(token).not.toBe("");
    secrets.push(token);
    const analytics = await fetch(`${url}/api/analytics?dimension=pe:202201`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(analytics.status).not.toBe(401);

    // A health file uploaded for import (a trial run), done by the job runner.
    await admin.get("/health/imports");
    const form = new FormData();
    form.append("_csrf", admin.csrf());
    form.append("kind", "values");
    form.append("dryRun", "1");
    form.append(
      "file",
      new File(
        [
          "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n" +
            "CPN1visites,202201,BoidieCSCom,DefaultCoC1,DefaultCoC1,12\n",
        ],
        "valeurs.csv",
        { type: "text/csv" },
      ),
    );
    const uploaded = await fetch(`${url}/health/imports`, {
      method: "POST",
      body: form,
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      redirect: "manual",
    });
    expect(uploaded.status).toBe(303);
    expect((await admin.get(uploaded.headers.get("location") ?? "")).status).toBe(200);

    // The coordinator invites AMPPF's focal point by e-mail; the link that arrives opens the
    // questionnaire, and an answer is saved.
    const coordinator = await signIn(browser(), ACCOUNTS.coordinator.email, PASSWORD);
    await coordinator.get("/manage/cycles/2023/partners/amppf");
    const invited = await coordinator.post("/manage/cycles/2023/partners/amppf/invite", {
      email: INVITED,
    });
    expect(invited.status).toBe(200);
    const invitation = await arrivedFor(INVITED, /^Subject: Jalon/m);
    const link = /http:\/\/127\.0\.0\.1:\d+(\/i\/([A-Za-z0-9_-]{16,}))/.exec(invitation.raw);
    expect(link?.[2]).toBeDefined();
    secrets.push(link?.[2] ?? "");
    const respondent = browser();
    const opened = await respondent.get(link?.[1] ?? "");
    expect(opened.headers.get("location")).toBe("/q/2023/amppf");
    await respondent.get("/q/2023/amppf");
    const q = (await (await respondent.get("/api/q/2023/amppf")).json()) as {
      commitments: { indicators: { code: string }[] }[];
    };
    const code = q.commitments[0]?.indicators[0]?.code ?? "";
    const saved = await respondent.send(
      "PUT",
      `/api/q/2023/amppf/${code}`,
      {
        answer: {
          contributes: "yes",
          activities: "Formation de 40 prestataires à Kayes.",
          collaboratorIds: [],
          collaboratorsText: null,
          difficulties: null,
          outputs: [],
          evidence: [],
        },
        submit: false,
      },
      { "if-match": '"0"', "x-client-id": "amppf-journey-0001" },
    );
    expect(saved.status).toBe(200);

    // PSI's respondent forgets the password: the reset link arrives, sets a new one.
    const forgot = browser();
    await forgot.get("/password/forgot");
    expect(
      (await forgot.post("/password/forgot", { email: ACCOUNTS.respondent.email })).status,
    ).toBe(200);
    const reset = await arrivedFor(ACCOUNTS.respondent.email, /\/password\/reset\//);
    const resetLink = /http:\/\/127\.0\.0\.1:\d+(\/password\/reset\/([A-Za-z0-9_-]{16,}))/.exec(
      reset.raw,
    );
    expect(resetLink?.[2]).toBeDefined();
    secrets.push(resetLink?.[2] ?? "");
    await forgot.get(resetLink?.[1] ?? "");
    const changed = await forgot.post(resetLink?.[1] ?? "", { password: NEW_PASSWORD });
    expect(changed.status).toBeLessThan(400);
    const psi = await signIn(browser(), ACCOUNTS.respondent.email, NEW_PASSWORD);
    expect((await psi.get("/q/2023/psi")).status).toBe(200);
    await psi.post("/logout", {});

    // The day's reminders (PSI, MSI, AMPPF have not submitted) have gone too.
    await until("the reminders", () =>
      smtp.arrived.filter((m) => /^Subject: (Rappel|Reminder)/m.test(m.raw)).length >= 3
        ? true
        : undefined,
    );
    await stop(served);

    for (const c of clients) secrets.push(...c.cookies.values());
    // Each message's text, whole and line by line (a log could quote one line of it).
    for (const m of smtp.arrived) {
      const body = bodyOf(m.raw).trim();
      secrets.push(body);
      for (const line of body.split(/\r?\n/))
        if (line.trim().length >= 24) secrets.push(line.trim());
    }
    expect(smtp.arrived.length).toBeGreaterThanOrEqual(5);

    const entries = served.logLines.map((line) => {
      expect(() => JSON.parse(line), line).not.toThrow();
      return JSON.parse(line) as Record<string, unknown>;
    });
    const requests = entries.filter((e) => e.msg === "request");
    expect(requests.length).toBeGreaterThan(20);
    for (const e of requests) {
      expect(e, JSON.stringify(e)).toMatchObject({
        reqId: expect.any(String),
        method: expect.any(String),
        route: expect.any(String),
        status: expect.any(Number),
        ms: expect.any(Number),
      });
    }
    const routes = new Set(requests.map((e) => `${e.method} ${e.route}`));
    for (const route of [
      "POST /login",
      "POST /manage/users",
      "POST /account/tokens",
      "GET /api/analytics",
      "POST /health/imports",
      "GET /i/:token",
      "GET /healthz",
      "PUT /api/q/:cycle/:partner/:code",
      "GET /password/reset/:token",
      "POST /password/reset/:token",
    ])
      expect(routes).toContain(route);
    // Besides requests and jobs, only the server's own start and stop.
    for (const e of entries) {
      if (e.reqId === undefined && e.jobId === undefined)
        expect(["shutting down", "stopped"], JSON.stringify(e)).toContain(e.msg);
    }

    // Everything printed, the log and the terminal lines alike.
    const printed = served.lines.join("\n");
    const shown = secrets.filter((s) => s.length >= 8 && printed.includes(s));
    expect(shown).toEqual([]);
    for (const address of [INVITED, ACCOUNTS.respondent.email])
      expect(printed).not.toContain(address);
    expect(printed).not.toMatch(/jalon_pat_|password=|cookie|\/i\/[A-Za-z0-9_-]{16,}/i);
  }, 120_000);
});

/**
 * One data directory for the starts below: the first server loads the demo into it, the others
 * find it there.
 */
let demoStore: Promise<Record<string, string>> | undefined;
const plainStore = () => {
  demoStore ??= store("pglite", async (database) => {
    await migrateToLatest(database.db);
  });
  return demoStore;
};

describe("LOG_LEVEL on a real server", () => {
  it.each([
    // level, request lines, job lines (debug only)
    ["silent", 0, false],
    ["warn", 0, false],
    ["info", 2, false],
    ["debug", 2, true],
  ] as const)(
    "at %s prints the lines of that level and above",
    async (level, requests, jobs) => {
      const { served, url } = await serve({
        ...(await plainStore()),
        LOG_LEVEL: level,
        JALON_SCHEDULE_SECONDS: "1",
      });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      // The schedule's first run (reminders, e-mail) comes a second after the start.
      await sleep(2_500);
      await stop(served);
      const entries = served.logLines.map(
        (line) => JSON.parse(line) as { msg: string; level: number; jobId?: string },
      );
      expect(entries.filter((e) => e.msg === "request")).toHaveLength(requests);
      const started = entries.filter((e) => e.msg === "job started");
      if (jobs) {
        expect(started.length).toBeGreaterThan(0);
        expect(started.every((e) => e.level === 20 && typeof e.jobId === "string")).toBe(true);
        expect(entries.some((e) => e.msg === "job done")).toBe(true);
      } else {
        expect(started).toEqual([]);
      }
      if (level === "silent" || level === "warn") expect(served.logLines).toEqual([]);
    },
    60_000,
  );
});

describe("the log in a terminal", () => {
  it("is readable lines, not JSON", async () => {
    const env = await plainStore();
    // `script` gives the server a terminal of its own, as a person starting it by hand has.
    const command = [process.execPath, BIN, "serve", "--port", "0", "--host", "127.0.0.1"]
      .map((part) => `'${part}'`)
      .join(" ");
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      env: { PATH: process.env.PATH, TZ: "UTC", JALON_LANG: "en", LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    const exited = new Promise((done) => child.once("exit", done));
    const url = await until(
      "the ready line",
      () => /ready: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1],
    );
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await until("the request's line", () =>
      /GET \/healthz|"\/healthz"|route/.test(out) ? true : undefined,
    );
    child.kill("SIGTERM");
    await exited;
    // Colours stripped, the request's line reads as a level, a message and its fields.
    const esc = String.fromCharCode(27);
    const plain = out.replace(new RegExp(`${esc}\\[[0-9;]*m`, "g"), "");
    const line = plain.split(/\r?\n/).find((l) => l.includes("/healthz")) ?? "";
    expect(line).toMatch(/^\[?\d{2}:\d{2}:\d{2}\.\d{3}\]? INFO.*request/);
    expect(line).not.toMatch(/^\{/);
    expect(out).toContain(`${esc}[`);
  }, 90_000);
});
