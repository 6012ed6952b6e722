// The languages Jalon speaks. French is the default; content may carry an English version.
export const LANGS = ["fr", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "fr";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** The text in the asked language when it exists, else the French original. */
export function pickText(lang: Lang, fr: string, en: string | null | undefined): string {
  return lang === "en" && en ? en : fr;
}
