// The programme pages, on both stores: a programme added through the form (each wrong field said
// beside it, what was typed kept), listed in French and English; the midwife register filtered
// by day, region and training, with the counts per region at that day and no contact shown; a
// coordinator reads, a midwife's contact is a programme manager's, and a validator sees none of it.
import { describe, expect, it } from "vitest";
import { insertCommitment, insertProcessIndicator } from "../../src/db/tracker/commitments.ts";
import { insertTracker } from "../../src/db/tracker/trackers.ts";
import type { Actor } from "../../src/domain/shared/policy.ts";
import {
  deployMidwife,
  recordTraining,
  saveMidwife,
} from "../../src/services/programme/midwives.ts";
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

describe.each(backends)("programme pages on %s", (backend) => {
  let t: TestDatabase;
  let admin: TestClient;
  let validator: TestClient;
  let coordinator: TestClient;
  let programmeManager: TestClient;
  useHealthPages(
    backend,
    (w) => ({ t, admin, validator, coordinator, manager: programmeManager } = w),
  );
  const idOf = (code: string) => unitId(t, code);
  const form = (o: Record<string, string | string[]>) => ({
    name: "Déploiement des sages-femmes en milieu communautaire",
    leadPartner: "UNFPA Mali",
    funders: "UNFPA",
    partners: "ONASR, FENASCOM\nASFM",
    startDate: "2022-01-01",
    endDate: "2024-12-31",
    budget: "1 250 000 000",
    currency: "XOF",
    ...o,
  });

  it("adds a programme, saying beside each field what is wrong and keeping what was typed", async () => {
    const refused = await admin.post(
      "/programme",
      form({ endDate: "2021-01-01", budget: "-3", currency: "FCFA" }),
    );
    expect(refused.status).toBe(400);
    const page = plain(await refused.text());
    expect(page).toContain("La fin ne peut précéder le début.");
    expect(page).toContain("Le budget doit être supérieur à zéro.");
    expect(page).toContain("Un code ISO 4217 de trois lettres, par exemple XOF.");
    expect(page).toContain('value="FCFA"');
    const saved = await admin.post(
      "/programme",
      form({ regions: [String(await idOf("OU_RegSeg00001"))] }),
    );
    expect(saved.status).toBe(303);
    const location = saved.headers.get("location") ?? "";
    expect(location).toMatch(/^\/programme\/[0-9]+\?done=saved$/);
    expect(plain(await (await admin.get(location)).text())).toContain("Programme enregistré.");
    const list = plain(await (await admin.get("/programme")).text());
    expect(list).toContain("Chef de file : UNFPA Mali");
    expect(list).toContain("Du 1er janvier 2022 au 31 décembre 2024");
    expect(list).toContain("Budget : 1 250 000 000 XOF");
    expect(list).toContain("Partenaires : ONASR, FENASCOM, ASFM");
    expect(list).toContain("Régions : Ségou");
    const en = plain(await (await coordinator.get("/programme?lang=en")).text());
    expect(en).toContain("Lead partner: UNFPA Mali");
    // Programme monitoring is none of a validator's business.
    expect((await validator.get("/programme")).status).toBe(403);
    expect((await validator.post("/programme", form({}))).status).toBe(403);
  });

  it("shows the register at a day with the counts per region, filters, and no contact", async () => {
    const programmeId = (await t.db.selectFrom("programmes").select("id").executeTakeFirstOrThrow())
      .id;
    const aminata = await saveMidwife(t.db, manager, {
      name: "Aminata Coulibaly",
      qualification: "midwife",
      languages: ["Bambara"],
      phone: "+223 76 12 34 56",
      email: "",
    });
    const sitan = await saveMidwife(t.db, manager, {
      name: "Sitan Diallo",
      qualification: "obstetric_nurse",
      languages: [],
      phone: "",
      email: "",
    });
    await deployMidwife(t.db, manager, {
      midwifeId: aminata.id,
      programmeId,
      facilityId: await idOf("OU_FacBar00001"),
      startDate: "2022-01-10",
      endDate: null,
      endReason: null,
    });
    await recordTraining(t.db, manager, {
      midwifeId: aminata.id,
      topic: "emonc",
      date: "2022-02-01",
      provider: "UNFPA",
    });
    await deployMidwife(t.db, manager, {
      midwifeId: sitan.id,
      programmeId,
      facilityId: await idOf("OU_FacBla00001"),
      startDate: "2024-08-01",
      endDate: null,
      endReason: null,
    });
    const at2023 = plain(
      await (await coordinator.get("/programme/midwives?date=2023-06-01")).text(),
    );
    expect(at2023).toContain("Sages-femmes déployées par région au 1er juin 2023");
    expect(at2023).toMatch(/>Ségou<\/a><\/td><td data-label="Déployées" class="num">1</);
    expect(at2023).toContain("Total : 1 sage-femme déployée");
    expect(at2023).toContain("CSCom Boidié, depuis le 10 janvier 2022");
    expect(at2023).toContain("Formations : SONU");
    expect(at2023).not.toContain("76 12 34 56");
    // Twelve months up to the day's own, from July 2022: one midwife deployed in each.
    expect(at2023).toContain("Sages-femmes déployées le premier de chaque mois");
    expect(at2023).toMatch(
      />1er juillet 2022<span class="meter w10"><\/span><\/td><td data-label="Déployées" class="num">1</,
    );
    expect(at2023).toMatch(/>1er juin 2023<span class="meter w10"><\/span>/);
    const trained = plain(
      await (
        await coordinator.get("/programme/midwives?date=2025-01-01&topic=emonc&lang=en")
      ).text(),
    );
    expect(trained).toContain("Total: 2 midwives deployed");
    expect(trained).toContain("1 midwife</h2>");
    expect(trained).not.toContain("Sitan Diallo");
    const notDeployed = plain(
      await (await coordinator.get("/programme/midwives?date=2023-06-01&deployed=no")).text(),
    );
    expect(notDeployed).toContain("Sitan Diallo");
    expect(notDeployed).not.toContain("Aminata Coulibaly");
  });

  it("registers, deploys, ends and trains a midwife through her page's forms", async () => {
    const refused = await admin.post("/programme/midwives", {
      name: "",
      qualification: "midwife",
      languages: "",
      phone: "call me",
      email: "",
    });
    expect(refused.status).toBe(400);
    expect(plain(await refused.text())).toContain(
      "Un numéro de téléphone, par exemple +223 76 00 00 00.",
    );
    const created = await admin.post("/programme/midwives", {
      name: "Korotoumou Koné",
      qualification: "midwife",
      languages: "Bambara, Sénoufo",
      phone: "+223 66 00 11 22",
      email: "",
    });
    expect(created.status).toBe(303);
    const path = (created.headers.get("location") ?? "").replace(/\?.*$/, "");
    const id = path.split("/").pop() ?? "";
    const fresh = plain(await (await admin.get(`${path}?done=created`)).text());
    expect(fresh).toContain("Sage-femme inscrite.");
    expect(fresh).toContain("Contact : +223 66 00 11 22");
    expect(fresh).toContain("Langues : Bambara, Sénoufo");
    // Her contact is for programme managers and admins: not a coordinator's, a validator none.
    expect(plain(await (await coordinator.get(path)).text())).not.toContain("66 00 11 22");
    expect(plain(await (await programmeManager.get(path)).text())).toContain(
      "Contact : +223 66 00 11 22",
    );
    expect((await validator.get(path)).status).toBe(403);

    const programme = String(
      (await t.db.selectFrom("programmes").select("id").executeTakeFirstOrThrow()).id,
    );
    const unknown = await admin.post(`${path}/deployments`, {
      programme,
      facility: "OU_Nowhere",
      startDate: "2023-01-01",
    });
    expect(unknown.status).toBe(400);
    const again = plain(await unknown.text());
    expect(again).toContain("Aucune structure n’a ce code ni cet identifiant DHIS2.");
    expect(again).toContain('value="OU_Nowhere"');
    expect(
      (
        await admin.post(`${path}/deployments`, {
          programme,
          facility: "OU_FacBar00002",
          startDate: "2023-01-01",
        })
      ).status,
    ).toBe(303);
    const deployment = await t.db
      .selectFrom("deployments")
      .select("id")
      .where("midwife_id", "=", Number(id))
      .executeTakeFirstOrThrow();
    const noReason = await admin.post(`/programme/deployments/${deployment.id}/end`, {
      endDate: "2024-06-30",
      endReason: "",
    });
    expect(noReason.status).toBe(400);
    expect(
      (
        await admin.post(`/programme/deployments/${deployment.id}/end`, {
          endDate: "2024-06-30",
          endReason: "transferred",
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await admin.post(`${path}/trainings`, {
          topic: "gbv",
          date: "2023-03-10",
          provider: "UNFPA",
        })
      ).status,
    ).toBe(303);
    const page = plain(await (await admin.get(`${path}?lang=en`)).text());
    expect(page).toContain(
      "CSCom Barouéli central: from 1 January 2023 to 30 June 2024 (transfer)",
    );
    expect(page).toContain("GBV, on 10 March 2023 (UNFPA)");
    expect(
      (
        await validator.post(`${path}/trainings`, {
          topic: "gbv",
          date: "2023-03-10",
          provider: "",
        })
      ).status,
    ).toBe(403);
  });

  it("shows one programme with its indicator targets, and keeps them when its fields are edited", async () => {
    const programme = await t.db.selectFrom("programmes").selectAll().executeTakeFirstOrThrow();
    const indicator = await t.db
      .selectFrom("health_indicators")
      .select("id")
      .where("code", "=", "CPN1_COUV")
      .executeTakeFirstOrThrow();
    const segou = await idOf("OU_RegSeg00001");
    await saveProgramme(t.db, manager, {
      id: programme.id,
      name: programme.name,
      leadPartner: programme.lead_partner,
      funders: programme.funders,
      partners: programme.partners,
      startDate: programme.start_date,
      endDate: programme.end_date,
      budget: null,
      currency: null,
      regions: [segou],
      commitments: [],
      indicators: [
        { indicatorId: indicator.id, targets: [{ orgUnitId: segou, period: "2024", value: 81.5 }] },
      ],
    });
    const edited = await admin.post(`/programme/${programme.id}`, {
      ...form({ name: "Sages-femmes communautaires, phase 2", budget: "", currency: "" }),
      regions: [String(segou)],
    });
    expect(edited.status).toBe(303);
    const page = plain(await (await coordinator.get(`/programme/${programme.id}`)).text());
    expect(page).toContain("<h1>Sages-femmes communautaires, phase 2</h1>");
    expect(page).toContain("Cible 2024 : 81,5 (Ségou)");
    expect(page).toContain("Aucun engagement relié.");
    expect((await validator.get(`/programme/${programme.id}`)).status).toBe(403);
    const wrong = await admin.post(`/programme/${programme.id}`, form({ startDate: "2022-02-30" }));
    expect(wrong.status).toBe(400);
    expect(plain(await wrong.text())).toContain("Une date réelle, au format AAAA-MM-JJ.");
    expect((await admin.get("/programme/999999")).status).toBe(404);
  });

  it("links a programme to a commitment, one of its indicators and a health indicator", async () => {
    const programme = await t.db.selectFrom("programmes").select("id").executeTakeFirstOrThrow();
    const tracker = await insertTracker(t.db, "test", {
      countryCode: "ML",
      name: "Mali",
      nameEn: null,
      organisation: "GP/SP",
    });
    const c5 = await insertCommitment(t.db, "test", {
      trackerId: tracker.id,
      number: 5,
      title: "Renforcer les ressources humaines en santé",
      titleEn: "Strengthen the health workforce",
    });
    const a = await insertProcessIndicator(t.db, "test", {
      trackerId: tracker.id,
      commitmentId: c5.id,
      code: "a",
      position: 1,
      title: "Sages-femmes déployées en milieu communautaire",
      titleEn: "Community midwives deployed",
      buildingBlocks: ["health_workforce"],
    });
    const form = plain(await (await admin.get(`/programme/${programme.id}`)).text());
    expect(form).toContain(`value="c:${c5.id}:i:${a.id}"`);
    const indicator = await t.db
      .selectFrom("health_indicators")
      .select("id")
      .where("code", "=", "CPN1_COUV")
      .executeTakeFirstOrThrow();
    expect(
      (
        await admin.post(`/programme/${programme.id}/links`, {
          serves: [`c:${c5.id}`, `c:${c5.id}:i:${a.id}`],
          indicators: [String(indicator.id)],
        })
      ).status,
    ).toBe(303);
    const page = plain(await (await coordinator.get(`/programme/${programme.id}?lang=en`)).text());
    expect(page).toContain("Commitment 5: Strengthen the health workforce");
    expect(page).toContain("Commitment 5, indicator a: Community midwives deployed");
    // The indicator kept its target.
    expect(page).toContain("2024 target: 81.5 (Ségou)");
  });

  it("sets, refuses and removes a target for a region or one of its districts from its form", async () => {
    const programme = await t.db.selectFrom("programmes").select("id").executeTakeFirstOrThrow();
    const indicator = await t.db
      .selectFrom("health_indicators")
      .select("id")
      .where("code", "=", "CPN1_COUV")
      .executeTakeFirstOrThrow();
    const bla = await idOf("OU_DisBla00001");
    const form = await (await admin.get(`/programme/${programme.id}`)).text();
    // The programme's region and its districts, the district named with its region.
    expect(plain(form)).toContain(`<option value="${bla}">Bla (Ségou)</option>`);
    expect(form).not.toContain(`value="${await idOf("OU_FacBla00001")}"`);
    const target = (o: Record<string, string>) =>
      admin.post(`/programme/${programme.id}/targets`, {
        indicator: String(indicator.id),
        unit: String(bla),
        period: "2026",
        value: "72,5",
        ...o,
      });
    const refused = await target({ period: "26", value: "beaucoup", unit: "999999" });
    expect(refused.status).toBe(400);
    const page = plain(await refused.text());
    expect(page).toContain("Une année à quatre chiffres, par exemple 2026.");
    expect(page).toContain("Un nombre positif, par exemple 80 ou 72,5.");
    expect(page).toContain('value="beaucoup"');
    expect(await t.db.selectFrom("programme_indicator_targets").selectAll().execute()).toHaveLength(
      1,
    );
    const saved = await target({});
    expect(saved.status).toBe(303);
    const back = saved.headers.get("location") ?? "";
    expect(back).toBe(`/programme/${programme.id}?done=target#targets`);
    expect(plain(await (await admin.get(back)).text())).toContain("Cible enregistrée.");
    const shown = plain(await (await coordinator.get(`/programme/${programme.id}`)).text());
    expect(shown).toContain("Cible 2026 : 72,5 (Bla)");
    expect(shown).toContain("Cible 2024 : 81,5 (Ségou)");
    // Set again, the year's target is replaced, not doubled; empty, it goes.
    expect((await target({ value: "75" })).status).toBe(303);
    const targets = await t.db
      .selectFrom("programme_indicator_targets")
      .select(["org_unit_id", "period", "value"])
      .orderBy("period")
      .execute();
    expect(targets.map((x) => [x.period, Number(x.value)])).toEqual([
      ["2024", 81.5],
      ["2026", 75],
    ]);
    expect((await target({ value: "" })).status).toBe(303);
    expect(await t.db.selectFrom("programme_indicator_targets").selectAll().execute()).toHaveLength(
      1,
    );
    expect((await validator.post(`/programme/${programme.id}/targets`, {})).status).toBe(403);
  });
});
