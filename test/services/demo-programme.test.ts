// The demo's programme, loaded over the health and Mali worlds: the community-midwife deployment
// with the mission's facts — 37 midwives in 37 centres of Ségou, Boidié's midwife since January
// 2022 and her four trainings, Zambougou-Cinzana's midwife since August 2024 after an earlier one
// was transferred — and the links to commitment 5 and to the health indicators it follows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUnits } from "../../src/db/health/org-units.ts";
import { deployedCountsAt, deploymentsWithin } from "../../src/db/programme/deployments.ts";
import { trainingsOf } from "../../src/db/programme/midwives.ts";
import {
  programmeCommitments,
  programmeIndicators,
  programmeRegions,
} from "../../src/db/programme/programmes.ts";
import { loadDemoWorlds } from "../../src/demo/load.ts";
import { demoMidwives } from "../../src/demo/programme/index.ts";
import { DEMO_MISSION } from "../../src/demo/programme/stories.ts";
import { keyRecommendations } from "../../src/services/programme/missions.ts";
import { publicTestimonials } from "../../src/services/programme/testimonials.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

describe.each(backends)("the demo's programme on %s", (backend) => {
  let t: TestDatabase;
  let programmeId: number;
  const unit = async (code: string) => {
    const found = (await findUnits(t.db, [code])).get(code);
    if (!found) throw new Error(code);
    return found.id;
  };

  beforeAll(async () => {
    t = await freshDatabase(backend);
    const { programme } = await loadDemoWorlds(t, { reset: false });
    expect(programme).toEqual({
      loaded: true,
      programmes: 1,
      midwives: 48,
      deployments: 48,
      missions: 1,
      testimonials: 5,
    });
    const row = await t.db.selectFrom("programmes").select("id").executeTakeFirstOrThrow();
    programmeId = row.id;
  });
  afterAll(() => t.dispose());

  it("counts 37 midwives in Ségou's 37 centres at the mission's time", async () => {
    const regions = await deployedCountsAt(t.db, { date: "2024-12-01", level: 2, programmeId });
    const byName = Object.fromEntries(regions.map((r) => [r.name, r.count]));
    expect(byName).toMatchObject({ Ségou: 37, Sikasso: 7, Koulikoro: 3 });
    const segou = await unit("ML_SEG");
    const centres = await deployedCountsAt(t.db, {
      date: "2024-12-01",
      level: 4,
      within: segou,
      programmeId,
    });
    expect(centres).toHaveLength(37);
    expect(centres.every((c) => c.count === 1)).toBe(true);
  });

  it("keeps Zambougou-Cinzana's history: a midwife until June 2024, the next from August", async () => {
    const cinzana = await unit("ML_SEG_SEG_CINZANA");
    const at = async (date: string) =>
      (await deployedCountsAt(t.db, { date, level: 4, within: await unit("ML_SEG_SEG") })).find(
        (c) => c.orgUnitId === cinzana,
      )?.count;
    expect(await at("2024-06-30")).toBe(1);
    expect(await at("2024-07-15")).toBe(0);
    expect(await at("2024-08-05")).toBe(1);
    const there = await deploymentsWithin(t.db, { within: cinzana });
    expect(there.map((d) => [d.startDate, d.endDate, d.endReason])).toEqual([
      ["2022-03-01", "2024-06-30", "transferred"],
      ["2024-08-05", null, null],
    ]);
  });

  it("gives Boidié's midwife, there since January 2022, her four trainings", async () => {
    const [boidie] = await deploymentsWithin(t.db, { within: await unit("ML_SEG_BAR_BOIDIE") });
    expect(boidie?.startDate).toBe("2022-01-10");
    const trainings = await trainingsOf(t.db, boidie?.midwifeId ?? 0);
    expect(trainings.map((x) => x.topic).sort()).toEqual(
      ["emonc", "family_planning", "malaria", "pmtct"].sort(),
    );
  });

  it("links the programme to its seven regions, commitment 5 and four health indicators", async () => {
    expect(await programmeRegions(t.db, programmeId)).toHaveLength(7);
    const links = await programmeCommitments(t.db, programmeId);
    expect(links).toHaveLength(1);
    const commitment = await t.db
      .selectFrom("commitments")
      .select("number")
      .where("id", "=", links[0]?.commitmentId ?? 0)
      .executeTakeFirstOrThrow();
    expect(commitment.number).toBe(5);
    expect((await programmeIndicators(t.db, programmeId)).map((i) => i.name)).toHaveLength(4);
  });

  it("is the same register on every build, with invented names that do not repeat", () => {
    const a = demoMidwives();
    expect(demoMidwives()).toEqual(a);
    expect(new Set(a.map((m) => m.name)).size).toBe(a.length);
  });

  it("holds the joint mission: five visits, four recommendations, three of them key", async () => {
    const key = await keyRecommendations(t.db, programmeId);
    expect(key).toHaveLength(3);
    expect(key.every((r) => r.missionTitle === DEMO_MISSION.title)).toBe(true);
    // Each key recommendation has the status its last follow-up gave it.
    for (const r of key) {
      const story = DEMO_MISSION.recommendations.find((d) => d.text === r.text);
      expect(r.status).toBe(story?.followUps.at(-1)?.status ?? "open");
    }
    const visits = await t.db.selectFrom("mission_visits").select("id").execute();
    expect(visits).toHaveLength(5);
    const figures = await t.db
      .selectFrom("mission_visit_figures as f")
      .innerJoin("mission_visits as v", "v.id", "f.visit_id")
      .innerJoin("org_units as u", "u.id", "v.org_unit_id")
      .select(["f.value", "f.label"])
      .where("u.code", "=", "ML_SIK_SIK_DOUGOUKOLOBOUGOU")
      .orderBy("f.id")
      .execute();
    expect(figures.map((f) => Number(f.value))).toEqual([21, 15, 17]);
  });

  it("shows each testimonial only where its consent lets it: public page, cards, report", async () => {
    const web = await publicTestimonials(t.db, programmeId, "public_web");
    const social = await publicTestimonials(t.db, programmeId, "social_media");
    const report = await publicTestimonials(t.db, programmeId, "report");
    // Five in all: one kept to the report, one whose consent was withdrawn in May 2025.
    expect(web).toHaveLength(3);
    expect(social).toHaveLength(2);
    expect(report).toHaveLength(4);
    const names = web.map((w) => (w.disclosure === "identified" ? w.name : null));
    expect(names).toContain("Nafissatou Traoré");
    expect(names).not.toContain("Sanata Konaté");
    // A midwife speaks under her name in the register, at the centre where she works.
    const midwives = web.filter((w) => w.role === "midwife");
    expect(midwives).toHaveLength(1);
    const [midwife] = midwives;
    const registered = demoMidwives().map((m) => m.name);
    expect(midwife?.disclosure === "identified" && registered.includes(midwife.name ?? "")).toBe(
      true,
    );
  });
});
