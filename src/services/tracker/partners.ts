// Public read models of partners: the directory by category and a partner's contributions in
// published cycles.

import type { Executor } from "../../db/shared/audit.ts";
import { findPartnerBySlug } from "../../db/tracker/partners.ts";
import {
  countAnswersByPartner,
  countResponses,
  listResponses,
} from "../../db/tracker/responses.ts";
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
import { CONTRIBUTES, PUBLIC_ANSWER_STATES } from "../../domain/tracker/response.ts";
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
  const cycleIds = cycles.map((c) => c.id);
  // A published "yes" is told from its state alone (isPublishedYes), so those are counted in
  // SQL; an "unknown" counts only with something in it, so only those are read with content.
  const [counts, unknown] = await Promise.all([
    countAnswersByPartner(db, { states: PUBLIC_ANSWER_STATES, contributes: ["yes"], cycleIds }),
    listResponses(db, { states: PUBLIC_ANSWER_STATES, contributes: ["unknown"], cycleIds }),
  ]);
  for (const r of unknown.filter(isPublishedContribution))
    counts.set(r.partnerId, (counts.get(r.partnerId) ?? 0) + 1);
  const entries = partners.map((p) => ({ ...p, contributions: counts.get(p.id) ?? 0 }));
  return { tracker, groups: groupByCategory(entries), total: entries.length };
}

/** The directory lists this many partners a page, the categories' one after the other. */
export const PARTNERS_PER_PAGE = 50;

export interface DirectoryPage {
  tracker: TrackerInfo;
  /** Every category, in report order, with how many partners it holds (that match the search). */
  categories: { category: PartnerCategory; count: number; firstPage: number }[];
  /** The categories of the partners on this page, with those partners (and, without a search,
   * the empty categories that fall on it). */
  groups: { category: PartnerCategory; partners: DirectoryEntry[] }[];
  /** Partners in the tracker, and of them those that match the search (all without one). */
  total: number;
  matching: number;
  /** The rank of the first partner shown (1-based), 0 when none is. */
  firstShown: number;
  query: string;
  pages: { current: number; count: number };
}

/** Lower case without accents, so that "amppf" finds "AMPPF" and "sante" finds "Santé". */
const folded = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/**
 * One page of the public directory, optionally of the partners whose name or acronym contains
 * `query`: the counts are over every matching partner; contributions are counted for the page's.
 */
export async function getDirectoryPage(
  db: Executor,
  lang: Lang,
  at: { page: number; query: string },
): Promise<DirectoryPage> {
  const tracker = await loadTracker(db, lang);
  const [partners, cycles] = await Promise.all([
    partnersIn(db, tracker.id, lang),
    publishedCycles(db, tracker.id, lang),
  ]);
  const query = at.query.trim();
  const wanted = folded(query);
  const matching =
    wanted === ""
      ? partners
      : partners.filter((p) => folded(`${p.name} ${p.acronym ?? ""}`).includes(wanted));
  const grouped = groupByCategory(matching);
  const order = grouped.flatMap((g) => g.partners);
  const count = Math.max(1, Math.ceil(order.length / PARTNERS_PER_PAGE));
  // Out of range is not found, as on the validation page.
  if (at.page < 1 || at.page > count) throw notFound("page", String(at.page));
  const from = (at.page - 1) * PARTNERS_PER_PAGE;
  const shown = order.slice(from, from + PARTNERS_PER_PAGE);
  const partnerIds = shown.map((p) => p.id);
  const cycleIds = cycles.map((c) => c.id);
  const [counts, unknown] = await Promise.all([
    countAnswersByPartner(db, {
      states: PUBLIC_ANSWER_STATES,
      contributes: ["yes"],
      cycleIds,
      partnerIds,
    }),
    listResponses(db, {
      states: PUBLIC_ANSWER_STATES,
      contributes: ["unknown"],
      cycleIds,
      partnerIds,
    }),
  ]);
  for (const r of unknown.filter(isPublishedContribution))
    counts.set(r.partnerId, (counts.get(r.partnerId) ?? 0) + 1);
  const onPage = new Set(partnerIds);
  let offset = 0;
  const categories = grouped.map((g) => {
    const entry = {
      category: g.category,
      count: g.partners.length,
      firstPage: Math.min(count, Math.floor(offset / PARTNERS_PER_PAGE) + 1),
    };
    offset += g.partners.length;
    return entry;
  });
  return {
    tracker,
    categories,
    groups: grouped
      .map((g) => ({
        category: g.category,
        partners: g.partners
          .filter((p) => onPage.has(p.id))
          .map((p) => ({ ...p, contributions: counts.get(p.id) ?? 0 })),
      }))
      // Without a search, an empty category keeps its section, on the page where it would fall.
      .filter(
        (g, i) =>
          g.partners.length > 0 ||
          (query === "" && categories[i]?.count === 0 && categories[i]?.firstPage === at.page),
      ),
    total: partners.length,
    matching: matching.length,
    firstShown: shown.length > 0 ? from + 1 : 0,
    query,
    pages: { current: at.page, count },
  };
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
  const found = await findPartnerBySlug(db, tracker.id, slug);
  if (!found) throw notFound("partner", slug);
  const [cycles, commitments, indicators] = await Promise.all([
    publishedCycles(db, tracker.id, lang),
    commitmentsIn(db, tracker.id, lang),
    processIndicatorsIn(db, tracker.id, lang),
  ]);
  const cycleIds = cycles.map((c) => c.id);
  const [own, citedBy] = await Promise.all([
    listResponses(db, {
      states: PUBLIC_ANSWER_STATES,
      cycleIds,
      partnerId: found.id,
    }),
    // Published contributions that name the partner, counted: an answer naming a collaborator
    // is never empty, so being published and not a "no" is all isPublishedContribution asks.
    countResponses(db, {
      states: PUBLIC_ANSWER_STATES,
      cycleIds,
      collaboratorId: found.id,
      contributes: CONTRIBUTES.filter((c) => c !== "no"),
    }),
  ]);
  // Only the partner and those its answers name as collaborators.
  const partners = await partnersIn(db, tracker.id, lang, [
    found.id,
    ...own.flatMap((r) => r.collaboratorIds),
  ]);
  const partner = partners.find((p) => p.id === found.id);
  if (!partner) throw notFound("partner", slug);
  const indicatorOf = new Map(indicators.map((i) => [i.id, i]));
  const commitmentOf = new Map(commitments.map((c) => [c.id, c]));
  const byId = new Map(partners.map((p) => [p.id, p]));
  const result: PartnerPage["cycles"] = [];
  for (const cycle of cycles) {
    const statuses = new Map(
      (await assessmentsIn(db, cycle.id, lang)).map((a) => [a.indicatorId, a.status]),
    );
    const contributions = own
      .filter((r) => r.cycleId === cycle.id && isPublishedContribution(r))
      .flatMap((r): PartnerContribution[] => {
        const indicator = indicatorOf.get(r.indicatorId);
        const commitment = indicator ? commitmentOf.get(indicator.commitmentId) : undefined;
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
  return { tracker, partner, cycles: result, citedBy };
}
