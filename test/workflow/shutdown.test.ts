// SIGTERM on a real server process, on each store: new connections are refused, the request in
// flight still gets its answer, the process exits 0 within its bound, and what that request
// wrote is there after a restart on the same data directory or database; a job in progress
// (a DHIS2 pull waiting on a slow server) ends its step and is settled before the exit.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseConfig, openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { queuePullNow, saveConnection } from "../../src/services/health/dhis2-connections.ts";
import { backends, throwawayDatabase } from "../support/database.ts";
import { SYSTEM } from "../support/world.ts";

const BIN = resolve(import.meta.dirname, "../../bin/jalon.js");

interface Served {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<{ code: number | null; signal: string | null; at: number }>;
}

function start(store: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--host", "127.0.0.1"], {
    env: {
      PATH: process.env.PATH,
      ...store,
      JALON_LANG: "en",
      TZ: "UTC",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; signal: string | null; at: number }>((done) =>
    child.once("exit", (code, signal) => done({ code, signal, at: Date.now() })),
  );
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start: ${out}`)), 90_000);
    const look = setInterval(() => {
      const url = /ready: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) {
        clearInterval(look);
        clearTimeout(timer);
        done({ child, url, output: () => out, exit });
      }
    }, 50);
    void exit.then(({ code }) => {
      clearInterval(look);
      clearTimeout(timer);
      fail(new Error(`server exited (${code}): ${out}`));
    });
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const undo of cleanups) await undo();
});

/** An empty store of the kind: the server's environment for it, and how to read it after. */
async function emptyStore(
  kind: (typeof backends)[number],
): Promise<{ env: Record<string, string>; config: DatabaseConfig }> {
  if (kind === "postgres") {
    const target = await throwawayDatabase();
    cleanups.push(target.drop);
    return { env: { DATABASE_URL: target.url }, config: { kind: "postgres", url: target.url } };
  }
  const root = await mkdtemp(join(tmpdir(), "jalon-shutdown-"));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const dataDir = join(root, "data");
  return { env: { JALON_DATA_DIR: dataDir }, config: { kind: "pglite", dataDir } };
}

describe.each(backends)("a graceful shutdown on SIGTERM on %s", (backend) => {
  it("answers the request in flight, exits 0 in time and keeps what it wrote", async () => {
    const store = await emptyStore(backend);
    const first = await start(store.env);
    try {
      // The set-up link of a fresh data directory, printed right after the address.
      const link = () => /(http:\/\/127\.0\.0\.1:\d+\/setup\/[\w-]+)/.exec(first.output())?.[1];
      for (let i = 0; i < 200 && !link(); i++) await new Promise((r) => setTimeout(r, 50));
      const setup = link() ?? "";
      expect(setup).not.toBe("");
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
      const form = await fetch(setup);
      const cookie = form.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
      const body = new URLSearchParams({
        _csrf: csrf,
        email: "chef@example.org",
        name: "Aminata",
        password: "un mot de passe sûr",
      }).toString();

      // The set-up form is sent in two halves; SIGTERM lands between them.
      const answer = new Promise<{ status: number }>((done, fail) => {
        const req = request(
          setup,
          {
            method: "POST",
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              "content-length": Buffer.byteLength(body),
              cookie,
              origin: first.url,
            },
          },
          (res) => {
            res.resume();
            res.on("end", () => done({ status: res.statusCode ?? 0 }));
          },
        );
        req.on("error", fail);
        const half = Math.floor(body.length / 2);
        req.write(body.slice(0, half));
        setTimeout(() => {
          first.child.kill("SIGTERM");
          setTimeout(() => req.end(body.slice(half)), 700);
        }, 300);
      });
      const signalled = Date.now() + 300;
      expect((await answer).status).toBe(303);
      // Nothing new is taken once the stop has begun.
      await expect(fetch(`${first.url}/healthz`)).rejects.toThrow();
      const exit = await first.exit;
      expect(exit, first.output()).toMatchObject({ code: 0, signal: null });
      expect(exit.at - signalled).toBeLessThan(12_000);
      expect(first.output()).toMatch(/"msg":"stopped"/);
    } finally {
      if (first.child.exitCode === null) first.child.kill("SIGKILL");
    }

    // A restart on the same store: ready, and the administrator made in flight is there.
    const second = await start(store.env);
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    expect(second.output()).not.toContain("No account yet");
    second.child.kill("SIGINT");
    expect(await second.exit).toMatchObject({ code: 0, signal: null });
    const check = await openDatabase(store.config);
    try {
      const users = await check.db.selectFrom("users").select(["email", "role"]).execute();
      expect(users).toEqual([{ email: "chef@example.org", role: "admin" }]);
    } finally {
      await check.close();
    }
  }, 180_000);

  it("lets the job in progress end its step before it exits", async () => {
    const store = await emptyStore(backend);
    // A DHIS2 server that takes its time to refuse: the pull's one request is the step.
    const STEP_MS = 2_500;
    let asked = 0;
    const peer = createServer((_req, res) => {
      asked = Date.now();
      setTimeout(() => {
        res.writeHead(401, { "content-type": "application/json" });
        res.end('{"httpStatusCode":401}');
      }, STEP_MS);
    });
    await new Promise<void>((done) => peer.listen(0, "127.0.0.1", () => done()));
    cleanups.push(() => {
      peer.closeAllConnections();
      return new Promise<void>((done) => peer.close(() => done()));
    });
    const seed = await openDatabase(store.config);
    let jobId = "";
    try {
      await migrateToLatest(seed.db);
      const saved = await saveConnection(seed.db, SYSTEM, {
        name: "DHIS2 lent",
        baseUrl: `http://127.0.0.1:${(peer.address() as AddressInfo).port}`,
        auth: { kind: "token", tokenVar: "JALON_DHIS2_TOKEN" },
        dataSet: "DsMonthly01",
        orgUnit: "RegSeg00001",
        periods: "202201",
        withMetadata: false,
        schedule: "none",
      });
      jobId = await queuePullNow(seed.db, SYSTEM, saved.id);
    } finally {
      await seed.close();
    }
    const served = await start({ ...store.env, JALON_DHIS2_TOKEN: "d2pat_not_a_real_one" });
    try {
      // The runner takes the job at start; SIGTERM lands while DHIS2 is still answering.
      for (let i = 0; i < 400 && asked === 0; i++) await new Promise((r) => setTimeout(r, 25));
      expect(asked, served.output()).toBeGreaterThan(0);
      const signalled = Date.now();
      served.child.kill("SIGTERM");
      const exit = await served.exit;
      expect(exit, served.output()).toMatchObject({ code: 0, signal: null });
      // It waited for the answer, and no longer than its bound.
      expect(exit.at - asked).toBeGreaterThanOrEqual(STEP_MS - 100);
      expect(exit.at - signalled).toBeLessThan(12_000);
    } finally {
      if (served.child.exitCode === null) served.child.kill("SIGKILL");
    }
    // The job was settled by its holder, not left running under a lease.
    const check = await openDatabase(store.config);
    try {
      const job = await check.db
        .selectFrom("jobs")
        .select(["state", "attempts", "lease_owner"])
        .where("id", "=", jobId)
        .executeTakeFirstOrThrow();
      expect(job).toEqual({ state: "failed", attempts: 1, lease_owner: null });
    } finally {
      await check.close();
    }
  }, 180_000);
});
