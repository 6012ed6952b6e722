// The English edition's free texts: which texts of an answer take an English version, what a
// text still lacks for the English edition, and how a passage printed in French is marked in it.
import type { Bilingual, Lang } from "../shared/lang.ts";
import { localiseNumbers } from "../shared/number-locale.ts";

/** The free texts of an answer that take an English version (columns of `responses`). */
export const RESPONSE_TEXT_FIELDS = ["activities", "collaborators_text", "difficulties"] as const;
export type ResponseTextField = (typeof RESPONSE_TEXT_FIELDS)[number];

export function isResponseTextField(value: unknown): value is ResponseTextField {
  return typeof value === "string" && (RESPONSE_TEXT_FIELDS as readonly string[]).includes(value);
}

/** What the English edition may lack: one kind per place the workspace links to. */
export const TRANSLATION_KINDS = [
  "activities",
  "collaborators_text",
  "difficulties",
  "unit",
  "narrative",
  "report_text",
  "cycle_difficulty",
  "recommendation",
] as const;
export type TranslationKind = (typeof TRANSLATION_KINDS)[number];

/**
 * A stored English version of a French text, read against the French as it is now: it stands
 * while the French it was made from is unchanged, and is outdated once the French changed.
 */
export function translationOf(
  fr: string,
  stored: { source: string; textEn: string } | undefined,
): Bilingual & { outdated: boolean } {
  if (!stored) return { fr, en: null, outdated: false };
  const current = stored.source.trim() === fr.trim();
  return { fr, en: current ? stored.textEn : null, outdated: !current };
}

/** Whether the English edition would print this text in French. */
export function lacksEnglish(text: Bilingual | null): boolean {
  return text !== null && text.fr.trim() !== "" && (text.en === null || text.en.trim() === "");
}

/**
 * A free text as the edition prints it: its English in the English edition, else its French
 * with every paragraph and list item opened by `label` ("[in French]"), so that no passage
 * changes language unannounced; numbers written as the edition's language writes them.
 */
export function editionText(text: Bilingual, lang: Lang, label: string): string {
  if (lang === "fr") return localiseNumbers(text.fr, "fr");
  if (!lacksEnglish(text)) return localiseNumbers(text.en ?? "", "en");
  return localiseNumbers(text.fr, "en")
    .split(/\r?\n/)
    .map((line) => {
      if (line.trim() === "") return line;
      const bullet = /^(\s*[-•*]\s+)(.*)$/.exec(line);
      return bullet ? `${bullet[1]}${label} ${bullet[2]}` : `${label} ${line.trimStart()}`;
    })
    .join("\n");
}
