// The words of the printable questionnaire (annex 1 of the method, DOCX and PDF), in French and
// English. They are printed as written: the form keeps its plain spaces before "?" and ":".
import { QUESTION } from "./vocabulary.ts";

export const fr = {
  title: "Questionnaire de suivi des engagements",
  blank: "Formulaire vierge",
  prefilled: "Prérempli avec les réponses enregistrées dans Jalon",
  intro:
    "Pour chaque indicateur, cochez Oui si votre organisation y a contribué pendant la période, puis décrivez les activités menées, les partenaires associés, les difficultés rencontrées, les résultats chiffrés (valeur et unité) et les liens vers les preuves.",
  respondent: "Nom du répondant",
  organisation: "Organisation",
  date: "Date",
  commitment: "Engagement",
  indicator: "Indicateur",
  ...QUESTION.fr,
  activities: "Activités menées",
  collaborators: "Partenaires associés",
  difficulties: "Difficultés rencontrées",
  outputs: "Résultats chiffrés (valeur et unité)",
  evidence: "Liens vers les preuves",
  page: "Page {page} sur {pages}",
};

export const en: Record<keyof typeof fr, string> = {
  title: "Commitment tracking questionnaire",
  blank: "Blank form",
  prefilled: "Pre-filled with the answers stored in Jalon",
  intro:
    "For each indicator, tick Yes if your organisation contributed to it during the period, then describe the activities carried out, the partners involved, the difficulties met, the quantified outputs (value and unit) and the links to evidence.",
  respondent: "Respondent's name",
  organisation: "Organisation",
  date: "Date",
  commitment: "Commitment",
  indicator: "Indicator",
  ...QUESTION.en,
  activities: "Activities carried out",
  collaborators: "Partners involved",
  difficulties: "Difficulties met",
  outputs: "Quantified outputs (value and unit)",
  evidence: "Links to evidence",
  page: "Page {page} of {pages}",
};
