// The demo's health catalogue, as a DHIS2 instance of a Malian health information system would
// hold it: the four levels of the tree, the monthly maternal-health and family-planning data
// elements a CSCom reports, and the indicators computed from them (coverage over the expected
// pregnancies or deliveries of the health area), some public, two with a baseline and a target.
import type { Text } from "../world.ts";

export interface DemoLevel {
  level: number;
  uid: string;
  name: Text;
}

export const LEVELS: readonly DemoLevel[] = [
  { level: 1, uid: "LvMlPays001", name: { fr: "Pays", en: "Country" } },
  { level: 2, uid: "LvMlRegion1", name: { fr: "Région", en: "Region" } },
  { level: 3, uid: "LvMlDistSan", name: { fr: "District sanitaire", en: "Health district" } },
  { level: 4, uid: "LvMlAireSan", name: { fr: "Aire de santé", en: "Health area" } },
];

/** The keys the generator fills, one per data element. */
export type ElementKey =
  | "cpn1"
  | "cpn4"
  | "pregnancies"
  | "deliveries"
  | "assisted"
  | "liveBirths"
  | "maternalDeaths"
  | "fpNew";

export interface DemoElement {
  key: ElementKey;
  uid: string;
  code: string;
  name: Text;
  shortName: string;
}

export const ELEMENTS: readonly DemoElement[] = [
  {
    key: "cpn1",
    uid: "kQ7vRm2ZcPa",
    code: "SR_CPN1",
    name: {
      fr: "Consultations prénatales, 1er contact (CPN1)",
      en: "Antenatal care, 1st visit (ANC1)",
    },
    shortName: "CPN1",
  },
  {
    key: "cpn4",
    uid: "tH3wLx9BnEe",
    code: "SR_CPN4",
    name: {
      fr: "Consultations prénatales, 4e contact (CPN4)",
      en: "Antenatal care, 4th visit (ANC4)",
    },
    shortName: "CPN4",
  },
  {
    key: "pregnancies",
    uid: "gB8mUq4TfRi",
    code: "POP_GROSS_ATT",
    name: {
      fr: "Grossesses attendues (cible du mois)",
      en: "Expected pregnancies (monthly target population)",
    },
    shortName: "Grossesses attendues",
  },
  {
    key: "deliveries",
    uid: "zW2cJk6HsLu",
    code: "POP_ACC_ATT",
    name: {
      fr: "Accouchements attendus (cible du mois)",
      en: "Expected deliveries (monthly target population)",
    },
    shortName: "Accouchements attendus",
  },
  {
    key: "assisted",
    uid: "nF4xYp8DaWc",
    code: "SR_ACC_ASSIST",
    name: {
      fr: "Accouchements assistés par du personnel qualifié",
      en: "Deliveries assisted by skilled personnel",
    },
    shortName: "Accouchements assistés",
  },
  {
    key: "liveBirths",
    uid: "rM6bTe3VqJs",
    code: "SR_NAISS_VIV",
    name: { fr: "Naissances vivantes", en: "Live births" },
    shortName: "Naissances vivantes",
  },
  {
    key: "maternalDeaths",
    uid: "yL1sGv7PuZb",
    code: "SR_DECES_MAT",
    name: { fr: "Décès maternels", en: "Maternal deaths" },
    shortName: "Décès maternels",
  },
  {
    key: "fpNew",
    uid: "eT5qHn2MiXf",
    code: "PF_NOUV_UTIL",
    name: {
      fr: "Nouvelles utilisatrices de méthodes contraceptives (PF)",
      en: "New users of contraceptive methods (FP)",
    },
    shortName: "Nouvelles utilisatrices PF",
  },
];

export const element = (key: ElementKey): DemoElement => {
  const found = ELEMENTS.find((e) => e.key === key);
  if (!found) throw new RangeError(key);
  return found;
};
const ref = (key: ElementKey) => `#{${element(key).uid}}`;

export const INDICATOR_TYPES = [
  { uid: "ItMlPct0001", name: "Pourcentage", factor: 100, number: false },
  { uid: "ItMlPer100k", name: "Pour 100 000", factor: 100_000, number: false },
  { uid: "ItMlNombre1", name: "Nombre", factor: 1, number: true },
] as const;

export interface DemoIndicator {
  uid: string;
  code: string;
  name: Text;
  numerator: string;
  denominator: string;
  numeratorDescription: string;
  denominatorDescription: string;
  type: (typeof INDICATOR_TYPES)[number]["uid"];
  decimals: number;
  isPublic: boolean;
}

export const INDICATORS: readonly DemoIndicator[] = [
  {
    uid: "IqMlCpn1Cov",
    code: "IND_CPN1_COUV",
    name: { fr: "Couverture en CPN1", en: "ANC1 coverage" },
    numerator: ref("cpn1"),
    denominator: ref("pregnancies"),
    numeratorDescription: "CPN1",
    denominatorDescription: "Grossesses attendues",
    type: "ItMlPct0001",
    decimals: 1,
    isPublic: true,
  },
  {
    uid: "IqMlCpn4Cov",
    code: "IND_CPN4_COUV",
    name: { fr: "Couverture en CPN4", en: "ANC4 coverage" },
    numerator: ref("cpn4"),
    denominator: ref("pregnancies"),
    numeratorDescription: "CPN4",
    denominatorDescription: "Grossesses attendues",
    type: "ItMlPct0001",
    decimals: 1,
    isPublic: true,
  },
  {
    uid: "IqMlAccAsst",
    code: "IND_ACC_ASSIST",
    name: {
      fr: "Taux d’accouchements assistés par du personnel qualifié",
      en: "Skilled birth attendance rate",
    },
    numerator: ref("assisted"),
    denominator: ref("deliveries"),
    numeratorDescription: "Accouchements assistés",
    denominatorDescription: "Accouchements attendus",
    type: "ItMlPct0001",
    decimals: 1,
    isPublic: true,
  },
  {
    uid: "IqMlPfNouv1",
    code: "IND_PF_NOUV",
    name: { fr: "Nouvelles utilisatrices de la PF", en: "New family-planning users" },
    numerator: ref("fpNew"),
    denominator: "1",
    numeratorDescription: "Nouvelles utilisatrices PF",
    denominatorDescription: "1",
    type: "ItMlNombre1",
    decimals: 0,
    isPublic: true,
  },
  {
    uid: "IqMlCpnAbnd",
    code: "IND_CPN_ABANDON",
    name: { fr: "Taux d’abandon entre CPN1 et CPN4", en: "ANC1 to ANC4 drop-out rate" },
    numerator: `${ref("cpn1")} - ${ref("cpn4")}`,
    denominator: ref("cpn1"),
    numeratorDescription: "CPN1 − CPN4",
    denominatorDescription: "CPN1",
    type: "ItMlPct0001",
    decimals: 1,
    isPublic: false,
  },
  {
    uid: "IqMlDecMatR",
    code: "IND_DECES_MAT_RATIO",
    name: {
      fr: "Décès maternels pour 100 000 naissances vivantes (en structure)",
      en: "Facility maternal deaths per 100,000 live births",
    },
    numerator: ref("maternalDeaths"),
    denominator: ref("liveBirths"),
    numeratorDescription: "Décès maternels",
    denominatorDescription: "Naissances vivantes",
    type: "ItMlPer100k",
    decimals: 0,
    isPublic: false,
  },
];

export interface DemoTarget {
  indicator: string; // DemoIndicator.code
  orgUnit: string; // unit code
  kind: "baseline" | "target";
  period: string;
  value: number;
}

/**
 * Baselines are the mission's figures (Sikasso's regional health directorate quoted 2019-20,
 * counted here as 2020); the targets are the demo's own.
 */
export const TARGETS: readonly DemoTarget[] = [
  { indicator: "IND_ACC_ASSIST", orgUnit: "ML_SIK", kind: "baseline", period: "2020", value: 47 },
  { indicator: "IND_ACC_ASSIST", orgUnit: "ML_SIK", kind: "target", period: "2026", value: 70 },
  { indicator: "IND_CPN4_COUV", orgUnit: "ML_SIK", kind: "baseline", period: "2020", value: 20 },
  { indicator: "IND_CPN4_COUV", orgUnit: "ML_SIK", kind: "target", period: "2026", value: 30 },
  {
    indicator: "IND_CPN1_COUV",
    orgUnit: "ML_SEG_BAR",
    kind: "baseline",
    period: "2022",
    value: 70.88,
  },
  { indicator: "IND_CPN1_COUV", orgUnit: "ML_SEG_BAR", kind: "target", period: "2025", value: 85 },
];
