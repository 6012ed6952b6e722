// Deployments: a midwife at a facility from a start day to an end day (both included; no end
// while she is still there). One midwife is at one facility at a time, a deployment that ended
// says why, and the counts "deployed at day D" per region, district or facility follow from it.
import { isWithin } from "../health/org-units.ts";
import { isCalendarDate } from "../shared/input.ts";
import type { FieldProblems } from "./programme.ts";

/** Why a deployment ended: end of contract, transfer, resignation, death, another reason. */
export const END_REASONS = [
  "contract_ended",
  "transferred",
  "resigned",
  "deceased",
  "other",
] as const;
export type EndReason = (typeof END_REASONS)[number];

export function isEndReason(value: string): value is EndReason {
  return (END_REASONS as readonly string[]).includes(value);
}

export interface Period {
  startDate: string;
  /** The last day at the facility, included; null while the deployment goes on. */
  endDate: string | null;
}

export interface Deployment extends Period {
  id: number;
  midwifeId: number;
  facilityId: number;
  endReason: EndReason | null;
}

/** Deployed at day D: started on or before D and not ended before D. */
export function isDeployedAt(period: Period, date: string): boolean {
  return period.startDate <= date && (period.endDate === null || period.endDate >= date);
}

/** Two periods share at least one day (an open end runs forever). */
export function overlaps(a: Period, b: Period): boolean {
  return (
    (a.endDate === null || b.startDate <= a.endDate) &&
    (b.endDate === null || a.startDate <= b.endDate)
  );
}

export interface DeploymentFields {
  startDate: string;
  endDate: string | null;
  endReason: string | null;
}

/**
 * Every problem of a deployment's dates and end at once: real days, the end not before the
 * start, a reason when (and only when) it ended, and no day shared with another deployment of
 * the same midwife (`others`: her other deployments; the one edited is left out by the caller).
 */
export function deploymentProblems(
  input: DeploymentFields,
  others: readonly Period[],
): FieldProblems {
  const problems: FieldProblems = {};
  if (input.startDate.trim() === "") problems.startDate = "required";
  else if (!isCalendarDate(input.startDate)) problems.startDate = "invalid";
  if (input.endDate !== null) {
    if (!isCalendarDate(input.endDate)) problems.endDate = "invalid";
    else if (!problems.startDate && input.endDate < input.startDate)
      problems.endDate = "before_start";
  }
  if (input.endDate !== null && (input.endReason === null || input.endReason === ""))
    problems.endReason = "required";
  else if (input.endDate === null && input.endReason !== null && input.endReason !== "")
    problems.endReason = "not_ended";
  else if (input.endReason !== null && input.endReason !== "" && !isEndReason(input.endReason))
    problems.endReason = "invalid";
  if (!problems.startDate && !problems.endDate) {
    const period = { startDate: input.startDate, endDate: input.endDate };
    if (others.some((o) => overlaps(period, o))) problems.startDate = "overlap";
  }
  return problems;
}

/** Where a midwife is deployed at day D, if anywhere (her periods do not overlap). */
export function deploymentAt<D extends Deployment>(
  deployments: readonly D[],
  date: string,
): D | undefined {
  return deployments.find((d) => isDeployedAt(d, date));
}

export interface TreeUnit {
  id: number;
  /** Materialised path of ids from the root, "/1/4/19/" as db/health stores it. */
  path: string;
}

/**
 * How many midwives are deployed at day D within each unit given (a region, a district, a
 * facility): a midwife counts once in every unit above her facility. Units with none count 0.
 */
export function deployedCounts(
  deployments: readonly Deployment[],
  facilities: ReadonlyMap<number, string>,
  units: readonly TreeUnit[],
  date: string,
): Map<number, number> {
  const counts = new Map(units.map((u) => [u.id, 0]));
  const seen = new Set<number>();
  for (const d of deployments) {
    if (!isDeployedAt(d, date) || seen.has(d.midwifeId)) continue;
    seen.add(d.midwifeId);
    const path = facilities.get(d.facilityId);
    if (path === undefined) continue;
    for (const u of units)
      if (isWithin(path, u.path)) counts.set(u.id, (counts.get(u.id) ?? 0) + 1);
  }
  return counts;
}

/** The first day of each month from the month of `from` to that of `to`, for a timeline. */
export function monthStarts(from: string, to: string): string[] {
  const days: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  while (y < ty || (y === ty && m <= tm)) {
    days.push(`${y}-${String(m).padStart(2, "0")}-01`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return days;
}

/** How many midwives are deployed on each of the given days (a timeline). */
export function deployedTimeline(
  deployments: readonly Period[],
  days: readonly string[],
): { date: string; count: number }[] {
  return days.map((date) => ({
    date,
    count: deployments.filter((d) => isDeployedAt(d, date)).length,
  }));
}
