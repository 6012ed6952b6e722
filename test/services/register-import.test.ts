// Importing the midwife register from a file, on PGlite and PostgreSQL: good lines of a CSV and
// a workbook stored (midwives, deployments, trainings), every kind of bad line refused with its
// row and reasons while the others are kept, the same file again changing nothing, a changed end
// and a new training counted as updates, a dry run storing nothing, one batch per import, and
// two imports of one file at once storing it once.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveOrgUnits } from "../../src/db/health/org-units.ts";
import type { Actor } from "../../src/domain/shared/policy.ts";
import { isProblem } from "../../src/domain/shared/problem.ts";
import { deployMidwife, saveMidwife } from "../../src/services/programme/midwives.ts";
import { saveProgramme } from "../../src/services/programme/programmes.ts";
import { importRegister } from "../../src/services/programme/register-import.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { zipBomb } from "../support/hostile-xlsx.ts";

const manager: Actor = {
  kind: "user",
  userId: 7,
  role: "programme_manager",
  partnerId: null,
  name: "manager",
};
const validator: Actor = { ...manager, role: "validator" };

const unit = (code: string, name: string, parent: string | null, uid: string | null = null) => ({
  uid,
  code,
  name,
  shortName: null,
  parent: parent === null ? null : { uid: null, code: parent },
  openingDate: null,
  closedDate: null,
  geometry: null,
});

const csv = (lines: string[]) => ({ bytes: new TextEncoder().encode(lines.join("\n")) });
const TODAY = "2024-06-30";

const GOOD = [
  "nom;qualification;langues;téléphone;courriel;structure;date de début;date de fin;motif de fin;formations",
  'Awa Traoré;sage-femme;bambara, français;+223 70 00 00 01;awa@example.org;BOI;2022-02-01;2023-01-31;mutation;"SONU;2022-03-10;UNFPA"',
  "Awa Traoré;sage-femme;bambara, français;+223 70 00 00 01;awa@example.org;KOU;01/02/2023;;;",
  'Fatoumata Coulibaly;matrone;bambara;+223 70 00 00 02;;abcdefghij1;2022-05-01;;;"PF;2023-04-02;ASFM|PTME;2023-09-01;"',
];

describe.each(backends)("importing the midwife register on %s", (backend) => {
  let t: TestDatabase;
  let programmeId = 0;
  let otherProgramme = 0;
  const run = (file: { bytes: Uint8Array } | { path: string }, dryRun = false, id = programmeId) =>
    importRegister(t.db, manager, { programmeId: id, file, dryRun, fileHash: null, today: TODAY });
  const counts = async () => ({
    midwives: Number(
      (
        await t.db
          .selectFrom("midwives")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    deployments: Number(
      (
        await t.db
          .selectFrom("deployments")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    trainings: Number(
      (
        await t.db
          .selectFrom("trainings")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    batches: Number(
      (
        await t.db
          .selectFrom("import_batches")
          .select((e) => e.fn.countAll().as("n"))
          .where("source", "=", "midwife_register_file")
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await saveOrgUnits(t.db, [
      unit("ML", "Mali", null),
      unit("SEG", "Ségou", "ML"),
      unit("BAR", "Barouéli", "SEG"),
      unit("BOI", "CSCom Boidié", "BAR"),
      unit("SIK", "Sikasso", "ML"),
      unit("SKD", "District de Sikasso", "SIK"),
      unit("KOU", "CSCom Koumantou", "SKD"),
      unit("DOU", "CSCom Dougoukolobougou", "SKD", "abcdefghij1"),
    ]);
    const base = {
      leadPartner: "UNFPA Mali",
      funders: ["UNFPA"],
      partners: ["ASFM"],
      startDate: "2022-01-01",
      endDate: "2024-12-31",
      budget: null,
      currency: "xof",
      regions: [] as number[],
      commitments: [],
      indicators: [],
    };
    programmeId = (
      await saveProgramme(t.db, manager, {
        ...base,
        name: "Déploiement des sages-femmes en milieu communautaire",
      })
    ).id;
    otherProgramme = (await saveProgramme(t.db, manager, { ...base, name: "Autre programme" })).id;
  });
  afterAll(() => t.dispose());

  it("checks a file without storing anything on a dry run", async () => {
    const summary = await run(csv(GOOD), true);
    expect(summary).toMatchObject({ imported: 3, updated: 0, ignored: 0, rejected: [] });
    expect(summary.added).toEqual({ midwives: 2, deployments: 3, trainings: 3 });
    expect(await counts()).toEqual({ midwives: 0, deployments: 0, trainings: 0, batches: 0 });
  });

  it("stores the good lines: midwives by name and telephone, deployments, trainings", async () => {
    const summary = await run(csv(GOOD));
    expect(summary).toMatchObject({ imported: 3, updated: 0, ignored: 0, rejected: [] });
    expect(await counts()).toEqual({ midwives: 2, deployments: 3, trainings: 3, batches: 1 });
    const awa = await t.db
      .selectFrom("midwives")
      .selectAll()
      .where("name", "=", "Awa Traoré")
      .executeTakeFirstOrThrow();
    expect(awa).toMatchObject({
      qualification: "midwife",
      languages: ["bambara", "français"],
      phone: "+223 70 00 00 01",
      email: "awa@example.org",
    });
    const deployments = await t.db
      .selectFrom("deployments as d")
      .innerJoin("org_units as u", "u.id", "d.facility_id")
      .select(["u.code", "d.start_date", "d.end_date", "d.end_reason", "d.programme_id"])
      .where("d.midwife_id", "=", awa.id)
      .orderBy("d.start_date")
      .execute();
    expect(deployments).toEqual([
      {
        code: "BOI",
        start_date: "2022-02-01",
        end_date: "2023-01-31",
        end_reason: "transferred",
        programme_id: programmeId,
      },
      {
        code: "KOU",
        start_date: "2023-02-01",
        end_date: null,
        end_reason: null,
        programme_id: programmeId,
      },
    ]);
    // One audit event describes the import, not one per row.
    const events = await t.db
      .selectFrom("audit_log")
      .select(["action", "entity"])
      .where("entity", "in", ["midwives", "deployments", "trainings", "import_batches"])
      .execute();
    expect(events).toEqual([{ action: "import", entity: "import_batches" }]);
  });

  it("changes nothing when the same file comes again", async () => {
    const summary = await run(csv(GOOD));
    expect(summary).toMatchObject({ imported: 0, updated: 0, ignored: 3, rejected: [] });
    expect(summary.added).toEqual({ midwives: 0, deployments: 0, trainings: 0 });
    expect((await counts()).deployments).toBe(3);
  });

  it("counts a changed end, a changed qualification and a new training as updates", async () => {
    const changed = [
      GOOD[0] ?? "",
      GOOD[1] ?? "",
      'Awa Traoré;sage-femme;bambara, français;+223 70 00 00 01;awa@example.org;KOU;2023-02-01;2024-03-31;fin de contrat;"VBG;2024-01-15;"',
      'Fatoumata Coulibaly;infirmière obstétricienne;bambara;+223 70 00 00 02;;abcdefghij1;2022-05-01;;;"PF;2023-04-02;ASFM|PTME;2023-09-01;"',
    ];
    const summary = await run(csv(changed));
    expect(summary).toMatchObject({ imported: 0, updated: 2, ignored: 1, rejected: [] });
    expect(summary.added).toEqual({ midwives: 0, deployments: 0, trainings: 1 });
    const kou = await t.db
      .selectFrom("deployments as d")
      .innerJoin("org_units as u", "u.id", "d.facility_id")
      .select(["d.end_date", "d.end_reason"])
      .where("u.code", "=", "KOU")
      .executeTakeFirstOrThrow();
    expect(kou).toEqual({ end_date: "2024-03-31", end_reason: "contract_ended" });
    expect(await run(csv(changed))).toMatchObject({ imported: 0, updated: 0, ignored: 3 });
  });

  it("refuses each bad line with its row and reasons, and keeps the good ones", async () => {
    const summary = await run(
      csv([
        "name,qualification,phone,facility,start date,end date,end reason,trainings",
        ",midwife,76 00 00 01,BOI,2022-01-01,,,", // 2: no name
        "Kadia Diarra,doctor,76 00 00 03,BOI,2022-01-01,,,", // 3
        "Kadia Diarra,midwife,76 00 00 04,NOWHERE,2022-01-01,,,", // 4
        "Kadia Diarra,midwife,76 00 00 05,,2022-01-01,,,", // 5
        "Kadia Diarra,midwife,76 00 00 06,BOI,,,,", // 6
        "Kadia Diarra,midwife,76 00 00 07,BOI,31/02/2022,,,", // 7
        "Kadia Diarra,midwife,76 00 00 08,BOI,2022-01-01,2021-12-31,other,", // 8
        "Kadia Diarra,midwife,76 00 00 09,BOI,2022-01-01,2022-06-30,,", // 9
        "Kadia Diarra,midwife,76 00 00 10,BOI,2022-01-01,,resigned,", // 10
        "Kadia Diarra,midwife,76 00 00 11,BOI,2022-01-01,2022-06-30,bored,", // 11
        "Kadia Diarra,midwife,76 00 00 12,BOI,2022-01-01,,,dancing;2022-01-01;x", // 12
        "Kadia Diarra,midwife,76 00 00 13,BOI,2022-01-01,,,emonc;2030-01-01;x", // 13
        "Mariam Keita,midwife,76 11 11 11,BOI,2022-01-01,2022-12-31,other,", // 14: overlaps 15
        "Mariam Keita,midwife,76 11 11 11,DOU,2022-06-01,,,", // 15
        "Awa Traoré,midwife,+223 70 00 00 01,DOU,2022-06-01,2022-07-01,other,", // 16: stored
        "Oumou Sangaré,matron,76 22 22 22,SIK,2024-01-01,,,", // 17: good
      ]),
    );
    const reasons = Object.fromEntries(summary.rejected.map((r) => [r.row, r.problems]));
    expect(reasons).toEqual({
      2: ["name_missing"],
      3: ["unknown_qualification"],
      4: ["unknown_facility"],
      5: ["facility_missing"],
      6: ["start_missing"],
      7: ["invalid_start"],
      8: ["end_before_start"],
      9: ["end_reason_missing"],
      10: ["end_reason_without_end"],
      11: ["unknown_end_reason"],
      12: ["unknown_topic"],
      13: ["invalid_training_date"],
      14: ["overlap_in_file"],
      15: ["overlap_in_file"],
      16: ["overlap_stored"],
    });
    expect(summary.rejected.find((r) => r.row === 4)).toMatchObject({
      name: "Kadia Diarra",
      reason: "unknown_facility",
    });
    expect(summary).toMatchObject({ imported: 1, updated: 0, ignored: 0 });
  });

  it("judges a deployment against the midwife's others in every programme", async () => {
    const m = await saveMidwife(t.db, manager, {
      name: "Salimata Dembélé",
      qualification: "midwife",
      languages: [],
      phone: "76 33 33 33",
      email: "",
    });
    const dou = await t.db
      .selectFrom("org_units")
      .select("id")
      .where("code", "=", "DOU")
      .executeTakeFirstOrThrow();
    await deployMidwife(t.db, manager, {
      midwifeId: m.id,
      programmeId: otherProgramme,
      facilityId: dou.id,
      startDate: "2023-01-01",
      endDate: null,
      endReason: null,
    });
    const summary = await run(
      csv([
        "name,qualification,phone,facility,start",
        "Salimata Dembélé,midwife,76 33 33 33,BOI,2024-01-01",
      ]),
    );
    expect(summary.rejected.map((r) => r.problems)).toEqual([["overlap_stored"]]);
  });

  it("reads the first sheet of a workbook, in a worker thread", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Registre");
    sheet.addRow(["Name", "Qualification", "Phone", "Facility", "Start date", "Trainings"]);
    sheet.addRow([
      "Nana Cissé",
      "obstetric nurse",
      "76 44 44 44",
      "SKD",
      new Date("2023-03-01"),
      "",
    ]);
    sheet.addRow(["Bintou Cissé", "matron", "76 55 55 55", "ZZZ", "2020-01-01", ""]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const summary = await run({ bytes });
    expect(summary).toMatchObject({ imported: 1, updated: 0, ignored: 0 });
    expect(summary.rejected).toEqual([
      { row: 3, reason: "unknown_facility", name: "Bintou Cissé", problems: ["unknown_facility"] },
    ]);
    expect(await run({ bytes })).toMatchObject({ imported: 0, ignored: 1 });
  });

  it("stores a file sent twice at once only once", async () => {
    const file = csv([
      "name,qualification,phone,facility,start,end,end reason",
      "Assitan Koné,midwife,76 66 66 66,KOU,2024-05-01,,",
      "Assitan Koné,midwife,76 66 66 66,BOI,2023-01-01,2023-12-31,transferred",
    ]);
    const both = await Promise.all([run(file), run(file)]);
    expect(both.map((s) => [s.imported, s.ignored]).sort()).toEqual([
      [0, 2],
      [2, 0],
    ]);
    const stored = await t.db
      .selectFrom("midwives")
      .select("id")
      .where("name", "=", "Assitan Koné")
      .execute();
    expect(stored).toHaveLength(1);
  });

  it("refuses a file without the required columns, a hostile workbook, an unknown programme, a reader", async () => {
    await expect(run(csv(["nom;structure", "Awa;BOI"]))).rejects.toMatchObject({
      code: "csv_missing_columns",
    });
    // A workbook that would unpack to 80 MB, or a locked one, is refused before it is read.
    await expect(run({ bytes: zipBomb(80) })).rejects.toMatchObject({ code: "too_large" });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(run({ bytes: ole })).rejects.toMatchObject({ code: "xlsx_encrypted" });
    const missing = await run(csv(GOOD), false, 999_999).catch((e: unknown) => e);
    expect(isProblem(missing) && missing.code).toBe("not_found");
    const refused = await importRegister(t.db, validator, {
      programmeId,
      file: csv(GOOD),
      dryRun: true,
      fileHash: null,
    }).catch((e: unknown) => e);
    expect(isProblem(refused) && refused.code).toBe("forbidden");
  });
});
