// Outcome goals on both stores: the demo's series read against its goals, a coordinator's goal
// checked then saved and audited, series created (imported, or following a public health
// indicator) and series files imported, a dry run storing nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setIndicatorPublic } from "../../src/db/health/catalogue.ts";
import { loadDemo } from "../../src/demo/load.ts";
import type { Actor } from "../../src/domain/shared/policy.ts";
import { isProblem } from "../../src/domain/shared/problem.ts";
import {
  createSeries,
  getOutcomeSetup,
  importSeries,
  saveOutcomeGoal,
} from "../../src/services/tracker/outcome-setup.ts";
import { outcomesOf } from "../../src/services/tracker/outcomes.ts";
import { getCommitmentPage } from "../../src/services/tracker/scorecard.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { loadHealthWorld } from "../support/health-app.ts";
import { SYSTEM } from "../support/world.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/outcomes");
const VALIDATOR: Actor = { kind: "user", userId: 0, role: "validator", partnerId: null, name: "v" };

const goalForm = {
  label: "Couverture CPN1 à Barouéli",
  labelEn: "ANC1 coverage in Barouéli",
  unit: "%",
  baselineYear: "2020",
  baselineValue: "80",
  baselineSource: "DHIS2",
  targetYear: "2025",
  targetValue: "100",
  direction: "increase",
  series: "",
};

describe.each(backends)("outcome goals on %s", (backend) => {
  let t: TestDatabase;
  const commitmentId = async (n: number) =>
    (await getOutcomeSetup(t.db, SYSTEM, "fr")).commitments.find((c) => c.number === n)?.id ?? 0;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadDemo(t, { reset: false });
  });
  afterAll(() => t.dispose());

  it("reads the demo's goals against their series, as of a year", async () => {
    const views = await outcomesOf(
      t.db,
      [await commitmentId(2), await commitmentId(3)],
      "fr",
      2024,
    );
    const [mcpr] = views.get(await commitmentId(2)) ?? [];
    expect(mcpr?.series?.code).toBe("mcpr-mw");
    expect(mcpr?.reading.latest).toEqual({
      year: 2023,
      value: 18.5,
      source: "Track20 FPET",
      url: "https://www.track20.org/",
      kind: "estimate",
    });
    expect(mcpr?.reading.expected).toBeCloseTo(23.9);
    expect(mcpr?.reading.suggestion).toBe("off_track");
    const unmet = views.get(await commitmentId(3)) ?? [];
    expect(unmet.map((o) => [o.direction, o.reading.latest?.year, o.reading.suggestion])).toEqual([
      ["decrease", 2022, "off_track"],
      ["decrease", 2022, "on_track"],
    ]);
    // As of 2018, the latest is the 2018 survey, which wins over that year's estimate.
    const early = await outcomesOf(t.db, [await commitmentId(2)], "fr", 2018);
    expect(early.get(await commitmentId(2))?.[0]?.reading.latest?.kind).toBe("survey");
  });

  it("keeps the validated verdict beside the suggestion on the commitment page", async () => {
    const page = await getCommitmentPage(t.db, "2022", 2, "en");
    expect(page.commitment.verdict).toBe("on_track");
    expect(page.commitment.outcomes[0]?.label).toBe("Modern contraceptive prevalence rate (mCPR)");
    expect(page.commitment.outcomes[0]?.reading.suggestion).toBe("off_track");
  });

  it("refuses a goal with every error named, writing nothing", async () => {
    const before = await t.db
      .selectFrom("audit_log")
      .select(t.db.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    const r = await saveOutcomeGoal(
      t.db,
      SYSTEM,
      5,
      null,
      {
        ...goalForm,
        label: "",
        baselineValue: "douze",
        targetYear: "20",
        direction: "decrease",
        series: "nope",
      },
      "fr",
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        label: "required",
        baseline_value: "invalid",
        target_year: "invalid",
        series: "unknown",
      },
    });
    const after = await t.db
      .selectFrom("audit_log")
      .select(t.db.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const contradicts = await saveOutcomeGoal(
      t.db,
      SYSTEM,
      5,
      null,
      { ...goalForm, direction: "decrease" },
      "fr",
    );
    expect(contradicts).toEqual({ ok: false, errors: { direction: "contradicts" } });
  });

  it("lets only coordinators define goals", async () => {
    await expect(saveOutcomeGoal(t.db, VALIDATOR, 5, null, goalForm, "fr")).rejects.toSatisfy(
      (e: unknown) => isProblem(e) && e.code === "forbidden",
    );
    await expect(saveOutcomeGoal(t.db, SYSTEM, 99, null, goalForm, "fr")).rejects.toSatisfy(
      (e: unknown) => isProblem(e) && e.code === "not_found",
    );
  });

  it("follows a public health indicator at a unit, through the health services", async () => {
    await loadHealthWorld(t);
    const refused = await createSeries(
      t.db,
      SYSTEM,
      {
        code: "cpn1-bar",
        name: "CPN1 Barouéli",
        nameEn: "",
        unit: "%",
        sourceKind: "health_indicator",
        indicator: "CPN1_COUV",
        orgUnit: "OU_NOWHERE",
      },
      "fr",
    );
    expect(refused).toEqual({ ok: false, errors: { org_unit: "unknown" } });
    const hidden = await createSeries(
      t.db,
      SYSTEM,
      {
        code: "cpn1-bar",
        name: "CPN1 Barouéli",
        nameEn: "",
        unit: "%",
        sourceKind: "health_indicator",
        indicator: "CPN1_COUV",
        orgUnit: "DisBar00001",
      },
      "fr",
    );
    expect(hidden).toEqual({ ok: false, errors: { indicator: "not_public" } });
    const indicator = await t.db
      .selectFrom("health_indicators")
      .select("id")
      .where("code", "=", "CPN1_COUV")
      .executeTakeFirstOrThrow();
    await setIndicatorPublic(t.db, indicator.id, true);
    expect(
      await createSeries(
        t.db,
        SYSTEM,
        {
          code: "cpn1-bar",
          name: "CPN1 Barouéli",
          nameEn: "",
          unit: "%",
          sourceKind: "health_indicator",
          indicator: "CPN1_COUV",
          orgUnit: "DisBar00001",
        },
        "fr",
      ),
    ).toEqual({ ok: true });
    expect(
      await saveOutcomeGoal(t.db, SYSTEM, 5, null, { ...goalForm, series: "cpn1-bar" }, "fr"),
    ).toEqual({ ok: true });
    const views = await outcomesOf(t.db, [await commitmentId(5)], "fr", 2024);
    // After the demo's own goal (skilled birth attendance, unmeasured without its health world).
    const goal = views.get(await commitmentId(5))?.find((g) => g.series?.code === "cpn1-bar");
    // 60 visits for 660 expected pregnancies a year (averaged over its months) ÷ 12.
    expect(goal?.reading.latest?.year).toBe(2022);
    expect(goal?.reading.latest?.value).toBeCloseTo(109.09, 2);
    expect(goal?.reading.reached).toBe(true);
    expect(goal?.reading.suggestion).toBe("on_track");
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["entity", "action"])
      .where("entity", "in", ["outcome_series", "commitment_goals"])
      .where("actor", "=", "user:0")
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { entity: "outcome_series", action: "create" },
        { entity: "commitment_goals", action: "create" },
      ]),
    );
  });

  it("shows no figure for an indicator the engine cannot compute, rather than failing", async () => {
    // Stored as a server could hold it (the import refuses such an expression).
    await t.db
      .insertInto("health_indicators")
      .values({
        code: "BROKEN",
        name: "Cassé",
        numerator: "#{DeAnc100001} +",
        denominator: "1",
        is_public: true,
      })
      .execute();
    const form = {
      code: "broken",
      name: "Cassé",
      nameEn: "",
      unit: "%",
      sourceKind: "health_indicator",
      indicator: "BROKEN",
      orgUnit: "DisBar00001",
    };
    expect(await createSeries(t.db, SYSTEM, form, "fr")).toEqual({ ok: true });
    expect(
      await saveOutcomeGoal(t.db, SYSTEM, 4, null, { ...goalForm, series: "broken" }, "fr"),
    ).toEqual({ ok: true });
    const [goal] =
      (await outcomesOf(t.db, [await commitmentId(4)], "fr", 2024)).get(await commitmentId(4)) ??
      [];
    expect(goal?.reading).toMatchObject({ latest: null, suggestion: "no_data" });
  });

  it("changes a goal in place, audited before and after", async () => {
    const goal = (await getOutcomeSetup(t.db, SYSTEM, "fr")).commitments
      .find((c) => c.number === 5)
      ?.goals.find((g) => g.label === goalForm.label);
    expect(goal).toBeDefined();
    const r = await saveOutcomeGoal(
      t.db,
      SYSTEM,
      5,
      goal?.goalId ?? 0,
      { ...goalForm, targetValue: "120", series: "cpn1-bar" },
      "fr",
    );
    expect(r).toEqual({ ok: true });
    const row = await t.db
      .selectFrom("commitment_goals")
      .selectAll()
      .where("id", "=", goal?.goalId ?? 0)
      .executeTakeFirstOrThrow();
    expect(row.target_value).toBe(120);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("entity", "=", "commitment_goals")
      .where("action", "=", "update")
      .where("entity_id", "=", String(goal?.goalId))
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ target_value: 100 });
    expect(audit.after).toMatchObject({ target_value: 120 });
  });

  it("imports series files: counts, a second import unchanged, a dry run storing nothing", async () => {
    expect(
      await createSeries(
        t.db,
        SYSTEM,
        {
          code: "unmet-dhs",
          name: "Besoins non satisfaits (EDS)",
          nameEn: "",
          unit: "%",
          sourceKind: "imported",
          indicator: "",
          orgUnit: "",
        },
        "fr",
      ),
    ).toEqual({ ok: true });
    const input = {
      series: "unmet-dhs",
      format: "dhs" as const,
      bytes: new Uint8Array(readFileSync(join(FIXTURES, "dhs.json"))),
      source: "",
      url: "https://dhsprogram.com/",
      indicator: "FP_NADA_W_UNT",
      group: "",
    };
    const dry = await importSeries(t.db, SYSTEM, { ...input, dryRun: true }, "fr");
    expect(dry.ok && dry.summary).toMatchObject({ imported: 2, updated: 0, ignored: 2 });
    const stored = () =>
      t.db
        .selectFrom("outcome_points as p")
        .innerJoin("outcome_series as s", "s.id", "p.series_id")
        .select(["p.year", "p.value", "p.source"])
        .where("s.code", "=", "unmet-dhs")
        .orderBy("p.year")
        .execute();
    expect(await stored()).toEqual([]);
    const first = await importSeries(t.db, SYSTEM, input, "fr");
    expect(first.ok && first.summary.imported).toBe(2);
    expect(first.ok && first.summary.rejected.map((r) => r.reason)).toEqual(["year_invalid"]);
    expect(await stored()).toEqual([
      { year: 2012, value: 22.8, source: "DHS Program (ML2013DHS)" },
      { year: 2018, value: 20, source: "DHS Program (ML2018DHS)" },
    ]);
    const again = await importSeries(t.db, SYSTEM, input, "fr");
    expect(again.ok && again.summary).toMatchObject({ imported: 0, updated: 0, ignored: 4 });
    const changed = await importSeries(
      t.db,
      SYSTEM,
      {
        ...input,
        format: "csv",
        bytes: new TextEncoder().encode("year,value,source,kind\n2018,19.8,EDSM-VI,survey\n"),
        url: "",
      },
      "fr",
    );
    expect(changed.ok && changed.summary).toMatchObject({ imported: 0, updated: 1 });
    const imports = await t.db
      .selectFrom("audit_log")
      .select("after")
      .where("entity", "=", "outcome_points")
      .where("action", "=", "import")
      .where("actor", "=", "user:0")
      .execute();
    expect(imports).toHaveLength(2);
  });

  it("refuses an import into an unknown or health series, or a bad file, with the field named", async () => {
    const base = {
      format: "csv" as const,
      bytes: new TextEncoder().encode("x"),
      source: "",
      url: "",
      indicator: "",
      group: "",
    };
    expect(await importSeries(t.db, SYSTEM, { ...base, series: "nope" }, "fr")).toEqual({
      ok: false,
      errors: { series: "unknown" },
    });
    expect(await importSeries(t.db, SYSTEM, { ...base, series: "cpn1-bar" }, "fr")).toEqual({
      ok: false,
      errors: { series: "not_imported" },
    });
    expect(
      await importSeries(t.db, SYSTEM, { ...base, series: "unmet-dhs", url: "ftp://x" }, "fr"),
    ).toEqual({ ok: false, errors: { url: "invalid" } });
    expect(await importSeries(t.db, SYSTEM, { ...base, series: "unmet-dhs" }, "fr")).toEqual({
      ok: false,
      errors: { file: "columns_missing" },
      columns: "year, value, source",
    });
  });

  it("refuses a series code taken or malformed", async () => {
    const form = {
      code: "unmet-dhs",
      name: "",
      nameEn: "",
      unit: "%",
      sourceKind: "elsewhere",
      indicator: "",
      orgUnit: "",
    };
    expect(await createSeries(t.db, SYSTEM, form, "fr")).toEqual({
      ok: false,
      errors: { code: "taken", name: "required", source_kind: "required" },
    });
    expect(
      await createSeries(
        t.db,
        SYSTEM,
        { ...form, code: "Bad Code", name: "x", sourceKind: "imported" },
        "fr",
      ),
    ).toEqual({
      ok: false,
      errors: { code: "format" },
    });
  });
});
