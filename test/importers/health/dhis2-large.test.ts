// A generated export of 50 000 values reads in flat memory (the heap held while reading does
// not grow with the file: five times the values, the same peak) and the same records come out
// of the worker thread, which ends as soon as its reader stops.
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDataValuesInWorker } from "../../../src/importers/health/dhis2/in-worker.ts";
import type { DataValueRecord } from "../../../src/importers/health/dhis2/map.ts";
import { readDataValues } from "../../../src/importers/health/dhis2/read.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const dir = mkdtempSync(join(tmpdir(), "jalon-dhis2-"));
const file = (n: number) => join(dir, `values-${n}.json`);

/** A bulk export of `n` values: 200 facilities × 12 months × data elements, written streamed. */
async function writeExport(n: number): Promise<void> {
  const out = createWriteStream(file(n));
  out.write('{"dataSet":"RmaMensuel1","completeDate":"2023-01-10","dataValues":[\n');
  for (let i = 0; i < n; i++) {
    const value = {
      dataElement: `DataElem${String(i % 50).padStart(3, "0")}`,
      period: `2022${String((i % 12) + 1).padStart(2, "0")}`,
      orgUnit: `Facility${String(Math.floor(i / 600) % 200).padStart(3, "0")}`,
      categoryOptionCombo: "DefaultCoC1",
      attributeOptionCombo: "DefaultCoC1",
      value: i % 7 === 0 ? i : String(i),
      storedBy: "import",
      created: "2022-12-01T10:00:00.000",
      lastUpdated: "2022-12-02T10:00:00.000",
      comment: i % 100 === 0 ? `Valeur n° ${i}, vérifiée` : undefined,
      followup: i % 250 === 0,
    };
    if (!out.write(`${i === 0 ? "" : ",\n"}${JSON.stringify(value)}`)) await once(out, "drain");
  }
  out.end("\n]}\n");
  await once(out, "finish");
}

/** Reads a file, keeping no batch, and measures the heap still in use after each batch. */
async function measure(n: number, collect = true) {
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let count = 0;
  let last: DataValueRecord | undefined;
  const started = performance.now();
  for await (const batch of readDataValues(createReadStream(file(n)))) {
    count += batch.length;
    last = batch.at(-1);
    if (!collect) continue;
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const ms = performance.now() - started;
  gc();
  const after = process.memoryUsage().heapUsed;
  return {
    count,
    last,
    peakMb: (peak - before) / 2 ** 20,
    afterMb: (after - before) / 2 ** 20,
    ms,
  };
}

beforeAll(async () => {
  await writeExport(10_000);
  await writeExport(50_000);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a 50 000-value export", () => {
  it("reads every value in flat memory", async () => {
    const small = await measure(10_000);
    const large = await measure(50_000);
    // Timed apart: the collections made to measure the heap are not the reader's time.
    const timed = await measure(50_000, false);
    const rate = Math.round(timed.count / (timed.ms / 1000));
    console.log(
      `dhis2 JSON read: 50 000 values in ${Math.round(timed.ms)} ms (${rate} values/s); heap ` +
        `held while reading +${large.peakMb.toFixed(1)} MB (10 000 values: +${small.peakMb.toFixed(1)} MB), ` +
        `after +${large.afterMb.toFixed(1)} MB`,
    );
    expect(large.count).toBe(50_000);
    expect(large.last).toMatchObject({ line: 50_000, value: "49999", dataSet: "RmaMensuel1" });
    // Five times the values, the same memory: what is held is one batch, never the file.
    expect(large.peakMb).toBeLessThan(small.peakMb + 4);
    expect(large.peakMb).toBeLessThan(24);
    // Nothing of the file stays once read (its records alone would take some 20 MB).
    expect(large.afterMb).toBeLessThan(8);
  });

  it("reads the same records in a worker thread, which stops when its reader does", async () => {
    const ports = () => process.getActiveResourcesInfo().filter((r) => r === "MessagePort").length;
    const idle = ports();
    let count = 0;
    let first: DataValueRecord | undefined;
    for await (const batch of readDataValuesInWorker(file(50_000), { batchSize: 5000 })) {
      first ??= batch[0];
      count += batch.length;
    }
    expect(count).toBe(50_000);
    expect(first).toMatchObject({ line: 1, dataElement: "DataElem000", value: "0" });

    for await (const batch of readDataValuesInWorker(file(50_000), { batchSize: 100 })) {
      expect(batch).toHaveLength(100);
      expect(ports()).toBeGreaterThan(idle);
      break;
    }
    expect(ports()).toBe(idle);

    // Given up while a batch is awaited: the wait ends with the reason, the worker with it.
    const controller = new AbortController();
    const waiting = readDataValuesInWorker(file(50_000), { signal: controller.signal }).next();
    controller.abort(new Error("import cancelled"));
    await expect(waiting).rejects.toThrow("import cancelled");

    const slow = readDataValuesInWorker(file(50_000), { maxMs: 1 });
    await expect(slow.next()).rejects.toMatchObject({ code: "too_slow" });
    const large = readDataValuesInWorker(file(50_000), { maxBytes: 100_000 });
    await expect(large.next()).rejects.toMatchObject({ code: "too_large" });
    expect(ports()).toBe(idle);
  });
});
