// Mali 2022 demo world: the January–December 2022 Motion Tracker cycle of Mali's FP2030 commitments.
import type { World } from "../world.ts";
import { commitments1to3 } from "./commitments-1-3.ts";
import { commitments4to6 } from "./commitments-4-6.ts";
import { answersEn, unitsEn } from "./english.ts";
import { outcomeSeries } from "./outcomes.ts";
import { partners } from "./partners.ts";
import { acronyms, texts } from "./report.ts";

const tracker: World["tracker"] = {
  countryCode: "ML",
  name: { fr: "Suivi des engagements FP2030 du Mali", en: "Mali FP2030 commitment tracker" },
  organisation: "Groupe Pivot Santé Population",
};

const cycle: World["cycle"] = {
  slug: "2022",
  label: { fr: "Janvier – décembre 2022", en: "January – December 2022" },
  periodStart: "2022-01-01",
  periodEnd: "2022-12-31",
  state: "published",
  validatedAt: "validation-2022",
};

/** The report gives no date for its validation workshop: 26 January 2023 is illustrative. */
const meetings: World["meetings"] = [
  {
    key: "validation-2022",
    title: {
      fr: "Atelier de validation des données 2022",
      en: "2022 data validation workshop",
    },
    heldOn: "2023-01-26",
    place: "Bamako",
    participants: [
      "msds",
      "onasr",
      "dnp",
      "unfpa",
      "msi",
      "amppf",
      "jhpiego",
      "intrahealth",
      "osc-pf",
      "remaspen",
      "psat-canada",
      "projet-jeune",
      "psi",
      "swedd",
    ],
  },
];

const difficulties: World["difficulties"] = [
  {
    level: "tracking",
    text: {
      fr: "Les parties prenantes connaissent mal l'outil de collecte du Motion Tracker et ne se le sont pas encore approprié.",
      en: "Stakeholders know little about the Motion Tracker data collection tool and have not yet made it their own.",
    },
  },
  {
    level: "tracking",
    text: {
      fr: "Certaines organisations hésitent à participer, renvoient tard les outils de collecte, voire refusent de fournir leurs données.",
      en: "Some organisations are reluctant to take part, return the collection tools late or even refuse to share their data.",
    },
  },
  {
    level: "tracking",
    text: {
      fr: "Il est difficile d'obtenir un rendez-vous avec les organisations.",
      en: "Getting an appointment with the organisations is hard.",
    },
  },
  {
    level: "tracking",
    text: {
      fr: "Les partenaires s'impliquent peu dans le suivi des engagements au moyen de l'outil.",
      en: "Partners take little part in following the commitments through the tool.",
    },
  },
  {
    level: "state",
    text: {
      fr: "Les moyens financiers ne suffisent pas pour exécuter les plans d'action.",
      en: "There is not enough money to carry out the action plans.",
    },
  },
  {
    level: "state",
    text: {
      fr: "L'adoption de la loi SR/PF au Mali avance lentement.",
      en: "Adoption of Mali's reproductive health and family planning law is moving slowly.",
    },
  },
  {
    level: "state",
    text: {
      fr: "Aucune ligne budgétaire n'est réservée à la planification familiale.",
      en: "No budget line is set aside for family planning.",
    },
  },
  {
    level: "state",
    text: {
      fr: "Les établissements de santé publics et privés travaillent trop peu ensemble.",
      en: "Public and private health facilities work together too little.",
    },
  },
  {
    level: "stakeholders",
    text: {
      fr: "Les projets des partenaires qui concourent aux engagements du Partenariat de Ouagadougou arrivent à leur terme sans avoir été repris au niveau national.",
      en: "Partner projects that serve the Ouagadougou Partnership commitments come to an end without being taken over nationally.",
    },
  },
  {
    level: "stakeholders",
    text: {
      fr: "Des retards de livraison provoquent des ruptures de contraceptifs dans l'offre de services.",
      en: "Late deliveries cause contraceptive stock-outs at service points.",
    },
  },
  {
    level: "stakeholders",
    text: {
      fr: "Les ressources financières manquent.",
      en: "Funding is short.",
    },
  },
  {
    level: "stakeholders",
    text: {
      fr: "Les lenteurs administratives freinent la collecte des données et la validation des outils.",
      en: "Administrative delays hold up data collection and the validation of tools.",
    },
  },
  {
    level: "stakeholders",
    text: {
      fr: "Les parties prenantes coordonnent trop peu leurs actions dans la mise en œuvre des projets.",
      en: "Stakeholders coordinate their work too little when carrying out projects.",
    },
  },
  {
    level: "stakeholders",
    text: {
      fr: "La crise sécuritaire que traverse le Mali complique les interventions.",
      en: "Mali's security crisis makes the work harder.",
    },
  },
];

const recommendations: World["recommendations"] = [
  {
    fr: "Continuer à faire avancer la réalisation des engagements FP2030.",
    en: "Keep making progress on the FP2030 commitments.",
  },
  {
    fr: "Diffuser largement les outils du Motion Tracker pour que tous les acteurs se les approprient.",
    en: "Share the Motion Tracker tools widely so that every stakeholder takes ownership of them.",
  },
  {
    fr: "Pour que le Motion Tracker fonctionne mieux, le MSDS devrait, par l'intermédiaire de l'ONASR, s'appuyer sur des stratégies portées par des associations, institutions ou organisations neutres.",
    en: "For the Motion Tracker to work better, the ministry should, through ONASR, rely on strategies led by neutral associations, institutions or organisations.",
  },
];

export const mali2022: World = {
  tracker,
  cycle,
  partners,
  commitments: [...commitments1to3, ...commitments4to6],
  meetings,
  difficulties,
  recommendations,
  outcomeSeries,
  acronyms,
  texts,
  answersEn,
  unitsEn,
};
