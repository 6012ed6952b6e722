// The default texts of the template's sections that every report carries (the project summary
// and its strategies), in French and English: offered in the editor and printed while the
// coordinator has written none for the cycle. Figures come in as placeholders, as in any text.
import type { Lang } from "../../domain/shared/lang.ts";
import type { DEFAULTED_TEXT_KINDS } from "../../domain/tracker/report-text.ts";

type Defaulted = (typeof DEFAULTED_TEXT_KINDS)[number];

export const DEFAULT_TEXTS: Record<Lang, Record<Defaulted, string>> = {
  fr: {
    project_summary: `Le Motion Tracker est une démarche de redevabilité conçue pour que les engagements en santé reproductive et planification familiale restent visibles d’une année à l’autre : chaque engagement est découpé en indicateurs de processus, les partenaires disent ce qu’ils ont fait pour chacun, et les parties prenantes jugent ensemble des progrès et des blocages.
Les pays du Partenariat de Ouagadougou l’ont adoptée pour suivre leurs engagements FP2030. {organisation} la conduit dans le pays comme organisation neutre : elle a cartographié les acteurs, les a interrogés sur les indicateurs qui les concernent, a réuni les parties prenantes pour valider les résultats et publie ce rapport.
Pour la période {cycle}, {mapped} organisations ont été sollicitées sur {indicators} indicateurs rattachés à {commitments} engagements ; {partners} d’entre elles ont fait état d’au moins une contribution.`,
    strategies: `Pour que le suivi serve à faire avancer les engagements, la démarche repose sur quelques choix constants :
- associer toutes les parties prenantes, du ministère aux organisations locales, de la cartographie jusqu’à la validation ;
- aider les partenaires à documenter leurs contributions, par questionnaire, entretien ou revue de documents ;
- travailler avec le ministère chargé de la santé et ses directions à chaque étape ;
- rendre les résultats publics et les partager largement, en français et en anglais ;
- faire de chaque difficulté relevée une recommandation adressée à un acteur précis ;
- donner de la visibilité aux actions des partenaires qui rendent compte.`,
  },
  en: {
    project_summary: `The Motion Tracker is an accountability approach that keeps reproductive-health and family-planning commitments in view from one year to the next: each commitment is broken down into process indicators, partners report what they did for each of them, and the stakeholders judge progress and bottlenecks together.
The countries of the Ouagadougou Partnership adopted it to follow their FP2030 commitments. {organisation} leads it in the country as the neutral organisation: it mapped the actors, asked them about the indicators that concern them, brought the stakeholders together to validate the results and publishes this report.
For the period {cycle}, {mapped} organisations were asked about {indicators} indicators under {commitments} commitments; {partners} of them reported at least one contribution.`,
    strategies: `For the tracking to move the commitments forward, the approach rests on a few constant choices:
- involving every stakeholder, from the ministry to local organisations, from the mapping to the validation;
- helping partners document their contributions, by questionnaire, interview or document review;
- working with the ministry in charge of health and its directorates at every step;
- making the results public and sharing them widely, in French and in English;
- turning each difficulty found into a recommendation addressed to a named actor;
- giving visibility to the work of the partners who report.`,
  },
};
