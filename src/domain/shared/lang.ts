// The languages Jalon speaks. French is the default; content may carry an English version.
export const LANGS = ["fr", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "fr";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** A text as stored: the French original, always, and its English version when one was given. */
export interface Bilingual {
  fr: string;
  en: string | null;
}

export function bilingual(fr: string, en: string | null | undefined): Bilingual {
  return { fr, en: en ?? null };
}

/** The text in the asked language when it exists (an empty English reads as none), else French. */
export function pick(value: Bilingual, lang: Lang): string {
  return lang === "en" && value.en ? value.en : value.fr;
}

/** `T` with the bilingual fields `K` as text of one language (a missing one stays null). */
export type InLang<T, K extends keyof T> = Omit<T, K> & {
  [P in K]: T[P] extends Bilingual ? string : T[P] extends Bilingual | null ? string | null : T[P];
};

/**
 * A copy of `value` with the named bilingual fields picked in `lang`: what a read model does to
 * what `db/` returns, which carries both languages.
 */
export function inLang<T, K extends keyof T>(value: T, lang: Lang, ...keys: K[]): InLang<T, K> {
  const out = { ...value } as Record<PropertyKey, unknown>;
  for (const key of keys) {
    const text = value[key] as Bilingual | null;
    out[key as PropertyKey] = text === null ? null : pick(text, lang);
  }
  return out as InLang<T, K>;
}

/**
 * The first language of an Accept-Language header that Jalon speaks, by the weights given
 * ("en-GB;q=0.8, fr;q=0.9" → fr), or null when it names none of them.
 */
export function preferredLang(header: string | null | undefined): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return {
        lang: tag.trim().toLowerCase().split("-")[0],
        weight: q === undefined ? 1 : Number(q),
        order,
      };
    })
    .filter((r) => r.weight > 0 && Number.isFinite(r.weight))
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return ranked.map((r) => r.lang).find(isLang) ?? null;
}
