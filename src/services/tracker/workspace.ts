// Read models of the workspace: the cycle overview, the mapping grid and a partner's panel.

import { findExtension } from "../../db/tracker/collection.ts";
import { listInvitations } from "../../db/tracker/invitations.ts";
import { listMappings } from "../../db/tracker/mappings.ts";
import { findPartnerBySlug } from "../../db/tracker/partners.ts";
import { listResponseMeta } from "../../db/tracker/responses.ts";
import { groupBy } from "../../domain/shared/group.ts";
import { inLang, type Lang } from "../../domain/shared/lang.ts";
import { type Actor, can, seesDraftReports } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { acceptsAnswer } from "../../domain/tracker/collection.ts";
import { indicatorNumber } from "../../domain/tracker/commitment.ts";
import { groupByCategory, partnerShortName } from "../../domain/tracker/partner.ts";
import { utcDay } from "../../domain/tracker/tracking.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import {
  commitmentsIn,
  cyclesIn,
  loadTracker,
  loadTrackerCycle,
  partnersIn,
  processIndicatorsIn,
} from "./context.ts";

export async function cycleOverview(db: Db, actor: Actor, slug: string, lang: Lang) {
  authorise(actor, "workspace.read");
  const { tracker, cycle } = await loadTrackerCycle(db, slug, lang);
  const [partners, mappings, meta] = await Promise.all([
    partnersIn(db, tracker.id, lang),
    listMappings(db, cycle.id),
    listResponseMeta(db, cycle.id),
  ]);
  const mappedOf = groupBy(mappings, (m) => m.partnerId);
  const answeredOf = groupBy(meta, (m) => m.partner_id);
  const asked = partners
    .map((p) => ({
      ...p,
      mapped: mappedOf.get(p.id)?.length ?? 0,
      answered: answeredOf.get(p.id)?.length ?? 0,
    }))
    .filter((p) => p.mapped > 0);
  return {
    tracker,
    cycle,
    groups: groupByCategory(asked),
    partnersAsked: asked.length,
    canEditTexts: can(actor, "cycle.setup"),
    /** Open and close collection, move the deadline. */
    canSetUp: can(actor, "cycle.setup"),
    /** Publish and reopen. */
    canPublish: can(actor, "cycle.publish"),
    canDownloadReport: cycle.state === "published" || seesDraftReports(actor),
  };
}

export async function mappingGrid(db: Db, actor: Actor, slug: string, lang: Lang) {
  authorise(actor, "workspace.read");
  const { tracker, cycle } = await loadTrackerCycle(db, slug, lang);
  const [partners, commitments, indicators, mappings, meta] = await Promise.all([
    partnersIn(db, tracker.id, lang),
    commitmentsIn(db, tracker.id, lang),
    processIndicatorsIn(db, tracker.id, lang),
    listMappings(db, cycle.id),
    listResponseMeta(db, cycle.id),
  ]);
  const numberOf = new Map(commitments.map((c) => [c.id, c.number]));
  const mappedOf = groupBy(mappings, (m) => m.partnerId);
  const answeredOf = groupBy(meta, (m) => m.partner_id);
  return {
    cycle,
    canEdit: can(actor, "cycle.setup") && cycle.state !== "published",
    indicators: indicators.map((i) => ({
      id: i.id,
      code: i.code,
      number: indicatorNumber(numberOf.get(i.commitmentId) ?? 0, i),
      title: i.title,
    })),
    groups: groupByCategory(partners).map((g) => ({
      category: g.category,
      partners: g.partners.map((p) => ({
        id: p.id,
        slug: p.slug,
        shortName: partnerShortName(p),
        name: p.name,
        mapped: new Set((mappedOf.get(p.id) ?? []).map((m) => m.indicatorId)),
        answered: new Set((answeredOf.get(p.id) ?? []).map((m) => m.indicator_id)),
      })),
    })),
  };
}

export async function partnerPanel(
  db: Db,
  actor: Actor,
  cycleSlug: string,
  partnerSlug: string,
  lang: Lang,
) {
  authorise(actor, "workspace.read");
  const { tracker, cycle } = await loadTrackerCycle(db, cycleSlug, lang);
  const partner = await findPartnerBySlug(db, tracker.id, partnerSlug);
  if (!partner) throw notFound("partner", partnerSlug);
  const [invitations, mappings, meta, extendedUntil] = await Promise.all([
    listInvitations(db, cycle.id),
    listMappings(db, cycle.id, partner.id),
    listResponseMeta(db, cycle.id, partner.id),
    findExtension(db, cycle.id, partner.id),
  ]);
  return {
    cycle,
    // A partner opened by its slug is named in French, in either language of the workspace.
    partner: inLang(partner, "fr", "name"),
    canInvite: can(actor, "cycle.setup"),
    /** Whether the questionnaire opens for entry on the partner's behalf, or to read only. */
    canEnter:
      acceptsAnswer({
        cycleState: cycle.state,
        extendedUntil,
        today: utcDay(new Date()),
        byCoordinator: true,
        answerState: null,
      }) && can(actor, "response.write", { cycleId: cycle.id, partnerId: partner.id }),
    mapped: mappings.filter((m) => m.partnerId === partner.id).length,
    answered: meta.length,
    extendedUntil,
    canExtend:
      can(actor, "cycle.setup") && (cycle.state === "collection" || cycle.state === "validation"),
    submitted: meta.filter((m) => m.state === "submitted" || m.state === "validated").length,
    invitations: invitations
      .filter((i) => i.partner_id === partner.id)
      .map((i) => ({
        // Validators and programme managers see that a link exists, not to whom it went.
        email: can(actor, "contacts.read") ? i.email : null,
        hidden: i.email !== null && !can(actor, "contacts.read"),
        createdAt: i.created_at.toISOString(),
        state: i.revoked_at ? "revoked" : i.used_at ? "used" : "pending",
      })),
  };
}

/** Published and unpublished cycles, newest first, for the "carry forward from" choice. */
export async function cycleChoices(db: Db, lang: Lang) {
  const tracker = await loadTracker(db, lang);
  return cyclesIn(db, tracker.id, lang);
}
