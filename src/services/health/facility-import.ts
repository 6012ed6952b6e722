// Importing a facility file (CSV or XLSX, one value a line or one column per element) for
// facilities without DHIS2 access: its lines become the records of the same import as a DHIS2
// file (source "facility_file": the same checks, merge, roll-ups and summary), and the values it
// stored get the warnings of data entry — far outside the facility's own history, a numerator
// above its denominator — which never refuse. A workbook is read in a worker thread, capped.
import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { indicatorFormulas } from "../../db/health/catalogue.ts";
import { unitsHistory } from "../../db/health/entry.ts";
import {
  type EntryWarning,
  numeratorsAboveDenominators,
  outsideHistory,
} from "../../domain/health/entry-checks.ts";
import { FACILITY_FILE_LIMITS, MAX_LISTED_WARNINGS } from "../../domain/health/facility-file.ts";
import { checkIncoming } from "../../domain/health/intake.ts";
import { parsePeriod, previousPeriod } from "../../domain/health/periods.ts";
import { Dhis2ReadError } from "../../importers/health/dhis2/map.ts";
import {
  type FacilityLayout,
  type FacilityRecord,
  facilityLayout,
  facilityRecords,
} from "../../importers/health/facility/map.ts";
import { headerRefusal, readCsvLines, type SheetLine } from "../../importers/health/sheets/csv.ts";
import type { XlsxReply } from "../../importers/health/sheets/worker.ts";
import { looksLikeOle, looksLikeZip } from "../../importers/shared/xlsx.ts";
import type { Database } from "../shared/db.ts";
import { readInWorker } from "../shared/worker-read.ts";
import { type DataImportSummary, importDataValues, loadCatalogue } from "./data-import.ts";

const WORKER_URL = new URL("../../importers/health/sheets/worker.ts", import.meta.url);

/** A warning on one stored value, with the file's line it came from. */
export type FacilityWarning = EntryWarning & { row: number; orgUnit: string; period: string };

export interface FacilityImportResult {
  layout: FacilityLayout["kind"];
  summary: DataImportSummary;
  warnings: FacilityWarning[];
  warningsNotListed: number;
}

export interface FacilityImportInput {
  path: string;
  actor: string;
  fileHash: string | null;
  dryRun: boolean;
}

/** A workbook's first bytes (a zip, or an encrypted Office file). */
export async function looksLikeWorkbook(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    const head = buffer.subarray(0, bytesRead);
    return looksLikeZip(head) || looksLikeOle(head);
  } finally {
    await handle.close();
  }
}

/** The workbook's lines, read off the main thread; refusals throw a `Dhis2ReadError`. */
async function* workbookLines(path: string): AsyncGenerator<SheetLine[]> {
  if ((await stat(path)).size > FACILITY_FILE_LIMITS.bytes)
    throw new Dhis2ReadError("too_large", null, { maxBytes: FACILITY_FILE_LIMITS.bytes });
  const bytes = new Uint8Array(await readFile(path));
  const outcome = await readInWorker<XlsxReply>(WORKER_URL, bytes, FACILITY_FILE_LIMITS);
  if (!outcome.ok)
    throw new Dhis2ReadError(outcome.reason === "too_slow" ? "too_slow" : "too_large", null, {
      maxBytes: FACILITY_FILE_LIMITS.unpacked,
    });
  if (!outcome.reply.ok) throw new Error(`reading failed: ${outcome.reply.message}`);
  const result = outcome.reply.result;
  if (!result.ok)
    throw new Dhis2ReadError(
      result.reason,
      null,
      result.reason === "too_many_rows"
        ? { max: FACILITY_FILE_LIMITS.rows }
        : { maxBytes: FACILITY_FILE_LIMITS.unpacked },
    );
  yield result.lines;
}

export async function importFacilityFile(
  database: Database,
  input: FacilityImportInput,
): Promise<FacilityImportResult> {
  const lines = (await looksLikeWorkbook(input.path))
    ? workbookLines(input.path)
    : readCsvLines(createReadStream(input.path), FACILITY_FILE_LIMITS);
  let layout: FacilityLayout | null = null;
  const kept: FacilityRecord[] = [];
  async function* batches(): AsyncGenerator<FacilityRecord[]> {
    for await (const group of lines) {
      const batch: FacilityRecord[] = [];
      for (const l of group) {
        if (layout === null) {
          const header = facilityLayout(l.cells);
          if (!header.ok) throw headerRefusal(header, l.line);
          layout = header.layout;
          continue;
        }
        for (const r of facilityRecords(l.cells, layout, l.line)) {
          const record = { ...r, storedBy: input.actor };
          batch.push(record);
          kept.push(record);
        }
      }
      if (batch.length > 0) yield batch;
    }
    if (layout === null)
      throw new Dhis2ReadError("csv_missing_columns", 1, { columns: "facility, period" });
  }
  const summary = await importDataValues(database, {
    batches: batches(),
    actor: input.actor,
    source: "facility_file",
    fileHash: input.fileHash,
    dryRun: input.dryRun,
  });
  const warnings = await warningsFor(database, kept);
  return {
    layout: (layout as FacilityLayout | null)?.kind ?? "long",
    summary,
    warnings: warnings.slice(0, MAX_LISTED_WARNINGS),
    warningsNotListed: Math.max(0, warnings.length - MAX_LISTED_WARNINGS),
  };
}

/** The warnings of data entry, for every accepted monthly value of the file. */
async function warningsFor(
  database: Database,
  records: readonly FacilityRecord[],
): Promise<FacilityWarning[]> {
  const db = database.db;
  const catalogue = await loadCatalogue(db);
  const accepted = records.flatMap((r) => {
    const checked = checkIncoming(
      { ...r, dataElement: r.dataElement ?? "", period: r.period ?? "", orgUnit: r.orgUnit ?? "" },
      catalogue,
    );
    const period = checked.ok ? parsePeriod(checked.value.period) : null;
    return checked.ok && checked.value.value !== null && period?.type === "Monthly"
      ? [{ record: r, value: checked.value, period }]
      : [];
  });
  if (accepted.length === 0) return [];
  // Each month's twelve before it, read once for the whole file.
  const buckets = new Set<string>();
  for (const a of accepted)
    for (let i = 1; i <= 12; i++) buckets.add(previousPeriod(a.period, i).id);
  const history = new Map<string, number[]>();
  for (const h of await unitsHistory(
    db,
    [...new Set(accepted.map((a) => a.value.orgUnitId))],
    [...new Set(accepted.map((a) => a.value.dataElementId))],
    [...buckets],
  )) {
    const k = `${h.orgUnitId}|${h.dataElementId}|${h.cocId}|${h.bucket}`;
    history.set(k, [...(history.get(k) ?? []), h.value]);
  }
  const warnings: FacilityWarning[] = [];
  // Totals per unit × month by every key an element is named by (a formula names its uid).
  const entered = new Map<string, Map<string, number>>();
  const firstLine = new Map<string, { row: number; orgUnit: string; period: string }>();
  for (const a of accepted) {
    const v = a.value;
    const value = v.value as number;
    const past = Array.from({ length: 12 }, (_, i) => previousPeriod(a.period, i + 1).id).flatMap(
      (m) => history.get(`${v.orgUnitId}|${v.dataElementId}|${v.cocId}|${m}`) ?? [],
    );
    const median = outsideHistory(value, past);
    const where = { row: a.record.line, orgUnit: a.record.orgUnit ?? "", period: v.period };
    if (median !== null)
      warnings.push({
        code: "outside_history",
        field: a.record.dataElement ?? "",
        value,
        median,
        ...where,
      });
    const group = `${v.orgUnitId}|${v.period}`;
    if (!firstLine.has(group)) firstLine.set(group, where);
    const totals = entered.get(group) ?? new Map<string, number>();
    for (const key of elementKeys(catalogue, a.record.dataElement ?? ""))
      totals.set(key, (totals.get(key) ?? 0) + value);
    entered.set(group, totals);
  }
  const formulas = await indicatorFormulas(db);
  for (const [group, totals] of entered)
    for (const w of numeratorsAboveDenominators(formulas, totals))
      warnings.push({ ...w, ...(firstLine.get(group) ?? { row: 0, orgUnit: "", period: "" }) });
  return warnings.sort((a, b) => a.row - b.row);
}

/** Every name an element is known by in the catalogue (uid and code), from one of them. */
function elementKeys(catalogue: Awaited<ReturnType<typeof loadCatalogue>>, key: string): string[] {
  const e = catalogue.element(key);
  return [...new Set([key, e?.uid, e?.code].filter((k): k is string => typeof k === "string"))];
}
