// The demo's programme: the community-midwife deployment initiative followed by its joint
// monitoring mission in Ségou and Sikasso. Facts kept from the mission's publications: the lead
// partner and the institutions of the delegation, the seven regions, 37 midwives in 37 centres
// of Ségou, a midwife at Boidié since January 2022 trained in EmONC, malaria, family planning and
// PMTCT, one at Dougoukolobougou since 2023, one at Zambougou-Cinzana since August 2024, one at
// Koumantou. Everything else is synthetic: the midwives' names (invented), their other dates and
// trainings, the deployments outside Ségou.
import {
  type Qualification,
  TRAINING_TOPICS,
  type TrainingTopic,
} from "../../domain/programme/midwife.ts";
import { DISTRICTS, facilityCode } from "../health/places.ts";
import { between, random } from "../health/random.ts";

export const DEMO_PROGRAMME = {
  name: "Déploiement des sages-femmes en milieu communautaire",
  leadPartner: "UNFPA Mali",
  funders: [] as string[],
  partners: [
    "DRH-SSDS",
    "Office national de santé de la reproduction (ONASR)",
    "FENASCOM",
    "Association des sages-femmes du Mali (ASFM)",
    "Conseil national de l'Ordre des sages-femmes du Mali",
  ],
  startDate: "2022-01-01",
  endDate: null,
  budget: null,
  currency: null,
  /** Region codes: where midwives were sent. */
  regions: ["ML_KOU", "ML_SIK", "ML_SEG", "ML_MOP", "ML_TOM", "ML_GAO", "ML_MEN"],
  /** Health indicator codes the programme follows. */
  indicators: ["IND_CPN1_COUV", "IND_CPN4_COUV", "IND_ACC_ASSIST", "IND_DECES_MAT_RATIO"],
  /** The tracker's commitment it is evidence for (skilled birth attendance). */
  commitmentNumber: 5,
} as const;

export interface DemoTraining {
  topic: TrainingTopic;
  date: string;
  provider: string;
}

export interface DemoDeployment {
  facility: string; // unit code
  startDate: string;
  endDate: string | null;
  endReason: "transferred" | "contract_ended" | null;
}

export interface DemoMidwife {
  name: string;
  qualification: Qualification;
  languages: string[];
  phone: string;
  deployments: DemoDeployment[];
  trainings: DemoTraining[];
}

// Invented names, drawn from common first names and family names of the region.
const FIRST = [
  "Awa",
  "Fatoumata",
  "Mariam",
  "Kadiatou",
  "Aïssata",
  "Rokia",
  "Bintou",
  "Salimata",
  "Assitan",
  "Nana",
  "Hawa",
  "Oumou",
  "Djénéba",
  "Kadidia",
  "Safiatou",
  "Maïmouna",
];
const LAST = [
  "Traoré",
  "Coulibaly",
  "Diarra",
  "Keïta",
  "Sanogo",
  "Dembélé",
  "Konaté",
  "Togola",
  "Samaké",
  "Bagayoko",
  "Doumbia",
  "Maïga",
  "Cissé",
  "Goïta",
];

/** Deployments named by the mission: the centre and the month the midwife came. */
const KNOWN_STARTS: Readonly<Record<string, string>> = {
  ML_SEG_BAR_BOIDIE: "2022-01-10",
  ML_SEG_SEG_CINZANA: "2024-08-05",
  ML_SIK_SIK_DOUGOUKOLOBOUGOU: "2023-02-01",
  ML_SIK_BOU_KOUMANTOU: "2022-06-01",
};

const PROVIDERS = ["ONASR", "DRS de Ségou", "DRS de Sikasso", "UNFPA Mali", "ASFM"];
/** The topics the demo draws trainings from: all of the list except adolescent health and "other". */
const TOPICS: readonly TrainingTopic[] = TRAINING_TOPICS.filter(
  (t) => t !== "adolescent_health" && t !== "other",
);

const pad = (n: number) => String(n).padStart(2, "0");
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The centres that received a midwife: all 37 of Ségou, and some in Sikasso and Koulikoro. */
function receivingCentres(): string[] {
  const codes: string[] = [];
  for (const d of DISTRICTS) {
    if (d.region === "ML_SEG") for (const f of d.facilities) codes.push(facilityCode(d, f));
  }
  codes.push(
    "ML_SIK_SIK_DOUGOUKOLOBOUGOU",
    "ML_SIK_SIK_KABOILA",
    "ML_SIK_BOU_KOUMANTOU",
    "ML_SIK_BOU_DIERA",
    "ML_SIK_BOU_GARALO",
    "ML_SIK_KTL_MPESSOBA",
    "ML_SIK_KAD_LOULOUNI",
    "ML_KOU_KAT_SIBY",
    "ML_KOU_KOU_TIENFALA",
    "ML_KOU_DIO_FANA",
  );
  return codes;
}

/** The register: one midwife per receiving centre, and one earlier midwife who was transferred. */
export function demoMidwives(): DemoMidwife[] {
  const centres = receivingCentres();
  const used = new Set<string>();
  const midwives: DemoMidwife[] = centres.map((facility, i) => {
    const next = random(`midwife:${facility}`);
    let name = "";
    for (let k = 0; !name || used.has(name); k++) {
      const first = FIRST[Math.floor(next() * FIRST.length)] ?? "Awa";
      const last = LAST[Math.floor(next() * LAST.length)] ?? "Traoré";
      name = k > 20 ? `${first} ${last} ${k}` : `${first} ${last}`;
    }
    used.add(name);
    // Deployed between January 2022 and June 2023, unless the mission gave the date.
    const month = Math.floor(between(next, 0, 18));
    const startDate =
      KNOWN_STARTS[facility] ??
      `${2022 + Math.floor(month / 12)}-${pad((month % 12) + 1)}-${pad(1 + Math.floor(next() * 20))}`;
    const count = 1 + Math.floor(next() * 3);
    const topics = [...TOPICS];
    for (let k = topics.length - 1; k > 0; k--) {
      const j = Math.floor(next() * (k + 1));
      [topics[k], topics[j]] = [topics[j] as TrainingTopic, topics[k] as TrainingTopic];
    }
    const known = facility === "ML_SEG_BAR_BOIDIE";
    const chosen: TrainingTopic[] = known
      ? ["emonc", "malaria", "family_planning", "pmtct"]
      : topics.slice(0, count);
    return {
      name,
      qualification: i % 9 === 4 ? "obstetric_nurse" : "midwife",
      languages: next() < 0.3 ? ["bambara", "français", "peul"] : ["bambara", "français"],
      phone: `+223 7${Math.floor(next() * 10)} ${pad(Math.floor(next() * 100))} ${pad(i)} ${pad(Math.floor(next() * 100))}`,
      deployments: [{ facility, startDate, endDate: null, endReason: null }],
      trainings: chosen.map((topic, t) => ({
        topic,
        date: addDays(startDate, 30 + t * 75),
        provider: PROVIDERS[Math.floor(next() * PROVIDERS.length)] ?? "ONASR",
      })),
    };
  });
  // Zambougou-Cinzana first had a midwife from March 2022 to June 2024, transferred elsewhere;
  // the centre's present midwife came in August 2024.
  midwives.push({
    name: "Mariétou Fofana",
    qualification: "midwife",
    languages: ["bambara", "français"],
    phone: "+223 76 40 11 52",
    deployments: [
      {
        facility: "ML_SEG_SEG_CINZANA",
        startDate: "2022-03-01",
        endDate: "2024-06-30",
        endReason: "transferred",
      },
    ],
    trainings: [{ topic: "emonc", date: "2022-05-16", provider: "DRS de Ségou" }],
  });
  return midwives;
}
