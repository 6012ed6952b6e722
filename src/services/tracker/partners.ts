// Public read models of partners: the directory by category and a partner's contributions in
// published cycles.

import type { Executor } from "../../db/shared/audit.ts";
import { listResponses } from "../../db/tracker/responses.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { indicatorNumber } from "../../domain/tracker/commitment.ts";
import { type Cycle, isPublished } from "../../domain/tracker/cycle.ts";
import {
  groupByCategory,
  type Partner,
  type PartnerCategory,
  partnerShortName,
} from "../../domain/tracker/partner.ts";
import { isPublishedContribution } from "../../domain/tracker/publication.ts";
import { PUBLIC_ANSWER_STATES } from "../../domain/tracker/response.ts";
import type { Status } from "../../domain/tracker/status.ts";
import {
  assessmentsIn,
  commitmentsIn,
  cyclesIn,
  loadTracker,
  partnersIn,
  processIndicatorsIn,
  type TrackerInfo,
} from "./context.ts";

export interface DirectoryEntry extends Partner {
  contributions: number;
}

export interface Directory {
  tracker: TrackerInfo;
  groups: { category: PartnerCategory; partners: DirectoryEntry[] }[];
  total: number;
}

async function publishedCycles(db: Executor, trackerId: number, lang: Lang): Promise<Cycle[]> {
  return (await cyclesIn(db, trackerId, lang)).filter(isPublished);
}

export async function getDirectory(db: Executor, lang: Lang): Promise<Directory> {
  const tracker = await loadTracker(db, lang);
  const [partners, cycles] = await Promise.all([
    partnersIn(db, tracker.id, lang),
    publishedCycles(db, tracker.id, lang),
  ]);
  const responses = await listResponses(db, {
    states: PUBLIC_ANSWER_STATES,
    cycleIds: cycles.map((c) => c.id),
  });
  const counts = new Map<number, number>();
  for (const r of responses.filter(isPublishedContribution))
    counts.set(r.partnerId, (counts.get(r.partnerId) ?? 0) + 1);
  const entries = partners.map((p) => ({ ...p, contributions: counts.get(p.id) ?? 0 }));
  return { tracker, groups: groupByCategory(entries), total: entries.length };
}

export interface PartnerContribution {
  commitmentNumber: number;
  commitmentTitle: string;
  indicator: { code: string; number: string; title: string; status: Status };
  contributes: "yes" | "no" | "unknown";
  activities: string | null;
  outputs: { value: number; unit: string }[];
  collaborators: { slug: string; shortName: string }[];
  collaboratorsText: string | null;
}

export interface PartnerPage {
  tracker: TrackerInfo;
  partner: Partner;
  cycles: { cycle: Cycle; contributions: PartnerContribution[] }[];
  /** Responses of other partners that name this one as a collaborator, per cycle. */
  citedBy: number;
}

export async function getPartnerPage(db: Executor, slug: string, lang: Lang): Promise<PartnerPage> {
  const tracker = await loadTracker(db, lang);
  const partners = await partnersIn(db, tracker.id, lang);
  const partner = partners.find((p) => p.slug === slug);
  if (!partner) throw notFound("partner", slug);
  const [cycles, commitments, indicators] = await Promise.all([
    publishedCycles(db, tracker.id, lang),
    commitmentsIn(db, tracker.id, lang),
    processIndicatorsIn(db, tracker.id, lang),
  ]);
  const cycleIds = cycles.map((c) => c.id);
  const [own, all] = await Promise.all([
    listResponses(db, {
      states: PUBLIC_ANSWER_STATES,
      cycleIds,
      partnerId: partner.id,
    }),
    listResponses(db, {
      states: PUBLIC_ANSWER_STATES,
      cycleIds,
    }),
  ]);
  const byId = new Map(partners.map((p) => [p.id, p]));
  const result: PartnerPage["cycles"] = [];
  for (const cycle of cycles) {
    const statuses = new Map(
      (await assessmentsIn(db, cycle.id, lang)).map((a) => [a.indicatorId, a.status]),
    );
    const contributions = own
      .filter((r) => r.cycleId === cycle.id && isPublishedContribution(r))
      .flatMap((r): PartnerContribution[] => {
        const indicator = indicators.find((i) => i.id === r.indicatorId);
        const commitment = commitments.find((c) => c.id === indicator?.commitmentId);
        if (!indicator || !commitment) return [];
        return [
          {
            commitmentNumber: commitment.number,
            commitmentTitle: commitment.title,
            indicator: {
              code: indicator.code,
              number: indicatorNumber(commitment.number, indicator),
              title: indicator.title,
              status: statuses.get(indicator.id) ?? "not_assessed",
            },
            contributes: r.contributes,
            activities: r.activities,
            outputs: r.outputs,
            collaborators: r.collaboratorIds.flatMap((id) => {
              const p = byId.get(id);
              return p ? [{ slug: p.slug, shortName: partnerShortName(p) }] : [];
            }),
            collaboratorsText: r.collaboratorsText,
          },
        ];
      });
    if (contributions.length > 0) result.push({ cycle, contributions });
  }
  const citedBy = all.filter(
    (r) => isPublishedContribution(r) && r.collaboratorIds.includes(partner.id),
  ).length;
  return { tracker, partner, cycles: result, citedBy };
}
