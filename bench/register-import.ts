// Importing the midwife register: BENCH_REGISTER_ROWS register lines (default 5 000: as many
// midwives, one deployment each, a training on every third) from a CSV on disk through
// services/programme/register-import (read, judged, written in one transaction as one batch),
// then the same file again (every line unchanged), on PGlite and PostgreSQL; beside, in the
// same run on the same store, a raw COPY (Database.copyInto) of the very rows the import wrote
// into midwives, deployments and trainings. Median of BENCH_REGISTER_RUNS runs (default 3),
// the tables emptied between runs. PostgreSQL from BENCH_DATABASE_URL (or
// postgres://postgres@127.0.0.1:5432/postgres when it answers), in a throwaway database.
// No budget: it prints the figures and the ratio import ÷ COPY.
// Run: `npx node bench/register-import.ts` (Node 24).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { type Database, openDatabase } from "../src/db/connect.ts";
import { saveOrgUnits } from "../src/db/health/org-units.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { Actor } from "../src/domain/shared/policy.ts";
import { saveProgramme } from "../src/services/programme/programmes.ts";
import { importRegister } from "../src/services/programme/register-import.ts";
import {
  createScratchDatabase,
  intFromEnv,
  makeTempDir,
  onInterrupt,
  percentile,
  postgresAdminUrl,
  printTable,
  removeDir,
  runInfo,
  type ScratchDatabase,
  writeResults,
} from "./lib/harness.ts";

const ROWS = intFromEnv("BENCH_REGISTER_ROWS", 5_000, 100, 50_000);
const RUNS = intFromEnv("BENCH_REGISTER_RUNS", 3, 1, 20);
const FACILITIES = 50;
const TODAY = "2024-12-31";
const ACTOR: Actor = { kind: "user", userId: 0, role: "admin", partnerId: null, name: "bench" };

/** A day of 2022–2023 for line i, `after` days later for its end. */
const day = (i: number, after = 0) => {
  const d = new Date(Date.UTC(2022, 0, 1) + ((i % 500) + after) * 86_400_000);
  return d.toISOString().slice(0, 10);
};
const phone = (i: number) => `+223 7${String(i).padStart(7, "0")}`;

/** The register file: French headers, semicolons, as a French spreadsheet saves it. */
function registerCsv(): string {
  const lines = [
    "nom;qualification;langues;téléphone;courriel;structure;date de début;date de fin;motif de fin;formations",
  ];
  for (let i = 0; i < ROWS; i++) {
    const ended = i % 4 === 0;
    lines.push(
      [
        `Sage-femme ${i}`,
        i % 5 === 0 ? "matrone" : "sage-femme",
        "bambara, français",
        phone(i),
        i % 2 === 0 ? `sf${i}@example.org` : "",
        `FAC${i % FACILITIES}`,
        day(i),
        ended ? day(i, 200) : "",
        ended ? "fin de contrat" : "",
        i % 3 === 0 ? `"SONU;${day(i)};UNFPA"` : "",
      ].join(";"),
    );
  }
  return `${lines.join("\n")}\n`;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

async function prepare(database: Database): Promise<{ programmeId: number; facility: number[] }> {
  await migrateToLatest(database.db);
  const unit = (code: string, parent: string | null) => ({
    uid: null,
    code,
    name: code,
    shortName: null,
    parent: parent === null ? null : { uid: null, code: parent },
    openingDate: null,
    closedDate: null,
    geometry: null,
  });
  await saveOrgUnits(database.db, [
    unit("ML", null),
    ...Array.from({ length: FACILITIES }, (_, i) => unit(`FAC${i}`, "ML")),
  ]);
  const ids = new Map(
    (await database.db.selectFrom("org_units").select(["id", "code"]).execute()).map((r) => [
      r.code,
      r.id,
    ]),
  );
  const programme = await saveProgramme(database.db, ACTOR, {
    name: "Banc d'essai",
    leadPartner: "UNFPA Mali",
    funders: [],
    partners: [],
    startDate: "2022-01-01",
    endDate: null,
    budget: null,
    currency: "xof",
    regions: [],
    commitments: [],
    indicators: [],
  });
  return {
    programmeId: programme.id,
    facility: Array.from({ length: FACILITIES }, (_, i) => ids.get(`FAC${i}`) ?? 0),
  };
}

const empty = (database: Database) =>
  sql`truncate trainings, deployments, midwives restart identity cascade`.execute(database.db);

/** The rows the import writes, loaded by COPY: the same values, ids given. */
async function copyRows(database: Database, programmeId: number, facility: number[]) {
  await database.copyInto(
    "midwives",
    ["id", "name", "qualification", "languages", "phone", "email"],
    Array.from({ length: ROWS }, (_, i) => [
      i + 1,
      `Sage-femme ${i}`,
      i % 5 === 0 ? "matron" : "midwife",
      "{bambara,français}",
      phone(i),
      i % 2 === 0 ? `sf${i}@example.org` : null,
    ]),
  );
  await database.copyInto(
    "deployments",
    ["midwife_id", "programme_id", "facility_id", "start_date", "end_date", "end_reason"],
    Array.from({ length: ROWS }, (_, i) => [
      i + 1,
      programmeId,
      facility[i % FACILITIES],
      day(i),
      i % 4 === 0 ? day(i, 200) : null,
      i % 4 === 0 ? "contract_ended" : null,
    ]),
  );
  await database.copyInto(
    "trainings",
    ["midwife_id", "topic", "date", "provider"],
    Array.from({ length: ROWS }, (_, i) => i)
      .filter((i) => i % 3 === 0)
      .map((i) => [i + 1, "emonc", day(i), "UNFPA"]),
  );
}

async function measure(database: Database, file: string) {
  const { programmeId, facility } = await prepare(database);
  const out = { import: [] as number[], again: [] as number[], copy: [] as number[] };
  const run = () =>
    importRegister(database.db, ACTOR, {
      programmeId,
      file: { path: file },
      dryRun: false,
      fileHash: null,
      today: TODAY,
    });
  for (let r = 0; r < RUNS; r++) {
    await empty(database);
    let summary: Awaited<ReturnType<typeof run>> | undefined;
    out.import.push(
      await timed(async () => {
        summary = await run();
      }),
    );
    if (summary?.imported !== ROWS || summary.rejected.length > 0)
      throw new Error(
        `import: ${JSON.stringify({ ...summary, rejected: summary?.rejected.slice(0, 3) })}`,
      );
    out.again.push(
      await timed(async () => {
        const second = await run();
        if (second.ignored !== ROWS) throw new Error(`again: ${second.ignored} unchanged`);
      }),
    );
    await empty(database);
    out.copy.push(await timed(() => copyRows(database, programmeId, facility)));
  }
  return out;
}

const tempDirs: string[] = [];
let scratch: ScratchDatabase | undefined;
const cleanup = async () => {
  await Promise.all(tempDirs.map(removeDir));
  await scratch?.drop();
};
const release = onInterrupt(cleanup);

async function main() {
  console.log(`Register import benchmark — ${ROWS} rows × ${RUNS} runs`);
  const dir = await makeTempDir("register");
  tempDirs.push(dir);
  const file = join(dir, "registre.csv");
  writeFileSync(file, registerCsv());
  const results: Record<string, { import: number[]; again: number[]; copy: number[] }> = {};

  console.log("[pglite] import, import again, COPY…");
  const embedded = await openDatabase({ kind: "pglite", dataDir: join(dir, "data") });
  try {
    results.pglite = await measure(embedded, file);
  } finally {
    await embedded.close();
  }
  const admin = await postgresAdminUrl();
  if (admin) {
    scratch = await createScratchDatabase(admin);
    console.log(`[postgres] ${scratch.name}: import, import again, COPY…`);
    const database = await openDatabase({ kind: "postgres", url: scratch.url });
    try {
      results.postgres = await measure(database, file);
    } finally {
      await database.close();
    }
  }

  const rate = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString("en");
  const rows = Object.entries(results).map(([store, r]) => {
    const imported = percentile(r.import, 50);
    const again = percentile(r.again, 50);
    const copy = percentile(r.copy, 50);
    return [
      store,
      imported.toFixed(0),
      rate(imported),
      again.toFixed(0),
      copy.toFixed(0),
      rate(copy),
      `${(imported / copy).toFixed(1)}×`,
    ];
  });
  printTable(
    `${ROWS} register rows (${ROWS} midwives and deployments, ${Math.ceil(ROWS / 3)} trainings), median of ${RUNS} runs`,
    ["store", "import ms", "rows/s", "again ms", "COPY ms", "COPY rows/s", "import ÷ COPY"],
    rows,
  );
  const out = writeResults("register-import", {
    benchmark: "register-import",
    info: runInfo(),
    ROWS,
    RUNS,
    results,
  });
  console.log(`\nResults: ${out}`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await cleanup();
  release();
}
