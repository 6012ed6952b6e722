// Reads a DHIS2 data value file of any of its four forms (gzipped or not) into batches of
// records for the import service, never holding the file: its format is told from its first
// bytes, then one streaming reader turns it into records, batched here.
import { readCsvValues } from "./csv/read.ts";
import { readJsonValues } from "./json.ts";
import { type DataValueRecord, Dhis2ReadError } from "./map.ts";
import { type ByteSource, DEFAULT_MAX_BYTES, openSource } from "./source.ts";
import { readXmlValues } from "./xml.ts";

export interface ReadOptions {
  /** Records per batch; 5 000 by default. */
  batchSize?: number;
  /** Bytes read at most once decompressed; 2 GB by default. Beyond, `too_large`. */
  maxBytes?: number;
  /** Values read at most; no limit by default. Beyond, `too_many_values`. */
  maxValues?: number;
}

export const DEFAULT_BATCH_SIZE = 5000;

/** The records of a data value file, in groups as its chunks give them; unreadable: throws. */
async function* recordGroups(
  source: ByteSource,
  maxBytes: number = DEFAULT_MAX_BYTES,
): AsyncGenerator<DataValueRecord[]> {
  const { sniffed, bytes, head, close } = await openSource(source, maxBytes);
  switch (sniffed) {
    case "json":
      yield* readJsonValues(bytes);
      return;
    case "dxf2":
    case "adx":
      yield* readXmlValues(bytes, sniffed);
      return;
    case "csv":
      yield* readCsvValues(bytes, head);
      return;
  }
  // A file refused from its first bytes: its source is closed before saying why.
  await close();
  if (sniffed === "zip") throw new Dhis2ReadError("zip_unsupported");
  throw new Dhis2ReadError(sniffed === "binary" ? "not_text" : "not_data_value_set");
}

/**
 * The records of a data value file in batches of `batchSize` (the last one shorter), read as
 * they are handed on: a file that cannot be read throws a `Dhis2ReadError` when it is found.
 */
export async function* readDataValues(
  source: ByteSource,
  options: ReadOptions = {},
): AsyncGenerator<DataValueRecord[]> {
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const maxValues = options.maxValues ?? Number.POSITIVE_INFINITY;
  let batch: DataValueRecord[] = [];
  let count = 0;
  for await (const group of recordGroups(source, options.maxBytes)) {
    count += group.length;
    if (count > maxValues) throw new Dhis2ReadError("too_many_values", null, { maxValues });
    for (const record of group) {
      batch.push(record);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
