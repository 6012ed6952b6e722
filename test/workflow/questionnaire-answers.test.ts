// Nothing typed in the questionnaire is lost or silently dropped: rows that are not valid stay in
// the draft as typed and marked, numbers are read with the decimal comma, an empty answer cannot
// be submitted, every API write names the version it replaces, and a client id means one body.
import { describe, expect, it } from "vitest";
import { setResponseState } from "../../src/db/tracker/responses.ts";
import type { createApp } from "../../src/http/app.ts";
import type { TestClient } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { useSignedInWorld } from "../support/world.ts";

const NBSP = "\u00a0";

const body = (over: Record<string, unknown> = {}, submit = false) => ({
  answer: {
    contributes: "yes",
    activities: "Formation de prestataires",
    collaboratorIds: [],
    collaboratorsText: null,
    difficulties: null,
    outputs: [],
    evidence: [],
    ...over,
  },
  submit,
});

interface ApiIndicator {
  code: string;
  answer: { version: number; state: string; held: unknown; problems: unknown[] } | null;
}

describe.each(backends)("answers kept as typed on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let psi: TestClient;

  const indicator = async (code: string): Promise<ApiIndicator | undefined> => {
    const q = await (await psi.get("/api/q/2023/psi")).json();
    return q.commitments
      .flatMap((c: { indicators: ApiIndicator[] }) => c.indicators)
      .find((i: ApiIndicator) => i.code === code);
  };
  const stored = async (code: string) => {
    const row = await t.db
      .selectFrom("responses")
      .innerJoin("partners", "partners.id", "responses.partner_id")
      .innerJoin("indicators", "indicators.id", "responses.indicator_id")
      .select([
        "responses.id",
        "responses.state",
        "responses.version",
        "responses.activities",
        "responses.contributes",
        "responses.held_rows",
      ])
      .innerJoin("cycles", "cycles.id", "responses.cycle_id")
      .where("cycles.slug", "=", "2023")
      .where("partners.slug", "=", "psi")
      .where("indicators.code", "=", code)
      .executeTakeFirst();
    if (!row) return undefined;
    const outputs = await t.db
      .selectFrom("response_outputs")
      .select(["value", "unit"])
      .where("response_id", "=", row.id)
      .orderBy("position")
      .execute();
    const evidence = await t.db
      .selectFrom("response_evidence")
      .select(["url"])
      .where("response_id", "=", row.id)
      .execute();
    return { ...row, outputs, evidence };
  };
  /** The stretch of the page holding one indicator's form. */
  const formOf = (html: string, code: string) =>
    html.slice(
      html.indexOf(`id="i-${code}"`),
      html.indexOf("</form>", html.indexOf(`id="i-${code}"`)),
    );

  useSignedInWorld(backend, "respondent", (w) => ({ t, app, client: psi } = w));

  it("keeps a negative quantity and a link that is not an address, marked, after a reload", async () => {
    await psi.get("/q/2023/psi");
    const res = await psi.post("/q/2023/psi/d", {
      version: "0",
      contributes: "yes",
      activities: "Formation à Kayes",
      outputValue: ["12,5", "-3", "", "1 234,5"],
      outputUnit: ["km", "prestataires", "", "doses"],
      evidenceUrl: ["rapport annuel", "https://example.org/r.pdf", ""],
      evidenceTitle: ["Rapport", "", "Sans lien"],
      action: "save",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/q/2023/psi?kept=d#i-d");
    // Valid rows are the answer; the others wait in the draft exactly as typed.
    const row = await stored("d");
    expect(row?.outputs).toEqual([
      { value: 12.5, unit: "km" },
      { value: 1234.5, unit: "doses" },
    ]);
    expect(row?.evidence).toEqual([{ url: "https://example.org/r.pdf" }]);
    expect(row?.held_rows).toMatchObject({
      outputs: [
        { value: "12,5", unit: "km" },
        { value: "-3", unit: "prestataires" },
        { value: "1 234,5", unit: "doses" },
      ],
    });

    const after = await (await psi.get("/q/2023/psi?kept=d")).text();
    const form = formOf(after, "d");
    expect(form).toContain("novalidate");
    expect(form).not.toContain('role="status">Réponse enregistrée.');
    expect(form).toContain("Brouillon enregistré, sauf ces lignes");
    for (const page of [form, formOf(await (await psi.get("/q/2023/psi")).text(), "d")]) {
      expect(page).toContain('value="-3"');
      expect(page).toContain(`Ligne 2${NBSP}: le nombre ne peut pas être négatif.`);
      expect(page).toContain('value="rapport annuel"');
      expect(page).toContain(`Lien 1${NBSP}: l’adresse doit commencer`);
      // A title typed without its link is not dropped either.
      expect(page).toContain('value="Sans lien"');
      expect(page).toContain(`Lien 3${NBSP}: l’adresse doit commencer`);
      expect(page).toMatch(/id="d-outputs-2"[^>]*aria-invalid="true"/);
      expect(page).not.toContain('type="number"');
    }
    const api = await indicator("d");
    expect(api?.answer?.problems).toEqual([
      { list: "outputs", row: 2, reason: "negative" },
      { list: "evidence", row: 1, reason: "url" },
      { list: "evidence", row: 3, reason: "url" },
    ]);

    // Corrected, the rows join the answer and the page says saved.
    const fixed = await psi.post("/q/2023/psi/d", {
      version: String(row?.version),
      contributes: "yes",
      activities: "Formation à Kayes",
      outputValue: ["12,5", "3", "1 234,5"],
      outputUnit: ["km", "prestataires", "doses"],
      evidenceUrl: ["https://example.org/r.pdf"],
      evidenceTitle: [""],
      action: "save",
    });
    expect(fixed.headers.get("location")).toBe("/q/2023/psi?saved=d#i-d");
    const clean = await stored("d");
    expect(clean?.held_rows).toBeNull();
    expect(clean?.outputs.map((o) => o.value)).toEqual([12.5, 3, 1234.5]);
    const page = formOf(await (await psi.get("/q/2023/psi?saved=d")).text(), "d");
    expect(page).toContain('role="status">Réponse enregistrée.');
    // Numbers come back in the visitor's language.
    expect(page).toContain('value="12,5"');
    expect(page).toContain(`value="1${NBSP}234,5"`);
    const en = formOf(await (await psi.get("/q/2023/psi?lang=en")).text(), "d");
    expect(en).toContain('value="12.5"');
    expect(en).toContain('value="1234.5"');
  });

  it("takes a quantity as a JSON number or as text read with the decimal comma", async () => {
    const version = (await indicator("d"))?.answer?.version ?? 0;
    const res = await psi.send(
      "PUT",
      "/api/q/2023/psi/d",
      body({
        outputs: [
          { value: 7, unit: "sessions" },
          { value: "33 000 000", unit: "FCFA" },
          { value: "12,5", unit: "km" },
        ],
      }),
      { "if-match": `"${version}"`, "x-client-id": "decimal-0001" },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: "saved", problems: [] });
    expect((await stored("d"))?.outputs.map((o) => o.value)).toEqual([7, 33_000_000, 12.5]);

    const bad = await psi.send(
      "PUT",
      "/api/q/2023/psi/d",
      body({
        outputs: [
          { value: "1,2,3", unit: "doses" },
          { value: -4, unit: "kits" },
          { value: "8", unit: "kits" },
        ],
        evidence: [{ url: "pas une adresse", title: null }],
      }),
      { "if-match": `"${version + 1}"`, "x-client-id": "decimal-0002" },
    );
    expect(bad.status).toBe(200);
    const j = await bad.json();
    expect(j).toMatchObject({
      outcome: "partial",
      version: version + 2,
      problems: [
        { list: "outputs", row: 1, reason: "value" },
        { list: "outputs", row: 2, reason: "negative" },
        { list: "evidence", row: 1, reason: "url" },
      ],
    });
    const row = await stored("d");
    expect(row?.outputs).toEqual([{ value: 8, unit: "kits" }]);
    expect(row?.held_rows).toMatchObject({
      outputs: [{ value: "1,2,3" }, { value: -4 }, { value: "8" }],
      evidence: [{ url: "pas une adresse" }],
    });
  });

  it("requires If-Match on every API write and stores nothing without it", async () => {
    const before = await stored("d");
    const res = await psi.send("PUT", "/api/q/2023/psi/d", body({ activities: "Écrasé" }), {
      "x-client-id": "no-if-match-01",
    });
    expect(res.status).toBe(428);
    expect(await res.json()).toMatchObject({ subject: "if-match" });
    expect(await stored("d")).toEqual(before);
    const junk = await psi.send("PUT", "/api/q/2023/psi/d", body(), { "if-match": '"abc"' });
    expect(junk.status).toBe(400);
  });

  it("refuses a client id resent with another body, showing both sides", async () => {
    const version = (await indicator("d"))?.answer?.version ?? 0;
    const headers = { "if-match": `"${version}"`, "x-client-id": "same-id-0001" };
    const first = await psi.send(
      "PUT",
      "/api/q/2023/psi/d",
      body({ activities: "Premier" }),
      headers,
    );
    expect(await first.json()).toMatchObject({ outcome: "saved", version: version + 1 });
    const other = await psi.send(
      "PUT",
      "/api/q/2023/psi/d",
      body({ activities: "Second" }),
      headers,
    );
    expect(other.status).toBe(422);
    const j = await other.json();
    expect(j).toMatchObject({
      error: "client_id_reused",
      current: { activities: "Premier", version: version + 1 },
      sent: { activities: "Second" },
    });
    expect((await stored("d"))?.activities).toBe("Premier");
    // The true resend is still recognised.
    const again = await psi.send(
      "PUT",
      "/api/q/2023/psi/d",
      body({ activities: "Premier" }),
      headers,
    );
    expect(await again.json()).toMatchObject({ outcome: "replayed", version: version + 1 });
  });

  it("refuses to submit an answer without yes or no, on the page and in the API", async () => {
    await psi.get("/q/2023/psi");
    const empty = await psi.post("/q/2023/psi/l", {
      version: "0",
      contributes: "unknown",
      activities: "",
      outputValue: ["", ""],
      outputUnit: ["", ""],
      evidenceUrl: [""],
      evidenceTitle: [""],
      action: "submit",
    });
    expect(empty.status).toBe(400);
    const form = formOf(await empty.text(), "l");
    expect(form).toContain("Réponse non soumise");
    expect(form).toContain('id="l-contributes-e"');
    expect(form).toContain("Choisissez oui ou non pour soumettre cette réponse.");
    const typed = await psi.post("/q/2023/psi/l", {
      version: "0",
      contributes: "unknown",
      activities: "Des activités, mais pas encore de oui ou non",
      action: "submit",
    });
    expect(typed.status).toBe(400);
    expect(await typed.text()).toContain("Des activités, mais pas encore de oui ou non");
    const api = await psi.send("PUT", "/api/q/2023/psi/l", body({ contributes: "unknown" }, true), {
      "if-match": '"0"',
    });
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ error: "invalid_input", subject: "contributes" });
    // Rows still to correct block a submission too.
    const rows = await psi.send(
      "PUT",
      "/api/q/2023/psi/l",
      body(
        {
          outputs: [
            { value: "-1", unit: "kits" },
            { value: "4", unit: "" },
          ],
          evidence: [{ url: "rapport annuel", title: null }],
        },
        true,
      ),
      { "if-match": '"0"' },
    );
    expect(rows.status).toBe(400);
    // Every row in the way is named at once, so the form marks them all from this answer.
    expect(await rows.json()).toMatchObject({
      subject: "outputs",
      details: { row: 1 },
      issues: [
        { path: "outputs", code: "negative", params: { row: 1 } },
        { path: "outputs", code: "unit", params: { row: 2 } },
        { path: "evidence", code: "url", params: { row: 1 } },
      ],
    });
    expect(await stored("l")).toBeUndefined();
  });

  it("sends back to draft a submitted answer emptied of its yes or no", async () => {
    const submitted = await psi.send("PUT", "/api/q/2023/psi/l", body({}, true), {
      "if-match": '"0"',
    });
    expect(await submitted.json()).toMatchObject({ outcome: "saved", state: "submitted" });
    const emptied = await psi.send(
      "PUT",
      "/api/q/2023/psi/l",
      body({ contributes: "unknown", activities: null }),
      { "if-match": '"1"' },
    );
    expect(await emptied.json()).toMatchObject({ state: "draft" });
    expect((await stored("l"))?.state).toBe("draft");
  });

  it("opens on a right counter and what is left, with the reason an answer was sent back", async () => {
    // d: a draft; l: an empty draft (not started); a third indicator if PSI has one.
    const q = await (await psi.get("/api/q/2023/psi")).json();
    const all: ApiIndicator[] = q.commitments.flatMap(
      (c: { indicators: ApiIndicator[] }) => c.indicators,
    );
    expect(q.progress).toEqual({ mapped: all.length, started: 1, submitted: 0 });
    const d = await indicator("d");
    const put = await psi.send("PUT", "/api/q/2023/psi/d", body({}, true), {
      "if-match": `"${d?.answer?.version}"`,
    });
    // The write answers with the counter, so that a page can show it without reloading.
    expect((await put.json()).progress).toEqual({ mapped: all.length, started: 1, submitted: 1 });
    const id = (await stored("d"))?.id ?? 0;
    await setResponseState(t.db, "user:test", id, {
      state: "returned",
      return_comment: "Précisez le nombre de sessions.",
    });
    const html = await (await psi.get("/q/2023/psi")).text();
    const top = html.slice(0, html.indexOf('id="i-'));
    expect(top).toContain("Où en êtes-vous");
    expect(top).toContain(
      `Indicateurs commencés${NBSP}: 1 sur ${all.length}${NBSP}; soumis${NBSP}: 0.`,
    );
    expect(top).toContain(`Renvoyé pour correction${NBSP}: 1 indicateur`);
    expect(top).toContain("Précisez le nombre de sessions.");
    expect(top).toContain('href="#i-d"');
    expect(top).toContain('href="#i-l"');
    expect(top).toContain(`Reste à faire${NBSP}: ${all.length - 1}`);
    // The file import comes after the questions, not on the first screen of a phone.
    expect(top).not.toContain('id="files"');
    expect(html.indexOf('id="files"')).toBeGreaterThan(html.lastIndexOf('id="i-'));
  });
});
