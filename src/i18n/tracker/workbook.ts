// The words of the questionnaire workbook (the .xlsx a partner fills offline): the column headers
// of its questionnaire sheet, in the language asked for, and the instructions sheet, which says
// everything in French and then in English. Instructions are written into cells as they are.
import type { QuestionnaireColumn } from "../../domain/tracker/questionnaire-file.ts";

type Headers = Record<`header.${QuestionnaireColumn}`, string>;

const headersFr: Headers = {
  "header.commitment": "Engagement",
  "header.number": "Indicateur",
  "header.title": "Intitulé",
  "header.contributes": "Contribue (Oui/Non)",
  "header.activities": "Activités menées",
  "header.collaborators": "Partenaires associés",
  "header.difficulties": "Difficultés",
  "header.outputs": "Résultats chiffrés (valeur unité; valeur unité)",
  "header.evidence": "Liens vers les preuves (un par ligne)",
  "header.code": "code",
  "header.version": "version",
};

const headersEn: Headers = {
  "header.commitment": "Commitment",
  "header.number": "Indicator",
  "header.title": "Title",
  "header.contributes": "Contributes (Yes/No)",
  "header.activities": "Activities carried out",
  "header.collaborators": "Collaborating partners",
  "header.difficulties": "Difficulties",
  "header.outputs": "Quantified outputs (value unit; value unit)",
  "header.evidence": "Links to evidence (one per line)",
  "header.code": "code",
  "header.version": "version",
};

/** The instructions sheet's lines, in this order; the first one is its heading. */
export const INSTRUCTION_LINES = [
  "instructions.heading",
  "instructions.fill",
  "instructions.contributes",
  "instructions.outputs",
  "instructions.evidence",
  "instructions.hidden",
  "instructions.stale",
] as const;

export const fr = {
  ...headersFr,
  "instructions.heading": "Questionnaire de {partner} — {cycle}",
  "instructions.fill":
    "Remplissez une ligne par indicateur dans la feuille « Questionnaire », puis déposez le fichier sur la page du questionnaire (bouton « Importer »).",
  "instructions.contributes": "Contribue : Oui ou Non (laisser vide si vous ne savez pas).",
  "instructions.outputs":
    "Résultats chiffrés : une valeur puis son unité, séparés par « ; », par exemple « 619 prestataires formés; 12 sessions ».",
  "instructions.evidence":
    "Preuves : une adresse web (http:// ou https://) par ligne, suivie si vous le souhaitez d’un titre.",
  "instructions.hidden":
    "Ne modifiez pas les colonnes ni les feuilles masquées : elles identifient la période, le partenaire et l’indicateur.",
  "instructions.stale":
    "Une réponse modifiée en ligne depuis le téléchargement du fichier n’est pas écrasée : la ligne est refusée.",
} satisfies Record<(typeof INSTRUCTION_LINES)[number] | keyof Headers, string>;

export const en: Record<keyof typeof fr, string> = {
  ...headersEn,
  "instructions.heading": "Questionnaire of {partner} — {cycle}",
  "instructions.fill":
    "Fill in one row per indicator in the “Questionnaire” sheet, then upload the file on the questionnaire page (“Import” button).",
  "instructions.contributes": "Contributes: Yes or No (leave empty if you do not know).",
  "instructions.outputs":
    "Quantified outputs: a value then its unit, separated by “;”, for example “619 providers trained; 12 sessions”.",
  "instructions.evidence":
    "Evidence: one web address (http:// or https://) per line, optionally followed by a title.",
  "instructions.hidden":
    "Do not change the hidden columns or sheets: they identify the cycle, the partner and the indicator.",
  "instructions.stale":
    "An answer changed online since the file was downloaded is not overwritten: the row is refused.",
};
