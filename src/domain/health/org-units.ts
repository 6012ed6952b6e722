// Organisation-unit trees (country → regions → districts → facilities) stored with a materialised
// path of ids from the root down to the unit, "/1/4/19/" as db/health stores it: the path rules,
// moves that keep the tree a tree, and the check of an imported list of units that finds every
// problem in one pass. Readers also take DHIS2's form without the closing slash ("/a/b/c").

// With the closing slash, "/1/4/" is a prefix of "/1/4/19/" but not of "/1/42/".
const closed = (path: string) => (path.endsWith("/") ? path : `${path}/`);

/** The path of a unit under a parent (null: a root). Ids hold no "/" (the validator checks). */
export function pathOf(parentPath: string | null, id: string): string {
  return `${parentPath === null ? "/" : closed(parentPath)}${id}/`;
}

/** The ids on a path, from the root down to the unit itself. */
export function idsOf(path: string): string[] {
  return path.split("/").filter((id) => id !== "");
}

/** The ids of a unit's ancestors, from the root down to its parent (empty for a root). */
export function ancestorsOf(path: string): string[] {
  return idsOf(path).slice(0, -1);
}

/** A root is level 1, as in DHIS2. */
export function levelOf(path: string): number {
  return idsOf(path).length;
}

/** Strictly below: a unit is not its own descendant. */
export function isDescendant(path: string, ancestorPath: string): boolean {
  const p = closed(path);
  const a = closed(ancestorPath);
  return p.length > a.length && p.startsWith(a);
}

/** The unit itself or one of its descendants: what a figure for `ancestorPath` adds up. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return closed(path).startsWith(closed(ancestorPath));
}

/** A descendant's path once the subtree at `fromPath` has moved to `toPath` (stored form). */
export function rebase(path: string, fromPath: string, toPath: string): string {
  const from = closed(fromPath);
  return isWithin(path, from) ? closed(toPath) + closed(path).slice(from.length) : path;
}

export interface PlacedUnit {
  id: string;
  path: string;
}

export type MoveProblem = "move_under_itself" | "move_under_descendant";
export type MoveResult = { ok: true; value: PlacedUnit } | { ok: false; error: MoveProblem };

/**
 * The unit with its new path under `newParent` (null: it becomes a root). Moving a unit under
 * itself or under one of its descendants would make a cycle and is refused. Its descendants
 * follow with `rebase(path, unit.path, moved.path)`.
 */
export function move(unit: PlacedUnit, newParent: PlacedUnit | null): MoveResult {
  if (newParent !== null) {
    if (newParent.id === unit.id || closed(newParent.path) === closed(unit.path)) {
      return { ok: false, error: "move_under_itself" };
    }
    if (isDescendant(newParent.path, unit.path)) {
      return { ok: false, error: "move_under_descendant" };
    }
  }
  return { ok: true, value: { id: unit.id, path: pathOf(newParent?.path ?? null, unit.id) } };
}

/** One unit as an import file lists it. `level`, when given, must agree with its depth. */
export interface ImportedUnit {
  uid: string;
  code: string | null;
  name: string;
  parentUid: string | null;
  level?: number | null;
}

export interface AcceptedUnit extends ImportedUnit {
  level: number;
  path: string;
}

/** Why a unit is refused; a unit may have several. */
export type UnitProblem =
  | { code: "invalid_uid" }
  | { code: "duplicate_uid" }
  | { code: "duplicate_code" }
  | { code: "unknown_parent"; parentUid: string }
  | { code: "cycle" }
  | { code: "level_mismatch"; given: number; depth: number }
  | { code: "parent_rejected"; parentUid: string };

export type UnitProblemCode = UnitProblem["code"];

export interface RejectedUnit {
  /** Its position in the list, from 0. */
  index: number;
  unit: ImportedUnit;
  problems: UnitProblem[];
}

export interface UnitCheck {
  /** Parents before their children: roots first, then by depth, in list order within a depth. */
  accepted: AcceptedUnit[];
  /** In list order. */
  rejected: RejectedUnit[];
}

const counts = (keys: (string | null)[]) => {
  const seen = new Map<string, number>();
  for (const k of keys) if (k !== null && k !== "") seen.set(k, (seen.get(k) ?? 0) + 1);
  return seen;
};

/**
 * Checks an imported list of units and places the good ones. Every occurrence of a uid or code
 * listed twice is refused (the file does not say which is right). A parent must be in the list;
 * several roots (several countries) are allowed. A unit whose parent is refused is refused too,
 * so that what is accepted is always a whole tree.
 */
export function checkUnits(units: readonly ImportedUnit[]): UnitCheck {
  const uidCounts = counts(units.map((u) => u.uid));
  const codeCounts = counts(units.map((u) => u.code));
  const byUid = new Map<string, number>();
  units.forEach((u, i) => {
    if (uidCounts.get(u.uid) === 1) byUid.set(u.uid, i);
  });
  const problems: UnitProblem[][] = units.map(() => []);

  // The parent's index (-1: a root), or null when the parent is not one unit of the list.
  const parentIndex = units.map((u) => {
    if (u.parentUid === null) return -1;
    return byUid.get(u.parentUid) ?? null;
  });

  units.forEach((u, i) => {
    const own = problems[i] ?? [];
    if (u.uid === "" || u.uid.includes("/")) own.push({ code: "invalid_uid" });
    if ((uidCounts.get(u.uid) ?? 0) > 1) own.push({ code: "duplicate_uid" });
    if (u.code !== null && (codeCounts.get(u.code) ?? 0) > 1) own.push({ code: "duplicate_code" });
    if (u.parentUid !== null && !uidCounts.has(u.parentUid)) {
      own.push({ code: "unknown_parent", parentUid: u.parentUid });
    }
  });

  // Depth by walking up; a walk that comes back to a unit it passed is a cycle for every unit
  // on the loop. Units hanging below a loop reach no root and get no depth.
  const depth: (number | null | undefined)[] = units.map(() => undefined);
  const onCycle = new Set<number>();
  for (let start = 0; start < units.length; start++) {
    const trail: number[] = [];
    const onTrail = new Set<number>();
    let at: number | null = start;
    let base: number | null = null;
    for (;;) {
      if (at === null) break;
      if (at === -1) {
        base = 0;
        break;
      }
      const known = depth[at];
      if (known !== undefined) {
        base = known;
        break;
      }
      if (onTrail.has(at)) {
        for (const i of trail.slice(trail.indexOf(at))) onCycle.add(i);
        break;
      }
      trail.push(at);
      onTrail.add(at);
      at = parentIndex[at] ?? null;
    }
    for (let k = trail.length - 1; k >= 0; k--) {
      const i = trail[k] ?? 0;
      base = base === null || onCycle.has(i) ? null : base + 1;
      depth[i] = base;
    }
  }

  units.forEach((u, i) => {
    const own = problems[i] ?? [];
    if (onCycle.has(i)) own.push({ code: "cycle" });
    const d = depth[i];
    if (u.level != null && typeof d === "number" && u.level !== d) {
      own.push({ code: "level_mismatch", given: u.level, depth: d });
    }
  });

  // Accepted top-down: a unit with no problem of its own whose parent was accepted.
  const order = units
    .map((_, i) => i)
    .filter((i) => typeof depth[i] === "number")
    .sort((a, b) => (depth[a] ?? 0) - (depth[b] ?? 0) || a - b);
  const paths = new Map<number, string>();
  const accepted: AcceptedUnit[] = [];
  for (const i of order) {
    const u = units[i];
    const p = parentIndex[i];
    if (u === undefined || p === undefined || p === null) continue;
    const parentPath = p === -1 ? null : paths.get(p);
    if (parentPath === undefined) {
      problems[i]?.push({ code: "parent_rejected", parentUid: u.parentUid ?? "" });
    }
    if (parentPath === undefined || (problems[i] ?? []).length > 0) continue;
    const path = pathOf(parentPath, u.uid);
    paths.set(i, path);
    accepted.push({ ...u, level: depth[i] ?? levelOf(path), path });
  }
  // No depth: below a cycle, an orphan or an ambiguous parent (the unit's own faults are listed).
  units.forEach((u, i) => {
    const known = u.parentUid !== null && uidCounts.has(u.parentUid);
    if (depth[i] === null && known && !onCycle.has(i)) {
      problems[i]?.push({ code: "parent_rejected", parentUid: u.parentUid ?? "" });
    }
  });

  const rejected = units.flatMap((unit, index) => {
    const found = problems[index] ?? [];
    return found.length > 0 ? [{ index, unit, problems: found }] : [];
  });
  return { accepted, rejected };
}
