// The worker thread of a file's import (staged-read.ts starts it): it reads the data value file,
// checks each value against the catalogue it is handed, and encodes the good ones as the
// staging table's CSV, so that the main thread only forwards ready COPY text and the rows they
// name. Refused values come back with their line and reason, the first ones listed.
import { createReadStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { stagingLine } from "../../db/health/staging-csv.ts";
import {
  type CatalogueData,
  catalogueView,
  checkIncoming,
  rejectionOf,
} from "../../domain/health/intake.ts";
import { readDataValues } from "../../importers/health/dhis2/read.ts";
import { postBatches } from "../../importers/health/dhis2/worker-port.ts";
import type { StagedChunk, ValueRejection } from "./data-import.ts";

export interface StageWorkerInput {
  path: string;
  catalogue: CatalogueData;
  stagingKey: string;
  /** Records read per chunk posted. */
  chunkValues: number;
  maxBytes: number;
  maxValues: number | undefined;
  /** Rejections listed at most over the whole file; beyond, only counted. */
  maxListed: number;
}

export async function* stagedChunks(input: StageWorkerInput): AsyncGenerator<StagedChunk> {
  const catalogue = catalogueView(input.catalogue);
  const encoder = new TextEncoder();
  const seen = {
    orgUnits: new Set<number>(),
    dataElements: new Set<number>(),
    combos: new Set<number>(),
  };
  let seq = 0;
  let listed = 0;
  const { maxBytes, maxValues } = input;
  const options = {
    batchSize: input.chunkValues,
    maxBytes,
    ...(maxValues === undefined ? {} : { maxValues }),
  };
  for await (const batch of readDataValues(createReadStream(input.path), options)) {
    const lines: string[] = [];
    const perUnit = new Map<number, number>();
    const named = {
      orgUnits: [] as number[],
      dataElements: [] as number[],
      optionCombos: [] as number[],
    };
    const rejected: ValueRejection[] = [];
    let notListed = 0;
    // Consecutive values mostly share their unit: its count is kept aside until it changes.
    let unit = -1;
    let unitCount = 0;
    const see = (set: Set<number>, list: number[], id: number) => {
      if (!set.has(id)) {
        set.add(id);
        list.push(id);
      }
    };
    for (const r of batch) {
      // A record naming all three is checked as it is, without a copy per value.
      const checked = checkIncoming(
        r.dataElement !== null && r.period !== null && r.orgUnit !== null
          ? (r as typeof r & { dataElement: string; period: string; orgUnit: string })
          : {
              ...r,
              dataElement: r.dataElement ?? "",
              period: r.period ?? "",
              orgUnit: r.orgUnit ?? "",
            },
        catalogue,
      );
      if (checked.ok) {
        const v = checked.value;
        lines.push(stagingLine(input.stagingKey, ++seq, v));
        if (v.orgUnitId !== unit) {
          if (unitCount > 0) perUnit.set(unit, (perUnit.get(unit) ?? 0) + unitCount);
          unit = v.orgUnitId;
          unitCount = 0;
          see(seen.orgUnits, named.orgUnits, unit);
        }
        unitCount++;
        see(seen.dataElements, named.dataElements, v.dataElementId);
        see(seen.combos, named.optionCombos, v.cocId);
        see(seen.combos, named.optionCombos, v.aocId);
      } else if (listed < input.maxListed) {
        listed++;
        rejected.push(rejectionOf(r, checked.reason));
      } else notListed++;
    }
    if (unitCount > 0) perUnit.set(unit, (perUnit.get(unit) ?? 0) + unitCount);
    const units = new Int32Array(perUnit.size * 2);
    let i = 0;
    for (const [unit, count] of perUnit) {
      units[i++] = unit;
      units[i++] = count;
    }
    yield {
      read: batch.length,
      rows: lines.length,
      csv: encoder.encode(lines.join("")),
      units,
      named,
      rejected,
      notListed,
    };
  }
}

const port = parentPort;
if (port) {
  const input = workerData as StageWorkerInput;
  void postBatches(port, stagedChunks(input), (c) => [c.csv.buffer, c.units.buffer]);
}
