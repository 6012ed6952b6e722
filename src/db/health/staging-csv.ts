// The staging table's rows as COPY's CSV text, made wherever the values are checked (a reading
// worker thread encodes its own, so the main thread only forwards bytes). Nothing here touches
// the database: this module is light enough to load in a worker.
import type { CheckedValue } from "../../domain/health/intake.ts";

/** The columns of `data_value_staging` a COPY fills, in the order of `stagingLine`'s fields. */
export const STAGING_COLUMNS = [
  "batch_id",
  "seq",
  "org_unit_id",
  "data_element_id",
  "period",
  "coc_id",
  "aoc_id",
  "bucket",
  "value",
  "deleted",
  "comment",
  "follow_up",
  "stored_by",
  "created",
  "last_updated",
] as const;

/** A text as a CSV field: always quoted (an empty text is not NULL); NULL is the empty field. */
function text(value: string | null): string {
  if (value === null) return "";
  return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
}

/** One staged value as a CSV line, `seq` its rank in the import (the last of duplicates wins). */
export function stagingLine(stagingKey: string, seq: number, v: CheckedValue): string {
  return `${stagingKey},${seq},${v.orgUnitId},${v.dataElementId},${text(v.period)},${v.cocId},${v.aocId},${text(v.bucket)},${v.value === null ? "" : String(v.value)},${v.deleted ? "t" : "f"},${text(v.comment)},${v.followUp ? "t" : "f"},${text(v.storedBy)},${text(v.created)},${text(v.lastUpdated)}\n`;
}
