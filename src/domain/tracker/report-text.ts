// What a coordinator writes for a cycle's annual report, and how figures get into those texts:
// a text may hold {placeholders} that are filled from the data, so no number is typed twice.

/** The files the annual report is produced as. */
export const REPORT_FORMATS = ["docx", "pdf", "html", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** The kinds of text a cycle's report carries, in report order. */
export const CYCLE_TEXT_KINDS = [
  "acknowledgements",
  "context",
  "objectives",
  "expected_results",
  "methodology",
  "highlights",
  "synthesis",
  "conclusion",
] as const;
export type CycleTextKind = (typeof CYCLE_TEXT_KINDS)[number];

export function isCycleTextKind(value: string): value is CycleTextKind {
  return (CYCLE_TEXT_KINDS as readonly string[]).includes(value);
}

/** The figures a text may quote, each computed from the cycle's data. */
export const TEXT_PLACEHOLDERS = [
  "cycle", // the cycle's label: "Janvier – décembre 2022"
  "country",
  "organisation",
  "commitments",
  "indicators",
  "partners", // organisations that contributed (answered yes at least once)
  "mapped", // organisations asked (mapped to at least one indicator)
  "responses",
  "achieved",
  "on_track",
  "off_track",
  "not_assessed",
  "commitments_on_track", // commitments achieved or on track
] as const;
export type TextPlaceholder = (typeof TEXT_PLACEHOLDERS)[number];
export type TextValues = Record<TextPlaceholder, string>;

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** Replaces known {placeholders}; unknown ones stay as written, so a typo shows in the output. */
export function fillPlaceholders(text: string, values: TextValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    (TEXT_PLACEHOLDERS as readonly string[]).includes(name)
      ? values[name as TextPlaceholder]
      : whole,
  );
}

/** Placeholders a text uses that Jalon does not know, for a coordinator's error message. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)]
    .map((m) => m[1] ?? "")
    .filter((name) => !(TEXT_PLACEHOLDERS as readonly string[]).includes(name));
}

/** One token of letters and digits, with the few signs real acronyms use (SR/PF, HP+, PTF). */
export const ACRONYM_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}/+&.-]{0,23}$/u;
export const MAX_EXPANSION_LENGTH = 300;

export interface Acronym {
  acronym: string;
  expansion: string;
}

/**
 * The acronyms that occur in the given texts, alphabetically. An acronym matches as a whole
 * token: "SR" is found in "SR/PF" and "la SR", not in "SRAJ".
 */
export function acronymsUsed<A extends Acronym>(texts: readonly string[], acronyms: readonly A[]) {
  const corpus = texts.join("\n");
  return acronyms
    .filter((a) => {
      const escaped = a.acronym.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(corpus);
    })
    .sort((a, b) => a.acronym.localeCompare(b.acronym, "fr"));
}
