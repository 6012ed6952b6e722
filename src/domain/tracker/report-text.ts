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
  "project_summary",
  "objectives",
  "expected_results",
  "strategies",
  "methodology",
  "highlights",
  "synthesis",
  "conclusion",
] as const;
export type CycleTextKind = (typeof CYCLE_TEXT_KINDS)[number];

export function isCycleTextKind(value: string): value is CycleTextKind {
  return (CYCLE_TEXT_KINDS as readonly string[]).includes(value);
}

/**
 * Sections of the national template that every report has: while the coordinator has written
 * none for the cycle, a default text (in `i18n/tracker/report-defaults.ts`) is offered in the
 * editor and printed.
 */
export const DEFAULTED_TEXT_KINDS = [
  "project_summary",
  "strategies",
] as const satisfies readonly CycleTextKind[];

export function hasDefaultText(kind: CycleTextKind): boolean {
  return (DEFAULTED_TEXT_KINDS as readonly string[]).includes(kind);
}

/** The report's own sections, in order: a coordinator's section is placed after one of them. */
export const REPORT_SECTIONS = [
  "acronyms",
  "acknowledgements",
  "context",
  "project_summary",
  "objectives",
  "expected_results",
  "strategies",
  "methodology",
  "findings",
  "recap",
  "synthesis",
  "highlights",
  "difficulties",
  "recommendations",
  "conclusion",
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export function isReportSection(value: string): value is ReportSection {
  return (REPORT_SECTIONS as readonly string[]).includes(value);
}

export const MAX_SECTION_TITLE_LENGTH = 200;

/** A section the coordinator adds to a cycle's report, after one of the report's own. */
export interface CustomSection {
  id: number;
  after: ReportSection;
  title: string;
  titleEn: string | null;
  text: string;
  textEn: string | null;
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
