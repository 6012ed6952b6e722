// Typography applied to free text when a document is drawn: what coordinators and partners type
// keeps ordinary spaces and straight apostrophes, and a line may break inside "34 500 000 FCFA"
// or leave "«" alone at a line's end. Pure and idempotent: text already set is left as it is,
// and web addresses, e-mail addresses and times of day ("10:30") are never touched.
import type { Lang } from "./lang.ts";

/** U+00A0: every font has it (the narrow U+202F is rarer), so it is used for every case. */
export const NBSP = "\u00a0";

const URL_LIKE = /(?:https?:\/\/|www\.)[^\s<>"]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

/** Units that stay on the line of the number before them. */
const UNITS = [
  "%",
  "‰",
  "FCFA",
  "F CFA",
  "CFA",
  "XOF",
  "USD",
  "EUR",
  "€",
  "\\$",
  "km",
  "kg",
  "ha",
  "ans",
  "mois",
  "jours",
  "years",
  "months",
  "days",
];
const NUMBER_UNIT = new RegExp(
  `(\\d) (${UNITS.join("|")})(?![\\p{L}\\p{N}])`.replace("F CFA", `F[ ${NBSP}]CFA`),
  "gu",
);
/** Groups of three digits after the first, joined by a space: "34 500 000". */
const GROUPED = /(?<![\d.,])(\d{1,3})((?: \d{3})+)(?![\d])/g;

const MONTHS_FR = [
  "Janvier",
  "Février",
  "Mars",
  "Avril",
  "Mai",
  "Juin",
  "Juillet",
  "Août",
  "Septembre",
  "Octobre",
  "Novembre",
  "Décembre",
];
// A month after a lower-case word, a figure or a comma is mid-sentence ("le 1er Décembre");
// after a colon too ("Période couverte : janvier"); after a full stop or at the start, it opens
// a sentence and keeps its capital.
const MONTH_MID_SENTENCE = new RegExp(
  `(?<=[\\p{Ll}\\d,;:)][ ${NBSP}])(${MONTHS_FR.join("|")})(?![\\p{L}])`,
  "gu",
);

function setPlain(text: string, lang: Lang): string {
  let out = text
    // An apostrophe after a letter (l'État, aujourd'hui, partners'): the typographer's one.
    .replace(/(?<=\p{L})'/gu, "’")
    .replace(GROUPED, (_all, head: string, rest: string) => head + rest.replaceAll(" ", NBSP))
    .replace(NUMBER_UNIT, `$1${NBSP}$2`);
  if (lang !== "fr") return out;
  out = out
    // A space before ; : ! ? » and after « does not break.
    .replace(/ (?=[;:!?»])/g, NBSP)
    .replace(/« /g, `«${NBSP}`)
    // Missing before ; ! ? (a word just before, a space or the end after) and inside « ».
    .replace(/(?<=[\p{L}\p{N})’"])([;!?]+)(?=\s|$)/gu, `${NBSP}$1`)
    // A colon straight after a word, then a space: "Note: x". Never between digits (10:30).
    .replace(/(?<=\p{L})(:)(?=\s)/gu, `${NBSP}$1`)
    .replace(/«(?=[\p{L}\p{N}])/gu, `«${NBSP}`)
    .replace(/(?<=[\p{L}\p{N}.!?…])»/gu, `${NBSP}»`)
    .replace(/(\d)%/g, `$1${NBSP}%`)
    .replace(MONTH_MID_SENTENCE, (month: string) => month.toLowerCase());
  return out;
}

/** The text as it should be printed in a document of that language. */
export function typeset(text: string, lang: Lang): string {
  if (text === "") return text;
  let out = "";
  let last = 0;
  for (const m of text.matchAll(URL_LIKE)) {
    out += setPlain(text.slice(last, m.index), lang) + m[0];
    last = m.index + m[0].length;
  }
  return out + setPlain(text.slice(last), lang);
}
