// The mission pages, on both stores: a mission added through the form (each wrong field said
// beside it, what was typed kept), its page with visits and figures, recommendations and their
// follow-up; a refused follow-up comes back open under its recommendation; the programme's page
// links to the missions and lists the overdue recommendations; a coordinator reads, in French and
// English, without the owners' addresses a programme manager sees; a validator sees none of it.
import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/shared/policy.ts";
import { saveProgramme } from "../../src/services/programme/programmes.ts";
import type { TestClient } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { unitId, useHealthPages } from "../support/health-app.ts";
import { plain } from "../support/text.ts";

const manager: Actor = {
  kind: "user",
  userId: 1,
  role: "programme_manager",
  partnerId: null,
  name: "m",
};

describe.each(backends)("mission pages on %s", (backend) => {
  let t: TestDatabase;
  let admin: TestClient;
  let validator: TestClient;
  let coordinator: TestClient;
  let programmeManager: TestClient;
  useHealthPages(
    backend,
    (w) => ({ t, admin, validator, coordinator, manager: programmeManager } = w),
  );
  let programmeId = 0;
  let missionPath = "";

  it("adds a mission, saying beside each field what is wrong and keeping what was typed", async () => {
    const segou = await unitId(t, "OU_RegSeg00001");
    programmeId = (
      await saveProgramme(t.db, manager, {
        name: "Déploiement des sages-femmes",
        leadPartner: "UNFPA Mali",
        funders: [],
        partners: [],
        startDate: "2022-01-01",
        endDate: null,
        budget: null,
        currency: null,
        regions: [segou],
        commitments: [],
        indicators: [],
      })
    ).id;
    const list = `/programme/${programmeId}/missions`;
    const empty = plain(await (await admin.get(list)).text());
    expect(empty).toContain("Aucune mission enregistrée.");
    const refused = await admin.post(list, {
      title: "Mission conjointe de suivi",
      startDate: "2025-03-15",
      endDate: "2025-03-10",
      delegation: "Mariam Tangara; UNFPA Mali; chargée; en trop",
      objectives: "",
    });
    expect(refused.status).toBe(400);
    const page = plain(await refused.text());
    expect(page).toContain("Le dernier jour ne peut précéder le premier.");
    expect(page).toContain("Cochez au moins une région.");
    expect(page).toContain("Une personne par ligne : nom ; institution ; fonction");
    expect(page).toContain('value="Mission conjointe de suivi"');
    expect(await t.db.selectFrom("missions").select("id").execute()).toEqual([]);
    const saved = await admin.post(list, {
      title: "Mission conjointe de suivi",
      startDate: "2025-03-10",
      endDate: "2025-03-15",
      regions: [String(segou)],
      delegation: "Mariam Tangara; UNFPA Mali; Chargée de programme SSR\nBoubacar Keïta; DRH-SSDS",
      objectives: "Constater le travail des sages-femmes déployées",
    });
    expect(saved.status).toBe(303);
    const location = saved.headers.get("location") ?? "";
    expect(location).toMatch(/^\/programme\/[0-9]+\/missions\/[0-9]+\?done=created$/);
    missionPath = location.split("?")[0] ?? "";
    const shown = plain(await (await admin.get(location)).text());
    expect(shown).toContain("Mission enregistrée.");
    expect(shown).toContain("Du 10 mars 2025 au 15 mars 2025");
    expect(shown).toContain("Régions : Ségou");
    expect(shown).toContain("Mariam Tangara, UNFPA Mali, Chargée de programme SSR");
    expect(shown).toContain("Boubacar Keïta, DRH-SSDS");
    expect(plain(await (await admin.get(list)).text())).toContain("Mission conjointe de suivi");
  });

  it("records a visit with its figures, refusing a bad one with every reason", async () => {
    const refused = await admin.post(`${missionPath}/visits`, {
      facility: "OU_Nowhere",
      authority: "",
      date: "2025-04-01",
      peopleMet: "",
      findings: "",
      figures: "Accouchements assistés par mois; douze",
    });
    expect(refused.status).toBe(400);
    const page = plain(await refused.text());
    expect(page).toContain("Aucune unité n'a ce code ou cet identifiant DHIS2.");
    expect(page).toContain("Un jour compris entre le premier et le dernier jour de la mission.");
    expect(page).toContain("Un chiffre par ligne : libellé ; valeur ; unité");
    expect(page).toContain('value="OU_Nowhere"');
    const saved = await admin.post(`${missionPath}/visits`, {
      facility: "OU_FacBar00001",
      authority: "",
      date: "2025-03-11",
      peopleMet: "La sage-femme du centre\nLe président de l'ASACO",
      findings: "Toutes les méthodes contraceptives sont en stock.",
      figures: "Accouchements assistés par mois; 12; accouchements\nTaux de CPN4; 23,5; %",
    });
    expect(saved.status).toBe(303);
    const shown = plain(await (await admin.get(`${missionPath}?done=visit`)).text());
    expect(shown).toContain("11 mars 2025 — CSCom Boidié");
    expect(shown).toContain(
      "Personnes rencontrées : La sage-femme du centre, Le président de l'ASACO",
    );
    expect(shown).toMatch(/Accouchements assistés par mois<\/td><td class="num">12 accouchements/);
    expect(shown).toContain("23,5 %");
  });

  it("edits the mission, refusing days that would leave a visit outside", async () => {
    const segou = String(await unitId(t, "OU_RegSeg00001"));
    const edit = {
      title: "Mission conjointe de suivi (mars 2025)",
      startDate: "2025-03-12",
      endDate: "2025-03-15",
      regions: [segou],
      delegation: "Mariam Tangara; UNFPA Mali; Chargée de programme SSR",
      objectives: "",
    };
    const refused = await admin.post(missionPath, edit);
    expect(refused.status).toBe(400);
    const page = plain(await refused.text());
    expect(page).toContain("Une visite enregistrée tomberait hors de ces dates");
    expect(page).toContain('value="2025-03-12"');
    const saved = await admin.post(missionPath, { ...edit, startDate: "2025-03-10" });
    expect(saved.status).toBe(303);
    const shown = plain(await (await admin.get(`${missionPath}?done=saved`)).text());
    expect(shown).toContain("Mission modifiée.");
    expect(shown).toContain("<h1>Mission conjointe de suivi (mars 2025)</h1>");
    expect(shown).not.toContain("Boubacar Keïta");
  });

  it("leaves recommendations and follows them up, a forbidden move said under its own", async () => {
    const refused = await admin.post(`${missionPath}/recommendations`, {
      text: "",
      ownerName: "",
      ownerEmail: "drs",
      dueDate: "",
      key: "1",
    });
    expect(refused.status).toBe(400);
    const page = plain(await refused.text());
    expect(page).toContain("Le nom du responsable, une personne ou une institution.");
    expect(page).toContain("Une adresse e-mail, par exemple nom@exemple.org.");
    for (const r of [
      { text: "Transmettre les données au DHIS2 avant le 5.", due: "2025-04-30", key: "" },
      { text: "Inscrire les postes au budget des communes.", due: "2099-12-31", key: "1" },
    ])
      expect(
        (
          await admin.post(`${missionPath}/recommendations`, {
            text: r.text,
            ownerName: "Direction régionale de la santé de Ségou",
            ownerEmail: "drs.segou@example.org",
            dueDate: r.due,
            key: r.key,
          })
        ).status,
      ).toBe(303);
    const [late, later] = await t.db
      .selectFrom("mission_recommendations")
      .select(["id", "key"])
      .orderBy("due_date")
      .execute();
    expect(later?.key).toBe(true);
    const done = await admin.post(`${missionPath}/recommendations/${later?.id}/follow-ups`, {
      status: "done",
      date: "2025-06-30",
      note: "Deux communes sur cinq.",
    });
    expect(done.status).toBe(303);
    const back = await admin.post(`${missionPath}/recommendations/${later?.id}/follow-ups`, {
      status: "in_progress",
      date: "2025-07-01",
      note: "",
    });
    expect(back.status).toBe(400);
    const html = await back.text();
    expect(plain(html)).toContain("Ce statut ne peut suivre le statut actuel");
    expect(html).toMatch(new RegExp(`id="rec-${later?.id}"[\\s\\S]*?<details open>`));
    const shown = plain(await (await admin.get(missionPath)).text());
    expect(shown).toContain("30 juin 2025 — Réalisée : Deux communes sur cinq.");
    expect(shown).toContain(
      "Responsable : Direction régionale de la santé de Ségou (drs.segou@example.org)",
    );
    expect(shown).toContain("Recommandation clé");
    expect(shown).toContain("En retard");
    expect(late).toBeDefined();
  });

  it("links the programme to its missions and lists what is overdue", async () => {
    const page = plain(await (await coordinator.get(`/programme/${programmeId}`)).text());
    expect(page).toContain(`href="/programme/${programmeId}/missions"`);
    expect(page).toContain("Recommandations en retard");
    expect(page).toContain("Transmettre les données au DHIS2 avant le 5.");
    expect(page).toContain("Mission conjointe de suivi (mars 2025), échéance du 30 avril 2025");
    expect(page).not.toContain("Inscrire les postes au budget des communes.");
    const en = plain(await (await coordinator.get(`/programme/${programmeId}?lang=en`)).text());
    expect(en).toContain("Overdue recommendations");
    expect(en).toContain("due on 30 April 2025");
  });

  it("shows owners' addresses to programme managers only, and nothing to a validator", async () => {
    const page = await coordinator.get(`${missionPath}?lang=en`);
    expect(page.status).toBe(200);
    const text = plain(await page.text());
    expect(text).toContain("Delegation");
    expect(text).toContain("Overdue");
    expect(text).not.toContain("drs.segou@example.org");
    const managed = plain(await (await programmeManager.get(missionPath)).text());
    expect(managed).toContain("drs.segou@example.org");
    expect((await validator.get(missionPath)).status).toBe(403);
    expect((await validator.get(`/programme/${programmeId}/missions`)).status).toBe(403);
    const post = await validator.post(`${missionPath}/visits`, {
      facility: "",
      authority: "DRS",
      date: "2025-03-12",
    });
    expect(post.status).toBe(403);
    expect((await admin.get(`/programme/${programmeId}/missions/99999`)).status).toBe(404);
  });
});
