// Filling a catalogue message: "{name}" takes the parameter's value; "{name|one|other}" takes
// the word form that the parameter's number calls for in the message's language (French says
// "0 réponse" and "1 réponse", English "0 answers" and "1 answer"), as Intl.PluralRules decides.
// The same rule serves the pages, the reports, the command line and the questionnaire's client.
// French messages keep ":", ";", "!" and "?" on the line of the word before them (a no-break
// space, as French typography wants), so a phone never starts a line with one.
import type { Lang } from "./lang.ts";

export type MessageParams = Record<string, string | number>;

const PATTERN = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;
const rules: Record<Lang, Intl.PluralRules> = {
  fr: new Intl.PluralRules("fr"),
  en: new Intl.PluralRules("en"),
};

/** A number written either as a number or as a formatted string ("1 234", "2,5"). */
function numberOf(value: string | number): number {
  if (typeof value === "number") return value;
  return Number(value.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
}

/** French punctuation held to the word before it; only the catalogue's text, never a value. */
export function typeset(lang: Lang, template: string): string {
  return lang === "fr" ? template.replace(/ ([:;!?])/g, "\u00a0$1") : template;
}

/** A whole catalogue typeset once, for translators that fill its messages many times a page. */
export function typesetCatalogue<K extends string>(
  lang: Lang,
  catalogue: Record<K, string>,
): Record<K, string> {
  const out = { ...catalogue };
  for (const key of Object.keys(out) as K[]) out[key] = typeset(lang, out[key]);
  return out;
}

export function fillMessage(lang: Lang, template: string, params: MessageParams = {}): string {
  return fillTypeset(lang, typeset(lang, template), params);
}

/** fillMessage for a template already typeset (typesetCatalogue); one without "{" is as is. */
export function fillTypeset(lang: Lang, template: string, params: MessageParams = {}): string {
  if (!template.includes("{")) return template;
  return template.replace(PATTERN, (whole, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (one === undefined || other === undefined) return String(value);
    return rules[lang].select(numberOf(value)) === "one" ? one : other;
  });
}

/** The names a message refers to, each once, sorted (catalogues are checked with it). */
export function messageParams(template: string): string[] {
  return [...new Set([...template.matchAll(PATTERN)].map((m) => m[1] ?? ""))].sort();
}
