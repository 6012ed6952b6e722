// Message lookup with {placeholders} and {count|one|other} word forms, and locale-aware number and date formatting.
import type { Lang } from "../domain/shared/lang.ts";
import { fillMessage } from "../domain/shared/message.ts";
import { en } from "./en.ts";
import { fr, type MessageKey } from "./fr.ts";

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Lang, Record<MessageKey, string>> = { fr, en };

export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  return (key, params) => fillMessage(lang, catalogue[key], params);
}

export { formatDate, formatNumber, formatValue } from "../domain/shared/format.ts";
