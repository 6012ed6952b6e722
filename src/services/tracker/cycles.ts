// The coordinator's cycle workflow: create a cycle from the previous one, map partners to
// indicators, open and close collection, publish (which freezes), reopen with a reason.

import { recordAudit } from "../../db/shared/audit.ts";
import { insertCycle, updateCycle } from "../../db/tracker/cycles.ts";
import { deleteMapping, insertMapping, listMappings } from "../../db/tracker/mappings.ts";
import { lockCycleState } from "../../db/tracker/validation.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel, can } from "../../domain/shared/policy.ts";
import { invalidFields, notFound, Problem } from "../../domain/shared/problem.ts";
import {
  CYCLE_REASON_MAX,
  type CycleState,
  canTransition,
  deadlineProblem,
  NEW_CYCLE_LIMITS,
  newCycleProblems,
} from "../../domain/tracker/cycle.ts";
import { slugify } from "../../domain/tracker/partner.ts";
import { utcDay } from "../../domain/tracker/tracking.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import {
  type CycleRecordIn,
  cycleRecordIn,
  cyclesIn,
  loadTracker,
  partnersIn,
  processIndicatorsIn,
} from "./context.ts";

/** A cycle in any state; unknown slugs are not found. */
export async function cycleRecord(db: Db, slug: string, lang: Lang): Promise<CycleRecordIn> {
  const tracker = await loadTracker(db, lang);
  const cycle = await cycleRecordIn(db, tracker.id, slug, lang);
  if (!cycle) throw notFound("cycle", slug);
  return cycle;
}

export async function workspaceCycles(db: Db, actor: Actor, lang: Lang) {
  authorise(actor, "workspace.read");
  const tracker = await loadTracker(db, lang);
  // Newest first: the first one is what a new cycle carries forward from by default.
  const cycles = await cyclesIn(db, tracker.id, lang);
  return { tracker, cycles, canCreate: can(actor, "cycle.setup") };
}

export interface NewCycleInput {
  slug: string;
  label: string;
  labelEn: string | null;
  periodStart: string;
  periodEnd: string;
  fromSlug: string | null;
}

/**
 * Creates a cycle in set-up; carries the previous cycle's partner mapping forward. Every field
 * is checked before anything is refused, so the form shows all its errors at once.
 */
export async function createCycle(db: Db, actor: Actor, input: NewCycleInput, lang: Lang) {
  authorise(actor, "cycle.setup");
  const slug = slugify(input.slug);
  const problems = newCycleProblems(input, slug);
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    const tracker = await loadTracker(trx, lang);
    if (!problems.slug && (await cycleRecordIn(trx, tracker.id, slug, lang)))
      problems.slug = "taken";
    const previous = input.fromSlug
      ? await cycleRecordIn(trx, tracker.id, input.fromSlug, lang)
      : undefined;
    if (input.fromSlug && !previous) problems.fromSlug = "invalid";
    if (Object.keys(problems).length > 0) throw invalidFields(problems, NEW_CYCLE_LIMITS);
    const row = await insertCycle(trx, by, {
      trackerId: tracker.id,
      slug,
      label: input.label.trim(),
      labelEn: input.labelEn?.trim() || null,
      periodStart: input.periodStart.trim(),
      periodEnd: input.periodEnd.trim(),
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
      partnersIn(trx, cycle.trackerId, lang),
      processIndicatorsIn(trx, cycle.trackerId, lang),
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
    // Under the row's lock, so two moves at once (reopen and publish) take turns.
    const from = ((await lockCycleState(trx, cycle.id)) ?? cycle.state) as CycleState;
    if (!canTransition(from, to)) {
      throw new Problem("conflict", "state", { from, to });
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
        before: { state: from },
        after: { state: to, reason: extra.reason },
      });
    }
  });
}

/** Refuses a deadline that is not a real day or is already past (UTC). */
function checkDeadline(deadline: string, now: Date): void {
  const reason = deadlineProblem(deadline, utcDay(now));
  if (reason) throw new Problem("invalid_input", "deadline", { reason });
}

export async function openCollection(
  db: Db,
  actor: Actor,
  slug: string,
  deadline: string,
  lang: Lang,
  now: Date = new Date(),
) {
  authorise(actor, "cycle.setup");
  checkDeadline(deadline, now);
  await move(db, actor, slug, "collection", lang, { deadline });
}

/**
 * Moves the deadline of a collecting cycle (audited before/after). Nothing else is stored: the
 * reminder schedule and the text of new invitations and reminders read the deadline when they
 * run, so they follow; messages already queued keep the date they were written with.
 */
export async function changeDeadline(
  db: Db,
  actor: Actor,
  slug: string,
  deadline: string,
  lang: Lang,
  now: Date = new Date(),
): Promise<{ changed: boolean }> {
  authorise(actor, "cycle.setup");
  checkDeadline(deadline, now);
  return db.transaction().execute(async (trx) => {
    const cycle = await cycleRecord(trx, slug, lang);
    if (cycle.state !== "collection")
      throw new Problem("conflict", "state", { from: cycle.state, to: "collection" });
    if (cycle.deadline === deadline) return { changed: false };
    await updateCycle(trx, actorLabel(actor), cycle.id, { deadline });
    return { changed: true };
  });
}

export async function closeCollection(db: Db, actor: Actor, slug: string, lang: Lang) {
  authorise(actor, "cycle.setup");
  await move(db, actor, slug, "validation", lang);
}

/**
 * Publishes a cycle: it freezes and everyone sees it, so the publisher must have confirmed.
 * Who may publish is asked first: an unconfirmed request is not news to one who may not.
 */
export async function publishCycle(
  db: Db,
  actor: Actor,
  slug: string,
  lang: Lang,
  o: { confirmed: boolean },
) {
  authorise(actor, "cycle.publish");
  if (!o.confirmed) throw new Problem("invalid_input", "confirm");
  await move(db, actor, slug, "published", lang);
}

/**
 * Reopens collection from validation: every partner may answer again. It needs a reason, kept
 * in the audit log; statuses already set stay.
 */
export async function reopenCollection(
  db: Db,
  actor: Actor,
  slug: string,
  reason: string,
  lang: Lang,
) {
  authorise(actor, "cycle.setup");
  checkReason(reason);
  const cycle = await cycleRecord(db, slug, lang);
  if (cycle.state !== "validation")
    throw new Problem("conflict", "state", { from: cycle.state, to: "collection" });
  await move(db, actor, slug, "collection", lang, { reason: reason.trim() });
}

/** A reopening's reason: a few words at least, a few sentences at most. */
function checkReason(reason: string) {
  const length = reason.trim().length;
  if (length < 5) throw new Problem("invalid_input", "reason");
  if (length > CYCLE_REASON_MAX)
    throw new Problem("invalid_input", "reason", { reason: "too_long", max: CYCLE_REASON_MAX });
}

/** Reopening a published cycle needs a reason, kept in the audit log. */
export async function reopenCycle(db: Db, actor: Actor, slug: string, reason: string, lang: Lang) {
  authorise(actor, "cycle.publish");
  checkReason(reason);
  const cycle = await cycleRecord(db, slug, lang);
  if (cycle.state !== "published")
    throw new Problem("conflict", "state", { from: cycle.state, to: "validation" });
  await move(db, actor, slug, "validation", lang, { reason: reason.trim() });
}
