// Benchmark of the DHIS2 file readers: one generated export (200 000 values by default,
// BENCH_DHIS2_VALUES) written in the four forms and gzipped, each read through
// `readDataValues` with no batch kept. For each: wall time, values/s, MB/s of the file, and the
// heap held while reading (sampled after a collection at each batch, so it counts what the
// reader keeps, not its garbage). The reference beside it: `JSON.parse` of the whole JSON file,
// what reading without streaming costs (fast, but its heap grows with the file).
// Budget: the heap held stays under 32 MB whatever the size. Run: `node bench/dhis2-read.ts`.
import { once } from "node:events";
import { createReadStream, createWriteStream, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createGzip } from "node:zlib";
import { readDataValues } from "../src/importers/health/dhis2/read.ts";
import {
  intFromEnv,
  makeTempDir,
  printTable,
  removeDir,
  runInfo,
  verdict,
  writeResults,
} from "./lib/harness.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const HEAP_BUDGET_MB = 32;
const n = intFromEnv("BENCH_DHIS2_VALUES", 200_000, 1000, 10_000_000);
const dir = await makeTempDir("jalon-bench-dhis2-");

interface Value {
  de: string;
  pe: string;
  ou: string;
  value: string;
  comment: string | null;
}

function valueAt(i: number): Value {
  return {
    de: `DataElem${String(i % 50).padStart(3, "0")}`,
    pe: `2022${String((i % 12) + 1).padStart(2, "0")}`,
    ou: `Facility${String(Math.floor(i / 600) % 1000).padStart(3, "0")}`,
    value: String(i % 997),
    comment: i % 100 === 0 ? `Valeur n° ${i}, vérifiée` : null,
  };
}

const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const FORMS = {
  json: {
    head: '{"dataSet":"RmaMensuel1","completeDate":"2023-01-10","dataValues":[\n',
    line: (v: Value, i: number) =>
      `${i === 0 ? "" : ",\n"}${JSON.stringify({
        dataElement: v.de,
        period: v.pe,
        orgUnit: v.ou,
        categoryOptionCombo: "DefaultCoC1",
        attributeOptionCombo: "DefaultCoC1",
        value: v.value,
        storedBy: "import",
        lastUpdated: "2022-12-02T10:00:00.000",
        ...(v.comment ? { comment: v.comment } : {}),
        followup: false,
      })}`,
    tail: "\n]}\n",
  },
  xml: {
    head: '<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" dataSet="RmaMensuel1">\n',
    line: (v: Value) =>
      `<dataValue dataElement="${v.de}" period="${v.pe}" orgUnit="${v.ou}" categoryOptionCombo="DefaultCoC1" attributeOptionCombo="DefaultCoC1" value="${v.value}" storedBy="import" lastUpdated="2022-12-02T10:00:00.000"${v.comment ? ` comment="${esc(v.comment)}"` : ""} followUp="false"/>\n`,
    tail: "</dataValueSet>\n",
  },
  csv: {
    head: "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted\n",
    line: (v: Value) =>
      `${v.de},${v.pe},${v.ou},DefaultCoC1,DefaultCoC1,${v.value},import,2022-12-02T10:00:00.000,${v.comment ? `"${v.comment}"` : ""},false,false\n`,
    tail: "",
  },
  adx: {
    head: '<adx xmlns="urn:ihe:qrph:adx:2015" exported="2023-01-10T00:00:00Z">\n',
    // One group per value: the worst case for ADX (a real export groups by org unit and period).
    line: (v: Value) =>
      `<group orgUnit="${v.ou}" period="${v.pe.slice(0, 4)}-${v.pe.slice(4)}-01/P1M" dataSet="RmaMensuel1"><dataValue dataElement="${v.de}" AGE="LT20" value="${v.value}"/></group>\n`,
    tail: "</adx>\n",
  },
};

async function write(form: keyof typeof FORMS): Promise<string> {
  const { head, line, tail } = FORMS[form];
  const path = join(dir, `values.${form}`);
  const out = createWriteStream(path);
  out.write(head);
  for (let i = 0; i < n; i++) if (!out.write(line(valueAt(i), i))) await once(out, "drain");
  out.end(tail);
  await once(out, "finish");
  return path;
}

async function gzip(path: string): Promise<string> {
  const out = createWriteStream(`${path}.gz`);
  createReadStream(path).pipe(createGzip()).pipe(out);
  await once(out, "finish");
  return `${path}.gz`;
}

async function measure(path: string) {
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let count = 0;
  let batches = 0;
  const started = performance.now();
  let paused = 0;
  for await (const batch of readDataValues(createReadStream(path))) {
    count += batch.length;
    // Every fourth batch: the collections are kept out of the reader's time.
    if (batches++ % 4 !== 0) continue;
    const t = performance.now();
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    paused += performance.now() - t;
  }
  const ms = performance.now() - started - paused;
  return { count, ms, heldMb: (peak - before) / 2 ** 20, bytes: statSync(path).size };
}

try {
  const files: [string, string][] = [];
  for (const form of Object.keys(FORMS) as (keyof typeof FORMS)[]) {
    const path = await write(form);
    files.push([form, path]);
    if (form === "json") files.push(["json.gz", await gzip(path)]);
  }
  const rows: string[][] = [];
  const results = [];
  for (const [form, path] of files) {
    const r = await measure(path);
    if (r.count !== n) throw new Error(`${form}: ${r.count} values read, ${n} written`);
    const ok = r.heldMb <= HEAP_BUDGET_MB;
    results.push({ form, ...r, ok });
    rows.push([
      form,
      (r.bytes / 2 ** 20).toFixed(1),
      Math.round(r.ms).toString(),
      Math.round(r.count / (r.ms / 1000)).toString(),
      (r.bytes / 2 ** 20 / (r.ms / 1000)).toFixed(1),
      r.heldMb.toFixed(1),
      verdict(ok),
    ]);
  }
  // The reference: the whole JSON file in memory, parsed at once.
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const text = readFileSync(join(dir, "values.json"), "utf8");
  const parsed = JSON.parse(text) as { dataValues: unknown[] };
  const refMs = performance.now() - started;
  gc();
  const refMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  rows.push([
    "JSON.parse (reference)",
    (text.length / 2 ** 20).toFixed(1),
    Math.round(refMs).toString(),
    Math.round(parsed.dataValues.length / (refMs / 1000)).toString(),
    (text.length / 2 ** 20 / (refMs / 1000)).toFixed(1),
    refMb.toFixed(1),
    "—",
  ]);
  printTable(
    `DHIS2 file reading, ${n} values (heap budget ${HEAP_BUDGET_MB} MB)`,
    ["form", "file MB", "ms", "values/s", "MB/s", "heap held MB", "verdict"],
    rows,
  );
  const file = writeResults("dhis2-read", {
    run: runInfo(),
    values: n,
    results,
    reference: { ms: refMs, heapMb: refMb },
  });
  console.log(`\nresults: ${file}`);
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
} finally {
  await removeDir(dir);
}
