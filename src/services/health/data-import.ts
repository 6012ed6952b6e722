// Importing data values: records from any reader (a DHIS2 file of any form, a server pull, a
// spreadsheet, a form) are checked against the catalogue, the good ones copied into staging in
// chunks and merged in one transaction with their roll-ups, the bad ones returned with their row
// and reason. A dry run computes the same counts and rolls back; a failed import keeps nothing.
import { randomInt } from "node:crypto";
import type { Database } from "../../db/connect.ts";
import {
  dataElementLookup,
  defaultOptionCombo,
  optionComboLookup,
} from "../../db/health/catalogue.ts";
import {
  dropStaged,
  mergeStaged,
  namedRows,
  type StagedValue,
  stageValues,
  sweepStaged,
} from "../../db/health/data-values.ts";
import { orgUnitLookup } from "../../db/health/org-units.ts";
import type { Executor } from "../../db/shared/audit.ts";
import { failBatch, finishBatch, startBatch } from "../../db/shared/import-batches.ts";
import type { IncomingValue, IntakeRefusal } from "../../domain/health/intake.ts";
import { type CatalogueView, checkIncoming } from "../../domain/health/intake.ts";
import { isFinerThanMonth, monthOfValue, parsePeriod } from "../../domain/health/periods.ts";
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

export interface DataImportInput {
  batches: AsyncIterable<readonly ReadValue[]>;
  actor: string;
  /** What the values come from, e.g. "dhis2_file", "dhis2_server", "entry". */
  source: string;
  fileHash: string | null;
  scope?: Record<string, unknown>;
  dryRun: boolean;
  /** Called after each batch read with the values read so far. */
  onProgress?: (read: number) => void;
}

/** Rejections listed at most; beyond, only counted. */
export const MAX_LISTED_REJECTIONS = 1000;
/** Values copied into staging per COPY, so the embedded database answers pages in between. */
const STAGE_CHUNK = 20_000;

/** The catalogue as the checks read it, loaded once per import. */
export async function loadCatalogue(db: Executor): Promise<CatalogueView> {
  const [units, elements, combos, def] = await Promise.all([
    orgUnitLookup(db),
    dataElementLookup(db),
    optionComboLookup(db),
    defaultOptionCombo(db),
  ]);
  const byCombo = new Map<number | null, { id: number; options: Record<string, string> }[]>();
  for (const c of new Set(combos.values())) {
    const list = byCombo.get(c.comboId) ?? [];
    list.push({ id: c.id, options: c.options });
    byCombo.set(c.comboId, list);
  }
  const periods = new Map<
    string,
    { id: string; bucket: string; start: string; end: string } | undefined
  >();
  return {
    unit: (k) => units.get(k),
    element: (k) => elements.get(k),
    optionCombo: (k) => combos.get(k),
    optionComboFor(comboId, options) {
      const names = Object.keys(options);
      const candidates =
        comboId === null ? [...byCombo.values()].flat() : (byCombo.get(comboId) ?? []);
      const hits = candidates.filter(
        (c) =>
          Object.keys(c.options).length === names.length &&
          names.every((n) => c.options[n] === options[n]),
      );
      return hits.length === 1 ? hits[0]?.id : undefined;
    },
    defaultOptionCombo: def,
    period(text) {
      if (periods.has(text)) return periods.get(text);
      const p = parsePeriod(text);
      const view = p
        ? {
            id: p.id,
            bucket: isFinerThanMonth(p.type) || p.type === "Monthly" ? monthOfValue(p) : p.id,
            start: p.start,
            end: p.end,
          }
        : undefined;
      periods.set(text, view);
      return view;
    },
  };
}

/** Staged rows older than this belong to an import that was killed. */
export const STALE_STAGING_HOURS = 6;

export async function importDataValues(
  database: Database,
  input: DataImportInput,
): Promise<DataImportSummary> {
  const db = database.db;
  // What an import killed half-way left behind goes first; no import runs for this long.
  await sweepStaged(db, STALE_STAGING_HOURS);
  const catalogue = await loadCatalogue(db);
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
  try {
    let read = 0;
    let staged = 0;
    let chunk: StagedValue[] = [];
    const named = namedRows();
    const flush = async () => {
      if (chunk.length === 0) return;
      const rows = chunk;
      chunk = [];
      staged += await stageValues(database, stagingKey, rows, named, staged);
    };
    for await (const batch of input.batches) {
      for (const r of batch) {
        const checked = checkIncoming(
          {
            ...r,
            dataElement: r.dataElement ?? "",
            period: r.period ?? "",
            orgUnit: r.orgUnit ?? "",
          },
          catalogue,
        );
        if (checked.ok) chunk.push(checked.value);
        else if (summary.rejected.length < MAX_LISTED_REJECTIONS)
          summary.rejected.push({
            row: r.line,
            reason: checked.reason,
            dataElement: r.dataElement,
            orgUnit: r.orgUnit,
            period: r.period,
            value: r.value,
          });
        else summary.rejectedNotListed++;
      }
      read += batch.length;
      if (chunk.length >= STAGE_CHUNK) await flush();
      input.onProgress?.(read);
    }
    await flush();
    const rejected = summary.rejected.length + summary.rejectedNotListed;
    const counts = await db
      .transaction()
      .execute(async (trx) => {
        const merged = await mergeStaged(trx, stagingKey, batchId, named);
        await dropStaged(trx, stagingKey);
        if (batchId !== null) {
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
        if (input.dryRun) throw new DryRun(merged);
        return merged;
      })
      .catch((error: unknown) => {
        if (error instanceof DryRun) return error.counts;
        throw error;
      });
    summary.imported = counts.inserted;
    summary.updated = counts.updated;
    summary.deleted = counts.deleted;
    summary.ignored = counts.unchanged;
    return summary;
  } catch (error) {
    await dropStaged(db, stagingKey).catch(() => {});
    if (batchId !== null)
      await failBatch(db, batchId, error instanceof Error ? error.message : String(error)).catch(
        () => {},
      );
    throw error;
  } finally {
    // A dry run's staging rows went with its rolled-back transaction only if merged; be sure.
    if (input.dryRun) await dropStaged(db, stagingKey).catch(() => {});
  }
}

class DryRun {
  readonly counts: Awaited<ReturnType<typeof mergeStaged>>;
  constructor(counts: Awaited<ReturnType<typeof mergeStaged>>) {
    this.counts = counts;
  }
}
