// Publishing a cycle: unpublished cycles stay off the public pages; publishing makes the cycle
// the home scorecard with its changes since 2022 and freezes answers and statuses; reopening
// needs a reason, kept in the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/shared/policy.ts";
import type { createApp } from "../../src/http/app.ts";
import { closeCollection, publishCycle, reopenCycle } from "../../src/services/tracker/cycles.ts";
import { type SaveRequest, saveAnswer } from "../../src/services/tracker/questionnaire.ts";
import { assessIndicator, saveMeeting, sendBack } from "../../src/services/tracker/validation.ts";
import { sendBackMail } from "../../src/web/tracker/pages/send-back.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, actorOf, collectionWorld, PASSWORD } from "../support/world.ts";

const PAGE = "/manage/cycles/2023/validation";

const psiAnswer = (submit: boolean): SaveRequest => ({
  cycleSlug: "2023",
  partnerSlug: "psi",
  indicatorCode: "d",
  answer: {
    contributes: "yes",
    activities: "Formation de 300 prestataires",
    collaboratorIds: [],
    collaboratorsText: null,
    difficulties: null,
    outputs: [{ value: 300, unit: "prestataires formés" }],
    evidence: [],
  },
  ifMatch: 0,
  clientId: null,
  submit,
});

describe.each(backends)("publishing on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let coordinator: Actor;
  let validatorActor: Actor;
  let psi: Actor;
  let validator: TestClient;
  const visitor = () => client(app);

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    coordinator = await actorOf(t.db, ACCOUNTS.coordinator.email);
    validatorActor = await actorOf(t.db, ACCOUNTS.validator.email);
    psi = await actorOf(t.db, ACCOUNTS.respondent.email);
    validator = await signIn(app, ACCOUNTS.validator.email, PASSWORD);
    await saveAnswer(t.db, psi, psiAnswer(true), "fr");
  });
  afterAll(() => t.dispose());

  it("keeps a cycle in collection or validation off the public pages", async () => {
    expect((await visitor().get("/cycles/2023")).status).toBe(404);
    await closeCollection(t.db, coordinator, "2023", "fr");
    expect((await visitor().get("/cycles/2023")).status).toBe(404);
    expect((await visitor().get("/cycles/2023/commitments/2")).status).toBe(404);
    const home = await (await visitor().get("/")).text();
    expect(home).toContain("Janvier – décembre 2022");
    expect(home).not.toContain("Janvier – décembre 2023");
    expect(home).not.toContain("Changements depuis");
  });

  it("publishes: the cycle becomes the home scorecard, with its changes since 2022", async () => {
    const previous = await t.db
      .selectFrom("assessments as a")
      .innerJoin("cycles as c", "c.id", "a.cycle_id")
      .innerJoin("indicators as i", "i.id", "a.indicator_id")
      .select(["i.code", "a.status"])
      .where("c.slug", "=", "2022")
      .execute();
    expect(previous.find((p) => p.code === "d")?.status).toBe("on_track");
    await saveMeeting(
      t.db,
      validatorActor,
      "2023",
      {
        title: "Atelier de validation 2023",
        titleEn: null,
        heldOn: "2024-02-20",
        place: "Bamako",
        participantIds: [],
      },
      "fr",
    );
    for (const p of previous) {
      const status = p.code === "d" ? "achieved" : p.status;
      await assessIndicator(
        t.db,
        validatorActor,
        "2023",
        { indicatorCode: p.code, status, narrative: "Suivi 2023.", narrativeEn: null },
        "fr",
      );
    }
    await publishCycle(t.db, coordinator, "2023", "fr", { confirmed: true });

    const home = await (await visitor().get("/")).text();
    expect(home).toContain("Janvier – décembre 2023");
    expect(home).toContain('<h2 id="changes">Changements depuis 2022</h2>');
    expect(home).toMatch(
      /<b>2\.2<\/b><\/a>\u00a0:<\/span> <span class="mark s-on_track">Sur la bonne voie<\/span> <span>→ <span class="mark s-achieved">Réalisé<\/span>/,
    );
    expect(home.match(/<ul class="changes">[\s\S]*?<\/ul>/)?.[0].match(/<li>/g)).toHaveLength(1);
    expect(home).toContain('href="/cycles/2022"');
    const english = await (await visitor().get("/?lang=en")).text();
    expect(english).toContain("Changes since 2022");
    const commitment = await (await visitor().get("/cycles/2023/commitments/2")).text();
    expect(commitment).toContain(
      'Depuis 2022 : <span class="mark s-on_track">Sur la bonne voie</span> <span>→ <span class="mark s-achieved">Réalisé</span>',
    );
    expect(commitment.match(/class="change"/g)).toHaveLength(1);
    const older = await (await visitor().get("/cycles/2022")).text();
    expect(older).not.toContain("Changements depuis");
  });

  it("freezes answers, statuses, the meeting and send-backs once published", async () => {
    await expect(saveAnswer(t.db, psi, psiAnswer(false), "fr")).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(saveAnswer(t.db, coordinator, psiAnswer(false), "fr")).rejects.toMatchObject({
      code: "conflict",
    });
    const status = { indicatorCode: "d", status: "off_track", narrative: "Non", narrativeEn: null };
    await expect(assessIndicator(t.db, validatorActor, "2023", status, "fr")).rejects.toMatchObject(
      { code: "conflict" },
    );
    const answer = await t.db
      .selectFrom("responses as r")
      .innerJoin("cycles as c", "c.id", "r.cycle_id")
      .select("r.id")
      .where("c.slug", "=", "2023")
      .executeTakeFirstOrThrow();
    await expect(
      sendBack(t.db, validatorActor, "2023", answer.id, "À revoir", "fr", {
        baseUrl: "http://jalon.test",
        message: sendBackMail(),
      }),
    ).rejects.toMatchObject({ code: "conflict" });

    const page = await validator.get(PAGE);
    const body = await page.text();
    expect(body).toContain("Cette période est publiée");
    expect(body).not.toContain(`action="${PAGE}/indicators/`);
    const posts: [string, Record<string, string>][] = [
      [`${PAGE}/indicators/d`, { status: "off_track", narrative: "Non" }],
      [`${PAGE}/answers/${answer.id}/return`, { comment: "À revoir" }],
      [`${PAGE}/meeting`, { title: "Autre", held_on: "2024-03-01", place: "Kayes" }],
    ];
    for (const [path, form] of posts) expect((await validator.post(path, form)).status).toBe(409);
    const respondent = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    await respondent.get("/q/2023/psi");
    const write = await respondent.post("/q/2023/psi/d", {
      version: "0",
      contributes: "no",
      action: "save",
    });
    expect(write.status).toBe(409);

    const d = await t.db
      .selectFrom("assessments as a")
      .innerJoin("cycles as c", "c.id", "a.cycle_id")
      .innerJoin("indicators as i", "i.id", "a.indicator_id")
      .select("a.status")
      .where("c.slug", "=", "2023")
      .where("i.code", "=", "d")
      .executeTakeFirstOrThrow();
    expect(d.status).toBe("achieved");
  });

  it("reopens only with a reason, which the audit log keeps", async () => {
    await expect(reopenCycle(t.db, coordinator, "2023", " oups ", "fr")).rejects.toMatchObject({
      code: "invalid_input",
      subject: "reason",
    });
    await expect(
      reopenCycle(t.db, validatorActor, "2023", "Erreur sur 2.2", "fr"),
    ).rejects.toMatchObject({ code: "forbidden" });
    await reopenCycle(t.db, coordinator, "2023", "Erreur de saisie sur 2.2", "fr");
    const cycle = await t.db
      .selectFrom("cycles")
      .select(["id", "state", "published_at"])
      .where("slug", "=", "2023")
      .executeTakeFirstOrThrow();
    expect(cycle.state).toBe("validation");
    expect(cycle.published_at).toBeNull();
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["actor", "after"])
      .where("entity", "=", "cycles")
      .where("entity_id", "=", String(cycle.id))
      .execute();
    const withReason = audit.filter((a) => JSON.stringify(a.after).includes("Erreur de saisie"));
    expect(withReason).toHaveLength(1);
    expect(withReason[0]?.actor).toBe(`user:${(coordinator as { userId: number }).userId}`);
    expect(withReason[0]?.after).toMatchObject({
      state: "validation",
      reason: "Erreur de saisie sur 2.2",
    });

    expect((await visitor().get("/cycles/2023")).status).toBe(404);
    expect(await (await visitor().get("/")).text()).toContain("Janvier – décembre 2022");
    const fixed = await validator.post(`${PAGE}/indicators/d`, {
      status: "on_track",
      narrative: "Corrigé après réouverture.",
    });
    expect(fixed.status).toBe(303);
  });
});
