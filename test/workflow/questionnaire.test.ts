// The questionnaire over HTTP: a respondent answers in several sittings, rows that are not valid
// are kept in the draft as typed, stale writes are refused as conflicts, resends are stored once,
// and no respondent ever reaches another partner's answers.
import { describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, PASSWORD, useSignedInWorld } from "../support/world.ts";

const answer = (activities: string) => ({
  answer: {
    contributes: "yes",
    activities,
    collaboratorIds: [],
    collaboratorsText: null,
    difficulties: null,
    outputs: [{ value: 120, unit: "prestataires formés" }],
    evidence: [],
  },
  submit: false,
});

describe.each(backends)("questionnaire on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let psi: TestClient;

  useSignedInWorld(backend, "respondent", (w) => ({ t, app, client: psi } = w));

  it("sends a respondent to its own questionnaire", async () => {
    const res = await psi.get("/q");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/q/2023/psi");
    const page = await psi.get("/q/2023/psi");
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain("Questionnaire PSI");
    expect(body).toContain('id="i-d"');
    expect(body).toContain('id="i-l"');
    const script = /src="(\/static\/questionnaire\.[0-9a-f]{12}\.js)"/.exec(body)?.[1] ?? "";
    const js = await psi.get(script);
    expect(js.status).toBe(200);
    expect(js.headers.get("cache-control")).toContain("immutable");
  });

  it("saves a draft from a plain form, keeping rows that are not valid as typed", async () => {
    const bad = await psi.post("/q/2023/psi/d", {
      version: "0",
      contributes: "yes",
      activities: "Formation de 40 prestataires <b>à Kayes</b>",
      outputValue: ["abc", ""],
      outputUnit: ["prestataires", ""],
      evidenceUrl: ["javascript:alert(1)"],
      evidenceTitle: [""],
      action: "save",
    });
    expect(bad.status).toBe(303);
    expect(bad.headers.get("location")).toBe("/q/2023/psi?kept=d#i-d");
    const html = await (await psi.get("/q/2023/psi?kept=d")).text();
    expect(html).not.toContain('role="status">Réponse enregistrée.');
    expect(html).toContain("Ligne 1\u00a0: nombre illisible");
    expect(html).toContain("Lien 1\u00a0: l’adresse doit commencer");
    expect(html).toContain('value="javascript:alert(1)"');
    expect(html).toContain("Formation de 40 prestataires &lt;b&gt;à Kayes&lt;/b&gt;");
    const ok = await psi.post("/q/2023/psi/d", {
      version: "1",
      contributes: "yes",
      activities: "Formation de 40 prestataires à Kayes",
      outputValue: ["40", ""],
      outputUnit: ["prestataires formés", ""],
      evidenceUrl: ["https://example.org/rapport.pdf"],
      evidenceTitle: ["Rapport"],
      action: "save",
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/q/2023/psi?saved=d#i-d");
    const res2 = await psi.get("/q/2023/psi?saved=d");
    const page = await res2.text();
    expect(page).toContain("Réponse enregistrée.");
    expect(page).toContain("Formation de 40 prestataires à Kayes");
    expect(page).toContain('value="https://example.org/rapport.pdf"');
  });

  it("refuses a stale write and shows the conflict", async () => {
    const stale = await psi.post("/q/2023/psi/d", {
      version: "0",
      contributes: "no",
      activities: "Une autre version",
      action: "save",
    });
    expect(stale.status).toBe(412);
    const html = await stale.text();
    expect(html).toContain("Quelqu’un a modifié cette réponse");
    expect(html).toContain("Une autre version");
  });

  it("saves through the API with If-Match, and stores a resend once", async () => {
    const current = await (await psi.get("/api/q/2023/psi")).json();
    const d = current.commitments
      .flatMap((c: { indicators: unknown[] }) => c.indicators)
      .find((i: { code: string }) => i.code === "d");
    const version = d.answer.version as number;
    const headers = { "if-match": `"${version}"`, "x-client-id": "client-0001-abcdef" };
    const first = await psi.send("PUT", "/api/q/2023/psi/d", answer("Version API"), headers);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ outcome: "saved", version: version + 1 });
    const replay = await psi.send("PUT", "/api/q/2023/psi/d", answer("Version API"), headers);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ outcome: "replayed", version: version + 1 });
    const stale = await psi.send("PUT", "/api/q/2023/psi/d", answer("Trop tard"), {
      "if-match": `"${version}"`,
      "x-client-id": "client-0002-abcdef",
    });
    expect(stale.status).toBe(412);
    expect((await stale.json()).current.activities).toBe("Version API");
    const reused = await psi.send("PUT", "/api/q/2023/psi/l", answer("Autre réponse"), {
      "if-match": '"0"',
      "x-client-id": "client-0001-abcdef",
    });
    expect(reused.status).toBe(422);
    const rows = await t.db.selectFrom("client_writes").selectAll().execute();
    expect(rows.filter((r) => r.client_id === "client-0001-abcdef")).toHaveLength(1);
  });

  it("never shows another partner's questionnaire, whatever the address says", async () => {
    expect((await psi.get("/q/2023/msi")).status).toBe(404);
    expect((await psi.get("/api/q/2023/msi")).status).toBe(404);
    const put = await psi.send("PUT", "/api/q/2023/msi/c", answer("intrusion"), {
      "if-match": '"0"',
      "x-client-id": "client-0003-abcdef",
    });
    expect(put.status).toBe(404);
    const form = await psi.post("/q/2023/msi/c", {
      version: "0",
      contributes: "yes",
      activities: "intrusion",
      action: "save",
    });
    expect(form.status).toBe(404);
    const msiAnswers = await t.db
      .selectFrom("responses")
      .innerJoin("partners", "partners.id", "responses.partner_id")
      .select("responses.id")
      .where("partners.slug", "=", "msi")
      .where("responses.activities", "=", "intrusion")
      .execute();
    expect(msiAnswers).toEqual([]);
  });

  it("refuses writes without the CSRF token, and anonymous visitors", async () => {
    const res = await psi.post("/q/2023/psi/d", {
      _csrf: "forged",
      version: "0",
      contributes: "yes",
      action: "save",
    });
    expect(res.status).toBe(403);
    const anonymous = client(app);
    const page = await anonymous.get("/q/2023/psi");
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/login?next=%2Fq%2F2023%2Fpsi");
    expect((await anonymous.get("/api/q/2023/psi")).status).toBe(401);
  });

  it("records the coordinator's entry on a partner's behalf, with its method and author", async () => {
    const coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    const page = await (await coordinator.get("/q/2023/msi")).text();
    expect(page).toContain('name="method"');
    const res = await coordinator.post("/q/2023/msi/c", {
      version: "0",
      contributes: "yes",
      activities: "Relevé lors de l'entretien du 12 mars",
      method: "document_review",
      action: "save",
    });
    expect(res.status).toBe(303);
    const stored = await t.db
      .selectFrom("responses")
      .innerJoin("partners", "partners.id", "responses.partner_id")
      .select(["responses.method", "responses.answered_by", "responses.updated_by"])
      .where("partners.slug", "=", "msi")
      .where("responses.activities", "=", "Relevé lors de l'entretien du 12 mars")
      .executeTakeFirstOrThrow();
    expect(stored.method).toBe("document_review");
    expect(stored.answered_by).toBe("coordination");
    expect(stored.updated_by).toMatch(/^user:\d+$/);
    const after = await (await coordinator.get("/q/2023/msi")).text();
    expect(after).toContain("Saisie par revue documentaire");
    // A respondent's own answers are always "online", whatever the form says.
    expect(await (await psi.get("/q/2023/psi")).text()).not.toContain('name="method"');
  });

  it("refuses an oversized body with 413 before storing anything", async () => {
    const huge = "x".repeat(2 * 1024 * 1024);
    const api = await psi.send("PUT", "/api/q/2023/psi/l", answer(huge), {
      "if-match": '"0"',
      "x-client-id": "client-huge-abcdef",
    });
    expect(api.status).toBe(413);
    const form = await psi.post("/q/2023/psi/l", {
      version: "0",
      contributes: "yes",
      activities: huge,
      action: "save",
    });
    expect(form.status).toBe(413);
    expect(await form.text()).toContain("Envoi trop volumineux");
    const stored = await t.db
      .selectFrom("client_writes")
      .select("client_id")
      .where("client_id", "=", "client-huge-abcdef")
      .execute();
    expect(stored).toEqual([]);
  });

  it("submits for validation", async () => {
    const current = await (await psi.get("/api/q/2023/psi")).json();
    const d = current.commitments
      .flatMap((c: { indicators: unknown[] }) => c.indicators)
      .find((i: { code: string }) => i.code === "d");
    const res = await psi.send(
      "PUT",
      "/api/q/2023/psi/d",
      { ...answer("Version finale"), submit: true },
      {
        "if-match": `"${d.answer.version}"`,
      },
    );
    expect(await res.json()).toMatchObject({ outcome: "saved", state: "submitted" });
    const audit = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "responses")
      .where("action", "=", "update")
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit.at(-1)?.actor).toMatch(/^user:\d+$/);
  });
});
