// The series that measure Mali's outcome goals, as published: the modern contraceptive
// prevalence of married women (Track20's FPET estimates, which give the 17 % of 2020 the
// commitment starts from, and the 2018 DHS survey, EDSM-VI) and the unmet need for family
// planning of adolescents (15–19) and young women (20–24): the 2018 DHS, which gives the
// commitment's 20 % and 22 %, and the 2012–13 one before it, then modelled estimates. The
// figures are rounded as the sources print them; the addresses are the publishers' sites.
// One more follows the health world instead of a publication: Mali's skilled birth attendance,
// the demo's public DHIS2 indicator read at the country unit, so its figures are computed from
// the monthly values of the CSComs (src/demo/health/) when a page asks for them.
import type { WorldSeries } from "../world.ts";

const TRACK20 = "Track20 FPET";
const TRACK20_URL = "https://www.track20.org/";
const DHS = "EDSM (DHS Program)";
const DHS_URL = "https://dhsprogram.com/";

const estimate = (year: number, value: number) => ({
  year,
  value,
  source: TRACK20,
  url: TRACK20_URL,
  kind: "estimate" as const,
});
const survey = (year: number, value: number, id: string) => ({
  year,
  value,
  source: `${DHS} ${id}`,
  url: DHS_URL,
  kind: "survey" as const,
});

export const outcomeSeries: WorldSeries[] = [
  {
    code: "mcpr-mw",
    name: {
      fr: "TPCm des femmes mariées ou en union (estimations Track20 FPET, EDS)",
      en: "mCPR of married or in-union women (Track20 FPET estimates, DHS)",
    },
    unit: "%",
    points: [
      estimate(2016, 14.9),
      estimate(2017, 15.5),
      survey(2018, 16.4, "ML2018DHS"),
      estimate(2018, 16.0),
      estimate(2019, 16.5),
      estimate(2020, 17.0),
      estimate(2021, 17.5),
      estimate(2022, 18.0),
      estimate(2023, 18.5),
    ],
  },
  {
    code: "unmet-15-19",
    name: {
      fr: "Besoins non satisfaits en PF des 15-19 ans (EDS, estimations)",
      en: "Unmet need for family planning, ages 15–19 (DHS, estimates)",
    },
    unit: "%",
    points: [
      survey(2013, 22.8, "ML2013DHS"),
      survey(2018, 20.0, "ML2018DHS"),
      estimate(2020, 19.0),
      estimate(2022, 17.9),
    ],
  },
  {
    code: "unmet-20-24",
    name: {
      fr: "Besoins non satisfaits en PF des 20-24 ans (EDS, estimations)",
      en: "Unmet need for family planning, ages 20–24 (DHS, estimates)",
    },
    unit: "%",
    points: [
      survey(2013, 24.1, "ML2013DHS"),
      survey(2018, 22.0, "ML2018DHS"),
      estimate(2020, 20.2),
      estimate(2022, 18.5),
    ],
  },
  {
    code: "sba-ml",
    name: {
      fr: "Taux d’accouchements assistés par du personnel qualifié, Mali (DHIS2)",
      en: "Skilled birth attendance rate, Mali (DHIS2)",
    },
    unit: "%",
    points: [],
    health: { indicator: "IND_ACC_ASSIST", orgUnit: "ML" },
  },
];
