// A small world for a programme's results, its figures chosen to be added up by hand: Mali →
// Ségou → Barouéli (CSCom Boidié, CSCom Tamani) and Bla (CSCom Bla), monthly assisted and
// expected deliveries in 2022 and 2023 imported as a DHIS2 file, a programme following skilled
// birth attendance in Ségou, and three midwives.
//
// Per month:            2022 Jan–Jun   2022 Jul–Dec   2023
//   Boidié  assisted         10             14           15       (expected 20 every month)
//   Tamani  assisted          5              5            8 Jan–Jun only (expected 10)
//   Bla     assisted          4              4            6       (expected 8)
// Midwives: Boidié from 2022-07-15 (open); Tamani from 2022-01-03 (before any month of data
// but its first); Bla from 2023-01-01 to 2023-03-31, then another from 2023-04-01 (open).
import { Readable } from "node:stream";
import type { Database } from "../../src/db/connect.ts";
import type { Actor } from "../../src/domain/shared/policy.ts";
import { readMetadata } from "../../src/importers/health/dhis2/metadata/read.ts";
import { readDataValues } from "../../src/importers/health/dhis2/read.ts";
import { importDataValues } from "../../src/services/health/data-import.ts";
import { importMetadata } from "../../src/services/health/metadata-import.ts";
import { deployMidwife, saveMidwife } from "../../src/services/programme/midwives.ts";
import { saveProgramme } from "../../src/services/programme/programmes.ts";

export const resultsManager: Actor = {
  kind: "user",
  userId: 1,
  role: "programme_manager",
  partnerId: null,
  name: "manager",
};

const ou = (id: string, name: string, parent: string | null, level: number) => ({
  id,
  code: id,
  name,
  level,
  ...(parent ? { parent: { id: parent } } : {}),
  openingDate: "2000-01-01T00:00:00.000",
});

const METADATA = {
  organisationUnitLevels: [
    { id: "LvlCountry1", level: 1, name: "Pays" },
    { id: "LvlRegion01", level: 2, name: "Région" },
    { id: "LvlDistrict", level: 3, name: "District" },
    { id: "LvlFacility", level: 4, name: "Structure" },
  ],
  organisationUnits: [
    ou("FacBoidie01", "CSCom Boidié", "DisBar00001", 4),
    ou("FacTamani01", "CSCom Tamani", "DisBar00001", 4),
    ou("FacBla00001", "CSCom Bla", "DisBla00001", 4),
    ou("DisBar00001", "Barouéli", "RegSeg00001", 3),
    ou("DisBla00001", "Bla", "RegSeg00001", 3),
    ou("RegSeg00001", "Ségou", "CtyMali0001", 2),
    ou("CtyMali0001", "Mali", null, 1),
  ],
  categoryCombos: [{ id: "CcDefault01", name: "default", categories: [{ id: "CatDefault1" }] }],
  categories: [
    {
      id: "CatDefault1",
      code: "default",
      name: "default",
      categoryOptions: [{ id: "CoDefault01" }],
    },
  ],
  categoryOptions: [{ id: "CoDefault01", code: "default", name: "default" }],
  categoryOptionCombos: [
    {
      id: "CocDefault1",
      name: "default",
      categoryCombo: { id: "CcDefault01" },
      categoryOptions: [{ id: "CoDefault01" }],
    },
  ],
  dataElements: [
    {
      id: "DeAssist001",
      code: "ACC_ASSIST",
      name: "Accouchements assistés",
      valueType: "INTEGER_ZERO_OR_POSITIVE",
      aggregationType: "SUM",
      categoryCombo: { id: "CcDefault01" },
    },
    {
      id: "DeExpect001",
      code: "ACC_ATT",
      name: "Accouchements attendus",
      valueType: "NUMBER",
      aggregationType: "SUM",
      categoryCombo: { id: "CcDefault01" },
    },
  ],
  indicatorTypes: [{ id: "ItPercent01", name: "Pourcentage", factor: 100 }],
  indicators: [
    {
      id: "InSba000001",
      code: "ACC_ASSIST_TAUX",
      name: "Taux d’accouchements assistés",
      numerator: "#{DeAssist001}",
      numeratorDescription: "Accouchements assistés",
      denominator: "#{DeExpect001}",
      denominatorDescription: "Accouchements attendus",
      indicatorType: { id: "ItPercent01" },
      decimals: 1,
    },
  ],
};

const months = (year: number, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${year}${String(from + i).padStart(2, "0")}`);

function values() {
  const out: { dataElement: string; period: string; orgUnit: string; value: number }[] = [];
  const put = (unit: string, periods: string[], assisted: number, expected: number) => {
    for (const period of periods) {
      out.push({ dataElement: "DeAssist001", period, orgUnit: unit, value: assisted });
      out.push({ dataElement: "DeExpect001", period, orgUnit: unit, value: expected });
    }
  };
  put("FacBoidie01", months(2022, 1, 6), 10, 20);
  put("FacBoidie01", months(2022, 7, 12), 14, 20);
  put("FacBoidie01", months(2023, 1, 12), 15, 20);
  put("FacTamani01", months(2022, 1, 12), 5, 10);
  put("FacTamani01", months(2023, 1, 6), 8, 10);
  put("FacBla00001", months(2022, 1, 12), 4, 8);
  put("FacBla00001", months(2023, 1, 12), 6, 8);
  return { dataValues: out };
}

const source = (payload: unknown) => Readable.from([Buffer.from(JSON.stringify(payload))]);

export interface ResultsWorld {
  programmeId: number;
  units: Record<string, number>;
}

export async function loadResultsWorld(t: Database): Promise<ResultsWorld> {
  await importMetadata(t, {
    items: readMetadata(source(METADATA)),
    actor: "test",
    fileHash: null,
    dryRun: false,
  });
  await importDataValues(t, {
    batches: readDataValues(source(values()), { batchSize: 100 }),
    actor: "test",
    source: "dhis2_file",
    fileHash: null,
    dryRun: false,
  });
  const units: Record<string, number> = {};
  for (const r of await t.db.selectFrom("org_units").select(["id", "code"]).execute())
    units[r.code ?? ""] = r.id;
  const sba = await t.db
    .selectFrom("health_indicators")
    .select("id")
    .where("code", "=", "ACC_ASSIST_TAUX")
    .executeTakeFirstOrThrow();
  const programme = await saveProgramme(t.db, resultsManager, {
    name: "Sages-femmes en milieu communautaire",
    leadPartner: "UNFPA Mali",
    funders: [],
    partners: [],
    startDate: "2022-01-01",
    endDate: null,
    budget: null,
    currency: null,
    regions: [units.RegSeg00001 ?? 0],
    commitments: [],
    indicators: [{ indicatorId: sba.id, targets: [] }],
  });
  const deploy = async (
    name: string,
    facility: string,
    startDate: string,
    endDate: string | null = null,
  ) => {
    const m = await saveMidwife(t.db, resultsManager, {
      name,
      qualification: "midwife",
      languages: ["Bambara"],
      phone: "",
      email: "",
    });
    await deployMidwife(t.db, resultsManager, {
      midwifeId: m.id,
      programmeId: programme.id,
      facilityId: units[facility] ?? 0,
      startDate,
      endDate,
      endReason: endDate === null ? null : "transferred",
    });
  };
  await deploy("Aminata Traoré", "FacBoidie01", "2022-07-15");
  await deploy("Awa Coulibaly", "FacTamani01", "2022-01-03");
  await deploy("Djénéba Diarra", "FacBla00001", "2023-01-01", "2023-03-31");
  await deploy("Oumou Keïta", "FacBla00001", "2023-04-01");
  return { programmeId: programme.id, units };
}
