// The commitment cycle's vocabulary, written once for the pages and the reports: indicator
// statuses, WHO building blocks, partner categories, collection methods, the goal sentence and
// the table headers both print alike. Keys follow the domain values (`status.${status}`).
import type { Lang } from "../../domain/shared/lang.ts";
import type { BuildingBlock } from "../../domain/tracker/building-block.ts";
import type { PartnerCategory } from "../../domain/tracker/partner.ts";
import { CONTRIBUTES_WORDS } from "../../domain/tracker/questionnaire-file.ts";
import type { CollectionMethod } from "../../domain/tracker/response.ts";
import type { Status } from "../../domain/tracker/status.ts";

/**
 * The questionnaire's one question and its answers, asked alike on the page, in the printed form,
 * in the report's annex and in the workbook (whose import reads the same Oui/Non, Yes/No).
 */
export const QUESTION: Record<Lang, { contributes: string; yes: string; no: string }> = {
  fr: {
    contributes: "Votre organisation contribue-t-elle à cet indicateur ?",
    ...CONTRIBUTES_WORDS.fr,
  },
  en: {
    contributes: "Does your organisation contribute to this indicator?",
    ...CONTRIBUTES_WORDS.en,
  },
};

type Keyed<P extends string, V extends string> = Record<`${P}.${V}`, string>;

const statusFr: Keyed<"status", Status> = {
  "status.achieved": "Réalisé",
  "status.on_track": "Sur la bonne voie",
  "status.off_track": "Pas sur la bonne voie",
  "status.not_assessed": "Non évalué",
};
const statusEn: typeof statusFr = {
  "status.achieved": "Achieved",
  "status.on_track": "On track",
  "status.off_track": "Off track",
  "status.not_assessed": "Not assessed",
};

const blockFr: Keyed<"block", BuildingBlock> = {
  "block.leadership_governance": "Leadership et gouvernance",
  "block.service_delivery": "Prestation de services",
  "block.health_information": "Système d’information sanitaire",
  "block.health_financing": "Financement de la santé",
  "block.health_workforce": "Personnel de santé",
  "block.essential_medicines": "Accès aux médicaments essentiels",
};
const blockEn: typeof blockFr = {
  "block.leadership_governance": "Leadership and governance",
  "block.service_delivery": "Service delivery",
  "block.health_information": "Health information systems",
  "block.health_financing": "Health financing",
  "block.health_workforce": "Health workforce",
  "block.essential_medicines": "Access to essential medicines",
};

const categoryFr: Keyed<"category", PartnerCategory> = {
  "category.government": "Gouvernement",
  "category.donor": "Principaux bailleurs",
  "category.international_ngo": "ONG internationales",
  "category.local_ngo": "ONG locales et acteurs locaux",
  "category.private_sector": "Secteur privé",
};
const categoryEn: typeof categoryFr = {
  "category.government": "Government",
  "category.donor": "Main donors",
  "category.international_ngo": "International NGOs",
  "category.local_ngo": "Local NGOs and local actors",
  "category.private_sector": "Private sector",
};

/** In lower case, as they read inside a sentence; a table cell capitalises them. */
export const methodFr: Keyed<"method", CollectionMethod> = {
  "method.online": "en ligne",
  "method.interview": "entretien",
  "method.document_review": "revue documentaire",
  "method.import": "import",
};
export const methodEn: typeof methodFr = {
  "method.online": "online",
  "method.interview": "interview",
  "method.document_review": "document review",
  "method.import": "import",
};

/** The parts of "indicator: baseline (source) → target" (see goal.ts). */
const goalFr = {
  "goal.baseline": "{value} en {year}",
  "goal.source": "source : {source}",
  "goal.target": "{value} d’ici {year}",
  "goal.noBaseline": "point de départ non renseigné",
};
const goalEn: typeof goalFr = {
  "goal.baseline": "{value} in {year}",
  "goal.source": "source: {source}",
  "goal.target": "{value} by {year}",
  "goal.noBaseline": "no baseline given",
};

/**
 * The outcome goal beside the process indicators (see goal.ts `outcomeParts`): the page and the
 * report say the same, and both call the reading a computed suggestion.
 */
const outcomeFr = {
  "outcome.title": "Objectifs de résultat",
  "outcome.baseline": "Point de départ",
  "outcome.target": "Cible",
  "outcome.latest": "Dernière valeur",
  "outcome.value": "{value} en {year}",
  "outcome.expected": "Attendu sur la trajectoire en {year}",
  "outcome.perYear": "{value} par an jusqu’en {year}",
  "outcome.perYearPoints": "{value} pt par an jusqu’en {year}",
  "outcome.needed": "Rythme nécessaire",
  "outcome.reached": "cible atteinte",
  "outcome.suggestion": "Suggestion calculée",
  "outcome.suggestion.on_track": "en bonne voie",
  "outcome.suggestion.off_track": "en retard",
  "outcome.suggestion.no_data": "pas de données",
  "outcome.note":
    "Calculée à partir des dernières valeurs et de la trajectoire ; elle ne remplace pas le statut validé par les parties prenantes.",
  "outcome.validated": "Statut validé des indicateurs de processus",
  "outcome.noSeries": "aucune série de données reliée",
  "outcome.noValue": "aucune valeur publiée",
  "outcome.kind.estimate": "estimation",
  "outcome.kind.survey": "enquête",
  "outcome.health": "données sanitaires ({source})",
};
const outcomeEn: typeof outcomeFr = {
  "outcome.title": "Outcome goals",
  "outcome.baseline": "Baseline",
  "outcome.target": "Target",
  "outcome.latest": "Latest value",
  "outcome.value": "{value} in {year}",
  "outcome.expected": "Expected on the trajectory in {year}",
  "outcome.perYear": "{value} a year until {year}",
  "outcome.perYearPoints": "{value} pt a year until {year}",
  "outcome.needed": "Pace needed",
  "outcome.reached": "target reached",
  "outcome.suggestion": "Computed suggestion",
  "outcome.suggestion.on_track": "on track",
  "outcome.suggestion.off_track": "off track",
  "outcome.suggestion.no_data": "no data",
  "outcome.note":
    "Computed from the latest values and the trajectory; it does not replace the status the stakeholders validated.",
  "outcome.validated": "Validated status of the process indicators",
  "outcome.noSeries": "no data series linked",
  "outcome.noValue": "no published value",
  "outcome.kind.estimate": "estimate",
  "outcome.kind.survey": "survey",
  "outcome.health": "health data ({source})",
};

const commonFr = {
  "commitment.title": "Engagement {number}",
  "table.number": "N°",
  "table.partner": "Partenaire",
  "table.activities": "Activités contribuant à l’indicateur",
  "table.difficulties": "Difficultés",
  "table.indicator": "Indicateur",
  "table.status": "Statut",
  "table.count": "Nombre",
};
const commonEn: typeof commonFr = {
  "commitment.title": "Commitment {number}",
  "table.number": "No.",
  "table.partner": "Partner",
  "table.activities": "Activities contributing to the indicator",
  "table.difficulties": "Difficulties",
  "table.indicator": "Indicator",
  "table.status": "Status",
  "table.count": "Number",
};

export const fr = {
  ...statusFr,
  ...blockFr,
  ...categoryFr,
  ...methodFr,
  ...goalFr,
  ...outcomeFr,
  ...commonFr,
};

export const en: Record<keyof typeof fr, string> = {
  ...statusEn,
  ...blockEn,
  ...categoryEn,
  ...methodEn,
  ...goalEn,
  ...outcomeEn,
  ...commonEn,
};
