// The validation's page of commitment verdicts over HTTP: the rule's verdict of each commitment,
// a different one refused without a reason (400, what was typed kept), saved with one (303),
// the follow-up of 2022's recommendations, and read-only for a respondent's role.
import { describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, PASSWORD, useSignedInWorld } from "../support/world.ts";

const PAGE = "/manage/cycles/2023/validation/verdicts";

describe.each(backends)("the verdicts page on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let validator: TestClient;
  useSignedInWorld(backend, "validator", (w) => ({ t, app, client: validator } = w));

  it("shows each commitment's verdict by the rule and the 2022 recommendations", async () => {
    const res = await validator.get(PAGE);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Appréciation des engagements — Janvier – décembre 2023");
    expect(html.match(/id="c-\d"/g)).toHaveLength(6);
    expect(html).toContain("Suivi des recommandations de Janvier – décembre 2022");
    expect(html).toContain("Diffuser largement les outils du Motion Tracker");
    const validation = await (await validator.get("/manage/cycles/2023/validation")).text();
    expect(validation).toContain(`href="${PAGE}"`);
  });

  it("refuses a verdict other than the rule's without a reason, then saves it with one", async () => {
    const bad = await validator.post(`${PAGE}/commitments/2`, { status: "off_track", reason: " " });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Donnez la raison d’une appréciation différente de la règle.");
    expect(html).toMatch(/value="off_track" checked/);
    const ok = await validator.post(`${PAGE}/commitments/2`, {
      status: "off_track",
      reason: "Ruptures de stock signalées à Mopti.",
      reason_en: "Stock-outs reported in Mopti.",
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`${PAGE}?saved=c-2#c-2`);
    const page = await (await validator.get(`${PAGE}?saved=c-2`)).text();
    expect(page).toContain("Appréciation de l’engagement 2 enregistrée.");
    expect(page).toContain("Ruptures de stock signalées à Mopti.");
    const english = await (await validator.get(`${PAGE}?lang=en`)).text();
    expect(english).toContain("Stock-outs reported in Mopti.");
  });

  it("records where a 2022 recommendation stands", async () => {
    const html = await (await validator.get(PAGE)).text();
    const id = /id="r-(\d+)"/.exec(html)?.[1] ?? "0";
    const bad = await validator.post(`${PAGE}/recommendations/${id}`, { follow_up: "maybe" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choisissez où en est la recommandation.");
    const ok = await validator.post(`${PAGE}/recommendations/${id}`, {
      follow_up: "done",
      note: "Outils partagés en mars.",
    });
    expect(ok.status).toBe(303);
    const after = await (await validator.get(PAGE)).text();
    expect(after).toContain("Mise en œuvre — Outils partagés en mars.");
  });

  it("is closed to visitors and read-only for a respondent", async () => {
    expect((await client(app).get(PAGE)).status).not.toBe(200);
    const psi = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    const res = await psi.post(`${PAGE}/commitments/1`, { status: "achieved", reason: "x" });
    expect(res.status).toBe(403);
  });
});
