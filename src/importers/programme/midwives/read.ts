// Reads a midwife-register file into register lines: a CSV streamed through csv-parse (its
// separator told from the first line, the health sheets' reader), or the first sheet of a
// workbook, read by exceljs in the health sheets' worker thread with the facility file's caps
// (the service starts it: `REGISTER_WORKBOOK_WORKER`). The first non-empty line is the header;
// a file whose header lacks a required column throws a `Dhis2ReadError`, as the other files do.
import { FACILITY_FILE_LIMITS } from "../../../domain/health/facility-file.ts";
import { Dhis2ReadError } from "../../health/dhis2/map.ts";
import type { ByteSource } from "../../health/dhis2/source.ts";
import { headerRefusal, readCsvLines, type SheetLine } from "../../health/sheets/csv.ts";
import { REGISTER_REQUIRED, type RegisterLine, registerColumns, registerLine } from "./map.ts";

/** A register is a few thousand lines: the facility file's caps hold it. */
export const REGISTER_FILE_LIMITS = FACILITY_FILE_LIMITS;

/** The worker that reads a workbook's first sheet into lines, off the main thread. */
export const REGISTER_WORKBOOK_WORKER = new URL("../../health/sheets/worker.ts", import.meta.url);

/** A CSV's lines, in groups as its chunks come. */
export function registerCsvLines(source: ByteSource): AsyncGenerator<SheetLine[]> {
  return readCsvLines(source, REGISTER_FILE_LIMITS);
}

/** The register lines of a file's lines: its header first, then one line each. */
export async function registerLines(
  groups: AsyncIterable<SheetLine[]> | Iterable<SheetLine[]>,
  today: string,
): Promise<RegisterLine[]> {
  let columns: ReturnType<typeof registerColumns> | null = null;
  const lines: RegisterLine[] = [];
  for await (const group of groups)
    for (const l of group) {
      if (columns === null) {
        columns = registerColumns(l.cells);
        if (!columns.ok) throw headerRefusal(columns, l.line);
        continue;
      }
      if (columns.ok) lines.push(registerLine(l.cells, columns.columns, l.line, today));
    }
  if (columns === null)
    throw new Dhis2ReadError("csv_missing_columns", 1, { columns: REGISTER_REQUIRED.join(", ") });
  return lines;
}
