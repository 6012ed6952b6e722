// The server time of a programme's results page on the demo (its districts of Ségou and
// Sikasso, 2022–2024, and the facilities of its 48 midwives), in process: the page as a
// coordinator reads it, beside the same HTML served from memory by a bare Hono handler measured
// in the same run, both through `app.request` so that neither pays a socket. PGlite always;
// PostgreSQL too when BENCH_DATABASE_URL (or JALON_TEST_DATABASE_URL) names a server, in a
// throwaway database. Budget: p95 ≤ 100 ms. Exits 1 when the page is over it.
//   npx node bench/programme-results.ts [--runs 200] [--warmup 20]
import { parseArgs } from "node:util";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { loadDemoWorlds } from "../src/demo/load.ts";
import { createApp } from "../src/http/app.ts";
import { addUser } from "../src/services/tracker/users.ts";
import { signIn } from "../test/support/client.ts";
import { type BackendName, freshDatabase } from "../test/support/database.ts";
import { statementCounter } from "../test/support/statements.ts";
import { percentile, printTable, runInfo, verdict, writeResults } from "./lib/harness.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "200" }, warmup: { type: "string", default: "20" } },
});
const RUNS = Number(values.runs);
const WARMUP = Number(values.warmup);
const P95_BUDGET_MS = 100;
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.JALON_TEST_DATABASE_URL;
if (pgUrl) process.env.JALON_TEST_DATABASE_URL = pgUrl;

const PASSWORD = "correct horse battery";

/** Wall times of RUNS requests, and the process's CPU per request (every thread: the
 * rendering worker and, on PGlite, the database; PostgreSQL's own server is not counted). */
async function timed(get: () => Promise<Response>): Promise<{ walls: number[]; cpu: number }> {
  for (let i = 0; i < WARMUP; i++) await (await get()).arrayBuffer();
  const walls: number[] = [];
  const before = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await (await get()).arrayBuffer();
    walls.push(performance.now() - start);
  }
  const used = process.cpuUsage(before);
  return { walls, cpu: (used.user + used.system) / 1000 / RUNS };
}

async function measure(backend: BackendName) {
  const t = await freshDatabase(backend);
  try {
    const loaded = await loadDemoWorlds(t, { reset: false });
    await addUser(t.db, "bench", {
      email: "coordination@bench.test",
      name: "coordinator",
      role: "coordinator",
      password: PASSWORD,
    });
    const counter = statementCounter();
    const app = createApp({
      db: t.db.withPlugin(counter.plugin),
      secureCookies: false,
      baseUrl: "http://jalon.test",
    });
    const programme = await t.db
      .selectFrom("programmes")
      .select("id")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    // The page as it opens, and with a facility's before/after (Konobougou: a midwife from
    // May 2022, so months on both sides).
    const facility = await t.db
      .selectFrom("org_units")
      .select("id")
      .where("code", "=", "ML_SEG_BAR_KONOBOUGOU")
      .executeTakeFirstOrThrow();
    const base = `/programme/${programme.id}/results`;
    const paths = [base, `${base}?facility=${facility.id}`];
    const reader = await signIn(app, "coordination@bench.test", PASSWORD);
    const gzip = { "accept-encoding": "gzip" };
    const pages = [];
    for (const path of paths) {
      const first = await reader.get(path);
      if (first.status !== 200) throw new Error(`${path} answered ${first.status}`);
      const html = await (await reader.get(path)).text();
      counter.reset();
      await (await reader.get(path)).arrayBuffer();
      const statements = counter.count();
      const gzipBytes = (await (await reader.get(path, gzip)).arrayBuffer()).byteLength;
      const { walls: page, cpu } = await timed(() => reader.get(path, gzip));
      // The reference: the same HTML from memory, measured right after, in the same process.
      const bare = new Hono();
      bare.use(compress());
      bare.get("/", (c) => c.html(html));
      const { walls: reference, cpu: bareCpu } = await timed(async () =>
        bare.request("/", { headers: gzip }),
      );
      pages.push({
        backend,
        path: path.replace(/^\/programme\/[0-9]+/, "/programme/:id"),
        midwives: loaded.programme.midwives,
        statements,
        htmlBytes: Buffer.byteLength(html),
        gzipBytes,
        page: {
          p50: percentile(page, 50),
          p95: percentile(page, 95),
          max: Math.max(...page),
          cpu,
        },
        bare: {
          p50: percentile(reference, 50),
          p95: percentile(reference, 95),
          max: Math.max(...reference),
          cpu: bareCpu,
        },
      });
    }
    return pages;
  } finally {
    await t.dispose();
  }
}

const backends: BackendName[] = pgUrl ? ["pglite", "postgres"] : ["pglite"];
const results = [];
for (const backend of backends) {
  console.log(`[${backend}] loading the demo…`);
  results.push(...(await measure(backend)));
}
const f = (n: number) => n.toFixed(1);
printTable(
  `the results page, ${RUNS} sequential requests after ${WARMUP} warm-up (budget p95 ≤ ${P95_BUDGET_MS} ms)`,
  [
    "backend",
    "page",
    "statements",
    "HTML (B)",
    "gzip (B)",
    "p50 (ms)",
    "p95 (ms)",
    "max (ms)",
    "CPU/req (ms)",
    "bare p50",
    "bare p95",
    "p95 ratio",
    "p95",
  ],
  results.map((r) => [
    r.backend,
    r.path,
    String(r.statements),
    String(r.htmlBytes),
    String(r.gzipBytes),
    f(r.page.p50),
    f(r.page.p95),
    f(r.page.max),
    f(r.page.cpu),
    f(r.bare.p50),
    f(r.bare.p95),
    `${f(r.page.p95 / r.bare.p95)}×`,
    verdict(r.page.p95 <= P95_BUDGET_MS),
  ]),
);
const file = writeResults("programme-results", { run: runInfo(), runs: RUNS, results });
console.log(`\nwritten to ${file}`);
process.exitCode = results.every((r) => r.page.p95 <= P95_BUDGET_MS) ? 0 : 1;
