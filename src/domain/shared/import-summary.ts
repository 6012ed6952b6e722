// What an import did, in one shape for every importer (workbooks today, DHIS2 and other files
// next): rows that added a record, rows that changed one, rows that said nothing new, and rows
// refused, each with its row number and reason. A bad row is a value here, never a throw.

/** A refused row: where it is in the file and why. Importers add what their message needs. */
export interface Rejection {
  readonly row: number;
  readonly reason: string;
}

export interface ImportSummary<R extends Rejection = Rejection> {
  imported: number;
  updated: number;
  ignored: number;
  rejected: R[];
}

export function emptySummary<R extends Rejection>(): ImportSummary<R> {
  return { imported: 0, updated: 0, ignored: 0, rejected: [] };
}

/** The four numbers of a summary, as a message counts them. */
export function summaryCounts(summary: ImportSummary): {
  imported: number;
  updated: number;
  ignored: number;
  rejected: number;
} {
  return {
    imported: summary.imported,
    updated: summary.updated,
    ignored: summary.ignored,
    rejected: summary.rejected.length,
  };
}
