// A programme's targets: for one of the health indicators it follows, the value aimed at in a
// year for one of its regions or one of their districts. Set from a small form, one at a time;
// an empty value removes the target. Every field's problem comes back at once.
import { unitsAtLevel as unitsWithin } from "../../db/health/org-units.ts";
import {
  findProgramme,
  programmeCommitments,
  programmeIndicators,
  programmeRegions,
  type UnitName,
  unitNames,
} from "../../db/programme/programmes.ts";
import { parseDecimal } from "../../domain/shared/decimal.ts";
import { compareFr } from "../../domain/shared/group.ts";
import type { Actor } from "../../domain/shared/policy.ts";
import { invalidFields, notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import { type StoredProgramme, saveProgramme } from "./programmes.ts";

/** The target form as typed: ids and the year as text, the value with a French comma or not. */
export interface TargetForm {
  indicator: string;
  unit: string;
  period: string;
  value: string;
}

/** A target's year: four digits, within the span programmes are planned over. */
const YEAR = /^(19[0-9]{2}|20[0-9]{2}|2100)$/;
const TARGET_MAX = 1e12;

/** The units a target may be set for: the programme's regions, then their districts, by name. */
export async function targetUnits(db: Db, programmeId: number): Promise<UnitName[]> {
  const regions = await unitNames(db, await programmeRegions(db, programmeId));
  if (regions.length === 0) return [];
  const byName = (a: UnitName, b: UnitName) => compareFr(a.name, b.name);
  const levels = [...new Set(regions.map((r) => r.level + 1))];
  const below = (
    await Promise.all(
      levels.map((level) =>
        unitsWithin(
          db,
          level,
          regions.filter((r) => r.level + 1 === level).map((r) => r.id),
        ),
      ),
    )
  ).flat();
  const parentOf = new Map(regions.map((r) => [r.id, r.name]));
  return [
    ...regions.sort(byName),
    ...below
      .map((u) => {
        const parent = u.path.split("/").filter(Boolean).map(Number).at(-2);
        return {
          id: u.id,
          name: parentOf.has(parent ?? -1) ? `${u.name} (${parentOf.get(parent ?? -1)})` : u.name,
          level: u.level,
          parentId: parent ?? null,
        };
      })
      .sort(byName),
  ];
}

export async function setIndicatorTarget(
  db: Db,
  actor: Actor,
  id: number,
  form: TargetForm,
): Promise<StoredProgramme> {
  authorise(actor, "programme.write");
  const stored = await findProgramme(db, id);
  if (!stored) throw notFound("programme", id);
  const [indicators, units, regions] = await Promise.all([
    programmeIndicators(db, id),
    targetUnits(db, id),
    programmeRegions(db, id),
  ]);
  const problems: Record<string, string> = {};
  const indicatorId = Number(form.indicator);
  const followed = indicators.find((i) => String(i.indicatorId) === form.indicator.trim());
  if (!followed) problems.indicator = form.indicator.trim() === "" ? "required" : "invalid";
  const unitId = Number(form.unit);
  if (!units.some((u) => String(u.id) === form.unit.trim()))
    problems.unit = form.unit.trim() === "" ? "required" : "invalid";
  const period = form.period.trim();
  if (!YEAR.test(period)) problems.period = period === "" ? "required" : "invalid";
  const typed = form.value.trim();
  const parsed = typed === "" ? null : parseDecimal(typed, { allowNegative: true });
  if (parsed && (!parsed.ok || parsed.value < 0 || parsed.value > TARGET_MAX))
    problems.value = "invalid";
  if (Object.keys(problems).length > 0) throw invalidFields(problems);
  const value = parsed?.ok ? parsed.value : null;
  const { id: _, ...fields } = stored;
  const commitments = await programmeCommitments(db, id);
  return saveProgramme(db, actor, {
    ...fields,
    id,
    regions,
    commitments,
    indicators: indicators.map((i) => {
      const others = i.targets
        .filter(
          (t) => i.indicatorId !== indicatorId || t.orgUnitId !== unitId || t.period !== period,
        )
        .map(({ orgUnitId, period: p, value: v }) => ({ orgUnitId, period: p, value: v }));
      return {
        indicatorId: i.indicatorId,
        targets:
          i.indicatorId === indicatorId && value !== null
            ? [...others, { orgUnitId: unitId, period, value }]
            : others,
      };
    }),
  });
}
