// Telling French from English in a rendered report: a passage is French when French function
// words ("le", "des", "pour", "dans"…) outnumber English ones and are at least two, or when
// it has accented French words and no English word at all. Place names with accents (Ségou,
// Kéniéba) and French proper names inside English sentences do not make a sentence French.

const FRENCH = new Set(
  "le la les des du de et pour dans une un est sont aux au avec sur par qui que ou en ces cette leur leurs ont été à ses son sa nous ne pas plus".split(
    " ",
  ),
);
const ENGLISH = new Set(
  "the and of to in for with on by is are was were a an from that this its their have has be at as or it".split(
    " ",
  ),
);

export interface LanguageScore {
  french: number;
  english: number;
  accented: number;
  words: number;
}

export function languageScore(text: string): LanguageScore {
  const words = text.toLowerCase().match(/[\p{L}’']+/gu) ?? [];
  let french = 0;
  let english = 0;
  let accented = 0;
  for (const raw of words) {
    // "l'outil", "d'action": the elided article is French.
    const elided = /^(l|d|qu|n|s|j|c)['’](.+)$/.exec(raw);
    const word = elided?.[2] ?? raw;
    if (elided) french += 1;
    if (FRENCH.has(word)) french += 1;
    if (ENGLISH.has(word)) english += 1;
    if (/[éèêàùçôî]/.test(word)) accented += 1;
  }
  return { french, english, accented, words: words.length };
}

export function looksFrench(text: string): boolean {
  const s = languageScore(text);
  if (s.french >= 2 && s.french > s.english) return true;
  return s.english === 0 && s.accented >= 2 && s.french >= 1;
}

/** The passages that look French and are not opened by the untranslated mark. */
export function unmarkedFrench(passages: string[], mark: string): string[] {
  return passages
    .map((p) => p.trim())
    .filter((p) => p !== "" && !p.startsWith(mark) && looksFrench(p));
}

/** The visible text of an HTML page, one passage per paragraph, item, cell or heading. */
export function htmlPassages(page: string): string[] {
  const body = page
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<svg[\s\S]*?<\/svg>/g, "")
    .replace(/<(p|li|td|th|h[1-6]|div|tr|br|small|span|dd|dt|figcaption|caption)(\s[^>]*)?>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  return body
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}
