// Commitments, their measurable outcome goals and their process indicators.
import type { BuildingBlock } from "./building-block.ts";

/** A measurable goal: an outcome indicator from a baseline to a target. */
export interface Goal {
  indicator: string;
  unit: string; // "%", "FCFA", …
  baselineValue: number | null;
  baselineYear: number | null;
  baselineSource: string | null;
  targetValue: number;
  targetYear: number;
}

export interface Commitment {
  id: number;
  number: number;
  title: string;
  goals: Goal[];
}

export interface ProcessIndicator {
  id: number;
  commitmentId: number;
  code: string; // letter code a–z as in the questionnaire
  position: number; // 1-based rank within its commitment: indicator "2.1" is position 1 of commitment 2
  title: string;
  buildingBlocks: BuildingBlock[];
}

/** "2.1" — how reports number an indicator within its commitment. */
export function indicatorNumber(
  commitmentNumber: number,
  indicator: Pick<ProcessIndicator, "position">,
) {
  return `${commitmentNumber}.${indicator.position}`;
}

export function isIndicatorCode(code: string): boolean {
  return /^[a-z]{1,2}$/.test(code);
}

/** A goal is coherent when its years are plausible and its baseline (if any) is complete. */
export function goalProblems(goal: Goal): string[] {
  const problems: string[] = [];
  if (goal.indicator.trim() === "") problems.push("indicator");
  if (!Number.isInteger(goal.targetYear) || goal.targetYear < 1990 || goal.targetYear > 2100)
    problems.push("targetYear");
  const hasBaseline = goal.baselineValue !== null || goal.baselineYear !== null;
  if (hasBaseline && (goal.baselineValue === null || goal.baselineYear === null))
    problems.push("baseline");
  if (goal.baselineYear !== null && goal.baselineYear > goal.targetYear)
    problems.push("baselineYear");
  return problems;
}
