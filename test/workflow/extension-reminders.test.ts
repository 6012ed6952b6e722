// A partner whose collection was extended is followed by its own last day: scheduled reminders
// 7, 3 and 1 days before it (also once the cycle is in validation), not before the cycle's
// deadline; the tracking panel shows that day and calls it late only after it; its invitation,
// reminders and WhatsApp text carry it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "../../src/domain/shared/format.ts";
import type { createApp } from "../../src/http/app.ts";
import { runScheduledReminders } from "../../src/services/tracker/reminders.ts";
import { reminderMail } from "../../src/web/tracker/pages/tracking.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

const CYCLE = "/manage/cycles/2023";
const TRACKING = `${CYCLE}/tracking`;
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const at = (offset: number) => new Date(`${day(offset)}T08:00:00Z`);
/** "Date limite : …", whatever no-break space the French typography puts before the colon. */
const deadlineLine = (iso: string) => new RegExp(`Date limite\\s:\\s${formatDate("fr", iso)}\\.`);

/** The table row of one partner on the tracking page. */
function row(page: string, slug: string): string {
  const start = page.indexOf(`<tr id="p-${slug}">`);
  expect(start, slug).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf("</tr>", start));
}

describe.each(backends)("a partner's extended collection, followed on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestClient;
  /** AMPPF's own last day, ten days from now (the cycle's deadline, 15 February 2024, is past). */
  const until = day(10);

  const reminders = () =>
    t.db
      .selectFrom("outbox as o")
      .innerJoin("partners as p", "p.id", "o.partner_id")
      .select(["o.body", "o.dedupe_key", "p.slug"])
      .where("o.kind", "=", "reminder")
      .orderBy("o.id")
      .execute();
  const schedule = (now: Date) =>
    runScheduledReminders(t.db, now, { baseUrl: "http://jalon.test", message: reminderMail() });

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    await coordinator.get(`${CYCLE}/partners/amppf`);
    const extended = await coordinator.post(`${CYCLE}/partners/amppf/extend`, { until });
    expect(extended.status).toBe(200);
  });
  afterAll(() => t.dispose());

  it("invites the extended partner with its own last day", async () => {
    const invited = await coordinator.post(`${CYCLE}/partners/amppf/invite`, {
      email: "amppf@jalon.test",
    });
    expect(invited.status).toBe(200);
    const mail = await t.db
      .selectFrom("outbox")
      .select("body")
      .where("kind", "=", "invitation")
      .where("recipient", "=", "amppf@jalon.test")
      .executeTakeFirstOrThrow();
    expect(mail.body).toMatch(deadlineLine(until));
    const wa = await (await coordinator.post(`${TRACKING}/partners/amppf/whatsapp`, {})).text();
    expect(wa).toContain(encodeURIComponent(`avant le ${formatDate("fr", until)}`));
  });

  it("reminds it before its own last day, not before the cycle's deadline", async () => {
    // Three days before the cycle's deadline: the others are reminded, AMPPF is not.
    const early = await schedule(new Date("2024-02-12T08:00:00Z"));
    expect(early).toMatchObject({ ran: true, cycles: 1 });
    const first = await reminders();
    expect(first.map((r) => r.slug).sort()).toEqual(["msi", "psi"]);

    // Seven days before AMPPF's last day: AMPPF alone, with its day in the message.
    const week = await schedule(at(3));
    expect(week).toMatchObject({ ran: true, cycles: 1, queued: 1 });
    const [mail, ...rest] = (await reminders()).slice(first.length);
    expect(rest).toEqual([]);
    expect(mail?.slug).toBe("amppf");
    expect(mail?.body).toMatch(deadlineLine(until));
    expect(mail?.dedupe_key).toMatch(new RegExp(`^reminder:\\d+:\\d+:${day(3)}$`));
    // Once a day, whatever the reruns.
    expect((await schedule(at(3))).queued).toBe(0);
    // A day that is no one's reminder day sends nothing.
    expect(await schedule(at(4))).toMatchObject({ cycles: 0, queued: 0 });
  });

  it("shows its own last day on the tracking panel, late only after it", async () => {
    const page = await (await coordinator.get(TRACKING)).text();
    const amppf = row(page, "amppf");
    expect(amppf).toContain(`Prolongé jusqu’au ${formatDate("fr", until)}`);
    expect(amppf).not.toContain("En retard");
    // MSI's last day is the cycle's deadline, long past.
    expect(row(page, "msi")).toContain("En retard");
    expect(row(page, "msi")).not.toContain("Prolongé");
    // 14 partners asked, AMPPF not late yet.
    expect(page).toContain("13 partenaires ont passé leur date limite sans tout soumettre.");
    // The next scheduled reminder is AMPPF’s, seven days before its last day.
    expect(page).toMatch(
      new RegExp(`Prochaine relance automatique\\s:\\s${formatDate("fr", day(3))}\\.`),
    );
  });

  it("keeps reminding it once the cycle is in validation, and only it", async () => {
    expect((await coordinator.post(`${CYCLE}/close`, {})).status).toBe(303);
    const before = (await reminders()).length;
    const run = await schedule(at(7));
    expect(run).toMatchObject({ ran: true, cycles: 1, queued: 1 });
    expect((await reminders()).slice(before).map((r) => r.slug)).toEqual(["amppf"]);

    // The panel still offers to remind it (and only it) by hand.
    const page = await (await coordinator.get(TRACKING)).text();
    expect(page).toContain("Prochaine relance automatique");
    expect(row(page, "amppf")).toContain(`${TRACKING}/partners/amppf/remind`);
    expect(row(page, "msi")).not.toContain("/remind");
    expect(row(page, "msi")).not.toContain("/whatsapp");
    expect((await coordinator.post(`${TRACKING}/partners/msi/remind`, {})).status).toBe(409);
    const now = await coordinator.post(`${TRACKING}/partners/amppf/remind`, {});
    expect(now.headers.get("location")).toContain("reminded=queued");

    // After its last day, nothing more: its collection has ended.
    expect(await schedule(at(11))).toMatchObject({ cycles: 0, queued: 0 });
  });
});
