// The Mali 2022 demo world, loaded through the services, is consistent with the report as
// docs/DEMO-DATA.md records it, and every row it writes is in the audit log.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { worldTables } from "../../src/db/reset.ts";
import { DEMO_ACTOR, loadDemo } from "../../src/demo/load.ts";
import { getDirectory, getPartnerPage } from "../../src/services/tracker/partners.ts";
import { getCommitmentPage, getScorecard } from "../../src/services/tracker/scorecard.ts";
import { getSynthesis } from "../../src/services/tracker/synthesis.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

const TABLES = [
  "trackers",
  "cycles",
  "commitments",
  "commitment_goals",
  "outcome_series",
  "indicators",
  "partners",
  "mappings",
  "responses",
  "response_collaborators",
  "response_outputs",
  "response_evidence",
  "meetings",
  "meeting_participants",
  "assessments",
  "difficulties",
  "recommendations",
  "commitment_verdicts",
  "acronyms",
  "cycle_texts",
  "response_translations",
  "unit_translations",
] as const;

describe.each(backends)("the Mali 2022 demo world on %s", (backend) => {
  let t: TestDatabase;

  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const r = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db);
      counts[table] = r.rows[0]?.n ?? -1;
    }
    return counts;
  }

  beforeAll(async () => {
    t = await freshDatabase(backend);
  });
  afterAll(() => t.dispose());

  it("loads into an empty database, then refuses to load twice without reset", async () => {
    const first = await loadDemo(t, { reset: false });
    expect(first).toEqual({
      loaded: true,
      partners: 33,
      commitments: 6,
      indicators: 15,
      responses: 77,
    });
    const again = await loadDemo(t, { reset: false });
    expect(again.loaded).toBe(false);
    expect((await rowCounts()).responses).toBe(77);
  });

  it("audits every row it writes", async () => {
    const counts = await rowCounts();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const audited = await t.db
      .selectFrom("audit_log")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("actor", "=", DEMO_ACTOR)
      .where("action", "=", "create")
      .executeTakeFirstOrThrow();
    expect(audited.n).toBe(total);
  });

  it("has the report's six commitments, goals and statuses", async () => {
    const s = await getScorecard(t.db, undefined, "fr");
    expect(s.context.cycle.slug).toBe("2022");
    expect(s.commitments.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.commitments.map((c) => c.indicators.length)).toEqual([2, 2, 3, 2, 3, 3]);
    const mcpr = s.commitments[1]?.goals[0];
    expect(mcpr).toMatchObject({
      unit: "%",
      baselineValue: 17,
      baselineYear: 2020,
      targetValue: 40,
      targetYear: 2030,
    });
    expect(mcpr?.baselineSource).toBe("Track20");
    expect(s.commitments[2]?.goals.map((g) => [g.baselineValue, g.targetValue])).toEqual([
      [20, 13],
      [22, 15],
    ]);
    // Section headings first, recap table where a heading is silent (docs/DEMO-DATA.md, item 1).
    expect(s.counts).toEqual({ achieved: 8, on_track: 7, off_track: 0, not_assessed: 0 });
    const status = Object.fromEntries(
      s.commitments.flatMap((c) => c.indicators.map((i) => [i.number, i.status])),
    );
    expect(status).toMatchObject({
      "1.1": "achieved",
      "1.2": "on_track",
      "2.1": "achieved",
      "2.2": "on_track",
      "6.3": "on_track",
    });
    // Every commitment is on track by the rule; the 2022 workshop recorded 3 and 4 as lagging.
    expect(s.summary).toMatchObject({ total: 6, onTrackOrBetter: 4 });
    expect(s.commitments.map((c) => c.verdict)).toEqual([
      "on_track",
      "on_track",
      "off_track",
      "off_track",
      "on_track",
      "on_track",
    ]);
  });

  it("lists the contributions under indicator 2.2 with their quantified outputs", async () => {
    const page = await getCommitmentPage(t.db, "2022", 2, "fr");
    const training = page.indicators.find((i) => i.number === "2.2");
    expect(training?.code).toBe("d");
    expect(training?.buildingBlocks).toContain("health_workforce");
    const partners = training?.contributions.map((c) => c.partner.shortName);
    expect(partners).toEqual(
      expect.arrayContaining(["ONASR", "PSI", "UNFPA", "MSI", "Jhpiego", "SWEDD"]),
    );
    expect(partners).toHaveLength(6);
    const psi = training?.contributions.find((c) => c.partner.shortName === "PSI");
    expect(psi?.outputs).toContainEqual({ value: 619, unit: "prestataires formés" });
    const msi = training?.contributions.find((c) => c.partner.shortName === "MSI");
    expect(msi?.outputs.map((o) => o.value)).toEqual(expect.arrayContaining([211, 10]));
  });

  it("records the state's 2022 allocation of 33 000 000 FCFA under 6.3", async () => {
    const page = await getCommitmentPage(t.db, "2022", 6, "fr");
    const allocation = page.indicators.find((i) => i.number === "6.3");
    expect(allocation?.contributions).toHaveLength(1);
    expect(allocation?.contributions[0]?.partner.shortName).toBe("MSDS");
    expect(allocation?.contributions[0]?.outputs).toContainEqual({
      value: 33_000_000,
      unit: "FCFA",
    });
  });

  it("computes the synthesis from the contributions", async () => {
    const s = await getSynthesis(t.db, "2022", "en");
    expect(s.contributors).toHaveLength(14);
    const perBlock = Object.fromEntries(s.blocks.map((b) => [b.block, b.partners.length]));
    // Our categorisation's figures, documented against the report's in docs/DEMO-DATA.md (item 11).
    expect(perBlock).toEqual({
      leadership_governance: 12,
      service_delivery: 10,
      health_information: 7,
      health_financing: 8,
      health_workforce: 6,
      essential_medicines: 7,
    });
    expect(s.difficulties.map((d) => [d.level, d.items.length])).toEqual([
      ["tracking", 4],
      ["state", 4],
      ["stakeholders", 6],
    ]);
    expect(s.recommendations).toHaveLength(3);
    expect(s.meetings[0]?.participants).toHaveLength(14);
    // English content where it was written, French otherwise.
    expect(s.recap[1]?.title).toMatch(/contracepti/i);
  });

  it("groups partners by category and shows what each contributed", async () => {
    const d = await getDirectory(t.db, "fr");
    expect(d.total).toBe(33);
    expect(d.groups.map((g) => g.category)).toEqual([
      "government",
      "donor",
      "international_ngo",
      "local_ngo",
      "private_sector",
    ]);
    const onasr = d.groups[0]?.partners.find((p) => p.acronym === "ONASR");
    expect(onasr?.contributions).toBeGreaterThan(5);
    const page = await getPartnerPage(t.db, "psi", "fr");
    expect(page.cycles[0]?.contributions.map((c) => c.indicator.number)).toEqual(["2.2", "5.3"]);
  });

  it("derives the world it resets from the foreign keys, children first", async () => {
    const tables = await worldTables(t.db);
    const health = [
      "org_units",
      "org_unit_ancestors",
      "org_unit_levels",
      "data_elements",
      "data_values",
      "data_value_rollups",
      "category_combos",
      "category_option_combos",
      "health_indicators",
      "health_indicator_targets",
      "constants",
    ];
    const programme = [
      "programmes",
      "programme_regions",
      "programme_commitments",
      "programme_indicators",
      "programme_indicator_targets",
      "midwives",
      "deployments",
      "trainings",
      "missions",
      "mission_regions",
      "mission_delegates",
      "mission_visits",
      "mission_visit_figures",
      "mission_recommendations",
      "mission_follow_ups",
      "testimonials",
      "testimonial_consents",
      "testimonial_photos",
      "programme_publications",
    ];
    expect([...tables].sort()).toEqual(
      // A series' figures are audited by one import event per file, not a record per figure.
      [
        ...TABLES,
        "client_writes",
        "collection_extensions",
        "invitations",
        "outcome_points",
        "report_covers",
        "report_logos",
        "report_sections",
        ...health,
        ...programme,
      ].sort(),
    );
    expect(tables.indexOf("responses")).toBeLessThan(tables.indexOf("partners"));
    expect(tables.indexOf("partners")).toBeLessThan(tables.indexOf("trackers"));
    expect(tables.indexOf("data_values")).toBeLessThan(tables.indexOf("org_units"));
    expect(tables.indexOf("mission_follow_ups")).toBeLessThan(
      tables.indexOf("mission_recommendations"),
    );
    expect(tables.indexOf("missions")).toBeLessThan(tables.indexOf("programmes"));
    expect(tables.indexOf("programme_publications")).toBeLessThan(tables.indexOf("programmes"));
    expect(tables.indexOf("data_values")).toBeLessThan(tables.indexOf("category_option_combos"));
    expect(tables.indexOf("category_option_combos")).toBeLessThan(
      tables.indexOf("category_combos"),
    );
  });

  it("reloads the same world after a reset, and keeps the accounts that are not a partner's", async () => {
    const before = await rowCounts();
    const partner = await t.db
      .selectFrom("partners")
      .select("id")
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("users")
      .values([
        { email: "coord@example.org", name: "Coordination", role: "coordinator", partner_id: null },
        {
          email: "resp@example.org",
          name: "Répondante",
          role: "respondent",
          partner_id: partner.id,
        },
      ])
      .execute();
    const report = await loadDemo(t, { reset: true });
    expect(report.loaded).toBe(true);
    expect(await rowCounts()).toEqual(before);
    const emails = await t.db.selectFrom("users").select("email").orderBy("email").execute();
    expect(emails.map((u) => u.email)).toEqual(["coord@example.org"]);
    const reset = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "delete")
      .where("entity", "=", "all")
      .execute();
    expect(reset).toHaveLength(1);
  });
});
