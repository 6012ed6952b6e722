// The catalogues of the questionnaire as a file: the printed form's words and the workbook's
// headers and instructions, each looked up in the language asked for.
import type { Lang } from "../domain/shared/lang.ts";
import { fillMessage } from "../domain/shared/message.ts";
import {
  QUESTIONNAIRE_COLUMNS,
  type QuestionnaireColumn,
} from "../domain/tracker/questionnaire-file.ts";
import * as print from "./tracker/questionnaire-print.ts";
import * as workbook from "./tracker/workbook.ts";

export type PrintWords = typeof print.fr;

export const PRINT_CATALOGUES: Record<Lang, PrintWords> = { fr: print.fr, en: print.en };

export function printWords(lang: Lang): PrintWords {
  return PRINT_CATALOGUES[lang];
}

export type WorkbookKey = keyof typeof workbook.fr;

export const WORKBOOK_CATALOGUES: Record<Lang, Record<WorkbookKey, string>> = {
  fr: workbook.fr,
  en: workbook.en,
};

/** The questionnaire sheet's column headers. */
export function workbookHeaders(lang: Lang): Record<QuestionnaireColumn, string> {
  const words = WORKBOOK_CATALOGUES[lang];
  return Object.fromEntries(
    QUESTIONNAIRE_COLUMNS.map((column) => [column, words[`header.${column}`]]),
  ) as Record<QuestionnaireColumn, string>;
}

/** The instructions sheet's lines in one language, the first naming the partner and the cycle. */
export function workbookInstructions(
  lang: Lang,
  names: { partner: string; cycle: string },
): string[] {
  const words = WORKBOOK_CATALOGUES[lang];
  return workbook.INSTRUCTION_LINES.map((key, n) =>
    n === 0 ? fillMessage(lang, words[key], names) : words[key],
  );
}
