// Reads a DHIS2 CSV data value file (csv-parse, streamed): its separator from the first line,
// a BOM dropped, a header read by name when there is one, DHIS2's column order otherwise.
import { pipeline, Readable } from "node:stream";
import { type CsvError, parse } from "csv-parse";
import {
  type CsvField,
  csvColumns,
  csvDelimiter,
  csvRecord,
  type DataValueRecord,
  Dhis2ReadError,
} from "./map.ts";

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

export async function* readCsvValues(
  bytes: AsyncIterable<Uint8Array>,
  head: Uint8Array,
): AsyncGenerator<DataValueRecord> {
  const parser = parse({
    bom: true,
    delimiter: csvDelimiter(firstLine(head)),
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  // pipeline, not pipe: a failing source (too many bytes, say) must fail the parser too.
  pipeline(Readable.from(bytes), parser, () => {});
  let columns: readonly (CsvField | null)[] | null = null;
  try {
    for await (const row of parser as AsyncIterable<Row>) {
      const line = row.info.lines;
      if (columns === null) {
        const read = csvColumns(row.record);
        if (!read.ok) throw new Dhis2ReadError(read.code, line, { columns: read.names.join(",") });
        columns = read.columns;
        if (read.header) continue;
      }
      // A line of empty cells (a spreadsheet's trailing rows) is no value.
      if (row.record.every((cell) => cell.trim() === "")) continue;
      yield csvRecord(row.record, columns, line);
    }
  } catch (error) {
    if (error instanceof Dhis2ReadError) throw error;
    const csv = error as CsvError & { lines?: number };
    if (typeof csv.code === "string" && csv.code.startsWith("CSV_"))
      throw new Dhis2ReadError("csv_malformed", csv.lines ?? null, { reason: csv.code });
    throw error;
  } finally {
    parser.destroy();
  }
}
