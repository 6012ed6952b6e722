// Backup and restore of the demo, as an operator runs them (`node bin/jalon.js backup|restore`, a
// process each, timed with /usr/bin/time for the wall clock and the peak resident memory), on
// the embedded database and on PostgreSQL, and from one to the other; beside pg_dump of the same
// PostgreSQL database in the same run (custom format), the reference for time and size. No
// budget: it prints the figures. PostgreSQL from BENCH_DATABASE_URL (or the local server when it
// answers), in throwaway databases. Run: `node bench/backup.ts` (Node 24).
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import {
  createScratchDatabase,
  makeTempDir,
  onInterrupt,
  postgresAdminUrl,
  printTable,
  ROOT,
  removeDir,
  runInfo,
  type ScratchDatabase,
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
    { cwd: ROOT, env: { ...process.env, JALON_LANG: "en", ...env }, encoding: "utf8" },
  );
  const wall = (performance.now() - started) / 1000;
  const m = /TIME ([\d.]+) (\d+)/.exec(stderr);
  if (!m) throw new Error(`${file} ${args.join(" ")}: ${stderr}`);
  return { seconds: Number(m[1]) || wall, peakMb: Number(m[2]) / 1024 };
}

const node = process.execPath;
const size = (path: string) => statSync(path).size;

const admin = await postgresAdminUrl();
const dir = await makeTempDir("jalon-bench-backup-");
const scratch: ScratchDatabase[] = [];
const cleanup = async () => {
  for (const s of scratch) await s.drop();
  await removeDir(dir);
};
const stopWatching = onInterrupt(cleanup);

try {
  const embedded = join(dir, "embedded");
  const demo = run(node, ["bin/jalon.js", "demo"], { JALON_DATA_DIR: embedded });
  const fromEmbedded = join(dir, "embedded.jalon.gz");
  const backupEmbedded = run(node, ["bin/jalon.js", "backup", fromEmbedded], {
    JALON_DATA_DIR: embedded,
  });
  const restoreEmbedded = run(node, ["bin/jalon.js", "restore", fromEmbedded], {
    JALON_DATA_DIR: join(dir, "restored"),
  });
  const rows: string[][] = [
    ["demo loaded (embedded)", demo.seconds.toFixed(2), demo.peakMb.toFixed(0), "—", "—"],
    [
      "backup, embedded",
      backupEmbedded.seconds.toFixed(2),
      backupEmbedded.peakMb.toFixed(0),
      (size(fromEmbedded) / 1000).toFixed(0),
      "—",
    ],
    [
      "restore into a new embedded directory",
      restoreEmbedded.seconds.toFixed(2),
      restoreEmbedded.peakMb.toFixed(0),
      "—",
      "—",
    ],
  ];
  const figures: Record<string, unknown> = {
    demo,
    backupEmbedded: { ...backupEmbedded, bytes: size(fromEmbedded) },
    restoreEmbedded,
  };
  if (admin) {
    const target = await createScratchDatabase(admin);
    scratch.push(target);
    const toPostgres = run(node, ["bin/jalon.js", "restore", fromEmbedded], {
      DATABASE_URL: target.url,
    });
    const fromPostgres = join(dir, "postgres.jalon.gz");
    const backupPostgres = run(node, ["bin/jalon.js", "backup", fromPostgres], {
      DATABASE_URL: target.url,
    });
    const dump = join(dir, "postgres.dump");
    const pgDump = run("pg_dump", ["--format=custom", `--file=${dump}`, target.url]);
    const ratio = backupPostgres.seconds / pgDump.seconds;
    rows.push(
      [
        "restore embedded → PostgreSQL",
        toPostgres.seconds.toFixed(2),
        toPostgres.peakMb.toFixed(0),
        "—",
        "—",
      ],
      [
        "backup, PostgreSQL",
        backupPostgres.seconds.toFixed(2),
        backupPostgres.peakMb.toFixed(0),
        (size(fromPostgres) / 1000).toFixed(0),
        `×${ratio.toFixed(1)} pg_dump`,
      ],
      [
        "pg_dump --format=custom (reference)",
        pgDump.seconds.toFixed(2),
        pgDump.peakMb.toFixed(0),
        (size(dump) / 1000).toFixed(0),
        "×1.0",
      ],
    );
    figures.toPostgres = toPostgres;
    figures.backupPostgres = { ...backupPostgres, bytes: size(fromPostgres) };
    figures.pgDump = { ...pgDump, bytes: size(dump) };
  }
  printTable(
    "Backup and restore of the demo (one process each)",
    ["step", "seconds", "peak RSS MB", "file KB", "vs reference"],
    rows,
  );
  writeResults("backup", { ...runInfo(), figures });
} finally {
  stopWatching();
  await cleanup();
}
