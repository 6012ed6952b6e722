// The health-data import end to end on a small tree: DHIS2 metadata, then a data value set with
// good and bad rows; the summary's counts and reasons, a re-import that changes nothing and
// leaves no audit event, a dry run that writes nothing, and analytics answers checked against
// values computed by hand — on PGlite and PostgreSQL.
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAnalyticsQuery } from "../../src/domain/health/analytics-query.ts";
import { readMetadata } from "../../src/importers/health/dhis2/metadata/read.ts";
import { readDataValues } from "../../src/importers/health/dhis2/read.ts";
import { runAnalytics } from "../../src/services/health/analytics.ts";
import { importDataValues } from "../../src/services/health/data-import.ts";
import { importMetadata } from "../../src/services/health/metadata-import.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { dv, METADATA, VALUES } from "../support/health-world.ts";

const source = (payload: unknown) => Readable.from([Buffer.from(JSON.stringify(payload))]);
const admin = { kind: "user", userId: 1, role: "admin", partnerId: null, name: "Admin" } as const;

describe.each(backends)("health import on %s", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(backend);
  });
  afterAll(() => t.dispose());

  const importValues = (payload: unknown, dryRun = false) =>
    importDataValues(t, {
      batches: readDataValues(source(payload), { batchSize: 4 }),
      actor: "test",
      source: "dhis2_file",
      fileHash: null,
      dryRun,
    });
  const analytics = async (q: string) => {
    const parsed = parseAnalyticsQuery(new URLSearchParams(q));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return runAnalytics(t.db, { actor: admin }, parsed.query);
  };
  const auditCount = async () =>
    Number(
      (
        await t.db
          .selectFrom("audit_log")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("imports the metadata, refusing what Jalon cannot compute, and a second time writes nothing", async () => {
    const first = await importMetadata(t, {
      items: readMetadata(source(METADATA)),
      actor: "test",
      fileHash: null,
      dryRun: false,
    });
    expect(first.byKind.organisationUnit).toEqual({ imported: 7, updated: 0, ignored: 0 });
    expect(first.byKind.dataElement).toEqual({ imported: 3, updated: 0, ignored: 0 });
    expect(first.rejected.map((r) => [r.collection, r.id, r.reason])).toEqual([
      ["dataElements", "DeNote00001", "value_type_unsupported"],
      ["indicators", "InBroken001", "expression_unexpected_end"],
    ]);
    const female = await t.db
      .selectFrom("category_option_combos")
      .select(["options", "is_default"])
      .where("uid", "=", "CocFemale01")
      .executeTakeFirstOrThrow();
    expect(female).toEqual({ options: { SEX: "F" }, is_default: false });
    const def = await t.db
      .selectFrom("category_option_combos")
      .select("uid")
      .where("is_default", "=", true)
      .executeTakeFirstOrThrow();
    expect(def.uid).toBe("CocDefault1");
    const audits = await auditCount();
    const second = await importMetadata(t, {
      items: readMetadata(source(METADATA)),
      actor: "test",
      fileHash: null,
      dryRun: false,
    });
    expect(second.imported + second.updated).toBe(0);
    expect(await auditCount()).toBe(audits);
  });

  it("imports values, refusing each bad row with its line and reason", async () => {
    const summary = await importValues(VALUES);
    expect([summary.imported, summary.updated, summary.ignored]).toEqual([10, 0, 0]);
    expect(summary.rejected.map((r) => [r.row, r.reason])).toEqual([
      [11, "unknown_data_element"],
      [12, "invalid_period"],
      [13, "unknown_org_unit"],
      [14, "value_negative"],
      [15, "value_not_numeric"],
      [16, "unknown_category_option_combo"],
    ]);
  });

  it("re-imports the same file without change or audit event, and a dry run writes nothing", async () => {
    const audits = await auditCount();
    const again = await importValues(VALUES);
    expect([again.imported, again.updated, again.ignored, again.rejected.length]).toEqual([
      0, 0, 10, 6,
    ]);
    expect(await auditCount()).toBe(audits);

    const changed = {
      dataValues: [
        dv("DeAnc100001", "202201", "FacBla00001", 44),
        dv("DeAnc100001", "202203", "FacBla00001", 5),
      ],
    };
    const dry = await importValues(changed, true);
    expect([dry.imported, dry.updated, dry.ignored, dry.batchId]).toEqual([1, 1, 0, null]);
    const stored = await t.db
      .selectFrom("data_values")
      .select((e) => e.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(10);
    expect(
      Number(
        (
          await t.db
            .selectFrom("data_value_staging")
            .select((e) => e.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(0);
  });

  it("answers analytics from the roll-ups as DHIS2 computes them", async () => {
    // Ségou, January: CPN1 30 + 10 + 40 = 80; expected pregnancies 600 + 120 + 480 = 1200 a year.
    // Coverage = 80 × 100 / (1200 / 12) = 80 %.
    const jan = await analytics(
      "dimension=dx:InAnc1Cov01;CPN1&dimension=pe:202201&filter=ou:RegSeg00001&includeNumDen=true",
    );
    expect(jan.headers.map((h) => h.name)).toEqual([
      "dx",
      "pe",
      "value",
      "numerator",
      "denominator",
      "factor",
    ]);
    expect(jan.rows).toEqual([
      ["InAnc1Cov01", "202201", "80", "80", "100", "100"],
      ["DeAnc100001", "202201", "80", "", "", ""],
    ]);
    expect(jan.height).toBe(2);
    expect(jan.width).toBe(6);
    expect(jan.metaData?.items.InAnc1Cov01?.name).toBe("Couverture CPN1");

    // The quarter for Barouéli: CPN1 summed (30 + 20 + 10 = 60); pregnancies averaged over the
    // months with data: January 720, February 600 → 660 a year, 55 a month → 109.09 %; Bla:
    // 40 of 480 / 12 = 100 %.
    const q1 = await analytics(
      "dimension=dx:InAnc1Cov01&dimension=ou:DisBar00001;DisBla00001&filter=pe:2022Q1",
    );
    expect(q1.rows.map((r) => [r[1], Number(r[2]).toFixed(2)])).toEqual([
      ["DisBar00001", "109.09"],
      ["DisBla00001", "100.00"],
    ]);

    // Every district of Ségou through LEVEL-3, a disaggregation operand, and a facility's own values.
    const level = await analytics(
      "dimension=dx:CPN1&dimension=ou:RegSeg00001;LEVEL-3&filter=pe:2022",
    );
    expect(level.rows).toEqual([
      ["DeAnc100001", "DisBar00001", "60"],
      ["DeAnc100001", "DisBla00001", "40"],
    ]);
    const female = await analytics(
      "dimension=dx:PF_UTIL.CocFemale01;PF_UTIL&dimension=pe:202201&filter=ou:FacBar00001",
    );
    expect(female.rows).toEqual([
      ["DeFpUsers01.CocFemale01", "202201", "7"],
      ["DeFpUsers01", "202201", "9"],
    ]);
  });

  it("refuses what it cannot answer by name, and non-public data to a visitor", async () => {
    expect(
      parseAnalyticsQuery(
        new URLSearchParams("dimension=dx:CPN1&dimension=pe:2022&filter=ou:X&columns=dx"),
      ),
    ).toEqual({
      ok: false,
      problems: [{ code: "unsupported_parameter", item: "columns" }],
    });
    await expect(
      analytics("dimension=dx:NOPE&dimension=pe:2022&filter=ou:RegSeg00001"),
    ).rejects.toMatchObject({
      code: "invalid_input",
      details: { field: "NOPE", reason: "unknown_dx_item" },
    });
    const parsed = parseAnalyticsQuery(
      new URLSearchParams("dimension=dx:InAnc1Cov01&dimension=pe:2022&filter=ou:RegSeg00001"),
    );
    if (!parsed.ok) throw new Error("parse");
    await expect(
      runAnalytics(t.db, { actor: { kind: "anonymous" } }, parsed.query),
    ).rejects.toMatchObject({ code: "unauthenticated" });
    await t.db
      .updateTable("health_indicators")
      .set({ is_public: true })
      .where("uid", "=", "InAnc1Cov01")
      .execute();
    const open = await runAnalytics(t.db, { actor: { kind: "anonymous" } }, parsed.query);
    expect(open.rows).toHaveLength(1);
  });
});
