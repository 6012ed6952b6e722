// The printable questionnaire (annex 1 of the method) as plain data, and its words in French and
// English, from which questionnaire-document.ts builds the one document both formats print.
import type { Lang } from "../../domain/shared/lang.ts";
import type { Contributes } from "../../domain/tracker/response.ts";

export interface PrintAnswer {
  contributes: Contributes;
  activities: string | null;
  /** Partners chosen from the list and the free text, already joined. */
  collaborators: string | null;
  difficulties: string | null;
  /** One "value unit" per line. */
  outputs: string[];
  /** One "url title" per line. */
  evidence: string[];
}

export interface PrintQuestionnaire {
  lang: Lang;
  /** A blank form carries no answer at all, only room to write them. */
  blank: boolean;
  cycle: { slug: string; label: string };
  partner: { slug: string; name: string; acronym: string | null };
  commitments: {
    number: number;
    title: string;
    indicators: { code: string; number: string; title: string; answer: PrintAnswer | null }[];
  }[];
}

/** The answer fields of one indicator, in the order of annex 1, with the lines left to write. */
export const FIELDS = [
  { key: "activities", lines: 4 },
  { key: "collaborators", lines: 2 },
  { key: "difficulties", lines: 3 },
  { key: "outputs", lines: 2 },
  { key: "evidence", lines: 2 },
] as const;
export type FieldKey = (typeof FIELDS)[number]["key"];

export function fieldText(answer: PrintAnswer | null, key: FieldKey): string {
  if (!answer) return "";
  const value = answer[key];
  return (Array.isArray(value) ? value.join("\n") : (value ?? "")).trim();
}

const WORDS = {
  fr: {
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
    contributes: "Votre organisation contribue-t-elle à cet indicateur ?",
    yes: "Oui",
    no: "Non",
    activities: "Activités menées",
    collaborators: "Partenaires associés",
    difficulties: "Difficultés rencontrées",
    outputs: "Résultats chiffrés (valeur et unité)",
    evidence: "Liens vers les preuves",
    page: "Page {page} sur {pages}",
  },
  en: {
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
    contributes: "Does your organisation contribute to this indicator?",
    yes: "Yes",
    no: "No",
    activities: "Activities carried out",
    collaborators: "Partners involved",
    difficulties: "Difficulties met",
    outputs: "Quantified outputs (value and unit)",
    evidence: "Links to evidence",
    page: "Page {page} of {pages}",
  },
} as const;

export type PrintWords = { [K in keyof (typeof WORDS)["fr"]]: string };

export function printWords(lang: Lang): PrintWords {
  return WORDS[lang];
}

export function pageLabel(
  words: PrintWords,
  page: number | string,
  pages: number | string,
): string {
  return words.page.replace("{page}", String(page)).replace("{pages}", String(pages));
}

export function partnerName(q: PrintQuestionnaire): string {
  return q.partner.acronym && q.partner.acronym !== q.partner.name
    ? `${q.partner.name} (${q.partner.acronym})`
    : q.partner.name;
}

/** "Indicateur 1.2 (IP-1-2) — title". */
export function indicatorHeading(
  words: PrintWords,
  i: { number: string; code: string; title: string },
): string {
  return `${words.indicator} ${i.number} (${i.code}) — ${i.title}`;
}
