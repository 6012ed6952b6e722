// Loads what every public view of a cycle needs, once: the tracker, the published cycle, its
// commitments, indicators, statuses and partners. Unpublished cycles are not public: they are
// reported as missing, exactly like an unknown id.

import type { Executor } from "../../db/shared/audit.ts";
import { listAcronyms } from "../../db/tracker/acronyms.ts";
import {
  listAssessments,
  listValidationMeetings,
  type Assessment as StoredAssessment,
} from "../../db/tracker/assessments.ts";
import {
  listCommitments,
  listProcessIndicators,
  type StoredCommitment,
} from "../../db/tracker/commitments.ts";
import { type CycleRecord, findCycleRecord, listCycles } from "../../db/tracker/cycles.ts";
import { listCycleRecommendations, listDifficulties } from "../../db/tracker/difficulties.ts";
import { listPartners } from "../../db/tracker/partners.ts";
import { findDefaultTracker } from "../../db/tracker/trackers.ts";
import { type InLang, inLang, type Lang } from "../../domain/shared/lang.ts";
import { notFound } from "../../domain/shared/problem.ts";
import type { Commitment, ProcessIndicator } from "../../domain/tracker/commitment.ts";
import { type Cycle, isPublished, latestPublished } from "../../domain/tracker/cycle.ts";
import type { Partner } from "../../domain/tracker/partner.ts";
import type { Status } from "../../domain/tracker/status.ts";

export interface TrackerInfo {
  id: number;
  countryCode: string;
  name: string;
  organisation: string;
}

export interface CycleContext {
  tracker: TrackerInfo;
  cycle: Cycle;
  publishedCycles: Cycle[];
  commitments: Commitment[];
  indicators: ProcessIndicator[];
  assessments: Map<number, Assessment>;
  partners: Map<number, Partner>;
}

/** An indicator's status in a cycle, its narrative in the read model's language. */
export type Assessment = InLang<StoredAssessment, "narrative">;

export async function loadTracker(db: Executor, lang: Lang): Promise<TrackerInfo> {
  const row = await findDefaultTracker(db);
  if (!row) throw notFound("tracker", "default");
  return inLang(row, lang, "name");
}

// What db/ stores in both languages, read in the language of the view being built.

export async function cyclesIn(db: Executor, trackerId: number, lang: Lang): Promise<Cycle[]> {
  return (await listCycles(db, trackerId)).map((c) => inLang(c, lang, "label"));
}

export async function partnersIn(db: Executor, trackerId: number, lang: Lang): Promise<Partner[]> {
  return (await listPartners(db, trackerId)).map((p) => inLang(p, lang, "name"));
}

/** A cycle in any state (for the workspace), its label in one language. */
export type CycleRecordIn = InLang<CycleRecord, "label">;

export async function cycleRecordIn(
  db: Executor,
  trackerId: number,
  slug: string,
  lang: Lang,
): Promise<CycleRecordIn | undefined> {
  const cycle = await findCycleRecord(db, trackerId, slug);
  return cycle && inLang(cycle, lang, "label");
}

export function commitmentIn(c: StoredCommitment, lang: Lang): Commitment {
  return {
    ...inLang(c, lang, "title"),
    goals: c.goals.map((g) => inLang(g, lang, "indicator")),
  };
}

export async function commitmentsIn(
  db: Executor,
  trackerId: number,
  lang: Lang,
): Promise<Commitment[]> {
  return (await listCommitments(db, trackerId)).map((c) => commitmentIn(c, lang));
}

export async function processIndicatorsIn(
  db: Executor,
  trackerId: number,
  lang: Lang,
): Promise<ProcessIndicator[]> {
  return (await listProcessIndicators(db, trackerId)).map((i) => inLang(i, lang, "title"));
}

export async function difficultiesIn(db: Executor, cycleId: number, lang: Lang) {
  return (await listDifficulties(db, cycleId)).map((d) => inLang(d, lang, "text"));
}

export async function cycleRecommendationsIn(db: Executor, cycleId: number, lang: Lang) {
  return (await listCycleRecommendations(db, cycleId)).map((r) => inLang(r, lang, "text"));
}

export async function validationMeetingsIn(db: Executor, cycleId: number, lang: Lang) {
  return (await listValidationMeetings(db, cycleId)).map((m) => inLang(m, lang, "title"));
}

export async function acronymsIn(db: Executor, trackerId: number, lang: Lang) {
  return (await listAcronyms(db, trackerId)).map((a) => inLang(a, lang, "expansion"));
}

export async function assessmentsIn(
  db: Executor,
  cycleId: number,
  lang: Lang,
): Promise<Assessment[]> {
  return (await listAssessments(db, cycleId)).map((a) => inLang(a, lang, "narrative"));
}

/** The latest published cycle, without loading its content. */
export async function latestPublishedCycle(db: Executor, lang: Lang): Promise<Cycle> {
  const tracker = await loadTracker(db, lang);
  const cycle = latestPublished(await cyclesIn(db, tracker.id, lang));
  if (!cycle) throw notFound("cycle", "latest");
  return cycle;
}

/** The published cycle named by slug, or the latest published one when slug is undefined. */
export async function loadCycleContext(
  db: Executor,
  slug: string | undefined,
  lang: Lang,
): Promise<CycleContext> {
  const tracker = await loadTracker(db, lang);
  const cycles = await cyclesIn(db, tracker.id, lang);
  const publishedCycles = cycles.filter(isPublished);
  const cycle =
    slug === undefined ? latestPublished(cycles) : publishedCycles.find((c) => c.slug === slug);
  if (!cycle) throw notFound("cycle", slug ?? "latest");
  const [commitments, indicators, assessments, partners] = await Promise.all([
    commitmentsIn(db, tracker.id, lang),
    processIndicatorsIn(db, tracker.id, lang),
    assessmentsIn(db, cycle.id, lang),
    partnersIn(db, tracker.id, lang),
  ]);
  return {
    tracker,
    cycle,
    publishedCycles,
    commitments,
    indicators,
    assessments: new Map(assessments.map((a) => [a.indicatorId, a])),
    partners: new Map(partners.map((p) => [p.id, p])),
  };
}

export function statusOf(ctx: CycleContext, indicatorId: number): Status {
  return ctx.assessments.get(indicatorId)?.status ?? "not_assessed";
}

export function indicatorsOf(ctx: CycleContext, commitmentId: number): ProcessIndicator[] {
  return ctx.indicators.filter((i) => i.commitmentId === commitmentId);
}
