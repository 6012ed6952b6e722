// Cold page loads of every public page on an emulated slow 3G phone: Debian Chromium driven
// by playwright-core (no browser is ever downloaded), 360×740 viewport, cache disabled, and the
// DevTools network emulation: 400 ms latency, 400 kbit/s (50 000 B/s) down and up.
// For each page, BENCH_3G_RUNS (default 3) loads in a fresh browser context, measuring
//   transferred — sum of Network.loadingFinished encodedDataLength (headers + body, all requests)
//   DCL / load  — navigation timing domContentLoadedEventStart / loadEventStart
//   FCP         — performance entry `first-contentful-paint`
// The server is started as in bench/pages.ts, on PGlite in a temp data directory.
// Run: `node bench/3g.ts` (Node 24). BENCH_CHROMIUM overrides /usr/bin/chromium.
// Exits 1 if a budget fails.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import {
  BYTES_BUDGET,
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
  sleep,
  startServer,
  stopServer,
  verdict,
  writeResults,
} from "./lib/harness.ts";

const RUNS = intFromEnv("BENCH_3G_RUNS", 3, 1, 10);
const CHROMIUM = process.env.BENCH_CHROMIUM || "/usr/bin/chromium";
const LOAD_BUDGET_MS = 3_000;
const VIEWPORT = { width: 360, height: 740 };
const NETWORK = {
  offline: false,
  latency: 400,
  downloadThroughput: 50_000,
  uploadThroughput: 50_000,
} as const;
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

interface Load {
  path: string;
  run: number;
  requests: { url: string; status: number | undefined; encodedBytes: number }[];
  failedRequests: string[];
  transferredBytes: number;
  dclMs: number;
  loadMs: number;
  fcpMs: number | undefined;
  /** wall clock around page.goto(…, load), as a cross-check of the navigation timing */
  gotoMs: number;
}

interface PageSummary {
  path: string;
  runs: number;
  requests: number;
  transferredBytes: number;
  dclMs: number;
  fcpMs: number | undefined;
  loadMs: number;
  loadMaxMs: number;
  loadPass: boolean;
  bytesPass: boolean;
  pass: boolean;
}

/** Resolves once no request has been in flight for `quietMs` (or after `capMs`). */
async function networkQuiet(pending: () => number, quietMs: number, capMs: number) {
  const start = performance.now();
  let quietSince = performance.now();
  while (performance.now() - start < capMs) {
    if (pending() > 0) quietSince = performance.now();
    else if (performance.now() - quietSince >= quietMs) return;
    await sleep(25);
  }
}

async function readTimings(page: Page) {
  // FCP is reported shortly after the paint; give it a moment if the load event came first.
  for (let i = 0; i < 40; i++) {
    const timings = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as
        | PerformanceNavigationTiming
        | undefined;
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return {
        dcl: nav ? nav.domContentLoadedEventStart - nav.startTime : Number.NaN,
        load: nav ? nav.loadEventStart - nav.startTime : Number.NaN,
        fcp: fcp?.startTime,
      };
    });
    if (timings.fcp !== undefined || i === 39) return timings;
    await sleep(50);
  }
  throw new Error("unreachable");
}

async function coldLoad(browser: Browser, baseUrl: string, path: string, run: number) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const cdp = await page.context().newCDPSession(page);
    const urls = new Map<string, string>();
    const statuses = new Map<string, number>();
    const finished = new Map<string, number>();
    const failed = new Set<string>();
    cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
    cdp.on("Network.responseReceived", (e) => statuses.set(e.requestId, e.response.status));
    cdp.on("Network.loadingFinished", (e) => finished.set(e.requestId, e.encodedDataLength));
    cdp.on("Network.loadingFailed", (e) => failed.add(e.requestId));
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", NETWORK);

    const t0 = performance.now();
    const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "load", timeout: 60_000 });
    const gotoMs = performance.now() - t0;
    if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
    // Late requests (e.g. a favicon) still count towards what the page costs.
    await networkQuiet(() => urls.size - finished.size - failed.size, 1_000, 8_000);
    const timings = await readTimings(page);
    await cdp.detach();

    const requests = [...urls].map(([id, url]) => ({
      url: url.replace(baseUrl, ""),
      status: statuses.get(id),
      encodedBytes: finished.get(id) ?? 0,
    }));
    const load: Load = {
      path,
      run,
      requests,
      failedRequests: [...failed].map((id) => urls.get(id) ?? id),
      transferredBytes: requests.reduce((sum, r) => sum + r.encodedBytes, 0),
      dclMs: timings.dcl,
      loadMs: timings.load,
      fcpMs: timings.fcp,
      gotoMs,
    };
    return load;
  } finally {
    await context.close();
  }
}

const tempDirs: string[] = [];
let browser: Browser | undefined;
const cleanup = async () => {
  await browser?.close().catch(() => {});
  await Promise.all(tempDirs.map(removeDir));
};
const release = onInterrupt(cleanup);

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM} (set BENCH_CHROMIUM); nothing is downloaded.`);
    return 1;
  }
  console.log(
    `Jalon slow-3G benchmark — ${PUBLIC_PAGES.length} pages × ${RUNS} cold loads, ` +
      `${VIEWPORT.width}×${VIEWPORT.height}, latency ${NETWORK.latency} ms, ` +
      `${(NETWORK.downloadThroughput * 8) / 1000} kbit/s`,
  );
  const dir = await makeTempDir("3g");
  tempDirs.push(dir);
  const server = await startServer(
    { kind: "pglite", dataDir: join(dir, "data") },
    { timeoutMs: 120_000 },
  );
  console.log(`server ready in ${ms(server.readyMs)} ms at ${server.baseUrl}`);
  const loads: Load[] = [];
  let browserVersion = "";
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    browserVersion = browser.version();
    console.log(`Chromium ${browserVersion}`);
    for (const path of PUBLIC_PAGES) {
      for (let run = 1; run <= RUNS; run++) {
        try {
          loads.push(await coldLoad(browser, server.baseUrl, path, run));
        } catch (error) {
          throw explainFailure(server, error, path);
        }
      }
      const last = loads[loads.length - 1];
      process.stdout.write(`  ${path}: load ${ms(last?.loadMs)} ms\n`);
    }
  } finally {
    await browser?.close().catch(() => {});
    browser = undefined;
    await stopServer(server);
  }

  const pages: PageSummary[] = PUBLIC_PAGES.map((path) => {
    const of = loads.filter((l) => l.path === path);
    const fcps = of.flatMap((l) => (l.fcpMs === undefined ? [] : [l.fcpMs]));
    const loadMaxMs = Math.max(...of.map((l) => l.loadMs));
    const transferredBytes = Math.max(...of.map((l) => l.transferredBytes));
    // Budgets hold for every cold load: the worst run decides.
    const loadPass = loadMaxMs <= LOAD_BUDGET_MS;
    const bytesPass = transferredBytes <= BYTES_BUDGET;
    return {
      path,
      runs: of.length,
      requests: Math.max(...of.map((l) => l.requests.length)),
      transferredBytes,
      dclMs: percentile(
        of.map((l) => l.dclMs),
        50,
      ),
      fcpMs: fcps.length > 0 ? percentile(fcps, 50) : undefined,
      loadMs: percentile(
        of.map((l) => l.loadMs),
        50,
      ),
      loadMaxMs,
      loadPass,
      bytesPass,
      pass: loadPass && bytesPass,
    };
  });

  printTable(
    `Slow 3G cold loads (median of ${RUNS}; budgets on the worst run: load ≤ ${LOAD_BUDGET_MS} ms, ` +
      `transferred ≤ ${BYTES_BUDGET} B)`,
    [
      "page",
      "requests",
      "transferred (B)",
      "DCL (ms)",
      "FCP (ms)",
      "load (ms)",
      "load max (ms)",
      "load",
      "bytes",
    ],
    pages.map((p) => [
      p.path,
      String(p.requests),
      String(p.transferredBytes),
      ms(p.dclMs),
      ms(p.fcpMs),
      ms(p.loadMs),
      ms(p.loadMaxMs),
      verdict(p.loadPass),
      verdict(p.bytesPass),
    ]),
  );
  const extra = [...new Set(loads.flatMap((l) => l.requests.slice(1).map((r) => r.url)))];
  const failures = [...new Set(loads.flatMap((l) => l.failedRequests))];
  console.log(`\nRequests besides the document: ${extra.length > 0 ? extra.join(", ") : "none"}`);
  if (failures.length > 0) console.log(`Failed requests: ${failures.join(", ")}`);

  const pass = pages.every((p) => p.pass);
  const file = writeResults("3g", {
    benchmark: "3g",
    info: { ...runInfo(), chromium: browserVersion, chromiumPath: CHROMIUM },
    settings: { runs: RUNS, viewport: VIEWPORT, network: NETWORK, cacheDisabled: true },
    budgets: { loadMs: LOAD_BUDGET_MS, transferredBytes: BYTES_BUDGET },
    pages,
    loads,
    pass,
  });
  console.log(`\n${pass ? "All slow-3G budgets pass." : "Slow-3G budget FAILED."}`);
  console.log(`Results: ${file}`);
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
