// Loads what every public view of a cycle needs, once: the tracker, the published cycle, its
// commitments, indicators, statuses and partners. Unpublished cycles are not public: they are
// reported as missing, exactly like an unknown id.

import type { Executor } from "../../db/shared/audit.ts";
import { type Assessment, listAssessments } from "../../db/tracker/assessments.ts";
import { listCommitments, listProcessIndicators } from "../../db/tracker/commitments.ts";
import { type CycleRecord, findCycleRecord, listCycles } from "../../db/tracker/cycles.ts";
import { listPartners } from "../../db/tracker/partners.ts";
import { findDefaultTracker } from "../../db/tracker/trackers.ts";
import type { Lang } from "../../domain/shared/lang.ts";
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
  /** The partners the view names, once read (withPartners); empty otherwise. */
  partners: Map<number, Partner>;
}

export async function loadTracker(db: Executor, lang: Lang): Promise<TrackerInfo> {
  const row = await findDefaultTracker(db);
  if (!row) throw notFound("tracker", "default");
  return {
    id: row.id,
    countryCode: row.country_code,
    name: lang === "en" && row.name_en ? row.name_en : row.name,
    organisation: row.organisation,
  };
}

/** The latest published cycle, without loading its content. */
export async function latestPublishedCycle(db: Executor, lang: Lang): Promise<Cycle> {
  const tracker = await loadTracker(db, lang);
  const cycle = latestPublished(await listCycles(db, tracker.id, lang));
  if (!cycle) throw notFound("cycle", "latest");
  return cycle;
}

/**
 * The published cycle named by slug, or the latest published one when slug is undefined. Its
 * partners are left out: a view that names partners reads only those (withPartners), not a
 * list that grows with the tracker.
 */
export async function loadCycleContext(
  db: Executor,
  slug: string | undefined,
  lang: Lang,
): Promise<CycleContext> {
  const tracker = await loadTracker(db, lang);
  const cycles = await listCycles(db, tracker.id, lang);
  const publishedCycles = cycles.filter(isPublished);
  const cycle =
    slug === undefined ? latestPublished(cycles) : publishedCycles.find((c) => c.slug === slug);
  if (!cycle) throw notFound("cycle", slug ?? "latest");
  const [commitments, indicators, assessments] = await Promise.all([
    listCommitments(db, tracker.id, lang),
    listProcessIndicators(db, tracker.id, lang),
    listAssessments(db, cycle.id, lang),
  ]);
  return {
    tracker,
    cycle,
    publishedCycles,
    commitments,
    indicators,
    assessments: new Map(assessments.map((a) => [a.indicatorId, a])),
    partners: new Map(),
  };
}

/** The context with the partners of these ids, for a view that names only a few of them. */
export async function withPartners(
  db: Executor,
  ctx: CycleContext,
  ids: readonly number[],
  lang: Lang,
): Promise<CycleContext> {
  const partners = await listPartners(db, ctx.tracker.id, lang, ids);
  return { ...ctx, partners: new Map(partners.map((p) => [p.id, p])) };
}

export function statusOf(ctx: CycleContext, indicatorId: number): Status {
  return ctx.assessments.get(indicatorId)?.status ?? "not_assessed";
}

export function indicatorsOf(ctx: CycleContext, commitmentId: number): ProcessIndicator[] {
  return ctx.indicators.filter((i) => i.commitmentId === commitmentId);
}

/** The tracker and one of its cycles in any state (unknown slugs are not found). */
export async function loadTrackerCycle(
  db: Executor,
  slug: string,
  lang: Lang,
): Promise<{ tracker: TrackerInfo; cycle: CycleRecord }> {
  const tracker = await loadTracker(db, lang);
  const cycle = await findCycleRecord(db, tracker.id, slug, lang);
  if (!cycle) throw notFound("cycle", slug);
  return { tracker, cycle };
}
