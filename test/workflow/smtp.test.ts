// E-mail through a real SMTP listener: what arrives is what the outbox queued (recipient, subject,
// French text, a working invitation link), nothing goes twice, a refused recipient is recorded
// as a failed attempt rather than marked sent, and a slow mail server holds no database
// connection while it answers.
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";
import { createApp } from "../../src/http/app.ts";
import { deliverPending, type Mailer, smtpMailer } from "../../src/services/shared/mail.ts";
import { invitationLinks } from "../../src/services/tracker/invitations.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { SLOW_MS, type SmtpListener, startSmtpListener } from "../support/smtp.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

describe.each(backends)("e-mail over SMTP on %s", (backend) => {
  let t: TestDatabase;
  let smtp: SmtpListener;
  let mailer: Mailer;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestClient;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await collectionWorld(t);
    smtp = await startSmtpListener();
    // The listener offers STARTTLS with a self-signed certificate: accept it for the test only.
    mailer = smtpMailer(
      `smtp://127.0.0.1:${smtp.port}?tls.rejectUnauthorized=false`,
      "Jalon <jalon@jalon.test>",
    );
    app = createApp({
      db: t.db,
      secureCookies: false,
      baseUrl: "http://jalon.test",
      mailer,
    });
    coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
  });
  afterAll(async () => {
    await new Promise<void>((done) => smtp.server.close(() => done()));
    await t.dispose();
  });

  it("delivers an invitation and a reminder, in French, with their links", async () => {
    const invited = await coordinator.post("/manage/cycles/2023/partners/amppf/invite", {
      email: "point-focal@amppf.ml",
    });
    expect(invited.status).toBe(200);
    const reminded = await coordinator.post("/manage/cycles/2023/tracking/partners/msi/remind", {});
    expect(reminded.headers.get("location")).toContain("reminded=queued");

    const outbox = await (await coordinator.get("/manage/outbox")).text();
    expect(outbox).toContain('action="/manage/outbox/send"');
    const sent = await coordinator.post("/manage/outbox/send", {});
    expect(sent.headers.get("location")).toBe("/manage/outbox?sent=2&failed=0");

    expect(smtp.arrived.map((m) => m.to)).toEqual([
      ["point-focal@amppf.ml"],
      [ACCOUNTS.otherRespondent.email],
    ]);
    expect(smtp.arrived.every((m) => m.from === "jalon@jalon.test")).toBe(true);
    const [invitation, reminder] = smtp.arrived.map((m) => m.raw);
    expect(invitation).toContain("Subject: Jalon : questionnaire AMPPF – Janvier – décembre 2023");
    expect(invitation).toContain("Votre organisation (AMPPF) est invitée");
    expect(reminder).toContain("Subject: Rappel – questionnaire MSI (Janvier – décembre 2023)");
    expect(reminder).toContain("Nous n’avons pas encore reçu toutes les réponses");
    expect(reminder).toContain("Date limite : 15 février 2024.");

    // The link that arrived opens MSI's questionnaire, once.
    const path = /http:\/\/jalon\.test(\/i\/[A-Za-z0-9_-]{20,})/.exec(reminder ?? "")?.[1];
    expect(path).toBeDefined();
    const opened = await client(app).get(path ?? "");
    expect(opened.headers.get("location")).toBe("/q/2023/msi");

    const rows = await t.db.selectFrom("outbox").select(["sent_at", "attempts"]).execute();
    expect(rows.every((r) => r.sent_at !== null && r.attempts === 0)).toBe(true);
    const page = await (await coordinator.get("/manage/outbox?sent=2&failed=0")).text();
    expect(page).toContain("2 messages envoyés, 0 en échec.");
    expect(page).toContain("Envoyé");
  });

  it("sends nothing twice", async () => {
    expect(await deliverPending(t.db, mailer, invitationLinks)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.arrived).toHaveLength(2);
  });

  it("records a refused recipient as a failed attempt, not as sent", async () => {
    await coordinator.post("/manage/cycles/2023/partners/jhpiego/invite", {
      email: "refuse@jhpiego.org",
    });
    expect(await deliverPending(t.db, mailer, invitationLinks)).toEqual({ sent: 0, failed: 1 });
    const row = await t.db
      .selectFrom("outbox")
      .select(["sent_at", "attempts", "last_error"])
      .where("recipient", "=", "refuse@jhpiego.org")
      .executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/550|Mailbox unavailable|rejected/);
    expect(smtp.arrived).toHaveLength(2);
    const page = await (await coordinator.get("/manage/outbox")).text();
    expect(page).toContain("Échec");
    expect(page).toContain("Tentatives : 1");
    // A retry is a second attempt, still not sent.
    await deliverPending(t.db, mailer, invitationLinks);
    const again = await t.db
      .selectFrom("outbox")
      .select(["sent_at", "attempts"])
      .where("recipient", "=", "refuse@jhpiego.org")
      .executeTakeFirstOrThrow();
    expect(again).toEqual({ sent_at: null, attempts: 2 });
  });
  it("keeps the database free while a slow server answers, and sends a claimed message once", async () => {
    const invited = await coordinator.post("/manage/cycles/2023/partners/psi/invite", {
      email: "slow@psi.ml",
    });
    expect(invited.status).toBe(200);
    const before = smtp.arrived.length;
    // Two deliveries at once, as two instances would run them.
    const deliveries = Promise.all([
      deliverPending(t.db, mailer, invitationLinks),
      deliverPending(t.db, mailer, invitationLinks),
    ]);
    await sleep(300);
    // A page that reads the database answers while the mail server is still busy.
    const start = performance.now();
    expect((await coordinator.get("/manage/outbox")).status).toBe(200);
    const row = await t.db
      .selectFrom("outbox")
      .select(["sent_at", "claimed_until"])
      .where("recipient", "=", "slow@psi.ml")
      .executeTakeFirstOrThrow();
    expect(performance.now() - start).toBeLessThan(SLOW_MS / 2);
    expect(row.sent_at).toBeNull();
    expect(row.claimed_until).not.toBeNull();
    const reports = await deliveries;
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    expect(smtp.arrived.slice(before).map((m) => m.to)).toEqual([["slow@psi.ml"]]);
    const settled = await t.db
      .selectFrom("outbox")
      .select(["sent_at", "claimed_until"])
      .where("recipient", "=", "slow@psi.ml")
      .executeTakeFirstOrThrow();
    expect(settled.sent_at).not.toBeNull();
    expect(settled.claimed_until).toBeNull();
  });

  it("leaves a message claimed by another sender alone, and sends it once the claim lapses", async () => {
    const invited = await coordinator.post("/manage/cycles/2023/partners/unfpa/invite", {
      email: "pf@unfpa.ml",
    });
    expect(invited.status).toBe(200);
    const claim = (interval: string) =>
      t.db
        .updateTable("outbox")
        .set({ claimed_until: sql<Date>`now() + ${sql.raw(`interval '${interval}'`)}` })
        .where("recipient", "=", "pf@unfpa.ml")
        .execute();
    await claim("5 minutes");
    expect((await deliverPending(t.db, mailer, invitationLinks)).sent).toBe(0);
    expect(smtp.arrived.some((m) => m.to.includes("pf@unfpa.ml"))).toBe(false);
    // The sender that claimed it died mid-send: its claim lapses and the message goes.
    await claim("-1 minute");
    expect((await deliverPending(t.db, mailer, invitationLinks)).sent).toBe(1);
    expect(smtp.arrived.filter((m) => m.to.includes("pf@unfpa.ml"))).toHaveLength(1);
  });
});

describe("mail configuration", () => {
  it("takes SMTP_URL and MAIL_FROM, and refuses an address that is not SMTP", () => {
    const read = readConfig({
      SMTP_URL: "smtps://user:secret@mail.example.org:465",
      MAIL_FROM: "GPSP <suivi@gpsp.ml>",
    });
    expect(read.ok && read.config.smtpUrl).toBe("smtps://user:secret@mail.example.org:465");
    expect(read.ok && read.config.mailFrom).toBe("GPSP <suivi@gpsp.ml>");
    const none = readConfig({ SMTP_URL: "" });
    expect(none.ok && none.config.smtpUrl).toBeUndefined();
    expect(readConfig({ SMTP_URL: "http://mail.example.org" })).toMatchObject({
      ok: false,
      error: { variable: "SMTP_URL" },
    });
  });
});
