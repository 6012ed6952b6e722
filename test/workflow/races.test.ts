// Two writers racing to the same row: the one that loses the race to a UNIQUE constraint gets
// the problem the service's own check would have given (the form with "taken", a conflict),
// never a 500. On PostgreSQL the race is provoked for real: a first transaction holds the row
// uncommitted while the request passes its check and waits on the index, then commits. PGlite
// runs one transaction at a time, so there the request comes second and its check sees the row.
import { sql, type Transaction } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/schema.ts";
import { TRANSLATED_CONSTRAINTS } from "../../src/db/shared/errors.ts";
import { insertCycle } from "../../src/db/tracker/cycles.ts";
import { insertMapping } from "../../src/db/tracker/mappings.ts";
import { isProblem } from "../../src/domain/shared/problem.ts";
import type { createApp } from "../../src/http/app.ts";
import { signIn, type TestClient } from "../support/client.ts";
import {
  type BackendName,
  backends,
  freshDatabase,
  type TestDatabase,
} from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

/** The error paragraph beside a field, by the field's id. */
function errorOf(page: string, id: string): string | undefined {
  return new RegExp(`<p class="error" id="${id}-e">([^<]*)</p>`).exec(page)?.[1];
}

describe.each(backends)("racing writes on %s", (backend: BackendName) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestClient;
  let trackerId: number;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    trackerId = (await t.db.selectFrom("trackers").select("id").executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.dispose());

  /**
   * Until the request is waiting on this transaction: on PostgreSQL, until a backend is blocked
   * by this one (the request's insert on the unique index); on PGlite the request cannot start
   * before this transaction ends, so a moment is enough.
   */
  async function untilBlockedBehind(trx: Transaction<DB>): Promise<void> {
    if (backend === "pglite") {
      await new Promise((done) => setTimeout(done, 50));
      return;
    }
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
    const holder = rows[0]?.pid;
    for (let tries = 0; tries < 200; tries++) {
      const waiting = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where ${holder}::int = any(pg_blocking_pids(pid))`.execute(t.db);
      if ((waiting.rows[0]?.n ?? 0) > 0) return;
      await new Promise((done) => setTimeout(done, 25));
    }
    throw new Error("the request never waited on the first transaction");
  }

  it("names only constraints the schema has", async () => {
    const names = await t.db
      .selectFrom(sql<{ conname: string }>`pg_constraint`.as("c"))
      .select("conname")
      .execute();
    const present = new Set(names.map((n) => n.conname));
    expect(TRANSLATED_CONSTRAINTS.filter((n) => !present.has(n))).toEqual([]);
  });

  it("refuses the second of two concurrent inserts of one slug as taken", async () => {
    const cycle = (label: string) => ({
      trackerId,
      slug: "2031",
      label,
      labelEn: null,
      periodStart: "2031-01-01",
      periodEnd: "2031-12-31",
      state: "setup" as const,
      publishedAt: null,
    });
    const outcomes = await Promise.allSettled([
      t.db.transaction().execute((trx) => insertCycle(trx, "test", cycle("A"))),
      t.db.transaction().execute((trx) => insertCycle(trx, "test", cycle("B"))),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((o) => o.status === "rejected")?.reason;
    expect(isProblem(refused) && refused.code).toBe("invalid_input");
    expect(isProblem(refused) && refused.issues).toEqual([
      { path: "slug", code: "taken", params: {} },
    ]);
  });

  it("gives the new-cycle form back with the slug taken when a request loses the race", async () => {
    let request: Promise<Response> | undefined;
    await t.db.transaction().execute(async (trx) => {
      await insertCycle(trx, "test", {
        trackerId,
        slug: "2032",
        label: "Première",
        labelEn: null,
        periodStart: "2032-01-01",
        periodEnd: "2032-12-31",
        state: "setup",
        publishedAt: null,
      });
      request = coordinator.post("/manage/cycles", {
        slug: "2032",
        label: "Seconde",
        periodStart: "2032-01-01",
        periodEnd: "2032-12-31",
        fromSlug: "",
      });
      await untilBlockedBehind(trx);
    });
    const res = await (request as Promise<Response>);
    expect(res.status).toBe(400);
    expect(errorOf(await res.text(), "f-slug")).toBe(
      "Une période porte déjà cet identifiant\u00a0: choisissez-en un autre.",
    );
    const stored = await t.db
      .selectFrom("cycles")
      .select("label")
      .where("slug", "=", "2032")
      .execute();
    expect(stored).toEqual([{ label: "Première" }]);
  });

  it("answers a mapping saved twice at once with a conflict, not a server error", async () => {
    const cycle = await t.db
      .selectFrom("cycles")
      .select("id")
      .where("slug", "=", "2023")
      .executeTakeFirstOrThrow();
    const mapped = await t.db
      .selectFrom("mappings")
      .select(["partner_id", "indicator_id"])
      .where("cycle_id", "=", cycle.id)
      .execute();
    const taken = new Set(mapped.map((m) => `${m.partner_id}:${m.indicator_id}`));
    const partners = await t.db.selectFrom("partners").select("id").execute();
    const indicators = await t.db.selectFrom("indicators").select("id").execute();
    const pair = partners
      .flatMap((p) => indicators.map((i) => ({ partnerId: p.id, indicatorId: i.id })))
      .find((p) => !taken.has(`${p.partnerId}:${p.indicatorId}`));
    if (!pair) throw new Error("every pair is mapped");
    const key = `${pair.partnerId}:${pair.indicatorId}`;
    let request: Promise<Response> | undefined;
    await t.db.transaction().execute(async (trx) => {
      await insertMapping(trx, "test", { cycleId: cycle.id, ...pair });
      request = coordinator.post("/manage/cycles/2023/mapping", { m: [...taken, key] });
      await untilBlockedBehind(trx);
    });
    const res = await (request as Promise<Response>);
    // PostgreSQL: the request passed its read before the pair was committed, and its insert
    // lost; PGlite: it came second and found the pair already there.
    expect(res.status).toBe(backend === "postgres" ? 409 : 200);
    const rows = await t.db
      .selectFrom("mappings")
      .select("partner_id")
      .where("cycle_id", "=", cycle.id)
      .where("partner_id", "=", pair.partnerId)
      .where("indicator_id", "=", pair.indicatorId)
      .execute();
    expect(rows).toHaveLength(1);
    const after = await t.db
      .selectFrom("mappings")
      .select((e) => e.fn.countAll<number>().as("n"))
      .where("cycle_id", "=", cycle.id)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(mapped.length + 1);
  });
});
