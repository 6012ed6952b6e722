// Importing organisation units from a CSV file (for units kept outside DHIS2): every line is
// checked on its own (map.ts), then against the rest of the file and the stored tree — codes
// and uids listed twice, a parent neither in the file (before or after) nor stored, a level that
// does not fit the unit's place, a unit put under one of its own descendants. Good lines are
// matched to stored units by uid, then code, and saved in one transaction with the tree's paths
// and, when a unit changed parent, its roll-ups rebuilt, so its values and totals follow it.
import { createReadStream } from "node:fs";
import type { Database } from "../../db/connect.ts";
import {
  levelNames,
  type OrgUnitInput,
  type StoredUnit,
  saveOrgUnits,
  storedUnits,
} from "../../db/health/org-units.ts";
import type { Executor } from "../../db/shared/audit.ts";
import { finishBatch, startBatch } from "../../db/shared/import-batches.ts";
import { normaliseHeader } from "../../domain/health/file-columns.ts";
import { checkUnits, type ImportedUnit } from "../../domain/health/org-units.ts";
import {
  UNIT_FILE_LIMITS,
  UNIT_REQUIRED,
  type UnitRowProblem,
} from "../../domain/health/unit-file.ts";
import type { ImportSummary, Rejection } from "../../domain/shared/import-summary.ts";
import { Dhis2ReadError } from "../../importers/health/dhis2/map.ts";
import type { ByteSource } from "../../importers/health/dhis2/source.ts";
import { headerRefusal, readCsvLines } from "../../importers/health/sheets/csv.ts";
import {
  type UnitColumns,
  type UnitLine,
  unitColumns,
  unitLine,
} from "../../importers/health/units/map.ts";

export interface UnitRejection extends Rejection {
  /** The line's code as typed, when it has one. */
  code: string | null;
  /** Every reason, in the order found (the `reason` joins them with commas). */
  problems: UnitRowProblem[];
}

export interface UnitImportSummary extends ImportSummary<UnitRejection> {
  /** Units whose parent changed: their roll-ups were rebuilt. */
  moved: number;
}

export interface UnitImportInput {
  source: ByteSource;
  actor: string;
  fileHash: string | null;
  dryRun: boolean;
}

/** Reads the file's lines and header; a file without code, name and parent columns is refused. */
async function readUnitFile(
  source: ByteSource,
): Promise<{ columns: UnitColumns; lines: UnitLine[] }> {
  let columns: UnitColumns | null = null;
  const lines: UnitLine[] = [];
  for await (const batch of readCsvLines(source, UNIT_FILE_LIMITS))
    for (const l of batch) {
      if (columns === null) {
        const header = unitColumns(l.cells);
        if (!header.ok) throw headerRefusal(header, l.line);
        columns = header.columns;
        continue;
      }
      lines.push(unitLine(l.cells, columns, l.line));
    }
  if (columns === null)
    throw new Dhis2ReadError("csv_missing_columns", 1, { columns: UNIT_REQUIRED.join(", ") });
  return { columns, lines };
}

const counts = (keys: (string | null)[]) => {
  const seen = new Map<string, number>();
  for (const k of keys) if (k !== null) seen.set(k, (seen.get(k) ?? 0) + 1);
  return seen;
};

interface Plan {
  units: OrgUnitInput[];
  rejected: UnitRejection[];
}

/** Judges every line against the file and the stored tree; the units to save, parents first. */
export function planUnits(
  columns: UnitColumns,
  lines: readonly UnitLine[],
  stored: readonly StoredUnit[],
  levels: ReadonlyMap<number, string>,
): Plan {
  const byUid = new Map<string, StoredUnit>();
  const byCode = new Map<string, StoredUnit>();
  const byId = new Map<number, StoredUnit>();
  for (const s of stored) {
    byId.set(s.id, s);
    if (s.uid) byUid.set(s.uid, s);
    if (s.code) byCode.set(s.code, s);
  }
  const levelByName = new Map([...levels].map(([n, name]) => [normaliseHeader(name), n]));
  const problems = lines.map((l) => [...l.problems]);
  const levelOf = lines.map((l, i) => {
    if (l.level === null) return null;
    if ("number" in l.level) return l.level.number;
    const n = levelByName.get(normaliseHeader(l.level.name));
    if (n === undefined) problems[i]?.push("unknown_level");
    return n ?? null;
  });

  // Who each line is: the stored unit with its uid, else with its code, else a new one.
  const match = lines.map((l) => (l.uid ? byUid.get(l.uid) : undefined) ?? byCode.get(l.code));
  const codeCounts = counts(lines.map((l) => (l.code === "" ? null : l.code)));
  const uidCounts = counts(lines.map((l) => l.uid));
  const keyCounts = counts(match.map((m) => (m ? `#${m.id}` : null)));
  lines.forEach((l, i) => {
    const own = problems[i] ?? [];
    if (l.code !== "" && (codeCounts.get(l.code) ?? 0) > 1) own.push("duplicate_code");
    if (l.uid && (uidCounts.get(l.uid) ?? 0) > 1) own.push("duplicate_uid");
    const m = match[i];
    if (m && (keyCounts.get(`#${m.id}`) ?? 0) > 1 && !own.includes("duplicate_code"))
      own.push("duplicate_code");
    // A unit found by its uid that takes the code of another stored unit.
    const holder = byCode.get(l.code);
    if (m && holder && holder.id !== m.id) own.push("code_taken");
  });
  const key = (i: number) => {
    const m = match[i];
    return m ? `#${m.id}` : `n${i}`;
  };
  const lineByCode = new Map<string, number>();
  lines.forEach((l, i) => {
    if (l.code !== "" && codeCounts.get(l.code) === 1) lineByCode.set(l.code, i);
  });
  const lineOfStored = new Map<number, number>();
  match.forEach((m, i) => {
    if (m) lineOfStored.set(m.id, i);
  });
  // A parent is a line of the file (by code), else a stored unit by code, else by uid.
  const parentKey = lines.map((l, i): string | null => {
    if (l.parent === null) return null;
    const inFile = lineByCode.get(l.parent);
    if (inFile !== undefined) return key(inFile);
    const s = byCode.get(l.parent) ?? byUid.get(l.parent);
    if (s) return `#${s.id}`;
    // A parent named by a code the file lists twice cannot be told: that line is refused.
    problems[i]?.push((codeCounts.get(l.parent) ?? 0) > 1 ? "parent_rejected" : "unknown_parent");
    return `?${l.parent}`;
  });

  // The whole tree as it would be: the file's good lines, and the stored units as they are
  // (those of refused lines too). A line refused on one pass goes back to its stored place (or
  // out, when new) and the tree is checked again, until no line is newly refused: so a refused
  // move of a region does not take its whole stored subtree with it.
  const refusedLine = (i: number) => (problems[i] ?? []).length > 0;
  let check: ReturnType<typeof checkUnits>;
  for (;;) {
    const tree: ImportedUnit[] = [];
    const lineAt: number[] = [];
    const placed = new Set<number>();
    lines.forEach((l, i) => {
      if (refusedLine(i)) return;
      const m = match[i];
      if (m) placed.add(m.id);
      lineAt.push(i);
      tree.push({
        uid: key(i),
        code: null,
        name: l.name,
        parentUid: parentKey[i] ?? null,
        level: levelOf[i] ?? null,
      });
    });
    for (const s of stored)
      if (!placed.has(s.id)) {
        lineAt.push(-1);
        tree.push({
          uid: `#${s.id}`,
          code: null,
          name: s.name,
          parentUid: s.parentId === null ? null : `#${s.parentId}`,
        });
      }
    check = checkUnits(tree);
    // A line's own fault (a loop, a level) first: what hangs below it waits for the next pass.
    const found = check.rejected.flatMap((r) => {
      const i = lineAt[r.index] ?? -1;
      if (i < 0) return [];
      const codes = r.problems.flatMap((p): UnitRowProblem[] =>
        p.code === "cycle"
          ? [match[i] ? "move_under_descendant" : "cycle"]
          : p.code === "level_mismatch"
            ? ["level_mismatch"]
            : [],
      );
      return [{ i, codes: codes.length > 0 ? codes : null }];
    });
    const own = found.filter((f) => f.codes !== null);
    const take = own.length > 0 ? own : found;
    for (const f of take) problems[f.i]?.push(...(f.codes ?? ["parent_rejected" as const]));
    const newly = take.length;
    if (newly === 0) break;
  }

  const identity = new Map<string, { uid: string | null; code: string | null }>();
  for (const s of stored) identity.set(`#${s.id}`, { uid: s.uid, code: s.code });
  const has = (k: keyof UnitColumns) => columns[k] !== undefined;
  const lineOfKey = new Map(lines.flatMap((_, i) => (refusedLine(i) ? [] : [[key(i), i]])));
  const units: OrgUnitInput[] = [];
  for (const a of check.accepted) {
    const i = lineOfKey.get(a.uid);
    if (i === undefined) continue;
    const l = lines[i] as UnitLine;
    const k = a.uid;
    const m = match[i];
    const geometryGiven = has("latitude") || has("longitude") || has("geometry");
    const unit: OrgUnitInput = {
      // A uid is never taken away by a file that does not say it.
      uid: l.uid ?? m?.uid ?? null,
      code: l.code,
      name: l.name,
      shortName: has("shortName") ? l.shortName : (m?.shortName ?? null),
      parent: a.parentUid === null ? null : (identity.get(a.parentUid) ?? null),
      openingDate: has("openingDate") ? l.openingDate : (m?.openingDate ?? null),
      closedDate: has("closedDate") ? l.closedDate : (m?.closedDate ?? null),
      geometry: geometryGiven ? l.geometry : (m?.geometry ?? null),
    };
    identity.set(k, { uid: unit.uid, code: unit.code });
    units.push(unit);
  }
  const rejected = lines.flatMap((l, i) => {
    const found = problems[i] ?? [];
    return found.length === 0
      ? []
      : [{ row: l.line, reason: found.join(","), code: l.code || null, problems: found }];
  });
  return { units, rejected };
}

/** Imports a CSV of units; a file that cannot be read as a whole throws a `Dhis2ReadError`. */
export async function importUnitFile(
  database: Database,
  input: UnitImportInput,
): Promise<UnitImportSummary> {
  const { columns, lines } = await readUnitFile(input.source);
  const summary: UnitImportSummary = {
    imported: 0,
    updated: 0,
    ignored: 0,
    rejected: [],
    moved: 0,
  };
  const run = async (trx: Executor) => {
    const plan = planUnits(columns, lines, await storedUnits(trx), await levelNames(trx));
    summary.rejected = plan.rejected;
    const saved = await saveOrgUnits(trx, plan.units);
    summary.imported = saved.inserted;
    summary.updated = saved.updated;
    summary.ignored = saved.unchanged;
    summary.moved = saved.moved;
    const batch = await startBatch(trx, {
      source: "org_units_file",
      actor: input.actor,
      fileHash: input.fileHash,
      scope: null,
    });
    await finishBatch(trx, batch, {
      counts: {
        inserted: saved.inserted,
        updated: saved.updated,
        unchanged: saved.unchanged,
        rejected: plan.rejected.length,
      },
      written: { moved: saved.moved, codes: plan.units.map((u) => u.code) },
      audit: saved.inserted + saved.updated > 0,
    });
  };
  await database.db
    .transaction()
    .execute(async (trx) => {
      await run(trx);
      if (input.dryRun) throw new DryRunDone();
    })
    .catch((error: unknown) => {
      if (!(error instanceof DryRunDone)) throw error;
    });
  return summary;
}

/** The same, from a file on disk. */
export function importUnitPath(
  database: Database,
  input: Omit<UnitImportInput, "source"> & { path: string },
): Promise<UnitImportSummary> {
  return importUnitFile(database, { ...input, source: createReadStream(input.path) });
}

class DryRunDone {}
