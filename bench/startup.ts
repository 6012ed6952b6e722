// Startup time of `jalon serve` on embedded PGlite, from spawn until `/` answers 200:
//   first    — empty data directory: creates the database, migrates, loads the demo world;
//   existing — the data directory a first start left behind: opens it and serves.
// Each scenario runs BENCH_STARTUP_RUNS times (default 5). Peak memory is the child's VmHWM,
// read from /proc just before it is stopped. Run: `node bench/startup.ts` (Node 24).
import { join } from "node:path";
import {
  type Backend,
  intFromEnv,
  makeTempDir,
  ms,
  onInterrupt,
  peakRssKb,
  printTable,
  removeDir,
  runInfo,
  startServer,
  stopServer,
  summary,
  verdict,
  writeResults,
} from "./lib/harness.ts";

const RUNS = intFromEnv("BENCH_STARTUP_RUNS", 5, 1, 20);
const BUDGET_MS = { first: 15_000, existing: 3_000 } as const;
type Scenario = keyof typeof BUDGET_MS;

interface Run {
  scenario: Scenario;
  run: number;
  /** spawn → first 200 on `/` */
  readyMs: number;
  /** spawn → "Jalon est prêt" on stdout */
  readyLineMs: number | undefined;
  peakRssKb: number | undefined;
  demoLoaded: boolean;
  exitCode: number | null;
}

const tempDirs: string[] = [];
const cleanup = async () => {
  await Promise.all(tempDirs.map(removeDir));
};
const release = onInterrupt(cleanup);

async function measure(scenario: Scenario, run: number, dataDir: string): Promise<Run> {
  const backend: Backend = { kind: "pglite", dataDir };
  const server = await startServer(backend, { timeoutMs: 60_000, pollMs: 25 });
  const peak = peakRssKb(server.pid);
  const exitCode = await stopServer(server);
  return {
    scenario,
    run,
    readyMs: server.readyMs,
    readyLineMs: server.readyLineMs,
    peakRssKb: peak,
    demoLoaded: /Démonstration chargée|Demo loaded/i.test(server.output()),
    exitCode,
  };
}

async function main(): Promise<number> {
  console.log(`Jalon startup benchmark — PGlite, ${RUNS} runs per scenario, polling / every 25 ms`);
  const runs: Run[] = [];
  const problems: string[] = [];

  // First starts: a fresh temp dir each time; `data` inside it does not exist yet.
  let firstDataDir: string | undefined;
  for (let i = 1; i <= RUNS; i++) {
    const dir = await makeTempDir("startup");
    tempDirs.push(dir);
    const dataDir = join(dir, "data");
    firstDataDir ??= dataDir;
    const result = await measure("first", i, dataDir);
    if (!result.demoLoaded) problems.push(`first start #${i} did not report loading the demo`);
    runs.push(result);
    process.stdout.write(`  first    #${i}: ${ms(result.readyMs)} ms\n`);
  }

  // Starts on the data directory left by the first run above.
  if (!firstDataDir) throw new Error("no first start ran");
  for (let i = 1; i <= RUNS; i++) {
    const result = await measure("existing", i, firstDataDir);
    if (result.demoLoaded) problems.push(`existing start #${i} loaded the demo again`);
    runs.push(result);
    process.stdout.write(`  existing #${i}: ${ms(result.readyMs)} ms\n`);
  }
  for (const r of runs) {
    if (r.exitCode !== 0) problems.push(`${r.scenario} #${r.run} exited with code ${r.exitCode}`);
  }

  printTable(
    "Each run",
    ["scenario", "run", "spawn→/ 200 (ms)", "spawn→ready line (ms)", "peak RSS (MB)"],
    runs.map((r) => [
      r.scenario,
      String(r.run),
      ms(r.readyMs),
      ms(r.readyLineMs),
      r.peakRssKb === undefined ? "—" : (r.peakRssKb / 1024).toFixed(1),
    ]),
  );

  const scenarios = (Object.keys(BUDGET_MS) as Scenario[]).map((scenario) => {
    const of = runs.filter((r) => r.scenario === scenario);
    const ready = summary(of.map((r) => r.readyMs));
    const rss = of.flatMap((r) => (r.peakRssKb === undefined ? [] : [r.peakRssKb]));
    const budgetMs = BUDGET_MS[scenario];
    // The budget holds for every run, so the slowest one decides.
    return {
      scenario,
      runs: of.length,
      readyMs: ready,
      peakRssKb: rss.length > 0 ? summary(rss) : undefined,
      budgetMs,
      pass: ready.max <= budgetMs,
    };
  });

  printTable(
    "Startup until / answers 200 (budget applies to the slowest run)",
    [
      "scenario",
      "runs",
      "min (ms)",
      "median (ms)",
      "max (ms)",
      "budget (ms)",
      "peak RSS max (MB)",
      "verdict",
    ],
    scenarios.map((s) => [
      s.scenario === "first" ? "first start (empty dir)" : "existing data dir",
      String(s.runs),
      ms(s.readyMs.min),
      ms(s.readyMs.median),
      ms(s.readyMs.max),
      String(s.budgetMs),
      s.peakRssKb ? (s.peakRssKb.max / 1024).toFixed(1) : "—",
      verdict(s.pass),
    ]),
  );

  const pass = scenarios.every((s) => s.pass) && problems.length === 0;
  const file = writeResults("startup", {
    benchmark: "startup",
    info: runInfo(),
    settings: { runs: RUNS, pollMs: 25, backend: "pglite" },
    budgets: BUDGET_MS,
    scenarios,
    runs,
    problems,
    pass,
  });
  for (const p of problems) console.log(`problem: ${p}`);
  console.log(`\n${pass ? "All startup budgets pass." : "Startup budget FAILED."}`);
  console.log(`Results: ${file}`);
  return pass ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanup();
  release();
}
