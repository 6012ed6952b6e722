// Jobs: a claim under SKIP LOCKED with a lease, so that two processes never run one job at
// once; a lapsed lease lets another take the job again; a failure waits and retries until the
// attempts are used; a pending key is queued once. On PGlite and PostgreSQL.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimJob, completeJob, enqueueJob, failJob, findJob } from "../../src/db/shared/jobs.ts";
import { runDueJobs } from "../../src/services/shared/jobs.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

describe.each(backends)("jobs on %s", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(backend);
  });
  afterAll(() => t.dispose());

  it("gives each job to one of two concurrent claimers", async () => {
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push(await enqueueJob(t.db, { kind: "race", payload: { i } }));
    const claimedBy = new Map<string, string[]>();
    const claimer = async (owner: string) => {
      for (;;) {
        const job = await claimJob(t.db, { kinds: ["race"], owner, leaseSeconds: 60 });
        if (!job) return;
        claimedBy.set(job.id, [...(claimedBy.get(job.id) ?? []), owner]);
        // Work outside any transaction, then settle.
        await new Promise((r) => setTimeout(r, 2));
        expect(await completeJob(t.db, job.id, owner, { by: owner })).toBe(true);
      }
    };
    await Promise.all([claimer("a"), claimer("b")]);
    expect([...claimedBy.keys()].sort()).toEqual([...ids].sort());
    expect([...claimedBy.values()].every((owners) => owners.length === 1)).toBe(true);
    const states = await t.db
      .selectFrom("jobs")
      .select("state")
      .where("kind", "=", "race")
      .execute();
    expect(states.every((s) => s.state === "done")).toBe(true);
  });

  it("leaves a leased job alone, and claims it again once the lease lapses", async () => {
    const id = (await enqueueJob(t.db, { kind: "lease" })) ?? "";
    const first = await claimJob(t.db, { kinds: ["lease"], owner: "dead", leaseSeconds: 60 });
    expect(first?.id).toBe(id);
    expect(
      await claimJob(t.db, { kinds: ["lease"], owner: "other", leaseSeconds: 60 }),
    ).toBeUndefined();
    await t.db
      .updateTable("jobs")
      .set({ lease_until: sql<Date>`now() - interval '1 second'` })
      .where("id", "=", id)
      .execute();
    const again = await claimJob(t.db, { kinds: ["lease"], owner: "other", leaseSeconds: 60 });
    expect(again).toMatchObject({ id, attempts: 2, lease_owner: "other" });
    // The dead holder cannot settle a job it lost.
    expect(await completeJob(t.db, id, "dead", null)).toBe(false);
    expect(await completeJob(t.db, id, "other", null)).toBe(true);
  });

  it("retries a failed job later, and fails it for good after its last attempt", async () => {
    const id = (await enqueueJob(t.db, { kind: "flaky", maxAttempts: 2 })) ?? "";
    const owner = "w";
    await claimJob(t.db, { kinds: ["flaky"], owner, leaseSeconds: 60 });
    expect(await failJob(t.db, id, owner, "first", 3600)).toBe(true);
    expect(await findJob(t.db, id)).toMatchObject({ state: "queued", last_error: "first" });
    // Not due yet.
    expect(await claimJob(t.db, { kinds: ["flaky"], owner, leaseSeconds: 60 })).toBeUndefined();
    await t.db.updateTable("jobs").set({ run_at: sql<Date>`now()` }).where("id", "=", id).execute();
    await claimJob(t.db, { kinds: ["flaky"], owner, leaseSeconds: 60 });
    await failJob(t.db, id, owner, "second", 0);
    expect(await findJob(t.db, id)).toMatchObject({
      state: "failed",
      attempts: 2,
      last_error: "second",
    });
    expect(await claimJob(t.db, { kinds: ["flaky"], owner, leaseSeconds: 60 })).toBeUndefined();
  });

  it("queues a key once while it waits or runs, and again once it is done", async () => {
    const first = await enqueueJob(t.db, { kind: "keyed", dedupeKey: "k" });
    expect(first).not.toBeNull();
    expect(await enqueueJob(t.db, { kind: "keyed", dedupeKey: "k" })).toBeNull();
    const report = await runDueJobs(t.db, { keyed: async () => ({ ok: 1 }) }, { owner: "w" });
    expect(report).toEqual({ done: 1, failed: 0 });
    expect(await findJob(t.db, first ?? "")).toMatchObject({ state: "done", result: { ok: 1 } });
    expect(await enqueueJob(t.db, { kind: "keyed", dedupeKey: "k" })).not.toBeNull();
  });

  it("runs only the kinds of its registry, and records a handler's error", async () => {
    await enqueueJob(t.db, { kind: "someone-else" });
    const broken = (await enqueueJob(t.db, { kind: "broken", maxAttempts: 1 })) ?? "";
    const report = await runDueJobs(
      t.db,
      {
        broken: async () => {
          throw new Error("no luck");
        },
      },
      { owner: "w" },
    );
    expect(report).toEqual({ done: 0, failed: 1 });
    expect(await findJob(t.db, broken)).toMatchObject({ state: "failed", last_error: "no luck" });
    const other = await t.db
      .selectFrom("jobs")
      .select(["state", "attempts"])
      .where("kind", "=", "someone-else")
      .executeTakeFirstOrThrow();
    expect(other).toEqual({ state: "queued", attempts: 0 });
  });
});
