// The coordinator's guard rails when setting a cycle up: the new-cycle form shows every error at
// once beside its field, carries forward from the latest cycle; deadlines are never in the past
// and can be moved while collecting (reminders and new invitations follow, audited); validators
// are offered only what they can use; the link has a copy button; a stale link's 404 is honest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "../../src/domain/shared/format.ts";
import { utcDay } from "../../src/domain/tracker/tracking.ts";
import type { createApp } from "../../src/http/app.ts";
import { createInvitation } from "../../src/services/tracker/invitations.ts";
import { runScheduledReminders } from "../../src/services/tracker/reminders.ts";
import { COPY_JS_PATH } from "../../src/web/client.ts";
import { reminderMail } from "../../src/web/tracker/pages/tracking.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD, SYSTEM } from "../support/world.ts";

const DAY = 24 * 3600 * 1000;
/** A calendar day (UTC) counted from today, as the server counts. */
const day = (offset: number) => utcDay(new Date(Date.now() + offset * DAY));

/** The error paragraph beside a field, by the field's id. */
function errorOf(page: string, id: string): string | undefined {
  return new RegExp(`<p class="error" id="${id}-e">([^<]*)</p>`).exec(page)?.[1];
}

describe.each(backends)("setting a cycle up on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestClient;
  let validator: TestClient;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    validator = await signIn(app, ACCOUNTS.validator.email, PASSWORD);
  });
  afterAll(() => t.dispose());

  const cycleCount = async () =>
    Number(
      (
        await t.db
          .selectFrom("cycles")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("carries forward from the latest cycle unless told otherwise", async () => {
    const page = await (await coordinator.get("/manage")).text();
    // 2023 ends after 2022: it is the latest, and the one chosen.
    expect(page).toContain('<option value="2023" selected>');
    expect(page).not.toContain('<option value="2022" selected>');
  });

  it("shows every error of the new-cycle form at once, each beside its field", async () => {
    const before = await cycleCount();
    const res = await coordinator.post("/manage/cycles", {
      slug: "",
      label: "",
      periodStart: "2024-12-31",
      periodEnd: "2024-01-01",
      fromSlug: "",
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(errorOf(page, "f-slug")).toBe("Indiquez un identifiant, par exemple 2023.");
    expect(errorOf(page, "f-label")).toBe("Indiquez un libellé.");
    expect(errorOf(page, "f-periodEnd")).toBe("La fin de la période vient avant son début.");
    expect(errorOf(page, "f-periodStart")).toBeUndefined();
    // What was typed is kept, and "start from scratch" stays chosen.
    expect(page).toContain('value="2024-12-31"');
    expect(page).not.toContain("selected>");
    expect(await cycleCount()).toBe(before);
  });

  it("says a taken identifier is taken, an unknown period unknown, a bad date invalid", async () => {
    const res = await coordinator.post("/manage/cycles", {
      slug: "2023",
      label: "Encore 2023",
      periodStart: "2024-02-31",
      periodEnd: "",
      fromSlug: "1999",
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(errorOf(page, "f-slug")).toBe(
      "Une période porte déjà cet identifiant\u00a0: choisissez-en un autre.",
    );
    expect(errorOf(page, "f-periodStart")).toMatch(/^Date non valable/);
    expect(errorOf(page, "f-periodEnd")).toBe("Indiquez la date de fin.");
    expect(errorOf(page, "f-fromSlug")).toMatch(/^Cette période n’existe pas/);
    expect(errorOf(page, "f-label")).toBeUndefined();
  });

  it("answers an over-long identifier with a message, not a server error", async () => {
    const res = await coordinator.post("/manage/cycles", {
      slug: "a".repeat(300),
      label: "Longue",
      periodStart: "2024-01-01",
      periodEnd: "2024-12-31",
    });
    expect(res.status).toBe(400);
    expect(errorOf(await res.text(), "f-slug")).toBe(
      "Ce champ est trop long\u00a0: 64 caractères au plus.",
    );
  });

  it("creates the cycle once the form is right, carrying 2023's partners forward", async () => {
    const res = await coordinator.post("/manage/cycles", {
      slug: "2024",
      label: "Janvier – décembre 2024",
      periodStart: "2024-01-01",
      periodEnd: "2024-12-31",
      fromSlug: "2023",
    });
    expect(res.status).toBe(303);
    const mapped = await t.db
      .selectFrom("mappings as m")
      .innerJoin("cycles as c", "c.id", "m.cycle_id")
      .select((e) => e.fn.countAll().as("n"))
      .where("c.slug", "=", "2024")
      .executeTakeFirstOrThrow();
    expect(Number(mapped.n)).toBeGreaterThan(0);
  });

  it("refuses to open collection with a deadline in the past", async () => {
    const res = await coordinator.post("/manage/cycles/2024/open", { deadline: day(-1) });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(errorOf(page, "f-deadline")).toBe(
      "Cette date est passée\u00a0: choisissez aujourd’hui ou une date à venir.",
    );
    const empty = await coordinator.post("/manage/cycles/2024/open", { deadline: "" });
    expect(errorOf(await empty.text(), "f-deadline")).toBe("Indiquez une date limite.");
    const cycle = await t.db
      .selectFrom("cycles")
      .select(["state", "deadline"])
      .where("slug", "=", "2024")
      .executeTakeFirstOrThrow();
    expect(cycle).toEqual({ state: "setup", deadline: null });
    // Today is still a deadline one may give.
    const today = await coordinator.post("/manage/cycles/2024/open", { deadline: day(0) });
    expect(today.status).toBe(303);
  });

  it("moves the deadline while collecting: audited, reminders and invitations follow", async () => {
    const page = await (await coordinator.get("/manage/cycles/2023")).text();
    expect(page).toContain('action="/manage/cycles/2023/deadline"');
    expect(page).toContain('value="2024-02-15"');

    const past = await coordinator.post("/manage/cycles/2023/deadline", { deadline: day(-3) });
    expect(past.status).toBe(400);
    expect(errorOf(await past.text(), "f-deadline")).toMatch(/^Cette date est passée/);

    const next = day(20);
    const res = await coordinator.post("/manage/cycles/2023/deadline", { deadline: next });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/manage/cycles/2023?changed=deadline");
    const after = await (await coordinator.get("/manage/cycles/2023?changed=deadline")).text();
    expect(after).toContain(`Date limite changée\u00a0: ${formatDate("fr", next)}.`);

    const audit = await t.db
      .selectFrom("audit_log")
      .select(["before", "after", "actor"])
      .where("entity", "=", "cycles")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect((audit.before as { deadline: string }).deadline).toBe("2024-02-15");
    expect((audit.after as { deadline: string }).deadline).toBe(next);
    expect(audit.actor).toMatch(/^user:\d+$/);

    // The tracking panel and the schedule read the new date: 7 days before it comes first.
    const tracking = await (await coordinator.get("/manage/cycles/2023/tracking")).text();
    expect(tracking).toContain(
      `Prochaine relance automatique\u00a0: ${formatDate("fr", day(13))}.`,
    );
    const run = (iso: string) =>
      runScheduledReminders(t.db, new Date(`${iso}T08:00:00Z`), {
        baseUrl: "http://jalon.test",
        message: reminderMail(),
      });
    expect((await run("2024-02-12")).cycles).toBe(0);
    const due = await run(day(17));
    expect(due.cycles).toBe(1);
    expect(due.queued).toBeGreaterThan(0);
    const reminder = await t.db
      .selectFrom("outbox")
      .select("body")
      .where("kind", "=", "reminder")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(reminder.body).toContain(`Date limite\u00a0: ${formatDate("fr", next)}.`);

    // A new invitation gives the new date.
    const invite = await coordinator.post("/manage/cycles/2023/partners/msi/invite", {
      email: "suivi@msi.example.org",
    });
    expect(invite.status).toBe(200);
    const mail = await t.db
      .selectFrom("outbox")
      .select("body")
      .where("recipient", "=", "suivi@msi.example.org")
      .executeTakeFirstOrThrow();
    expect(mail.body).toContain(`Date limite\u00a0: ${formatDate("fr", next)}.`);
  });

  it("lets nobody but a coordinator move the deadline, and only while collecting", async () => {
    const denied = await validator.post("/manage/cycles/2023/deadline", { deadline: day(30) });
    expect(denied.status).toBe(403);
    const closed = await coordinator.post("/manage/cycles/2024/close", {});
    expect(closed.status).toBe(303);
    const late = await coordinator.post("/manage/cycles/2024/deadline", { deadline: day(30) });
    expect(late.status).toBe(409);
  });

  it("shows every error of the validation meeting's form at once", async () => {
    const res = await validator.post("/manage/cycles/2023/validation/meeting", {
      title: " ",
      held_on: "2024-02-31",
      place: "",
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain("Indiquez l’intitulé de la réunion.");
    expect(page).toContain("Indiquez une date valable.");
    expect(page).toContain("Indiquez le lieu de la réunion.");
  });

  it("offers a validator no form it cannot use", async () => {
    const home = await (await validator.get("/manage")).text();
    expect(home).not.toContain('action="/manage/cycles"');
    const overview = await (await validator.get("/manage/cycles/2023")).text();
    expect(overview).not.toMatch(/action="\/manage\/cycles\/2023\/(open|close|deadline|publish)"/);
    const mapping = await (await validator.get("/manage/cycles/2023/mapping")).text();
    expect(mapping).not.toContain('action="/manage/cycles/2023/mapping"');
    expect(mapping).toContain("<fieldset disabled>");
    const panel = await (await validator.get("/manage/cycles/2023/partners/psi")).text();
    expect(panel).not.toContain("/invite");
    expect(panel).not.toContain("/revoke");
    expect(panel).toContain("Voir le questionnaire (lecture seule)");
    // The coordinator still has them all.
    const own = await (await coordinator.get("/manage/cycles/2023/partners/psi")).text();
    expect(own).toContain('action="/manage/cycles/2023/partners/psi/invite"');
    expect(own).toContain("Ouvrir le questionnaire (saisie par entretien)");
  });

  it("puts a copy button beside a new link, shown by a module the policy allows", async () => {
    const res = await coordinator.post("/manage/cycles/2023/partners/psi/invite", { email: "" });
    const page = await res.text();
    expect(page).toMatch(/<input id="f-link" type="text" name="link" value="http[^"]+" readonly/);
    // Hidden without JavaScript: the field alone is selectable.
    expect(page).toMatch(/<button class="secondary" type="button" data-copy="f-link"[^>]* hidden>/);
    expect(page).toContain(`<script type="module" src="${COPY_JS_PATH}"></script>`);
    expect(page).not.toMatch(/<script>|onclick=/);
    const js = await app.request(COPY_JS_PATH);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toContain("text/javascript");
    expect(await js.text()).toContain("navigator.clipboard");
  });

  it("says on whose behalf the coordinator fills the questionnaire in", async () => {
    const page = await (await coordinator.get("/q/2023/psi")).text();
    expect(page).toContain("Vous remplissez ce questionnaire pour le compte de");
    const own = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    expect(await (await own.get("/q/2023/psi")).text()).not.toContain("pour le compte de");
  });

  it("never tells a partner that its own identifier does not exist", async () => {
    const psi = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    const link = await createInvitation(
      t.db,
      SYSTEM,
      { cycleSlug: "2023", partnerSlug: "psi", email: null, baseUrl: "http://jalon.test" },
      () => ({ subject: "", body: "" }),
      "fr",
    );
    const invited = client(app);
    await invited.get(new URL(link.url).pathname);
    // The link opens 2023 only; another partner's questionnaire; a cycle that does not exist.
    for (const [who, path] of [
      [invited, "/q/2022/psi"],
      [psi, "/q/2023/msi"],
      [psi, "/q/1999/psi"],
    ] as const) {
      const res = await who.get(path);
      expect(res.status, path).toBe(404);
      const page = await res.text();
      expect(page, path).not.toContain("Aucun partenaire ne porte");
      expect(page, path).toContain("Aucun questionnaire ne vous est ouvert à cette adresse.");
    }
    const anonymous = client(app);
    expect((await anonymous.get("/partners/nobody")).status).toBe(404);
  });
});
