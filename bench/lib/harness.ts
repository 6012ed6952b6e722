// Shared helpers for the benchmark scripts: start `jalon serve` as a child process on a free
// loopback port, wait for it, stop it, read its peak memory, and print/save result tables.
// Nothing here is imported by src/: the benchmarks only ever talk to the server over HTTP.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { createServer } from "node:net";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";

export const ROOT = resolve(import.meta.dirname, "../..");
export const RESULTS_DIR = join(ROOT, "bench/results");
const ENTRY = join(ROOT, "bin/jalon.js");

/** Every public page of the demo world, in the order the tables show them. */
/** The demo programme's public dashboard (its slug comes from its name, published by the demo). */
export const DASHBOARD_PAGE = "/programmes/deploiement-des-sages-femmes-en-milieu-communautaire";

export const PUBLIC_PAGES: readonly string[] = [
  "/",
  "/cycles/2022",
  "/cycles/2022/commitments/1",
  "/cycles/2022/commitments/2",
  "/cycles/2022/commitments/3",
  "/cycles/2022/commitments/4",
  "/cycles/2022/commitments/5",
  "/cycles/2022/commitments/6",
  "/cycles/2022/synthesis",
  "/partners",
  "/partners/onasr",
  "/partners/psi",
  DASHBOARD_PAGE,
];

/** 60 KB, read as 60 000 bytes (the stricter of 60 000 and 61 440). */
export const BYTES_BUDGET = 60_000;

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A positive integer from the environment, clamped to [min, max]. */
export function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number.parseInt(raw, 10);
  if (!Number.isFinite(value)) throw new Error(`${name} must be an integer (got ${raw})`);
  return Math.min(max, Math.max(min, value));
}

/** A port nobody listens on right now (the OS picks it; it is released before we return). */
export function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `jalon-bench-${prefix}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export type Backend = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export interface StartedServer {
  child: ChildProcess;
  pid: number;
  port: number;
  baseUrl: string;
  /** Milliseconds from spawn to the first 200 on `/`. */
  readyMs: number;
  /** Milliseconds from spawn to the "ready" line on stdout (undefined if not seen). */
  readyLineMs: number | undefined;
  output(): string;
  /** How the child ended, once it has (undefined while it runs). */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
}

/** Servers started and not yet exited, so that an interrupted run does not leave them behind. */
const live = new Set<ChildProcess>();

export interface StartOptions {
  /** Give up waiting for `/` after this long (ms). */
  timeoutMs?: number;
  /** Poll interval for `/` (ms). */
  pollMs?: number;
}

/** Environment for the child: the backend chosen, a loopback-only port, French pages. */
function childEnv(backend: Backend, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.JALON_DATA_DIR;
  env.PORT = String(port);
  env.HOST = "127.0.0.1";
  env.JALON_LANG = "fr";
  if (backend.kind === "pglite") env.JALON_DATA_DIR = backend.dataDir;
  else env.DATABASE_URL = backend.url;
  return env;
}

/**
 * Spawns `node bin/jalon.js serve` (the Node running this script, so 24) and polls `/` every
 * `pollMs` until it answers 200. The clock starts just before spawn.
 */
export async function startServer(
  backend: Backend,
  options: StartOptions = {},
): Promise<StartedServer> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pollMs = options.pollMs ?? 25;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let out = "";
  let readyLineMs: number | undefined;
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  const t0 = performance.now();
  // A PostgreSQL database starts empty unless the demo is asked for; the embedded one loads it.
  const args = backend.kind === "postgres" ? [ENTRY, "serve", "--demo"] : [ENTRY, "serve"];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnv(backend, port),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (readyLineMs === undefined && /Jalon (est prêt|is ready)/.test(out)) {
      readyLineMs = performance.now() - t0;
    }
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  live.add(child);
  child.once("exit", (code, signal) => {
    exited = { code, signal };
    live.delete(child);
  });
  if (child.pid === undefined) throw new Error("could not spawn the server");
  const pid = child.pid;

  for (;;) {
    if (exited) {
      throw new Error(
        `server exited early (code ${exited.code}, signal ${exited.signal}):\n${out.trim()}`,
      );
    }
    const elapsed = performance.now() - t0;
    if (elapsed > timeoutMs) {
      await stopServer({ child });
      throw new Error(`server not ready after ${timeoutMs} ms:\n${out.trim()}`);
    }
    if ((await probeStatus(`${baseUrl}/`)) === 200) {
      const readyMs = performance.now() - t0;
      return {
        child,
        pid,
        port,
        baseUrl,
        readyMs,
        readyLineMs,
        output: () => out,
        exit: () => exited,
      };
    }
    await sleep(pollMs);
  }
}

/**
 * If the server has exited, an error saying so (with its output) in place of `error`, which is
 * usually only "connection refused". A signal here means something outside the benchmark
 * stopped it; exit code 0 means it received SIGTERM/SIGINT and shut down cleanly.
 */
export function explainFailure(server: StartedServer, error: unknown, during: string): unknown {
  const exit = server.exit();
  if (!exit) return error;
  return new Error(
    `the server stopped (code ${exit.code}, signal ${exit.signal}) during ${during} — ` +
      `was it killed from outside the benchmark?\n${server.output().trim()}`,
    { cause: error },
  );
}

/** Status of a GET (body drained, connection not reused), or 0 if it could not connect. */
function probeStatus(url: string): Promise<number> {
  return new Promise((done) => {
    const req = http.get(url, { agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      res.once("end", () => done(res.statusCode ?? 0));
      res.once("error", () => done(0));
    });
    req.once("timeout", () => req.destroy());
    req.once("error", () => done(0));
  });
}

/** SIGTERM, then wait for exit (SIGKILL after `graceMs`). Resolves with the exit code. */
export function stopServer(
  server: Pick<StartedServer, "child">,
  graceMs = 10_000,
): Promise<number | null> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      done(code);
    });
    child.kill("SIGTERM");
  });
}

/** A kB field of a live process's /proc status (VmHWM, VmRSS…), or undefined off Linux. */
function statusKb(pid: number, field: string): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(status);
    return match?.[1] ? Number.parseInt(match[1], 10) : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident set size (VmHWM) of a live process, in kB, or undefined off Linux. */
export function peakRssKb(pid: number): number | undefined {
  return statusKb(pid, "VmHWM");
}

/**
 * This process's CPU time so far, in ms, split by thread: the main thread, worker threads (the
 * embedded database's, a renderer's) and V8's helper threads (garbage collection, compilation),
 * from /proc/self/task; null off Linux. Subtract two readings for the time between them.
 */
export function threadCpuMs(): { main: number; workers: number; helpers: number } | null {
  let tasks: string[];
  try {
    tasks = readdirSync("/proc/self/task");
  } catch {
    return null;
  }
  const ticksMs = 1000 / 100; // USER_HZ: 100 on Linux
  const sum = { main: 0, workers: 0, helpers: 0 };
  for (const tid of tasks) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    } catch {
      continue; // a thread that ended meanwhile
    }
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime: fields 14 and 15 of stat, 12 and 13 after the name.
    const ms = (Number(fields[11]) + Number(fields[12])) * ticksMs;
    if (name === "MainThread" || Number(tid) === process.pid) sum.main += ms;
    else if (name === "WorkerThread") sum.workers += ms;
    else sum.helpers += ms;
  }
  return sum;
}

/** Resident set size now (VmRSS) of a live process, in kB, or undefined off Linux. */
export function rssKb(pid: number): number | undefined {
  return statusKb(pid, "VmRSS");
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a throwaway database per run.

export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Creates `jalon_bench_<random>` next to the database of `adminUrl`; `drop()` removes it. */
export async function createScratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  const name = `jalon_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // One drop, however many callers (the end of the run and an interrupt may both ask).
  let dropping: Promise<void> | undefined;
  const dropOnce = async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    try {
      await cleanup.query(`drop database if exists ${name} with (force)`);
    } finally {
      await cleanup.end();
    }
  };
  return {
    url: url.toString(),
    name,
    drop: () => {
      dropping ??= dropOnce();
      return dropping;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics and output.

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}

export function summary(values: readonly number[]) {
  return {
    min: Math.min(...values),
    median: percentile(values, 50),
    max: Math.max(...values),
  };
}

export const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? "—" : value.toFixed(1);
export const kb = (bytes: number | undefined) =>
  bytes === undefined ? "—" : (bytes / 1000).toFixed(1);

/** Prints rows as an aligned text table; numeric-looking cells are right-aligned. */
export function printTable(title: string, headers: readonly string[], rows: readonly string[][]) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = /^[-+]?[\d.,]+( ?(ms|s|kB|KB|MB|%))?$|^—$/;
  const cell = (text: string, i: number) =>
    numeric.test(text) ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0);
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

export const verdict = (ok: boolean) => (ok ? "pass" : "FAIL");

/** Facts about the run, stored with every result file. */
export function runInfo() {
  let commit: string | undefined;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
  } catch {
    commit = undefined;
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpu: cpus()[0]?.model ?? "unknown",
    cpus: cpus().length,
    commit,
  };
}

/** Writes `bench/results/<name>-<timestamp>.json` and `bench/results/<name>-latest.json`. */
export function writeResults(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const text = `${JSON.stringify(data, null, 2)}\n`;
  const file = join(RESULTS_DIR, `${name}-${stamp}.json`);
  writeFileSync(file, text);
  writeFileSync(join(RESULTS_DIR, `${name}-latest.json`), text);
  return file;
}

/**
 * On SIGINT/SIGTERM: stops the servers still running, runs `cleanup` (temp dirs, databases),
 * then exits. Returns a function that removes the handlers.
 */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
  const handler = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the server(s) and cleaning up…`);
    Promise.all([...live].map((child) => stopServer({ child }, 3_000)))
      .then(cleanup)
      .catch(() => {})
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

/**
 * Starts the reference beside a benchmark: bench/lib/bare-hono.ts serving the given HTML file at
 * `/` (and `/healthz`), in its own process; resolves with its address and a way to stop it.
 */
export async function startReference(
  htmlFile: string,
): Promise<{ url: string; pid: number | undefined; stop(): void }> {
  const child = spawn(process.execPath, [join(import.meta.dirname, "bare-hono.ts"), htmlFile], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((done, fail) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const m = /READY (\d+)/.exec(chunk.toString());
      if (m?.[1]) done(m[1]);
    });
    child.once("exit", () => fail(new Error("the reference server stopped")));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => child.kill("SIGTERM") };
}

/**
 * The PostgreSQL server a benchmark may use: BENCH_DATABASE_URL (or DATABASE_URL) when given,
 * else the local default when it answers, else none.
 */
export async function postgresAdminUrl(): Promise<string | undefined> {
  const given = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (given) return given;
  const fallback = "postgres://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: fallback, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return fallback;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}
