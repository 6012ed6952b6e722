// A data value file read, checked and encoded for staging in a worker thread of its own
// (stage-worker.ts), under the same caps as the plain reading worker: what a file's import
// hands importDataValues as `stage`.
import type { CatalogueData } from "../../domain/health/intake.ts";
import { type WorkerReadOptions, workerBatches } from "../../importers/health/dhis2/in-worker.ts";
import { DEFAULT_MAX_BYTES } from "../../importers/health/dhis2/source.ts";
import { MAX_LISTED_REJECTIONS, STAGE_CHUNK, type StagedChunk } from "./data-import.ts";
import type { StageWorkerInput } from "./stage-worker.ts";

const WORKER_URL = new URL("./stage-worker.ts", import.meta.url);

export function stageFileInWorker(
  path: string,
  catalogue: CatalogueData,
  stagingKey: string,
  options: Omit<WorkerReadOptions, "batchSize"> = {},
): AsyncGenerator<StagedChunk> {
  const input: StageWorkerInput = {
    path,
    catalogue,
    stagingKey,
    chunkValues: STAGE_CHUNK,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxValues: options.maxValues,
    maxListed: MAX_LISTED_REJECTIONS,
  };
  // Checking and encoding make many short-lived strings: a larger young generation collects
  // them less often.
  return workerBatches<StagedChunk>(WORKER_URL, input, { youngMb: 128, ...options });
}
