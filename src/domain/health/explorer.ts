// The indicator explorer's request: what to show (one dx item, one unit or a level inside it), the
// period type and a range of months, checked and turned into the analytics query that answers
// it. Pure: the page's form, the downloads and the tests read it alike.

import type { AnalyticsQuery } from "./analytics-query.ts";
import { type Period, periodOf, periodsBetween } from "./periods.ts";

/** The period types the explorer offers: DHIS2's names. */
export const EXPLORER_PERIOD_TYPES = ["Monthly", "Quarterly", "Yearly"] as const;
export type ExplorerPeriodType = (typeof EXPLORER_PERIOD_TYPES)[number];

/** At most this many periods in one table (five years of months). */
export const MAX_PERIODS = 60;
/** At most this many rows (units × periods): beyond, the table is no longer read on a phone. */
export const MAX_ROWS = 2000;

export interface ExplorerRequest {
  dx: string;
  ou: string;
  /** Every unit at this level inside `ou`, instead of `ou` itself. */
  level: number | null;
  periodType: ExplorerPeriodType;
  /** First and last month, "YYYY-MM". */
  from: string;
  to: string;
}

export type RangeProblem = { field: "from" | "to"; reason: "invalid" | "order" | "too_many" };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** The first day of a "YYYY-MM" month, and its last. */
function monthDays(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  return { first, last: periodOf("Monthly", first).end };
}

/** The periods of the range: every period of the type with a day between the two months. */
export function explorerPeriods(
  type: ExplorerPeriodType,
  from: string,
  to: string,
): { ok: true; periods: Period[] } | { ok: false; problems: RangeProblem[] } {
  const problems: RangeProblem[] = [];
  if (!isMonth(from)) problems.push({ field: "from", reason: "invalid" });
  if (!isMonth(to)) problems.push({ field: "to", reason: "invalid" });
  if (problems.length > 0) return { ok: false, problems };
  if (from > to) return { ok: false, problems: [{ field: "to", reason: "order" }] };
  const periods = periodsBetween(type, monthDays(from).first, monthDays(to).last);
  if (periods.length > MAX_PERIODS)
    return { ok: false, problems: [{ field: "from", reason: "too_many" }] };
  return { ok: true, periods };
}

/** Twelve months ending with `month` ("YYYY-MM"), as a default range. */
export function yearEndingWith(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const start = m === 12 ? `${y}-01` : `${y - 1}-${String(m + 1).padStart(2, "0")}`;
  return { from: start, to: month };
}

/** "202203" (a bucket, a monthly id) → "2022-03". */
export function monthOfId(id: string): string {
  return `${id.slice(0, 4)}-${id.slice(4, 6)}`;
}

/** The month holding a day ("YYYY-MM-DD") as "YYYY-MM". */
export function monthOfDay(day: string): string {
  return monthOfId(periodOf("Monthly", day).id);
}

/** The analytics query that answers the request: dx × ou × pe, with numerator and denominator. */
export function explorerQuery(
  request: ExplorerRequest,
  periods: readonly Period[],
): AnalyticsQuery {
  const ou = request.level === null ? [request.ou] : [request.ou, `LEVEL-${request.level}`];
  return {
    dimensions: [
      { name: "dx", items: [request.dx] },
      { name: "ou", items: ou },
      { name: "pe", items: periods.map((p) => p.id) },
    ],
    filters: [],
    skipMeta: false,
    skipData: false,
    includeNumDen: true,
    displayProperty: "NAME",
  };
}

/** The same query as DHIS2's URL parameters, for the link to the JSON beside the table. */
export function analyticsSearch(query: AnalyticsQuery): string {
  const params = new URLSearchParams();
  for (const d of query.dimensions) params.append("dimension", `${d.name}:${d.items.join(";")}`);
  for (const f of query.filters) params.append("filter", `${f.name}:${f.items.join(";")}`);
  if (query.includeNumDen) params.append("includeNumDen", "true");
  return params.toString();
}
