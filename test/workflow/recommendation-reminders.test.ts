// Reminders to the owners of overdue mission recommendations, on both stores, through a real
// SMTP listener: an owner is written to once per due day however often the schedule runs, in
// the language of the last invitation to the address (else French); a recommendation not yet
// due, done, or without an address gets nothing; a new due day brings a new reminder.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveOrgUnits } from "../../src/db/health/org-units.ts";
import type { Actor } from "../../src/domain/shared/policy.ts";
import {
  RECOMMENDATION_REMINDERS_JOB,
  recommendationReminderJobs,
  remindOverdueRecommendations,
} from "../../src/services/programme/mission-reminders.ts";
import {
  addRecommendation,
  recordFollowUp,
  saveMission,
} from "../../src/services/programme/missions.ts";
import { saveProgramme } from "../../src/services/programme/programmes.ts";
import { deliverPending, smtpMailer } from "../../src/services/shared/mail.ts";
import { invitationLinks } from "../../src/services/tracker/invitations.ts";
import { recommendationReminderMail } from "../../src/web/programme/mail.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { memoryLog } from "../support/logs.ts";

const manager: Actor = {
  kind: "user",
  userId: 1,
  role: "programme_manager",
  partnerId: null,
  name: "m",
};

interface Arrived {
  to: string[];
  raw: string;
}

/** Undoes quoted-printable soft breaks and escapes, enough to read nodemailer's text. */
function decode(raw: string): string {
  return Buffer.from(
    raw
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      ),
    "latin1",
  ).toString("utf8");
}

function startListener(): Promise<{ server: SMTPServer; port: number; arrived: Arrived[] }> {
  const arrived: Arrived[] = [];
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        arrived.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: decode(Buffer.concat(chunks).toString("latin1")),
        });
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      resolve({ server, port: (server.server.address() as AddressInfo).port, arrived });
    });
  });
}

describe.each(backends)("recommendation reminders on %s", (backend) => {
  let t: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startListener>>;
  let programmeId = 0;
  let missionId = 0;
  const rec: Record<string, number> = {};
  const message = recommendationReminderMail();
  const mailer = () =>
    smtpMailer(
      `smtp://127.0.0.1:${smtp.port}?tls.rejectUnauthorized=false`,
      "Jalon <jalon@jalon.test>",
    );

  beforeAll(async () => {
    t = await freshDatabase(backend);
    smtp = await startListener();
    await saveOrgUnits(t.db, [
      {
        uid: null,
        code: "ML_SIK",
        name: "Sikasso",
        shortName: null,
        parent: null,
        openingDate: null,
        closedDate: null,
        geometry: null,
      },
    ]);
    const sikasso = (await t.db.selectFrom("org_units").select("id").executeTakeFirstOrThrow()).id;
    programmeId = (
      await saveProgramme(t.db, manager, {
        name: "Déploiement des sages-femmes",
        leadPartner: "UNFPA Mali",
        funders: [],
        partners: [],
        startDate: "2022-01-01",
        endDate: null,
        budget: null,
        currency: null,
        regions: [sikasso],
        commitments: [],
        indicators: [],
      })
    ).id;
    missionId = (
      await saveMission(t.db, manager, programmeId, {
        title: "Mission conjointe de suivi — Sikasso",
        startDate: "2025-03-10",
        endDate: "2025-03-15",
        regions: [String(sikasso)],
        delegation: "",
        objectives: "",
      })
    ).id;
    const add = async (name: string, ownerEmail: string, dueDate: string) => {
      rec[name] = (
        await addRecommendation(t.db, manager, programmeId, missionId, {
          text: `Recommandation ${name}`,
          ownerName: `Responsable ${name}`,
          ownerEmail,
          dueDate,
          key: false,
        })
      ).id;
    };
    await add("budget", "drs.sikasso@example.org", "2025-12-31");
    await add("gbv", "FENASCOM@example.org", "2025-09-30");
    await add("stock", "onasr@example.org", "2025-06-30");
    await add("dhis2", "", "2025-04-30");
    await add("later", "later@example.org", "2026-06-30");
    await recordFollowUp(t.db, manager, programmeId, missionId, rec.stock ?? 0, {
      status: "done",
      date: "2025-06-20",
      note: "Livrée.",
    });
    // FENASCOM's address was last invited in English.
    const tracker = await t.db
      .insertInto("trackers")
      .values({ country_code: "ML", name: "Mali", organisation: "GP/SP" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const cycle = await t.db
      .insertInto("cycles")
      .values({
        tracker_id: tracker.id,
        slug: "2025",
        label: "2025",
        period_start: "2025-01-01",
        period_end: "2025-12-31",
        state: "collection",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const partner = await t.db
      .insertInto("partners")
      .values({ tracker_id: tracker.id, slug: "fenascom", name: "FENASCOM", category: "local_ngo" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("invitations")
      .values({
        cycle_id: cycle.id,
        partner_id: partner.id,
        email: "fenascom@example.org",
        token_hash: "x".repeat(64),
        created_by: "test",
        lang: "en",
      })
      .execute();
  });
  afterAll(async () => {
    await new Promise<void>((done) => smtp.server.close(() => done()));
    await t.dispose();
  });

  // French puts a narrow no-break space before a colon; compared here as a plain space.
  const queued = async () =>
    (
      await t.db
        .selectFrom("outbox")
        .select(["recipient", "subject", "dedupe_key"])
        .orderBy("id")
        .execute()
    ).map((m) => ({ ...m, subject: m.subject.replace(/[\u00a0\u202f]/g, " ") }));

  it("writes once to each owner whose recommendation is overdue, however often it runs", async () => {
    const day = new Date("2026-01-05T08:00:00Z");
    const first = await remindOverdueRecommendations(t.db, day, message);
    expect(first).toEqual({ ran: true, queued: 2, already: 0 });
    const again = await remindOverdueRecommendations(
      t.db,
      new Date("2026-01-06T08:00:00Z"),
      message,
    );
    expect(again).toEqual({ ran: true, queued: 0, already: 2 });
    expect(await queued()).toEqual([
      {
        recipient: "drs.sikasso@example.org",
        subject: "Recommandation en retard : échéance du 31 décembre 2025",
        dedupe_key: `recommendation:${rec.budget}:2025-12-31`,
      },
      {
        recipient: "FENASCOM@example.org",
        subject: "Overdue recommendation: due on 30 September 2025",
        dedupe_key: `recommendation:${rec.gbv}:2025-09-30`,
      },
    ]);
    const audited = await t.db
      .selectFrom("audit_log")
      .select("actor")
      .where("entity", "=", "outbox")
      .execute();
    expect(audited).toEqual([{ actor: "system:reminders" }, { actor: "system:reminders" }]);
  });

  it("delivers them over SMTP in the owner's language", async () => {
    const report = await deliverPending(t.db, mailer(), invitationLinks);
    expect(report.sent).toBe(2);
    expect(smtp.arrived.map((m) => m.to)).toEqual([
      ["drs.sikasso@example.org"],
      ["FENASCOM@example.org"],
    ]);
    const [fr, en] = smtp.arrived.map((m) => m.raw);
    expect(en).toContain("Hello Responsable gbv,");
    expect(en).toContain("was due on 30 September 2025");
    expect(en).toContain("Current status: Open.");
    expect(fr).toContain("Bonjour Responsable budget,");
    expect(fr).toContain(
      "« Mission conjointe de suivi — Sikasso » du programme « Déploiement des sages-femmes »",
    );
    expect(fr).toContain("Recommandation budget");
    expect(await deliverPending(t.db, mailer(), invitationLinks)).toMatchObject({ sent: 0 });
  });

  it("writes again for a new due day, and runs as the recurring job", async () => {
    await t.db
      .updateTable("mission_recommendations")
      .set({ due_date: "2026-01-10" })
      .where("id", "=", rec.budget ?? 0)
      .execute();
    const log = memoryLog("info");
    const jobs = recommendationReminderJobs({ message, log: log.logger });
    const handler = jobs[RECOMMENDATION_REMINDERS_JOB];
    expect(handler).toBeDefined();
    // The job reads the clock: on the real day every one of these is overdue.
    const run = await handler?.({ db: t.db, job: {} as never, owner: "test", log: log.logger });
    expect(run).toMatchObject({ ran: true, queued: 2, already: 1 });
    const keys = (await queued()).map((m) => m.dedupe_key);
    expect(keys).toContain(`recommendation:${rec.budget}:2026-01-10`);
    expect(keys).toContain(`recommendation:${rec.later}:2026-06-30`);
    expect(log.entries().map((e) => e.msg)).toContain("recommendation reminders queued");
  });
});
