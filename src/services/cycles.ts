// The coordinator's cycle workflow: create a cycle from the previous one, map partners to
// indicators, open and close collection, publish (which freezes), reopen with a reason.

import { recordAudit } from "../db/audit.ts";
import { listIndicators } from "../db/commitments.ts";
import {
  type CycleRecord,
  findCycleRecord,
  insertCycle,
  listCycles,
  updateCycle,
} from "../db/cycles.ts";
import { listPartners } from "../db/partners.ts";
import { deleteMapping, insertMapping, listMappings } from "../db/responses.ts";
import { type CycleState, canTransition, isValidPeriod } from "../domain/cycle.ts";
import { isCalendarDate } from "../domain/input.ts";
import type { Lang } from "../domain/lang.ts";
import { slugify } from "../domain/partner.ts";
import { type Actor, actorLabel, can } from "../domain/policy.ts";
import { notFound, Problem } from "../domain/problem.ts";
import { loadTracker } from "./context.ts";
import type { Db } from "./db.ts";

export function authorise(actor: Actor, action: Parameters<typeof can>[1], scope = {}): void {
  if (!can(actor, action, scope)) {
    throw new Problem(actor.kind === "anonymous" ? "unauthenticated" : "forbidden", action);
  }
}

/** A cycle in any state; unknown slugs are not found. */
export async function cycleRecord(db: Db, slug: string, lang: Lang): Promise<CycleRecord> {
  const tracker = await loadTracker(db, lang);
  const cycle = await findCycleRecord(db, tracker.id, slug, lang);
  if (!cycle) throw notFound("cycle", slug);
  return cycle;
}

export async function workspaceCycles(db: Db, actor: Actor, lang: Lang) {
  authorise(actor, "workspace.read");
  const tracker = await loadTracker(db, lang);
  return { tracker, cycles: await listCycles(db, tracker.id, lang) };
}

export interface NewCycleInput {
  slug: string;
  label: string;
  labelEn: string | null;
  periodStart: string;
  periodEnd: string;
  fromSlug: string | null;
}

/** Creates a cycle in set-up; carries the previous cycle's partner mapping forward. */
export async function createCycle(db: Db, actor: Actor, input: NewCycleInput, lang: Lang) {
  authorise(actor, "cycle.setup");
  const slug = slugify(input.slug);
  if (!slug) throw new Problem("invalid_input", "slug");
  if (input.label.trim() === "") throw new Problem("invalid_input", "label");
  if (!isValidPeriod(input.periodStart, input.periodEnd))
    throw new Problem("invalid_input", "period");
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    const tracker = await loadTracker(trx, lang);
    if (await findCycleRecord(trx, tracker.id, slug, lang))
      throw new Problem("conflict", "slug", { value: slug });
    const previous = input.fromSlug
      ? await findCycleRecord(trx, tracker.id, input.fromSlug, lang)
      : undefined;
    if (input.fromSlug && !previous)
      throw new Problem("invalid_input", "from", { value: input.fromSlug });
    const row = await insertCycle(trx, by, {
      trackerId: tracker.id,
      slug,
      label: input.label.trim(),
      labelEn: input.labelEn?.trim() || null,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      state: "setup",
      publishedAt: null,
      previousCycleId: previous?.id ?? null,
    });
    if (previous) {
      for (const m of await listMappings(trx, previous.id)) {
        await insertMapping(trx, by, { cycleId: row.id, ...m });
      }
    }
    return { slug };
  });
}

/** Sets the mapping to exactly the given pairs; pairs that already carry an answer are kept. */
export async function setMapping(
  db: Db,
  actor: Actor,
  slug: string,
  pairs: { partnerId: number; indicatorId: number }[],
  lang: Lang,
): Promise<{ added: number; removed: number; kept: number }> {
  authorise(actor, "cycle.setup");
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    const cycle = await cycleRecord(trx, slug, lang);
    if (cycle.state === "published") throw new Problem("conflict", "published");
    // Only pairs of this tracker's partners and indicators: anything else is bad input.
    const [partners, indicators] = await Promise.all([
      listPartners(trx, cycle.trackerId, lang),
      listIndicators(trx, cycle.trackerId, lang),
    ]);
    const partnerIds = new Set(partners.map((p) => p.id));
    const indicatorIds = new Set(indicators.map((i) => i.id));
    const unknown = pairs.find(
      (p) => !partnerIds.has(p.partnerId) || !indicatorIds.has(p.indicatorId),
    );
    if (unknown)
      throw new Problem("invalid_input", "mapping", {
        value: `${unknown.partnerId}:${unknown.indicatorId}`,
      });
    const key = (p: { partnerId: number; indicatorId: number }) =>
      `${p.partnerId}:${p.indicatorId}`;
    const current = await listMappings(trx, cycle.id);
    const wanted = new Map(pairs.map((p) => [key(p), p]));
    const existing = new Set(current.map(key));
    let added = 0;
    let removed = 0;
    let kept = 0;
    for (const p of wanted.values()) {
      if (existing.has(key(p))) continue;
      await insertMapping(trx, by, { cycleId: cycle.id, ...p });
      added += 1;
    }
    for (const p of current) {
      if (wanted.has(key(p))) continue;
      if (await deleteMapping(trx, by, { cycleId: cycle.id, ...p })) removed += 1;
      else kept += 1;
    }
    return { added, removed, kept };
  });
}

async function move(
  db: Db,
  actor: Actor,
  slug: string,
  to: CycleState,
  lang: Lang,
  extra: { deadline?: string; reason?: string } = {},
): Promise<void> {
  const by = actorLabel(actor);
  await db.transaction().execute(async (trx) => {
    const cycle = await cycleRecord(trx, slug, lang);
    if (!canTransition(cycle.state, to)) {
      throw new Problem("conflict", "state", { from: cycle.state, to });
    }
    await updateCycle(trx, by, cycle.id, {
      state: to,
      published_at: to === "published" ? new Date() : null,
      ...(extra.deadline ? { deadline: extra.deadline } : {}),
    });
    if (extra.reason) {
      await recordAudit(trx, {
        actor: by,
        action: "update",
        entity: "cycles",
        entityId: cycle.id,
        before: { state: cycle.state },
        after: { state: to, reason: extra.reason },
      });
    }
  });
}

export async function openCollection(
  db: Db,
  actor: Actor,
  slug: string,
  deadline: string,
  lang: Lang,
) {
  authorise(actor, "cycle.setup");
  if (!isCalendarDate(deadline)) {
    throw new Problem("invalid_input", "deadline");
  }
  await move(db, actor, slug, "collection", lang, { deadline });
}

export async function closeCollection(db: Db, actor: Actor, slug: string, lang: Lang) {
  authorise(actor, "cycle.setup");
  await move(db, actor, slug, "validation", lang);
}

export async function publishCycle(db: Db, actor: Actor, slug: string, lang: Lang) {
  authorise(actor, "cycle.publish");
  await move(db, actor, slug, "published", lang);
}

/** Reopening a published cycle needs a reason, kept in the audit log. */
export async function reopenCycle(db: Db, actor: Actor, slug: string, reason: string, lang: Lang) {
  authorise(actor, "cycle.publish");
  if (reason.trim().length < 5) throw new Problem("invalid_input", "reason");
  const cycle = await cycleRecord(db, slug, lang);
  if (cycle.state !== "published")
    throw new Problem("conflict", "state", { from: cycle.state, to: "validation" });
  await move(db, actor, slug, "validation", lang, { reason: reason.trim() });
}
