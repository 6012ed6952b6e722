// Public read model of a cycle's synthesis: contributors per WHO building block (the first names
// of each, every name on the block's own pages), indicators per status, the recap table,
// difficulties and recommendations.

import type { Executor } from "../../db/shared/audit.ts";
import type { ValidationMeeting } from "../../db/tracker/assessments.ts";
import { listPublishedYesKeys } from "../../db/tracker/contributions.ts";
import { compareFr } from "../../domain/shared/group.ts";
import type { InLang, Lang } from "../../domain/shared/lang.ts";
import { notFound } from "../../domain/shared/problem.ts";
import type { BuildingBlock } from "../../domain/tracker/building-block.ts";
import {
  type CycleRecommendation,
  type DifficultyLevel,
  groupDifficulties,
} from "../../domain/tracker/difficulty.ts";
import {
  type CommitmentSummary,
  contributingPartnerIds,
  contributorsPerBlock,
  type StatusCounts,
} from "../../domain/tracker/synthesis.ts";
import {
  type CycleContext,
  cycleRecommendationsIn,
  difficultiesIn,
  loadCycleContext,
  validationMeetingsIn,
  withPartners,
} from "./context.ts";
import { type CommitmentCard, getScorecard, type PartnerRef, partnerRef } from "./scorecard.ts";

/** The synthesis names this many contributors of a block; the rest are on the block's pages. */
export const BLOCK_PARTNERS_SHOWN = 50;

export interface BlockContributors {
  block: BuildingBlock;
  /** Every partner that contributed to the block's indicators. */
  partnerCount: number;
  /** Those the view names, by name: the first BLOCK_PARTNERS_SHOWN, or one page of them. */
  partners: PartnerRef[];
  indicatorCount: number;
}

export interface Synthesis {
  context: CycleContext;
  blocks: BlockContributors[];
  contributors: PartnerRef[];
  counts: StatusCounts;
  summary: CommitmentSummary;
  recap: CommitmentCard[];
  difficulties: { level: DifficultyLevel; items: { id: number; text: string }[] }[];
  recommendations: CycleRecommendation[];
  meetings: (InLang<ValidationMeeting, "title"> & { participants: PartnerRef[] })[];
}

const byName = (a: PartnerRef, b: PartnerRef) => compareFr(a.shortName, b.shortName);

/** Who contributed to what in the cycle: only contributions count, and a published "yes" needs
 * no content to be told (isPublishedYes), so only the two ids of those answers are read. */
function contributionKeys(db: Executor, ctx: CycleContext) {
  return listPublishedYesKeys(db, ctx.cycle.id);
}

/**
 * Every contributor by name, and every block's contributors, all of them, by name (the partners
 * read into `ctx`). One sort of every contributor, then each block keeps that order: sorting
 * each block's thousands of names again cost more than the rest of the page.
 */
function contributorsOf(
  ctx: CycleContext,
  responses: Parameters<typeof contributorsPerBlock>[1],
): { contributors: PartnerRef[]; blocks: BlockContributors[] } {
  // Ids ascending first, so that partners of one name keep their id order (the sort is stable).
  const everyone = contributingPartnerIds(responses)
    .map((id) => ({ id, ref: partnerRef(ctx, id) }))
    .sort((a, b) => byName(a.ref, b.ref));
  const blocks = contributorsPerBlock(ctx.indicators, responses).map((b) => {
    const own = new Set(b.partnerIds);
    return {
      block: b.block,
      indicatorCount: b.indicatorCount,
      partnerCount: b.partnerIds.length,
      partners: everyone.filter((p) => own.has(p.id)).map((p) => p.ref),
    };
  });
  return { contributors: everyone.map((p) => p.ref), blocks };
}

export async function getSynthesis(
  db: Executor,
  cycleSlug: string,
  lang: Lang,
): Promise<Synthesis> {
  const scorecard = await getScorecard(db, cycleSlug, lang, { withOutcomes: false });
  const bare = scorecard.context;
  const [responses, difficulties, recommendations, meetings] = await Promise.all([
    contributionKeys(db, bare),
    difficultiesIn(db, bare.cycle.id, lang),
    cycleRecommendationsIn(db, bare.cycle.id, lang),
    validationMeetingsIn(db, bare.cycle.id, lang),
  ]);
  // Only the partners the page names: contributors and the meetings' participants.
  const ctx = await withPartners(
    db,
    bare,
    [...responses.map((r) => r.partnerId), ...meetings.flatMap((m) => m.participantIds)],
    lang,
  );
  const { contributors, blocks } = contributorsOf(ctx, responses);
  return {
    context: ctx,
    blocks: blocks.map((b) => ({ ...b, partners: b.partners.slice(0, BLOCK_PARTNERS_SHOWN) })),
    contributors,
    counts: scorecard.counts,
    summary: scorecard.summary,
    recap: scorecard.commitments,
    difficulties: groupDifficulties(difficulties),
    recommendations,
    meetings: meetings.map((m) => ({
      ...m,
      participants: m.participantIds.map((id) => partnerRef(ctx, id)).sort(byName),
    })),
  };
}

/** The contributors to one building block list this many partners a page. */
export const BLOCK_PARTNERS_PER_PAGE = 50;

export interface BlockPage {
  context: CycleContext;
  contributors: BlockContributors;
  /** The rank of the first partner shown (1-based), 0 when none is. */
  firstShown: number;
  pages: { current: number; count: number };
}

/** One page of the partners that contributed to a building block's indicators in a cycle. */
export async function getBlockContributors(
  db: Executor,
  cycleSlug: string,
  block: BuildingBlock,
  page: number,
  lang: Lang,
): Promise<BlockPage> {
  const bare = await loadCycleContext(db, cycleSlug, lang);
  const responses = await contributionKeys(db, bare);
  // The names of the block's contributors only: they are sorted by name to be cut into pages.
  const blocks = new Map(bare.indicators.map((i) => [i.id, i.buildingBlocks]));
  const own = responses.filter((r) => blocks.get(r.indicatorId)?.includes(block));
  const ctx = await withPartners(
    db,
    bare,
    own.map((r) => r.partnerId),
    lang,
  );
  const all = contributorsOf(ctx, own).blocks.find((b) => b.block === block);
  if (!all) throw notFound("block", block);
  const count = Math.max(1, Math.ceil(all.partnerCount / BLOCK_PARTNERS_PER_PAGE));
  // Out of range is not found, as on the validation page.
  if (page < 1 || page > count) throw notFound("page", String(page));
  const from = (page - 1) * BLOCK_PARTNERS_PER_PAGE;
  const partners = all.partners.slice(from, from + BLOCK_PARTNERS_PER_PAGE);
  return {
    context: ctx,
    contributors: { ...all, partners },
    firstShown: partners.length > 0 ? from + 1 : 0,
    pages: { current: page, count },
  };
}
