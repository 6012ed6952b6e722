// The cost of a request, in process: how many SQL statements each main page and an answer save
// run, and the server CPU each takes (process.cpuUsage over repeated requests), beside the same
// HTML served from memory by a bare Hono handler measured in the same run. PGlite always;
// PostgreSQL too when BENCH_DATABASE_URL (or JALON_TEST_DATABASE_URL) names a server, in a
// throwaway schema.
// The public pages are measured twice: rendered for each request, and kept for anonymous
// readers as the server does (src/http/shared/page-cache.ts), "(kept)".
//   npx node bench/cost.ts [--runs N] [--scale K]   (K: the demo's partners and answers × K)
import { parseArgs } from "node:util";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { createApp } from "../src/http/app.ts";
import { PageCache } from "../src/http/shared/page-cache.ts";
import { upkeepDatabase } from "../src/services/shared/upkeep.ts";
import { signIn } from "../test/support/client.ts";
import { type BackendName, freshDatabase, type TestDatabase } from "../test/support/database.ts";
import { scaleWorld } from "../test/support/scale.ts";
import { statementCounter } from "../test/support/statements.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../test/support/world.ts";
import { threadCpuMs } from "./lib/harness.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "60" }, scale: { type: "string", default: "1" } },
});
const RUNS = Number(values.runs);
const SCALE = Number(values.scale);
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.JALON_TEST_DATABASE_URL;
if (pgUrl) process.env.JALON_TEST_DATABASE_URL = pgUrl;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface Cpu {
  total: number;
  /** By thread, from /proc (null off Linux): main, worker threads, V8's helpers. */
  main: number | null;
  workers: number | null;
  helpers: number | null;
}

async function cpuMs(run: () => Promise<unknown>): Promise<Cpu> {
  const start = process.cpuUsage();
  const threads = threadCpuMs();
  await run();
  const used = process.cpuUsage(start);
  const after = threadCpuMs();
  const diff = (k: "main" | "workers" | "helpers") =>
    threads && after ? after[k] - threads[k] : null;
  return {
    total: (used.user + used.system) / 1000,
    main: diff("main"),
    workers: diff("workers"),
    helpers: diff("helpers"),
  };
}

const perRun = (c: Cpu): [number | null, number | null, number | null] => [
  c.main === null ? null : c.main / RUNS,
  c.workers === null ? null : c.workers / RUNS,
  c.helpers === null ? null : c.helpers / RUNS,
];

async function measure(backend: BackendName) {
  const t: TestDatabase = await freshDatabase(backend);
  await collectionWorld(t);
  if (SCALE > 1) await scaleWorld(t.db, SCALE);
  // Vacuumed and analysed, as the server's upkeep job (embedded database) or autovacuum
  // (PostgreSQL) leaves a database that has been running.
  await upkeepDatabase(t);
  const counter = statementCounter();
  const db = t.db.withPlugin(counter.plugin);
  const app = createApp({ db, secureCookies: false, baseUrl: "http://jalon.test" });
  const coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
  const respondent = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
  const pages: [string, (path: string) => Response | Promise<Response>, string][] = [
    ["home", (p) => app.request(p), "/"],
    ["commitment", (p) => app.request(p), "/cycles/2022/commitments/1"],
    ["synthesis", (p) => app.request(p), "/cycles/2022/synthesis"],
    ["synthesis block", (p) => app.request(p), "/cycles/2022/synthesis/blocks/service_delivery"],
    ["partners", (p) => app.request(p), "/partners"],
    ["partner search", (p) => app.request(p), "/partners?q=psi"],
    ["partner", (p) => app.request(p), "/partners/psi"],
    ["workspace", (p) => coordinator.get(p), "/manage"],
    ["tracking", (p) => coordinator.get(p), "/manage/cycles/2023/tracking"],
    ["validation", (p) => coordinator.get(p), "/manage/cycles/2022/validation"],
    ["questionnaire", (p) => respondent.get(p), "/q/2023/psi"],
    ["questionnaire API", (p) => respondent.get(p), "/api/q/2023/psi"],
  ];
  const rows: {
    name: string;
    statements: number;
    cpu: number;
    threads: [number | null, number | null, number | null];
    p50: number;
    status: number;
    kb: number;
  }[] = [];
  // The public pages again through an app that keeps them for anonymous readers (main.ts's
  // page cache, dropped when a change is announced): what a second reader costs.
  const feed = await t.watchChanges();
  const kept = createApp({
    db,
    secureCookies: false,
    baseUrl: "http://jalon.test",
    pageCache: new PageCache(feed),
  });
  const keptPages = pages
    .filter(
      ([, , path]) =>
        !path.startsWith("/manage") && !path.startsWith("/q/") && !path.startsWith("/api/"),
    )
    .map(([name, , path]): (typeof pages)[number] => [
      `${name} (kept)`,
      (p) => kept.request(p),
      path,
    ]);
  for (const [name, get, path] of [...pages, ...keptPages]) {
    const first = await get(path);
    await first.arrayBuffer();
    counter.reset();
    const body = await (await get(path)).arrayBuffer();
    const statements = counter.count();
    const walls: number[] = [];
    const total = await cpuMs(async () => {
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await (await get(path)).arrayBuffer();
        walls.push(performance.now() - start);
      }
    });
    rows.push({
      name,
      statements,
      cpu: total.total / RUNS,
      threads: perRun(total),
      p50: median(walls),
      status: first.status,
      kb: body.byteLength / 1024,
    });
  }
  // An answer save through the API, each with the version it replaces.
  const q = await (await respondent.get("/api/q/2023/psi")).json();
  const code: string = q.commitments[0].indicators[0].code;
  let version: number = q.commitments[0].indicators[0].answer?.version ?? 0;
  const save = async (i: number) => {
    const res = await respondent.send(
      "PUT",
      `/api/q/2023/psi/${code}`,
      {
        answer: {
          contributes: "yes",
          activities: `Formation ${i}`,
          collaboratorIds: [],
          collaboratorsText: null,
          difficulties: null,
          outputs: [{ value: "12,5", unit: "sessions", description: "Sessions" }],
          evidence: [],
        },
        submit: false,
      },
      { "if-match": `"${version}"`, "x-client-id": `bench-save-${i}-${Date.now()}` },
    );
    const etag = res.headers.get("etag");
    const body = await res.json();
    version = etag ? Number(etag.replaceAll('"', "")) : (body.answer?.version ?? version + 1);
    if (res.status !== 200) throw new Error(`answer save: ${res.status} ${JSON.stringify(body)}`);
    return res.status;
  };
  const firstStatus = await save(0);
  counter.reset();
  await save(1);
  const saveStatements = counter.count();
  const saveWalls: number[] = [];
  const saveCpu = await cpuMs(async () => {
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await save(i + 2);
      saveWalls.push(performance.now() - start);
    }
  });
  rows.push({
    name: "answer save",
    statements: saveStatements,
    cpu: saveCpu.total / RUNS,
    threads: perRun(saveCpu),
    p50: median(saveWalls),
    status: firstStatus,
    kb: 0,
  });
  await feed.close();
  await t.dispose();
  return rows;
}

async function reference(html: string): Promise<number> {
  const bare = new Hono();
  bare.use(compress());
  bare.get("/", (c) => c.html(html));
  for (let i = 0; i < 20; i++) await (await bare.request("/")).arrayBuffer();
  const total = await cpuMs(async () => {
    for (let i = 0; i < RUNS; i++) await (await bare.request("/")).arrayBuffer();
  });
  return total.total / RUNS;
}

const backendsToRun: BackendName[] = pgUrl ? ["pglite", "postgres"] : ["pglite"];
for (const backend of backendsToRun) {
  const rows = await measure(backend);
  const t = await freshDatabase("pglite");
  const { app } = await collectionWorld(t);
  const home = await (await app.request("/")).text();
  await t.dispose();
  const ref = await reference(home);
  console.log(
    `\n${backend} (scale ×${SCALE}, ${RUNS} runs; in-process CPU of the Node process only)`,
  );
  console.log(
    `reference: the home page's HTML from memory, bare Hono + gzip: ${ref.toFixed(2)} ms CPU`,
  );
  console.log(
    "page                 status  statements  CPU ms/req  × reference  p50 wall ms  HTML KB   main / workers / V8 helpers ms",
  );
  const ms = (v: number | null) => (v === null ? "?" : v.toFixed(1));
  for (const r of rows)
    console.log(
      `${r.name.padEnd(20)} ${String(r.status).padEnd(7)} ${String(r.statements).padStart(10)}  ${r.cpu.toFixed(2).padStart(10)}  ${(r.cpu / ref).toFixed(1).padStart(11)}  ${r.p50.toFixed(1).padStart(11)}  ${r.kb.toFixed(0).padStart(7)}   ${r.threads.map(ms).join(" / ")}`,
    );
}
