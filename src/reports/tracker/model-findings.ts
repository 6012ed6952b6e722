// The parts of the report model the findings and annexes add: trends across cycles, response
// rates, the partner annex, the follow-up of the previous cycle's recommendations. Plain data.
import type { PartnerCategory } from "../../domain/tracker/partner.ts";
import type { Evidence } from "../../domain/tracker/response.ts";
import type { Status } from "../../domain/tracker/status.ts";
import type { FollowUp } from "../../domain/tracker/verdict.ts";

export interface ReportRate {
  asked: number;
  answered: number;
}

export interface ReportTrends {
  /** The earlier cycles, oldest first, then the report's own (last). */
  cycles: { slug: string; label: string; year: string }[];
  /** Each indicator's status per cycle, in the order of `cycles`. */
  indicators: { number: string; title: string; statuses: Status[] }[];
  /** Each commitment's verdict per cycle, in the order of `cycles`. */
  commitments: { number: number; title: string; verdicts: Status[] }[];
}

export interface ReportPartnerBlock {
  partner: string;
  partnerName: string;
  category: PartnerCategory;
  /** Indicators it was asked about, and answered. */
  rate: ReportRate;
  /** Its place in the partner × indicator grid: by indicator number, where it was asked. */
  grid: Record<string, "contributed" | "answered" | "silent">;
  contributions: {
    indicator: string; // "2.2"
    title: string;
    activities: string | null;
    outputs: { value: number; unit: string }[];
    evidence: Evidence[];
  }[];
}

export interface ReportAnnexes {
  /** Null when the report's cycle is the first. */
  trends: ReportTrends | null;
  responseRates: {
    /** Partner × indicator pairs asked vs answered. */
    overall: ReportRate;
    indicators: ({ number: string; title: string } & ReportRate)[];
    /** Organisations asked vs answered (at least one answer), per category in report order. */
    categories: ({ category: PartnerCategory; silent: string[] } & ReportRate)[];
  };
  /** One block per partner asked or contributing, by short name. */
  partners: ReportPartnerBlock[];
  followUps: {
    cycleLabel: string;
    /** The year the followed cycle ends, for the section's title. */
    cycleYear: string;
    items: { text: string; followUp: FollowUp | null; note: string | null }[];
  } | null;
}
