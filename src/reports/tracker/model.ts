// The annual report of a cycle as plain data: everything the renderers need, already in the
// report's language, with the figures as numbers. No I/O; built by services/reports.ts.

import type { Lang } from "../../domain/shared/lang.ts";
import type { BuildingBlock } from "../../domain/tracker/building-block.ts";
import type { Goal } from "../../domain/tracker/commitment.ts";
import type { DifficultyLevel } from "../../domain/tracker/difficulty.ts";
import type { GoalDirection, SeriesPoint } from "../../domain/tracker/outcome.ts";
import type { PartnerCategory } from "../../domain/tracker/partner.ts";
import type { Acronym, CycleTextKind, ReportSection } from "../../domain/tracker/report-text.ts";
import type { CollectionMethod, Contributes } from "../../domain/tracker/response.ts";
import type { Status } from "../../domain/tracker/status.ts";
import type { CommitmentSummary, StatusCounts } from "../../domain/tracker/synthesis.ts";
import type { OutcomeFacts } from "../../i18n/tracker/goal.ts";
import type { ReportAnnexes } from "./model-findings.ts";

export {
  isReportFormat,
  REPORT_FORMATS,
  type ReportFormat,
} from "../../domain/tracker/report-text.ts";
export type * from "./model-findings.ts";

export interface ReportContribution {
  /** Row number in the indicator's table, from 1. */
  n: number;
  partner: string; // short name (acronym, else name)
  partnerName: string;
  category: PartnerCategory;
  contributes: Contributes;
  activities: string | null;
  /** Partners worked with: directory short names, then free text. */
  collaborators: string[];
  difficulties: string | null;
  outputs: {
    value: number;
    unit: string;
    /** The unit made comparable (annex.ts normaliseUnit). */
    normalisedUnit: string;
    /** Other indicators (numbers) where the same partner gives the same figure: likely counted twice. */
    alsoUnder: string[];
  }[];
  evidence: { url: string; title: string | null }[];
  method: CollectionMethod;
  answeredAt: string | null; // ISO timestamp
}

export interface ReportIndicator {
  number: string; // "2.2"
  code: string; // "d", as in the questionnaire
  title: string;
  buildingBlocks: BuildingBlock[];
  status: Status;
  narrative: string | null;
  contributions: ReportContribution[];
}

/**
 * An outcome goal read against its series: a computed suggestion, printed beside the verdict
 * the stakeholders validated, never instead of it.
 */
export interface ReportOutcome extends OutcomeFacts {
  label: string;
  direction: GoalDirection;
  series: (OutcomeFacts["series"] & { code: string; name: string }) | null;
  reading: OutcomeFacts["reading"] & { latest: SeriesPoint | null };
  points: SeriesPoint[];
}

export interface ReportCommitment {
  number: number;
  title: string;
  goals: Goal[];
  outcomes: ReportOutcome[];
  /** The validated verdict: the meeting's when it recorded one, else the rule's. */
  verdict: Status;
  /** What the rule gives from the indicators' statuses (domain/tracker/verdict.ts). */
  computedVerdict: Status;
  /** The meeting's reason when its verdict differs from the rule's. */
  verdictReason: string | null;
  indicators: ReportIndicator[];
}

export interface ReportLogo {
  name: string;
  png: Uint8Array;
  width: number;
  height: number;
}

export interface ReportModel {
  lang: Lang;
  /** ISO date the report was produced (shown on the cover). */
  generatedOn: string;
  cover: {
    country: string; // tracker name: "Suivi des engagements FP2030 du Mali"
    countryCode: string;
    cycleSlug: string;
    cycleLabel: string;
    periodStart: string;
    periodEnd: string;
    organisation: string;
    /** The logos the coordinator chose for the cover, in order (PNG re-encoded on upload). */
    logos: ReportLogo[];
    /** The publication date (ISO) and place the coordinator set; null when not set. */
    publishedOn: string | null;
    place: string | null;
  };
  acronyms: Acronym[];
  /** The coordinator's texts, placeholders filled; null where nothing was written. */
  texts: Record<CycleTextKind, string | null>;
  /** The coordinator's own sections, each after one of the report's, placeholders filled. */
  sections: { after: ReportSection; title: string; text: string }[];
  methodology: {
    partnersMapped: number;
    partnersContributing: number;
    responses: number;
    methods: Record<CollectionMethod, number>;
    firstAnswer: string | null; // ISO date
    lastAnswer: string | null;
    meetings: { title: string; place: string; heldOn: string; participants: number }[];
  };
  counts: StatusCounts;
  summary: CommitmentSummary;
  blocks: { block: BuildingBlock; partners: string[] }[];
  /** Contributing organisations by category, every category kept in report order. */
  categories: { category: PartnerCategory; partners: string[] }[];
  /** Trends, response rates, partner annex, follow-up of recommendations. */
  annexes: ReportAnnexes;
  commitments: ReportCommitment[];
  difficulties: { level: DifficultyLevel; items: string[] }[];
  recommendations: string[];
}

export function indicatorCount(model: ReportModel): number {
  return model.commitments.reduce((n, c) => n + c.indicators.length, 0);
}

/** Every text the report prints, for finding which acronyms it uses. */
export function reportTexts(model: Omit<ReportModel, "acronyms">): string[] {
  return [
    model.cover.country,
    model.cover.organisation,
    ...Object.values(model.texts).filter((t): t is string => t !== null),
    ...model.sections.flatMap((s) => [s.title, s.text]),
    ...model.categories.flatMap((c) => c.partners),
    ...model.difficulties.flatMap((d) => d.items),
    ...model.recommendations,
    ...model.commitments.flatMap((c) => (c.verdictReason ? [c.verdictReason] : [])),
    ...(model.annexes.followUps?.items.flatMap((f) => [f.text, f.note ?? ""]) ?? []),
    ...model.methodology.meetings.map((m) => m.title),
    ...model.commitments.flatMap((c) => [
      c.title,
      ...c.goals.map((g) => g.indicator),
      ...c.outcomes.flatMap((o) => [
        o.label,
        ...(o.reading.latest ? [o.reading.latest.source] : []),
      ]),
      ...c.indicators.flatMap((i) => [
        i.title,
        i.narrative ?? "",
        ...i.contributions.flatMap((r) => [
          r.partner,
          r.activities ?? "",
          r.difficulties ?? "",
          ...r.collaborators,
          ...r.outputs.map((o) => o.unit),
        ]),
      ]),
    ]),
  ];
}

/** A text split into paragraphs and bullet items (lines starting with "- " or "• "). */
export type TextBlock = { kind: "p" | "li"; text: string };

export function textBlocks(text: string): TextBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const bullet = /^[-•*]\s+(.*)$/.exec(line);
      return bullet ? { kind: "li" as const, text: bullet[1] ?? "" } : { kind: "p", text: line };
    });
}
