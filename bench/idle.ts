// Resident memory of an idle server after the demo's pages were served: `jalon serve` on a fresh
// embedded data directory, and on a throwaway PostgreSQL database (`--demo`) when one answers,
// each page of the demo world asked BENCH_IDLE_ROUNDS times (default 3) — at the first start
// (which loads the demo in the serving process), then restarted with and without
// JALON_PAGE_CACHE — then BENCH_IDLE_SECONDS (default 10) of quiet before VmRSS is read from
// /proc (Linux only), beside the bare Hono reference serving the home page's HTML after the
// same number of requests. Budgets: ≤ 400 MB on PGlite, ≤ 200 MB on PostgreSQL.
//   npx node bench/idle.ts
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Backend,
  createScratchDatabase,
  intFromEnv,
  makeTempDir,
  onInterrupt,
  PUBLIC_PAGES,
  peakRssKb,
  postgresAdminUrl,
  printTable,
  removeDir,
  rssKb,
  runInfo,
  sleep,
  startReference,
  startServer,
  stopServer,
  verdict,
  writeResults,
} from "./lib/harness.ts";

const ROUNDS = intFromEnv("BENCH_IDLE_ROUNDS", 3, 1, 100);
const QUIET_S = intFromEnv("BENCH_IDLE_SECONDS", 10, 0, 600);
const BUDGET_MB = { pglite: 400, postgres: 200 } as const;
// Pages a coordinator's day touches beside the public ones are behind a session; the public
// ones are what every reader loads.
const PAGES = [
  ...PUBLIC_PAGES,
  "/partners?q=psi",
  "/cycles/2022/synthesis/blocks/service_delivery",
];

async function serveAll(base: string): Promise<number> {
  let requests = 0;
  for (let round = 0; round < ROUNDS; round++)
    for (const page of PAGES) {
      const res = await fetch(`${base}${page}`, { headers: { "accept-encoding": "gzip" } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${page}: ${res.status}`);
      requests += 1;
    }
  return requests;
}

interface Row {
  target: string;
  requests: number;
  rssMb: number | undefined;
  peakMb: number | undefined;
  budgetMb: number | undefined;
}

const temp: string[] = [];
const drops: (() => Promise<void>)[] = [];
const release = onInterrupt(async () => {
  await Promise.all([...temp.map(removeDir), ...drops.map((d) => d())]);
});

async function measure(backend: Backend, cache: boolean, label: string): Promise<Row> {
  process.env.JALON_PAGE_CACHE = cache ? "true" : "false";
  const server = await startServer(backend, { timeoutMs: 120_000 });
  try {
    if (!homeHtml) homeHtml = await (await fetch(`${server.baseUrl}/`)).text();
    const requests = await serveAll(server.baseUrl);
    await sleep(QUIET_S * 1000);
    const rss = rssKb(server.pid);
    const peak = peakRssKb(server.pid);
    return {
      target: `${backend.kind}, ${label}, page cache ${cache ? "on" : "off"}`,
      requests,
      rssMb: rss === undefined ? undefined : rss / 1024,
      peakMb: peak === undefined ? undefined : peak / 1024,
      budgetMb: BUDGET_MB[backend.kind],
    };
  } finally {
    await stopServer(server);
  }
}

/** The first start (which loads the demo in the serving process), then two restarts. */
async function measureBackend(backend: Backend): Promise<void> {
  rows.push(await measure(backend, true, "first start"));
  rows.push(await measure(backend, true, "restarted"));
  rows.push(await measure(backend, false, "restarted"));
}

const rows: Row[] = [];
let homeHtml = "";
const dataDir = await makeTempDir("jalon-idle-");
temp.push(dataDir);
await measureBackend({ kind: "pglite", dataDir: join(dataDir, "data") });
const admin = await postgresAdminUrl();
if (admin) {
  const scratch = await createScratchDatabase(admin);
  drops.push(scratch.drop);
  try {
    await measureBackend({ kind: "postgres", url: scratch.url });
  } finally {
    await scratch.drop();
  }
}

// The reference: the same number of requests to a bare Hono server of the home page's HTML.
const dir = await makeTempDir("jalon-idle-ref-");
temp.push(dir);
const file = join(dir, "home.html");
writeFileSync(file, homeHtml);
const ref = await startReference(file);
const refPid = ref.pid;
let refRequests = 0;
for (let i = 0; i < ROUNDS * PAGES.length; i++) {
  await (await fetch(`${ref.url}/`, { headers: { "accept-encoding": "gzip" } })).arrayBuffer();
  refRequests += 1;
}
await sleep(QUIET_S * 1000);
const refRss = refPid === undefined ? undefined : rssKb(refPid);
ref.stop();
rows.push({
  target: "bare Hono (reference)",
  requests: refRequests,
  rssMb: refRss === undefined ? undefined : refRss / 1024,
  peakMb: refPid === undefined ? undefined : (peakRssKb(refPid) ?? 0) / 1024,
  budgetMb: undefined,
});

const refMb = rows.at(-1)?.rssMb;
printTable(
  `Idle resident memory after the demo's pages (${ROUNDS} rounds of ${PAGES.length} pages, then ${QUIET_S} s quiet)`,
  ["target", "requests", "RSS MB", "peak MB", "× reference", "budget", ""],
  rows.map((r) => [
    r.target,
    String(r.requests),
    r.rssMb === undefined ? "—" : r.rssMb.toFixed(0),
    r.peakMb === undefined ? "—" : r.peakMb.toFixed(0),
    r.rssMb === undefined || refMb === undefined ? "—" : (r.rssMb / refMb).toFixed(2),
    r.budgetMb === undefined ? "—" : `≤ ${r.budgetMb}`,
    r.budgetMb === undefined || r.rssMb === undefined ? "" : verdict(r.rssMb <= r.budgetMb),
  ]),
);
writeResults("idle", { run: runInfo(), rows });
await Promise.all(temp.map(removeDir));
release();
const failed = rows.some(
  (r) => r.budgetMb !== undefined && r.rssMb !== undefined && r.rssMb > r.budgetMb,
);
process.exit(failed ? 1 : 0);
