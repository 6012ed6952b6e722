// Importing data values: records from any reader (a DHIS2 file of any form, a server pull, a
// spreadsheet, a form) are checked against the catalogue, the good ones copied into staging in
// chunks, the bad ones returned with their row and reason. Then the staged values are merged:
// - up to one chunk's worth (a form, a month of a district), in one transaction with their
//   roll-ups, as background work;
// - beyond, in chunks of whole organisation units, each committed on its own as background work
//   (so the embedded database answers pages between them), holding the one merge slot, keeping
//   what each chunk overwrites and what it adds to the roll-ups aside until the closing
//   transaction applies the roll-ups; a failure undoes the committed chunks, and an import whose
//   process was killed is undone by the next one (or the server's sweep).
// A dry run computes the same counts and writes nothing; a failed import keeps nothing.
import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "../../db/connect.ts";
import {
  dataElementLookup,
  defaultOptionCombo,
  optionComboLookup,
} from "../../db/health/catalogue.ts";
import {
  applyPending,
  claimMerge,
  commitWithoutWaiting,
  compareStaged,
  createOwnStaging,
  dropStaged,
  dropStagedUnits,
  endOwnStaging,
  indexOwnStaging,
  type MergeCounts,
  mergeHeartbeat,
  mergeSlotFree,
  mergeStaged,
  namedRows,
  recoverStaleMerge,
  releaseMerge,
  STALE_MERGE_SECONDS,
  type StagedValue,
  stageValues,
  sweepStaged,
  undoBatch,
} from "../../db/health/data-values.ts";
import { orgUnitLookup } from "../../db/health/org-units.ts";
import { STAGING_COLUMNS } from "../../db/health/staging-csv.ts";
import type { Executor } from "../../db/shared/audit.ts";
import { failBatch, finishBatch, startBatch } from "../../db/shared/import-batches.ts";
import type { IncomingValue, IntakeRefusal } from "../../domain/health/intake.ts";
import {
  type CatalogueData,
  type CatalogueView,
  catalogueView,
  checkIncoming,
  rejectionOf,
} from "../../domain/health/intake.ts";
import type { ImportSummary, Rejection } from "../../domain/shared/import-summary.ts";

export interface ValueRejection extends Rejection {
  reason: IntakeRefusal;
  dataElement: string | null;
  orgUnit: string | null;
  period: string | null;
  value: string | null;
}

export interface DataImportSummary extends ImportSummary<ValueRejection> {
  /** Values the file marked deleted that were removed. */
  deleted: number;
  /** Rejections beyond those listed (a file with very many bad rows lists the first ones). */
  rejectedNotListed: number;
  /** The import batch, null for a dry run. */
  batchId: string | null;
}

/** A record as the readers give it: identifiers may be missing, the value is text. */
export type ReadValue = Omit<IncomingValue, "dataElement" | "period" | "orgUnit" | "value"> & {
  line: number;
  dataElement: string | null;
  period: string | null;
  orgUnit: string | null;
  value: string | null;
};

/**
 * Values read, checked and encoded for staging elsewhere (a file's reading worker): the COPY
 * text of `rows` staged values out of `read` records, with what they name and what was refused.
 */
export interface StagedChunk {
  read: number;
  rows: number;
  csv: Uint8Array<ArrayBuffer>;
  /** Staged values per unit: pairs of unit id and count. */
  units: Int32Array<ArrayBuffer>;
  /** Catalogue rows named for the first time in the file. */
  named: { orgUnits: number[]; dataElements: number[]; optionCombos: number[] };
  /** Refusals listed (the first MAX_LISTED_REJECTIONS of the file), and those only counted. */
  rejected: ValueRejection[];
  notListed: number;
}

export interface DataImportInput {
  /** The records to check and stage here… */
  batches?: AsyncIterable<readonly ReadValue[]>;
  /**
   * …or the values checked and encoded elsewhere, against the catalogue handed over, each row
   * carrying `stagingKey` and numbered from 1 in the order read.
   */
  stage?: (catalogue: CatalogueData, stagingKey: string) => AsyncIterable<StagedChunk>;
  actor: string;
  /** What the values come from, e.g. "dhis2_file", "dhis2_server", "entry". */
  source: string;
  fileHash: string | null;
  scope?: Record<string, unknown>;
  dryRun: boolean;
  /** Called after each batch read with the values read so far. */
  onProgress?: (read: number) => void;
  /** Called after each chunk merged, with the values merged so far and the values staged. */
  onMerge?: (merged: number, staged: number) => void;
  /** Values merged per chunk; by default CHUNK_VALUES of the store. */
  chunkValues?: number;
}

/**
 * Values per merged chunk: on the embedded database a chunk holds the one connection while it
 * merges, so it is kept to a few hundred milliseconds; PostgreSQL merges larger ones faster.
 */
export const CHUNK_VALUES = { pglite: 4_000, postgres: 50_000 } as const;
/** How often a chunked import says it is alive (see STALE_MERGE_SECONDS). */
const HEARTBEAT_MS = 10_000;
/** How long an import waits for another one's merge to end, and how often it looks. */
const SLOT_WAIT_MS = 60 * 60_000;
const SLOT_POLL_MS = 250;

/** Another import holds the merge slot for longer than an import waits. */
export class MergeSlotBusy extends Error {
  constructor() {
    super("another import is merging its values");
  }
}

/** The merge slot was taken from this import (its heartbeat looked stopped): it is undone. */
class MergeSlotLost extends Error {
  constructor() {
    super("the merge slot was lost");
  }
}

/** Rejections listed at most; beyond, only counted. */
export const MAX_LISTED_REJECTIONS = 1000;
/** Values copied into staging per COPY, so the embedded database answers pages in between. */
export const STAGE_CHUNK = 20_000;

/** The catalogue as plain maps, loaded once per import (a reading worker is handed them). */
export async function loadCatalogueData(db: Executor): Promise<CatalogueData> {
  const [units, elements, combos, def] = await Promise.all([
    orgUnitLookup(db),
    dataElementLookup(db),
    optionComboLookup(db),
    defaultOptionCombo(db),
  ]);
  // Only what the checks read: the maps cross to a worker thread by copy.
  const slim = <V, W>(map: ReadonlyMap<string, V>, f: (v: V) => W) => {
    const made = new Map<V, W>();
    const out = new Map<string, W>();
    for (const [k, v] of map) {
      let w = made.get(v);
      if (w === undefined) {
        w = f(v);
        made.set(v, w);
      }
      out.set(k, w);
    }
    return out;
  };
  return {
    units,
    elements: slim(elements, (e) => ({
      id: e.id,
      uid: e.uid,
      code: e.code,
      valueType: e.valueType,
      comboId: e.comboId,
    })),
    combos: slim(combos, (c) => ({ id: c.id, comboId: c.comboId, options: c.options })),
    defaultOptionCombo: def,
  };
}

/** The catalogue as the checks read it, loaded once per import. */
export async function loadCatalogue(db: Executor): Promise<CatalogueView> {
  return catalogueView(await loadCatalogueData(db));
}

/** One value as a reader gave it, checked against the catalogue (a missing id is unknown). */
export function checkRead(r: ReadValue, catalogue: CatalogueView) {
  return checkIncoming(
    { ...r, dataElement: r.dataElement ?? "", period: r.period ?? "", orgUnit: r.orgUnit ?? "" },
    catalogue,
  );
}

/** Staged rows older than this belong to an import that was killed. */
export const STALE_STAGING_HOURS = 6;

export async function importDataValues(
  database: Database,
  input: DataImportInput,
): Promise<DataImportSummary> {
  const db = database.db;
  // A chunked import whose process was killed is undone first, then what it (or a killed dry
  // run) left in staging goes.
  await db.transaction().execute((trx) => recoverStaleMerge(trx, STALE_MERGE_SECONDS));
  await sweepStaged(db, STALE_STAGING_HOURS);
  const catalogueData = await loadCatalogueData(db);
  const catalogue = catalogueView(catalogueData);
  const batchId = input.dryRun
    ? null
    : await startBatch(db, {
        source: input.source,
        actor: input.actor,
        fileHash: input.fileHash,
        scope: input.scope ?? null,
      });
  // Staging rows of a dry run carry a negative key no batch has.
  const stagingKey = batchId ?? String(-randomInt(1, 2 ** 47));
  const summary: DataImportSummary = {
    imported: 0,
    updated: 0,
    ignored: 0,
    rejected: [],
    deleted: 0,
    rejectedNotListed: 0,
    batchId,
  };
  const chunkValues = Math.max(1, input.chunkValues ?? CHUNK_VALUES[database.kind]);
  let chunked = false;
  try {
    let read = 0;
    let staged = 0;
    let chunk: StagedValue[] = [];
    const named = namedRows();
    /** Values staged per organisation unit: what the merge's chunks are cut by. */
    const perUnit = new Map<number, number>();
    const flush = async () => {
      if (chunk.length === 0) return;
      const rows = chunk;
      chunk = [];
      staged += await stageValues(database, stagingKey, rows, named, staged);
    };
    if (input.stage) {
      // A file's values go to a staging table of their own, indexed once they are all in.
      const table = await createOwnStaging(db, stagingKey);
      for await (const c of input.stage(catalogueData, stagingKey)) {
        for (let i = 0; i < c.units.length; i += 2) {
          const unit = c.units[i] as number;
          perUnit.set(unit, (perUnit.get(unit) ?? 0) + (c.units[i + 1] as number));
        }
        for (const id of c.named.orgUnits) named.orgUnits.add(id);
        for (const id of c.named.dataElements) named.dataElements.add(id);
        for (const id of c.named.optionCombos) named.optionCombos.add(id);
        summary.rejected.push(...c.rejected);
        summary.rejectedNotListed += c.notListed;
        // The worker reads the next chunks while this one is copied.
        if (c.rows > 0) staged += await database.copyInto(table, STAGING_COLUMNS, { csv: [c.csv] });
        read += c.read;
        input.onProgress?.(read);
      }
      // On the embedded database the index is built while requests wait, as background work.
      await database.background(() => indexOwnStaging(db, stagingKey));
    }
    for await (const batch of input.batches ?? []) {
      for (const r of batch) {
        const checked = checkRead(r, catalogue);
        if (checked.ok) {
          chunk.push(checked.value);
          const unit = checked.value.orgUnitId;
          perUnit.set(unit, (perUnit.get(unit) ?? 0) + 1);
        } else if (summary.rejected.length < MAX_LISTED_REJECTIONS)
          summary.rejected.push(rejectionOf(r, checked.reason));
        else summary.rejectedNotListed++;
      }
      read += batch.length;
      if (chunk.length >= STAGE_CHUNK) await flush();
      input.onProgress?.(read);
    }
    await flush();
    const rejected = summary.rejected.length + summary.rejectedNotListed;
    const groups = unitGroups(perUnit, chunkValues);
    chunked = groups.length > 1 && batchId !== null;
    const counts =
      groups.length <= 1
        ? await mergeAtOnce(database, stagingKey, batchId, named, rejected)
        : batchId === null
          ? await compareInChunks(database, stagingKey, groups, (n) => input.onMerge?.(n, staged))
          : await mergeInChunks(database, stagingKey, batchId, named, groups, rejected, (n) =>
              input.onMerge?.(n, staged),
            );
    summary.imported = counts.inserted;
    summary.updated = counts.updated;
    summary.deleted = counts.deleted;
    summary.ignored = counts.unchanged;
    return summary;
  } catch (error) {
    if (chunked && batchId !== null)
      await db
        .transaction()
        .execute(async (trx) => {
          await undoBatch(trx, batchId);
          await releaseMerge(trx, batchId);
        })
        .catch(() => {});
    await dropStaged(db, stagingKey).catch(() => {});
    if (batchId !== null)
      await failBatch(db, batchId, error instanceof Error ? error.message : String(error)).catch(
        () => {},
      );
    throw error;
  } finally {
    // A dry run's staging rows went with its rolled-back transaction only if merged; be sure.
    if (input.dryRun) await dropStaged(db, stagingKey).catch(() => {});
    await endOwnStaging(db, stagingKey).catch(() => {});
  }
}

/**
 * Undoes a large import whose process stopped half-way through its merge, at a server's start:
 * on the embedded database whatever holds the merge slot is dead (one process owns the data),
 * on PostgreSQL a holder is dead once its heartbeat is stale (another instance may be merging).
 * Returns the batch undone, or null.
 */
export function recoverInterruptedImport(database: Database): Promise<string | null> {
  const stale = database.kind === "pglite" ? 0 : STALE_MERGE_SECONDS;
  return database.db.transaction().execute((trx) => recoverStaleMerge(trx, stale));
}

/**
 * The staged units in groups of about `size` values each (a unit is never split: its values are
 * compared and deduplicated together), in the order of their ids.
 */
export function unitGroups(perUnit: ReadonlyMap<number, number>, size: number): number[][] {
  const groups: number[][] = [];
  let group: number[] = [];
  let count = 0;
  for (const unit of [...perUnit.keys()].sort((a, b) => a - b)) {
    if (group.length > 0 && count + (perUnit.get(unit) ?? 0) > size) {
      groups.push(group);
      group = [];
      count = 0;
    }
    group.push(unit);
    count += perUnit.get(unit) ?? 0;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

function addCounts(total: MergeCounts, more: MergeCounts): void {
  total.distinct += more.distinct;
  total.inserted += more.inserted;
  total.updated += more.updated;
  total.deleted += more.deleted;
  total.unchanged += more.unchanged;
}

const noCounts = (): MergeCounts => ({
  distinct: 0,
  inserted: 0,
  updated: 0,
  deleted: 0,
  unchanged: 0,
});

/** Every staged value merged in one transaction with its roll-ups; a dry run rolls it back. */
async function mergeAtOnce(
  database: Database,
  stagingKey: string,
  batchId: string | null,
  named: ReturnType<typeof namedRows>,
  rejected: number,
): Promise<MergeCounts> {
  const started = Date.now();
  for (;;) {
    const outcome = await database
      .background(() =>
        database.db.transaction().execute(async (trx) => {
          // A chunked import merging now owns the values until it ends: wait for it.
          if (!(await mergeSlotFree(trx, batchId))) return null;
          const merged = await mergeStaged(trx, stagingKey, batchId, named);
          await dropStaged(trx, stagingKey);
          if (batchId !== null) await closeBatch(trx, batchId, merged, rejected);
          if (batchId === null) throw new DryRun(merged);
          return merged;
        }),
      )
      .catch((error: unknown) => {
        if (error instanceof DryRun) return error.counts;
        throw error;
      });
    if (outcome) return outcome;
    if (Date.now() - started > SLOT_WAIT_MS) throw new MergeSlotBusy();
    await sleep(SLOT_POLL_MS);
  }
}

async function closeBatch(
  trx: Executor,
  batchId: string,
  merged: MergeCounts,
  rejected: number,
): Promise<void> {
  const changed = merged.inserted + merged.updated + merged.deleted > 0;
  await finishBatch(trx, batchId, {
    counts: {
      inserted: merged.inserted,
      updated: merged.updated + merged.deleted,
      unchanged: merged.unchanged,
      rejected,
    },
    // An import that changed nothing leaves no audit event: a re-import is silent.
    audit: changed,
  });
}

/** A dry run of a large import: each chunk compared with the stored values, nothing written. */
async function compareInChunks(
  database: Database,
  stagingKey: string,
  groups: readonly number[][],
  onMerge: (merged: number) => void,
): Promise<MergeCounts> {
  const total = noCounts();
  for (const units of groups) {
    addCounts(
      total,
      await database.background(() => compareStaged(database.db, stagingKey, units)),
    );
    onMerge(total.distinct);
  }
  await dropStaged(database.db, stagingKey);
  return total;
}

/** A large import: the merge slot claimed, each chunk committed, then the roll-ups at once. */
async function mergeInChunks(
  database: Database,
  stagingKey: string,
  batchId: string,
  named: ReturnType<typeof namedRows>,
  groups: readonly number[][],
  rejected: number,
  onMerge: (merged: number) => void,
): Promise<MergeCounts> {
  const db = database.db;
  const started = Date.now();
  while (
    !(await db.transaction().execute(async (trx) => {
      return (await claimMerge(trx, batchId, STALE_MERGE_SECONDS)).claimed;
    }))
  ) {
    if (Date.now() - started > SLOT_WAIT_MS) throw new MergeSlotBusy();
    await sleep(SLOT_POLL_MS);
  }
  let lost = false;
  const beat = setInterval(() => {
    void mergeHeartbeat(db, batchId).then(
      (alive) => {
        lost ||= !alive;
      },
      () => {},
    );
  }, HEARTBEAT_MS);
  try {
    const total = noCounts();
    for (const units of groups) {
      const merged = await database.background(() =>
        db.transaction().execute(async (trx) => {
          if (lost || !(await mergeHeartbeat(trx, batchId))) throw new MergeSlotLost();
          // A chunk's commit need not wait for the disk: until the closing transaction (which
          // does) nothing it wrote counts, and a crash that lost it fails the import anyway.
          await commitWithoutWaiting(trx);
          const counts = await mergeStaged(trx, stagingKey, batchId, named, {
            kind: "chunk",
            units,
          });
          await dropStagedUnits(trx, stagingKey, units);
          return counts;
        }),
      );
      addCounts(total, merged);
      onMerge(total.distinct);
    }
    await database.background(() =>
      db.transaction().execute(async (trx) => {
        if (!(await mergeHeartbeat(trx, batchId))) throw new MergeSlotLost();
        await applyPending(trx, batchId);
        await dropStaged(trx, stagingKey);
        await closeBatch(trx, batchId, total, rejected);
        await releaseMerge(trx, batchId);
      }),
    );
    return total;
  } finally {
    clearInterval(beat);
  }
}

class DryRun {
  readonly counts: Awaited<ReturnType<typeof mergeStaged>>;
  constructor(counts: Awaited<ReturnType<typeof mergeStaged>>) {
    this.counts = counts;
  }
}
