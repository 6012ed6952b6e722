// The printable questionnaire (annex 1 of the method) as plain data, and its words (from the
// catalogues of src/i18n), from which questionnaire-document.ts builds the one document both
// formats print.
import type { Lang } from "../../domain/shared/lang.ts";
import type { Contributes } from "../../domain/tracker/response.ts";
import type { PrintWords } from "../../i18n/questionnaire-files.ts";

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

export { type PrintWords, printWords } from "../../i18n/questionnaire-files.ts";

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
