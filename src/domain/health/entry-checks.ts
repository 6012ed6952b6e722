// Warnings on values entered by hand, which never refuse them: a value far outside the unit's
// own history (more than three times, or under a third of, the median of its last months), and
// an indicator whose numerator is entered above its denominator (a coverage over 100 %).
import { parseExpression } from "./expressions.ts";

export type EntryWarning =
  | { code: "outside_history"; field: string; value: number; median: number }
  | {
      code: "numerator_above_denominator";
      indicator: string;
      numerator: number;
      denominator: number;
    };

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A value far from the median of at least three earlier months of the same unit and field. */
export function outsideHistory(value: number, history: readonly number[]): number | null {
  if (history.length < 3) return null;
  const m = median(history);
  if (m === null || m <= 0) return null;
  return value > 3 * m || value < m / 3 ? m : null;
}

/**
 * Indicators of one element over another (a coverage), both entered: a numerator above its
 * denominator is flagged. `entered` holds each element's total by the key it is entered under.
 */
export function numeratorsAboveDenominators(
  indicators: readonly { name: string; numerator: string; denominator: string }[],
  entered: ReadonlyMap<string, number>,
): EntryWarning[] {
  const warnings: EntryWarning[] = [];
  for (const ind of indicators) {
    const n = parseExpression(ind.numerator);
    const d = parseExpression(ind.denominator);
    if (!n.ok || !d.ok || n.value.kind !== "operand" || d.value.kind !== "operand") continue;
    const numerator = entered.get(n.value.operand.dataElement);
    const denominator = entered.get(d.value.operand.dataElement);
    if (numerator !== undefined && denominator !== undefined && numerator > denominator)
      warnings.push({
        code: "numerator_above_denominator",
        indicator: ind.name,
        numerator,
        denominator,
      });
  }
  return warnings;
}
