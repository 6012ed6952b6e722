// /readyz: "ready" only while the database answers with every migration applied and the job
// runner is alive; otherwise a bare "not ready", its reason in the log alone.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob } from "../../src/db/shared/jobs.ts";
import { VERSION } from "../../src/domain/shared/release.ts";
import { createApp } from "../../src/http/app.ts";
import { createJobRunner } from "../../src/services/shared/jobs.ts";
import { silentLog } from "../../src/services/shared/log.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { memoryLog } from "../support/logs.ts";

const BASE = "https://jalon.example.org";

describe.each(backends)("readiness on %s", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(backend);
  });
  afterAll(() => t.dispose());

  const probe = async (app: ReturnType<typeof createApp>, host = "10.0.0.7:3000") => {
    const res = await app.request("/readyz", { headers: { host } });
    return { status: res.status, body: await res.text(), cache: res.headers.get("cache-control") };
  };

  it("is ready with the database migrated and the runner alive, whatever the Host", async () => {
    const runner = createJobRunner(t.db, {}, { log: silentLog, pollMs: 60_000 });
    const app = createApp({
      db: t.db,
      secureCookies: true,
      baseUrl: BASE,
      allowedHost: "jalon.example.org",
      alive: () => runner.alive(),
    });
    // Probes come by address: another Host is refused elsewhere, not here.
    expect((await app.request("/login", { headers: { host: "10.0.0.7:3000" } })).status).toBe(421);
    expect(await probe(app)).toEqual({ status: 200, body: "ready", cache: "no-store" });
    await runner.stop();
    expect(await probe(app)).toEqual({ status: 503, body: "not ready", cache: "no-store" });
  });

  it("is not ready while a migration is pending, and says why in the log only", async () => {
    const log = memoryLog("warn");
    const app = createApp({ db: t.db, secureCookies: false, baseUrl: BASE, logger: log.logger });
    const last = await sql<{ name: string }>`
      select name from kysely_migration order by name desc limit 1`.execute(t.db);
    const name = last.rows[0]?.name ?? "";
    await sql`delete from kysely_migration where name = ${name}`.execute(t.db);
    try {
      const answer = await probe(app);
      expect(answer.status).toBe(503);
      expect(answer.body).toBe("not ready");
      expect(answer.body).not.toContain(name);
      const warned = log.entries().find((e) => e.msg === "not ready");
      expect(warned).toMatchObject({ reason: "migrations", detail: name });
      expect(typeof warned?.reqId).toBe("string");
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(
        t.db,
      );
    }
    expect((await probe(app)).status).toBe(200);
  });

  it("is not ready once the database no longer answers", async () => {
    const other = await freshDatabase(backend);
    const log = memoryLog("warn");
    const app = createApp({
      db: other.db,
      secureCookies: false,
      baseUrl: BASE,
      logger: log.logger,
    });
    expect((await probe(app)).status).toBe(200);
    await other.dispose();
    expect(await probe(app)).toMatchObject({ status: 503, body: "not ready" });
    expect(log.entries().find((e) => e.msg === "not ready")).toMatchObject({ reason: "database" });
  });
});

describe.each(backends)("the probes' answers on %s", (backend) => {
  it("answer /healthz without the database, whatever cookie the probe carries", async () => {
    const gone = await freshDatabase(backend);
    const app = createApp({ db: gone.db, secureCookies: false, baseUrl: BASE });
    await gone.dispose();
    for (const cookie of ["", "jalon_session=a-session-token-of-someone-12345678"]) {
      const res = await app.request("/healthz", { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("ok");
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("tell no version, no error and nothing about the server", async () => {
    const t = await freshDatabase(backend);
    const app = createApp({ db: t.db, secureCookies: false, baseUrl: BASE });
    try {
      for (const path of ["/healthz", "/readyz"]) {
        const res = await app.request(path);
        expect(res.status).toBe(200);
        expect(["ok", "ready"]).toContain(await res.text());
        const headers = [...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
        expect(headers).not.toContain(VERSION);
        expect(headers).not.toMatch(/^(server|x-powered-by):/im);
        expect(res.headers.get("set-cookie")).toBeNull();
      }
    } finally {
      await t.dispose();
    }
    // A database gone: a bare "not ready", whatever the error says.
    const res = await app.request("/readyz");
    expect(res.status).toBe(503);
    expect(await res.text()).toBe("not ready");
  });
});

describe.each(backends)("the job runner's stop on %s", (backend) => {
  it("lets the job in progress end and takes no other", async () => {
    const t = await freshDatabase(backend);
    try {
      const started: string[] = [];
      let release = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const runner = createJobRunner(
        t.db,
        {
          "test.slow": async ({ job }) => {
            started.push(job.id);
            await gate;
            return { ok: true };
          },
        },
        { log: silentLog },
      );
      for (const key of ["a", "b"])
        await enqueueJob(t.db, { kind: "test.slow", dedupeKey: key, maxAttempts: 1 });
      runner.kick();
      for (let i = 0; i < 200 && started.length === 0; i++)
        await new Promise((r) => setTimeout(r, 10));
      const stopped = runner.stop();
      release();
      await stopped;
      expect(started).toHaveLength(1);
      const states = await t.db.selectFrom("jobs").select("state").orderBy("id").execute();
      expect(states.map((s) => s.state)).toEqual(["done", "queued"]);
    } finally {
      await t.dispose();
    }
  });
});

describe("the job runner's heartbeat", () => {
  it("is alive between runs while it polls, and dead once stopped", async () => {
    const t = await freshDatabase("pglite");
    try {
      const runner = createJobRunner(t.db, {}, { log: silentLog, pollMs: 20 });
      await new Promise((r) => setTimeout(r, 100));
      expect(runner.alive()).toBe(true);
      await runner.stop();
      expect(runner.alive()).toBe(false);
    } finally {
      await t.dispose();
    }
  });
});
