// Public read model of a cycle's synthesis: contributors per WHO building block, indicators per
// status, the recap table, difficulties and recommendations.

import type { Executor } from "../../db/shared/audit.ts";
import type { ValidationMeeting } from "../../db/tracker/assessments.ts";
import { listResponses } from "../../db/tracker/responses.ts";
import type { InLang, Lang } from "../../domain/shared/lang.ts";
import type { BuildingBlock } from "../../domain/tracker/building-block.ts";
import {
  type CycleRecommendation,
  type DifficultyLevel,
  groupDifficulties,
} from "../../domain/tracker/difficulty.ts";
import { isPublishedAnswer } from "../../domain/tracker/publication.ts";
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
  const scorecard = await getScorecard(db, cycleSlug, lang);
  const ctx = scorecard.context;
  const [stored, difficulties, recommendations, meetings] = await Promise.all([
    listResponses(db, {
      states: PUBLIC_ANSWER_STATES,
      cycleIds: [ctx.cycle.id],
    }),
    difficultiesIn(db, ctx.cycle.id, lang),
    cycleRecommendationsIn(db, ctx.cycle.id, lang),
    validationMeetingsIn(db, ctx.cycle.id, lang),
  ]);
  const responses = stored.filter(isPublishedAnswer);
  const byName = (a: PartnerRef, b: PartnerRef) => a.shortName.localeCompare(b.shortName, "fr");
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
