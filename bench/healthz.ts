// Does a busy server still answer its health check? For each backend — PGlite always (fresh
// temp data directory); PostgreSQL from BENCH_DATABASE_URL (or DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/postgres when it answers), in a throwaway database — and
// for a bare Hono reference serving the same page as a fixed string, a loopback load of 1, 8
// and 32 concurrent keep-alive connections asks for one public page (BENCH_HEALTHZ_PAGE,
// default the synthesis page) for BENCH_HEALTHZ_SECONDS (default 10) per level — with wrk when
// it is installed, else with Node's http (BENCH_HEALTHZ_CLIENT=node forces it) — while a probe
// asks /healthz every 50 ms on its own connection. Prints p50/p99 of both, and the ratio of
// each to the reference's. Budget: /healthz p99 ≤ 50 ms at every level.
// Run: `node bench/healthz.ts` (Node 24). Exits 1 if the budget fails.
import { execFile, execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import {
  type Backend,
  createScratchDatabase,
  explainFailure,
  intFromEnv,
  makeTempDir,
  ms,
  onInterrupt,
  percentile,
  postgresAdminUrl,
  printTable,
  removeDir,
  runInfo,
  type ScratchDatabase,
  sleep,
  startReference,
  startServer,
  stopServer,
  verdict,
  writeResults,
} from "./lib/harness.ts";

const PAGE = process.env.BENCH_HEALTHZ_PAGE || "/cycles/2022/synthesis";
const SECONDS = intFromEnv("BENCH_HEALTHZ_SECONDS", 10, 1, 300);
const LEVELS = [1, 8, 32] as const;
const PROBE_EVERY_MS = 50;
const P99_BUDGET_MS = 50;
/** wrk when installed (a load generator in C costs the shared CPU far less), else Node's http. */
const WRK = process.env.BENCH_HEALTHZ_CLIENT === "node" ? null : findWrk();

function findWrk(): string | null {
  try {
    return execFileSync("which", ["wrk"]).toString().trim() || null;
  } catch {
    return null;
  }
}

type Label = "pglite" | "postgres" | "bare Hono";

interface Level {
  connections: number;
  pageRequests: number;
  pagesPerSecond: number;
  pageP50Ms: number;
  pageP99Ms: number;
  probes: number;
  healthP50Ms: number;
  healthP99Ms: number;
  healthMaxMs: number;
  errors: number;
}

interface Run {
  server: Label;
  levels: Level[];
}

/** One GET on `agent`, body drained, timed from the call to the last byte. */
function timedGet(url: string, agent: http.Agent): Promise<{ ms: number; status: number }> {
  return new Promise((done, reject) => {
    const t0 = performance.now();
    const req = http.get(
      url,
      { agent, headers: { "Accept-Encoding": "gzip", Accept: "text/html" }, timeout: 30_000 },
      (res) => {
        res.resume();
        res.once("error", reject);
        res.once("end", () => done({ ms: performance.now() - t0, status: res.statusCode ?? 0 }));
      },
    );
    req.once("timeout", () => req.destroy(new Error(`timeout: ${url}`)));
    req.once("error", reject);
  });
}

interface PageLoad {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** `connections` Node loops asking for the page back to back until `end`. */
async function nodeLoad(url: string, connections: number, end: number): Promise<PageLoad> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const times: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  const loop = async () => {
    while (performance.now() < end) {
      try {
        const r = await timedGet(url, agent);
        if (r.status === 200) times.push(r.ms);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  agent.destroy();
  return {
    requests: times.length,
    perSecond: times.length / ((performance.now() - t0) / 1000),
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    errors,
  };
}

/** A duration as wrk prints it (`812.00us`, `12.3ms`, `1.2s`, `1.1m`), in milliseconds. */
function wrkMs(text: string | undefined): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? "");
  if (!m) return Number.NaN;
  const scale = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[m[2] as "us" | "ms" | "s" | "m"];
  return Number(m[1]) * scale;
}

/** wrk with one thread and `connections` keep-alive connections for SECONDS. */
function wrkLoad(wrk: string, url: string, connections: number): Promise<PageLoad> {
  const args = ["-t1", `-c${connections}`, `-d${SECONDS}s`, "--timeout", "60s", "--latency"];
  args.push("-H", "Accept-Encoding: gzip", "-H", "Accept: text/html", url);
  return new Promise((done, fail) => {
    execFile(wrk, args, (error, stdout) => {
      if (error) return fail(error);
      const latency = (p: string) =>
        wrkMs(new RegExp(`^\\s+${p}%\\s+(\\S+)`, "m").exec(stdout)?.[1]);
      const requests = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? Number.NaN);
      const bad = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
      const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/
        .exec(stdout)
        ?.slice(1)
        .reduce((sum, n) => sum + Number(n), 0);
      done({
        requests,
        perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN),
        p50Ms: latency("50"),
        p99Ms: latency("99"),
        errors: bad + (socket ?? 0),
      });
    });
  });
}

/** The page under load from `connections` connections, and the probe, for SECONDS. */
async function loadLevel(base: string, page: string, connections: number): Promise<Level> {
  const probeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const probeTimes: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  // The probe starts every 50 ms; one that is still waiting delays the next (it is counted as
  // one slow probe, not as several missed ones).
  const probe = async () => {
    let next = performance.now();
    while (performance.now() < end) {
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
      next += PROBE_EVERY_MS;
      try {
        const r = await timedGet(`${base}/healthz`, probeAgent);
        if (r.status === 200) probeTimes.push(r.ms);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  const url = `${base}${page}`;
  const [load] = await Promise.all([
    WRK ? wrkLoad(WRK, url, connections) : nodeLoad(url, connections, end),
    probe(),
  ]);
  probeAgent.destroy();
  return {
    connections,
    pageRequests: load.requests,
    pagesPerSecond: load.perSecond,
    pageP50Ms: load.p50Ms,
    pageP99Ms: load.p99Ms,
    probes: probeTimes.length,
    healthP50Ms: percentile(probeTimes, 50),
    healthP99Ms: percentile(probeTimes, 99),
    healthMaxMs: Math.max(...probeTimes),
    errors: errors + load.errors,
  };
}

async function runLevels(base: string, page: string, label: Label): Promise<Run> {
  const warm = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < 30; i++) await timedGet(`${base}${page}`, warm);
  warm.destroy();
  const levels: Level[] = [];
  for (const connections of LEVELS) {
    console.log(`[${label}] ${connections} connection(s) for ${SECONDS} s…`);
    levels.push(await loadLevel(base, page, connections));
  }
  return { server: label, levels };
}

async function benchJalon(backend: Backend, label: Label): Promise<{ run: Run; html: string }> {
  console.log(`\n[${label}] starting the server (first start: migrations + demo)…`);
  const server = await startServer(backend, { timeoutMs: 180_000 });
  try {
    const res = await fetch(`${server.baseUrl}${PAGE}`);
    if (res.status !== 200) throw new Error(`${PAGE} answered ${res.status}`);
    const html = await res.text();
    return { run: await runLevels(server.baseUrl, PAGE, label), html };
  } catch (error) {
    throw explainFailure(server, error, `the ${label} run`);
  } finally {
    await stopServer(server);
  }
}

/** The reference: bench/lib/bare-hono.ts serving the page's HTML at `/`, and `/healthz`. */
async function benchBare(htmlFile: string): Promise<Run> {
  const reference = await startReference(htmlFile);
  try {
    console.log("\n[bare Hono] reference");
    return await runLevels(reference.url, "/", "bare Hono");
  } finally {
    reference.stop();
  }
}

const tempDirs: string[] = [];
let scratch: ScratchDatabase | undefined;
const cleanup = async () => {
  await Promise.all(tempDirs.map(removeDir));
  await scratch?.drop();
};
const release = onInterrupt(cleanup);

function print(runs: readonly Run[]) {
  const bare = runs.find((r) => r.server === "bare Hono");
  const rows = runs.flatMap((run) =>
    run.levels.map((l) => {
      const ref = bare?.levels.find((b) => b.connections === l.connections);
      return [
        run.server,
        String(l.connections),
        l.pagesPerSecond.toFixed(0),
        ms(l.pageP50Ms),
        ms(l.pageP99Ms),
        ref ? (l.pageP50Ms / ref.pageP50Ms).toFixed(1) : "—",
        String(l.probes),
        ms(l.healthP50Ms),
        ms(l.healthP99Ms),
        ms(l.healthMaxMs),
        ref ? (l.healthP99Ms / ref.healthP99Ms).toFixed(1) : "—",
        String(l.errors),
        run.server === "bare Hono" ? "—" : verdict(l.healthP99Ms <= P99_BUDGET_MS),
      ];
    }),
  );
  printTable(
    `${PAGE} under load for ${SECONDS} s per level, /healthz probed every ${PROBE_EVERY_MS} ms ` +
      `(budget: /healthz p99 ≤ ${P99_BUDGET_MS} ms)`,
    [
      "server",
      "conns",
      "pages/s",
      "page p50",
      "page p99",
      "p50 ÷ ref",
      "probes",
      "healthz p50",
      "healthz p99",
      "healthz max",
      "p99 ÷ ref",
      "errors",
      "budget",
    ],
    rows,
  );
}

async function main(): Promise<number> {
  const pgAdminUrl = await postgresAdminUrl();
  console.log(
    `Jalon health-under-load benchmark — ${PAGE}, ${LEVELS.join("/")} connections, ` +
      `backends: pglite${pgAdminUrl ? ", postgres" : " (no PostgreSQL answered)"}; ` +
      `load from ${WRK ? "wrk" : "Node's http (wrk not found)"}`,
  );
  const runs: Run[] = [];
  const dir = await makeTempDir("healthz");
  tempDirs.push(dir);
  const first = await benchJalon({ kind: "pglite", dataDir: join(dir, "data") }, "pglite");
  runs.push(first.run);
  const htmlFile = join(dir, "page.html");
  writeFileSync(htmlFile, first.html);
  if (pgAdminUrl) {
    scratch = await createScratchDatabase(pgAdminUrl);
    console.log(`\n[postgres] scratch database ${scratch.name}`);
    runs.push((await benchJalon({ kind: "postgres", url: scratch.url }, "postgres")).run);
  }
  runs.push(await benchBare(htmlFile));
  print(runs);
  const pass = runs
    .filter((r) => r.server !== "bare Hono")
    .every((r) => r.levels.every((l) => l.healthP99Ms <= P99_BUDGET_MS && l.errors === 0));
  const file = writeResults("healthz", {
    benchmark: "healthz",
    info: runInfo(),
    settings: {
      page: PAGE,
      seconds: SECONDS,
      levels: LEVELS,
      probeEveryMs: PROBE_EVERY_MS,
      client: WRK ? "wrk" : "node",
    },
    budgets: { healthP99Ms: P99_BUDGET_MS },
    runs,
    pass,
  });
  console.log(
    `\n${pass ? "The health budget passes." : "Health budget FAILED."}\nResults: ${file}`,
  );
  return pass ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await cleanup();
  release();
}
