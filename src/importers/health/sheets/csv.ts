// Reads a CSV typed or saved by people (a spreadsheet's "save as CSV"): UTF-8 with or without a
// byte-order mark, gzipped or not, its separator (comma, semicolon as French Excel writes, or
// tab) told from the first line. Yields the lines as cell texts, with their line numbers, in
// groups as the chunks come; a file that is not text, malformed or too long throws a
// `Dhis2ReadError` like the DHIS2 readers, so both are refused with the same words.
import { type CsvError, parse } from "csv-parse";
import { parsedGroups } from "../../shared/csv-stream.ts";
import { csvDelimiter } from "../dhis2/csv/map.ts";
import { Dhis2ReadError } from "../dhis2/map.ts";
import { type ByteSource, openSource } from "../dhis2/source.ts";

export interface SheetLine {
  /** The line in the file, from 1. */
  line: number;
  cells: string[];
}

export interface SheetLimits {
  bytes: number;
  rows: number;
}

function firstLine(head: Uint8Array): string {
  const text = new TextDecoder("utf-8").decode(head.subarray(0, 8192)).replace(/^\uFEFF/, "");
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

/** A header line that could not be read as the file's columns: the refusal naming why. */
export function headerRefusal(
  header: { duplicate: readonly string[]; missing: readonly string[] },
  line: number,
): Dhis2ReadError {
  if (header.duplicate.length > 0)
    return new Dhis2ReadError("csv_duplicate_column", line, {
      column: header.duplicate.join(", "),
    });
  return new Dhis2ReadError("csv_missing_columns", line, { columns: header.missing.join(", ") });
}

export async function* readCsvLines(
  source: ByteSource,
  limits: SheetLimits,
): AsyncGenerator<SheetLine[]> {
  const { sniffed, bytes, head, close } = await openSource(source, limits.bytes);
  if (sniffed === "binary" || sniffed === "zip") {
    await close();
    throw new Dhis2ReadError(sniffed === "zip" ? "zip_unsupported" : "not_text");
  }
  const parser = parse({
    bom: true,
    delimiter: csvDelimiter(firstLine(head)),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  });
  let pending: SheetLine[] = [];
  let count = 0;
  let failure: Error | null = null;
  parser.on("data", ({ record, info }: { record: string[]; info: { lines: number } }) => {
    if (failure) return;
    if (record.every((c) => c.trim() === "")) return;
    count++;
    // The header line is not counted against the limit.
    if (count > limits.rows + 1) {
      failure = new Dhis2ReadError("too_many_rows", info.lines, { max: limits.rows });
      return;
    }
    pending.push({ line: info.lines, cells: record });
  });
  parser.on("error", (error: CsvError & { lines?: number }) => {
    failure ??=
      error instanceof Dhis2ReadError
        ? error
        : new Dhis2ReadError("csv_malformed", error.lines ?? null, { reason: String(error.code) });
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
