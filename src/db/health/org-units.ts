// Organisation units: saved from an import or a form (matched by uid, then code), their paths,
// levels and the closure table of ancestors recomputed from the parent links, and read back as
// the lookup an import checks values against. A unit that changed parent keeps its values; the
// roll-ups of every unit are rebuilt after such a move, so they follow the tree.
import { sql } from "kysely";
import type { Executor } from "../shared/audit.ts";
import { findId, identityIndex, saveIdentified } from "./identity.ts";
import { rebuildRollups } from "./rollups.ts";

export interface OrgUnitInput {
  uid: string | null;
  code: string | null;
  name: string;
  shortName: string | null;
  /** The parent's uid or code; null for a root. */
  parent: { uid: string | null; code: string | null } | null;
  openingDate: string | null;
  closedDate: string | null;
  geometry: unknown;
}

export interface SavedUnits {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Units whose parent changed. */
  moved: number;
  /** Units whose parent is neither stored nor in the import, by position. */
  orphans: number[];
}

/**
 * Saves units given parents before children. Returns the counts; units whose parent cannot be
 * found are not saved and are listed by position.
 */
export async function saveOrgUnits(
  db: Executor,
  units: readonly OrgUnitInput[],
): Promise<SavedUnits> {
  const index = await identityIndex(db, "org_units");
  const parents = new Map(
    (await db.selectFrom("org_units").select(["id", "parent_id"]).execute()).map((r) => [
      r.id,
      r.parent_id,
    ]),
  );
  const result: SavedUnits = { inserted: 0, updated: 0, unchanged: 0, moved: 0, orphans: [] };
  // One depth at a time, so that each unit's parent has its id before the unit is written.
  let pending = units.map((u, i) => ({ u, i }));
  while (pending.length > 0) {
    const ready: { u: OrgUnitInput; i: number; parentId: number | null }[] = [];
    const later: typeof pending = [];
    const inThisImport = new Set(pending.map((p) => p.u.uid ?? p.u.code));
    for (const p of pending) {
      if (p.u.parent === null) {
        ready.push({ ...p, parentId: null });
        continue;
      }
      const parentId = findId(index, p.u.parent);
      if (parentId !== undefined) ready.push({ ...p, parentId });
      else if (inThisImport.has(p.u.parent.uid ?? p.u.parent.code)) later.push(p);
      else result.orphans.push(p.i);
    }
    if (ready.length === 0) {
      // What is left waits on itself: a cycle. None of it can be placed.
      result.orphans.push(...later.map((p) => p.i));
      break;
    }
    const rows = ready.map(({ u, parentId }) => ({
      uid: u.uid,
      code: u.code,
      name: u.name,
      short_name: u.shortName,
      parent_id: parentId,
      opening_date: u.openingDate,
      closed_date: u.closedDate,
      geometry: u.geometry === null || u.geometry === undefined ? null : JSON.stringify(u.geometry),
      // Placeholders until the paths are recomputed below; not compared.
      level: 1,
      path: "/",
    }));
    for (const r of ready) {
      const id = findId(index, r.u);
      if (id !== undefined && parents.has(id) && parents.get(id) !== r.parentId) result.moved++;
    }
    const saved = await saveIdentified(
      db,
      "org_units",
      rows,
      ["uid", "code", "name", "short_name", "parent_id", "opening_date", "closed_date", "geometry"],
      index,
      { touch: true, insertOnly: ["level", "path"] },
    );
    result.inserted += saved.inserted;
    result.updated += saved.updated;
    result.unchanged += saved.unchanged;
    pending = later;
  }
  await refreshTree(db);
  if (result.moved > 0) await rebuildRollups(db);
  return result;
}

/** Recomputes every path and level from the parent links, then the closure table. */
export async function refreshTree(db: Executor): Promise<void> {
  await sql`
    with recursive t as (
      select id, '/' || id || '/' as path, 1 as level from org_units where parent_id is null
      union all
      select c.id, t.path || c.id || '/', t.level + 1 from org_units c join t on c.parent_id = t.id
    )
    update org_units o set path = t.path, level = t.level
    from t where o.id = t.id and (o.path <> t.path or o.level <> t.level)
  `.execute(db);
  await sql`delete from org_unit_ancestors`.execute(db);
  await sql`
    insert into org_unit_ancestors (org_unit_id, ancestor_id, depth)
    select u.id, a.id, u.level - a.level
    from org_units u join org_units a on a.id <> u.id and u.path like a.path || '%'
  `.execute(db);
}

/** Moves a unit under another; refused (false) when the new parent is the unit or inside it. */
export async function moveOrgUnit(
  db: Executor,
  id: number,
  parentId: number | null,
): Promise<boolean> {
  if (parentId !== null) {
    const inside = await db
      .selectFrom("org_units as p")
      .innerJoin("org_units as u", (j) => j.onTrue())
      .select("p.id")
      .where("p.id", "=", parentId)
      .where("u.id", "=", id)
      .where(sql<boolean>`p.path like u.path || '%'`)
      .executeTakeFirst();
    if (inside) return false;
  }
  await db
    .updateTable("org_units")
    .set({ parent_id: parentId, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
  await refreshTree(db);
  await rebuildRollups(db);
  return true;
}

export interface UnitRef {
  id: number;
  openingDate: string | null;
  closedDate: string | null;
}

/** Every unit by uid and by code, with its dates: what an import checks a value's unit against. */
export async function orgUnitLookup(db: Executor): Promise<Map<string, UnitRef>> {
  const rows = await db
    .selectFrom("org_units")
    .select(["id", "uid", "code", "opening_date", "closed_date"])
    .execute();
  const map = new Map<string, UnitRef>();
  for (const r of rows) {
    const ref = { id: r.id, openingDate: r.opening_date, closedDate: r.closed_date };
    if (r.code) map.set(r.code, ref);
    if (r.uid) map.set(r.uid, ref);
  }
  return map;
}

/** Saves level names; returns how many were new and how many changed. */
export async function saveLevels(
  db: Executor,
  levels: readonly { level: number; name: string; uid: string | null }[],
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  if (levels.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const rows = await db
    .insertInto("org_unit_levels")
    .values(levels.map((l) => ({ level: l.level, name: l.name, uid: l.uid })))
    .onConflict((oc) =>
      oc
        .column("level")
        .doUpdateSet({ name: sql.ref("excluded.name"), uid: sql.ref("excluded.uid") })
        .where(
          sql<boolean>`(org_unit_levels.name, org_unit_levels.uid) is distinct from (excluded.name, excluded.uid)`,
        ),
    )
    .returning(["level", sql<boolean>`(xmax = 0)`.as("inserted")])
    .execute();
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted, unchanged: levels.length - rows.length };
}

export interface UnitSummary {
  id: number;
  uid: string | null;
  code: string | null;
  name: string;
  shortName: string | null;
  level: number;
  path: string;
}

export const SUMMARY = ["id", "uid", "code", "name", "short_name", "level", "path"] as const;
export const summary = (r: {
  id: number;
  uid: string | null;
  code: string | null;
  name: string;
  short_name: string | null;
  level: number;
  path: string;
}): UnitSummary => ({
  id: r.id,
  uid: r.uid,
  code: r.code,
  name: r.name,
  shortName: r.short_name,
  level: r.level,
  path: r.path,
});

/** The units named by uid or code (a uid wins over another unit's code). */
export async function findUnits(
  db: Executor,
  keys: readonly string[],
): Promise<Map<string, UnitSummary>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom("org_units")
    .select(SUMMARY)
    .where((w) => w.or([w("uid", "in", keys), w("code", "in", keys)]))
    .execute();
  const map = new Map<string, UnitSummary>();
  for (const r of rows) if (r.code && keys.includes(r.code)) map.set(r.code, summary(r));
  for (const r of rows) if (r.uid && keys.includes(r.uid)) map.set(r.uid, summary(r));
  return map;
}

/** The units at a level inside the given units (or anywhere when none is given), by name. */
export async function unitsAtLevel(
  db: Executor,
  level: number,
  within: readonly number[],
): Promise<UnitSummary[]> {
  let q = db
    .selectFrom("org_units as u")
    .select(SUMMARY.map((c) => `u.${c}` as const))
    .where("u.level", "=", level);
  if (within.length > 0)
    q = q.where((w) =>
      w.or([
        w("u.id", "in", within),
        w.exists(
          w
            .selectFrom("org_unit_ancestors as a")
            .select("a.org_unit_id")
            .whereRef("a.org_unit_id", "=", "u.id")
            .where("a.ancestor_id", "in", within),
        ),
      ]),
    );
  return (await q.orderBy("u.name").execute()).map(summary);
}

/** The uids of the units already stored. */
export async function storedUnitUids(db: Executor): Promise<Set<string>> {
  const rows = await db
    .selectFrom("org_units")
    .select("uid")
    .where("uid", "is not", null)
    .execute();
  return new Set(rows.map((r) => r.uid as string));
}

export interface StoredUnit {
  id: number;
  uid: string | null;
  code: string | null;
  name: string;
  shortName: string | null;
  parentId: number | null;
  level: number;
  path: string;
  openingDate: string | null;
  closedDate: string | null;
  geometry: unknown;
}

const storedColumns = [
  "id",
  "uid",
  "code",
  "name",
  "short_name",
  "parent_id",
  "level",
  "path",
  "opening_date",
  "closed_date",
  "geometry",
] as const;

function stored(r: {
  id: number;
  uid: string | null;
  code: string | null;
  name: string;
  short_name: string | null;
  parent_id: number | null;
  level: number;
  path: string;
  opening_date: string | null;
  closed_date: string | null;
  geometry: unknown;
}): StoredUnit {
  return {
    id: r.id,
    uid: r.uid,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    parentId: r.parent_id,
    level: r.level,
    path: r.path,
    openingDate: r.opening_date,
    closedDate: r.closed_date,
    geometry: typeof r.geometry === "string" ? JSON.parse(r.geometry) : r.geometry,
  };
}

/** Every stored unit whole: what a file of units is checked against and merged with. */
export async function storedUnits(db: Executor): Promise<StoredUnit[]> {
  return (await db.selectFrom("org_units").select(storedColumns).execute()).map(stored);
}

/** One stored unit whole, or undefined. */
/** The fields of a unit a person edits (its place in the tree moves with moveOrgUnit). */
export interface UnitFieldValues {
  code: string | null;
  name: string;
  short_name: string | null;
  uid: string | null;
  opening_date: string | null;
  closed_date: string | null;
}

export async function updateUnitFields(
  db: Executor,
  id: number,
  values: UnitFieldValues,
): Promise<void> {
  await db.updateTable("org_units").set(values).where("id", "=", id).execute();
}

export async function storedUnit(db: Executor, id: number): Promise<StoredUnit | undefined> {
  const r = await db
    .selectFrom("org_units")
    .select(storedColumns)
    .where("id", "=", id)
    .executeTakeFirst();
  return r ? stored(r) : undefined;
}

/** The level names, by level. */
export async function levelNames(db: Executor): Promise<Map<number, string>> {
  const rows = await db.selectFrom("org_unit_levels").select(["level", "name"]).execute();
  return new Map(rows.map((r) => [r.level, r.name]));
}

/**
 * A condition on a column naming a unit: that unit is `unitId` or lies below it (the closure
 * table, by index), for queries of other parts that filter by a place.
 */
export function withinUnit(column: string, unitId: number) {
  return sql<boolean>`(${sql.ref(column)} = ${unitId} or exists (
    select 1 from org_unit_ancestors a
    where a.org_unit_id = ${sql.ref(column)} and a.ancestor_id = ${unitId}))`;
}
