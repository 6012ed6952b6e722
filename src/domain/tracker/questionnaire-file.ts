// The questionnaire as a spreadsheet file: its sheets, its columns and how answers are written in
// cells. The contract between the export (reports/) and the import (importers/spreadsheet/).
import { formatInputNumber } from "../shared/format.ts";
import type { Lang } from "../shared/lang.ts";
import type { Contributes, Evidence, QuantifiedOutput, TypedOutput } from "./response.ts";

export const QUESTIONNAIRE_FILE = {
  format: "jalon-questionnaire/1",
  instructions: "Instructions",
  questionnaire: "Questionnaire",
  /** Hidden sheet naming the cycle and the partner the file was made for. */
  ids: "Jalon",
} as const;

/** The largest file an import reads. */
export const MAX_QUESTIONNAIRE_FILE = 10 * 1024 * 1024;

/**
 * What reading one uploaded workbook may cost. A questionnaire of a hundred indicators unpacks
 * to well under 1 MB of XML in a dozen entries; a "zip bomb" unpacks to hundreds.
 */
export const UNPACK_LIMITS = {
  /** Sum of the entries' uncompressed sizes, as the zip's central directory declares them. */
  bytes: 20 * 1024 * 1024,
  entries: 200,
  /** Rows of the questionnaire sheet. */
  rows: 2000,
  /** Wall time of the reading worker before it is ended. */
  ms: 10_000,
  /** Heap of the reading worker: past it the worker dies and the file is refused. */
  heapMb: 256,
} as const;

/** The columns of the questionnaire sheet, in order; the last two are hidden. */
export const QUESTIONNAIRE_COLUMNS = [
  "commitment",
  "number",
  "title",
  "contributes",
  "activities",
  "collaborators",
  "difficulties",
  "outputs",
  "evidence",
  "code",
  "version",
] as const;
export type QuestionnaireColumn = (typeof QUESTIONNAIRE_COLUMNS)[number];

export const CONTRIBUTES_WORDS: Record<Lang, Record<"yes" | "no", string>> = {
  fr: { yes: "Oui", no: "Non" },
  en: { yes: "Yes", no: "No" },
};

/** Every word the contributes column accepts, in either language. */
export const CONTRIBUTES_CHOICES = ["Oui", "Non", "Yes", "No"] as const;

export function contributesWord(value: Contributes, lang: Lang): string {
  return value === "unknown" ? "" : CONTRIBUTES_WORDS[lang][value];
}

/**
 * "619 prestataires formés; 33 000 000 FCFA; 12,5 km": numbers as the reader's language writes
 * them, exact, which the import reads back with the same decimal rule.
 */
export function formatOutputs(outputs: readonly QuantifiedOutput[], lang: Lang): string {
  return outputs.map((o) => formatOutput(o, lang)).join("; ");
}

/**
 * One output row in its cell: a number as the reader's language writes it, a quantity kept as
 * typed (a row not valid yet, `responses.held_rows`) exactly as it was typed.
 */
export function formatOutput(o: TypedOutput, lang: Lang): string {
  const value = typeof o.value === "number" ? formatInputNumber(lang, o.value) : o.value;
  return `${value} ${o.unit}`.trim();
}

/** Rows kept as typed, in the same cell format; the import reads them back as kept rows. */
export function formatTypedOutputs(outputs: readonly TypedOutput[], lang: Lang): string {
  return outputs.map((o) => formatOutput(o, lang)).join("; ");
}

/** One link per line, its title after the address. */
export function formatEvidence(evidence: readonly Evidence[]): string {
  return evidence.map(formatEvidenceLine).join("\n");
}

/** One link's line (a link kept as typed may have no address yet: its title alone). */
export function formatEvidenceLine(e: Evidence): string {
  return (e.title ? `${e.url} ${e.title}` : e.url).trim();
}
