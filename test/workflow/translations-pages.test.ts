// The translations pages of the workspace: linked from the cycle overview, they list what the
// English edition lacks (with a count per kind and a link per text), and their forms give the
// English of an answer, a narrative, the difficulties and recommendations. A refused text comes
// back beside its field with what was typed, and nothing of that form is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { MAX_TRANSLATION_LENGTH } from "../../src/services/tracker/translations.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

const LIST = "/manage/cycles/2022/translations";

describe.each(backends)("translations pages on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let web: TestClient;
  let answer: number;
  let englishOf: () => Promise<string | undefined>;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    const row = await t.db
      .selectFrom("responses")
      .innerJoin("partners", "partners.id", "responses.partner_id")
      .innerJoin("indicators", "indicators.id", "responses.indicator_id")
      .innerJoin("cycles", "cycles.id", "responses.cycle_id")
      .select("responses.id")
      .where("partners.slug", "=", "msi")
      .where("indicators.code", "=", "b")
      .where("cycles.slug", "=", "2022")
      .executeTakeFirstOrThrow();
    answer = row.id;
    englishOf = async () =>
      (
        await t.db
          .selectFrom("response_translations")
          .select("text_en")
          .where("response_id", "=", answer)
          .where("field", "=", "activities")
          .executeTakeFirst()
      )?.text_en;
    web = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
  }, 60_000);
  afterAll(() => t.dispose());

  it("is linked from the cycle overview and finds nothing missing in the demo", async () => {
    expect(await (await web.get("/manage/cycles/2022")).text()).toContain(`href="${LIST}"`);
    const page = await (await web.get(LIST)).text();
    expect(page).toContain("Traductions anglaises");
    expect(page).toContain("Rien ne manque");
  });

  it("lists an emptied English with its count and a link to its form", async () => {
    const form = await (await web.get(`${LIST}/answers/${answer}`)).text();
    expect(form).toContain("Traduire la réponse de MSI");
    expect(form).toContain("Cinq séances de plaidoyer communautaire");
    expect(form).toContain('name="text.activities"');
    expect(form).toContain('name="unit_en.0"');
    const saved = await web.post(`${LIST}/answers/${answer}`, {
      "text.activities": "",
      "unit_fr.0": "séances de plaidoyer communautaire",
      "unit_en.0": "",
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Traductions enregistrées.");
    expect(await englishOf()).toBeUndefined();
    const page = await (await web.get(LIST)).text();
    expect(page).toContain("2 textes à traduire");
    expect(page).toContain(`href="${LIST}/answers/${answer}">1.2 · MSI</a>`);
    expect(page).toMatch(/Activités<\/a> <strong>1<\/strong>/);
    expect(page).toMatch(/Unités des résultats chiffrés<\/a> <strong>1<\/strong>/);
    const english = await (await web.get(`${LIST}?lang=en`)).text();
    expect(english).toContain("2 texts to translate");
  });

  it("refuses an over-long English beside its field, keeps it typed, stores nothing", async () => {
    const typed = "x".repeat(MAX_TRANSLATION_LENGTH + 1);
    const res = await web.post(`${LIST}/answers/${answer}`, {
      "text.activities": typed,
      "unit_fr.0": "séances de plaidoyer communautaire",
      "unit_en.0": "community advocacy sessions",
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain("Ce champ est trop long\u00a0: 5\u00a0000 caractères au plus.");
    expect(page).toContain('aria-describedby="f-text-activities-e"');
    expect(page).toContain(typed);
    expect(await englishOf()).toBeUndefined();
    const unit = await t.db
      .selectFrom("unit_translations")
      .select("unit_en")
      .where("unit", "=", "séances de plaidoyer communautaire")
      .executeTakeFirst();
    expect(unit).toBeUndefined();
  });

  it("saves the English of an answer, a narrative and the cycle's lists", async () => {
    await web.post(`${LIST}/answers/${answer}`, {
      "text.activities": "Five community advocacy sessions on the 2002 law.",
      "unit_fr.0": "séances de plaidoyer communautaire",
      "unit_en.0": "community advocacy sessions",
    });
    expect(await englishOf()).toBe("Five community advocacy sessions on the 2002 law.");
    const indicator = await t.db
      .selectFrom("indicators")
      .select("id")
      .where("code", "=", "b")
      .executeTakeFirstOrThrow();
    const narrative = await (await web.get(`${LIST}/indicators/${indicator.id}`)).text();
    expect(narrative).toContain('name="narrative_en"');
    await web.post(`${LIST}/indicators/${indicator.id}`, { narrative_en: "Free FP is on track." });
    const recommendation = await t.db
      .selectFrom("recommendations")
      .innerJoin("cycles", "cycles.id", "recommendations.cycle_id")
      .select("recommendations.id")
      .where("cycles.slug", "=", "2022")
      .orderBy("recommendations.id")
      .executeTakeFirstOrThrow();
    const lists = await (await web.get(`${LIST}/lists`)).text();
    expect(lists).toContain(`name="r-${recommendation.id}"`);
    await web.post(`${LIST}/lists`, { [`r-${recommendation.id}`]: "Keep going." });
    const stored = await t.db
      .selectFrom("recommendations")
      .select("text_en")
      .where("id", "=", recommendation.id)
      .executeTakeFirstOrThrow();
    expect(stored.text_en).toBe("Keep going.");
    const page = await (await web.get(LIST)).text();
    expect(page).toContain("Rien ne manque");
  });

  it("lets a validator translate and keeps respondents out", async () => {
    const validator = await signIn(app, ACCOUNTS.validator.email, PASSWORD);
    expect((await validator.get(LIST)).status).toBe(200);
    const respondent = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    expect((await respondent.get(LIST)).status).toBe(403);
  });

  it("lets the respondent give the English of its own answer from the questionnaire", async () => {
    const psi = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    // A French answer first; its form then links to the English version.
    const saved = await psi.post("/q/2023/psi/l", {
      contributes: "yes",
      activities: "Formation de 12 agents de santé.",
      version: "0",
      action: "save",
    });
    expect(saved.status).toBe(303);
    const questionnaire = await (await psi.get("/q/2023/psi")).text();
    expect(questionnaire).toContain('href="/q/2023/psi/l/english"');
    const form = await (await psi.get("/q/2023/psi/l/english")).text();
    expect(form).toContain("Formation de 12 agents de santé.");
    expect(form).not.toContain('href="/manage');
    const res = await psi.post("/q/2023/psi/l/english", {
      "text.activities": "Trained 12 health workers.",
    });
    expect(res.status).toBe(200);
    const stored = await t.db
      .selectFrom("response_translations")
      .innerJoin("responses", "responses.id", "response_translations.response_id")
      .innerJoin("cycles", "cycles.id", "responses.cycle_id")
      .select(["text_en", "source"])
      .where("cycles.slug", "=", "2023")
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      text_en: "Trained 12 health workers.",
      source: "Formation de 12 agents de santé.",
    });
    // Another partner's answer is missing to it, like that partner's questionnaire.
    const msi = await signIn(app, ACCOUNTS.otherRespondent.email, PASSWORD);
    expect((await msi.get("/q/2023/psi/l/english")).status).toBe(404);
  });
});
