// The worker thread that reads one DHIS2 data value file from its path (in-worker.ts starts it):
// the same streaming reader as on the main thread, each batch posted back (worker-port.ts).
import { createReadStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { DataValueRecord } from "./map.ts";
import { readDataValues } from "./read.ts";
import { type WorkerMessage as PortMessage, postBatches } from "./worker-port.ts";

export interface WorkerInput {
  path: string;
  batchSize: number;
  maxBytes: number;
  maxValues: number | undefined;
}

export type WorkerMessage = PortMessage<DataValueRecord[]>;

export { AHEAD } from "./worker-port.ts";

const port = parentPort;
if (port) {
  const input = workerData as WorkerInput;
  const { batchSize, maxBytes, maxValues } = input;
  const options = { batchSize, maxBytes, ...(maxValues === undefined ? {} : { maxValues }) };
  void postBatches(port, readDataValues(createReadStream(input.path), options));
}
