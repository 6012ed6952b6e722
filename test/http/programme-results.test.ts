// A programme's results page over HTTP, on both stores, over the hand-added world of
// test/support/results-world.ts: the years by default and from the GET form, skilled birth
// attendance per region and district with the change, the chart, the deliveries per centre and
// month, each facility's before/after under the caveat, in French and English; a year that is
// not one said beside its field; read by a coordinator, refused to a validator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { saveProgramme } from "../../src/services/programme/programmes.ts";
import { addUser } from "../../src/services/tracker/users.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { loadResultsWorld, type ResultsWorld, resultsManager } from "../support/results-world.ts";
import { plain } from "../support/text.ts";

const PASSWORD = "correct horse battery";

/** The rows of the table that follows `heading`, as the text of their cells. */
function tableAfter(page: string, heading: string): string[][] {
  const at = page.indexOf(heading);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(page.slice(at))?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...(m[1] ?? "").matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) =>
      (c[1] ?? "")
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    ),
  );
}

describe.each(backends)("programme results page on %s", (backend) => {
  let t: TestDatabase;
  let w: ResultsWorld;
  let coordinator: TestClient;
  let validator: TestClient;
  let path = "";
  beforeAll(async () => {
    t = await freshDatabase(backend);
    w = await loadResultsWorld(t);
    for (const [role, email] of [
      ["coordinator", "coordination@sante.test"],
      ["validator", "validation@sante.test"],
    ] as const)
      await addUser(t.db, "test", { email, name: role, role, password: PASSWORD });
    const app = createApp({ db: t.db, secureCookies: false, baseUrl: "http://jalon.test" });
    coordinator = await signIn(app, "coordination@sante.test", PASSWORD);
    validator = await signIn(app, "validation@sante.test", PASSWORD);
    path = `/programme/${w.programmeId}/results`;
  });
  afterAll(() => t.dispose());

  it("is linked from the programme's page", async () => {
    const page = await (await coordinator.get(`/programme/${w.programmeId}`)).text();
    expect(page).toContain(`href="${path}"`);
    expect(page).toContain("Résultats là où les sages-femmes travaillent");
  });

  it("is none of a validator's business", async () => {
    expect((await validator.get(path)).status).toBe(403);
  });

  it("shows the years ending with the latest of data, per district, with the change and a chart", async () => {
    const res = await coordinator.get(path);
    expect(res.status).toBe(200);
    const page = plain(await res.text());
    // The programme starts in 2022 and the data end in 2023: 2022 and 2023.
    expect(page).toContain('name="from" value="2022"');
    expect(page).toContain('name="to" value="2023"');
    expect(page).toContain("Par district, de 2022 à 2023");
    // Ségou 252/456 → 300/396; Barouéli 204/360 → 228/300; Bla 48/96 → 72/96.
    expect(tableAfter(page, "<h3>Taux d’accouchements assistés</h3>")).toEqual([
      ["Ségou (région)", "55,3 %", "75,8 %", "+20,5"],
      ["Barouéli", "56,7 %", "76 %", "+19,3"],
      ["Bla", "50 %", "75 %", "+25"],
    ]);
    expect(page).toContain("Évolution : la dernière année moins la première (en points).");
    expect(page).toMatch(
      /<figure class="chart"><div role="img" aria-label="Graphique : Taux d’accouchements assistés, par année"><svg/,
    );
    expect(page).toContain("<li>");
    // Per centre and month: Ségou 252/12/3, 300/12/3; Barouéli 204/12/2, 228/12/2; Bla 4, 6.
    expect(tableAfter(page, "<h3>Accouchements assistés</h3>")).toEqual([
      ["Ségou (région) 3 centres", "7", "8,3", "+1,3"],
      ["Barouéli 2 centres", "8,5", "9,5", "+1"],
      ["Bla 1 centre", "4", "6", "+2"],
    ]);
  });

  it("lists the facilities, and sets the one chosen's months before its midwife against as many after", async () => {
    const list = plain(await (await coordinator.get(path)).text());
    expect(list).toContain(
      "Ce n’est pas une comparaison contrôlée : d’autres choses ont changé en même temps",
    );
    expect(list).toContain("Choisissez une structure ci-dessous");
    const boidieId = w.units.FacBoidie01 ?? 0;
    expect(list).toContain(`href="${path}?from=2022&amp;to=2023&amp;indicator=`);
    expect(list).toContain(`facility=${boidieId}#pr-facilities">CSCom Boidié</a>`);
    const at = (id: number | undefined) =>
      coordinator.get(`${path}?facility=${id}`).then(async (r) => plain(await r.text()));
    const boidie = await at(boidieId);
    expect(boidie).toContain("Sage-femme depuis le 15 juillet 2022");
    expect(boidie).toContain(
      "6 mois avant (janv. 2022 – juin 2022) et 6 mois après (juil. 2022 – déc. 2022)",
    );
    expect(boidie).toContain("Moins de douze mois de chaque côté");
    expect(tableAfter(boidie, "<h3>CSCom Boidié")[0]).toEqual([
      "Taux d’accouchements assistés Accouchements assistés",
      "50 % 10 par mois",
      "70 % 14 par mois",
    ]);
    const bla = await at(w.units.FacBla00001);
    expect(bla).toContain("12 mois avant (janv. 2022 – déc. 2022) et 12 mois après");
    expect(bla).toContain("Mêmes mois de l’année des deux côtés.");
    expect(tableAfter(bla, "<h3>CSCom Bla")[0]?.slice(1)).toEqual([
      "50 % 4 par mois",
      "75 % 6 par mois",
    ]);
    const tamani = await at(w.units.FacTamani01);
    expect(tamani).toContain(
      "Pas de mois avec des valeurs avant l’arrivée de la sage-femme : rien à comparer.",
    );
    // A unit without a midwife of the programme is refused beside the field.
    const district = await coordinator.get(`${path}?facility=${w.units.DisBla00001}`);
    expect(district.status).toBe(400);
    expect(plain(await district.text())).toContain(
      '<p class="error" id="f-facility-e">Choisissez une structure où le programme a déployé une sage-femme.</p>',
    );
  });

  it("speaks English, and takes the years and the chart's indicator from the form", async () => {
    const res = await coordinator.get(`${path}?from=2023&to=2023&lang=en`);
    expect(res.status).toBe(200);
    const page = plain(await res.text());
    expect(page).toContain("Per district, 2023 to 2023");
    expect(tableAfter(page, "<h3>Taux d’accouchements assistés</h3>")).toEqual([
      ["Ségou (region)", "75.8%"],
      ["Barouéli", "76%"],
      ["Bla", "75%"],
    ]);
    expect(page).toContain("This is not a controlled comparison");
    expect(page).toContain("Midwife since 15 July 2022");
    expect(page).toContain("&amp;lang=en#pr-facilities");
    expect(page).toContain('<input type="hidden" name="lang" value="en">');
  });

  it("says beside the field what is wrong with a year, keeping what was typed", async () => {
    const bad = await coordinator.get(`${path}?from=22&to=2023`);
    expect(bad.status).toBe(400);
    const page = plain(await bad.text());
    expect(page).toContain('value="22"');
    expect(page).toContain(
      '<p class="error" id="f-from-e">Une année de quatre chiffres, par exemple 2022.</p>',
    );
    expect(page).not.toContain("<h3>");
    const long = plain(await (await coordinator.get(`${path}?from=2015&to=2023`)).text());
    expect(long).toContain(
      '<p class="error" id="f-to-e">Cinq années au plus entre le début et la fin.</p>',
    );
    const backwards = await coordinator.get(`${path}?from=2023&to=2022`);
    expect(backwards.status).toBe(400);
    expect(plain(await backwards.text())).toContain(
      "Une année de quatre chiffres, au plus tôt l’année de début.",
    );
    expect((await coordinator.get("/programme/999999/results")).status).toBe(404);
  });

  it("says what to do when a programme follows no indicator yet", async () => {
    const bare = await saveProgramme(t.db, resultsManager, {
      name: "Programme sans indicateur",
      leadPartner: "UNFPA Mali",
      funders: [],
      partners: [],
      startDate: "2023-01-01",
      endDate: null,
      budget: null,
      currency: null,
      regions: [],
      commitments: [],
      indicators: [],
    });
    const res = await coordinator.get(`/programme/${bare.id}/results`);
    expect(res.status).toBe(200);
    const page = plain(await res.text());
    expect(page).toContain(
      "Le programme ne suit encore aucun indicateur : reliez-en depuis la page du programme.",
    );
    expect(page).toContain("Le programme n’a déployé aucune sage-femme.");
    expect(page).not.toContain("<figure");
  });
});
