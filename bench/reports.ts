// Benchmark of the annual report: the Mali 2022 demo report in all four formats, in French.
// 1. Build the report model from an embedded database loaded with the demo (timed).
// 2. Render DOCX, PDF, HTML and XLSX from that model in a fresh child process, 3 runs
//    (BENCH_REPORT_RUNS), under /usr/bin/time -v: the renderers' time and peak memory, apart
//    from the embedded database's (PGlite alone holds 600 MB–1 GB, see bench/README.md). The
//    child draws through the rendering worker, as the server and `jalon report` do; its peak is
//    that of the whole process (main thread and worker). For comparison, the same drawn on the
//    main thread, without the worker.
// 3. End to end, for information: `jalon report --cycle 2022 --format docx,pdf,html,xlsx`.
// Budgets: model + four formats ≤ 3 s (slowest run); peak memory of rendering the four formats
// once ≤ 300 MB.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { loadDemo } from "../src/demo/load.ts";
import { REPORT_FORMATS } from "../src/domain/tracker/report-text.ts";
import { renderJob } from "../src/reports/render.ts";
import type { ReportModel } from "../src/reports/tracker/model.ts";
import { buildReport, renderReport } from "../src/services/tracker/reports.ts";
import { renderer } from "../test/support/files.ts";
import {
  intFromEnv,
  makeTempDir,
  ms,
  printTable,
  ROOT,
  removeDir,
  runInfo,
  summary,
  verdict,
  writeResults,
} from "./lib/harness.ts";

const TIME_BUDGET_MS = 3_000;
const MEMORY_BUDGET_MB = 300;
const SELF = join(ROOT, "bench/reports.ts");

/** Child mode: render the model in `file` `runs` times; print the timings as JSON. */
async function renderOnly(file: string, runs: number, inline: boolean): Promise<void> {
  const model = JSON.parse(readFileSync(file, "utf8")) as ReportModel;
  const samples: Record<string, number[]> = { total: [] };
  const sizes: Record<string, number> = {};
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    for (const format of REPORT_FORMATS) {
      const t = performance.now();
      const bytes = inline
        ? await renderJob({ kind: "report", model, format })
        : await renderReport(renderer, model, format);
      const list = samples[format] ?? [];
      list.push(performance.now() - t);
      samples[format] = list;
      sizes[format] = bytes.byteLength;
    }
    samples.total?.push(performance.now() - start);
  }
  await renderer.stop();
  console.log(JSON.stringify({ samples, sizes }));
}

function timed(args: string[], env: NodeJS.ProcessEnv) {
  const withTime = existsSync("/usr/bin/time");
  const start = performance.now();
  const child = withTime
    ? spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { env, encoding: "utf8" })
    : spawnSync(process.execPath, args, { env, encoding: "utf8" });
  const wallMs = performance.now() - start;
  if (child.status !== 0) throw new Error(`${args.join(" ")} failed: ${child.stderr}`);
  const kbytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1];
  return { stdout: child.stdout, wallMs, peakMb: kbytes ? (Number(kbytes) * 1024) / 1e6 : null };
}

async function main(): Promise<number> {
  const runs = intFromEnv("BENCH_REPORT_RUNS", 3, 1, 20);
  const dir = await makeTempDir("jalon-bench-report-");
  try {
    const database = await openDatabase({ kind: "pglite", dataDir: null });
    await migrateToLatest(database.db);
    await loadDemo(database, { reset: false });
    const modelMs: number[] = [];
    let model: ReportModel | undefined;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      model = await buildReport(database.db, "2022", "fr");
      modelMs.push(performance.now() - start);
    }
    await database.close();
    const file = join(dir, "model.json");
    writeFileSync(file, JSON.stringify(model));

    const render = timed([SELF, "--render", file, String(runs)], process.env);
    // Memory of producing the four formats once (repeated runs in one process only add GC
    // headroom), then the same drawn on the main thread, to show what the worker saves.
    const once = timed([SELF, "--render", file, "1"], process.env);
    const inline = timed([SELF, "--render-inline", file, "1"], process.env);
    const { samples, sizes } = JSON.parse(render.stdout) as {
      samples: Record<string, number[]>;
      sizes: Record<string, number>;
    };
    const rows = [
      ["model", ...fmt(modelMs), "—"],
      ...REPORT_FORMATS.map((f) => [
        f,
        ...fmt(samples[f] ?? []),
        `${Math.round((sizes[f] ?? 0) / 1024)} kB`,
      ]),
      ["four formats", ...fmt(samples.total ?? []), "—"],
    ];
    printTable(`${runs} runs`, ["step", "min", "median", "max", "size"], rows);

    const env = { ...process.env, JALON_DATA_DIR: join(dir, "data"), JALON_LANG: "fr" };
    const entry = join(ROOT, "bin/jalon.js");
    spawnSync(process.execPath, [entry, "demo"], { env, stdio: "ignore" });
    const cli = timed(
      [
        entry,
        "report",
        "--cycle",
        "2022",
        "--format",
        REPORT_FORMATS.join(","),
        "--lang",
        "fr",
        "--out",
        join(dir, "out"),
      ],
      env,
    );

    const total = summary(modelMs).max + summary(samples.total ?? []).max;
    const peak = once.peakMb ?? 0;
    printTable(
      "Budgets",
      ["measure", "value", "budget", "verdict"],
      [
        [
          "model + four formats, slowest runs",
          ms(total),
          ms(TIME_BUDGET_MS),
          verdict(total <= TIME_BUDGET_MS),
        ],
        [
          "four formats once, peak memory",
          `${peak.toFixed(0)} MB`,
          `${MEMORY_BUDGET_MB} MB`,
          verdict(peak <= MEMORY_BUDGET_MB),
        ],
        [
          "same, drawn on the main thread",
          inline.peakMb ? `${inline.peakMb.toFixed(0)} MB` : "—",
          "—",
          "info",
        ],
        ["jalon report (PGlite), wall", ms(cli.wallMs), "—", "info"],
        [
          "jalon report (PGlite), peak memory",
          cli.peakMb ? `${cli.peakMb.toFixed(0)} MB` : "—",
          "—",
          "info",
        ],
      ],
    );
    const saved = writeResults("reports", {
      run: runInfo(),
      runs,
      modelMs,
      samples,
      sizes,
      oncePeakMb: peak,
      runsPeakMb: render.peakMb,
      inlinePeakMb: inline.peakMb,
      cli,
    });
    console.log(`\nresults: ${saved}`);
    return total <= TIME_BUDGET_MS && peak <= MEMORY_BUDGET_MB ? 0 : 1;
  } finally {
    await removeDir(dir);
  }
}

function fmt(values: number[]): string[] {
  const s = summary(values);
  return [ms(s.min), ms(s.median), ms(s.max)];
}

const [mode, file, runs] = process.argv.slice(2);
if ((mode === "--render" || mode === "--render-inline") && file)
  await renderOnly(file, Number(runs ?? 1), mode === "--render-inline");
else process.exitCode = await main();
