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
    expect(programme).toEqual({ loaded: true, programmes: 1, midwives: 48, deployments: 48 });
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
});
