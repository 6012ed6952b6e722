// Cycles (reporting periods) of a tracker.
import type { Cycle, CycleState } from "../domain/cycle.ts";
import { type Lang, pickText } from "../domain/lang.ts";
import { type Executor, insertAudited } from "./audit.ts";
import type { CyclesTable } from "./schema.ts";

export interface NewCycle {
  trackerId: number;
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
  });
}

type CycleRow = Pick<
  CyclesTable,
  "slug" | "label" | "label_en" | "period_start" | "period_end" | "state"
> & { id: number; published_at: Date | null };

export function toCycle(row: CycleRow, lang: Lang): Cycle {
  return {
    id: row.id,
    slug: row.slug,
    label: pickText(lang, row.label, row.label_en),
    periodStart: row.period_start,
    periodEnd: row.period_end,
    state: row.state as CycleState,
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
  };
}

export async function listCycles(db: Executor, trackerId: number, lang: Lang): Promise<Cycle[]> {
  const rows = await db
    .selectFrom("cycles")
    .selectAll()
    .where("tracker_id", "=", trackerId)
    .orderBy("period_end", "desc")
    .execute();
  return rows.map((r) => toCycle(r, lang));
}

export async function findCycleBySlug(
  db: Executor,
  trackerId: number,
  slug: string,
  lang: Lang,
): Promise<Cycle | undefined> {
  const row = await db
    .selectFrom("cycles")
    .selectAll()
    .where("tracker_id", "=", trackerId)
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row ? toCycle(row, lang) : undefined;
}
