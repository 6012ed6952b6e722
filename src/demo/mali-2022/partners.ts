// Mali 2022 demo: the partner directory, and how and when each partner's answers were collected.
import type { WorldContribution, WorldPartner } from "../world.ts";

export const partners: WorldPartner[] = [
  // Government (SWEDD is a regional project, filed here because the ministries run it).
  {
    key: "msds",
    name: {
      fr: "Ministère de la Santé et du Développement social",
      en: "Ministry of Health and Social Development",
    },
    acronym: "MSDS",
    category: "government",
  },
  {
    key: "onasr",
    name: {
      fr: "Office national de la santé de la reproduction",
      en: "National Office of Reproductive Health",
    },
    acronym: "ONASR",
    category: "government",
  },
  {
    key: "dnp",
    name: { fr: "Direction nationale de la population", en: "National Directorate of Population" },
    acronym: "DNP",
    category: "government",
  },
  {
    key: "dpm",
    name: {
      fr: "Direction de la pharmacie et du médicament",
      en: "Directorate of Pharmacy and Medicines",
    },
    acronym: "DPM",
    category: "government",
  },
  {
    key: "ppm",
    name: { fr: "Pharmacie populaire du Mali", en: "People's Pharmacy of Mali" },
    acronym: "PPM",
    category: "government",
  },
  {
    key: "dgs",
    name: {
      fr: "Direction générale de la santé et de l'hygiène publique",
      en: "Directorate General of Health and Public Hygiene",
    },
    acronym: "DGS",
    category: "government",
  },
  {
    key: "swedd",
    name: { fr: "Projet SWEDD", en: "SWEDD project" },
    acronym: "SWEDD",
    category: "government",
  },
  // Main donors and funders.
  {
    key: "usaid",
    name: {
      fr: "Agence des États-Unis pour le développement international",
      en: "United States Agency for International Development",
    },
    acronym: "USAID",
    category: "donor",
  },
  {
    key: "unfpa",
    name: {
      fr: "Fonds des Nations unies pour la population",
      en: "United Nations Population Fund",
    },
    acronym: "UNFPA",
    category: "donor",
  },
  {
    key: "unicef",
    name: { fr: "Fonds des Nations unies pour l'enfance", en: "United Nations Children's Fund" },
    acronym: "UNICEF",
    category: "donor",
  },
  {
    key: "oms",
    name: { fr: "Organisation mondiale de la santé", en: "World Health Organization" },
    acronym: "OMS",
    category: "donor",
  },
  { key: "psat-canada", name: { fr: "PSAT Canada" }, acronym: null, category: "donor" },
  {
    key: "banque-mondiale",
    name: { fr: "Banque mondiale", en: "World Bank" },
    acronym: null,
    category: "donor",
  },
  {
    key: "pays-bas",
    name: { fr: "Ambassade des Pays-Bas", en: "Embassy of the Netherlands" },
    acronym: null,
    category: "donor",
  },
  {
    key: "onusida",
    name: {
      fr: "Programme commun des Nations unies sur le VIH/sida",
      en: "Joint United Nations Programme on HIV/AIDS",
    },
    acronym: "ONUSIDA",
    category: "donor",
  },
  {
    key: "ucpo",
    name: {
      fr: "Unité de coordination du Partenariat de Ouagadougou",
      en: "Ouagadougou Partnership Coordination Unit",
    },
    acronym: "UCPO",
    category: "donor",
  },
  {
    key: "cs4fp",
    name: { fr: "Civil Society for Family Planning" },
    acronym: "CS4FP",
    category: "donor",
  },
  { key: "hp-plus", name: { fr: "USAID Health Policy Plus" }, acronym: "HP+", category: "donor" },
  // International NGOs.
  { key: "jhpiego", name: { fr: "Jhpiego" }, acronym: null, category: "international_ngo" },
  {
    key: "intrahealth",
    name: { fr: "IntraHealth International" },
    acronym: "INTRAHEALTH",
    category: "international_ngo",
  },
  {
    key: "msi",
    name: { fr: "MSI Reproductive Choices" },
    acronym: "MSI",
    category: "international_ngo",
  },
  {
    key: "psi",
    name: { fr: "Population Services International" },
    acronym: "PSI",
    category: "international_ngo",
  },
  {
    key: "hisp-wca",
    name: { fr: "HISP Afrique de l'Ouest et du Centre", en: "HISP West and Central Africa" },
    acronym: "HISP WCA",
    category: "international_ngo",
  },
  // Local NGOs and local actors.
  {
    key: "amppf",
    name: {
      fr: "Association malienne pour la protection et la promotion de la famille",
      en: "Malian Association for the Protection and Promotion of the Family",
    },
    acronym: "AMPPF",
    category: "local_ngo",
  },
  {
    key: "osc-pf",
    name: {
      fr: "Coalition des OSC pour la planification familiale",
      en: "Civil society coalition for family planning",
    },
    acronym: "OSC/PF",
    category: "local_ngo",
  },
  { key: "projet-jeune", name: { fr: "Projet Jeune" }, acronym: null, category: "local_ngo" },
  { key: "remaspen", name: { fr: "REMASPEN" }, acronym: "REMASPEN", category: "local_ngo" },
  { key: "ripod", name: { fr: "RIPOD" }, acronym: "RIPOD", category: "local_ngo" },
  {
    key: "fenascom",
    name: {
      fr: "Fédération nationale des associations de santé communautaire du Mali",
      en: "National Federation of Community Health Associations of Mali",
    },
    acronym: "FENASCOM",
    category: "local_ngo",
  },
  { key: "caeb", name: { fr: "CAEB" }, acronym: "CAEB", category: "local_ngo" },
  { key: "jigi", name: { fr: "JIGI" }, acronym: "JIGI", category: "local_ngo" },
  { key: "debo-alafia", name: { fr: "Debo Alafia" }, acronym: null, category: "local_ngo" },
  { key: "aen", name: { fr: "AEN" }, acronym: "AEN", category: "local_ngo" },
];

/**
 * When the coordinator collected each partner's answers (illustrative dates within the
 * February–December 2022 collection). MSI and PSI come last: the report says they were
 * brought in late.
 */
const answeredOn: Record<string, string> = {
  "osc-pf": "2022-02-23",
  onasr: "2022-03-15",
  unfpa: "2022-04-20",
  amppf: "2022-06-08",
  jhpiego: "2022-07-06",
  intrahealth: "2022-07-27",
  remaspen: "2022-08-17",
  "psat-canada": "2022-09-14",
  "projet-jeune": "2022-09-28",
  dnp: "2022-10-12",
  swedd: "2022-10-26",
  msds: "2022-11-22",
  msi: "2022-12-12",
  psi: "2022-12-14",
};

/** Partners whose answers come from their documents and budget figures, not an interview. */
const fromDocuments = new Set(["msds", "dnp"]);

/**
 * One row of a report table as a response. `activities` null means the row was left empty, so
 * whether the partner contributes is unknown.
 */
export function contribution(
  partner: string,
  activities: string | null,
  more: Partial<Omit<WorldContribution, "partner" | "activities">> = {},
): WorldContribution {
  const answeredAt = answeredOn[partner];
  if (answeredAt === undefined) throw new Error(`No answer date for partner "${partner}"`);
  return {
    partner,
    contributes: activities === null ? "unknown" : "yes",
    activities,
    collaborators: [],
    collaboratorsText: null,
    difficulties: null,
    outputs: [],
    evidence: [],
    method: fromDocuments.has(partner) ? "document_review" : "interview",
    answeredBy: null,
    answeredAt,
    ...more,
  };
}
