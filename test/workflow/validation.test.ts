// The validation step over HTTP: the meeting record, every partner's answers side by side, a
// status that needs its narrative, answers validated or sent back, and who may do each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/shared/policy.ts";
import type { createApp } from "../../src/http/app.ts";
import { getQuestionnaire, saveAnswer } from "../../src/services/tracker/questionnaire.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, actorOf, collectionWorld, idOf, PASSWORD } from "../support/world.ts";

const PAGE = "/manage/cycles/2023/validation";

const answer = (activities: string) => ({
  contributes: "yes" as const,
  activities,
  collaboratorIds: [],
  collaboratorsText: null,
  difficulties: "Retard des fonds",
  outputs: [{ value: 120, unit: "prestataires formés" }],
  evidence: [],
});

describe.each(backends)("validation on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let validator: TestClient;
  let actors: Record<"coordinator" | "validator" | "psi" | "msi", Actor>;
  const cycle2023 = async () =>
    (
      await t.db
        .selectFrom("cycles")
        .select("id")
        .where("slug", "=", "2023")
        .executeTakeFirstOrThrow()
    ).id;
  const answerOf = async (partner: string) =>
    t.db
      .selectFrom("responses")
      .select(["id", "state", "return_comment"])
      .where("cycle_id", "=", await cycle2023())
      .where("partner_id", "=", await idOf(t.db, "partners", "slug", partner))
      .where("indicator_id", "=", await idOf(t.db, "indicators", "code", "d"))
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    validator = await signIn(app, ACCOUNTS.validator.email, PASSWORD);
    actors = {
      coordinator: await actorOf(t.db, ACCOUNTS.coordinator.email),
      validator: await actorOf(t.db, ACCOUNTS.validator.email),
      psi: await actorOf(t.db, ACCOUNTS.respondent.email),
      msi: await actorOf(t.db, ACCOUNTS.otherRespondent.email),
    };
    const save = (actor: Actor, partnerSlug: string, activities: string, submit: boolean) =>
      saveAnswer(
        t.db,
        actor,
        {
          cycleSlug: "2023",
          partnerSlug,
          indicatorCode: "d",
          answer: answer(activities),
          ifMatch: 0,
          clientId: null,
          submit,
        },
        "fr",
      );
    await save(actors.psi, "psi", "Formation de 120 prestataires à Ségou", true);
    await save(actors.msi, "msi", "Brouillon MSI sur les formations", false);
    await save(actors.coordinator, "unfpa", "Appui aux écoles de sages-femmes", true);
  });
  afterAll(() => t.dispose());

  it("shows every partner's answer to an indicator side by side", async () => {
    const res = await validator.get(PAGE);
    expect(res.status).toBe(200);
    const body = await res.text();
    const section = body.slice(body.indexOf('id="i-d"'), body.indexOf('id="i-e"'));
    expect(body).toContain("Engagement 2");
    for (const text of [
      "Formation de 120 prestataires à Ségou",
      "Brouillon MSI sur les formations",
      "Appui aux écoles de sages-femmes",
      "Retard des fonds",
      "prestataires formés",
      'class="mark as-submitted">Soumise',
      'class="mark as-draft">Brouillon',
      "recueil : en ligne · par psi",
      "recueil : entretien · par coordination",
      "Sans réponse :",
      'class="mark s-not_assessed">Non évalué',
    ])
      expect(section).toContain(text);
    expect(section).toContain(`action="${PAGE}/indicators/d#i-d"`);
  });

  it("records the validation meeting, keeps what was typed on errors, and corrects it", async () => {
    const psi = await idOf(t.db, "partners", "slug", "psi");
    const msi = await idOf(t.db, "partners", "slug", "msi");
    const bad = await validator.post(`${PAGE}/meeting`, {
      title: " ",
      held_on: "2024-02-31",
      place: "Bamako, salle du CNIECS",
      participants: [String(psi), String(msi)],
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Indiquez l’intitulé de la réunion.");
    expect(html).toContain('value="Bamako, salle du CNIECS"');
    expect(html).toMatch(new RegExp(`value="${psi}" checked`));

    const ok = await validator.post(`${PAGE}/meeting`, {
      title: "Atelier de validation 2023",
      held_on: "2024-02-20",
      place: "Bamako",
      participants: [String(psi), String(msi)],
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`${PAGE}?saved=meeting#meeting`);
    const again = await validator.post(`${PAGE}/meeting`, {
      title: "Atelier de validation 2023",
      held_on: "2024-02-21",
      place: "Ségou",
      participants: String(psi),
    });
    expect(again.status).toBe(303);
    const meetings = await t.db
      .selectFrom("meetings")
      .selectAll()
      .where("cycle_id", "=", await cycle2023())
      .execute();
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ place: "Ségou", held_on: "2024-02-21" });
    const participants = await t.db
      .selectFrom("meeting_participants")
      .select("partner_id")
      .where("meeting_id", "=", meetings[0]?.id ?? 0)
      .execute();
    expect(participants.map((p) => p.partner_id)).toEqual([psi]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["entity", "action"])
      .where("entity", "in", ["meetings", "meeting_participants"])
      .where("actor", "=", `user:${(actors.validator as { userId: number }).userId}`)
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { entity: "meetings", action: "create" },
        { entity: "meetings", action: "update" },
        { entity: "meeting_participants", action: "delete" },
      ]),
    );
    const page = await (await validator.get(`${PAGE}?saved=meeting`)).text();
    expect(page).toContain("Réunion enregistrée.");
    expect(page).toContain("Atelier de validation 2023, Ségou, le 21 février 2024");
  });

  it("requires a narrative for a yellow or red status, beside the field, keeping the text", async () => {
    const res = await validator.post(`${PAGE}/indicators/d`, {
      status: "off_track",
      narrative: "  ",
      narrative_en: "English draft kept",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    const section = html.slice(html.indexOf('id="i-d"'), html.indexOf('id="i-e"'));
    expect(section).toContain(
      '<p class="error" id="narrative-d-e">Un statut jaune ou rouge exige un commentaire de progrès.</p>',
    );
    expect(section).toContain('value="off_track" checked');
    expect(section).toContain("English draft kept");
    const stored = await t.db
      .selectFrom("assessments")
      .select("id")
      .where("cycle_id", "=", await cycle2023())
      .execute();
    expect(stored).toEqual([]);
  });

  it("sets a status linked to the meeting, validating the submitted answers", async () => {
    const res = await validator.post(`${PAGE}/indicators/d`, {
      status: "achieved",
      narrative: "Les formations prévues ont eu lieu.",
      narrative_en: "",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${PAGE}?saved=i-d#i-d`);
    const meeting = await t.db
      .selectFrom("meetings")
      .select("id")
      .where("cycle_id", "=", await cycle2023())
      .executeTakeFirstOrThrow();
    const row = await t.db
      .selectFrom("assessments")
      .selectAll()
      .where("cycle_id", "=", await cycle2023())
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "achieved", meeting_id: meeting.id, narrative_en: null });
    expect((await answerOf("psi")).state).toBe("validated");
    expect((await answerOf("unfpa")).state).toBe("validated");
    expect((await answerOf("msi")).state).toBe("draft");

    const change = await validator.post(`${PAGE}/indicators/d`, {
      status: "on_track",
      narrative: "Formations en cours dans deux régions.",
    });
    expect(change.status).toBe(303);
    const rows = await t.db
      .selectFrom("assessments")
      .select(["id", "status"])
      .where("cycle_id", "=", await cycle2023())
      .execute();
    expect(rows).toEqual([{ id: row.id, status: "on_track" }]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("entity", "=", "assessments")
      .where("entity_id", "=", String(row.id))
      .where("action", "=", "update")
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ status: "achieved" });
    expect(audit.after).toMatchObject({ status: "on_track" });
    const page = await (await validator.get(`${PAGE}?saved=i-d`)).text();
    expect(page).toContain("Statut de l’indicateur 2.2 enregistré.");
    expect(page).toContain("Formations en cours dans deux régions.");
  });

  it("sends an answer back with a comment the partner's questionnaire shows", async () => {
    const msi = await answerOf("msi");
    const empty = await validator.post(`${PAGE}/answers/${msi.id}/return`, { comment: "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Écrivez un commentaire pour le partenaire.");
    const ok = await validator.post(`${PAGE}/answers/${msi.id}/return`, {
      comment: "Précisez le nombre de prestataires formés.",
    });
    expect(ok.status).toBe(303);
    // MSI has a respondent account: one notice with a fresh link is queued to it.
    expect(ok.headers.get("location")).toBe(`${PAGE}?saved=a-${msi.id}&emailed=1#a-${msi.id}`);
    expect(await answerOf("msi")).toMatchObject({
      state: "returned",
      return_comment: "Précisez le nombre de prestataires formés.",
    });
    const q = await getQuestionnaire(t.db, actors.msi, "2023", "msi", "fr");
    const d = q.commitments.flatMap((c) => c.indicators).find((i) => i.code === "d");
    expect(d?.answer).toMatchObject({
      state: "returned",
      returnComment: "Précisez le nombre de prestataires formés.",
    });
    const unknown = await validator.post(`${PAGE}/answers/999999/return`, { comment: "Non" });
    expect(unknown.status).toBe(404);
  });

  it("lets coordinators set statuses; refuses respondents, programme managers and strangers", async () => {
    const coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    await coordinator.get(PAGE);
    const ok = await coordinator.post(`${PAGE}/indicators/a`, { status: "achieved" });
    expect(ok.status).toBe(303);

    const respondent = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    expect((await respondent.get(PAGE)).status).toBe(403);
    const refused = await respondent.post(`${PAGE}/indicators/a`, { status: "off_track" });
    expect(refused.status).toBe(403);

    const manager = await signIn(app, ACCOUNTS.programme_manager.email, PASSWORD);
    const read = await manager.get(PAGE);
    expect(read.status).toBe(200);
    const body = await read.text();
    expect(body).toContain("Votre rôle permet de lire cette page");
    expect(body).not.toContain(`action="${PAGE}/indicators/`);
    expect((await manager.post(`${PAGE}/indicators/a`, { status: "off_track" })).status).toBe(403);

    const anonymous = client(app);
    const res = await anonymous.get(PAGE);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/login?next=${encodeURIComponent(PAGE)}`);

    const a = await t.db
      .selectFrom("assessments")
      .select("status")
      .where("indicator_id", "=", await idOf(t.db, "indicators", "code", "a"))
      .where("cycle_id", "=", await cycle2023())
      .executeTakeFirstOrThrow();
    expect(a.status).toBe("achieved");
  });

  it("never lets a validator change a partner's answer", async () => {
    await validator.get("/q/2023/psi");
    const form = await validator.post("/q/2023/psi/d", {
      version: "0",
      contributes: "no",
      activities: "Réécrit par le validateur",
      action: "save",
    });
    expect(form.status).toBe(403);
    const api = await validator.send("PUT", "/api/q/2023/psi/d", {
      answer: answer("Réécrit par le validateur"),
    });
    expect(api.status).toBe(403);
    await expect(
      saveAnswer(
        t.db,
        actors.validator,
        {
          cycleSlug: "2023",
          partnerSlug: "psi",
          indicatorCode: "d",
          answer: answer("Réécrit par le validateur"),
          ifMatch: 0,
          clientId: null,
          submit: false,
        },
        "fr",
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await answerOf("psi")).state).toBe("validated");
  });
});
