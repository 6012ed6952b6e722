// Organisation units by hand (health.write): the tree listed by level or found by name or code,
// one unit with its ancestors and children, and a unit added, edited, moved or closed from a
// form. Every field is checked before any is refused (a code taken, a parent that does not
// exist, a move under the unit itself or one of its descendants, a closing day before the
// opening one); a move goes through `moveOrgUnit`, so the unit keeps its values and the roll-ups
// follow. Each write is audited with the unit before and after, in its transaction.
import {
  levelNames,
  moveOrgUnit,
  refreshTree,
  type StoredUnit,
  storedUnit,
  type UnitFieldValues,
  updateUnitFields,
} from "../../db/health/org-units.ts";
import {
  ancestorsOf,
  levelCounts,
  type TreeRow,
  takenBy,
  treeRows,
  unitByKey,
} from "../../db/health/unit-tree.ts";
import { insertAudited, recordAudit } from "../../db/shared/audit.ts";
import { refusingViolations } from "../../db/shared/errors.ts";
import { isDescendant } from "../../domain/health/org-units.ts";
import { isDhis2Uid, MAX_CODE, MAX_NAME } from "../../domain/health/unit-file.ts";
import { isCalendarDate } from "../../domain/shared/input.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { invalidFields, notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Db, Tx } from "../shared/db.ts";

export type { TreeRow };

/** Units listed on one page at most; a search narrows the rest. */
export const TREE_PAGE = 200;

export interface TreePage {
  levels: { level: number; name: string; count: number }[];
  level: number | null;
  search: string;
  rows: TreeRow[];
  more: boolean;
}

export async function treePage(
  db: Db,
  actor: Actor,
  query: { level: number | null; search: string },
): Promise<TreePage> {
  authorise(actor, "health.write");
  const names = await levelNames(db);
  const counts = await levelCounts(db);
  const levels = [...counts.keys()]
    .sort((a, b) => a - b)
    .map((level) => ({
      level,
      name: names.get(level) ?? String(level),
      count: counts.get(level) ?? 0,
    }));
  const search = query.search.trim().slice(0, 100);
  const level = search === "" ? (query.level ?? levels[0]?.level ?? 1) : null;
  const rows = await treeRows(db, { level, search, parentId: null, limit: TREE_PAGE });
  return { levels, level, search, rows: rows.slice(0, TREE_PAGE), more: rows.length > TREE_PAGE };
}

export interface UnitView {
  unit: StoredUnit;
  parentKey: string;
  levelName: string;
  ancestors: { id: number; name: string }[];
  children: TreeRow[];
  moreChildren: boolean;
}

export async function unitView(db: Db, actor: Actor, id: number): Promise<UnitView> {
  authorise(actor, "health.write");
  const unit = await storedUnit(db, id);
  if (!unit) throw notFound("org_unit", id);
  const parent = unit.parentId === null ? undefined : await storedUnit(db, unit.parentId);
  const children = await treeRows(db, { level: null, search: "", parentId: id, limit: TREE_PAGE });
  return {
    unit,
    parentKey: parent ? (parent.code ?? parent.uid ?? "") : "",
    levelName: (await levelNames(db)).get(unit.level) ?? String(unit.level),
    ancestors: await ancestorsOf(db, id),
    children: children.slice(0, TREE_PAGE),
    moreChildren: children.length > TREE_PAGE,
  };
}

/** A unit as the form sends it: text fields, empty for "none". */
export interface UnitFields {
  code: string;
  name: string;
  shortName: string;
  uid: string;
  parent: string;
  openingDate: string;
  closedDate: string;
}

interface Checked {
  values: UnitFieldValues;
  parent: { id: number; path: string } | null;
}

async function check(db: Db | Tx, fields: UnitFields, self: StoredUnit | null): Promise<Checked> {
  const reasons: Record<string, string> = {};
  const limits: Record<string, number> = {};
  const code = fields.code.trim();
  const name = fields.name.trim();
  const uid = fields.uid.trim();
  const opening = fields.openingDate.trim();
  const closed = fields.closedDate.trim();
  // A unit known to DHIS2 by its uid alone may stay without a code.
  if (code === "") {
    if (uid === "" && !self?.uid) reasons.code = "required";
  } else if (code.length > MAX_CODE) {
    reasons.code = "too_long";
    limits.code = MAX_CODE;
  } else if (await takenBy(db, "code", code, self?.id ?? null)) reasons.code = "taken";
  if (name === "") reasons.name = "required";
  else if (name.length > MAX_NAME) {
    reasons.name = "too_long";
    limits.name = MAX_NAME;
  }
  if (uid !== "" && !isDhis2Uid(uid)) reasons.uid = "invalid";
  else if (uid !== "" && (await takenBy(db, "uid", uid, self?.id ?? null))) reasons.uid = "taken";
  if (opening !== "" && !isCalendarDate(opening)) reasons.openingDate = "invalid";
  if (closed !== "" && !isCalendarDate(closed)) reasons.closedDate = "invalid";
  else if (closed !== "" && opening !== "" && !reasons.openingDate && closed < opening)
    reasons.closedDate = "before_opening";
  let parent: Checked["parent"] = null;
  const parentKey = fields.parent.trim();
  if (parentKey !== "") {
    const found = await unitByKey(db, parentKey);
    if (!found) reasons.parent = "not_found";
    else if (self && found.id === self.id) reasons.parent = "under_itself";
    else if (self && isDescendant(found.path, self.path)) reasons.parent = "under_descendant";
    else parent = found;
  }
  if (Object.keys(reasons).length > 0) throw invalidFields(reasons, limits);
  return {
    values: {
      code: code === "" ? null : code,
      name,
      short_name: fields.shortName.trim().slice(0, MAX_NAME) || null,
      uid: uid === "" ? (self?.uid ?? null) : uid,
      opening_date: opening || null,
      closed_date: closed || null,
    },
    parent,
  };
}

/** The empty form adding a unit (under `parent` when given): nothing stored is read. */
export function newUnitFields(actor: Actor, parent: string): UnitFields {
  authorise(actor, "health.write");
  return { code: "", name: "", shortName: "", uid: "", parent, openingDate: "", closedDate: "" };
}

/** Adds a unit under its parent (or as a root); returns its id. */
export async function createUnit(db: Db, actor: Actor, fields: UnitFields): Promise<number> {
  authorise(actor, "health.write");
  // Two forms may add the same code at once: the loser gets the check's own refusal.
  return refusingViolations(
    db.transaction().execute(async (trx) => {
      const { values, parent } = await check(trx, fields, null);
      const row = await insertAudited(trx, actorLabel(actor), "org_units", {
        ...values,
        parent_id: parent?.id ?? null,
        // The tree's paths and levels are computed from the parent links just after.
        level: 1,
        path: "/",
      });
      await refreshTree(trx);
      return row.id;
    }),
  );
}

/**
 * Saves a unit's fields; a new parent moves it with `moveOrgUnit` (its values stay, the
 * roll-ups are rebuilt). A closing day closes it: values after it are refused from then on.
 */
export async function updateUnit(
  db: Db,
  actor: Actor,
  id: number,
  fields: UnitFields,
): Promise<{ moved: boolean }> {
  authorise(actor, "health.write");
  return refusingViolations(
    db.transaction().execute(async (trx) => {
      const before = await storedUnit(trx, id);
      if (!before) throw notFound("org_unit", id);
      const { values, parent } = await check(trx, fields, before);
      const parentId = parent?.id ?? null;
      const moved = parentId !== before.parentId;
      // The check above refused a move into its own subtree; moveOrgUnit refuses it again.
      if (moved && !(await moveOrgUnit(trx, id, parentId)))
        throw invalidFields({ parent: "under_descendant" });
      await updateUnitFields(trx, id, values);
      const after = await storedUnit(trx, id);
      await recordAudit(trx, {
        actor: actorLabel(actor),
        action: "update",
        entity: "org_units",
        entityId: id,
        before,
        after,
      });
      return { moved };
    }),
  );
}
