// Reads a DHIS2 data value file of any of its four forms (gzipped or not) into batches of
// records for the import service, never holding the file: its format is told from its first
// bytes, then one streaming reader turns it into records, batched here.
import { readCsvValues } from "./csv.ts";
import { readJsonValues } from "./json.ts";
import { type DataValueRecord, Dhis2ReadError } from "./map.ts";
import { type ByteSource, DEFAULT_MAX_BYTES, openSource } from "./source.ts";
import { readXmlValues } from "./xml.ts";

export interface ReadOptions {
  /** Records per batch; 5 000 by default. */
  batchSize?: number;
  /** Bytes read at most once decompressed; 2 GB by default. Beyond, `too_large`. */
  maxBytes?: number;
}

export const DEFAULT_BATCH_SIZE = 5000;

/** Every record of a data value file, one at a time; a file that cannot be read throws. */
export async function* readDataValueRecords(
  source: ByteSource,
  maxBytes: number = DEFAULT_MAX_BYTES,
): AsyncGenerator<DataValueRecord> {
  const { sniffed, bytes, head } = await openSource(source, maxBytes);
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
    case "xml":
      throw new Dhis2ReadError("not_data_value_set");
    case "zip":
      throw new Dhis2ReadError("zip_unsupported");
    case "binary":
      throw new Dhis2ReadError("not_text");
  }
}

/** The records of a data value file in batches of `batchSize` (the last one shorter). */
export async function* readDataValues(
  source: ByteSource,
  options: ReadOptions = {},
): AsyncGenerator<DataValueRecord[]> {
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  let batch: DataValueRecord[] = [];
  for await (const record of readDataValueRecords(source, options.maxBytes)) {
    batch.push(record);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
