// Uploaded workbooks are read in a worker thread of their own, never on the server's event loop:
// a 3 MB file can unpack to 60 MB of XML, whose parsing held every other request for seconds. The
// zip's central directory is checked first on this thread (sizes and entries, nothing inflated);
// the worker then has a bounded heap and a deadline, past which it is ended and the file refused.
import { Problem } from "../../domain/shared/problem.ts";
import { UNPACK_LIMITS } from "../../domain/tracker/questionnaire-file.ts";
import type { ReadResult } from "../../importers/tracker/spreadsheet/read.ts";
import type { ReadReply } from "../../importers/tracker/spreadsheet/worker.ts";
import { readInWorker } from "../shared/worker-read.ts";

const WORKER_URL = new URL("../../importers/tracker/spreadsheet/worker.ts", import.meta.url);
/** Uploads read at once; beyond, the next is refused as "busy" (503) rather than queued. */
export const MAX_CONCURRENT_READS = 2;

export interface ReadOptions {
  /** The deadline, for tests; UNPACK_LIMITS.ms otherwise. */
  ms?: number;
}

/** Reads uploaded workbooks; made once by main.ts (or per app, per command) and passed in. */
export interface WorkbookReader {
  /** Reads an uploaded questionnaire off the main thread, within UNPACK_LIMITS. */
  read(bytes: Uint8Array, options?: ReadOptions): Promise<ReadResult>;
}

/** A reader that counts its own reads in progress, refusing more than MAX_CONCURRENT_READS. */
export function createWorkbookReader(): WorkbookReader {
  let reading = 0;
  return {
    async read(bytes, options = {}) {
      // Loaded on the first upload: the reader's module brings exceljs, which a server that
      // never receives a workbook need not hold in memory.
      const { precheck } = await import("../../importers/tracker/spreadsheet/read.ts");
      const refusal = precheck(bytes);
      if (refusal) return { ok: false, reason: refusal };
      if (reading >= MAX_CONCURRENT_READS) throw new Problem("busy", "upload", { reading });
      reading++;
      try {
        return await inWorker(bytes, options.ms ?? UNPACK_LIMITS.ms);
      } finally {
        reading--;
      }
    },
  };
}

async function inWorker(bytes: Uint8Array, ms: number): Promise<ReadResult> {
  const outcome = await readInWorker<ReadReply>(WORKER_URL, bytes, {
    heapMb: UNPACK_LIMITS.heapMb,
    ms,
  });
  // The heap cap reached: the file unpacks to more than a questionnaire ever does.
  if (!outcome.ok)
    return { ok: false, reason: outcome.reason === "too_slow" ? "too_slow" : "too_expanded" };
  if (!outcome.reply.ok) throw new Error(`reading failed: ${outcome.reply.message}`);
  return outcome.reply.result;
}
