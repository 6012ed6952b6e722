// A free text as an edition of the report prints it: English in the English edition, else the
// French with each paragraph marked as such; numbers in the edition's separators. The report's
// read model (services/tracker/reports.ts) chooses with it; the renderers never mix languages.
import type { Bilingual, Lang } from "../../domain/shared/lang.ts";
import { editionText } from "../../domain/tracker/translation.ts";
import { reportTranslator } from "./i18n.ts";

export function inEdition(text: Bilingual | null, lang: Lang): string | null {
  if (text === null || text.fr.trim() === "") return null;
  return editionText(text, lang, reportTranslator(lang)("untranslated"));
}

/**
 * An output's unit as the edition prints it after its value ("73 providers trained"): a unit
 * without English keeps its French with the mark after it, so that the figure still leads.
 */
export function unitInEdition(unit: string, unitEn: string | null, lang: Lang): string {
  if (lang === "fr" || unit.trim() === "") return unit;
  if (unitEn && unitEn.trim() !== "") return unitEn;
  return `${unit} ${reportTranslator(lang)("untranslated")}`;
}
