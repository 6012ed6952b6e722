// kill -9 during a burst of submissions: every write the server acknowledged is still there
// after a restart, on the embedded database (and on PostgreSQL when it is configured).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { loadDemo } from "../../src/demo/load.ts";
import { createCycle, openCollection, setMapping } from "../../src/services/tracker/cycles.ts";
import { createInvitation } from "../../src/services/tracker/invitations.ts";
import { OPENED_ON, SYSTEM } from "../support/world.ts";

const BIN = resolve(import.meta.dirname, "../../bin/jalon.js");

function start(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--host", "127.0.0.1"], {
    env: { ...process.env, JALON_DATA_DIR: dataDir, JALON_LANG: "en", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((done, fail) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /ready: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        done({ child, url });
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code}): ${out}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once("exit", () => done()));
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("acknowledged writes survive kill -9 on the embedded database", () => {
  it("keeps every acknowledged write", async () => {
    const root = await mkdtemp(join(tmpdir(), "jalon-kill-"));
    dirs.push(root);
    const dataDir = join(root, "data");

    // Seed: the demo, a 2023 cycle open for collection, PSI asked about every indicator.
    const seed = await openDatabase({ kind: "pglite", dataDir });
    await migrateToLatest(seed.db);
    await loadDemo(seed, { reset: false });
    await createCycle(
      seed.db,
      SYSTEM,
      {
        slug: "2023",
        label: "2023",
        labelEn: null,
        periodStart: "2023-01-01",
        periodEnd: "2023-12-31",
        fromSlug: null,
      },
      "fr",
    );
    const psi = await seed.db
      .selectFrom("partners")
      .select("id")
      .where("slug", "=", "psi")
      .executeTakeFirstOrThrow();
    const indicators = await seed.db
      .selectFrom("indicators")
      .select(["id", "code"])
      .orderBy("id")
      .execute();
    await setMapping(
      seed.db,
      SYSTEM,
      "2023",
      indicators.map((i) => ({ partnerId: psi.id, indicatorId: i.id })),
      "fr",
    );
    await openCollection(seed.db, SYSTEM, "2023", "2024-03-01", "fr", OPENED_ON);
    const link = await createInvitation(
      seed.db,
      SYSTEM,
      { cycleSlug: "2023", partnerSlug: "psi", email: null, baseUrl: "" },
      () => ({ subject: "", body: "" }),
      "fr",
    );
    await seed.close();

    const first = await start(dataDir);
    const opened = await fetch(`${first.url}${link.url}`, { redirect: "manual" });
    const cookie = opened.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const page = await (await fetch(`${first.url}/q/2023/psi`, { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
    expect(csrf).not.toBe("");

    // A burst: six writers, each cycling over the indicators, until the server is killed.
    const acked: { code: string; clientId: string; version: number }[] = [];
    let n = 0;
    let killed = false;
    const refused: string[] = [];
    // Every write names the version it replaces; a writer that lost a race learns the new one.
    const versions = new Map<string, number>();
    const writer = async (w: number) => {
      while (!killed) {
        const code = indicators[(n + w) % indicators.length]?.code ?? "a";
        const clientId = `kill-${w}-${n++}-abcdef`;
        try {
          const res = await fetch(`${first.url}/api/q/2023/psi/${code}`, {
            method: "PUT",
            headers: {
              cookie,
              "x-csrf-token": csrf,
              "content-type": "application/json",
              "x-client-id": clientId,
              "if-match": `"${versions.get(code) ?? 0}"`,
            },
            body: JSON.stringify({
              answer: {
                contributes: "yes",
                activities: clientId,
                collaboratorIds: [],
                collaboratorsText: null,
                difficulties: null,
                outputs: [],
                evidence: [],
              },
              submit: false,
            }),
          });
          if (res.status === 200) {
            const body = (await res.json()) as { version: number };
            acked.push({ code, clientId, version: body.version });
            versions.set(code, Math.max(versions.get(code) ?? 0, body.version));
          } else if (res.status === 412) {
            const body = (await res.json()) as { current: { version: number } | null };
            versions.set(code, Math.max(versions.get(code) ?? 0, body.current?.version ?? 0));
          } else {
            refused.push(`${res.status} ${await res.text()}`);
          }
        } catch {
          // The server is gone: this write was never acknowledged.
        }
      }
    };
    const writers = Promise.all([0, 1, 2, 3, 4, 5].map(writer));
    const deadline = Date.now() + 30_000;
    while (acked.length < 40 && Date.now() < deadline && refused.length < 5) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(refused.slice(0, 3)).toEqual([]);
    first.child.kill("SIGKILL");
    killed = true;
    await writers;
    await exited(first.child);

    // Restart on the same directory: the stale lock is taken over and the server answers.
    const second = await start(dataDir);
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    second.child.kill("SIGTERM");
    await exited(second.child);

    const check = await openDatabase({ kind: "pglite", dataDir });
    try {
      const stored = await check.db
        .selectFrom("client_writes")
        .select(["client_id", "version"])
        .execute();
      const ids = new Set(stored.map((s) => s.client_id));
      const missing = acked.filter((a) => !ids.has(a.clientId));
      expect(missing).toEqual([]);
      const answers = await check.db
        .selectFrom("responses")
        .innerJoin("indicators", "indicators.id", "responses.indicator_id")
        .select(["indicators.code", "responses.version"])
        .where("responses.partner_id", "=", psi.id)
        .execute();
      const versionOf = new Map(answers.map((a) => [a.code, a.version]));
      for (const a of acked) expect(versionOf.get(a.code) ?? 0).toBeGreaterThanOrEqual(a.version);
      console.log(
        `kill -9 after ${acked.length} acknowledged writes: all ${acked.length} found after restart`,
      );
    } finally {
      await check.close();
    }
  }, 180_000);
});
