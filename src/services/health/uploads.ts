// One uploaded health file, whatever it is: a DHIS2 export (metadata, or values in any of its
// forms), a CSV of organisation units, or a facility's values (CSV or XLSX). Its kind is chosen
// on the form or told from the file — a workbook is a facility file; a CSV by its header: DHIS2's
// columns, then the units' (code, name, parent), then the facility file's (facility, period).
import { open } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { csvColumns, csvDelimiter } from "../../importers/health/dhis2/csv/map.ts";
import { detectFormat } from "../../importers/health/dhis2/map.ts";
import { facilityLayout } from "../../importers/health/facility/map.ts";
import { unitColumns } from "../../importers/health/units/map.ts";
import type { Database } from "../shared/db.ts";
import { type FileImportResult, fileHash, importDhis2File } from "./dhis2-files.ts";
import {
  type FacilityImportResult,
  importFacilityFile,
  looksLikeWorkbook,
} from "./facility-import.ts";
import { importUnitPath, type UnitImportSummary } from "./unit-import.ts";

export const UPLOAD_KINDS = ["auto", "values", "metadata", "units", "facility"] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

export type UploadResult =
  | FileImportResult
  | { kind: "units"; summary: UnitImportSummary }
  | { kind: "facility"; result: FacilityImportResult };

/** What a file is, from its first bytes: a DHIS2 export unless it says otherwise. */
export async function detectUploadKind(
  path: string,
): Promise<Exclude<UploadKind, "auto"> | "dhis2"> {
  if (await looksLikeWorkbook(path)) return "facility";
  const handle = await open(path, "r");
  let head: Buffer;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(16 * 1024), 0, 16 * 1024, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (detectFormat(head) !== "csv") return "dhis2";
  const text = head.toString("utf8").replace(/^\uFEFF/, "");
  const line = text.split(/\r?\n/, 1)[0] ?? "";
  let header: string[];
  try {
    header =
      (parse(line, { delimiter: csvDelimiter(line), relax_quotes: true }) as string[][])[0] ?? [];
  } catch {
    return "dhis2";
  }
  const dhis2 = csvColumns(header);
  if (dhis2.ok && dhis2.header) return "values";
  if (unitColumns(header).ok) return "units";
  if (facilityLayout(header).ok) return "facility";
  return "dhis2";
}

export interface UploadImport {
  path: string;
  kind: UploadKind;
  dryRun: boolean;
  actor: string;
  /** Values read so far (DHIS2 values only). */
  onProgress?: (values: number) => void;
  /** Values merged so far out of those staged, once reading is over (DHIS2 values only). */
  onMerge?: (merged: number, staged: number) => void;
}

/** Imports the file as its kind; a file that cannot be read throws a `Dhis2ReadError`. */
export async function importUpload(database: Database, input: UploadImport): Promise<UploadResult> {
  const found = input.kind === "auto" ? await detectUploadKind(input.path) : input.kind;
  if (found === "units")
    return {
      kind: "units",
      summary: await importUnitPath(database, {
        path: input.path,
        actor: input.actor,
        fileHash: await fileHash(input.path),
        dryRun: input.dryRun,
      }),
    };
  if (found === "facility")
    return {
      kind: "facility",
      result: await importFacilityFile(database, {
        path: input.path,
        actor: input.actor,
        fileHash: await fileHash(input.path),
        dryRun: input.dryRun,
      }),
    };
  return importDhis2File(database, {
    path: input.path,
    kind: found === "dhis2" ? "auto" : found,
    dryRun: input.dryRun,
    actor: input.actor,
    inWorker: true,
    onProgress: ({ values }) => input.onProgress?.(values),
    ...(input.onMerge ? { onMerge: input.onMerge } : {}),
  });
}
