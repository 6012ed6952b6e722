// Indicators as DHIS2 analytics computes them: every operand is first added up over the org
// unit's subtree and over the period (summed, or averaged over the months that have data), then
// numerator and denominator are evaluated once — a ratio of totals, never an average of ratios.
// The baseline → target trajectory lives in shared/trajectory.ts (the tracker judges goals by it).

import type { Aggregation, TargetKind } from "./data-values.ts";
import {
  type ConstantLookup,
  DEFAULT_MISSING_VALUE_STRATEGY,
  type Expression,
  evaluate,
  type MissingValueStrategy,
  type Operand,
  type OperandLookup,
} from "./expressions.ts";
import { isWithin } from "./org-units.ts";

/** DHIS2's usual indicator types and the factor each multiplies the ratio by. */
export const INDICATOR_FACTORS = {
  number: 1,
  percent: 100,
  per_thousand: 1_000,
  per_ten_thousand: 10_000,
  per_hundred_thousand: 100_000,
} as const;
export type IndicatorType = keyof typeof INDICATOR_FACTORS;

export interface Indicator {
  numerator: Expression;
  denominator: Expression;
  /** 100 for a percentage, 1 for a plain ratio, 1000 per thousand… (any positive number). */
  factor: number;
  numeratorStrategy?: MissingValueStrategy;
  denominatorStrategy?: MissingValueStrategy;
}

export interface IndicatorValue {
  numerator: number;
  denominator: number;
  value: number;
}

/**
 * numerator × factor ÷ denominator, with each side's own missing-value strategy (DHIS2's
 * default when none is given). No value (null) when either side has none or the denominator is
 * 0. The factor multiplies before the division so that 17 of 100 is 17 %, not 17.000000000000004.
 */
export function evaluateIndicator(
  indicator: Indicator,
  lookup: OperandLookup,
  constants: ConstantLookup,
): IndicatorValue | null {
  const numerator = evaluate(
    indicator.numerator,
    lookup,
    constants,
    indicator.numeratorStrategy ?? DEFAULT_MISSING_VALUE_STRATEGY,
  );
  if (numerator === null) return null;
  const denominator = evaluate(
    indicator.denominator,
    lookup,
    constants,
    indicator.denominatorStrategy ?? DEFAULT_MISSING_VALUE_STRATEGY,
  );
  if (denominator === null || denominator === 0) return null;
  const value = (numerator * indicator.factor) / denominator;
  return Number.isFinite(value) ? { numerator, denominator, value: value === 0 ? 0 : value } : null;
}

/** One month of one operand, already added up over the org units: the total and how many values. */
export interface MonthBucket {
  month: string;
  sum: number;
  count: number;
}

/**
 * The operand's figure for a period from its months; null when no month has a value. "sum" adds
 * every value; "average" (data-values.ts) adds the org units' values month by month, then
 * averages over the months that have data (populations, stock levels): sum over the tree,
 * average over time. Months
 * are keys only (any one spelling, used consistently); buckets with the same month are merged,
 * and a bucket with no value (count 0) is a month without data, not a zero.
 */
export function aggregateOverMonths(
  aggregation: Aggregation,
  buckets: readonly MonthBucket[],
): number | null {
  const months = new Map<string, number>();
  for (const b of buckets) {
    if (b.count > 0) months.set(b.month, (months.get(b.month) ?? 0) + b.sum);
  }
  if (months.size === 0) return null;
  let total = 0;
  for (const sum of months.values()) total += sum;
  return aggregation === "sum" ? total : total / months.size;
}

/** One stored value: a data element × category option combo × org unit (by path) × month. */
export interface ValueRow {
  dataElement: string;
  coc: string;
  orgUnitPath: string;
  month: string;
  value: number;
}

export interface Scope {
  /** The org unit the figure is for: its own values and its whole subtree's. */
  orgUnitPath: string;
  /** The months of the period, as `monthsIn` (periods.ts) lists them: a quarter 3, a year 12. */
  months: readonly string[];
  aggregationOf: (dataElement: string) => Aggregation;
}

/**
 * The lookup an expression is evaluated with for one org unit and one period, computed from
 * stored rows: the reference the database's GROUP BY must agree with. An operand without a
 * category option combo adds every combo of its data element.
 */
export function lookupFromRows(rows: readonly ValueRow[], scope: Scope): OperandLookup {
  const months = new Set(scope.months);
  const inScope = rows.filter(
    (r) => months.has(r.month) && isWithin(r.orgUnitPath, scope.orgUnitPath),
  );
  return (operand: Operand) => {
    const buckets = new Map<string, MonthBucket>();
    for (const r of inScope) {
      if (r.dataElement !== operand.dataElement) continue;
      if (operand.coc !== null && r.coc !== operand.coc) continue;
      const b = buckets.get(r.month) ?? { month: r.month, sum: 0, count: 0 };
      b.sum += r.value;
      b.count += 1;
      buckets.set(r.month, b);
    }
    return aggregateOverMonths(scope.aggregationOf(operand.dataElement), [...buckets.values()]);
  };
}

/** A baseline or a target of an indicator for an org unit, in a DHIS2 period ("2030", "2025Q4"). */
export interface Milestone {
  indicator: string;
  orgUnit: string;
  kind: TargetKind;
  period: string;
  value: number;
}

export {
  ON_TRACK_TOLERANCE,
  onTrack,
  type Progress,
  trajectory,
  type YearValue,
} from "../shared/trajectory.ts";

/** The year a DHIS2 period falls in ("2030", "202503", "2025Q1" → 2025 …), or null. */
export function yearOfPeriod(period: string): number | null {
  const m = /^(\d{4})/.exec(period);
  return m ? Number(m[1]) : null;
}
