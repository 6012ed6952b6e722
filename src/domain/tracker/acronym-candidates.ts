// Tokens of a report's text that look like acronyms and are not in the tracker's list, each
// with the places it occurs, so a coordinator can spell them out before the report goes out.
// A token looks like an acronym when it has at least two capitals, one part opening on two of
// them: "ONASR", "CSCom", "DHIS2", "SR/PF", "DMPA-SC" — not "Mali", "Pays-Bas", "AmplifyChange"
// nor a Roman numeral.

const TOKEN =
  /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*(?:[/&+-]\p{Lu}[\p{L}\p{N}]*)*\+?(?![\p{L}\p{N}])/gu;
const ROMAN = /^[IVXLCDM]+$/;

function looksLikeAcronym(token: string): boolean {
  if (token.length < 2 || token.length > 24) return false;
  const capitals = [...token].filter((c) => /\p{Lu}/u.test(c)).length;
  if (capitals < 2) return false;
  if (ROMAN.test(token)) return false;
  // One part at least opens on two capitals or a capital and a figure ("CSCom", "B2"): words
  // joined by a hyphen ("Pays-Bas") or run together ("AmplifyChange") are names, not acronyms.
  if (!token.split(/[/&+-]/).some((part) => /^\p{Lu}[\p{Lu}\p{N}]/u.test(part))) return false;
  // A word in capitals for emphasis is rare in these texts; a long all-capital run of letters
  // past twelve is a shout, not an acronym.
  return !(capitals > 12 && /^\p{Lu}+$/u.test(token));
}

export interface Candidate<W> {
  token: string;
  /** Where it occurs, each place once, in the order first met. */
  where: W[];
}

/**
 * The acronym-like tokens of the texts that the list does not hold (compared whatever the
 * case), most frequent first, then alphabetically. `key` tells two places apart.
 */
export function acronymCandidates<W>(
  entries: readonly { text: string; where: W }[],
  known: readonly string[],
  key: (where: W) => string = (w) => JSON.stringify(w),
): Candidate<W>[] {
  const listed = new Set(known.map((k) => k.toLowerCase()));
  const found = new Map<string, { where: Map<string, W>; count: number }>();
  for (const entry of entries) {
    for (const m of entry.text.matchAll(TOKEN)) {
      const token = m[0];
      if (!looksLikeAcronym(token) || listed.has(token.toLowerCase())) continue;
      const seen = found.get(token) ?? { where: new Map<string, W>(), count: 0 };
      seen.count += 1;
      seen.where.set(key(entry.where), entry.where);
      found.set(token, seen);
    }
  }
  return [...found]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0], "fr"))
    .map(([token, seen]) => ({ token, where: [...seen.where.values()] }));
}
