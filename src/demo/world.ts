// The shape of a demo world: plain data that the demo loader writes through the services.
import type { BuildingBlock } from "../domain/tracker/building-block.ts";
import type { CycleState } from "../domain/tracker/cycle.ts";
import type { DifficultyLevel } from "../domain/tracker/difficulty.ts";
import type { SeriesPoint } from "../domain/tracker/outcome.ts";
import type { PartnerCategory } from "../domain/tracker/partner.ts";
import type { CycleTextKind } from "../domain/tracker/report-text.ts";
import type { CollectionMethod, Contributes } from "../domain/tracker/response.ts";
import type { Status } from "../domain/tracker/status.ts";

/** Text kept in French (the default) and, where written, in English. */
export interface Text {
  fr: string;
  en?: string;
}

export interface WorldPartner {
  /** Stable key, also the URL slug: "onasr", "psat-canada". */
  key: string;
  name: Text;
  acronym: string | null;
  category: PartnerCategory;
}

export interface WorldGoal {
  indicator: Text;
  unit: string;
  baselineValue: number | null;
  baselineYear: number | null;
  baselineSource: string | null;
  targetValue: number;
  targetYear: number;
  /** The code of the outcome series (World.outcomeSeries) that measures the goal. */
  series?: string;
}

/**
 * A series measuring outcome goals: published figures, imported with their sources, or (with
 * `health`) a public indicator of the health world read at one unit, whose figures are computed
 * from the health data and so listed nowhere here.
 */
export interface WorldSeries {
  code: string;
  name: Text;
  unit: string;
  points: SeriesPoint[];
  /** The health indicator and the unit followed, by code. */
  health?: { indicator: string; orgUnit: string };
}

export interface WorldOutput {
  value: number;
  /** Unit in the partner's words: "prestataires formés", "FCFA", "structures de santé". */
  unit: string;
}

export interface WorldContribution {
  partner: string; // WorldPartner.key
  contributes: Contributes;
  /** The partner's activities, in French, as a respondent would write them. */
  activities: string | null;
  collaborators: string[]; // WorldPartner.key of partners worked with
  collaboratorsText: string | null; // partners not in the directory (projects, programmes)
  difficulties: string | null;
  outputs: WorldOutput[];
  evidence: { url: string; title: string | null }[];
  method: CollectionMethod;
  answeredBy: string | null;
  answeredAt: string; // ISO date within the collection period
}

/** The English of one answer's free texts, as the coordinator gave it for the English edition. */
export interface WorldAnswerEnglish {
  activities?: string;
  collaboratorsText?: string;
  difficulties?: string;
}

export interface WorldProcessIndicator {
  code: string; // letter code a–z
  title: Text;
  buildingBlocks: BuildingBlock[];
  status: Status;
  narrative: Text | null;
  contributions: WorldContribution[];
}

export interface WorldCommitment {
  number: number;
  title: Text;
  goals: WorldGoal[];
  indicators: WorldProcessIndicator[]; // in report order: position 1, 2, …
}

export interface WorldValidationMeeting {
  key: string;
  title: Text;
  heldOn: string; // ISO date
  place: string;
  participants: string[]; // WorldPartner.key
}

export interface World {
  tracker: { countryCode: string; name: Text; organisation: string };
  cycle: {
    slug: string;
    label: Text;
    periodStart: string;
    periodEnd: string;
    state: CycleState;
    /** The meeting (WorldValidationMeeting.key) where the statuses were validated. */
    validatedAt: string;
  };
  partners: WorldPartner[];
  commitments: WorldCommitment[];
  meetings: WorldValidationMeeting[];
  difficulties: { level: DifficultyLevel; text: Text }[];
  recommendations: Text[];
  /** The series of published figures that the goals name by code. */
  outcomeSeries?: WorldSeries[];
  /** The tracker's list of acronyms, for the report (only those its text uses are printed). */
  acronyms?: { acronym: string; expansion: Text }[];
  /** The coordinator's report texts for the cycle; may quote figures as {placeholders}. */
  texts?: Partial<Record<CycleTextKind, Text>>;
  /** The English of the answers, by indicator number and partner key ("2.d/psi"). */
  answersEn?: Record<string, WorldAnswerEnglish>;
  /** The English of output units, by their French (one list for the tracker). */
  unitsEn?: Record<string, string>;
}
