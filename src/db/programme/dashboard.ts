// What a programme's dashboard reads beyond its own rows: the centres where its midwives are at
// a day (with their point and region), the districts it has worked in, the country's outline,
// and its health indicators' public fields. Only names, places and counts: no midwife.
import { sql } from "kysely";
import type { Executor } from "../shared/audit.ts";

const geometryOf = (g: unknown): unknown => (typeof g === "string" ? JSON.parse(g) : g);

export interface DeployedFacility {
  facilityId: number;
  name: string;
  geometry: unknown;
  /** The facility's ancestor at `level` (its region), or null when it has none there. */
  regionId: number | null;
  midwives: number;
}

/** The facilities with at least one of the programme's midwives deployed at `date`. */
export async function deployedFacilitiesAt(
  db: Executor,
  f: { programmeId: number; date: string; regionLevel: number },
): Promise<DeployedFacility[]> {
  const rows = await sql<{
    id: number;
    name: string;
    geometry: unknown;
    region_id: number | null;
    midwives: number;
  }>`
    select u.id, u.name, u.geometry,
      (select a.ancestor_id from org_unit_ancestors a join org_units r on r.id = a.ancestor_id
        where a.org_unit_id = u.id and r.level = ${f.regionLevel} limit 1) as region_id,
      count(distinct d.midwife_id)::int as midwives
    from deployments d join org_units u on u.id = d.facility_id
    where d.programme_id = ${f.programmeId} and d.start_date <= ${f.date}
      and (d.end_date is null or d.end_date >= ${f.date})
    group by u.id, u.name, u.geometry
    order by u.name, u.id
  `.execute(db);
  return rows.rows.map((r) => ({
    facilityId: r.id,
    name: r.name,
    geometry: geometryOf(r.geometry),
    regionId: r.region_id,
    midwives: Number(r.midwives),
  }));
}

export interface PlacedUnit {
  id: number;
  /** The key the analytics engine takes: uid, else code, else id. */
  key: string;
  name: string;
  geometry: unknown;
}

const placed = (r: {
  id: number;
  uid: string | null;
  code: string | null;
  name: string;
  geometry: unknown;
}): PlacedUnit => ({
  id: r.id,
  key: r.uid ?? r.code ?? String(r.id),
  name: r.name,
  geometry: geometryOf(r.geometry),
});

export async function placedUnits(db: Executor, ids: readonly number[]): Promise<PlacedUnit[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("org_units")
    .select(["id", "uid", "code", "name", "geometry"])
    .where("id", "in", [...ids])
    .orderBy("name")
    .execute();
  return rows.map(placed);
}

/** The units at `level` above the facilities the programme ever deployed a midwife to. */
export async function deploymentUnitsAt(
  db: Executor,
  programmeId: number,
  level: number,
): Promise<PlacedUnit[]> {
  const rows = await db
    .selectFrom("org_units as u")
    .select(["u.id", "u.uid", "u.code", "u.name", "u.geometry"])
    .where("u.level", "=", level)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("deployments as d")
          .innerJoin("org_unit_ancestors as a", "a.org_unit_id", "d.facility_id")
          .select("d.id")
          .where("d.programme_id", "=", programmeId)
          .whereRef("a.ancestor_id", "=", "u.id"),
      ),
    )
    .orderBy("u.name")
    .execute();
  return rows.map(placed);
}

/** The unit above all of `ids` at level 1 (the country), with its geometry. */
export async function countryOf(db: Executor, ids: readonly number[]): Promise<PlacedUnit | null> {
  if (ids.length === 0) return null;
  const row = await db
    .selectFrom("org_unit_ancestors as a")
    .innerJoin("org_units as u", "u.id", "a.ancestor_id")
    .select(["u.id", "u.uid", "u.code", "u.name", "u.geometry"])
    .where("a.org_unit_id", "in", [...ids])
    .where("u.level", "=", 1)
    .executeTakeFirst();
  return row ? placed(row) : null;
}

export interface PublicIndicator {
  id: number;
  key: string;
  name: string;
  nameEn: string | null;
  numeratorDescription: string | null;
  /** The one data element the numerator counts, when it counts one (its names, both languages). */
  numeratorElement: { name: string; nameEn: string | null } | null;
  decimals: number | null;
  factor: number;
}

/** `#{uid}` or `#{uid.coc}` alone: the data element uid a numerator counts, else null. */
export function soleElementUid(expression: string): string | null {
  const m = /^\s*#\{([A-Za-z0-9]{11})(?:\.[A-Za-z0-9]{11})?\}\s*$/.exec(expression);
  return m?.[1] ?? null;
}

/** The programme's health indicators that are public, in the order they were linked. */
export async function publicIndicatorsOf(
  db: Executor,
  programmeId: number,
): Promise<PublicIndicator[]> {
  const rows = await db
    .selectFrom("programme_indicators as p")
    .innerJoin("health_indicators as i", "i.id", "p.indicator_id")
    .select([
      "i.id",
      "i.uid",
      "i.code",
      "i.name",
      "i.name_en",
      "i.numerator_description",
      "i.numerator",
      "i.decimals",
      "i.factor",
    ])
    .where("p.programme_id", "=", programmeId)
    .where("i.is_public", "=", true)
    .orderBy("p.id")
    .execute();
  const uids = [...new Set(rows.flatMap((r) => soleElementUid(r.numerator) ?? []))];
  const elements =
    uids.length === 0
      ? []
      : await db
          .selectFrom("data_elements")
          .select(["uid", "name", "name_en"])
          .where("uid", "in", uids)
          .execute();
  const byUid = new Map(elements.map((e) => [e.uid, { name: e.name, nameEn: e.name_en }]));
  return rows.map((r) => ({
    id: r.id,
    key: r.uid ?? r.code ?? String(r.id),
    name: r.name,
    nameEn: r.name_en,
    numeratorDescription: r.numerator_description,
    numeratorElement: byUid.get(soleElementUid(r.numerator) ?? "") ?? null,
    decimals: r.decimals,
    factor: Number(r.factor),
  }));
}
