// An indicator's figure per year for one unit, as the analytics API computes it: what a
// commitment's outcome series reads when it follows a health indicator (services/tracker/
// outcomes.ts). Only public indicators are read, as for a visitor: the series is shown on
// public pages. Also finds the indicator and unit a coordinator names by uid or code.
import { analyticsKeys, findIndicator } from "../../db/health/catalogue.ts";
import { findUnits } from "../../db/health/org-units.ts";
import type { Executor } from "../../db/shared/audit.ts";
import { isProblem } from "../../domain/shared/problem.ts";
import type { YearValue } from "../../domain/shared/trajectory.ts";
import { runAnalytics } from "./analytics.ts";

export interface IndicatorAtUnit {
  indicatorId: number;
  orgUnitId: number;
  isPublic: boolean;
}

/** The indicator and unit named by uid or code, or what is unknown. */
export async function findIndicatorAtUnit(
  db: Executor,
  indicatorKey: string,
  unitKey: string,
): Promise<
  { ok: true; found: IndicatorAtUnit } | { ok: false; unknown: ("indicator" | "unit")[] }
> {
  const [indicator, units] = await Promise.all([
    indicatorKey.trim() === "" ? undefined : findIndicator(db, indicatorKey.trim()),
    unitKey.trim() === "" ? new Map() : findUnits(db, [unitKey.trim()]),
  ]);
  const unit = units.get(unitKey.trim());
  const unknown: ("indicator" | "unit")[] = [];
  if (!indicator) unknown.push("indicator");
  if (!unit) unknown.push("unit");
  if (!indicator || !unit) return { ok: false, unknown };
  return {
    ok: true,
    found: { indicatorId: indicator.id, orgUnitId: unit.id, isPublic: indicator.isPublic },
  };
}

/** The yearly figures that exist among `years`, oldest first; none for a non-public indicator. */
export async function indicatorByYear(
  db: Executor,
  indicatorId: number,
  orgUnitId: number,
  years: readonly number[],
): Promise<YearValue[]> {
  const keys = await analyticsKeys(db, indicatorId, orgUnitId);
  if (!keys?.isPublic || years.length === 0) return [];
  // An indicator the engine cannot answer (a broken expression) has no figures to show: the
  // page that asked shows "no value", rather than failing on the visitor.
  const answer = await runAnalytics(
    db,
    { actor: { kind: "anonymous" } },
    {
      dimensions: [
        { name: "dx", items: [keys.indicator] },
        { name: "pe", items: years.map(String) },
        { name: "ou", items: [keys.orgUnit] },
      ],
      filters: [],
      skipMeta: true,
      skipData: false,
      includeNumDen: false,
      displayProperty: "NAME",
    },
  ).catch((e: unknown) => {
    if (isProblem(e)) return null;
    throw e;
  });
  if (answer === null) return [];
  const pe = answer.headers.findIndex((h) => h.name === "pe");
  const value = answer.headers.findIndex((h) => h.name === "value");
  return answer.rows
    .map((r) => ({ year: Number(r[pe]), value: Number(r[value]) }))
    .filter((p) => Number.isInteger(p.year) && Number.isFinite(p.value))
    .sort((a, b) => a.year - b.year);
}
