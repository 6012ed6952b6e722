// The report texts editor: the coordinator opens a cycle's texts (offered from the previous cycle
// where missing), a text with an unknown figure is refused beside its field and nothing is saved,
// a good one is saved; other roles cannot reach the editor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { getCycleTexts } from "../../src/services/report-texts.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

const PATH = "/manage/cycles/2023/report-texts";

describe("report texts editor", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let web: TestClient;
  let cycleId: number;

  beforeAll(async () => {
    t = await freshDatabase("pglite");
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
    expect(page).toContain("Chiffre inconnu : partenaires");
    expect(page).toContain(typed);
    expect(page).toContain("Conclusion valable pour {cycle}");
    const texts = await getCycleTexts(t.db, cycleId);
    expect(texts.context?.source).toBe("previous");
    expect(texts.conclusion?.text).not.toBe("Conclusion valable pour {cycle}");
  });

  it("saves the texts as the cycle's own", async () => {
    await web.get(PATH);
    const res = await web.post(PATH, {
      "context.text": "Contexte de {cycle} : {partners} partenaires.",
      "context.text_en": "Context of {cycle}: {partners} partners.",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("1 texte(s) enregistré(s)");
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
    expect(await again.text()).toContain("0 texte(s) enregistré(s)");
  });

  it("is for coordinators only", async () => {
    const validator = await signIn(app, ACCOUNTS.validator.email, PASSWORD);
    expect(await (await validator.get("/manage/cycles/2023")).text()).not.toContain(PATH);
    expect((await validator.get(PATH)).status).toBe(403);
    const psi = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    expect([403, 404]).toContain((await psi.get(PATH)).status);
  });
});
