// What changed between two published cycles: which cycle a cycle is compared with, and which
// indicator statuses moved. Plain functions over plain data.
import { type CycleState, isPublished, latestPublished } from "./cycle.ts";
import type { Status } from "./status.ts";

interface ComparableCycle {
  id: number;
  state: CycleState;
  periodStart: string;
  periodEnd: string;
}

/**
 * The published cycle a cycle is compared with: the one it was carried forward from when that is
 * published, or else the latest published cycle whose period ends before its own.
 */
export function comparisonBase<C extends ComparableCycle>(
  current: C,
  cycles: readonly C[],
  previousCycleId: number | null,
): C | undefined {
  const others = cycles.filter((c) => c.id !== current.id && isPublished(c));
  const named = others.find((c) => c.id === previousCycleId);
  if (named) return named;
  return latestPublished(others.filter((c) => c.periodEnd < current.periodEnd));
}

export interface StatusChange {
  indicatorId: number;
  from: Status;
  to: Status;
}

/**
 * Indicators whose status differs between two cycles, in the order given. An indicator the new
 * cycle has not assessed (yet) is not a change: it is listed by `notYetAssessed`, never shown as
 * a move from "achieved" to "not assessed". An indicator new to the comparison counts from "not
 * assessed".
 */
export function statusChanges(
  indicators: readonly { id: number }[],
  before: ReadonlyMap<number, Status>,
  after: ReadonlyMap<number, Status>,
): StatusChange[] {
  return indicators.flatMap((i) => {
    const from = before.get(i.id) ?? "not_assessed";
    const to = after.get(i.id) ?? "not_assessed";
    return from === to || to === "not_assessed" ? [] : [{ indicatorId: i.id, from, to }];
  });
}

/** Indicators assessed in the earlier cycle that the new one has not assessed, with the old status. */
export function notYetAssessed(
  indicators: readonly { id: number }[],
  before: ReadonlyMap<number, Status>,
  after: ReadonlyMap<number, Status>,
): { indicatorId: number; was: Status }[] {
  return indicators.flatMap((i) => {
    const was = before.get(i.id) ?? "not_assessed";
    const now = after.get(i.id) ?? "not_assessed";
    return was !== "not_assessed" && now === "not_assessed" ? [{ indicatorId: i.id, was }] : [];
  });
}

/** A short name for a period in running text: "2022", or "2022–2023" across two years. */
export function periodName(cycle: Pick<ComparableCycle, "periodStart" | "periodEnd">): string {
  const start = cycle.periodStart.slice(0, 4);
  const end = cycle.periodEnd.slice(0, 4);
  return start === end ? start : `${start}–${end}`;
}
