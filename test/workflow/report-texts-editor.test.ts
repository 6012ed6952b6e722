// The report texts editor: the coordinator opens a cycle's texts (offered from the previous cycle
// where missing), a text with an unknown figure is refused beside its field and nothing is saved,
// a good one is saved, an emptied one is removed from the report; other roles cannot reach the
// editor. Only texts saved for the cycle reach its report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { getCycleTexts } from "../../src/services/tracker/report-texts.ts";
import { buildReport } from "../../src/services/tracker/reports.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

const PATH = "/manage/cycles/2023/report-texts";

describe.each(backends)("report texts editor on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let web: TestClient;
  let cycleId: number;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    cycleId = (
      await t.db
        .selectFrom("cycles")
        .select("id")
        .where("slug", "=", "2023")
        .executeTakeFirstOrThrow()
    ).id;
    web = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
  });
  afterAll(() => t.dispose());

  it("is linked from the cycle overview and offers the previous cycle's texts", async () => {
    expect(await (await web.get("/manage/cycles/2023")).text()).toContain(`href="${PATH}"`);
    const texts = await getCycleTexts(t.db, cycleId);
    expect(texts.context?.source).toBe("previous");
    const res = await web.get(PATH);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("Textes du rapport");
    expect(page).toContain("Repris de la période précédente");
    expect(page).toContain('name="context.text"');
    expect(page).toContain('name="conclusion.text_en"');
    const first = (texts.context?.text ?? "").split("\n")[0]?.slice(0, 30) ?? "";
    expect(first.length).toBeGreaterThan(0);
    expect(page).toContain(first.replace(/'/g, "&#39;").replace(/"/g, "&quot;"));
  });

  it("refuses an unknown figure beside its field, keeps what was typed, saves nothing", async () => {
    const typed = "Contexte de {cycle} avec {partenaires} partenaires";
    const res = await web.post(PATH, {
      "context.text": typed,
      "context.text_en": "",
      "conclusion.text": "Conclusion valable pour {cycle}",
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain("Chiffre inconnu : partenaires");
    expect(page).toContain(typed);
    expect(page).toContain("Conclusion valable pour {cycle}");
    const texts = await getCycleTexts(t.db, cycleId);
    expect(texts.context?.source).toBe("previous");
    expect(texts.conclusion?.text).not.toBe("Conclusion valable pour {cycle}");
  });

  it("leaves offered texts out of the report until they are saved", async () => {
    const texts = await getCycleTexts(t.db, cycleId);
    expect(texts.acknowledgements?.source).toBe("previous");
    const model = await buildReport(t.db, "2023", "fr", { publishedOnly: false });
    // Only the template's sections every report has print, from their default texts.
    const printed = Object.entries(model.texts).filter(([, text]) => text !== null);
    expect(printed.map(([kind]) => kind)).toEqual(["project_summary", "strategies"]);
    expect(model.texts.project_summary).toContain("Le Motion Tracker est une démarche");
  });

  it("saves the texts as the cycle's own", async () => {
    await web.get(PATH);
    const res = await web.post(PATH, {
      "context.text": "Contexte de {cycle} : {partners} partenaires.",
      "context.text_en": "Context of {cycle}: {partners} partners.",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("1 texte enregistré, 0 retiré.");
    const texts = await getCycleTexts(t.db, cycleId);
    expect(texts.context).toEqual({
      text: "Contexte de {cycle} : {partners} partenaires.",
      textEn: "Context of {cycle}: {partners} partners.",
      source: "cycle",
    });
    // The same text again writes nothing.
    await web.get(PATH);
    const again = await web.post(PATH, {
      "context.text": "Contexte de {cycle} : {partners} partenaires.",
      "context.text_en": "Context of {cycle}: {partners} partners.",
    });
    expect(await again.text()).toContain("0 texte enregistré, 0 retiré.");
    const model = await buildReport(t.db, "2023", "fr", { publishedOnly: false });
    expect(model.texts.context).toMatch(/^Contexte de Janvier/);
    expect(model.texts.conclusion).toBeNull();
  });

  it("no longer pre-fills offered texts once the cycle has its own, and shows them apart", async () => {
    const page = await (await web.get(PATH)).text();
    const conclusion = page.slice(page.indexOf('name="conclusion.text"'));
    expect(conclusion).toMatch(/^name="conclusion.text"[^>]*><\/textarea>/);
    expect(page).toContain("Texte de la période précédente");
    expect(page).toContain("Videz les deux champs d’un texte pour le retirer du rapport.");
  });

  it("removes a text whose two fields are emptied, and keeps it in the audit log", async () => {
    await web.get(PATH);
    const res = await web.post(PATH, { "context.text": "", "context.text_en": "" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("0 texte enregistré, 1 retiré.");
    const texts = await getCycleTexts(t.db, cycleId);
    expect(texts.context?.source).toBe("previous");
    const model = await buildReport(t.db, "2023", "fr", { publishedOnly: false });
    expect(model.texts.context).toBeNull();
    const removal = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "cycle_texts")
      .where("action", "=", "delete")
      .executeTakeFirstOrThrow();
    expect(removal.before).toMatchObject({ text: "Contexte de {cycle} : {partners} partenaires." });
    expect(removal.actor).toMatch(/^user:\d+$/);
    // Emptied French with English kept is refused, not taken for a removal.
    const refused = await web.post(PATH, { "context.text": "", "context.text_en": "Context." });
    expect(refused.status).toBe(400);
  });

  it("is for coordinators only", async () => {
    const validator = await signIn(app, ACCOUNTS.validator.email, PASSWORD);
    expect(await (await validator.get("/manage/cycles/2023")).text()).not.toContain(PATH);
    expect((await validator.get(PATH)).status).toBe(403);
    const psi = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    expect([403, 404]).toContain((await psi.get(PATH)).status);
  });
});
