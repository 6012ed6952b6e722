// What the organisation-unit pages read: the units at a level or matching a search (name or
// code), each with its parent's name and how many units it holds; one unit's ancestors and
// children; and the audited writes of a unit typed by hand (its move goes through org-units.ts).
import { sql } from "kysely";
import type { Executor } from "../shared/audit.ts";

export interface TreeRow {
  id: number;
  uid: string | null;
  code: string | null;
  name: string;
  level: number;
  parentName: string | null;
  closedDate: string | null;
  children: number;
}

/** Units at a level, or matching a search anywhere, by name; at most `limit` (+1 to tell more). */
export async function treeRows(
  db: Executor,
  query: { level: number | null; search: string; parentId: number | null; limit: number },
): Promise<TreeRow[]> {
  let q = db
    .selectFrom("org_units as u")
    .leftJoin("org_units as p", "p.id", "u.parent_id")
    .select([
      "u.id",
      "u.uid",
      "u.code",
      "u.name",
      "u.level",
      "u.closed_date",
      "p.name as parent_name",
      sql<number>`(select count(*)::int from org_units c where c.parent_id = u.id)`.as("children"),
    ]);
  if (query.parentId !== null) q = q.where("u.parent_id", "=", query.parentId);
  else if (query.search !== "") {
    const like = `%${query.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((w) =>
      w.or([w("u.name", "ilike", like), w("u.code", "ilike", like), w("u.uid", "=", query.search)]),
    );
  } else q = q.where("u.level", "=", query.level ?? 1);
  const rows = await q
    .orderBy("u.name")
    .orderBy("u.id")
    .limit(query.limit + 1)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    uid: r.uid,
    code: r.code,
    name: r.name,
    level: r.level,
    parentName: r.parent_name,
    closedDate: r.closed_date,
    children: r.children,
  }));
}

/** How many units each level holds. */
export async function levelCounts(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("org_units")
    .select(["level", (e) => e.fn.countAll<number>().as("n")])
    .groupBy("level")
    .execute();
  return new Map(rows.map((r) => [r.level, Number(r.n)]));
}

/** A unit's ancestors from the root down, by id and name. */
export async function ancestorsOf(
  db: Executor,
  id: number,
): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom("org_unit_ancestors as a")
    .innerJoin("org_units as u", "u.id", "a.ancestor_id")
    .select(["u.id", "u.name"])
    .where("a.org_unit_id", "=", id)
    .orderBy("a.depth", "desc")
    .execute();
}

/** The stored unit with this code or uid, if any. */
export async function unitByKey(
  db: Executor,
  key: string,
): Promise<{ id: number; path: string } | undefined> {
  return db
    .selectFrom("org_units")
    .select(["id", "path"])
    .where((w) => w.or([w("code", "=", key), w("uid", "=", key)]))
    .orderBy(sql`code = ${key}`, "desc")
    .executeTakeFirst();
}

/** Whether another unit than `except` already has this code (or uid). */
export async function takenBy(
  db: Executor,
  column: "code" | "uid",
  value: string,
  except: number | null,
): Promise<boolean> {
  let q = db.selectFrom("org_units").select("id").where(column, "=", value);
  if (except !== null) q = q.where("id", "<>", except);
  return (await q.executeTakeFirst()) !== undefined;
}
