// Numbers written inside free text, rewritten in the separators of the language they are printed
// in: "34 500 000" and "12,5 %" typed by a French writer read "34,500,000" and "12.5%" in an
// English edition, and "34,500,000" reads "34 500 000" in a French one. Only unambiguous
// forms are touched: a lone "1,500" may be a French decimal, so French text keeps it as it is,
// and an English text never has its decimal point read as a thousands mark.
import type { Lang } from "./lang.ts";

// The blanks French writers put between thousands: space, no-break space, narrow no-break space.
const BLANK = "[ \\u00a0\\u202f]";
const FR_GROUPED = new RegExp(`(?<![\\d.,])\\d{1,3}(?:${BLANK}\\d{3})+(?:,\\d+)?(?![\\d])`, "g");
const FR_DECIMAL = /(?<![\d.,])(\d+),(\d{1,2})(?![\d,])/g;
const EN_GROUPED = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]|\.\d)/g;
// A percentage after a number: French sets it off by a space, English writes it against the number.
const EN_PERCENT = new RegExp(`(\\d)${BLANK}%`, "g");

/** The thousands mark French editions print: the no-break space formatNumber also uses. */
const FR_THOUSANDS = "\u00a0";

function toEnglish(text: string): string {
  return text
    .replace(FR_GROUPED, (n) =>
      n.replace(new RegExp(BLANK, "g"), "#").replace(",", ".").replace(/#/g, ","),
    )
    .replace(FR_DECIMAL, "$1.$2")
    .replace(EN_PERCENT, "$1%");
}

function toFrench(text: string): string {
  return text.replace(EN_GROUPED, (n) => {
    const groups = n.split(".")[0]?.split(",").length ?? 1;
    // "1,500" alone could be one and a half; two groups or a decimal point cannot.
    if (groups < 3 && !n.includes(".")) return n;
    return n.replace(/,/g, "#").replace(".", ",").replace(/#/g, FR_THOUSANDS);
  });
}

/** `text` with the numbers it quotes written as `lang` writes them. */
export function localiseNumbers(text: string, lang: Lang): string {
  return lang === "en" ? toEnglish(text) : toFrench(text);
}
