// Personal access tokens and "import now" as use cases, on PGlite and PostgreSQL: who may make
// a token, how many live ones an account holds, that only its owner revokes it, what the
// database keeps; and how asking for a pull now meets the schedule's waiting run and a running
// one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimJob } from "../../src/db/shared/jobs.ts";
import { MAX_LIVE_ACCESS_TOKENS } from "../../src/domain/shared/access-token.ts";
import type { Actor } from "../../src/domain/shared/policy.ts";
import { isProblem } from "../../src/domain/shared/problem.ts";
import {
  connectionViews,
  DHIS2_PULL_JOB,
  queuePullNow,
  saveConnection,
} from "../../src/services/health/dhis2-connections.ts";
import {
  authenticateToken,
  createAccessToken,
  myAccessTokens,
  revokeMyAccessToken,
} from "../../src/services/shared/access-tokens.ts";
import { addUser } from "../../src/services/tracker/users.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

const problemOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) =>
      isProblem(e) ? { code: e.code, issues: e.issues.map((i) => `${i.path}.${i.code}`) } : e,
  );

describe.each(backends)("access tokens and pulls asked for now on %s", (backend) => {
  let t: TestDatabase;
  let owner: Actor;
  let other: Actor;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    const a = await addUser(t.db, "test", {
      email: "a@example.org",
      name: "A",
      role: "coordinator",
    });
    const b = await addUser(t.db, "test", { email: "b@example.org", name: "B", role: "validator" });
    owner = { kind: "user", userId: a.id, role: "coordinator", partnerId: null, name: "A" };
    other = { kind: "user", userId: b.id, role: "validator", partnerId: null, name: "B" };
  });
  afterAll(() => t.dispose());

  const parts = (token: string) => ({
    selector: token.slice(10, 26),
    secret: token.slice(26),
  });

  it("makes a token only for a signed-in staff account, for its own account", async () => {
    expect(
      await problemOf(createAccessToken(t.db, { kind: "anonymous" }, { name: "x", days: 7 })),
    ).toMatchObject({ code: "unauthenticated" });
    const respondent: Actor = {
      kind: "user",
      userId: 999,
      role: "respondent",
      partnerId: 1,
      name: "R",
    };
    expect(
      await problemOf(createAccessToken(t.db, respondent, { name: "x", days: 7 })),
    ).toMatchObject({ code: "forbidden" });
    const made = await createAccessToken(t.db, owner, { name: "  Excel  ", days: 7 });
    expect(made.token.name).toBe("Excel");
    expect(made.secret).toMatch(/^jalon_pat_[0-9a-f]{16}[A-Za-z0-9_-]{43}$/);
    const ok = await authenticateToken(t.db, parts(made.secret));
    expect(ok).toMatchObject({
      ok: true,
      actor: {
        kind: "user",
        userId: owner.kind === "user" ? owner.userId : 0,
        role: "coordinator",
      },
    });
    expect((await myAccessTokens(t.db, other)).map((k) => k.name)).toEqual([]);
  });

  it("acts with the owner's role of the moment", async () => {
    const made = await createAccessToken(t.db, other, { name: "role", days: 30 });
    const id = other.kind === "user" ? other.userId : 0;
    await t.db
      .updateTable("users")
      .set({ role: "programme_manager" })
      .where("id", "=", id)
      .execute();
    expect(await authenticateToken(t.db, parts(made.secret))).toMatchObject({
      ok: true,
      actor: { role: "programme_manager" },
    });
    await t.db.updateTable("users").set({ role: "validator" }).where("id", "=", id).execute();
  });

  it("holds an account to its live tokens' limit; a revoked one frees a place", async () => {
    const live = (await myAccessTokens(t.db, owner)).filter((k) => k.revokedAt === null).length;
    for (let i = live; i < MAX_LIVE_ACCESS_TOKENS; i++)
      await createAccessToken(t.db, owner, { name: `n${i}`, days: 7 });
    expect(await problemOf(createAccessToken(t.db, owner, { name: "one more", days: 7 }))).toEqual({
      code: "invalid_input",
      issues: ["name.too_many"],
    });
    const first = (await myAccessTokens(t.db, owner)).at(-1);
    if (!first) throw new Error("no token");
    // Another account cannot revoke it, nor learn that it exists.
    expect(await problemOf(revokeMyAccessToken(t.db, other, first.id))).toMatchObject({
      code: "not_found",
    });
    await revokeMyAccessToken(t.db, owner, first.id);
    expect(await problemOf(revokeMyAccessToken(t.db, owner, first.id))).toMatchObject({
      code: "not_found",
    });
    await createAccessToken(t.db, owner, { name: "one more", days: 7 });
  });

  it("asks for a pull now: the schedule's waiting run made due, the running one followed", async () => {
    const saved = await saveConnection(
      t.db,
      owner,
      {
        name: "Mali",
        baseUrl: "https://dhis2.example.org",
        auth: { kind: "token", tokenVar: "JALON_DHIS2_TOKEN" },
        dataSet: "DsMonthly01",
        orgUnit: "RegSeg00001",
        periods: "LAST_3_MONTHS",
        withMetadata: false,
        schedule: "weekly",
      },
      new Date(Date.now() + 3600_000),
    );
    const [view] = await connectionViews(t.db, owner);
    const scheduled = view?.waiting?.id;
    expect(scheduled).toBeDefined();
    expect(view?.waiting?.runAt.getTime()).toBeGreaterThan(Date.now());
    const now = await queuePullNow(t.db, owner, saved.id);
    expect(now).toBe(scheduled);
    const job = await t.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", now)
      .executeTakeFirstOrThrow();
    expect(job.run_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(job.payload).toEqual({
      connectionId: saved.id,
      actor: `user:${owner.kind === "user" ? owner.userId : 0}`,
    });
    // Once it runs (its key freed, as the job does), asking again follows it, queuing nothing.
    const claimed = await claimJob(t.db, {
      kinds: [DHIS2_PULL_JOB],
      owner: "test",
      leaseSeconds: 60,
    });
    expect(claimed?.id).toBe(now);
    await t.db.updateTable("jobs").set({ dedupe_key: null }).where("id", "=", now).execute();
    expect(await queuePullNow(t.db, owner, saved.id)).toBe(now);
    expect((await connectionViews(t.db, owner))[0]?.running?.id).toBe(now);
    // Done, nothing waits: a new pull, tried once.
    await t.db.updateTable("jobs").set({ state: "done" }).where("id", "=", now).execute();
    const fresh = await queuePullNow(t.db, owner, saved.id);
    expect(fresh).not.toBe(now);
    const row = await t.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", fresh)
      .executeTakeFirstOrThrow();
    expect([row.max_attempts, row.dedupe_key]).toEqual([1, `${DHIS2_PULL_JOB}:${saved.id}`]);
    expect(await problemOf(queuePullNow(t.db, other, saved.id))).toMatchObject({
      code: "forbidden",
    });
    expect(await problemOf(queuePullNow(t.db, owner, 424242))).toMatchObject({ code: "not_found" });
  });
});
