// Public read model of a cycle's synthesis: contributors per WHO building block, indicators per
// status, the recap table, difficulties and recommendations.

import type { Executor } from "../../db/shared/audit.ts";
import type { ValidationMeeting } from "../../db/tracker/assessments.ts";
import { listAnswerKeys } from "../../db/tracker/responses.ts";
import { compareFr } from "../../domain/shared/group.ts";
import type { InLang, Lang } from "../../domain/shared/lang.ts";
import type { BuildingBlock } from "../../domain/tracker/building-block.ts";
import {
  type CycleRecommendation,
  type DifficultyLevel,
  groupDifficulties,
} from "../../domain/tracker/difficulty.ts";
import { isPublishedYes } from "../../domain/tracker/publication.ts";
import { PUBLIC_ANSWER_STATES } from "../../domain/tracker/response.ts";
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
  validationMeetingsIn,
  withPartners,
} from "./context.ts";
import { type CommitmentCard, getScorecard, type PartnerRef, partnerRef } from "./scorecard.ts";

export interface Synthesis {
  context: CycleContext;
  blocks: { block: BuildingBlock; partners: PartnerRef[]; indicatorCount: number }[];
  contributors: PartnerRef[];
  counts: StatusCounts;
  summary: CommitmentSummary;
  recap: CommitmentCard[];
  difficulties: { level: DifficultyLevel; items: { id: number; text: string }[] }[];
  recommendations: CycleRecommendation[];
  meetings: (InLang<ValidationMeeting, "title"> & { participants: PartnerRef[] })[];
}

export async function getSynthesis(
  db: Executor,
  cycleSlug: string,
  lang: Lang,
): Promise<Synthesis> {
  const scorecard = await getScorecard(db, cycleSlug, lang, { withOutcomes: false });
  const bare = scorecard.context;
  const [stored, difficulties, recommendations, meetings] = await Promise.all([
    listAnswerKeys(db, {
      states: PUBLIC_ANSWER_STATES,
      contributes: ["yes"],
      cycleIds: [bare.cycle.id],
    }),
    difficultiesIn(db, bare.cycle.id, lang),
    cycleRecommendationsIn(db, bare.cycle.id, lang),
    validationMeetingsIn(db, bare.cycle.id, lang),
  ]);
  // Only contributions count here, and a published "yes" needs no content to be told.
  const responses = stored.filter(isPublishedYes);
  // Only the partners the page names: contributors and the meetings' participants.
  const ctx = await withPartners(
    db,
    bare,
    [...responses.map((r) => r.partnerId), ...meetings.flatMap((m) => m.participantIds)],
    lang,
  );
  const byName = (a: PartnerRef, b: PartnerRef) => compareFr(a.shortName, b.shortName);
  return {
    context: ctx,
    blocks: contributorsPerBlock(ctx.indicators, responses).map((b) => ({
      block: b.block,
      indicatorCount: b.indicatorCount,
      partners: b.partnerIds.map((id) => partnerRef(ctx, id)).sort(byName),
    })),
    contributors: contributingPartnerIds(responses)
      .map((id) => partnerRef(ctx, id))
      .sort(byName),
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
