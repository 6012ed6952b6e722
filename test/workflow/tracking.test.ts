// Following the 2023 collection: where each partner stands, response rates, reminders on demand
// and on schedule (never twice the same day, even run concurrently), the WhatsApp hand-over, the
// outbox page, and who may do what.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tryReminderLock } from "../../src/db/tracker/tracking.ts";
import type { createApp } from "../../src/http/app.ts";
import { silentLog } from "../../src/services/shared/log.ts";
import { deliverPending, type Mailer } from "../../src/services/shared/mail.ts";
import { invitationLinks } from "../../src/services/tracker/invitations.ts";
import {
  runScheduledReminders,
  startReminderSchedule,
} from "../../src/services/tracker/reminders.ts";
import { reminderMail } from "../../src/web/tracker/pages/tracking.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

const TRACKING = "/manage/cycles/2023/tracking";

const submitted = (activities: string) => ({
  answer: {
    contributes: "yes",
    activities,
    collaboratorIds: [],
    collaboratorsText: null,
    difficulties: null,
    outputs: [],
    evidence: [],
  },
  submit: true,
});

/** The table row of one partner on the tracking page. */
function row(page: string, slug: string): string {
  const start = page.indexOf(`<tr id="p-${slug}">`);
  expect(start, slug).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf("</tr>", start));
}

describe.each(backends)("tracking and reminders on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestClient;
  let validator: TestClient;
  let psi: TestClient;
  let msi: TestClient;

  const reminders = () =>
    t.db
      .selectFrom("outbox as o")
      .innerJoin("partners as p", "p.id", "o.partner_id")
      .select(["o.id", "o.recipient", "o.subject", "o.body", "o.dedupe_key", "p.slug"])
      .where("o.kind", "=", "reminder")
      .orderBy("o.id")
      .execute();
  const schedule = (iso: string) =>
    runScheduledReminders(t.db, new Date(iso), {
      baseUrl: "http://jalon.test",
      message: reminderMail(),
    });

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    validator = await signIn(app, ACCOUNTS.validator.email, PASSWORD);
    psi = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    msi = await signIn(app, ACCOUNTS.otherRespondent.email, PASSWORD);
  });
  afterAll(() => t.dispose());

  it("lists every partner asked, not started, grouped by category", async () => {
    const res = await coordinator.get(TRACKING);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toMatch(/Réponses soumises : 0 sur \d+/);
    expect(page).toContain("Partenaires ayant soumis toutes leurs réponses : 0 sur 14");
    expect(page).toContain("<h3>Gouvernement</h3>");
    expect(page).toContain("<h3>ONG internationales</h3>");
    expect(row(page, "psi")).toContain("Pas commencé");
    expect(row(page, "psi")).toContain("0 sur 2 (0\u00a0%) ; 0 commencée");
    // Every late partner is counted, as the result will count them; those without an address
    // are named apart (only PSI and MSI have respondents' accounts).
    expect(page).toContain("Relancer les 14 partenaires en retard");
    expect(page).toContain("12 d’entre eux n’ont aucune adresse e-mail");
    // The world's deadline (15 February 2024) has passed: no scheduled reminder is left.
    expect(page).toContain("Plus aucune relance automatique n’est prévue");
  });

  it("shows PSI submitted once its respondent submits every indicator, MSI in progress", async () => {
    const q = await (await psi.get("/api/q/2023/psi")).json();
    const codes: string[] = q.commitments.flatMap((c: { indicators: { code: string }[] }) =>
      c.indicators.map((i) => i.code),
    );
    expect(codes.length).toBe(2);
    const mapped = await t.db
      .selectFrom("mappings as m")
      .innerJoin("cycles as c", "c.id", "m.cycle_id")
      .innerJoin("partners as p", "p.id", "m.partner_id")
      .select(["p.category"])
      .where("c.slug", "=", "2023")
      .execute();
    const ingo = mapped.filter((m) => m.category === "international_ngo").length;
    for (const [n, code] of codes.entries()) {
      const res = await psi.send("PUT", `/api/q/2023/psi/${code}`, submitted("Soumis"), {
        "if-match": '"0"',
        "x-client-id": `psi-submit-${n}-abcdef`,
      });
      expect(res.status).toBe(200);
      if (n > 0) continue;
      // One of PSI's two answers is in: the rates count it, though PSI has not finished.
      const partial = await (await coordinator.get(TRACKING)).text();
      expect(row(partial, "psi")).toContain("1 sur 2 (50\u00a0%) ; 1 commencée");
      expect(partial).toContain(`Réponses soumises : 1 sur ${mapped.length}`);
      expect(partial).toContain("Partenaires ayant soumis toutes leurs réponses : 0 sur 14");
      expect(partial).toContain(
        `<li><span>ONG internationales</span><span><b>${Math.round(100 / ingo)}\u00a0%</b> <small class="muted">(1 / ${ingo})</small>`,
      );
      // And its indicator has one partner's answer in.
      expect(partial).toMatch(
        /<b>\d+\u00a0%<\/b> <small class="muted">1 sur \d+ partenaires?<\/small>/,
      );
    }
    let page = await (await coordinator.get(TRACKING)).text();
    expect(row(page, "psi")).toContain("Soumis");
    expect(row(page, "psi")).toContain("2 sur 2 (100\u00a0%) ; 2 commencées");
    expect(row(page, "msi")).toContain("Pas commencé");
    expect(page).toContain("Partenaires ayant soumis toutes leurs réponses : 1 sur 14");

    const res = await msi.send(
      "PUT",
      "/api/q/2023/msi/c",
      { ...submitted("Brouillon"), submit: false },
      {
        "if-match": '"0"',
        "x-client-id": "msi-draft-0-abcdef",
      },
    );
    expect(res.status).toBe(200);
    page = await (await coordinator.get(TRACKING)).text();
    expect(row(page, "msi")).toContain("En cours");
  });

  it("reminds a partner once a day, whatever the number of clicks", async () => {
    const first = await coordinator.post(`${TRACKING}/partners/msi/remind`, {});
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`${TRACKING}?reminded=queued&partner=msi#p-msi`);
    const page = await (await coordinator.get(`${TRACKING}?reminded=queued&partner=msi`)).text();
    // The notice sits in the partner's row, where the redirect's anchor lands.
    expect(row(page, "msi")).toContain("MSI : relance mise en file d’envoi.");
    expect(row(page, "msi")).toMatch(/1 relance, la dernière le .* \(en file d’envoi\)/);

    const second = await coordinator.post(`${TRACKING}/partners/msi/remind`, {});
    expect(second.headers.get("location")).toContain("reminded=already");
    const again = await (await coordinator.get(second.headers.get("location") ?? "")).text();
    expect(again).toContain("MSI a déjà été relancé aujourd’hui");

    const queued = await reminders();
    expect(queued.map((r) => [r.slug, r.recipient])).toEqual([
      ["msi", ACCOUNTS.otherRespondent.email],
    ]);
    const [mail] = queued;
    expect(mail?.subject).toBe("Rappel – questionnaire MSI (Janvier – décembre 2023)");
    expect(mail?.body).toContain("Date limite : 15 février 2024.");
    expect(mail?.dedupe_key).toMatch(/^reminder:\d+:\d+:\d{4}-\d{2}-\d{2}$/);

    // The outbox keeps no token: the link is made when the message is sent.
    expect(mail?.body).toContain("http://jalon.test/i/{jalon-link}");
    expect(mail?.body).not.toMatch(/\/i\/[A-Za-z0-9_-]{16,}/);
    const invitations = async () =>
      (await t.db.selectFrom("invitations").select("id").execute()).length;
    const before = await invitations();
    const delivered: string[] = [];
    const mailer: Mailer = {
      from: "jalon@jalon.test",
      send: async (m) => {
        delivered.push(m.text);
      },
    };
    expect(await deliverPending(t.db, mailer, invitationLinks)).toEqual({ sent: 1, failed: 0 });
    expect(await invitations()).toBe(before + 1);
    const [sent] = await reminders();
    expect(sent?.body).toBe(mail?.body);

    // The link that left is new, and works once.
    const url = /http:\/\/jalon\.test(\/i\/[A-Za-z0-9_-]{40,})/.exec(delivered[0] ?? "")?.[1] ?? "";
    expect(url).not.toBe("");
    const opened = await client(app).get(url);
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe("/q/2023/msi");
    expect((await client(app).get(url)).status).toBe(410);

    const audited = await t.db
      .selectFrom("audit_log")
      .select(["after"])
      .where("entity", "=", "outbox")
      .execute();
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited[0]?.after)).not.toContain("/i/");
  });

  it("does not remind a partner that has submitted, nor one without an address", async () => {
    const done = await coordinator.post(`${TRACKING}/partners/psi/remind`, {});
    expect(done.headers.get("location")).toContain("reminded=responded");
    const none = await coordinator.post(`${TRACKING}/partners/onasr/remind`, {});
    expect(none.headers.get("location")).toContain("reminded=no_address");
    const page = await (await coordinator.get(none.headers.get("location") ?? "")).text();
    expect(page).toContain("ONASR : aucune adresse e-mail connue.");
    expect(await reminders()).toHaveLength(1);
  });

  it("reminds every late partner with an address, skipping those reminded today", async () => {
    const invited = await coordinator.post("/manage/cycles/2023/partners/onasr/invite", {
      email: "Point.Focal@onasr.ml",
    });
    expect(invited.status).toBe(200);
    const before = await (await coordinator.get(TRACKING)).text();
    const res = await coordinator.post(`${TRACKING}/remind`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${TRACKING}?queued=1&already=1&noAddress=11`);
    const page = await (await coordinator.get(res.headers.get("location") ?? "")).text();
    // The button announced 13 late partners (PSI has submitted); the result adds up to them.
    expect(before).toContain("Relancer les 13 partenaires en retard");
    expect(before).toContain("11 d’entre eux n’ont aucune adresse e-mail");
    expect(page).toContain(
      "13 partenaires en retard : 1 relancé maintenant (en file d’envoi), 1 déjà relancé aujourd’hui, 11 sans adresse e-mail.",
    );
    expect((await reminders()).map((r) => [r.slug, r.recipient])).toEqual([
      ["msi", ACCOUNTS.otherRespondent.email],
      ["onasr", "point.focal@onasr.ml"],
    ]);
  });

  it("sends scheduled reminders 3 days before the deadline, once, even run twice at once", async () => {
    const before = (await reminders()).length;
    const off = await schedule("2024-02-13T08:00:00Z");
    expect(off).toMatchObject({ ran: true, cycles: 0, queued: 0 });

    const run = await schedule("2024-02-12T08:00:00Z");
    expect(run).toMatchObject({ ran: true, cycles: 1, queued: 2, already: 0, noAddress: 11 });
    const queued = (await reminders()).slice(before);
    expect(queued.map((r) => r.slug).sort()).toEqual(["msi", "onasr"]);
    expect(queued.every((r) => r.dedupe_key?.endsWith(":2024-02-12"))).toBe(true);

    const rerun = await schedule("2024-02-12T20:00:00Z");
    expect(rerun.queued).toBe(0);
    const both = await Promise.all([
      schedule("2024-02-12T21:00:00Z"),
      schedule("2024-02-12T21:00:00Z"),
    ]);
    expect(both.map((r) => r.queued)).toEqual([0, 0]);
    expect(await reminders()).toHaveLength(before + 2);

    // A new reminder day, two instances at once: one set of reminders between them.
    const day1 = await Promise.all([
      schedule("2024-02-14T06:00:00Z"),
      schedule("2024-02-14T06:00:00Z"),
    ]);
    expect(day1[0].queued + day1[1].queued).toBe(2);
    expect(await reminders()).toHaveLength(before + 4);

    if (backend === "postgres") {
      // Another instance holds the lock: this run stands aside and queues nothing at all.
      await t.db.transaction().execute(async (trx) => {
        expect(await tryReminderLock(trx)).toBe(true);
        expect(await schedule("2024-02-08T06:00:00Z")).toMatchObject({ ran: false, queued: 0 });
      });
      expect(await reminders()).toHaveLength(before + 4);
    }
  });

  it("hands a fresh link over to WhatsApp, in French whatever the page language", async () => {
    const res = await coordinator.post(`${TRACKING}/partners/amppf/whatsapp?lang=en`, {});
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const page = await res.text();
    expect(page).toContain("WhatsApp link for AMPPF");
    const link = /value="(http:\/\/jalon\.test\/i\/[A-Za-z0-9_-]+)"/.exec(page)?.[1] ?? "";
    expect(link).not.toBe("");
    const text = `Bonjour, voici le lien pour renseigner le questionnaire AMPPF (Janvier – décembre 2023) avant le 15 février 2024 : ${link}`;
    expect(page).toContain(`https://wa.me/?text=${encodeURIComponent(text)}`);
    const opened = await client(app).get(link.replace("http://jalon.test", ""));
    expect(opened.headers.get("location")).toBe("/q/2023/amppf");
  });

  it("lists the outbox with links hidden, and sends nothing without SMTP", async () => {
    const res = await coordinator.get("/manage/outbox");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("Aucun serveur d’envoi n’est configuré");
    expect(page).toContain("point.focal@onasr.ml");
    expect(page).toContain("Rappel – questionnaire ONASR (Janvier – décembre 2023)");
    expect(page).toContain("http://jalon.test/i/…");
    expect(page).not.toMatch(/\/i\/[A-Za-z0-9_-]{16,}/);
    expect(page).not.toContain('action="/manage/outbox/send"');
    expect((await coordinator.post("/manage/outbox/send", {})).status).toBe(409);
  });

  it("refuses reminders outside collection", async () => {
    const res = await coordinator.post("/manage/cycles/2022/tracking/partners/msi/remind", {});
    expect(res.status).toBe(409);
    const page = await (await coordinator.get("/manage/cycles/2022/tracking")).text();
    expect(page).toContain("La collecte n’est pas ouverte");
    expect(page).not.toContain("/remind");
  });

  it("lets a validator look but not remind, and keeps respondents and visitors out", async () => {
    const look = await validator.get(TRACKING);
    expect(look.status).toBe(200);
    const page = await look.text();
    expect(page).toMatch(/aria-current="page">Suivi</);
    expect(page).not.toContain("Relancer");
    expect((await validator.post(`${TRACKING}/partners/amppf/remind`, {})).status).toBe(403);
    expect((await validator.post(`${TRACKING}/remind`, {})).status).toBe(403);
    expect((await validator.post(`${TRACKING}/partners/amppf/whatsapp`, {})).status).toBe(403);
    expect((await validator.get("/manage/outbox")).status).toBe(200);
    expect((await validator.post("/manage/outbox/send", {})).status).toBe(403);

    expect((await psi.get(TRACKING)).status).toBe(403);
    expect((await psi.get("/manage/outbox")).status).toBe(403);
    expect((await psi.post(`${TRACKING}/partners/psi/remind`, {})).status).toBe(403);

    const visitor = client(app);
    const anonymous = await visitor.get(TRACKING);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe(`/login?next=${encodeURIComponent(TRACKING)}`);
    expect((await visitor.get("/manage/outbox")).headers.get("location")).toContain("/login");
    expect((await reminders()).length).toBe(6);
  });
  it("delivers the outbox on its timer, and stops cleanly", async () => {
    const sent: string[] = [];
    const mailer: Mailer = {
      from: "jalon@jalon.test",
      send: async (m) => {
        sent.push(m.to);
      },
    };
    const schedule = startReminderSchedule(t.db, {
      everyMs: 20,
      firstMs: 0,
      baseUrl: "http://jalon.test",
      message: reminderMail(),
      mailer,
      log: silentLog,
    });
    for (let i = 0; i < 200 && sent.length < 6; i++) await new Promise((r) => setTimeout(r, 20));
    await schedule.stop();
    // Five reminders and ONASR's invitation, each once (MSI's first reminder went earlier).
    expect(sent.sort()).toEqual([
      ...Array(2).fill(ACCOUNTS.otherRespondent.email),
      ...Array(4).fill("point.focal@onasr.ml"),
    ]);
    const after = sent.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(sent.length).toBe(after);
  });
});
