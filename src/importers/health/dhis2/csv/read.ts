// Reads a DHIS2 CSV data value file (csv-parse, streamed): its separator from the first line,
// a header read by name when there is one, DHIS2's column order otherwise. Each chunk of bytes
// is parsed before the next is read, and its rows handed on together.
import { type CsvError, parse } from "csv-parse";
import { parsedGroups } from "../../../shared/csv-stream.ts";
import { type DataValueRecord, Dhis2ReadError } from "../map.ts";
import { type CsvField, csvColumns, csvDelimiter, csvRecord } from "./map.ts";

interface Row {
  record: string[];
  info: { lines: number };
}

/** The first line's text, from the first bytes, to choose the separator by. */
function firstLine(head: Uint8Array): string {
  const text = new TextDecoder("utf-8").decode(head.subarray(0, 8192));
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

function asReadError(error: unknown): Error {
  if (error instanceof Dhis2ReadError) return error;
  const csv = error as CsvError & { lines?: number };
  if (typeof csv.code === "string" && csv.code.startsWith("CSV_"))
    return new Dhis2ReadError("csv_malformed", csv.lines ?? null, { reason: csv.code });
  return error instanceof Error ? error : new Error(String(error));
}

export async function* readCsvValues(
  bytes: AsyncIterable<Uint8Array>,
  head: Uint8Array,
): AsyncGenerator<DataValueRecord[]> {
  const parser = parse({
    bom: true,
    delimiter: csvDelimiter(firstLine(head)),
    relax_column_count: true,
    // A quote inside an unquoted cell (`5" de pluie`) is text, as DHIS2's reader takes it.
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  });
  let columns: readonly (CsvField | null)[] | null = null;
  let pending: DataValueRecord[] = [];
  let failure: Error | null = null;
  parser.on("data", ({ record, info }: Row) => {
    if (failure) return;
    if (columns === null) {
      const read = csvColumns(record);
      if (!read.ok) {
        failure = new Dhis2ReadError(read.code, info.lines, { columns: read.names.join(",") });
        return;
      }
      columns = read.columns;
      if (read.header) return;
    }
    // A line of empty cells (a spreadsheet's trailing rows) is no value.
    if (record.every((cell) => cell.trim() === "")) return;
    pending.push(csvRecord(record, columns, info.lines));
  });
  parser.on("error", (error) => {
    failure ??= asReadError(error);
  });
  yield* parsedGroups(
    parser,
    bytes,
    () => {
      const group = pending;
      pending = [];
      return group;
    },
    () => failure,
  );
}
