// Numbers, values with units and dates written the way each language writes them. Pure: the
// same strings go into pages, reports and messages.
import type { Lang } from "./lang.ts";

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

// One formatter per language, made once: building an Intl formatter costs far more than
// formatting with it, and a page may print thousands of numbers and dates. They hold no state.
const NUMBERS: Record<Lang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat(LOCALES.fr, { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat(LOCALES.en, { maximumFractionDigits: 2 }),
};
const DATES: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat(LOCALES.fr, { dateStyle: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat(LOCALES.en, { dateStyle: "long", timeZone: "UTC" }),
};

/** Thousands grouped with a no-break space (U+00A0), which every font has (U+202F is rarer). */
export function formatNumber(lang: Lang, value: number): string {
  return NUMBERS[lang].format(value).replace(/\u202f/g, "\u00a0");
}

/** "17 %" in French, "17%" in English; other units follow the number after a space. */
export function formatValue(lang: Lang, value: number, unit: string): string {
  if (unit === "%")
    return lang === "fr" ? `${formatNumber(lang, value)}\u00a0%` : `${formatNumber(lang, value)}%`;
  return `${formatNumber(lang, value)} ${unit}`;
}

/**
 * A moment as a date and a time of day in UTC, said so ("2 décembre 2026 à 14:05 UTC"): Mali
 * keeps UTC all year, and a server's clock is read the same from anywhere.
 */
export function formatDateTime(lang: Lang, at: Date): string {
  const iso = at.toISOString();
  return `${longDate(lang, at)}${lang === "fr" ? " à" : ","} ${iso.slice(11, 16)} UTC`;
}

/** The long form of a day; French writes the first of a month as an ordinal ("1er mars"). */
function longDate(lang: Lang, date: Date): string {
  const text = DATES[lang].format(date);
  return lang === "fr" && date.getUTCDate() === 1 ? text.replace(/^1(?=\s)/, "1er") : text;
}

const monthFormats = (month: "long" | "short"): Record<Lang, Intl.DateTimeFormat> => ({
  fr: new Intl.DateTimeFormat(LOCALES.fr, { month, year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat(LOCALES.en, { month, year: "numeric", timeZone: "UTC" }),
});
const MONTHS = { long: monthFormats("long"), short: monthFormats("short") };

/**
 * A month ("2025-03", or any ISO date in it) as its name and year: "mars 2025", "March 2025";
 * short, "mars 2025" / "Mar 2025" (tables and charts).
 */
export function formatMonth(lang: Lang, month: string, style: "long" | "short" = "long"): string {
  return MONTHS[style][lang].format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
}

/** A date ("2022-12-31" or a full ISO time) in the long form, read in UTC. */
export function formatDate(lang: Lang, iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return longDate(lang, date);
}

/**
 * A number as a form field shows it back, exact (no rounding): "1 234,5" in French, "1234.5" in
 * English (no comma grouping, which the decimal comma rule would read as a decimal mark).
 */
export function formatInputNumber(lang: Lang, value: number): string {
  const plain = String(value);
  if (/e/i.test(plain))
    return new Intl.NumberFormat("en-GB", { useGrouping: false, maximumFractionDigits: 20 })
      .format(value)
      .replace(".", lang === "fr" ? "," : ".");
  if (lang === "en") return plain;
  const [whole = "", fraction] = plain.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, "\u00a0");
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}
