// Monitoring missions as use cases, on PGlite and PostgreSQL: the joint mission to Ségou and
// Sikasso of March 2025 (the demo's) created with its delegation, its visits and figures, its
// recommendations and their follow-up; every bad field refused at once with nothing stored;
// status moves checked; overdue and key recommendations; who may write; the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveOrgUnits } from "../../src/db/health/org-units.ts";
import { DEMO_MISSION } from "../../src/demo/programme/stories.ts";
import {
  missionListPage,
  missionPage,
  overdueOfProgramme,
} from "../../src/services/programme/mission-pages.ts";
import {
  addRecommendation,
  addVisit,
  keyRecommendations,
  recordFollowUp,
  saveMission,
} from "../../src/services/programme/missions.ts";
import { saveProgramme } from "../../src/services/programme/programmes.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { problemOf as problemOfAny, staff, unit } from "../support/programme-fixtures.ts";

const problemOf = (p: Promise<unknown>) => problemOfAny(p, "fields");

const manager = staff("programme_manager");
const coordinator = staff("coordinator");
const validator = staff("validator");

const missionForm = (regions: number[]) => ({
  title: DEMO_MISSION.title,
  startDate: DEMO_MISSION.startDate,
  endDate: DEMO_MISSION.endDate,
  regions: regions.map(String),
  delegation: DEMO_MISSION.delegation
    .map((m) => `${m.name}; ${m.institution}; ${m.role}`)
    .join("\n"),
  objectives: DEMO_MISSION.objectives.join("\n"),
});

describe.each(backends)("monitoring missions on %s", (backend) => {
  let t: TestDatabase;
  const ids: Record<string, number> = {};
  let programmeId = 0;
  let missionId = 0;
  const recs: number[] = [];

  const count = async (table: "missions" | "mission_visits" | "mission_recommendations") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await saveOrgUnits(t.db, [
      unit("ML", "Mali", null),
      unit("ML_SEG", "Ségou", "ML"),
      unit("ML_SEG_SEG", "District de Ségou", "ML_SEG"),
      unit("ML_SEG_SEG_CINZANA", "CSCom Cinzana", "ML_SEG_SEG"),
      unit("ML_SIK", "Sikasso", "ML"),
      unit("ML_SIK_SIK", "District de Sikasso", "ML_SIK"),
      unit("ML_SIK_SIK_DOUGOUKOLOBOUGOU", "CSCom Dougoukolobougou", "ML_SIK_SIK"),
    ]);
    for (const r of await t.db.selectFrom("org_units").select(["id", "code"]).execute())
      ids[r.code ?? ""] = r.id;
    const p = await saveProgramme(t.db, manager, {
      name: "Déploiement des sages-femmes en milieu communautaire",
      leadPartner: "UNFPA Mali",
      funders: [],
      partners: [],
      startDate: "2022-01-01",
      endDate: null,
      budget: null,
      currency: null,
      regions: [ids.ML_SEG ?? 0, ids.ML_SIK ?? 0],
      commitments: [],
      indicators: [],
    });
    programmeId = p.id;
  });
  afterAll(() => t.dispose());

  it("refuses a mission with every bad field at once and stores nothing", async () => {
    const refused = await problemOf(
      saveMission(t.db, manager, programmeId, {
        title: " ",
        startDate: "2025-03-10",
        endDate: "2025-02-30",
        regions: [],
        delegation: "; UNFPA; chargée",
        objectives: "x".repeat(5001),
      }),
    );
    expect(refused).toEqual({
      code: "invalid_input",
      fields: [
        "title.required",
        "endDate.invalid",
        "regionIds.required",
        "delegation.invalid",
        "objectives.invalid",
      ],
    });
    const ordered = await problemOf(
      saveMission(t.db, manager, programmeId, {
        ...missionForm([99_999]),
        endDate: "2025-03-01",
      }),
    );
    expect(ordered).toEqual({
      code: "invalid_input",
      fields: ["endDate.before_start", "regionIds.invalid"],
    });
    expect(await count("missions")).toBe(0);
  });

  it("creates the joint mission with its regions, delegation and objectives", async () => {
    const saved = await saveMission(
      t.db,
      manager,
      programmeId,
      missionForm([ids.ML_SEG ?? 0, ids.ML_SIK ?? 0]),
    );
    missionId = saved.id;
    const page = await missionPage(t.db, coordinator, programmeId, missionId, "2025-03-20");
    expect(page.mission.regions.map((r) => r.name)).toEqual(["Ségou", "Sikasso"]);
    expect(page.mission.delegation).toHaveLength(6);
    expect(page.mission.delegation[1]).toEqual({
      name: "Boubacar Keïta",
      institution: "DRH-SSDS",
      role: "Chef de division",
    });
    expect(page.mission.objectives).toEqual(DEMO_MISSION.objectives);
    expect(page.canWrite).toBe(true);
    const list = await missionListPage(t.db, coordinator, programmeId);
    expect(list.missions.map((m) => m.title)).toEqual([DEMO_MISSION.title]);
  });

  it("adds visits with the people met, findings and figures; refuses a bad one whole", async () => {
    const refused = await problemOf(
      addVisit(t.db, manager, programmeId, missionId, {
        facility: "NOPE",
        authority: "",
        date: "2025-03-20",
        peopleMet: "",
        findings: "",
        figures: "Accouchements; douze; accouchements",
      }),
    );
    expect(refused).toEqual({
      code: "invalid_input",
      fields: ["date.outside_mission", "figures.invalid", "place.not_found"],
    });
    const both = await problemOf(
      addVisit(t.db, manager, programmeId, missionId, {
        facility: "ML_SEG_SEG_CINZANA",
        authority: "Gouvernorat",
        date: "2025-03-11",
        peopleMet: "",
        findings: "",
        figures: "",
      }),
    );
    expect(both).toEqual({ code: "invalid_input", fields: ["place.invalid"] });
    expect(await count("mission_visits")).toBe(0);

    for (const v of DEMO_MISSION.visits.slice(0, 4))
      await addVisit(t.db, manager, programmeId, missionId, {
        facility: v.facility ?? "",
        authority: v.authority ?? "",
        date: v.date,
        peopleMet: v.peopleMet.join("\n"),
        findings: v.findings,
        figures: v.figures
          .map((f) => `${f.label}; ${String(f.value).replace(".", ",")}; ${f.unit}`)
          .join("\n"),
      });
    const page = await missionPage(t.db, manager, programmeId, missionId);
    expect(page.visits.map((v) => v.unitName ?? v.authority)).toEqual([
      "CSCom Cinzana",
      "Gouvernorat de la région de Sikasso",
      "Direction régionale de la santé de Sikasso",
      "CSCom Dougoukolobougou",
    ]);
    expect(page.visits[0]?.figures).toEqual(DEMO_MISSION.visits[0]?.figures);
    expect(page.visits[2]?.figures.map((f) => f.value)).toEqual([47, 62, 20, 23]);
  });

  it("will not move the mission's days away from a recorded visit", async () => {
    const refused = await problemOf(
      saveMission(t.db, manager, programmeId, {
        ...missionForm([ids.ML_SEG ?? 0]),
        id: missionId,
        startDate: "2025-03-12",
      }),
    );
    expect(refused).toEqual({ code: "invalid_input", fields: ["endDate.visits_outside"] });
    await saveMission(t.db, manager, programmeId, {
      ...missionForm([ids.ML_SEG ?? 0, ids.ML_SIK ?? 0]),
      id: missionId,
      title: "Mission conjointe de suivi — Ségou et Sikasso (mars 2025)",
    });
    const page = await missionPage(t.db, manager, programmeId, missionId);
    expect(page.mission.title).toMatch(/mars 2025/);
    expect(page.mission.delegation).toHaveLength(6);
  });

  it("leaves recommendations with an owner and a due day, each bad field said", async () => {
    const refused = await problemOf(
      addRecommendation(t.db, manager, programmeId, missionId, {
        text: "",
        ownerName: "",
        ownerEmail: "pas une adresse",
        dueDate: "31/12/2025",
        key: true,
      }),
    );
    expect(refused).toEqual({
      code: "invalid_input",
      fields: ["text.required", "owner.no_owner", "ownerEmail.invalid", "dueDate.invalid"],
    });
    expect(await count("mission_recommendations")).toBe(0);
    for (const r of DEMO_MISSION.recommendations) {
      const saved = await addRecommendation(t.db, manager, programmeId, missionId, {
        text: r.text,
        ownerName: r.ownerName,
        ownerEmail: r.ownerEmail ?? "",
        dueDate: r.dueDate,
        key: r.key,
      });
      recs.push(saved.id);
      expect(saved.status).toBe("open");
    }
  });

  it("records follow-ups whose status moves are allowed, and refuses the others", async () => {
    const [budget, gbv, stock] = recs as [number, number, number];
    await recordFollowUp(t.db, manager, programmeId, missionId, budget, {
      status: "in_progress",
      date: "2025-06-30",
      note: "Deux communes sur cinq ont inscrit le poste à leur budget.",
    });
    await recordFollowUp(t.db, manager, programmeId, missionId, stock, {
      status: "done",
      date: "2025-06-20",
      note: "Commande trimestrielle livrée.",
    });
    const moved = await problemOf(
      recordFollowUp(t.db, manager, programmeId, missionId, stock, {
        status: "in_progress",
        date: "",
        note: " ",
      }),
    );
    expect(moved).toEqual({
      code: "invalid_input",
      fields: ["date.required", "note.required", "status.transition"],
    });
    const unknown = await problemOf(
      recordFollowUp(t.db, manager, programmeId, missionId, gbv, {
        status: "closed",
        date: "2025-07-01",
        note: "x",
      }),
    );
    expect(unknown).toEqual({ code: "invalid_input", fields: ["status.invalid"] });
    const page = await missionPage(t.db, manager, programmeId, missionId, "2025-10-01");
    const byId = new Map(page.recommendations.map((r) => [r.id, r]));
    expect(byId.get(stock)?.status).toBe("done");
    expect(byId.get(stock)?.followUps).toHaveLength(1);
    expect(byId.get(budget)?.status).toBe("in_progress");
    expect(page.recommendations.filter((r) => r.overdue).map((r) => r.id)).toEqual([recs[3], gbv]);
  });

  it("lists the programme's overdue recommendations at a day, the due day itself not late", async () => {
    const atDue = await overdueOfProgramme(t.db, coordinator, programmeId, "2025-09-30");
    expect(atDue.map((r) => r.dueDate)).toEqual(["2025-04-30"]);
    const later = await overdueOfProgramme(t.db, coordinator, programmeId, "2026-01-01");
    expect(later.map((r) => r.dueDate)).toEqual(["2025-04-30", "2025-09-30", "2025-12-31"]);
    expect(later.every((r) => r.ownerEmail === null)).toBe(true);
  });

  it("gives the dashboard the key recommendations with status and due day, no address", async () => {
    const key = await keyRecommendations(t.db, programmeId);
    expect(key.map((r) => [r.dueDate, r.status])).toEqual([
      ["2025-06-30", "done"],
      ["2025-09-30", "open"],
      ["2025-12-31", "in_progress"],
    ]);
    expect(JSON.stringify(key)).not.toContain("@");
  });

  it("lets programme writers write, shows owners' addresses to managers, nothing to validators", async () => {
    const refused = await problemOf(saveMission(t.db, validator, programmeId, missionForm([])));
    expect(refused).toEqual({ code: "forbidden", fields: [] });
    const visit = await problemOf(
      addVisit(t.db, validator, programmeId, missionId, {
        facility: "",
        authority: "DRS",
        date: "2025-03-12",
        peopleMet: "",
        findings: "",
        figures: "",
      }),
    );
    expect(visit).toEqual({ code: "forbidden", fields: [] });
    const reader = await missionPage(t.db, coordinator, programmeId, missionId);
    expect(reader.recommendations.every((r) => r.ownerEmail === null)).toBe(true);
    const managed = await missionPage(t.db, manager, programmeId, missionId);
    expect(managed.recommendations.some((r) => r.ownerEmail !== null)).toBe(true);
    expect(await problemOf(missionPage(t.db, validator, programmeId, missionId))).toEqual({
      code: "forbidden",
      fields: [],
    });
    expect(await problemOf(missionListPage(t.db, validator, programmeId))).toEqual({
      code: "forbidden",
      fields: [],
    });
    const other = await problemOf(missionPage(t.db, coordinator, programmeId + 1, missionId));
    expect(other).toMatchObject({ code: "not_found" });
  });

  it("keeps every write in the audit log", async () => {
    const rows = await t.db
      .selectFrom("audit_log")
      .select(["entity", "action"])
      .where("entity", "like", "mission%")
      .execute();
    const counts = new Map<string, number>();
    for (const r of rows)
      counts.set(`${r.entity}.${r.action}`, (counts.get(`${r.entity}.${r.action}`) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      "missions.create": 1,
      "missions.update": 1,
      "mission_people.update": 2,
      "mission_visits.create": 4,
      "mission_recommendations.create": 4,
      "mission_follow_ups.create": 2,
      "mission_recommendations.update": 2,
    });
  });
});
