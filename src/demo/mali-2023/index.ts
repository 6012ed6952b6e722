// Mali 2023 demo cycle: the year after the 2022 report, on the same tracker, commitments and
// partners. Invented to show trends: a few statuses move, some partners asked do not answer,
// the 2022 recommendations are followed up. Nothing here comes from a published report.

import type { Status } from "../../domain/tracker/status.ts";
import type { FollowUp } from "../../domain/tracker/verdict.ts";
import type {
  Text,
  World,
  WorldAnswerEnglish,
  WorldContribution,
  WorldOutput,
  WorldValidationMeeting,
} from "../world.ts";

/** An answer of a later cycle, with the English of its free texts. */
export type WorldCycleContribution = WorldContribution & { english: WorldAnswerEnglish };

export interface WorldCycleIndicator {
  status: Status;
  narrative: Text | null;
  contributions: WorldCycleContribution[];
  /** Partners asked about the indicator who did not answer (WorldPartner.key). */
  unanswered: string[];
}

/** A later cycle of a world: what changes from one cycle to the next. */
export interface WorldCycle {
  cycle: World["cycle"];
  meetings: WorldValidationMeeting[];
  /** By indicator code. */
  indicators: Record<string, WorldCycleIndicator>;
  /** Verdicts the meeting recorded instead of the rule's, by commitment number. */
  verdicts: { commitment: number; status: Status; reason: Text }[];
  /** Where the previous cycle's recommendations stand, by their position (from 1). */
  followUps: { position: number; followUp: FollowUp; note: Text | null }[];
  difficulties: World["difficulties"];
  recommendations: Text[];
  /** The English of the cycle's output units the earlier cycle did not use, by their French. */
  unitsEn: Record<string, string>;
}

function answer(
  partner: string,
  answeredAt: string,
  activities: Text,
  more: {
    outputs?: WorldOutput[];
    evidence?: { url: string; title: string | null }[];
    collaborators?: string[];
  } = {},
): WorldCycleContribution {
  return {
    partner,
    contributes: "yes",
    activities: activities.fr,
    english: activities.en ? { activities: activities.en } : {},
    collaborators: more.collaborators ?? [],
    collaboratorsText: null,
    difficulties: null,
    outputs: more.outputs ?? [],
    evidence: more.evidence ?? [],
    method: "online",
    answeredBy: null,
    answeredAt,
  };
}

const ONASR_PLAN = {
  url: "https://onasr.example.ml/rapports/2023-plan-annuel.pdf",
  title: "Plan d'action annuel 2023",
};

export const mali2023: WorldCycle = {
  cycle: {
    slug: "2023",
    label: { fr: "Janvier – décembre 2023", en: "January – December 2023" },
    periodStart: "2023-01-01",
    periodEnd: "2023-12-31",
    state: "validation",
    validatedAt: "validation-2023",
  },
  meetings: [
    {
      key: "validation-2023",
      title: { fr: "Atelier de validation des données 2023", en: "2023 data validation workshop" },
      heldOn: "2024-01-25",
      place: "Bamako",
      participants: ["msds", "onasr", "dnp", "unfpa", "amppf", "jhpiego", "osc-pf", "psi"],
    },
  ],
  indicators: {
    a: {
      status: "achieved",
      narrative: {
        fr: "La PF figure dans le cadre stratégique de la relance économique adopté en 2023.",
        en: "Family planning is part of the economic recovery framework adopted in 2023.",
      },
      contributions: [
        answer(
          "onasr",
          "2023-03-14",
          {
            fr: "Deux séances de plaidoyer auprès des commissions de l'Assemblée nationale.",
            en: "Two advocacy sessions with the National Assembly's committees.",
          },
          { evidence: [ONASR_PLAN] },
        ),
      ],
      unanswered: ["remaspen"],
    },
    b: {
      status: "on_track",
      narrative: {
        fr: "Le décret d'application de la gratuité de la PF est rédigé ; sa signature est attendue.",
        en: "The decree applying free family planning is drafted; its signature is awaited.",
      },
      contributions: [
        answer("osc-pf", "2023-02-21", {
          fr: "Rencontres avec le cabinet du ministre sur le projet de décret.",
          en: "Meetings with the minister's office on the draft decree.",
        }),
      ],
      unanswered: ["psat-canada"],
    },
    c: {
      status: "achieved",
      narrative: {
        fr: "Aucune rupture de stock de plus d'un mois n'a été signalée dans les points de prestation suivis.",
        en: "No stock-out longer than a month was reported at the service points followed.",
      },
      contributions: [
        answer(
          "unfpa",
          "2023-04-18",
          {
            fr: "Livraison de contraceptifs aux dépôts régionaux.",
            en: "Delivery of contraceptives to the regional depots.",
          },
          { outputs: [{ value: 320, unit: "structures de santé approvisionnées" }] },
        ),
      ],
      unanswered: [],
    },
    d: {
      status: "achieved",
      narrative: {
        fr: "Les prestataires des points de prestation des trois régions suivies ont été formés aux méthodes modernes, dont l'auto-injection.",
        en: "Providers at the service points of the three regions followed were trained in modern methods, self-injection included.",
      },
      contributions: [
        answer(
          "amppf",
          "2023-06-06",
          {
            fr: "Formation de prestataires aux méthodes de longue durée d'action.",
            en: "Training of providers in long-acting methods.",
          },
          { outputs: [{ value: 85, unit: "prestataires formés" }] },
        ),
      ],
      unanswered: ["psat-canada"],
    },
    e: {
      status: "achieved",
      narrative: {
        fr: "Le document de plaidoyer pour les jeunes a été présenté à trois gouvernorats.",
        en: "The advocacy document for young people was presented to three governorates.",
      },
      contributions: [
        answer("projet-jeune", "2023-09-26", {
          fr: "Présentation du document de plaidoyer aux gouverneurs de Kayes, Sikasso et Ségou.",
          en: "Presentation of the advocacy document to the governors of Kayes, Sikasso and Ségou.",
        }),
      ],
      unanswered: ["swedd"],
    },
    f: {
      status: "off_track",
      narrative: {
        fr: "L'insécurité a fermé une partie des espaces jeunes du centre du pays ; l'offre adaptée recule.",
        en: "Insecurity closed some of the youth spaces in the centre of the country; youth-friendly services shrank.",
      },
      contributions: [
        answer(
          "amppf",
          "2023-06-06",
          {
            fr: "Formation de prestataires aux services adaptés aux jeunes.",
            en: "Training of providers in youth-friendly services.",
          },
          { outputs: [{ value: 120, unit: "prestataires formés" }] },
        ),
        answer(
          "jhpiego",
          "2023-07-05",
          {
            fr: "Formation de prestataires aux services adaptés aux jeunes, avec l'AMPPF.",
            en: "Training of providers in youth-friendly services, with AMPPF.",
          },
          { outputs: [{ value: 120, unit: "prestataires formés" }], collaborators: ["amppf"] },
        ),
      ],
      unanswered: ["swedd", "msi"],
    },
    g: {
      status: "achieved",
      narrative: {
        fr: "Les données du DHIS2 sont désagrégées par âge et par sexe dans tous les districts.",
        en: "DHIS2 data are broken down by age and sex in every district.",
      },
      contributions: [
        answer("onasr", "2023-03-14", {
          fr: "Paramétrage des tranches d'âge dans les formulaires du DHIS2.",
          en: "Setting up age groups in the DHIS2 forms.",
        }),
      ],
      unanswered: [],
    },
    h: {
      status: "achieved",
      narrative: {
        fr: "Le plan de sécurisation des produits a été appliqué dans les zones de crise.",
        en: "The product security plan was applied in the crisis zones.",
      },
      contributions: [
        answer(
          "amppf",
          "2023-06-06",
          {
            fr: "Dispositif minimum d'urgence activé dans deux régions.",
            en: "Minimum initial service package activated in two regions.",
          },
          { outputs: [{ value: 2, unit: "régions" }] },
        ),
      ],
      unanswered: [],
    },
    i: {
      status: "on_track",
      narrative: {
        fr: "L'État a versé sa part du COMPACT, avec six mois de retard.",
        en: "The state paid its share of the COMPACT, six months late.",
      },
      contributions: [
        answer(
          "msds",
          "2023-11-21",
          {
            fr: "Versement de la contribution de l'État à l'achat de contraceptifs.",
            en: "Payment of the state's contribution to contraceptive purchases.",
          },
          { outputs: [{ value: 150_000_000, unit: "FCFA" }] },
        ),
      ],
      unanswered: ["dnp"],
    },
    j: {
      status: "achieved",
      narrative: {
        fr: "Les activités du plan de contingence ont été menées.",
        en: "The contingency plan's activities were carried out.",
      },
      contributions: [
        answer(
          "unfpa",
          "2023-04-18",
          {
            fr: "Kits de santé reproductive livrés aux sites de déplacés.",
            en: "Reproductive health kits delivered to displacement sites.",
          },
          { outputs: [{ value: 45, unit: "sites de déplacés" }] },
        ),
      ],
      unanswered: [],
    },
    k: {
      status: "achieved",
      narrative: {
        fr: "Deux pratiques à haut impact ont été documentées et partagées.",
        en: "Two high-impact practices were documented and shared.",
      },
      contributions: [
        answer(
          "psi",
          "2023-12-12",
          {
            fr: "Note de capitalisation sur l'auto-injection.",
            en: "Learning brief on self-injection.",
          },
          {
            evidence: [
              {
                url: "https://psi.example.org/mali/auto-injection-2023",
                title: "Note de capitalisation",
              },
            ],
          },
        ),
      ],
      unanswered: ["msi"],
    },
    l: {
      status: "achieved",
      narrative: {
        fr: "Les contraceptifs ont atteint les zones de crise par les circuits humanitaires.",
        en: "Contraceptives reached the crisis zones through humanitarian channels.",
      },
      contributions: [
        answer(
          "unfpa",
          "2023-04-18",
          {
            fr: "Distribution de contraceptifs dans les zones de crise.",
            en: "Distribution of contraceptives in the crisis zones.",
          },
          { outputs: [{ value: 320, unit: "structures de santé approvisionnées" }] },
        ),
      ],
      unanswered: [],
    },
    m: {
      status: "on_track",
      narrative: {
        fr: "Le plaidoyer auprès du ministère se poursuit, sans décision nouvelle en 2023.",
        en: "Advocacy with the ministry goes on, with no new decision in 2023.",
      },
      contributions: [
        answer("osc-pf", "2023-02-21", {
          fr: "Note de plaidoyer remise au ministère.",
          en: "Advocacy note handed to the ministry.",
        }),
      ],
      unanswered: ["remaspen"],
    },
    n: {
      status: "on_track",
      narrative: {
        fr: "La stratégie de mobilisation des ressources a été validée ; sa mise en œuvre commence.",
        en: "The resource mobilisation strategy was validated; carrying it out is starting.",
      },
      contributions: [
        answer("onasr", "2023-03-14", {
          fr: "Validation de la stratégie de mobilisation des ressources.",
          en: "Validation of the resource mobilisation strategy.",
        }),
      ],
      unanswered: [],
    },
    o: {
      status: "off_track",
      narrative: {
        fr: "La loi de finances 2023 ne comporte toujours pas de ligne pour la PF.",
        en: "The 2023 finance law still has no line for family planning.",
      },
      contributions: [],
      unanswered: ["msds", "dnp"],
    },
  },
  verdicts: [
    {
      commitment: 6,
      status: "on_track",
      reason: {
        fr: "Les participants retiennent la validation de la stratégie de mobilisation des ressources et le versement de l'État, qui compensent l'absence de ligne budgétaire.",
        en: "Participants weighed the validated resource mobilisation strategy and the state's payment against the missing budget line.",
      },
    },
  ],
  followUps: [
    { position: 1, followUp: "in_progress", note: null },
    {
      position: 2,
      followUp: "done",
      note: {
        fr: "Outils présentés aux partenaires lors de deux ateliers.",
        en: "Tools presented to partners at two workshops.",
      },
    },
    { position: 3, followUp: "not_started", note: null },
  ],
  difficulties: [
    {
      level: "tracking",
      text: {
        fr: "Plusieurs organisations sollicitées n'ont pas répondu.",
        en: "Several organisations asked did not answer.",
      },
    },
    {
      level: "state",
      text: {
        fr: "Le versement de la part de l'État arrive tard dans l'année.",
        en: "The state's share is paid late in the year.",
      },
    },
  ],
  recommendations: [
    {
      fr: "Inscrire une ligne budgétaire pour la PF dans la loi de finances.",
      en: "Put a family planning line in the finance law.",
    },
    {
      fr: "Relancer les organisations qui n'ont pas répondu avant l'atelier de validation.",
      en: "Chase the organisations that did not answer before the validation workshop.",
    },
  ],
  unitsEn: {
    régions: "regions",
    "sites de déplacés": "displacement sites",
  },
};

/** The verdicts the 2022 workshop recorded for commitments 3 and 4 (see docs/DEMO-DATA.md). */
export const verdicts2022: WorldCycle["verdicts"] = [
  {
    commitment: 3,
    status: "off_track",
    reason: {
      fr: "L'offre adaptée aux jeunes ne couvre encore qu'une partie des formations sanitaires : les participants demandent plus d'efforts.",
      en: "Youth-friendly services still reach only part of the health facilities: participants ask for more effort.",
    },
  },
  {
    commitment: 4,
    status: "off_track",
    reason: {
      fr: "La part de l'État dans l'achat des contraceptifs reste de 1 %, loin de l'objectif : les participants demandent plus d'efforts.",
      en: "The state's share of contraceptive purchases stays at 1%, far from the goal: participants ask for more effort.",
    },
  },
];
