// A small health-data world in DHIS2's own formats: Mali → Ségou → two districts → three
// facilities, a default and a sex disaggregation, three numeric data elements (one averaged over
// time) and one text element Jalon refuses, a coverage indicator and a broken one, and a data
// value set whose last six rows are each refused for a different reason.
const ou = (id: string, name: string, parent: string | null, level: number) => ({
  id,
  code: `OU_${id}`,
  name,
  level,
  ...(parent ? { parent: { id: parent } } : {}),
  openingDate: "2000-01-01T00:00:00.000",
});

export const METADATA = {
  organisationUnitLevels: [
    { id: "LvlCountry1", level: 1, name: "Pays" },
    { id: "LvlRegion01", level: 2, name: "Région" },
    { id: "LvlDistrict", level: 3, name: "District" },
    { id: "LvlFacility", level: 4, name: "Structure" },
  ],
  organisationUnits: [
    ou("FacBar00001", "CSCom Boidié", "DisBar00001", 4),
    ou("FacBar00002", "CSCom Barouéli central", "DisBar00001", 4),
    ou("FacBla00001", "CSCom Bla", "DisBla00001", 4),
    ou("DisBar00001", "Barouéli", "RegSeg00001", 3),
    ou("DisBla00001", "Bla", "RegSeg00001", 3),
    ou("RegSeg00001", "Ségou", "CtyMali0001", 2),
    ou("CtyMali0001", "Mali", null, 1),
  ],
  categoryCombos: [
    { id: "CcDefault01", name: "default", categories: [{ id: "CatDefault1" }] },
    { id: "CcSex000001", name: "Sexe", categories: [{ id: "CatSex00001" }] },
  ],
  categories: [
    {
      id: "CatDefault1",
      code: "default",
      name: "default",
      categoryOptions: [{ id: "CoDefault01" }],
    },
    {
      id: "CatSex00001",
      code: "SEX",
      name: "Sexe",
      categoryOptions: [{ id: "CoFemale001" }, { id: "CoMale00001" }],
    },
  ],
  categoryOptions: [
    { id: "CoDefault01", code: "default", name: "default" },
    { id: "CoFemale001", code: "F", name: "Femme" },
    { id: "CoMale00001", code: "M", name: "Homme" },
  ],
  categoryOptionCombos: [
    {
      id: "CocDefault1",
      name: "default",
      categoryCombo: { id: "CcDefault01" },
      categoryOptions: [{ id: "CoDefault01" }],
    },
    {
      id: "CocFemale01",
      name: "Femme",
      categoryCombo: { id: "CcSex000001" },
      categoryOptions: [{ id: "CoFemale001" }],
    },
    {
      id: "CocMale0001",
      name: "Homme",
      categoryCombo: { id: "CcSex000001" },
      categoryOptions: [{ id: "CoMale00001" }],
    },
  ],
  dataElements: [
    {
      id: "DeAnc100001",
      code: "CPN1",
      name: "Consultations prénatales 1",
      valueType: "INTEGER_ZERO_OR_POSITIVE",
      aggregationType: "SUM",
      categoryCombo: { id: "CcDefault01" },
    },
    {
      id: "DePregn0001",
      code: "GROSS_ATT",
      name: "Grossesses attendues",
      valueType: "NUMBER",
      aggregationType: "AVERAGE_SUM_ORG_UNIT",
      categoryCombo: { id: "CcDefault01" },
    },
    {
      id: "DeFpUsers01",
      code: "PF_UTIL",
      name: "Utilisateurs PF",
      valueType: "INTEGER_ZERO_OR_POSITIVE",
      aggregationType: "SUM",
      categoryCombo: { id: "CcSex000001" },
    },
    {
      id: "DeNote00001",
      code: "NOTE",
      name: "Remarque",
      valueType: "TEXT",
      aggregationType: "NONE",
    },
  ],
  indicatorTypes: [{ id: "ItPercent01", name: "Pourcentage", factor: 100 }],
  indicators: [
    {
      id: "InAnc1Cov01",
      code: "CPN1_COUV",
      name: "Couverture CPN1",
      numerator: "#{DeAnc100001}",
      denominator: "#{DePregn0001} / 12",
      indicatorType: { id: "ItPercent01" },
    },
    {
      id: "InBroken001",
      code: "BROKEN",
      name: "Cassé",
      numerator: "#{DeAnc100001} +",
      denominator: "1",
      indicatorType: { id: "ItPercent01" },
    },
  ],
};

export const dv = (
  dataElement: string,
  period: string,
  orgUnit: string,
  value: string | number,
  coc?: string,
) => ({
  dataElement,
  period,
  orgUnit,
  value,
  ...(coc ? { categoryOptionCombo: coc } : {}),
});

export const VALUES = {
  dataValues: [
    dv("DeAnc100001", "202201", "FacBar00001", 30),
    dv("DeAnc100001", "202202", "FacBar00001", 20),
    dv("DeAnc100001", "202201", "FacBar00002", 10),
    dv("DeAnc100001", "202201", "FacBla00001", 40),
    // Expected pregnancies are a yearly figure entered every month: averaged over time.
    dv("DePregn0001", "202201", "FacBar00001", 600),
    dv("DePregn0001", "202202", "FacBar00001", 600),
    dv("DePregn0001", "202201", "FacBar00002", 120),
    dv("DePregn0001", "202201", "FacBla00001", 480),
    dv("DeFpUsers01", "202201", "FacBar00001", 7, "CocFemale01"),
    dv("DeFpUsers01", "202201", "FacBar00001", 2, "CocMale0001"),
    // Refused, one reason each.
    dv("DeUnknown01", "202201", "FacBar00001", 1),
    dv("DeAnc100001", "202213", "FacBar00001", 1),
    dv("DeAnc100001", "202201", "FacNowhere1", 1),
    dv("DeAnc100001", "202203", "FacBar00001", -4),
    dv("DeAnc100001", "202203", "FacBar00001", "douze"),
    dv("DeAnc100001", "202203", "FacBar00001", 2, "CocNowhere1"),
  ],
};
