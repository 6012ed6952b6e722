// Public read models of a published cycle: the scorecard and a commitment's page.

import type { Executor } from "../../db/shared/audit.ts";
import { contributionsPage } from "../../db/tracker/contributions.ts";
import { findPreviousCycleId } from "../../db/tracker/cycles.ts";
import { listResponses } from "../../db/tracker/responses.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { notFound } from "../../domain/shared/problem.ts";
import type { BuildingBlock } from "../../domain/tracker/building-block.ts";
import { type Goal, indicatorNumber } from "../../domain/tracker/commitment.ts";
import {
  comparisonBase,
  notYetAssessed,
  periodName,
  statusChanges,
} from "../../domain/tracker/comparison.ts";
import { partnerShortName } from "../../domain/tracker/partner.ts";
import { isPublishedContribution } from "../../domain/tracker/publication.ts";
import type { Evidence, QuantifiedOutput, Response } from "../../domain/tracker/response.ts";
import { PUBLIC_ANSWER_STATES } from "../../domain/tracker/response.ts";
import type { Status } from "../../domain/tracker/status.ts";
import {
  type CommitmentSummary,
  countByStatus,
  type StatusCounts,
} from "../../domain/tracker/synthesis.ts";
import {
  countVerdicts,
  type RecordedVerdict,
  validatedVerdict,
} from "../../domain/tracker/verdict.ts";
import {
  assessmentsIn,
  type CycleContext,
  indicatorsOf,
  loadCycleContext,
  statusOf,
  withPartners,
} from "./context.ts";
import { type OutcomeView, outcomesOf } from "./outcomes.ts";
import { verdictsOf } from "./verdicts.ts";

export interface IndicatorMark {
  id: number;
  code: string;
  number: string;
  title: string;
  status: Status;
}

export interface CommitmentCard {
  number: number;
  title: string;
  goals: Goal[];
  /** Each goal read against its series: a computed suggestion, shown beside the verdict. */
  outcomes: OutcomeView[];
  verdict: Status;
  counts: StatusCounts;
  indicators: IndicatorMark[];
}

export interface Scorecard {
  context: CycleContext;
  commitments: CommitmentCard[];
  counts: StatusCounts;
  summary: CommitmentSummary;
  comparison: Comparison | null;
}

/** Statuses that changed since the published cycle this one is compared with. */
export interface Comparison {
  since: { slug: string; label: string; name: string };
  changes: {
    indicatorId: number;
    commitment: number;
    number: string;
    code: string;
    from: Status;
    to: Status;
  }[];
  /** Indicators assessed then that this cycle has not assessed (yet): not a change. */
  pending: { indicatorId: number; commitment: number; number: string; code: string; was: Status }[];
}

/** Null when there is no earlier published cycle to compare with. */
async function loadComparison(
  db: Executor,
  ctx: CycleContext,
  commitments: CommitmentCard[],
  lang: Lang,
): Promise<Comparison | null> {
  const previousId = await findPreviousCycleId(db, ctx.cycle.id);
  const base = comparisonBase(ctx.cycle, ctx.publishedCycles, previousId);
  if (!base) return null;
  const before = await assessmentsIn(db, base.id, lang);
  const marks = commitments.flatMap((c) =>
    c.indicators.map((i) => ({ ...i, commitment: c.number })),
  );
  const then = new Map(before.map((a) => [a.indicatorId, a.status]));
  const now = new Map(marks.map((i) => [i.id, i.status]));
  const changes = statusChanges(marks, then, now);
  const markOf = new Map(marks.map((m) => [m.id, m]));
  const where = (indicatorId: number) => {
    const mark = markOf.get(indicatorId);
    return {
      commitment: mark?.commitment ?? 0,
      number: mark?.number ?? "",
      code: mark?.code ?? "",
    };
  };
  return {
    since: { slug: base.slug, label: base.label, name: periodName(base) },
    changes: changes.map((change) => ({ ...change, ...where(change.indicatorId) })),
    pending: notYetAssessed(marks, then, now).map((p) => ({ ...p, ...where(p.indicatorId) })),
  };
}

function cards(
  ctx: CycleContext,
  outcomes: Map<number, OutcomeView[]>,
  recorded: Map<number, RecordedVerdict> | undefined,
): CommitmentCard[] {
  return ctx.commitments.map((c) => {
    const indicators = indicatorsOf(ctx, c.id).map((i) => ({
      id: i.id,
      code: i.code,
      number: indicatorNumber(c.number, i),
      title: i.title,
      status: statusOf(ctx, i.id),
    }));
    const statuses = indicators.map((i) => i.status);
    return {
      number: c.number,
      title: c.title,
      goals: c.goals,
      outcomes: outcomes.get(c.id) ?? [],
      // The validated verdict: the meeting's when it recorded one, as in the report.
      verdict: validatedVerdict(statuses, recorded?.get(c.id)).status,
      counts: countByStatus(statuses),
      indicators,
    };
  });
}

/**
 * The scorecard names no partner: its context carries none. The synthesis, which shows no
 * outcome goal, asks for the cards without them (`withOutcomes: false`).
 */
export async function getScorecard(
  db: Executor,
  cycleSlug: string | undefined,
  lang: Lang,
  options: { withOutcomes: boolean } = { withOutcomes: true },
): Promise<Scorecard> {
  const context = await loadCycleContext(db, cycleSlug, lang);
  const outcomes = options.withOutcomes
    ? await outcomesOf(
        db,
        context.commitments.map((c) => c.id),
        lang,
      )
    : new Map<number, OutcomeView[]>();
  const recorded = await verdictsOf(db, [context.cycle.id], lang);
  const commitments = cards(context, outcomes, recorded.get(context.cycle.id));
  return {
    context,
    commitments,
    counts: countByStatus(commitments.flatMap((c) => c.indicators.map((i) => i.status))),
    summary: countVerdicts(commitments.map((c) => c.verdict)),
    comparison: await loadComparison(db, context, commitments, lang),
  };
}

export interface PartnerRef {
  slug: string;
  name: string;
  shortName: string;
}

export interface ContributionView {
  partner: PartnerRef;
  contributes: Response["contributes"];
  activities: string | null;
  collaborators: PartnerRef[];
  collaboratorsText: string | null;
  difficulties: string | null;
  outputs: QuantifiedOutput[];
  evidence: Evidence[];
  method: Response["method"];
}

export interface IndicatorDetail extends IndicatorMark {
  buildingBlocks: BuildingBlock[];
  narrative: string | null;
  /** Its published contributions, all of them, whatever the page shows. */
  contributionCount: number;
  /** Those of them on the page shown, in order. */
  contributions: ContributionView[];
  /** The rank of the first one shown among the indicator's (1-based), 0 when none is. */
  firstShown: number;
  /** The pages its contributions run over (1 and 1 when it has none). */
  firstPage: number;
  lastPage: number;
}

/** A commitment page lists this many contributions, the indicators' one after the other. */
export const CONTRIBUTIONS_PER_PAGE = 50;

export interface CommitmentPage {
  context: CycleContext;
  commitment: CommitmentCard;
  indicators: IndicatorDetail[];
  previous: number | null;
  next: number | null;
  comparison: Comparison | null;
  pages: { current: number; count: number };
}

export function partnerRef(ctx: CycleContext, partnerId: number): PartnerRef {
  const p = ctx.partners.get(partnerId);
  if (!p) return { slug: "", name: "?", shortName: "?" };
  return { slug: p.slug, name: p.name, shortName: partnerShortName(p) };
}

export function contributionView(ctx: CycleContext, r: Response): ContributionView {
  return {
    partner: partnerRef(ctx, r.partnerId),
    contributes: r.contributes,
    activities: r.activities,
    collaborators: r.collaboratorIds.map((id) => partnerRef(ctx, id)),
    collaboratorsText: r.collaboratorsText,
    difficulties: r.difficulties,
    outputs: r.outputs,
    evidence: r.evidence,
    method: r.method,
  };
}

/** A page of a commitment: every indicator, and one page of their contributions (1 if absent). */
export async function getCommitmentPage(
  db: Executor,
  cycleSlug: string,
  commitmentNumber: number,
  lang: Lang,
  page = 1,
): Promise<CommitmentPage> {
  const bare = await loadCycleContext(db, cycleSlug, lang);
  const id = bare.commitments.find((c) => c.number === commitmentNumber)?.id;
  if (id === undefined) throw notFound("commitment", commitmentNumber);
  const [outcomes, recorded] = await Promise.all([
    outcomesOf(db, [id], lang),
    verdictsOf(db, [bare.cycle.id], lang),
  ]);
  const all = cards(bare, outcomes, recorded.get(bare.cycle.id));
  const index = all.findIndex((c) => c.number === commitmentNumber);
  const commitment = all[index];
  if (!commitment) throw notFound("commitment", commitmentNumber);
  const indicatorIds = commitment.indicators.map((i) => i.id);
  // The counts are over every contribution; only the page's answers are read whole. The page
  // number is checked after the statement that counts them (a page beyond the last reads none).
  const from = (page - 1) * CONTRIBUTIONS_PER_PAGE;
  const { counts, ids } = await contributionsPage(db, bare.cycle.id, indicatorIds, {
    offset: from,
    limit: CONTRIBUTIONS_PER_PAGE,
  });
  const total = indicatorIds.reduce((n, id) => n + (counts.get(id) ?? 0), 0);
  const count = Math.max(1, Math.ceil(total / CONTRIBUTIONS_PER_PAGE));
  // Out of range is not found, as on the validation page.
  if (page < 1 || page > count) throw notFound("page", String(page));
  const responses = await listResponses(db, {
    states: PUBLIC_ANSWER_STATES,
    cycleIds: [bare.cycle.id],
    ids,
  });
  // Only the partners these answers name: their authors and collaborators.
  const context = await withPartners(
    db,
    bare,
    responses.flatMap((r) => [r.partnerId, ...r.collaboratorIds]),
    lang,
  );
  const indicatorOf = new Map(context.indicators.map((i) => [i.id, i]));
  const contributionsOf = new Map<number, ContributionView[]>();
  // Read in indicator then id order: each indicator's list keeps the order its ids were paged in.
  for (const r of responses) {
    if (!isPublishedContribution(r)) continue;
    const list = contributionsOf.get(r.indicatorId) ?? [];
    list.push(contributionView(context, r));
    contributionsOf.set(r.indicatorId, list);
  }
  const pageAt = (offset: number) =>
    Math.min(count, Math.floor(offset / CONTRIBUTIONS_PER_PAGE) + 1);
  let offset = 0;
  const indicators = commitment.indicators.map((mark): IndicatorDetail => {
    const own = counts.get(mark.id) ?? 0;
    const shown = contributionsOf.get(mark.id) ?? [];
    const detail: IndicatorDetail = {
      ...mark,
      buildingBlocks: indicatorOf.get(mark.id)?.buildingBlocks ?? [],
      narrative: context.assessments.get(mark.id)?.narrative ?? null,
      contributionCount: own,
      contributions: shown,
      firstShown: shown.length > 0 ? Math.max(from - offset, 0) + 1 : 0,
      firstPage: pageAt(offset),
      lastPage: pageAt(offset + Math.max(own, 1) - 1),
    };
    offset += own;
    return detail;
  });
  return {
    context,
    commitment,
    indicators,
    previous: all[index - 1]?.number ?? null,
    next: all[index + 1]?.number ?? null,
    comparison: await loadComparison(db, context, [commitment], lang),
    pages: { current: page, count },
  };
}
