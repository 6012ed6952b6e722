// Outcome goals over HTTP: the commitment page and the scorecard show the latest value, its
// source and a computed suggestion beside the validated status (French and English, light
// enough for 3G), and the coordinator's page defines a goal and imports a series file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import type { TestClient } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { useSignedInWorld } from "../support/world.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/outcomes");
const NBSP = "\u00a0";

describe.each(backends)("outcome goals over HTTP on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestClient;

  useSignedInWorld(backend, "coordinator", (w) => ({ t, app, client: coordinator } = w));

  it("shows the commitment's outcome goal beside its validated status, in French", async () => {
    const res = await app.request("/cycles/2022/commitments/2");
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("Objectifs de résultat");
    expect(body).toContain(`17${NBSP}% en 2020 (source${NBSP}: Track20)`);
    expect(body).toContain(`40${NBSP}% en 2030`);
    expect(body).toContain(`<b>18,5${NBSP}% en 2023</b>`);
    expect(body).toContain(
      '<a href="https://www.track20.org/" rel="noopener">Track20 FPET (estimation)</a>',
    );
    expect(body).toContain("Attendu sur la trajectoire en 2023");
    expect(body).toContain(`23,9${NBSP}%`);
    expect(body).toContain("+3,07 pt par an jusqu’en 2030");
    expect(body).toContain('<span class="mark sg sg-off_track">en retard</span>');
    expect(body).toContain("Suggestion calculée");
    // The consensus status stays, named as validated.
    expect(body).toContain("Statut validé des indicateurs de processus");
    expect(body).toMatch(
      /Statut validé des indicateurs de processus\u00a0: <span class="mark s-on_track">En bonne voie<\/span>/,
    );
  });

  it("says the same in English, and a decreasing goal's pace downwards", async () => {
    const body = await (await app.request("/cycles/2022/commitments/3?lang=en")).text();
    expect(body).toContain("Outcome goals");
    expect(body).toContain("Unmet SRH/FP need, ages 15–19");
    expect(body).toContain("<b>17.9% in 2022</b>");
    expect(body).toContain("-1.63 pt a year until 2025");
    expect(body).toContain('<span class="mark sg sg-off_track">off track</span>');
    expect(body).toContain('<span class="mark sg sg-on_track">on track</span>');
    expect(body).toContain("Track20 FPET (estimate)");
    expect(body).toContain("Computed suggestion");
    expect(body).toContain("it does not replace the status the stakeholders validated");
  });

  it("keeps a goal without a series as its goal line", async () => {
    const body = await (await app.request("/cycles/2022/commitments/6")).text();
    expect(body).not.toContain("Objectifs de résultat");
    expect(body).toContain(`20${NBSP}% d’ici 2025`);
  });

  it("gives each measured goal one line on the scorecard, and stays light", async () => {
    const res = await app.request("/cycles/2022", { headers: { "accept-encoding": "gzip" } });
    const zipped = new Uint8Array(await res.arrayBuffer());
    expect(zipped.length).toBeLessThan(60 * 1024);
    const body = gunzipSync(zipped).toString("utf8");
    expect(body.match(/class="outcome-line"/g)).toHaveLength(3);
    expect(body).toContain(`18,5${NBSP}% en 2023 → 40${NBSP}% en 2030`);
    const page = await app.request("/cycles/2022/commitments/2", {
      headers: { "accept-encoding": "gzip" },
    });
    expect(new Uint8Array(await page.arrayBuffer()).length).toBeLessThan(60 * 1024);
  });

  it("offers the coordinator the goals, the series and the import, and refuses a visitor", async () => {
    expect((await app.request("/manage/outcomes")).status).toBe(303);
    const res = await coordinator.get("/manage/outcomes");
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("mcpr-mw");
    expect(body).toContain('enctype="multipart/form-data"');
    expect(body).toContain("Track20 / FPET (CSV)");
    expect((await coordinator.get("/manage/outcomes?lang=en")).status).toBe(200);
  });

  it("comes back with each error beside its field and what was typed", async () => {
    await coordinator.get("/manage/outcomes");
    const res = await coordinator.post("/manage/outcomes/goals", {
      commitment: "6",
      goal: "",
      label: "Part du budget de l’État",
      label_en: "",
      unit: "%",
      baseline_year: "2030",
      baseline_value: "5",
      baseline_source: "",
      target_year: "2025",
      target_value: "vingt",
      direction: "increase",
      series: "",
    });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain("Le point de départ doit précéder l’année cible.");
    expect(body).toContain("Nombre attendu.");
    expect(body).toContain('value="Part du budget de l’État"');
    const long = await coordinator.post("/manage/outcomes/goals", {
      commitment: "6",
      goal: "",
      label: "x".repeat(301),
      target_year: "2025",
      target_value: "20",
      direction: "increase",
    });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain(`trop long${NBSP}: 300 caractères au plus`);
  });

  it("creates a series, imports a Track20 file into it and links a goal to it", async () => {
    await coordinator.get("/manage/outcomes");
    const created = await coordinator.post("/manage/outcomes/series", {
      code: "mcpr-t20",
      name: "TPCm (Track20)",
      name_en: "mCPR (Track20)",
      unit: "%",
      source_kind: "imported",
      indicator: "",
      org_unit: "",
    });
    expect(created.status).toBe(303);
    await coordinator.get("/manage/outcomes");
    const form = new FormData();
    form.set("_csrf", coordinator.csrf());
    for (const [k, v] of Object.entries({
      series: "mcpr-t20",
      format: "track20",
      source: "",
      url: "https://www.track20.org/",
      indicator: "mCPR",
      group: "Married women",
    }))
      form.set(k, v);
    form.set("file", new File([readFileSync(join(FIXTURES, "track20.csv"))], "mali.csv"));
    const res = await app.request("/manage/outcomes/import", {
      method: "POST",
      body: form,
      headers: { cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(
      `Série mcpr-t20${NBSP}: 3 valeurs ajoutées, 0 modifiée, 2 inchangées ou écartées, 1 refusée.`,
    );
    expect(body).toContain("enregistrées en pourcentage");
    expect(body).toContain(`Ligne 7${NBSP}: valeur illisible (n/a)`);
    const goalId = await t.db
      .selectFrom("commitment_goals as g")
      .innerJoin("commitments as c", "c.id", "g.commitment_id")
      .select("g.id")
      .where("c.number", "=", 2)
      .executeTakeFirstOrThrow();
    const saved = await coordinator.post("/manage/outcomes/goals", {
      commitment: "2",
      goal: String(goalId.id),
      label: "Taux de prévalence contraceptive moderne (TPCm)",
      label_en: "Modern contraceptive prevalence rate (mCPR)",
      unit: "%",
      baseline_year: "2020",
      baseline_value: "17",
      baseline_source: "Track20",
      target_year: "2030",
      target_value: "40",
      direction: "increase",
      series: "mcpr-t20",
    });
    expect(saved.status).toBe(303);
    const page = await (await app.request("/cycles/2022/commitments/2")).text();
    expect(page).toContain(`<b>17,5${NBSP}% en 2021</b>`);
    expect(page).toContain("Track20 FPET (estimation)");
    // 17 + 2.3 = 19.3 expected in 2021, less 2.3 of tolerance: 17.5 is on track.
    expect(page).toContain('<span class="mark sg sg-on_track">en bonne voie</span>');
  });

  it("refuses a file that is not what its format says, beside the file field", async () => {
    await coordinator.get("/manage/outcomes");
    const form = new FormData();
    form.set("_csrf", coordinator.csrf());
    for (const [k, v] of Object.entries({
      series: "mcpr-t20",
      format: "dhs",
      source: "",
      url: "",
      indicator: "",
      group: "",
    }))
      form.set(k, v);
    form.set("file", new File(["year,value\n"], "x.json"));
    const res = await app.request("/manage/outcomes/import", {
      method: "POST",
      body: form,
      headers: { cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(
      "Ce n’est pas une réponse de l’API DHS Program (tableau Data).",
    );
  });
});
