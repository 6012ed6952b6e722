// The worker thread that reads one DHIS2 data value file from its path (in-worker.ts starts it):
// the same streaming reader as on the main thread, each batch posted back. It reads ahead by at
// most AHEAD batches the reader has not taken yet: reading goes on while the main thread checks
// and stores the previous batches, and batches never pile up between the threads.
import { createReadStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { DataValueRecord } from "./map.ts";
import { Dhis2ReadError } from "./map.ts";
import { readDataValues } from "./read.ts";

export interface WorkerInput {
  path: string;
  batchSize: number;
  maxBytes: number;
  maxValues: number | undefined;
}

export type WorkerMessage =
  | { type: "batch"; records: DataValueRecord[] }
  | { type: "done" }
  | { type: "error"; code: string; line: number | null; details: Record<string, string | number> }
  | { type: "failed"; message: string };

/** Batches posted and not yet taken by the reader, at most. */
export const AHEAD = 3;

const port = parentPort;
if (port) {
  const input = workerData as WorkerInput;
  let credit = AHEAD;
  let wake: (() => void) | null = null;
  // Each "next" from the reader means it took one batch: one more may be read ahead.
  port.on("message", () => {
    credit++;
    wake?.();
    wake = null;
  });
  const asked = async () => {
    credit--;
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  };
  const post = (message: WorkerMessage) => port.postMessage(message);
  try {
    const source = createReadStream(input.path);
    const { batchSize, maxBytes, maxValues } = input;
    const options = { batchSize, maxBytes, ...(maxValues === undefined ? {} : { maxValues }) };
    for await (const records of readDataValues(source, options)) {
      post({ type: "batch", records });
      await asked();
    }
    post({ type: "done" });
  } catch (error) {
    if (error instanceof Dhis2ReadError) {
      post({ type: "error", code: error.code, line: error.line, details: { ...error.details } });
    } else {
      post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }
}
