// Cycles (reporting periods) of a tracker.

import { type Bilingual, bilingual } from "../../domain/shared/lang.ts";
import type { Cycle, CycleState } from "../../domain/tracker/cycle.ts";
import type { CyclesTable } from "../schema.ts";
import { type Executor, insertAudited, updateAudited } from "../shared/audit.ts";

export interface NewCycle {
  trackerId: number;
  previousCycleId?: number | null;
  slug: string;
  label: string;
  labelEn: string | null;
  periodStart: string;
  periodEnd: string;
  state: CycleState;
  publishedAt: Date | null;
}

export async function insertCycle(db: Executor, actor: string, c: NewCycle) {
  return insertAudited(db, actor, "cycles", {
    tracker_id: c.trackerId,
    slug: c.slug,
    label: c.label,
    label_en: c.labelEn,
    period_start: c.periodStart,
    period_end: c.periodEnd,
    state: c.state,
    published_at: c.publishedAt,
    previous_cycle_id: c.previousCycleId ?? null,
  });
}

type CycleRow = Pick<
  CyclesTable,
  "slug" | "label" | "label_en" | "period_start" | "period_end" | "state"
> & { id: number; published_at: Date | null };

/** A cycle as stored: its label in both languages (the read model picks one). */
export interface StoredCycle extends Omit<Cycle, "label"> {
  label: Bilingual;
}

export function toCycle(row: CycleRow): StoredCycle {
  return {
    id: row.id,
    slug: row.slug,
    label: bilingual(row.label, row.label_en),
    periodStart: row.period_start,
    periodEnd: row.period_end,
    state: row.state as CycleState,
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
  };
}

export async function listCycles(db: Executor, trackerId: number): Promise<StoredCycle[]> {
  const rows = await db
    .selectFrom("cycles")
    .selectAll()
    .where("tracker_id", "=", trackerId)
    .orderBy("period_end", "desc")
    .execute();
  return rows.map(toCycle);
}

export interface CycleRecord extends StoredCycle {
  trackerId: number;
  deadline: string | null;
  previousCycleId: number | null;
}

/** A cycle in any state, for the workspace (public services filter on published ones). */
export async function findCycleRecord(
  db: Executor,
  trackerId: number,
  slug: string,
): Promise<CycleRecord | undefined> {
  const row = await db
    .selectFrom("cycles")
    .selectAll()
    .where("tracker_id", "=", trackerId)
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row
    ? {
        ...toCycle(row),
        trackerId: row.tracker_id,
        deadline: row.deadline,
        previousCycleId: row.previous_cycle_id,
      }
    : undefined;
}

export async function updateCycle(
  db: Executor,
  actor: string,
  id: number,
  changes: Partial<{
    state: CycleState;
    deadline: string | null;
    published_at: Date | null;
    label: string;
    label_en: string | null;
  }>,
): Promise<void> {
  await updateAudited(db, actor, "cycles", id, changes);
}

export async function cycleExists(db: Executor, id: number): Promise<boolean> {
  const row = await db.selectFrom("cycles").select("id").where("id", "=", id).executeTakeFirst();
  return row !== undefined;
}

/** The cycle a cycle was carried forward from, if any. */
export async function findPreviousCycleId(db: Executor, cycleId: number): Promise<number | null> {
  const row = await db
    .selectFrom("cycles")
    .select("previous_cycle_id")
    .where("id", "=", cycleId)
    .executeTakeFirst();
  return row?.previous_cycle_id ?? null;
}
