// Backup and restore, as an operator runs them (`node bin/jalon.js backup|restore`, a process
// each, timed with /usr/bin/time for the wall clock and the peak resident memory), on the
// embedded database and on PostgreSQL, and from one to the other; beside pg_dump of the same
// PostgreSQL database in the same run (custom format), the reference for time and size.
//   node bench/backup.ts            the demo
//   node bench/backup.ts --health   the demo, then the national health dataset
//                                   (bench/health/generate.ts's metadata, imported; one value
//                                   per facility × element × month, 3.6 M by default), and
//                                   whether peak memory stays the demo's (streaming)
// Sizes for --health: BENCH_BACKUP_FACILITIES (1 500), BENCH_BACKUP_ELEMENTS (40),
// BENCH_BACKUP_MONTHS (60). PostgreSQL from BENCH_DATABASE_URL (or the local server when it
// answers), in throwaway databases. Exit code 1 when the streaming check fails.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { openDatabase } from "../src/db/connect.ts";
import { importDhis2File } from "../src/services/health/dhis2-files.ts";
import { DEFAULTS, generate } from "./health/generate.ts";
import {
  createScratchDatabase,
  intFromEnv,
  makeTempDir,
  onInterrupt,
  postgresAdminUrl,
  printTable,
  ROOT,
  removeDir,
  runInfo,
  type ScratchDatabase,
  verdict,
  writeResults,
} from "./lib/harness.ts";

interface Run {
  seconds: number;
  peakMb: number;
}

/** Runs a command under /usr/bin/time: its wall clock and peak resident memory. */
function run(file: string, args: string[], env: Record<string, string> = {}): Run {
  const started = performance.now();
  const stderr = execFileSync(
    "/bin/sh",
    ["-c", `/usr/bin/time -f "TIME %e %M" "$@" 2>&1 >/dev/null | tail -n 1`, "sh", file, ...args],
    {
      cwd: ROOT,
      env: { ...process.env, JALON_LANG: "en", ...env },
      encoding: "utf8",
      maxBuffer: 64 << 20,
    },
  );
  const wall = (performance.now() - started) / 1000;
  const m = /TIME ([\d.]+) (\d+)/.exec(stderr);
  if (!m) throw new Error(`${file} ${args.join(" ")}: ${stderr}`);
  return { seconds: Number(m[1]) || wall, peakMb: Number(m[2]) / 1024 };
}

const node = process.execPath;
const size = (path: string) => statSync(path).size;
const { values: flags } = parseArgs({ options: { health: { type: "boolean" } } });

/**
 * Loads the national health dataset into a new embedded data directory (the demo's own health
 * world has units of its own, which the generated tree does not join): the
 * generator's metadata (units, elements, combos) through Jalon's DHIS2 import, then one value per
 * generated facility × element × month written by SQL, month by month — the rows a full
 * `jalon import dhis2 datavalues.json` leaves in data_values, without its half hour.
 */
async function addHealthDataset(dataDir: string, work: string) {
  const facilities = intFromEnv("BENCH_BACKUP_FACILITIES", DEFAULTS.facilities, 10, 100_000);
  const elements = intFromEnv("BENCH_BACKUP_ELEMENTS", DEFAULTS.elements, 1, 1_000);
  const months = intFromEnv("BENCH_BACKUP_MONTHS", DEFAULTS.months, 1, 960);
  const districts = Math.min(DEFAULTS.districts, facilities);
  const regions = Math.min(DEFAULTS.regions, districts);
  const out = join(work, "health");
  await generate({ ...DEFAULTS, out, facilities, districts, regions, elements, months: 1 });
  const metadata = JSON.parse(await readFile(join(out, "metadata.json"), "utf8")) as {
    organisationUnits: { id: string; level: number }[];
    dataElements: { id: string }[];
  };
  const deepest = Math.max(...metadata.organisationUnits.map((u) => u.level));
  const facilityUids = metadata.organisationUnits
    .filter((u) => u.level === deepest)
    .map((u) => u.id);
  const elementUids = metadata.dataElements.map((e) => e.id);
  const database = await openDatabase({ kind: "pglite", dataDir });
  const started = performance.now();
  try {
    await importDhis2File(database, {
      path: join(out, "metadata.json"),
      kind: "metadata",
      dryRun: false,
      actor: "bench",
      inWorker: false,
    });
    for (let m = 0; m < months; m++) {
      const period = `${2020 + Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, "0")}`;
      await sql`
        insert into data_values (org_unit_id, data_element_id, period, coc_id, aoc_id, bucket,
                                 value, stored_by, created, last_updated)
        select u.id, e.id, ${period}, c.id, c.id, ${period},
               ((u.id * 7919 + e.id * 104729 + ${m} * 31) % 5000)::float8, 'dhis2',
               now(), now()
        from org_units u
        cross join data_elements e
        cross join (select min(id) as id from category_option_combos where is_default) c
        where u.uid = any(${facilityUids}::text[]) and e.uid = any(${elementUids}::text[])`.execute(
        database.db,
      );
      if (m % 12 === 11) console.error(`  … ${m + 1} of ${months} months loaded`);
    }
    const count = await sql<{ n: string }>`select count(*)::text as n from data_values`.execute(
      database.db,
    );
    await database.flush();
    return {
      values: Number(count.rows[0]?.n ?? 0),
      seconds: (performance.now() - started) / 1000,
      facilities,
      elements,
      months,
    };
  } finally {
    await database.close();
  }
}

/**
 * Backs up an embedded directory, restores the file into a new embedded directory and into a
 * throwaway PostgreSQL database, backs that one up, and runs pg_dump of it.
 */
async function measure(label: string, embedded: string, work: string, admin: string | undefined) {
  const file = join(work, `${label}-embedded.jalon.gz`);
  const figures: Record<string, Run & { bytes?: number }> = {};
  figures.backupEmbedded = {
    ...run(node, ["bin/jalon.js", "backup", file], { JALON_DATA_DIR: embedded }),
    bytes: size(file),
  };
  console.error(`  ${label}: backup of the embedded database done`);
  figures.restoreEmbedded = run(node, ["bin/jalon.js", "restore", file], {
    JALON_DATA_DIR: join(work, `${label}-restored`),
  });
  console.error(`  ${label}: restore into a new embedded directory done`);
  if (admin) {
    const target = await createScratchDatabase(admin);
    scratch.push(target);
    figures.toPostgres = run(node, ["bin/jalon.js", "restore", file], {
      DATABASE_URL: target.url,
    });
    console.error(`  ${label}: restore into PostgreSQL done`);
    const fromPostgres = join(work, `${label}-postgres.jalon.gz`);
    figures.backupPostgres = {
      ...run(node, ["bin/jalon.js", "backup", fromPostgres], { DATABASE_URL: target.url }),
      bytes: size(fromPostgres),
    };
    const dump = join(work, `${label}-postgres.dump`);
    figures.pgDump = {
      ...run("pg_dump", ["--format=custom", `--file=${dump}`, target.url]),
      bytes: size(dump),
    };
    await target.drop();
  }
  await removeDir(join(work, `${label}-restored`));
  return figures;
}

const STEPS: [key: string, label: string][] = [
  ["backupEmbedded", "backup, embedded"],
  ["restoreEmbedded", "restore into a new embedded directory"],
  ["toPostgres", "restore embedded → PostgreSQL"],
  ["backupPostgres", "backup, PostgreSQL"],
  ["pgDump", "pg_dump --format=custom (reference)"],
];

const admin = await postgresAdminUrl();
const dir = await makeTempDir("backup");
const scratch: ScratchDatabase[] = [];
const cleanup = async () => {
  for (const s of scratch) await s.drop();
  await removeDir(dir);
};
const stopWatching = onInterrupt(cleanup);

let failed = false;
try {
  const demoDir = join(dir, "embedded");
  const demo = run(node, ["bin/jalon.js", "demo"], { JALON_DATA_DIR: demoDir });
  const sets: { name: string; figures: Record<string, Run & { bytes?: number }> }[] = [
    { name: "demo", figures: await measure("demo", demoDir, dir, admin) },
  ];
  let health: Awaited<ReturnType<typeof addHealthDataset>> | undefined;
  if (flags.health) {
    const healthDir = join(dir, "embedded-health");
    run(node, ["bin/jalon.js", "migrate"], { JALON_DATA_DIR: healthDir });
    console.error("loading the health dataset…");
    health = await addHealthDataset(healthDir, dir);
    console.error(`  ${health.values} values in ${health.seconds.toFixed(0)} s`);
    sets.push({
      name: `health, ${(health.values / 1e6).toFixed(2)} M values`,
      figures: await measure("health", healthDir, dir, admin),
    });
  }
  const rows: string[][] = [
    ["demo", "demo loaded (embedded)", demo.seconds.toFixed(2), demo.peakMb.toFixed(0), "—", "—"],
  ];
  for (const set of sets) {
    const dump = set.figures.pgDump;
    for (const [key, label] of STEPS) {
      const f = set.figures[key];
      if (!f) continue;
      const vs =
        key === "backupPostgres" && dump
          ? `×${(f.seconds / dump.seconds).toFixed(1)} time, ×${((f.bytes ?? 0) / (dump.bytes ?? 1)).toFixed(2)} size`
          : key === "pgDump"
            ? "×1.0"
            : "—";
      rows.push([
        set.name,
        label,
        f.seconds.toFixed(2),
        f.peakMb.toFixed(0),
        f.bytes === undefined ? "—" : (f.bytes / 1000).toFixed(0),
        vs,
      ]);
    }
  }
  printTable(
    "Backup and restore (one process each)",
    ["dataset", "step", "seconds", "peak RSS MB", "file KB", "vs reference"],
    rows,
  );
  // Streaming: a backup or restore of the large set holds no more than the demo's does, give or
  // take the allocator (the larger of 1.5× and +150 MB).
  const streaming: string[][] = [];
  const large = sets[1];
  const small = sets[0];
  if (large && small) {
    for (const [key, label] of STEPS) {
      if (key === "pgDump") continue;
      const a = small.figures[key];
      const b = large.figures[key];
      if (!a || !b) continue;
      const bound = Math.max(a.peakMb * 1.5, a.peakMb + 150);
      const ok = b.peakMb <= bound;
      failed ||= !ok;
      streaming.push([
        label,
        a.peakMb.toFixed(0),
        b.peakMb.toFixed(0),
        bound.toFixed(0),
        verdict(ok),
      ]);
    }
    printTable(
      "Peak RSS, demo vs the health dataset (streaming: bounded by the demo's)",
      ["step", "demo MB", "health MB", "bound MB", "outcome"],
      streaming,
    );
  }
  writeResults(flags.health ? "backup-health" : "backup", {
    ...runInfo(),
    demo,
    health,
    sets,
  });
} finally {
  stopWatching();
  await cleanup();
}
if (failed) process.exitCode = 1;
