// Difficulties (by level) and recommendations recorded for a cycle.

import { type Bilingual, bilingual } from "../../domain/shared/lang.ts";
import type {
  CycleRecommendation,
  Difficulty,
  DifficultyLevel,
} from "../../domain/tracker/difficulty.ts";
import { type Executor, insertAudited } from "../shared/audit.ts";

export async function insertDifficulty(
  db: Executor,
  actor: string,
  d: {
    cycleId: number;
    level: DifficultyLevel;
    position: number;
    text: string;
    textEn: string | null;
  },
) {
  return insertAudited(db, actor, "difficulties", {
    cycle_id: d.cycleId,
    level: d.level,
    position: d.position,
    text: d.text,
    text_en: d.textEn,
  });
}

export async function insertCycleRecommendation(
  db: Executor,
  actor: string,
  r: { cycleId: number; position: number; text: string; textEn: string | null },
) {
  return insertAudited(db, actor, "recommendations", {
    cycle_id: r.cycleId,
    position: r.position,
    text: r.text,
    text_en: r.textEn,
  });
}

/** A difficulty as stored: its text in both languages. */
export interface StoredDifficulty extends Omit<Difficulty, "text"> {
  text: Bilingual;
}

/** A recommendation as stored: its text in both languages. */
export interface StoredCycleRecommendation extends Omit<CycleRecommendation, "text"> {
  text: Bilingual;
}

export async function listDifficulties(db: Executor, cycleId: number): Promise<StoredDifficulty[]> {
  const rows = await db
    .selectFrom("difficulties")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    level: r.level as DifficultyLevel,
    text: bilingual(r.text, r.text_en),
  }));
}

export async function listCycleRecommendations(
  db: Executor,
  cycleId: number,
): Promise<StoredCycleRecommendation[]> {
  const rows = await db
    .selectFrom("recommendations")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({ id: r.id, text: bilingual(r.text, r.text_en) }));
}
