// Two real server processes on one PostgreSQL database, their schedules made fast: a session
// made on one is honoured by the other, a reminder day reminds each partner once between them,
// each queued e-mail reaches a real SMTP listener once, and each queued job runs once (an
// upload's import too, whichever instance received the file: they share JALON_UPLOAD_DIR).
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { loadDemo } from "../../src/demo/load.ts";
import { queueFileImport } from "../../src/services/health/import-jobs.ts";
import { enqueueMail } from "../../src/services/shared/mail.ts";
import { httpClient, signIn, type TestClient } from "../support/client.ts";
import { postgresUrl, type ThrowawayDatabase, throwawayDatabase } from "../support/database.ts";
import { type Served, serveJalon } from "../support/served.ts";
import { type SmtpListener, startSmtpListener } from "../support/smtp.ts";
import { ACCOUNTS, addAccounts, openCycle2023, PASSWORD, SYSTEM } from "../support/world.ts";

/** Messages queued straight into the outbox, for both instances' deliveries to race over. */
const BULK = 12;
/** Health imports queued at once, for both instances' job runners to race over. */
const IMPORTS = 6;

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function until<T>(what: string, look: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = await look();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe.runIf(postgresUrl)("two instances on one PostgreSQL", () => {
  let target: ThrowawayDatabase;
  let smtp: SmtpListener;
  const servers: Served[] = [];
  const urls: string[] = [];
  let root = "";
  let uploads = "";

  beforeAll(async () => {
    target = await throwawayDatabase();
    // Each instance its own temporary directory, as on two hosts; uploads in a shared one.
    root = await mkdtemp(join(tmpdir(), "jalon-instances-"));
    uploads = join(root, "uploads");
    // The world, made before either server starts: the demo, one account per role, and 2023
    // collecting until three days from now, so that today is a scheduled reminder day.
    const seed = await openDatabase({ kind: "postgres", url: target.url });
    try {
      await migrateToLatest(seed.db);
      await loadDemo(seed, { reset: false });
      await addAccounts(seed.db);
      await openCycle2023(seed.db, day(3), new Date());
    } finally {
      await seed.close();
    }
    smtp = await startSmtpListener();
    for (const name of ["a", "b"]) {
      const own = join(root, `tmp-${name}`);
      await mkdir(own);
      const served = serveJalon({
        TMPDIR: own,
        JALON_UPLOAD_DIR: uploads,
        DATABASE_URL: target.url,
        SMTP_URL: smtp.url,
        MAIL_FROM: "Jalon <jalon@jalon.test>",
        JALON_SCHEDULE_SECONDS: "1",
        JALON_JOB_POLL_SECONDS: "1",
        JALON_LANG: "en",
        LOG_LEVEL: "info",
      });
      servers.push(served);
      const ready = await Promise.race([
        served.waitFor(/ready: (http:\/\/127\.0\.0\.1:\d+)/),
        served.exited.then(() => {
          throw new Error(`instance ${name} exited: ${served.lines.join("\n")}`);
        }),
      ]);
      urls.push(ready[1] ?? "");
    }
  }, 90_000);

  afterAll(async () => {
    await Promise.all(
      servers.map(async (s) => {
        if (s.process.exitCode === null) s.process.kill("SIGTERM");
        await s.exited;
      }),
    );
    await smtp?.close();
    await target?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  }, 30_000);

  const [a, b] = [0, 1];
  const reach = (i: number) => httpClient(urls[i] ?? "");
  /** A client on instance `i` carrying the cookies `from` holds. */
  const carry = (from: TestClient, i: number) => {
    const c = reach(i);
    for (const [k, v] of from.cookies) c.cookies.set(k, v);
    return c;
  };

  it("serves a session made on one instance from the other", async () => {
    const onA = await signIn(reach(a), ACCOUNTS.coordinator.email, PASSWORD);
    const onB = carry(onA, b);
    const page = await onB.get("/manage/cycles/2023/tracking");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Partenaires ayant soumis toutes leurs réponses");
    // A write on B under A's session: its form token comes from the page B served.
    const invited = await onB.post("/manage/cycles/2023/partners/amppf/invite", {
      email: "point-focal@amppf.ml",
    });
    expect(invited.status).toBe(200);
    // Signing out on B ends the session on A too.
    expect((await onB.post("/logout", {})).status).toBe(303);
    const after = await onA.get("/manage/cycles/2023/tracking");
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toMatch(/^\/login/);
  });

  it("shows on both instances a change another process committed, once kept pages", async () => {
    const page = async (i: number) => (await reach(i).get("/partners/psi")).text();
    for (const i of [a, b]) {
      expect(await page(i)).toBe(await page(i));
      expect(await page(i)).not.toContain("PSI (renamed elsewhere)");
    }
    const other = await openDatabase({ kind: "postgres", url: target.url });
    try {
      await other.db
        .updateTable("partners")
        .set({ name: "PSI (renamed elsewhere)" })
        .where("slug", "=", "psi")
        .execute();
    } finally {
      await other.close();
    }
    for (const i of [a, b])
      await until("the change on each instance", async () =>
        (await page(i)).includes("PSI (renamed elsewhere)") ? true : undefined,
      );
  });

  it("reminds each partner once and delivers each message once between them", async () => {
    // Messages queued at once, then "send now" on both instances while both schedules run.
    const db = await openDatabase({ kind: "postgres", url: target.url });
    try {
      for (let i = 0; i < BULK; i++) {
        await enqueueMail(db.db, {
          recipient: `bulk-${i}@example.org`,
          subject: `Message ${i}`,
          body: `Texte ${i}`,
          kind: "reminder",
        });
      }
      const admins = await Promise.all(
        [a, b].map((i) => signIn(reach(i), ACCOUNTS.admin.email, PASSWORD)),
      );
      await Promise.all(admins.map((c) => c.get("/manage/outbox")));
      const sends = await Promise.all(admins.map((c) => c.post("/manage/outbox/send", {})));
      expect(sends.map((r) => r.status)).toEqual([303, 303]);

      // Today is three days before the deadline: PSI and MSI (accounts) and AMPPF (invited
      // above) have not answered, so each gets its reminder, once.
      const reminders = await until("the day's reminders", async () => {
        const rows = await db.db
          .selectFrom("outbox")
          .select(["recipient", "dedupe_key"])
          .where("dedupe_key", "like", "reminder:%")
          .execute();
        return rows.length >= 3 ? rows : undefined;
      });
      await sleep(3_000);
      const settled = await db.db
        .selectFrom("outbox")
        .select(["id", "recipient", "sent_at", "attempts", "dedupe_key"])
        .orderBy("id")
        .execute();
      const keyed = settled.filter((r) => r.dedupe_key?.startsWith("reminder:"));
      expect(keyed).toHaveLength(reminders.length);
      expect(keyed.map((r) => r.recipient).sort()).toEqual(
        ["point-focal@amppf.ml", ACCOUNTS.respondent.email, ACCOUNTS.otherRespondent.email].sort(),
      );
      expect(new Set(keyed.map((r) => r.dedupe_key)).size).toBe(keyed.length);

      // Every queued message was sent, each arrived once.
      await until("every message sent", async () => {
        const unsent = await db.db
          .selectFrom("outbox")
          .select("id")
          .where("sent_at", "is", null)
          .execute();
        return unsent.length === 0 ? true : undefined;
      });
      const all = await db.db
        .selectFrom("outbox")
        .select(["recipient", "subject", "attempts"])
        .execute();
      expect(all.every((r) => r.attempts === 0)).toBe(true);
      // What arrived is what was queued, message for message: none twice, none missing.
      const subjectOf = (raw: string) => /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? "";
      const arrived = smtp.arrived.map((m) => `${m.to.join(",")} ${subjectOf(m.raw)}`).sort();
      expect(arrived).toEqual(all.map((r) => `${r.recipient} ${r.subject}`).sort());
      expect(new Set(arrived).size).toBe(arrived.length);
      expect(arrived.length).toBe(BULK + 1 + 3);
    } finally {
      await db.close();
    }
  }, 60_000);

  it("runs each queued job once", async () => {
    const db = await openDatabase({ kind: "postgres", url: target.url });
    try {
      const csv =
        "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n" +
        "CPN1visites,202201,BoidieCSCom,DefaultCoC1,DefaultCoC1,12\n";
      const ids: string[] = [];
      for (let i = 0; i < IMPORTS; i++) {
        ids.push(
          await queueFileImport(db.db, SYSTEM, {
            dir: uploads,
            name: `values-${i}.csv`,
            bytes: Readable.toWeb(Readable.from([Buffer.from(csv)])) as ReadableStream<Uint8Array>,
            size: csv.length,
            kind: "values",
            dryRun: true,
          }),
        );
      }
      // Two more uploaded through each instance's form, each kicking its own runner at once.
      for (const i of [a, b, a, b]) {
        const admin = await signIn(reach(i), ACCOUNTS.admin.email, PASSWORD);
        await admin.get("/health/imports");
        const form = new FormData();
        form.append("_csrf", admin.csrf());
        form.append("kind", "values");
        form.append("dryRun", "1");
        form.append("file", new File([csv], `web-${i}.csv`, { type: "text/csv" }));
        const res = await fetch(`${urls[i]}/health/imports`, {
          method: "POST",
          body: form,
          headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
          redirect: "manual",
        });
        expect(res.status).toBe(303);
        ids.push(/\/health\/imports\/(\d+)$/.exec(res.headers.get("location") ?? "")?.[1] ?? "");
      }
      const jobs = await until("the imports", async () => {
        const rows = await db.db
          .selectFrom("jobs")
          .select(["id", "state", "attempts", "result", "last_error"])
          .where("id", "in", ids)
          .execute();
        return rows.every((r) => r.state !== "queued" && r.state !== "running") ? rows : undefined;
      });
      // One claim each (a second claim would count a second attempt), and each one finished,
      // wherever its file was uploaded.
      expect(jobs).toHaveLength(IMPORTS + 4);
      for (const j of jobs) {
        expect(j, JSON.stringify(j)).toMatchObject({ state: "done", attempts: 1 });
        expect((j.result as { outcome?: string }).outcome).toBe("done");
      }
      // The scheduled kinds, queued every second by both instances: never claimed twice either.
      const recurring = await db.db
        .selectFrom("jobs")
        .select(["kind", "state", "attempts"])
        .where("kind", "not in", ["health.import"])
        .execute();
      expect(recurring.length).toBeGreaterThan(4);
      expect(recurring.filter((r) => r.attempts > 1)).toEqual([]);
      expect(recurring.filter((r) => r.state === "failed")).toEqual([]);
    } finally {
      await db.close();
    }
  }, 60_000);

  it("both instances stayed ready and logged no error", async () => {
    for (const i of [a, b]) expect((await fetch(`${urls[i]}/readyz`)).status).toBe(200);
    for (const s of servers) {
      const errors = s.lines.filter((l) => /"level":(50|60)/.test(l));
      expect(errors).toEqual([]);
    }
  });
});
