// Message lookup with {placeholders}, and locale-aware number and date formatting.
import type { Lang } from "../../domain/lang.ts";
import { en } from "./en.ts";
import { fr, type MessageKey } from "./fr.ts";

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Lang, Record<MessageKey, string>> = { fr, en };

export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 }).format(value);
}

/** "17 %" in French, "17%" in English. */
export function formatValue(lang: Lang, value: number, unit: string): string {
  if (unit === "%")
    return lang === "fr" ? `${formatNumber(lang, value)}\u00a0%` : `${formatNumber(lang, value)}%`;
  return `${formatNumber(lang, value)} ${unit}`;
}

export function formatDate(lang: Lang, iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "long", timeZone: "UTC" }).format(
    date,
  );
}

export function catalogueKeys(lang: Lang): MessageKey[] {
  return Object.keys(catalogues[lang]) as MessageKey[];
}
