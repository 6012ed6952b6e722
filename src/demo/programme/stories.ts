// The demo programme's joint monitoring mission and its testimonials. Kept from the mission's
// publications: the two regions, the institutions of the delegation, the places visited (the
// governor's office and the regional health directorate of Sikasso, the centres of
// Zambougou-Cinzana, Dougoukolobougou and Koumantou, the commune of Boidié), what was reported on
// site (21 antenatal consultations and 15 to 17 assisted deliveries a month at Dougoukolobougou,
// skilled attendance from 47 % to 62 % in Sikasso, ANC4 from 20 % to 23 %), the speakers' roles,
// places and ages. Invented: every person's name, the mission's days, the words of each
// testimonial, the recommendations, their owners and due days, the consent records.
import type { ConsentMethod, ConsentUse, SpeakerRole } from "../../domain/programme/consent.ts";
import type { RecommendationStatus } from "../../domain/programme/mission.ts";

export interface DemoVisit {
  /** A unit code, or null for an authority named in `authority`. */
  facility: string | null;
  authority: string | null;
  date: string;
  peopleMet: string[];
  findings: string;
  figures: { label: string; value: number; unit: string }[];
}

export interface DemoRecommendation {
  text: string;
  ownerName: string;
  ownerEmail: string | null;
  dueDate: string;
  key: boolean;
  /** Follow-ups in order; the status after the last one is the recommendation's. */
  followUps: { date: string; note: string; status: RecommendationStatus }[];
}

export const DEMO_MISSION = {
  title: "Mission conjointe de suivi — Ségou et Sikasso",
  startDate: "2025-03-10",
  endDate: "2025-03-15",
  regions: ["ML_SEG", "ML_SIK"],
  delegation: [
    { name: "Mariam Tangara", institution: "UNFPA Mali", role: "Chargée de programme SSR" },
    { name: "Boubacar Keïta", institution: "DRH-SSDS", role: "Chef de division" },
    { name: "Aïcha Dembélé", institution: "ONASR", role: "Sage-femme maîtresse" },
    { name: "Seydou Maïga", institution: "FENASCOM", role: "Secrétaire technique" },
    { name: "Fanta Sissoko", institution: "ASFM", role: "Présidente de section" },
    {
      name: "Kadiatou Bagayoko",
      institution: "Conseil national de l'Ordre des sages-femmes du Mali",
      role: "Membre du bureau",
    },
  ],
  objectives: [
    "Constater le travail des sages-femmes déployées dans les centres de santé communautaires",
    "Recueillir les chiffres de fréquentation auprès des centres et des directions régionales",
    "Préparer avec les autorités la suite de l'initiative après la fin du projet",
  ],
  visits: [
    {
      facility: "ML_SEG_SEG_CINZANA",
      authority: null,
      date: "2025-03-11",
      peopleMet: ["La sage-femme du centre", "Le président de l'ASACO"],
      findings:
        "Toutes les méthodes contraceptives sont en stock. Aucun décès maternel évitable depuis l'arrivée de la sage-femme en août 2024.",
      figures: [
        { label: "Accouchements assistés par mois", value: 12, unit: "accouchements" },
        { label: "Consultations prénatales par mois", value: 30, unit: "consultations" },
        { label: "Décès maternels évitables depuis août 2024", value: 0, unit: "décès" },
      ],
    },
    {
      facility: null,
      authority: "Gouvernorat de la région de Sikasso",
      date: "2025-03-13",
      peopleMet: ["La gouverneure de la région", "La direction régionale de la santé"],
      findings:
        "Les autorités soutiennent l'initiative et demandent qu'elle dure après le projet, avec la sensibilisation du public et la prévention des violences basées sur le genre.",
      figures: [],
    },
    {
      facility: null,
      authority: "Direction régionale de la santé de Sikasso",
      date: "2025-03-13",
      peopleMet: ["Le directeur régional de la santé", "La cellule SIS"],
      findings:
        "Les indicateurs de santé maternelle de la région progressent entre 2019-2020 et fin 2024.",
      figures: [
        {
          label: "Accouchements assistés par du personnel qualifié, 2019-2020",
          value: 47,
          unit: "%",
        },
        {
          label: "Accouchements assistés par du personnel qualifié, fin 2024",
          value: 62,
          unit: "%",
        },
        { label: "CPN4, 2019-2020", value: 20, unit: "%" },
        { label: "CPN4, fin 2024", value: 23, unit: "%" },
      ],
    },
    {
      facility: "ML_SIK_SIK_DOUGOUKOLOBOUGOU",
      authority: null,
      date: "2025-03-14",
      peopleMet: ["La sage-femme du centre", "Un groupe de causerie de jeunes femmes"],
      findings:
        "Les causeries de groupe ont fait venir plus de femmes et d'adolescentes au centre.",
      figures: [
        { label: "Consultations prénatales par mois (moyenne)", value: 21, unit: "consultations" },
        { label: "Accouchements assistés par mois, au moins", value: 15, unit: "accouchements" },
        { label: "Accouchements assistés par mois, au plus", value: 17, unit: "accouchements" },
      ],
    },
    {
      facility: "ML_SIK_BOU_KOUMANTOU",
      authority: null,
      date: "2025-03-15",
      peopleMet: ["La sage-femme du centre", "Des mères venues de Diéra"],
      findings: "Des femmes de villages voisins viennent accoucher au centre.",
      figures: [],
    },
  ] satisfies DemoVisit[],
  recommendations: [
    {
      text: "Inscrire les postes de sages-femmes communautaires au budget des communes pour qu'ils durent après le projet.",
      ownerName: "Direction régionale de la santé de Sikasso",
      ownerEmail: "drs.sikasso@example.org",
      dueDate: "2025-12-31",
      key: true,
      followUps: [
        {
          date: "2025-06-30",
          note: "Deux communes sur cinq ont inscrit le poste à leur budget.",
          status: "in_progress",
        },
      ],
    },
    {
      text: "Mener des causeries sur la prévention des violences basées sur le genre dans chaque aire de santé visitée.",
      ownerName: "FENASCOM",
      ownerEmail: "fenascom@example.org",
      dueDate: "2025-09-30",
      key: true,
      followUps: [],
    },
    {
      text: "Assurer la disponibilité continue de toutes les méthodes contraceptives dans les centres dotés d'une sage-femme.",
      ownerName: "ONASR",
      ownerEmail: "onasr@example.org",
      dueDate: "2025-06-30",
      key: true,
      followUps: [
        {
          date: "2025-06-20",
          note: "Commande trimestrielle livrée dans les 37 centres de Ségou.",
          status: "done",
        },
      ],
    },
    {
      text: "Transmettre chaque mois les données des centres au DHIS2 avant le 5 du mois suivant.",
      ownerName: "Direction régionale de la santé de Ségou",
      ownerEmail: null,
      dueDate: "2025-04-30",
      key: false,
      followUps: [],
    },
  ] satisfies DemoRecommendation[],
};

export interface DemoTestimonial {
  /** The speaker's invented name; null for a midwife, named after the demo's midwife there. */
  name: string | null;
  role: SpeakerRole;
  facility: string;
  place: string;
  date: string;
  language: string;
  quote: string;
  summary: string;
  minor: boolean;
  consent: {
    date: string;
    method: ConsentMethod;
    uses: ConsentUse[];
    witness: string | null;
    guardian: string | null;
    withdrawnOn: string | null;
  };
}

export const DEMO_TESTIMONIALS: DemoTestimonial[] = [
  {
    name: "Nafissatou Traoré",
    role: "mother",
    facility: "ML_SIK_BOU_KOUMANTOU",
    place: "Koumantou (venue de Diéra), région de Sikasso",
    date: "2025-03-15",
    language: "bambara",
    quote:
      "Quand les douleurs ont commencé la nuit, je savais qu'une sage-femme m'attendait au centre. Mon fils est né sans complication.",
    summary: "Une mère de 24 ans raconte son accouchement au CSCom de Koumantou.",
    minor: false,
    consent: {
      date: "2025-03-15",
      method: "written",
      uses: ["internal", "report", "public_web", "social_media"],
      witness: null,
      guardian: null,
      withdrawnOn: null,
    },
  },
  {
    name: "Ramata Coulibaly",
    role: "mother",
    facility: "ML_SEG_BAR_BOIDIE",
    place: "Boidié, région de Ségou",
    date: "2025-03-12",
    language: "bambara",
    quote:
      "Pour mon premier enfant, j'ai accouché à la maison. Cette fois, la sage-femme m'a suivie à chaque consultation.",
    summary: "Une mère de 21 ans, à son deuxième accouchement, compare ses deux naissances.",
    minor: false,
    consent: {
      date: "2025-03-12",
      method: "oral_with_witness",
      uses: ["internal", "report", "public_web"],
      witness: "Le président de l'ASACO de Boidié",
      guardian: null,
      withdrawnOn: null,
    },
  },
  {
    name: "Sanata Konaté",
    role: "community_member",
    facility: "ML_SIK_SIK_DOUGOUKOLOBOUGOU",
    place: "Région de Sikasso",
    date: "2025-03-14",
    language: "bambara",
    quote:
      "Avant, le centre était loin et le transport coûtait trop cher. Maintenant, les femmes du village y vont ensemble.",
    summary: "Une habitante de 33 ans dit ce qui a changé pour les femmes de sa localité.",
    minor: false,
    consent: {
      date: "2025-03-14",
      method: "written",
      uses: ["internal", "report"],
      witness: null,
      guardian: null,
      withdrawnOn: null,
    },
  },
  {
    name: null,
    role: "midwife",
    facility: "ML_SEG_BAR_BOIDIE",
    place: "CSCom de Boidié, région de Ségou",
    date: "2025-03-12",
    language: "français",
    quote:
      "Les formations reçues depuis mon arrivée m'ont appris à prendre en charge les urgences obstétricales sans attendre l'évacuation.",
    summary: "La sage-femme de Boidié, en poste depuis janvier 2022, parle de ses formations.",
    minor: false,
    consent: {
      date: "2025-03-12",
      method: "written",
      uses: ["internal", "report", "public_web", "social_media"],
      witness: null,
      guardian: null,
      withdrawnOn: null,
    },
  },
  {
    name: null,
    role: "midwife",
    facility: "ML_SIK_SIK_DOUGOUKOLOBOUGOU",
    place: "CSCom de Dougoukolobougou, région de Sikasso",
    date: "2025-03-14",
    language: "français",
    quote:
      "Les causeries avec les jeunes filles ont tout changé : elles viennent maintenant poser leurs questions au centre.",
    summary: "La sage-femme de Dougoukolobougou, déployée en 2023, décrit ses causeries de groupe.",
    minor: false,
    consent: {
      date: "2025-03-14",
      method: "written",
      uses: ["internal", "report", "public_web"],
      witness: null,
      guardian: null,
      withdrawnOn: "2025-05-02",
    },
  },
];
