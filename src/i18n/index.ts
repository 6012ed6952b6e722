// Message lookup with {placeholders} and {count|one|other} word forms, and locale-aware number and date formatting.
import type { Lang } from "../domain/shared/lang.ts";
import { fillTypeset, typesetCatalogue } from "../domain/shared/message.ts";
import { en } from "./en.ts";
import { fr, type MessageKey } from "./fr.ts";

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

// Typeset once when the module loads: a page fills hundreds of messages.
const catalogues: Record<Lang, Record<MessageKey, string>> = {
  fr: typesetCatalogue("fr", fr),
  en: typesetCatalogue("en", en),
};

export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  return (key, params) => fillTypeset(lang, catalogue[key], params);
}

export { formatDate, formatNumber, formatValue } from "../domain/shared/format.ts";
