// Benchmark of a hostile upload: a zip-bomb questionnaire (≈ 600 KB that unpacks to 60 MB of
// XML) and, for the worker's own cost, a heavy workbook just under the unpacking cap (18 MB of
// XML). The server runs in this process (embedded database in memory, the demo and a respondent
// account), so perf_hooks' monitorEventLoopDelay sees the server's own event loop; a probe asks
// /healthz every 20 ms meanwhile and keeps its slowest answer.
//   before: the file parsed by exceljs on the main thread, as uploads were read until the
//           import worker (the same call the old readQuestionnaireFile made).
//   after:  the file posted to POST /q/2023/psi/import over HTTP, as a signed-in partner.
// Figures: the longest event-loop stall, the slowest /healthz, and the growth of RSS (peak
// sampled every 20 ms, minus RSS before). Run: `node bench/upload.ts` (Node 24).

import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createAdaptorServer } from "@hono/node-server";
import ExcelJS from "exceljs";
import { openDatabase } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { createApp } from "../src/http/app.ts";
import { renderer } from "../test/support/files.ts";
import { bombEntries, zip, zipBomb } from "../test/support/hostile-xlsx.ts";
import { errorLogger } from "../test/support/logs.ts";
import { collectionWorld } from "../test/support/world.ts";
import { ms, printTable, sleep } from "./lib/harness.ts";

interface Figures {
  stallMs: number;
  healthzMs: number;
  rssMb: number;
  wallMs: number;
  outcome: string;
}

/** Runs `work` while watching the event loop, a /healthz probe and RSS. */
async function measure(base: string, work: () => Promise<string>): Promise<Figures> {
  global.gc?.();
  await sleep(200);
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  let probing = true;
  let slowest = 0;
  const probe = (async () => {
    while (probing) {
      const t = performance.now();
      await (await fetch(`${base}/healthz`)).text();
      slowest = Math.max(slowest, performance.now() - t);
      await sleep(20);
    }
  })();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  await sleep(50);
  const t0 = performance.now();
  const outcome = await work();
  const wallMs = performance.now() - t0;
  await sleep(100);
  loop.disable();
  probing = false;
  await probe;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    stallMs: loop.max / 1e6,
    healthzMs: slowest,
    rssMb: (peak - rss0) / (1024 * 1024),
    wallMs,
    outcome,
  };
}

/** What the server did with an upload before the import worker: exceljs on this thread. */
async function parseOnMainThread(bytes: Uint8Array): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  let rows = 0;
  book.getWorksheet("Questionnaire")?.eachRow(() => {
    rows++;
  });
  return `parsed, ${rows} rows`;
}

async function main(): Promise<void> {
  const database = await openDatabase({ kind: "pglite", dataDir: null });
  await migrateToLatest(database.db);
  await collectionWorld({ ...database, dispose: () => database.close() });
  const app = createApp({
    db: database.db,
    secureCookies: false,
    logger: errorLogger((l) => console.error(l)),
    baseUrl: "http://127.0.0.1",
  });
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Sign in as PSI's respondent over HTTP, keeping the cookies and the form token.
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (k) jar.set(k.trim(), v.join("="));
    }
    return res;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const token = async (path: string) => {
    const page = await keep(
      await fetch(`${base}${path}`, { headers: { cookie: cookie() } }),
    ).text();
    return /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
  };
  const login = new URLSearchParams({
    _csrf: await token("/login"),
    email: "psi@jalon.test",
    password: "correct horse battery",
  });
  keep(
    await fetch(`${base}/login`, {
      method: "POST",
      body: login,
      redirect: "manual",
      headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
    }),
  );
  const upload = async (bytes: Uint8Array) => {
    const form = new FormData();
    form.set("_csrf", await token("/q/2023/psi"));
    form.set("file", new File([bytes as BlobPart], "questionnaire.xlsx"));
    const res = await fetch(`${base}/q/2023/psi/import`, {
      method: "POST",
      body: form,
      headers: { cookie: cookie() },
    });
    const text = await res.text();
    return `HTTP ${res.status} ${/role="alert">([^<]{0,60})/.exec(text)?.[1] ?? ""}`;
  };

  const bomb = zipBomb(60);
  const heavy = zip(bombEntries(18));
  const runs: [string, Figures][] = [];
  runs.push(["bomb, before (main thread)", await measure(base, () => parseOnMainThread(bomb))]);
  runs.push(["bomb, after (upload)", await measure(base, () => upload(bomb))]);
  runs.push([
    "18 MB XML, before (main thread)",
    await measure(base, () => parseOnMainThread(heavy)),
  ]);
  runs.push(["18 MB XML, after (upload, worker)", await measure(base, () => upload(heavy))]);

  console.log(
    `bomb: ${(bomb.byteLength / 1024).toFixed(0)} KB packed, 60 MB unpacked; heavy: ${(heavy.byteLength / 1024).toFixed(0)} KB packed, 18 MB unpacked`,
  );
  printTable(
    "Hostile upload: server event loop and memory",
    ["case", "max loop stall (ms)", "slowest /healthz (ms)", "RSS growth", "wall (ms)", "outcome"],
    runs.map(([name, f]) => [
      name,
      ms(f.stallMs),
      ms(f.healthzMs),
      `${f.rssMb.toFixed(0)} MB`,
      ms(f.wallMs),
      f.outcome,
    ]),
  );
  server.close();
  await renderer.stop();
  await database.close();
}

await main();
