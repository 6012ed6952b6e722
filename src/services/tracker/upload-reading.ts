// Uploaded workbooks are read in a worker thread of their own, never on the server's event loop:
// a 3 MB file can unpack to 60 MB of XML, whose parsing held every other request for seconds. The
// zip's central directory is checked first on this thread (sizes and entries, nothing inflated);
// the worker then has a bounded heap and a deadline, past which it is ended and the file refused.
import { Worker } from "node:worker_threads";
import { Problem } from "../../domain/shared/problem.ts";
import { UNPACK_LIMITS } from "../../domain/tracker/questionnaire-file.ts";
import type { ReadResult } from "../../importers/tracker/spreadsheet/read.ts";
import type { ReadReply } from "../../importers/tracker/spreadsheet/worker.ts";

const WORKER_URL = new URL("../../importers/tracker/spreadsheet/worker.ts", import.meta.url);
const LIMITS = { maxOldGenerationSizeMb: UNPACK_LIMITS.heapMb, maxYoungGenerationSizeMb: 16 };
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

function inWorker(bytes: Uint8Array, ms: number): Promise<ReadResult> {
  return new Promise<ReadResult>((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { resourceLimits: LIMITS, execArgv: [] });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      outcome();
    };
    const deadline = setTimeout(() => settle(() => resolve({ ok: false, reason: "too_slow" })), ms);
    worker.on("message", (reply: ReadReply) =>
      settle(() =>
        reply.ok ? resolve(reply.result) : reject(new Error(`reading failed: ${reply.message}`)),
      ),
    );
    worker.on("error", (error: Error & { code?: string }) =>
      settle(() =>
        // The heap cap reached: the file unpacks to more than a questionnaire ever does.
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? resolve({ ok: false, reason: "too_expanded" })
          : reject(error),
      ),
    );
    worker.on("exit", (code) =>
      settle(() => reject(new Error(`reading worker stopped (exit code ${code})`))),
    );
    // A copy: the caller keeps its bytes (an upload's buffer may be shared with others).
    worker.postMessage(bytes);
  });
}
