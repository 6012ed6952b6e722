// The worker thread that reads one DHIS2 data value file from its path (in-worker.ts starts it):
// the same streaming reader as on the main thread, each batch posted back and the next one read
// only once the reader asks for it, so batches never pile up between the threads.
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

const port = parentPort;
if (port) {
  const input = workerData as WorkerInput;
  const asked = () => new Promise<void>((resolve) => port.once("message", () => resolve()));
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
