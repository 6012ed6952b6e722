// Programme monitoring as use cases, on PGlite and PostgreSQL: the community-midwife deployment
// in Ségou and Sikasso saved with its commitments and indicators; midwives registered, deployed,
// moved and trained; overlaps refused even when two deployments race; counts per region,
// district and facility at a day; who may read and write; what the audit log keeps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveOrgUnits } from "../../src/db/health/org-units.ts";
import { insertCommitment, insertProcessIndicator } from "../../src/db/tracker/commitments.ts";
import { insertTracker } from "../../src/db/tracker/trackers.ts";
import {
  deployedCounts,
  deployMidwife,
  deploymentTimeline,
  endDeployment,
  midwifeFile,
  recordTraining,
  register,
  saveMidwife,
} from "../../src/services/programme/midwives.ts";
import {
  programmes,
  programmeView,
  saveProgramme,
} from "../../src/services/programme/programmes.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { problemOf, staff, unit } from "../support/programme-fixtures.ts";

const manager = staff("programme_manager");
const validator = staff("validator");
const coordinator = staff("coordinator");

describe.each(backends)("programme monitoring on %s", (backend) => {
  let t: TestDatabase;
  const ids: Record<string, number> = {};
  let commitment5 = 0;
  let indicatorA = 0;
  let sba = 0;
  let programmeId = 0;
  const midwife: Record<string, number> = {};

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await saveOrgUnits(t.db, [
      unit("ML", "Mali", null),
      unit("SEG", "Ségou", "ML"),
      unit("BAR", "Barouéli", "SEG"),
      unit("BOI", "CSCom Boidié", "BAR"),
      unit("ZAM", "CSCom Zambougou-Cinzana", "BAR"),
      unit("SIK", "Sikasso", "ML"),
      unit("SKD", "District de Sikasso", "SIK"),
      unit("KOU", "CSCom Koumantou", "SKD"),
      unit("DOU", "CSCom Dougoukolobougou", "SKD"),
    ]);
    for (const r of await t.db.selectFrom("org_units").select(["id", "code"]).execute())
      ids[r.code ?? ""] = r.id;
    const tracker = await insertTracker(t.db, "test", {
      countryCode: "ML",
      name: "Mali",
      nameEn: null,
      organisation: "GP/SP",
    });
    const c = await insertCommitment(t.db, "test", {
      trackerId: tracker.id,
      number: 5,
      title: "Renforcer les ressources humaines en santé",
      titleEn: "Strengthen the health workforce",
    });
    commitment5 = c.id;
    const i = await insertProcessIndicator(t.db, "test", {
      trackerId: tracker.id,
      commitmentId: c.id,
      code: "a",
      position: 1,
      title: "Sages-femmes déployées",
      titleEn: "Midwives deployed",
      buildingBlocks: ["health_workforce"],
    });
    indicatorA = i.id;
    const h = await t.db
      .insertInto("health_indicators")
      .values({
        name: "Accouchements assistés par du personnel qualifié",
        numerator: "#{a}",
        denominator: "#{b}",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    sba = h.id;
  });
  afterAll(() => t.dispose());

  const deploymentProgramme = {
    name: "Déploiement des sages-femmes en milieu communautaire",
    leadPartner: "UNFPA Mali",
    funders: ["UNFPA"],
    partners: ["ONASR", "FENASCOM", "ASFM"],
    startDate: "2022-01-01",
    endDate: "2024-12-31",
    budget: 1_250_000_000.5,
    currency: "xof",
    regions: [] as number[],
    commitments: [] as { commitmentId: number; indicatorId: number | null }[],
    indicators: [] as {
      indicatorId: number;
      targets: { orgUnitId: number; period: string; value: number }[];
    }[],
  };

  it("saves a programme with its regions, the commitment it serves and its indicator targets", async () => {
    const saved = await saveProgramme(t.db, manager, {
      ...deploymentProgramme,
      regions: [ids.SEG ?? 0, ids.SIK ?? 0],
      commitments: [
        { commitmentId: commitment5, indicatorId: null },
        { commitmentId: commitment5, indicatorId: indicatorA },
      ],
      indicators: [
        { indicatorId: sba, targets: [{ orgUnitId: ids.SIK ?? 0, period: "2024", value: 62 }] },
      ],
    });
    programmeId = saved.id;
    expect(saved).toMatchObject({
      currency: "XOF",
      budget: 1_250_000_000.5,
      endDate: "2024-12-31",
    });
    const view = await programmeView(t.db, coordinator, saved.id, "en");
    expect(view.regions.map((r) => r.name)).toEqual(["Ségou", "Sikasso"]);
    expect(view.commitments).toEqual([
      {
        commitmentId: commitment5,
        number: 5,
        title: "Strengthen the health workforce",
        indicator: null,
      },
      {
        commitmentId: commitment5,
        number: 5,
        title: "Strengthen the health workforce",
        indicator: { id: indicatorA, code: "a", title: "Midwives deployed" },
      },
    ]);
    expect(view.indicators).toEqual([
      {
        indicatorId: sba,
        name: "Accouchements assistés par du personnel qualifié",
        targets: [{ orgUnitId: ids.SIK, unitName: "Sikasso", period: "2024", value: 62 }],
      },
    ]);
    expect((await programmes(t.db, coordinator)).map((p) => p.id)).toEqual([saved.id]);
  });

  it("refuses every wrong field at once, and links that name nothing", async () => {
    expect(
      await problemOf(
        saveProgramme(t.db, manager, {
          ...deploymentProgramme,
          endDate: "2021-01-01",
          budget: 0,
          currency: "FCFA",
          regions: [999_999],
          commitments: [{ commitmentId: 999_999, indicatorId: null }],
          indicators: [{ indicatorId: 999_999, targets: [] }],
        }),
      ),
    ).toEqual({
      code: "invalid_input",
      issues: [
        "endDate.before_start",
        "budget.not_positive",
        "currency.invalid",
        "regions.invalid",
        "indicators.invalid",
        "commitments.invalid",
      ],
    });
  });

  it("lets programme managers, coordinators and admins read and write, and validators neither", async () => {
    expect(await problemOf(saveProgramme(t.db, validator, deploymentProgramme))).toMatchObject({
      code: "forbidden",
    });
    expect(await problemOf(programmes(t.db, validator))).toMatchObject({ code: "forbidden" });
    expect(await problemOf(programmes(t.db, staff("respondent")))).toMatchObject({
      code: "forbidden",
    });
    expect(await problemOf(programmes(t.db, { kind: "anonymous" }))).toMatchObject({
      code: "unauthenticated",
    });
  });

  it("registers midwives, keeps their contact out of the register and from readers", async () => {
    for (const [key, name] of [
      ["aminata", "Aminata Coulibaly"],
      ["awa", "Awa Yossi"],
      ["djeneba", "Djeneba Diallo"],
      ["oumou", "Oumou Sidibé"],
    ] as const) {
      const m = await saveMidwife(t.db, manager, {
        name,
        qualification: "midwife",
        languages: ["Bambara", "Français"],
        phone: `+223 76 00 00 0${Object.keys(midwife).length}`,
        email: "",
      });
      midwife[key] = m.id;
      expect(m).not.toHaveProperty("phone");
    }
    expect(
      await problemOf(
        saveMidwife(t.db, manager, {
          name: "",
          qualification: "doctor",
          languages: [],
          phone: "x",
          email: "",
        }),
      ),
    ).toEqual({
      code: "invalid_input",
      issues: ["name.required", "qualification.invalid", "phone.invalid"],
    });
    expect((await midwifeFile(t.db, manager, midwife.aminata ?? 0)).contact).toEqual({
      phone: "+223 76 00 00 00",
      email: null,
    });
    // Her contact is a programme manager's or an admin's: not a coordinator's.
    expect((await midwifeFile(t.db, coordinator, midwife.aminata ?? 0)).contact).toBeNull();
    expect(await problemOf(midwifeFile(t.db, validator, midwife.aminata ?? 0))).toMatchObject({
      code: "forbidden",
    });
  });

  it("deploys midwives, refuses an overlap, and moves one on the day after she left", async () => {
    const deploy = (
      m: string,
      facility: string,
      startDate: string,
      endDate: string | null = null,
      endReason: string | null = null,
    ) =>
      deployMidwife(t.db, manager, {
        midwifeId: midwife[m] ?? 0,
        programmeId,
        facilityId: ids[facility] ?? 0,
        startDate,
        endDate,
        endReason,
      });
    await deploy("aminata", "BOI", "2022-01-10");
    const awa = await deploy("awa", "ZAM", "2022-03-01");
    await deploy("djeneba", "DOU", "2023-02-01");
    await deploy("oumou", "ZAM", "2024-08-01");
    expect(await problemOf(deploy("aminata", "KOU", "2023-01-01"))).toEqual({
      code: "invalid_input",
      issues: ["startDate.overlap"],
    });
    expect(
      await problemOf(
        endDeployment(t.db, manager, awa.id, { endDate: "2023-06-30", endReason: null }),
      ),
    ).toEqual({
      code: "invalid_input",
      issues: ["endReason.required"],
    });
    await endDeployment(t.db, manager, awa.id, { endDate: "2023-06-30", endReason: "transferred" });
    await deploy("awa", "KOU", "2023-07-01");
    const file = await midwifeFile(t.db, coordinator, midwife.awa ?? 0);
    expect(
      file.deployments.map((d) => [d.facilityId, d.startDate, d.endDate, d.endReason]),
    ).toEqual([
      [ids.ZAM, "2022-03-01", "2023-06-30", "transferred"],
      [ids.KOU, "2023-07-01", null, null],
    ]);
    // Reopening her first deployment would overlap the second.
    expect(
      await problemOf(endDeployment(t.db, manager, awa.id, { endDate: null, endReason: null })),
    ).toEqual({
      code: "invalid_input",
      issues: ["startDate.overlap"],
    });
  });

  it("lets only one of two overlapping deployments written at once through", async () => {
    const both = await Promise.allSettled(
      ["BOI", "KOU"].map((f) =>
        deployMidwife(t.db, manager, {
          midwifeId: midwife.djeneba ?? 0,
          programmeId,
          facilityId: ids[f] ?? 0,
          startDate: "2020-01-01",
          endDate: "2020-12-31",
          endReason: "contract_ended",
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("counts midwives deployed per region, district and facility at a day", async () => {
    const at = async (date: string, level: number) =>
      Object.fromEntries(
        (await deployedCounts(t.db, coordinator, { date, level })).map((c) => [c.name, c.count]),
      );
    expect(await at("2022-06-01", 2)).toEqual({ Ségou: 2, Sikasso: 0 });
    expect(await at("2025-01-01", 2)).toEqual({ Ségou: 2, Sikasso: 2 });
    expect(await at("2023-06-30", 3)).toEqual({ Barouéli: 2, "District de Sikasso": 1 });
    expect(await at("2023-07-01", 4)).toEqual({
      "CSCom Boidié": 1,
      "CSCom Dougoukolobougou": 1,
      "CSCom Koumantou": 1,
      "CSCom Zambougou-Cinzana": 0,
    });
    const inSegou = await deployedCounts(t.db, coordinator, {
      date: "2025-01-01",
      level: 4,
      within: ids.SEG ?? 0,
    });
    expect(inSegou.map((c) => [c.name, c.count])).toEqual([
      ["CSCom Boidié", 1],
      ["CSCom Zambougou-Cinzana", 1],
    ]);
    expect(
      await deploymentTimeline(t.db, coordinator, {
        from: "2021-12-01",
        to: "2022-03-15",
        within: ids.SEG ?? 0,
      }),
    ).toEqual([
      { date: "2021-12-01", count: 0 },
      { date: "2022-01-01", count: 0 },
      { date: "2022-02-01", count: 1 },
      { date: "2022-03-01", count: 2 },
    ]);
  });

  it("records trainings and filters the register by region, topic and deployment", async () => {
    await recordTraining(t.db, manager, {
      midwifeId: midwife.aminata ?? 0,
      topic: "emonc",
      date: "2022-02-15",
      provider: "UNFPA",
    });
    await recordTraining(t.db, manager, {
      midwifeId: midwife.aminata ?? 0,
      topic: "pmtct",
      date: "2022-05-15",
      provider: "",
    });
    expect(
      await problemOf(
        recordTraining(t.db, manager, {
          midwifeId: midwife.awa ?? 0,
          topic: "cooking",
          date: "2099-01-01",
          provider: "",
        }),
      ),
    ).toEqual({ code: "invalid_input", issues: ["topic.invalid", "date.invalid"] });
    const names = async (f: Parameters<typeof register>[2]) =>
      (await register(t.db, coordinator, f)).map((r) => r.name);
    expect(await names({ date: "2025-01-01", within: ids.SIK ?? 0 })).toEqual([
      "Awa Yossi",
      "Djeneba Diallo",
    ]);
    expect(await names({ date: "2025-01-01", topic: "emonc" })).toEqual(["Aminata Coulibaly"]);
    expect(await names({ date: "2022-06-01", deployed: false })).toEqual([
      "Djeneba Diallo",
      "Oumou Sidibé",
    ]);
    const rows = await register(t.db, coordinator, { date: "2022-06-01", deployed: true });
    expect(rows.map((r) => [r.name, r.facility?.name, r.since, r.topics])).toEqual([
      ["Aminata Coulibaly", "CSCom Boidié", "2022-01-10", ["emonc", "pmtct"]],
      ["Awa Yossi", "CSCom Zambougou-Cinzana", "2022-03-01", []],
    ]);
    expect(JSON.stringify(rows)).not.toContain("+223");
  });

  it("keeps every write in the audit log", async () => {
    const entities = await t.db
      .selectFrom("audit_log")
      .select(["entity"])
      .where("actor", "=", "user:7")
      .groupBy("entity")
      .orderBy("entity")
      .execute();
    expect(entities.map((e) => e.entity)).toEqual([
      "deployments",
      "midwives",
      "programme_commitments",
      "programme_indicators",
      "programme_regions",
      "programmes",
      "trainings",
    ]);
  });
});
