// Commitments, their outcome goals and their process indicators.

import { type Bilingual, bilingual } from "../../domain/shared/lang.ts";
import type { BuildingBlock } from "../../domain/tracker/building-block.ts";
import type { Commitment, Goal, ProcessIndicator } from "../../domain/tracker/commitment.ts";
import type { GoalDirection } from "../../domain/tracker/outcome.ts";
import { type Executor, insertAudited } from "../shared/audit.ts";

export interface NewCommitment {
  trackerId: number;
  number: number;
  title: string;
  titleEn: string | null;
}

export async function insertCommitment(db: Executor, actor: string, c: NewCommitment) {
  return insertAudited(db, actor, "commitments", {
    tracker_id: c.trackerId,
    number: c.number,
    title: c.title,
    title_en: c.titleEn,
  });
}

export interface NewGoal extends Goal {
  indicatorEn: string | null;
  direction?: GoalDirection;
  /** The outcome series measuring the goal (db/tracker/outcomes.ts). */
  seriesId?: number | null;
}

export async function insertGoal(
  db: Executor,
  actor: string,
  commitmentId: number,
  position: number,
  g: NewGoal,
) {
  return insertAudited(db, actor, "commitment_goals", {
    commitment_id: commitmentId,
    position,
    indicator: g.indicator,
    indicator_en: g.indicatorEn,
    unit: g.unit,
    baseline_value: g.baselineValue,
    baseline_year: g.baselineYear,
    baseline_source: g.baselineSource,
    target_value: g.targetValue,
    target_year: g.targetYear,
    ...(g.direction ? { direction: g.direction } : {}),
    series_id: g.seriesId ?? null,
  });
}

export interface NewProcessIndicator {
  trackerId: number;
  commitmentId: number;
  code: string;
  position: number;
  title: string;
  titleEn: string | null;
  buildingBlocks: BuildingBlock[];
}

export async function insertProcessIndicator(db: Executor, actor: string, i: NewProcessIndicator) {
  return insertAudited(db, actor, "indicators", {
    tracker_id: i.trackerId,
    commitment_id: i.commitmentId,
    code: i.code,
    position: i.position,
    title: i.title,
    title_en: i.titleEn,
    building_blocks: i.buildingBlocks,
  });
}

/** A commitment as stored: its title and its goals' indicators in both languages. */
export interface StoredCommitment extends Omit<Commitment, "title" | "goals"> {
  title: Bilingual;
  goals: (Omit<Goal, "indicator"> & { indicator: Bilingual })[];
}

/** A process indicator as stored: its title in both languages. */
export interface StoredProcessIndicator extends Omit<ProcessIndicator, "title"> {
  title: Bilingual;
}

/** All commitments of a tracker, in number order, each with its goals. */
export async function listCommitments(
  db: Executor,
  trackerId: number,
): Promise<StoredCommitment[]> {
  const [rows, goals] = await Promise.all([
    db
      .selectFrom("commitments")
      .selectAll()
      .where("tracker_id", "=", trackerId)
      .orderBy("number")
      .execute(),
    db
      .selectFrom("commitment_goals as g")
      .innerJoin("commitments as c", "c.id", "g.commitment_id")
      .selectAll("g")
      .where("c.tracker_id", "=", trackerId)
      .orderBy("g.position")
      .execute(),
  ]);
  return rows.map((c) => ({
    id: c.id,
    number: c.number,
    title: bilingual(c.title, c.title_en),
    goals: goals
      .filter((g) => g.commitment_id === c.id)
      .map((g) => ({
        indicator: bilingual(g.indicator, g.indicator_en),
        unit: g.unit,
        baselineValue: g.baseline_value,
        baselineYear: g.baseline_year,
        baselineSource: g.baseline_source,
        targetValue: g.target_value,
        targetYear: g.target_year,
      })),
  }));
}

/** All indicators of a tracker, by commitment then position. */
export async function listProcessIndicators(
  db: Executor,
  trackerId: number,
): Promise<StoredProcessIndicator[]> {
  const rows = await db
    .selectFrom("indicators as i")
    .innerJoin("commitments as c", "c.id", "i.commitment_id")
    .selectAll("i")
    .where("i.tracker_id", "=", trackerId)
    .orderBy("c.number")
    .orderBy("i.position")
    .execute();
  return rows.map((i) => ({
    id: i.id,
    commitmentId: i.commitment_id,
    code: i.code,
    position: i.position,
    title: bilingual(i.title, i.title_en),
    buildingBlocks: i.building_blocks as BuildingBlock[],
  }));
}
