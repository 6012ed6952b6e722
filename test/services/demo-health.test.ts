// The demo's health world, loaded through the health imports before the Mali 2022 world: its map,
// catalogue and values are all there, a district's roll-up is the sum of its centres' values, the
// analytics API gives a visitor the monitoring mission's figures for a public indicator, and the
// Mali world's skilled-birth-attendance goal reads its figures from these values.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISTRICT_FIGURES, demoValues, ELEMENTS } from "../../src/demo/health/index.ts";
import { DEMO_ACTOR, loadDemoWorlds, loadHealthDemo } from "../../src/demo/load.ts";
import { createApp } from "../../src/http/app.ts";
import { getCommitmentPage } from "../../src/services/tracker/scorecard.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

const TABLES = [
  "org_units",
  "org_unit_levels",
  "data_elements",
  "health_indicators",
  "data_values",
  "health_indicator_targets",
] as const;

describe.each(backends)("the demo's health world on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;

  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of TABLES) {
      const r = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db);
      out[table] = r.rows[0]?.n ?? -1;
    }
    return out;
  }

  /** A visitor's analytics answer, as rows of [dx, pe, value]. */
  async function analytics(query: string): Promise<[string, string, number][]> {
    const res = await app.request(`/api/analytics?${query}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: [string, string, string][] };
    return body.rows.map(([dx, pe, v]) => [dx, pe, Number(v)]);
  }

  beforeAll(async () => {
    t = await freshDatabase(backend);
    const { report, health } = await loadDemoWorlds(t, { reset: false });
    expect(report.loaded).toBe(true);
    expect(health).toEqual({ loaded: true, units: 85, values: 15072, indicators: 6 });
    app = createApp({
      db: t.db,
      secureCookies: false,
      baseUrl: "http://jalon.test",
    });
  });
  afterAll(() => t.dispose());

  it("holds Mali, its 11 regions, 14 districts and 59 CSComs, each with its point", async () => {
    const levels = await t.db
      .selectFrom("org_units")
      .select(["level", sql<number>`count(*)::int`.as("n")])
      .groupBy("level")
      .orderBy("level")
      .execute();
    expect(levels).toEqual([
      { level: 1, n: 1 },
      { level: 2, n: 11 },
      { level: 3, n: 14 },
      { level: 4, n: 59 },
    ]);
    const boidie = await t.db
      .selectFrom("org_units")
      .select(["name", "geometry", "uid"])
      .where("code", "=", "ML_SEG_BAR_BOIDIE")
      .executeTakeFirstOrThrow();
    expect(boidie.name).toBe("CSCom de Boidié");
    expect(boidie.uid).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/);
    expect(boidie.geometry).toMatchObject({ type: "Point" });
    const names = await t.db
      .selectFrom("org_unit_levels")
      .select(["name", "name_en"])
      .orderBy("level")
      .execute();
    expect(names.map((l) => [l.name, l.name_en])).toEqual([
      ["Pays", "Country"],
      ["Région", "Region"],
      ["District sanitaire", "Health district"],
      ["Aire de santé", "Health area"],
    ]);
  });

  it("holds the catalogue, three years of values, four public indicators and six milestones", async () => {
    expect(await counts()).toEqual({
      org_units: 85,
      org_unit_levels: 4,
      data_elements: ELEMENTS.length,
      health_indicators: 6,
      data_values: 15072,
      health_indicator_targets: 6,
    });
    const periods = await t.db
      .selectFrom("data_values")
      .select([sql<string>`min(period)`.as("first"), sql<string>`max(period)`.as("last")])
      .executeTakeFirstOrThrow();
    expect(periods).toEqual({ first: "202201", last: "202412" });
    const open = await t.db
      .selectFrom("health_indicators")
      .select("code")
      .where("is_public", "=", true)
      .orderBy("code")
      .execute();
    expect(open.map((i) => i.code)).toEqual([
      "IND_ACC_ASSIST",
      "IND_CPN1_COUV",
      "IND_CPN4_COUV",
      "IND_PF_NOUV",
    ]);
    // The imports audited their batches, and each publication.
    const audited = await t.db
      .selectFrom("audit_log")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("actor", "=", DEMO_ACTOR)
      .where("entity", "=", "health_indicator")
      .executeTakeFirstOrThrow();
    expect(audited.n).toBe(4);
  });

  it("is the same world on every build", () => {
    expect(demoValues()).toEqual(demoValues());
  });

  it("rolls Barouéli's 2022 CPN1 up from its nine centres: 4 193 of 5 915 expected pregnancies", async () => {
    // 70.88 % of 5 915 is 4 192.55: the district's count is 4 193.
    const cpn1 = ELEMENTS.find((e) => e.key === "cpn1")?.uid ?? "";
    const pregnancies = ELEMENTS.find((e) => e.key === "pregnancies")?.uid ?? "";
    const raw = async (uid: string) => {
      const r = await sql<{ n: number }>`
        select sum(v.value)::int as n from data_values v
        join org_units u on u.id = v.org_unit_id
        join org_units d on d.id = u.parent_id
        join data_elements e on e.id = v.data_element_id
        where d.code = 'ML_SEG_BAR' and e.uid = ${uid} and v.period like '2022%'`.execute(t.db);
      return r.rows[0]?.n;
    };
    const rolled = async (uid: string) => {
      const r = await sql<{ n: number }>`
        select sum(r.sum)::int as n from data_value_rollups r
        join org_units d on d.id = r.org_unit_id
        join data_elements e on e.id = r.data_element_id
        where d.code = 'ML_SEG_BAR' and e.uid = ${uid} and r.bucket like '2022%'`.execute(t.db);
      return r.rows[0]?.n;
    };
    expect(await raw(cpn1)).toBe(4193);
    expect(await rolled(cpn1)).toBe(4193);
    expect(await raw(pregnancies)).toBe(5915);
    expect(await rolled(pregnancies)).toBe(5915);
  });

  it("answers a visitor with the mission's figures for public indicators", async () => {
    const baroueli = await analytics(
      "dimension=dx:IND_CPN1_COUV&dimension=pe:2022;2024&filter=ou:ML_SEG_BAR",
    );
    const [from, , to] = DISTRICT_FIGURES.ML_SEG_BAR?.cpn1 ?? [];
    expect(baroueli.map(([, pe]) => pe)).toEqual(["2022", "2024"]);
    expect(baroueli[0]?.[2]).toBeCloseTo(from ?? 0, 1);
    expect(baroueli[1]?.[2]).toBeCloseTo(to ?? 0, 1);
    expect(baroueli[0]?.[2]).toBeCloseTo(70.88, 1);
    expect(baroueli[1]?.[2]).toBeCloseTo(81.69, 1);
    // Sikasso's region: skilled birth attendance 62 % and CPN4 23 % at the end of 2024.
    const sikasso = await analytics(
      "dimension=dx:IND_ACC_ASSIST;IND_CPN4_COUV&dimension=pe:2024&filter=ou:ML_SIK",
    );
    // Rows name the indicator by uid, whether it was asked for by uid or by code.
    expect(Object.fromEntries(sikasso.map(([dx, , v]) => [dx, Math.round(v * 100) / 100]))).toEqual(
      {
        IqMlAccAsst: 62,
        IqMlCpn4Cov: 23,
      },
    );
    // Not public: refused to a visitor.
    const closed = await app.request(
      "/api/analytics?dimension=dx:IND_DECES_MAT_RATIO&dimension=pe:2024&filter=ou:ML_SIK",
    );
    expect([401, 403]).toContain(closed.status);
  });

  it("shows the explorer's table for a public indicator by district", async () => {
    const region = await t.db
      .selectFrom("org_units")
      .select("uid")
      .where("code", "=", "ML_SIK")
      .executeTakeFirstOrThrow();
    const res = await app.request(
      `/health/explorer?dx=IqMlAccAsst&ou=${region.uid}&level=3&pt=Yearly&from=2022-01&to=2024-12`,
    );
    expect(res.status).toBe(200);
    const page = await res.text();
    for (const district of ["Bougouni", "Kadiolo", "Koutiala", "Sikasso"])
      expect(page).toContain(district);
    expect(page).toContain("Taux d’accouchements assistés");
    // The values are the demo's: the page says they are synthetic.
    expect(page).toContain("Données de démonstration");
  });

  it("measures commitment 5's goal with Mali's skilled birth attendance, computed from the values", async () => {
    // By hand from the centres' monthly values: 2024's assisted deliveries over expected ones.
    const sum = (key: string, year: string) => {
      const uid = ELEMENTS.find((e) => e.key === key)?.uid;
      return demoValues()
        .filter((v) => v.element === uid && v.period.startsWith(year))
        .reduce((n, v) => n + v.value, 0);
    };
    expect([sum("assisted", "2024"), sum("deliveries", "2024")]).toEqual([29609, 45174]);
    const page = await getCommitmentPage(t.db, "2022", 5, "fr");
    const [goal] = page.commitment.outcomes;
    expect(goal?.series).toEqual({
      code: "sba-ml",
      name: "Taux d’accouchements assistés par du personnel qualifié, Mali (DHIS2)",
      sourceKind: "health_indicator",
    });
    expect(goal?.points.map((p) => [p.year, Math.round(p.value * 100) / 100])).toEqual(
      expect.arrayContaining([
        [2022, 59.1],
        [2023, 62.33],
        [2024, 65.54],
      ]),
    );
    const latest = goal?.reading.latest;
    expect(latest?.year).toBe(2024);
    expect(latest?.value).toBeCloseTo((100 * 29609) / 45174, 1);
    expect(latest?.source).toBe("DHIS2");
    // The public page shows it, as a visitor reads it.
    const html = await (await app.request("/cycles/2022/commitments/5")).text();
    expect(html).toContain("65,5");
  });

  it("reloads both worlds after a reset, and not twice without one", async () => {
    const before = await counts();
    const again = await loadDemoWorlds(t, { reset: false });
    expect([again.report.loaded, again.health.loaded]).toEqual([false, false]);
    expect((await loadHealthDemo(t)).loaded).toBe(false);
    const reloaded = await loadDemoWorlds(t, { reset: true });
    expect([reloaded.report.loaded, reloaded.health.loaded]).toEqual([true, true]);
    expect(await counts()).toEqual(before);
    const series = await t.db
      .selectFrom("outcome_series")
      .select("source_kind")
      .where("code", "=", "sba-ml")
      .executeTakeFirstOrThrow();
    expect(series.source_kind).toBe("health_indicator");
  });
});
