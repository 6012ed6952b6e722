// The synthesis a cycle's report computes: contributors per building block, indicators per
// status, and a verdict per commitment. Plain functions over plain data.
import { BUILDING_BLOCKS, type BuildingBlock } from "./building-block.ts";
import type { ProcessIndicator } from "./commitment.ts";
import { type Contributes, isContribution } from "./response.ts";
import { STATUSES, type Status } from "./status.ts";
import { commitmentVerdict } from "./verdict.ts";

export { commitmentVerdict };

export type StatusCounts = Record<Status, number>;

export function countByStatus(statuses: readonly Status[]): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const s of statuses) counts[s] += 1;
  return counts;
}

interface ContributionRow {
  partnerId: number;
  indicatorId: number;
  contributes: Contributes;
}

export interface BlockContributors {
  block: BuildingBlock;
  partnerIds: number[];
  indicatorCount: number;
}

/**
 * Organisations contributing to each WHO building block: a partner counts once per block when it
 * contributes to at least one indicator of that block. A partner may count in several blocks.
 */
export function contributorsPerBlock(
  indicators: readonly Pick<ProcessIndicator, "id" | "buildingBlocks">[],
  responses: readonly ContributionRow[],
): BlockContributors[] {
  const blocksOf = new Map(indicators.map((i) => [i.id, i.buildingBlocks]));
  const partners = new Map<BuildingBlock, Set<number>>(BUILDING_BLOCKS.map((b) => [b, new Set()]));
  for (const r of responses) {
    if (!isContribution(r)) continue;
    for (const block of blocksOf.get(r.indicatorId) ?? []) partners.get(block)?.add(r.partnerId);
  }
  return BUILDING_BLOCKS.map((block) => ({
    block,
    partnerIds: [...(partners.get(block) ?? [])].sort((a, b) => a - b),
    indicatorCount: indicators.filter((i) => i.buildingBlocks.includes(block)).length,
  }));
}

/** Distinct partners that contributed to at least one indicator. */
export function contributingPartnerIds(responses: readonly ContributionRow[]): number[] {
  return [...new Set(responses.filter(isContribution).map((r) => r.partnerId))].sort(
    (a, b) => a - b,
  );
}

export interface CommitmentSummary {
  total: number;
  verdicts: StatusCounts;
  /** Commitments achieved or on track — the "4 of 6 on track" figure. */
  onTrackOrBetter: number;
}

export function summariseCommitments(
  statusesPerCommitment: readonly Status[][],
): CommitmentSummary {
  const verdicts = countByStatus(statusesPerCommitment.map(commitmentVerdict));
  return {
    total: statusesPerCommitment.length,
    verdicts,
    onTrackOrBetter: verdicts.achieved + verdicts.on_track,
  };
}

/** Share of a total as a whole percentage, 0 when the total is 0. */
export function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 100);
}
