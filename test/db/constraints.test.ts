// Invalid states are unstorable: the database itself refuses them, on PGlite and PostgreSQL.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAudited } from "../../src/db/shared/audit.ts";
import { insertResponse } from "../../src/db/tracker/responses.ts";
import { loadDemo } from "../../src/demo/load.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { sqlState } from "../support/sql-state.ts";

describe.each(backends)("constraints on %s", (backend) => {
  let t: TestDatabase;
  let ids: {
    cycle: number;
    tracker: number;
    commitment: number;
    indicator: number;
    partner: number;
    other: number;
  };

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadDemo(t, { reset: false });
    const db = t.db;
    const cycle = await db
      .selectFrom("cycles")
      .select(["id", "tracker_id"])
      .executeTakeFirstOrThrow();
    const indicator = await db
      .selectFrom("indicators")
      .select(["id", "commitment_id"])
      .where("code", "=", "d")
      .executeTakeFirstOrThrow();
    const psi = await db
      .selectFrom("partners")
      .select("id")
      .where("slug", "=", "psi")
      .executeTakeFirstOrThrow();
    const ripod = await db
      .selectFrom("partners")
      .select("id")
      .where("slug", "=", "ripod")
      .executeTakeFirstOrThrow();
    ids = {
      cycle: cycle.id,
      tracker: cycle.tracker_id,
      commitment: indicator.commitment_id,
      indicator: indicator.id,
      partner: psi.id,
      other: ripod.id,
    };
  });
  afterAll(() => t.dispose());

  const response = () => ({
    cycleId: ids.cycle,
    partnerId: ids.partner,
    indicatorId: ids.indicator,
    contributes: "yes" as const,
    activities: "x",
    collaboratorIds: [],
    collaboratorsText: null,
    difficulties: null,
    outputs: [],
    evidence: [],
    method: "online" as const,
    answeredBy: null,
    answeredAt: null,
    state: "draft" as const,
  });

  /** The row itself, written without the audited path that turns refusals into problems. */
  const rawResponse = (partnerId: number) =>
    t.db
      .insertInto("responses")
      .values({
        cycle_id: ids.cycle,
        partner_id: partnerId,
        indicator_id: ids.indicator,
        contributes: "yes",
        method: "online",
        state: "draft",
      })
      .execute();

  it("keeps one response per partner × indicator × cycle", async () => {
    expect(await sqlState(rawResponse(ids.partner))).toBe("23505");
    // Through the audited path the same refusal is a conflict, never a 500.
    await expect(insertResponse(t.db, "test", response())).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("refuses a response for a partner not mapped to the indicator", async () => {
    expect(await sqlState(rawResponse(ids.other))).toBe("23503");
    await expect(
      insertResponse(t.db, "test", { ...response(), partnerId: ids.other }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a status outside the four values", async () => {
    const other = await t.db
      .selectFrom("indicators")
      .select("id")
      .where("code", "=", "a")
      .executeTakeFirstOrThrow();
    await t.db.deleteFrom("assessments").where("indicator_id", "=", other.id).execute();
    const write = (status: string, narrative: string | null) =>
      t.db
        .insertInto("assessments")
        .values({
          cycle_id: ids.cycle,
          indicator_id: other.id,
          status,
          narrative,
          narrative_en: null,
          meeting_id: null,
        })
        .execute();
    expect(await sqlState(write("green", null))).toBe("23514");
    // A yellow or red status must carry a narrative.
    expect(await sqlState(write("on_track", null))).toBe("23514");
    expect(await sqlState(write("off_track", "  "))).toBe("23514");
    expect(await sqlState(write("achieved", null))).toBe("accepted");
  });

  it("refuses unknown building blocks, categories and methods", async () => {
    const indicator = (blocks: string[]) =>
      t.db
        .insertInto("indicators")
        .values({
          tracker_id: ids.tracker,
          commitment_id: ids.commitment,
          code: "z",
          position: 99,
          title: "t",
          title_en: null,
          building_blocks: blocks,
        })
        .execute();
    expect(await sqlState(indicator(["finance"]))).toBe("23514");
    expect(await sqlState(indicator([]))).toBe("23514");
    expect(
      await sqlState(
        t.db
          .insertInto("partners")
          .values({
            tracker_id: ids.tracker,
            slug: "x",
            name: "X",
            name_en: null,
            acronym: null,
            category: "ngo",
          })
          .execute(),
      ),
    ).toBe("23514");
    expect(
      await sqlState(insertResponse(t.db, "test", { ...response(), method: "fax" as "online" })),
    ).not.toBe("accepted");
  });

  it("refuses duplicate numbers and codes, bad periods and negative outputs", async () => {
    expect(
      await sqlState(
        t.db
          .insertInto("commitments")
          .values({ tracker_id: ids.tracker, number: 1, title: "dup", title_en: null })
          .execute(),
      ),
    ).toBe("23505");
    expect(
      await sqlState(
        t.db
          .insertInto("cycles")
          .values({
            tracker_id: ids.tracker,
            slug: "bad",
            label: "bad",
            label_en: null,
            period_start: "2023-12-31",
            period_end: "2023-01-01",
            state: "setup",
          })
          .execute(),
      ),
    ).toBe("23514");
    expect(
      await sqlState(
        t.db
          .insertInto("cycles")
          .values({
            tracker_id: ids.tracker,
            slug: "nopub",
            label: "x",
            label_en: null,
            period_start: "2023-01-01",
            period_end: "2023-12-31",
            state: "published",
          })
          .execute(),
      ),
    ).toBe("23514");
    const r = await t.db.selectFrom("responses").select("id").limit(1).executeTakeFirstOrThrow();
    expect(
      await sqlState(
        t.db
          .insertInto("response_outputs")
          .values({ response_id: r.id, position: 50, value: -1, unit: "x" })
          .execute(),
      ),
    ).toBe("23514");
    expect(
      await sqlState(
        t.db
          .insertInto("response_evidence")
          .values({ response_id: r.id, url: "javascript:alert(1)", title: null })
          .execute(),
      ),
    ).toBe("23514");
  });

  it("writes the audit record in the same transaction as the change", async () => {
    const before = await t.db
      .selectFrom("audit_log")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await insertAudited(trx, "tester", "partners", {
          tracker_id: ids.tracker,
          slug: "rolled-back",
          name: "Rolled back",
          name_en: null,
          acronym: null,
          category: "local_ngo",
        });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const after = await t.db
      .selectFrom("audit_log")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const row = await insertAudited(t.db, "tester", "partners", {
      tracker_id: ids.tracker,
      slug: "kept",
      name: "Kept",
      name_en: null,
      acronym: "KPT",
      category: "private_sector",
    });
    const entry = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "partners")
      .where("entity_id", "=", String(row.id))
      .executeTakeFirstOrThrow();
    expect(entry.actor).toBe("tester");
    expect(entry.action).toBe("create");
    expect(entry.before).toBeNull();
    expect(entry.after).toMatchObject({ slug: "kept", acronym: "KPT", category: "private_sector" });
    expect(entry.at).toBeInstanceOf(Date);
  });
});
