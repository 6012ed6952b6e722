// The reports' catalogue: the shared vocabulary and the report's own sentences, looked up with
// the same {placeholders} and word forms as the pages. Both languages have the same keys (typed).
import type { Lang } from "../domain/shared/lang.ts";
import { fillMessage } from "../domain/shared/message.ts";
import * as report from "./tracker/report.ts";
import * as findings from "./tracker/report-findings.ts";
import * as translations from "./tracker/translations.ts";
import * as vocabulary from "./tracker/vocabulary.ts";

/** A method stands alone in a report's table cell: first letter in capitals. */
function asCells<K extends string>(labels: Record<K, string>): Record<K, string> {
  const out = { ...labels };
  for (const key of Object.keys(out) as K[])
    out[key] = out[key].charAt(0).toLocaleUpperCase() + out[key].slice(1);
  return out;
}

const fr = {
  ...vocabulary.fr,
  ...asCells(vocabulary.methodFr),
  ...report.fr,
  ...translations.reportFr,
  ...findings.fr,
};

export type ReportKey = keyof typeof fr;

const en: Record<ReportKey, string> = {
  ...vocabulary.en,
  ...asCells(vocabulary.methodEn),
  ...report.en,
  ...translations.reportEn,
  ...findings.en,
};

export const REPORT_CATALOGUES: Record<Lang, Record<ReportKey, string>> = { fr, en };

export type ReportT = (key: ReportKey, params?: Record<string, string | number>) => string;

export function reportTranslator(lang: Lang): ReportT {
  const catalogue = REPORT_CATALOGUES[lang];
  return (key, params) => fillMessage(lang, catalogue[key], params);
}

export { formatDate, formatNumber, formatValue } from "../domain/shared/format.ts";
