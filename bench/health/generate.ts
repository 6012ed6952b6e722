// A synthetic national health dataset in DHIS2's own formats, for the import and roll-up
// benchmarks: a country, its regions, districts and facilities, data elements, and one value per
// element × facility × month, written as DHIS2's metadata JSON, a JSON data value set and its
// CSV. Deterministic (a seeded generator), streamed to disk a chunk at a time.
//   npx node bench/health/generate.ts --out <dir> [--facilities 1500 --districts 75
//     --regions 10 --elements 40 --months 60 --seed 1 --disaggregated 0]
// Defaults: 1 country → 10 regions → 75 districts → 1 500 facilities, 40 elements × 60 months
// from 2020-01: 3.6 M values. `--disaggregated N` puts the first N elements on an age combo of
// two option combos, each getting its own value (so N × facilities × months more values).
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { intFromEnv } from "../lib/harness.ts";

export interface GenerateOptions {
  out: string;
  facilities: number;
  districts: number;
  regions: number;
  elements: number;
  months: number;
  seed: number;
  disaggregated: number;
}

export const DEFAULTS: Omit<GenerateOptions, "out"> = {
  facilities: 1500,
  districts: 75,
  regions: 10,
  elements: 40,
  months: 60,
  seed: 1,
  disaggregated: 0,
};

/** The dataset's size from BENCH_HEALTH_* (defaults: DEFAULTS, or the small set's with `small`). */
export function sizeFromEnv(small: boolean) {
  return {
    facilities: intFromEnv("BENCH_HEALTH_FACILITIES", small ? 150 : DEFAULTS.facilities, 1, 1e6),
    districts: intFromEnv("BENCH_HEALTH_DISTRICTS", small ? 15 : DEFAULTS.districts, 1, 1e5),
    regions: intFromEnv("BENCH_HEALTH_REGIONS", small ? 5 : DEFAULTS.regions, 1, 1e4),
    elements: intFromEnv("BENCH_HEALTH_ELEMENTS", DEFAULTS.elements, 1, 1e4),
    months: intFromEnv("BENCH_HEALTH_MONTHS", small ? 24 : DEFAULTS.months, 1, 960),
  };
}

export interface GeneratedFile {
  name: string;
  bytes: number;
  ms: number;
}

export interface Generated {
  orgUnits: number;
  dataElements: number;
  values: number;
  files: GeneratedFile[];
  ms: number;
}

/** sfc32: small, fast, and the same sequence for the same seed on every machine. */
function random(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ALPHANUMERIC = `0123456789${LETTERS}`;

/** DHIS2's uid shape: 11 characters, a letter first, letters and digits after; never twice. */
function uids(rand: () => number): () => string {
  const seen = new Set<string>();
  return () => {
    for (;;) {
      let id = LETTERS[Math.floor(rand() * LETTERS.length)] ?? "a";
      for (let i = 0; i < 10; i++) id += ALPHANUMERIC[Math.floor(rand() * ALPHANUMERIC.length)];
      if (!seen.has(id)) {
        seen.add(id);
        return id;
      }
    }
  };
}

/** Writes text in chunks of about 1 MB, waiting whenever the stream asks to. */
class ChunkedWriter {
  readonly #stream: WriteStream;
  #buffer: string[] = [];
  #length = 0;
  constructor(path: string) {
    this.#stream = createWriteStream(path);
  }
  /** Buffers the text; true when the buffer is full and the caller should `await flush()`. */
  push(text: string): boolean {
    this.#buffer.push(text);
    this.#length += text.length;
    return this.#length >= 1 << 20;
  }
  async write(text: string): Promise<void> {
    if (this.push(text)) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.#buffer.length === 0) return;
    const chunk = this.#buffer.join("");
    this.#buffer = [];
    this.#length = 0;
    if (!this.#stream.write(chunk)) await once(this.#stream, "drain");
  }
  async close(): Promise<void> {
    await this.flush();
    this.#stream.end();
    await once(this.#stream, "finish");
  }
}

interface Unit {
  id: string;
  code: string;
  name: string;
  level: number;
  path: string;
  parent: string | null;
  /** Facilities only: the scale of its figures. */
  size: number;
}

interface Element {
  id: string;
  code: string;
  name: string;
  aggregation: "SUM" | "AVERAGE";
  combo: "default" | "age";
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The month `index` months after January 2020, as DHIS2's monthly period "YYYYMM". */
export function monthPeriod(index: number): string {
  return `${2020 + Math.floor(index / 12)}${pad((index % 12) + 1, 2)}`;
}

/** Spreads `count` children over `parents` in order, as evenly as whole numbers allow. */
const parentOf = (i: number, count: number, parents: number) => Math.floor((i * parents) / count);

function checkSizes(o: GenerateOptions): void {
  const whole = (n: number) => Number.isInteger(n) && n >= 1;
  if (![o.facilities, o.districts, o.regions, o.elements, o.months].every(whole))
    throw new Error(
      "--facilities, --districts, --regions, --elements, --months: whole numbers ≥ 1",
    );
  if (o.regions > o.districts || o.districts > o.facilities)
    throw new Error("need regions ≤ districts ≤ facilities");
  if (!Number.isInteger(o.disaggregated) || o.disaggregated < 0 || o.disaggregated > o.elements)
    throw new Error("--disaggregated: a whole number from 0 to --elements");
  if (o.months > 12 * 80) throw new Error("--months: at most 960");
}

export async function generate(options: GenerateOptions): Promise<Generated> {
  checkSizes(options);
  const started = performance.now();
  const rand = random(options.seed);
  const uid = uids(rand);
  await mkdir(options.out, { recursive: true });

  // The tree, parents first.
  const country: Unit = {
    id: uid(),
    code: "ML",
    name: "Mali",
    level: 1,
    path: "",
    parent: null,
    size: 0,
  };
  country.path = `/${country.id}`;
  const regions: Unit[] = [];
  for (let r = 0; r < options.regions; r++) {
    const id = uid();
    const code = `RG${pad(r + 1, 2)}`;
    regions.push({
      id,
      code,
      name: `Région ${r + 1}`,
      level: 2,
      path: `${country.path}/${id}`,
      parent: country.id,
      size: 0,
    });
  }
  const districts: Unit[] = [];
  for (let d = 0; d < options.districts; d++) {
    const region = regions[parentOf(d, options.districts, options.regions)] ?? country;
    const id = uid();
    districts.push({
      id,
      code: `DS${pad(d + 1, 3)}`,
      name: `District sanitaire ${d + 1}`,
      level: 3,
      path: `${region.path}/${id}`,
      parent: region.id,
      size: 0,
    });
  }
  const facilities: Unit[] = [];
  for (let f = 0; f < options.facilities; f++) {
    const district = districts[parentOf(f, options.facilities, options.districts)] ?? country;
    const id = uid();
    facilities.push({
      id,
      code: `FS${pad(f + 1, 4)}`,
      name: `CSCom ${f + 1}`,
      level: 4,
      path: `${district.path}/${id}`,
      parent: district.id,
      size: 0.5 + rand() * 1.5,
    });
  }

  const defaultCombo = { combo: uid(), category: uid(), option: uid(), coc: uid() };
  const ageCombo = { combo: uid(), category: uid(), options: [uid(), uid()], cocs: [uid(), uid()] };
  const elements: Element[] = [];
  for (let e = 0; e < options.elements; e++) {
    // One element in eight is a population-like figure, averaged over time.
    const average = e % 8 === 7;
    elements.push({
      id: uid(),
      code: `DE${pad(e + 1, 3)}`,
      name: average ? `Population cible ${e + 1}` : `Nouvelles utilisatrices ${e + 1}`,
      aggregation: average ? "AVERAGE" : "SUM",
      combo: e < options.disaggregated ? "age" : "default",
    });
  }
  const levels = ["Pays", "Région", "District", "Établissement"].map((name, i) => ({
    id: uid(),
    name,
    level: i + 1,
  }));

  const files: GeneratedFile[] = [];
  const timed = async (name: string, write: (w: ChunkedWriter) => Promise<void>) => {
    const t = performance.now();
    const path = join(options.out, name);
    const w = new ChunkedWriter(path);
    await write(w);
    await w.close();
    files.push({ name, bytes: (await stat(path)).size, ms: performance.now() - t });
  };

  const opening = "2000-01-01T00:00:00.000";
  await timed("metadata.json", async (w) => {
    await w.write(
      `{"system":{"version":"2.40.0","date":"2025-01-01T00:00:00.000"},"organisationUnits":[`,
    );
    const units = [country, ...regions, ...districts, ...facilities];
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      if (u === undefined) continue;
      const unit: Record<string, unknown> = {
        id: u.id,
        code: u.code,
        name: u.name,
        shortName: u.name,
        level: u.level,
        path: u.path,
        openingDate: opening,
      };
      if (u.parent !== null) unit.parent = { id: u.parent };
      if (u.level === 4) {
        // Inside Mali's bounding box, five decimals (about a metre).
        const lon = Math.round((-12 + rand() * 16) * 1e5) / 1e5;
        const lat = Math.round((10.2 + rand() * 14.8) * 1e5) / 1e5;
        unit.geometry = { type: "Point", coordinates: [lon, lat] };
      }
      await w.write((i > 0 ? "," : "") + JSON.stringify(unit));
    }
    await w.write(`],"organisationUnitLevels":${JSON.stringify(levels)}`);
    await w.write(
      `,"categoryOptions":${JSON.stringify([
        { id: defaultCombo.option, code: "default", name: "default", shortName: "default" },
        {
          id: ageCombo.options[0],
          code: "AGE_LT20",
          name: "Moins de 20 ans",
          shortName: "< 20 ans",
        },
        {
          id: ageCombo.options[1],
          code: "AGE_GE20",
          name: "20 ans et plus",
          shortName: "20 ans +",
        },
      ])}`,
    );
    await w.write(
      `,"categories":${JSON.stringify([
        {
          id: defaultCombo.category,
          code: "default",
          name: "default",
          dataDimensionType: "DISAGGREGATION",
          categoryOptions: [{ id: defaultCombo.option }],
        },
        {
          id: ageCombo.category,
          code: "AGE",
          name: "Âge",
          dataDimensionType: "DISAGGREGATION",
          categoryOptions: ageCombo.options.map((id) => ({ id })),
        },
      ])}`,
    );
    await w.write(
      `,"categoryCombos":${JSON.stringify([
        {
          id: defaultCombo.combo,
          code: "default",
          name: "default",
          dataDimensionType: "DISAGGREGATION",
          categories: [{ id: defaultCombo.category }],
          categoryOptionCombos: [{ id: defaultCombo.coc }],
        },
        {
          id: ageCombo.combo,
          code: "AGE",
          name: "Âge",
          dataDimensionType: "DISAGGREGATION",
          categories: [{ id: ageCombo.category }],
          categoryOptionCombos: ageCombo.cocs.map((id) => ({ id })),
        },
      ])}`,
    );
    await w.write(
      `,"categoryOptionCombos":${JSON.stringify([
        {
          id: defaultCombo.coc,
          code: "default",
          name: "default",
          categoryCombo: { id: defaultCombo.combo },
          categoryOptions: [{ id: defaultCombo.option }],
        },
        {
          id: ageCombo.cocs[0],
          code: "AGE_LT20",
          name: "Moins de 20 ans",
          categoryCombo: { id: ageCombo.combo },
          categoryOptions: [{ id: ageCombo.options[0] }],
        },
        {
          id: ageCombo.cocs[1],
          code: "AGE_GE20",
          name: "20 ans et plus",
          categoryCombo: { id: ageCombo.combo },
          categoryOptions: [{ id: ageCombo.options[1] }],
        },
      ])}`,
    );
    await w.write(
      `,"dataElements":${JSON.stringify(
        elements.map((e) => ({
          id: e.id,
          code: e.code,
          name: e.name,
          shortName: e.name,
          valueType: "INTEGER_ZERO_OR_POSITIVE",
          aggregationType: e.aggregation,
          domainType: "AGGREGATE",
          zeroIsSignificant: false,
          categoryCombo: { id: e.combo === "age" ? ageCombo.combo : defaultCombo.combo },
        })),
      )}}`,
    );
  });

  // The values, month by month: each is drawn once and written to both files, so they agree.
  const json = new ChunkedWriter(join(options.out, "datavalues.json"));
  const csv = new ChunkedWriter(join(options.out, "datavalues.csv"));
  const valuesStarted = performance.now();
  await json.write(`{"dataValues":[`);
  await csv.write(
    "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup\n",
  );
  let values = 0;
  for (let m = 0; m < options.months; m++) {
    const period = monthPeriod(m);
    const next = monthPeriod(m + 1);
    // Entered on the 5th of the following month.
    const stamp = `${next.slice(0, 4)}-${next.slice(4)}-05T10:00:00.000`;
    for (const f of facilities) {
      for (const e of elements) {
        const cocs = e.combo === "age" ? ageCombo.cocs : [defaultCombo.coc];
        for (let k = 0; k < cocs.length; k++) {
          // Populations grow slowly and move little; counts vary from month to month.
          const value =
            e.aggregation === "AVERAGE"
              ? Math.round(f.size * 2000 * (1 + m * 0.0025) * (0.98 + rand() * 0.04))
              : Math.floor(f.size * (k === 0 ? 8 : 20) * rand() * 2);
          const coc = cocs[k] ?? defaultCombo.coc;
          // One await per megabyte, not per value: the loop runs 3.6 M times.
          const fullJson = json.push(
            `${values > 0 ? "," : ""}{"dataElement":"${e.id}","period":"${period}","orgUnit":"${f.id}","categoryOptionCombo":"${coc}","attributeOptionCombo":"${defaultCombo.coc}","value":"${value}","storedBy":"generator","created":"${stamp}","lastUpdated":"${stamp}","followup":false}`,
          );
          const fullCsv = csv.push(
            `${e.id},${period},${f.id},${coc},${defaultCombo.coc},${value},generator,${stamp},,false\n`,
          );
          if (fullJson) await json.flush();
          if (fullCsv) await csv.flush();
          values++;
        }
      }
    }
  }
  await json.write("]}");
  await json.close();
  await csv.close();
  const valuesMs = performance.now() - valuesStarted;
  for (const name of ["datavalues.json", "datavalues.csv"]) {
    files.push({ name, bytes: (await stat(join(options.out, name))).size, ms: valuesMs });
  }

  return {
    orgUnits: 1 + regions.length + districts.length + facilities.length,
    dataElements: elements.length,
    values,
    files,
    ms: performance.now() - started,
  };
}

function optionsFromArgs(argv: string[]): GenerateOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      out: { type: "string" },
      facilities: { type: "string" },
      districts: { type: "string" },
      regions: { type: "string" },
      elements: { type: "string" },
      months: { type: "string" },
      seed: { type: "string" },
      disaggregated: { type: "string" },
    },
  });
  if (!values.out) throw new Error("--out <dir> is required");
  const int = (name: keyof typeof DEFAULTS) => {
    const text = values[name];
    if (text === undefined) return DEFAULTS[name];
    if (!/^\d+$/.test(text)) throw new Error(`--${name}: a whole number, not "${text}"`);
    return Number(text);
  };
  return {
    out: values.out,
    facilities: int("facilities"),
    districts: int("districts"),
    regions: int("regions"),
    elements: int("elements"),
    months: int("months"),
    seed: int("seed"),
    disaggregated: int("disaggregated"),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let options: GenerateOptions;
  let result: Generated;
  try {
    options = optionsFromArgs(process.argv.slice(2));
    result = await generate(options);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  console.log(
    `${result.orgUnits} org units, ${result.dataElements} data elements, ${result.values} values in ${options.out}`,
  );
  for (const f of result.files) {
    console.log(
      `  ${f.name.padEnd(16)} ${mb(f.bytes).padStart(9)} MB  ${(f.ms / 1000).toFixed(1).padStart(7)} s`,
    );
  }
  const perSecond = Math.round(result.values / (result.ms / 1000));
  console.log(
    `total ${(result.ms / 1000).toFixed(1)} s (${perSecond} values/s, both value files written together)`,
  );
}
