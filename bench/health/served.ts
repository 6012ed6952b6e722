// A served page while a national import runs: `jalon serve` on a PGlite data directory, then
// `jalon import dhis2` in a second process, which hands the import to the running server; GET /
// every 200 ms before the import (the baseline) and while it runs. Page times are wall-clock
// from the request to the end of the body, as a visitor on loopback sees them.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { type Backend, percentile, ROOT, sleep, startServer, stopServer } from "../lib/harness.ts";

export interface ServedFigures {
  before: { p50: number; p95: number; max: number; n: number };
  during: { p50: number; p95: number; max: number; n: number };
  importMs: number;
  importExit: number | null;
}

async function timeGet(url: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return performance.now() - start;
}

/** GET / every `everyMs` until `stop()` resolves true; the times in ms. */
async function poll(url: string, everyMs: number, until: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (!until()) {
    const t = performance.now();
    times.push(await timeGet(url));
    await sleep(Math.max(0, everyMs - (performance.now() - t)));
  }
  return times;
}

function jalon(dataDir: string, args: string[]): Promise<number | null> {
  return new Promise((done) => {
    const env: NodeJS.ProcessEnv = { ...process.env, JALON_DATA_DIR: dataDir, JALON_LANG: "fr" };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [join(ROOT, "bin/jalon.js"), ...args], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr.resume();
    child.once("exit", (code) => done(code));
  });
}

export async function servedDuringImport(dataDir: string, dir: string): Promise<ServedFigures> {
  const backend: Backend = { kind: "pglite", dataDir };
  const server = await startServer(backend, { timeoutMs: 120_000 });
  try {
    const url = `${server.baseUrl}/`;
    const metadata = await jalon(dataDir, ["import", "dhis2", join(dir, "metadata.json")]);
    if (metadata !== 0) throw new Error(`metadata import through the server: exit ${metadata}`);
    let n = 0;
    const before = await poll(url, 200, () => ++n > 50);
    let finished = false;
    const start = performance.now();
    const importing = jalon(dataDir, ["import", "dhis2", join(dir, "datavalues.json")]).then(
      (code) => {
        finished = true;
        return code;
      },
    );
    const during = await poll(url, 200, () => finished);
    const importExit = await importing;
    const stats = (xs: number[]) => ({
      p50: percentile(xs, 50),
      p95: percentile(xs, 95),
      max: Math.max(...xs),
      n: xs.length,
    });
    return {
      before: stats(before),
      during: stats(during),
      importMs: performance.now() - start,
      importExit,
    };
  } finally {
    await stopServer(server);
  }
}
