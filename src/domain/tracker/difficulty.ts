// Difficulties a cycle records, by level, and its recommendations.
export const DIFFICULTY_LEVELS = ["tracking", "state", "stakeholders"] as const;
export type DifficultyLevel = (typeof DIFFICULTY_LEVELS)[number];

export interface Difficulty {
  id: number;
  level: DifficultyLevel;
  text: string;
}

export interface CycleRecommendation {
  id: number;
  text: string;
}

/** Difficulties grouped by level, in the order reports present them. */
export function groupDifficulties<D extends Pick<Difficulty, "level">>(
  items: readonly D[],
): { level: DifficultyLevel; items: D[] }[] {
  return DIFFICULTY_LEVELS.map((level) => ({
    level,
    items: items.filter((d) => d.level === level),
  }));
}
