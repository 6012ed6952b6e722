// Reads a DHIS2 data value file off the main thread: a worker thread of its own runs the
// streaming reader on the file's path, within a heap cap, a byte cap and a deadline, and is
// ended as soon as the reading stops — finished, refused, or abandoned by its caller.
import { Worker } from "node:worker_threads";
import { type DataValueRecord, Dhis2ReadError, isReadErrorCode } from "./map.ts";
import { DEFAULT_BATCH_SIZE } from "./read.ts";
import { DEFAULT_MAX_BYTES } from "./source.ts";
import type { WorkerInput } from "./worker.ts";
import type { WorkerMessage } from "./worker-port.ts";

const WORKER_URL = new URL("./worker.ts", import.meta.url);

export interface WorkerReadOptions {
  batchSize?: number;
  /** Bytes read at most once decompressed (`too_large` beyond). */
  maxBytes?: number;
  /** Values read at most (`too_many_values` beyond). */
  maxValues?: number;
  /** The whole reading's deadline, waits for the caller included (`too_slow` beyond); 10 min. */
  maxMs?: number;
  /** The worker's old-generation heap cap (`reader_failed` beyond); 256 MB. */
  heapMb?: number;
  /** The worker's young generation; 16 MB (more means fewer collections of short-lived rows). */
  youngMb?: number;
  /** Ends the worker at once, even while the caller waits for a batch; the wait then throws. */
  signal?: AbortSignal;
}

type Event<T> =
  | WorkerMessage<T>
  | { type: "crash"; reason: string }
  | { type: "exit"; code: number }
  | { type: "timeout" }
  | { type: "aborted" };

export function readDataValuesInWorker(
  path: string,
  options: WorkerReadOptions = {},
): AsyncGenerator<DataValueRecord[]> {
  const workerData: WorkerInput = {
    path,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxValues: options.maxValues,
  };
  return workerBatches<DataValueRecord[]>(WORKER_URL, workerData, options);
}

/**
 * The batches a reading worker posts (`worker-port.ts` on its side): the worker at `url` is
 * started with `workerData` under the options' caps and ended when the reading stops.
 */
export async function* workerBatches<T>(
  url: URL,
  workerData: unknown,
  options: Omit<WorkerReadOptions, "batchSize" | "maxBytes" | "maxValues"> = {},
): AsyncGenerator<T> {
  const maxMs = options.maxMs ?? 10 * 60_000;
  options.signal?.throwIfAborted();
  const worker = new Worker(url, {
    workerData,
    execArgv: [],
    resourceLimits: {
      maxOldGenerationSizeMb: options.heapMb ?? 256,
      maxYoungGenerationSizeMb: options.youngMb ?? 16,
    },
  });
  const inbox: Event<T>[] = [];
  let wake: (() => void) | null = null;
  const push = (event: Event<T>) => {
    inbox.push(event);
    wake?.();
    wake = null;
  };
  worker.on("message", push);
  worker.on("error", (error: Error & { code?: string }) =>
    push({ type: "crash", reason: error.code ?? error.message }),
  );
  worker.on("exit", (code) => push({ type: "exit", code }));
  const deadline = setTimeout(() => push({ type: "timeout" }), maxMs);
  const abort = () => {
    void worker.terminate();
    // Batches already posted are dropped: nothing is handed on once the caller has given up.
    inbox.length = 0;
    push({ type: "aborted" });
  };
  options.signal?.addEventListener("abort", abort, { once: true });
  try {
    for (;;) {
      if (inbox.length === 0) await new Promise<void>((r) => (wake = r));
      const event = inbox.shift();
      if (event === undefined) continue;
      switch (event.type) {
        case "batch":
          yield event.records;
          worker.postMessage("next");
          break;
        case "done":
          return;
        case "error":
          throw new Dhis2ReadError(
            isReadErrorCode(event.code) ? event.code : "reader_failed",
            event.line,
            event.details,
          );
        case "timeout":
          throw new Dhis2ReadError("too_slow", null, { maxMs });
        case "aborted":
          throw options.signal?.reason ?? new Error("aborted");
        case "failed":
        case "crash":
          throw new Dhis2ReadError("reader_failed", null, {
            reason: event.type === "failed" ? event.message : event.reason,
          });
        case "exit":
          throw new Dhis2ReadError("reader_failed", null, { exitCode: event.code });
      }
    }
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener("abort", abort);
    await worker.terminate();
  }
}
