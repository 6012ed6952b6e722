// Runs one reading of an uploaded file in a worker thread of its own: a bounded heap, a
// deadline past which the worker is ended, and the bytes sent as a copy. One worker per file,
// ended after its answer, so the memory a hostile file took goes back at once.
import { Worker } from "node:worker_threads";

export interface WorkerLimits {
  heapMb: number;
  ms: number;
}

export type WorkerOutcome<T> =
  | { ok: true; reply: T }
  | { ok: false; reason: "too_slow" | "out_of_memory" };

/** Sends `bytes` to the worker at `url` and waits for its one reply, within `limits`. */
export function readInWorker<T>(
  url: URL,
  bytes: Uint8Array,
  limits: WorkerLimits,
): Promise<WorkerOutcome<T>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, {
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 16 },
      execArgv: [],
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      outcome();
    };
    const deadline = setTimeout(
      () => settle(() => resolve({ ok: false, reason: "too_slow" })),
      limits.ms,
    );
    worker.on("message", (reply: T) => settle(() => resolve({ ok: true, reply })));
    worker.on("error", (error: Error & { code?: string }) =>
      settle(() =>
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? resolve({ ok: false, reason: "out_of_memory" })
          : reject(error),
      ),
    );
    worker.on("exit", (code) =>
      settle(() => reject(new Error(`reading worker stopped (exit code ${code})`))),
    );
    worker.postMessage(bytes);
  });
}
