// Server response time and page weight of every public page, per backend:
//   PGlite always (fresh temp data directory); PostgreSQL when BENCH_DATABASE_URL (or
//   DATABASE_URL) is set — a throwaway database `jalon_bench_<random>` is created next to the
//   one named in the URL and dropped afterwards; the named database itself is not touched.
// The server runs as a child process on 127.0.0.1. After a warm-up, each page gets
// BENCH_PAGES_N (default 200) sequential keep-alive requests with `Accept-Encoding: gzip`;
// the time is client-side, request sent → last body byte received, on loopback.
// Run: `node bench/pages.ts` (Node 24). Exits 1 if a budget fails.
import { writeFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import {
  type Backend,
  BYTES_BUDGET,
  createScratchDatabase,
  DASHBOARD_PAGE,
  explainFailure,
  intFromEnv,
  makeTempDir,
  ms,
  onInterrupt,
  PUBLIC_PAGES,
  percentile,
  printTable,
  removeDir,
  runInfo,
  type ScratchDatabase,
  startReference,
  startServer,
  stopServer,
  verdict,
  writeResults,
} from "./lib/harness.ts";

const N = intFromEnv("BENCH_PAGES_N", 200, 1, 2_000);
const WARMUP = intFromEnv("BENCH_PAGES_WARMUP", 20, 0, 200);
const P95_BUDGET_MS = 100;

interface Sample {
  ms: number;
  status: number;
  encoding: string | undefined;
  headerBytes: number;
  bodyBytes: number;
  htmlBytes: number;
}

interface PageResult {
  path: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  meanMs: number;
  /** gzip body, as sent */
  gzipBytes: number;
  /** response status line and headers */
  headerBytes: number;
  /** headers + gzip body: what the budget counts */
  transferredBytes: number;
  /** the HTML once decompressed */
  htmlBytes: number;
  timePass: boolean;
  bytesPass: boolean;
  pass: boolean;
}

interface BackendResult {
  backend: "pglite" | "postgres";
  startupMs: number;
  pages: PageResult[];
  pass: boolean;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET, timed from the call to the last body byte. The body is decompressed afterwards. */
function get(url: string): Promise<Sample> {
  return new Promise((done, reject) => {
    const t0 = performance.now();
    const req = http.get(
      url,
      { agent, headers: { "Accept-Encoding": "gzip", Accept: "text/html" }, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.once("error", reject);
        res.once("end", () => {
          const elapsed = performance.now() - t0;
          const body = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const html = encoding === "gzip" ? gunzipSync(body) : body;
          // Status line + "name: value\r\n" per header + blank line, as they came on the wire.
          let headerBytes = `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}\r\n`
            .length;
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            headerBytes += Buffer.byteLength(
              `${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`,
              "latin1",
            );
          }
          headerBytes += 2;
          done({
            ms: elapsed,
            status: res.statusCode ?? 0,
            encoding,
            headerBytes,
            bodyBytes: body.length,
            htmlBytes: html.length,
          });
        });
      },
    );
    req.once("timeout", () => req.destroy(new Error(`timeout: ${url}`)));
    req.once("error", reject);
  });
}

async function benchBackend(
  backend: Backend,
  label: BackendResult["backend"],
): Promise<{ result: BackendResult; home: string }> {
  console.log(`\n[${label}] starting the server (first start: migrations + demo)…`);
  const server = await startServer(backend, { timeoutMs: 120_000 });
  console.log(`[${label}] ready in ${ms(server.readyMs)} ms at ${server.baseUrl}`);
  try {
    for (let round = 0; round < WARMUP; round++) {
      for (const path of PUBLIC_PAGES) {
        const s = await get(`${server.baseUrl}${path}`);
        if (s.status !== 200) throw new Error(`${path} answered ${s.status} during warm-up`);
      }
    }
    const pages: PageResult[] = [];
    for (const path of PUBLIC_PAGES) {
      const samples: Sample[] = [];
      for (let i = 0; i < N; i++) samples.push(await get(`${server.baseUrl}${path}`));
      const bad = samples.find((s) => s.status !== 200 || s.encoding !== "gzip");
      if (bad) {
        throw new Error(`${path}: status ${bad.status}, content-encoding ${bad.encoding}`);
      }
      const times = samples.map((s) => s.ms);
      // Sizes are the largest seen (they should not vary between requests).
      const gzipBytes = Math.max(...samples.map((s) => s.bodyBytes));
      const headerBytes = Math.max(...samples.map((s) => s.headerBytes));
      const htmlBytes = Math.max(...samples.map((s) => s.htmlBytes));
      const p95Ms = percentile(times, 95);
      const transferredBytes = gzipBytes + headerBytes;
      const timePass = p95Ms <= P95_BUDGET_MS;
      const bytesPass = transferredBytes <= BYTES_BUDGET;
      pages.push({
        path,
        requests: samples.length,
        p50Ms: percentile(times, 50),
        p95Ms,
        maxMs: Math.max(...times),
        meanMs: times.reduce((a, b) => a + b, 0) / times.length,
        gzipBytes,
        headerBytes,
        transferredBytes,
        htmlBytes,
        timePass,
        bytesPass,
        pass: timePass && bytesPass,
      });
    }
    const home = await (await fetch(`${server.baseUrl}/`)).text();
    const result: BackendResult = {
      backend: label,
      startupMs: server.readyMs,
      pages,
      pass: pages.every((p) => p.pass),
    };
    return { result, home };
  } catch (error) {
    throw explainFailure(server, error, `the ${label} run`);
  } finally {
    await stopServer(server);
  }
}

function printBackend(result: BackendResult) {
  printTable(
    `${result.backend}: ${N} sequential requests per page after ${WARMUP} warm-up rounds ` +
      `(budgets: p95 ≤ ${P95_BUDGET_MS} ms, transferred ≤ ${BYTES_BUDGET} B)`,
    [
      "page",
      "p50 (ms)",
      "p95 (ms)",
      "max (ms)",
      "gzip body (B)",
      "headers (B)",
      "transferred (B)",
      "HTML (B)",
      "p95",
      "bytes",
    ],
    result.pages.map((p) => [
      p.path,
      ms(p.p50Ms),
      ms(p.p95Ms),
      ms(p.maxMs),
      String(p.gzipBytes),
      String(p.headerBytes),
      String(p.transferredBytes),
      String(p.htmlBytes),
      verdict(p.timePass),
      verdict(p.bytesPass),
    ]),
  );
}

interface Reference {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** The same N requests to a bare Hono handler serving Jalon's home page as a fixed string. */
async function benchReference(homeFile: string): Promise<Reference> {
  const reference = await startReference(homeFile);
  try {
    const url = `${reference.url}/`;
    for (let i = 0; i < WARMUP * PUBLIC_PAGES.length; i++) await get(url);
    const times: number[] = [];
    for (let i = 0; i < N; i++) times.push((await get(url)).ms);
    return {
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      maxMs: Math.max(...times),
    };
  } finally {
    reference.stop();
  }
}

function printReference(reference: Reference, results: readonly BackendResult[]) {
  printTable(
    `reference: a bare Hono handler serving the same home page, ${N} requests, same client`,
    ["server", "page", "p50 (ms)", "p95 (ms)", "p95 ÷ reference p95"],
    [
      ["bare Hono", "/", ms(reference.p50Ms), ms(reference.p95Ms), "1.00"],
      ...results.flatMap((r) =>
        r.pages
          .filter(
            (p) =>
              p.path === "/" || p.path === "/cycles/2022/synthesis" || p.path === DASHBOARD_PAGE,
          )
          .map((p) => [
            `Jalon ${r.backend}`,
            p.path,
            ms(p.p50Ms),
            ms(p.p95Ms),
            (p.p95Ms / reference.p95Ms).toFixed(2),
          ]),
      ),
    ],
  );
}

const tempDirs: string[] = [];
let scratch: ScratchDatabase | undefined;
const cleanup = async () => {
  await Promise.all(tempDirs.map(removeDir));
  await scratch?.drop();
};
const release = onInterrupt(cleanup);

async function main(): Promise<number> {
  const pgAdminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
  console.log(
    `Jalon page benchmark — ${PUBLIC_PAGES.length} pages × ${N} requests, backends: pglite` +
      (pgAdminUrl ? ", postgres" : " (set BENCH_DATABASE_URL to add PostgreSQL)"),
  );
  const results: BackendResult[] = [];

  const dir = await makeTempDir("pages");
  tempDirs.push(dir);
  const first = await benchBackend({ kind: "pglite", dataDir: join(dir, "data") }, "pglite");
  results.push(first.result);
  printBackend(first.result);
  const homeFile = join(dir, "home.html");
  writeFileSync(homeFile, first.home);

  if (pgAdminUrl) {
    scratch = await createScratchDatabase(pgAdminUrl);
    console.log(`\n[postgres] scratch database ${scratch.name}`);
    results.push((await benchBackend({ kind: "postgres", url: scratch.url }, "postgres")).result);
    printBackend(results[results.length - 1] as BackendResult);
  }
  const reference = await benchReference(homeFile);
  printReference(reference, results);

  const pass = results.every((r) => r.pass);
  const file = writeResults("pages", {
    benchmark: "pages",
    info: runInfo(),
    settings: { requestsPerPage: N, warmupRounds: WARMUP, acceptEncoding: "gzip", lang: "fr" },
    budgets: { p95Ms: P95_BUDGET_MS, transferredBytes: BYTES_BUDGET },
    results,
    reference,
    pass,
  });
  const failed = results.flatMap((r) =>
    r.pages.filter((p) => !p.pass).map((p) => `${r.backend} ${p.path}`),
  );
  console.log(
    `\n${pass ? "All page budgets pass." : `Page budget FAILED: ${failed.join(", ")}`}\nResults: ${file}`,
  );
  return pass ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  agent.destroy();
  await cleanup();
  release();
}
