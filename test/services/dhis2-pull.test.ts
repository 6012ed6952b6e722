// Pulling from a DHIS2 server into the store, against a local server speaking DHIS2's Web API:
// the catalogue and org units first, then the values (the import's counts, the batch and its
// scope), an incremental pull, a refused one that keeps nothing; saved connections checked,
// audited, and pulled by their job, which queues its next run — on PGlite and PostgreSQL.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findConnection } from "../../src/db/health/dhis2-connections.ts";
import type { Problem } from "../../src/domain/shared/problem.ts";
import { Dhis2ServerError } from "../../src/importers/health/dhis2/server.ts";
import {
  connectionIssues,
  DHIS2_PULL_JOB,
  dhis2Jobs,
  pullSavedConnection,
  saveConnection,
} from "../../src/services/health/dhis2-connections.ts";
import { pullFromServer } from "../../src/services/health/dhis2-pull.ts";
import { runDueJobs } from "../../src/services/shared/jobs.ts";
import { silentLog } from "../../src/services/shared/log.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { type FakeDhis2, startFakeDhis2 } from "../support/dhis2-server.ts";
import { sqlState } from "../support/sql-state.ts";

const TOKEN = "d2pat_0123456789abcdefghijklmnopqrstuv";
const env = { JALON_DHIS2_TOKEN: TOKEN };
const http = { backoffMs: 1, timeoutMs: 5000, pageSize: 3 };
const admin = { kind: "user", userId: 1, role: "admin", partnerId: null, name: "Admin" } as const;

describe.each(backends)("pulling from DHIS2 on %s", (backend) => {
  let t: TestDatabase;
  let server: FakeDhis2;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    server = await startFakeDhis2({ authorization: `ApiToken ${TOKEN}` });
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  const count = async (table: "data_values" | "org_units" | "audit_log") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const pull = (o: { since?: string; withMetadata?: boolean; token?: string } = {}) =>
    pullFromServer(t, {
      connection: { baseUrl: server.url, auth: { kind: "token", tokenVar: "JALON_DHIS2_TOKEN" } },
      env: { JALON_DHIS2_TOKEN: o.token ?? TOKEN },
      dataSet: "DsMonthly01",
      orgUnit: "RegSeg00001",
      periods: ["202201", "202202"],
      since: o.since,
      withMetadata: o.withMetadata,
      dryRun: false,
      actor: "test",
      http,
      batchSize: 4,
    });

  it("refuses a pull with bad credentials before storing anything", async () => {
    const error = await pull({ withMetadata: true, token: "d2pat_not_the_token" }).catch((e) => e);
    expect(error).toBeInstanceOf(Dhis2ServerError);
    expect((error as Dhis2ServerError).code).toBe("dhis2_unauthorized");
    expect([await count("org_units"), await count("data_values")]).toEqual([0, 0]);
  });

  it("pulls the catalogue and the org units page by page, then the values", async () => {
    const progress: number[] = [];
    const summary = await pullFromServer(t, {
      connection: {
        name: "Mali",
        baseUrl: server.url,
        auth: { kind: "token", tokenVar: "JALON_DHIS2_TOKEN" },
      },
      env,
      dataSet: "DsMonthly01",
      orgUnit: "RegSeg00001",
      periods: ["202201", "202202"],
      withMetadata: true,
      dryRun: false,
      actor: "test",
      http,
      batchSize: 4,
      onProgress: (n) => progress.push(n),
    });
    expect(summary.metadata?.byKind.organisationUnit).toEqual({
      imported: 7,
      updated: 0,
      ignored: 0,
    });
    expect(summary.metadata?.byKind.dataElement).toEqual({ imported: 3, updated: 0, ignored: 0 });
    expect([summary.imported, summary.updated, summary.ignored]).toEqual([10, 0, 0]);
    expect(summary.rejected.map((r) => r.reason)).toEqual([
      "unknown_data_element",
      "unknown_org_unit",
    ]);
    expect(progress).toEqual([4, 8, 12]);
    // One metadata request, three org-unit pages, one data value set.
    expect([summary.requests, summary.retries]).toEqual([5, 0]);
    expect(await count("data_values")).toBe(10);
    const batch = await t.db
      .selectFrom("import_batches")
      .select(["source", "scope", "inserted", "rejected", "state"])
      .where("id", "=", summary.batchId ?? "0")
      .executeTakeFirstOrThrow();
    expect(batch).toEqual({
      source: "dhis2_server",
      scope: {
        server: server.url,
        connection: "Mali",
        dataSet: "DsMonthly01",
        orgUnit: "RegSeg00001",
        periods: ["202201", "202202"],
      },
      inserted: 10,
      rejected: 2,
      state: "done",
    });
  });

  it("pulls only what changed since a date, and counts it unchanged when it is", async () => {
    const summary = await pull({ since: "2022-03-01" });
    expect(server.seen("/api/dataValueSets.json").at(-1)?.query.get("lastUpdated")).toBe(
      "2022-03-01",
    );
    expect([summary.imported, summary.updated, summary.ignored]).toEqual([0, 0, 2]);
  });

  it("retries a failing server and stores the values once", async () => {
    server.script("/api/dataValueSets.json", (res) => {
      res.writeHead(503);
      res.end();
    });
    const summary = await pull();
    expect([summary.requests, summary.retries]).toEqual([2, 1]);
    expect([summary.imported, summary.ignored]).toEqual([0, 10]);
    expect(await count("data_values")).toBe(10);
  });

  it("refuses periods and a since date that are not DHIS2's, asking nothing", async () => {
    const before = server.requests.length;
    const bad = (o: { periods?: string[]; since?: string }) =>
      pullFromServer(t, {
        connection: { baseUrl: server.url, auth: { kind: "token", tokenVar: "JALON_DHIS2_TOKEN" } },
        env,
        dataSet: "DsMonthly01",
        orgUnit: "RegSeg00001",
        periods: o.periods ?? ["202201"],
        since: o.since,
        dryRun: false,
        actor: "test",
      }).catch((e: Dhis2ServerError) => e.code);
    expect(await bad({ periods: ["202213"] })).toBe("dhis2_periods_invalid");
    expect(await bad({ since: "yesterday" })).toBe("dhis2_since_invalid");
    expect(server.requests.length).toBe(before);
  });

  it("checks every field of a connection at once", () => {
    expect(
      connectionIssues(
        {
          name: "",
          baseUrl: "ftp://dhis2.example.org",
          auth: { kind: "basic", usernameVar: "MY USER", passwordVar: "" },
          dataSet: "short",
          orgUnit: "RegSeg00001",
          periods: "LAST_13_WEEKS_OR_SO",
          withMetadata: false,
          schedule: "daily",
        },
        "2026-12-02",
      ),
    ).toEqual({
      name: "required",
      baseUrl: "dhis2_url_scheme",
      usernameVar: "invalid",
      passwordVar: "required",
      dataSet: "invalid",
      periods: "invalid",
    });
  });

  it("cannot store a connection without the variables its kind needs, or with a secret's shape", async () => {
    const row = {
      name: "x",
      base_url: "https://dhis2.example.org",
      auth_kind: "basic",
      username_var: "JALON_DHIS2_USERNAME",
      password_var: "JALON_DHIS2_PASSWORD",
      data_set: "DsMonthly01",
      org_unit: "RegSeg00001",
      periods: "LAST_MONTH",
    };
    const state = (values: Partial<typeof row> & { token_var?: string }) =>
      sqlState(
        t.db
          .insertInto("dhis2_connections")
          .values({ ...row, ...values })
          .execute(),
      );
    expect(await state({ password_var: undefined })).toBe("23514");
    expect(await state({ auth_kind: "token", token_var: "d2pat_Ab12+/=xyz" })).toBe("23514");
    expect(await state({ base_url: "ftp://dhis2.example.org" })).toBe("23514");
    expect(await state({ auth_kind: "oauth" })).toBe("23514");
  });

  it("saves a scheduled connection, audited, whose job pulls it and queues the next run", async () => {
    const now = new Date("2022-03-15T06:00:00Z");
    const saved = await saveConnection(
      t.db,
      admin,
      {
        name: "DHIS2 Mali",
        baseUrl: `${server.url}/`,
        auth: { kind: "token", tokenVar: "JALON_DHIS2_TOKEN" },
        dataSet: "DsMonthly01",
        orgUnit: "RegSeg00001",
        periods: "LAST_3_MONTHS",
        withMetadata: false,
        schedule: "daily",
      },
      now,
    );
    const created = await t.db
      .selectFrom("audit_log")
      .select(["actor", "action", "after"])
      .where("entity", "=", "dhis2_connections")
      .executeTakeFirstOrThrow();
    expect([created.actor, created.action]).toEqual(["user:1", "create"]);
    expect(JSON.stringify(created.after)).not.toContain(TOKEN);

    const registry = dhis2Jobs({ database: t, env, log: silentLog, http, now: () => now });
    // One job per run: the next one is queued on a day that the database's clock has passed.
    const run = await runDueJobs(t.db, registry, { owner: "test", limit: 1 });
    expect(run).toEqual({ done: 1, failed: 0 });
    // LAST_3_MONTHS on 15 March 2022: December, January, February.
    const asked = server.seen("/api/dataValueSets.json").at(-1)?.query;
    expect(asked?.getAll("period")).toEqual(["202112", "202201", "202202"]);
    expect(asked?.has("lastUpdated")).toBe(false);
    const after = await findConnection(t.db, saved.id);
    expect(after?.lastPulledAt?.toISOString()).toBe(now.toISOString());
    expect(after?.lastResult).toMatchObject({ ok: true, imported: 0, ignored: 10, rejected: 2 });
    const next = await t.db
      .selectFrom("jobs")
      .select(["run_at", "state", "dedupe_key"])
      .where("kind", "=", DHIS2_PULL_JOB)
      .where("state", "=", "queued")
      .executeTakeFirstOrThrow();
    expect(next.run_at.toISOString()).toBe("2022-03-16T06:00:00.000Z");
    expect(next.dedupe_key).toBe(`${DHIS2_PULL_JOB}:${saved.id}`);

    // The next day's run is incremental, and a missing secret fails it but keeps the schedule.
    const tomorrow = new Date("2022-03-16T06:00:00Z");
    await t.db.updateTable("jobs").set({ run_at: now }).where("state", "=", "queued").execute();
    const failed = await runDueJobs(
      t.db,
      dhis2Jobs({ database: t, env: {}, log: silentLog, http, now: () => tomorrow }),
      { owner: "test", limit: 1 },
    );
    expect(failed).toEqual({ done: 0, failed: 1 });
    const stale = await findConnection(t.db, saved.id);
    expect(stale?.lastPulledAt?.toISOString()).toBe(now.toISOString());
    expect(stale?.lastResult).toEqual({
      ok: false,
      code: "dhis2_credentials_missing",
      status: null,
    });
    const queued = await t.db
      .selectFrom("jobs")
      .select(["run_at", "dedupe_key"])
      .where("kind", "=", DHIS2_PULL_JOB)
      .where("state", "=", "queued")
      .orderBy("id")
      .execute();
    // The failed run waits for its retry; the schedule's next run is queued under the key.
    expect(queued.map((j) => j.dedupe_key)).toEqual([null, `${DHIS2_PULL_JOB}:${saved.id}`]);
    expect(queued[1]?.run_at.toISOString()).toBe("2022-03-17T06:00:00.000Z");

    await t.db.updateTable("jobs").set({ run_at: now }).where("state", "=", "queued").execute();
    const retried = await runDueJobs(
      t.db,
      dhis2Jobs({ database: t, env, log: silentLog, http, now: () => tomorrow }),
      { owner: "test", limit: 2 },
    );
    expect(retried).toEqual({ done: 2, failed: 0 });
    // Changed since the last good pull, with a day's overlap, as a date.
    expect(
      server
        .seen("/api/dataValueSets.json")
        .slice(-2)
        .map((r) => r.query.get("lastUpdated")),
    ).toEqual(["2022-03-14", "2022-03-15"]);
  });

  it("records a refused pull on its connection without the secret, and lets only writers pull", async () => {
    const saved = await saveConnection(t.db, admin, {
      name: "Autre compte",
      baseUrl: server.url,
      auth: { kind: "token", tokenVar: "OTHER_TOKEN" },
      dataSet: "DsMonthly01",
      orgUnit: "RegSeg00001",
      periods: "202201",
      withMetadata: false,
      schedule: "none",
    });
    const secret = "d2pat_wrong_secret_9f8e7d";
    const error = await pullSavedConnection(t, admin, {
      id: saved.id,
      env: { OTHER_TOKEN: secret },
      http,
    }).catch((e: Dhis2ServerError) => e);
    expect((error as Dhis2ServerError).code).toBe("dhis2_unauthorized");
    expect(String(error)).not.toContain(secret);
    const after = await findConnection(t.db, saved.id);
    expect(after?.lastResult).toEqual({ ok: false, code: "dhis2_unauthorized", status: 401 });
    expect(after?.lastPulledAt).toBeNull();
    const audits = await t.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("entity", "=", "dhis2_connections")
      .execute();
    expect(JSON.stringify(audits)).not.toContain(secret);
    expect(JSON.stringify(audits)).not.toContain(TOKEN);
    // No job was queued for a connection without a schedule.
    const jobs = await t.db
      .selectFrom("jobs")
      .select("id")
      .where("dedupe_key", "=", `${DHIS2_PULL_JOB}:${saved.id}`)
      .execute();
    expect(jobs).toEqual([]);

    const validator = { ...admin, userId: 2, role: "validator" } as const;
    const refused = await pullSavedConnection(t, validator, { id: saved.id, env }).catch(
      (e: Problem) => e.code,
    );
    expect(refused).toBe("forbidden");
    const invalid = await saveConnection(t.db, admin, {
      ...saved,
      id: undefined,
      name: "Autre compte",
      periods: "hier",
    }).catch((e: Problem) => e.issues);
    expect(invalid).toEqual([
      { path: "periods", code: "invalid", params: {} },
      { path: "name", code: "taken", params: {} },
    ]);
    const renamed = await saveConnection(t.db, admin, { ...saved, name: "Compte B" });
    expect([renamed.id, renamed.name]).toEqual([saved.id, "Compte B"]);
  });
});
