// The health-data store: units saved by uid then code with their closure table, values merged
// from staging (inserted, updated, unchanged, deleted told apart; duplicates in one batch resolved
// to the last), roll-ups kept equal to a recomputation after every merge and after a move — on
// PGlite and PostgreSQL alike.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dataElementLookup,
  defaultOptionCombo,
  saveDataElements,
} from "../../src/db/health/catalogue.ts";
import {
  dropStaged,
  mergeStaged,
  NamedRowGone,
  namedRows,
  type StagedValue,
  stageValues,
  sweepStaged,
} from "../../src/db/health/data-values.ts";
import { latestMonth } from "../../src/db/health/explorer.ts";
import {
  moveOrgUnit,
  type OrgUnitInput,
  orgUnitLookup,
  saveOrgUnits,
} from "../../src/db/health/org-units.ts";
import { bucketTotals, rebuildRollups } from "../../src/db/health/rollups.ts";
import { failBatch, startBatch } from "../../src/db/shared/import-batches.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

const unit = (uid: string, parent: string | null, name = uid): OrgUnitInput => ({
  uid,
  code: `C_${uid}`,
  name,
  shortName: null,
  parent: parent ? { uid: parent, code: null } : null,
  openingDate: null,
  closedDate: null,
  geometry: null,
});

// Mali → Ségou → Barouéli, Bla → two facilities each; children listed before parents on purpose.
const TREE = [
  unit("fac1", "barou"),
  unit("fac2", "barou"),
  unit("fac3", "bla"),
  unit("barou", "segou"),
  unit("bla", "segou"),
  unit("segou", "mali"),
  unit("mali", null),
];

describe.each(backends)("health values on %s", (backend) => {
  let t: TestDatabase;
  let ids: Map<string, number>;
  let anc: number;
  let coc: number;
  let key = 0;
  const v = (ou: string, period: string, value: number | null, deleted = false): StagedValue => ({
    orgUnitId: ids.get(ou) as number,
    dataElementId: anc,
    period,
    cocId: coc,
    aocId: coc,
    bucket: period,
    value,
    deleted,
    comment: null,
    followUp: false,
    storedBy: "test",
    created: null,
    lastUpdated: null,
  });
  async function merge(values: StagedValue[]) {
    const k = String(++key);
    const named = namedRows();
    await stageValues(t, k, values, named);
    return t.db.transaction().execute(async (trx) => {
      const counts = await mergeStaged(trx, k, null, named);
      await dropStaged(trx, k);
      return counts;
    });
  }
  const totals = async (ou: string) =>
    (
      await bucketTotals(t.db, {
        orgUnitIds: [ids.get(ou) as number],
        dataElementIds: [anc],
        buckets: ["202201", "202202"],
        byCombo: false,
      })
    )
      .map((r) => `${r.bucket}=${r.sum}/${r.count}`)
      .sort();
  const rollups = async () =>
    (
      await sql<{
        k: string;
      }>`select data_element_id || ':' || org_unit_id || ':' || bucket || ':' || coc_id || '=' || sum || '/' || count as k from data_value_rollups where count > 0 order by 1`.execute(
        t.db,
      )
    ).rows.map((r) => r.k);
  async function rollupsMatchRecomputation() {
    const kept = await rollups();
    await rebuildRollups(t.db);
    expect(kept).toEqual(await rollups());
  }

  beforeAll(async () => {
    t = await freshDatabase(backend);
    const saved = await saveOrgUnits(t.db, TREE);
    expect(saved).toMatchObject({ inserted: 7, updated: 0, orphans: [] });
    ids = new Map([...(await orgUnitLookup(t.db))].map(([k, r]) => [k, r.id]));
    await saveDataElements(t.db, [
      {
        uid: "ANC1",
        code: "CPN1",
        name: "CPN1",
        shortName: null,
        valueType: "INTEGER_ZERO_OR_POSITIVE",
        aggregation: "sum",
        combo: null,
      },
    ]);
    anc = (await dataElementLookup(t.db)).get("CPN1")?.id as number;
    coc = await defaultOptionCombo(t.db);
  });
  afterAll(() => t.dispose());

  it("derives levels, paths and the closure table from the parent links", async () => {
    const rows = await t.db
      .selectFrom("org_units")
      .select(["uid", "level", "path"])
      .orderBy("level")
      .execute();
    expect(rows.find((r) => r.uid === "mali")?.level).toBe(1);
    expect(rows.find((r) => r.uid === "fac3")?.level).toBe(4);
    const fac3 = rows.find((r) => r.uid === "fac3")?.path ?? "";
    expect(fac3.split("/").filter(Boolean)).toHaveLength(4);
    const ancestors = await t.db
      .selectFrom("org_unit_ancestors")
      .select(["ancestor_id", "depth"])
      .where("org_unit_id", "=", ids.get("fac3") as number)
      .orderBy("depth")
      .execute();
    expect(ancestors).toEqual([
      { ancestor_id: ids.get("bla"), depth: 1 },
      { ancestor_id: ids.get("segou"), depth: 2 },
      { ancestor_id: ids.get("mali"), depth: 3 },
    ]);
  });

  it("saves the same units a second time without writing, and matches by code when the uid is new", async () => {
    expect(await saveOrgUnits(t.db, TREE)).toMatchObject({ inserted: 0, updated: 0, unchanged: 7 });
    const renamed = { ...unit("fac1-new-uid", "barou", "Fac 1 renamed"), code: "C_fac1" };
    expect(await saveOrgUnits(t.db, [renamed])).toMatchObject({ inserted: 0, updated: 1 });
    const row = await t.db
      .selectFrom("org_units")
      .select(["id", "uid", "name"])
      .where("code", "=", "C_fac1")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ id: ids.get("fac1"), uid: "fac1-new-uid", name: "Fac 1 renamed" });
    ids.set("fac1", row.id);
  });

  it("lists units whose parent is unknown and saves none of them", async () => {
    const saved = await saveOrgUnits(t.db, [
      unit("lost", "nowhere"),
      unit("a", "b"),
      unit("b", "a"),
    ]);
    expect(saved.orphans.sort()).toEqual([0, 1, 2]);
    expect(saved.inserted).toBe(0);
  });

  it("merges values, tells the counts apart and keeps roll-ups equal to a recomputation", async () => {
    expect(
      await merge([
        v("fac1", "202201", 10),
        v("fac2", "202201", 5),
        v("fac3", "202201", 7),
        v("fac1", "202202", 3),
      ]),
    ).toEqual({ distinct: 4, inserted: 4, updated: 0, deleted: 0, unchanged: 0 });
    expect(await totals("barou")).toEqual(["202201=15/2", "202202=3/1"]);
    expect(await totals("segou")).toEqual(["202201=22/3", "202202=3/1"]);
    expect(await totals("mali")).toEqual(["202201=22/3", "202202=3/1"]);
    expect(await totals("fac1")).toEqual(["202201=10/1", "202202=3/1"]);
    await rollupsMatchRecomputation();

    // The same values again: nothing changes.
    expect(
      await merge([
        v("fac1", "202201", 10),
        v("fac2", "202201", 5),
        v("fac3", "202201", 7),
        v("fac1", "202202", 3),
      ]),
    ).toEqual({ distinct: 4, inserted: 0, updated: 0, deleted: 0, unchanged: 4 });

    // One changed, one deleted, one deleted that never existed, a duplicate whose last wins.
    expect(
      await merge([
        v("fac2", "202201", 8),
        v("fac3", "202201", null, true),
        v("fac3", "202202", null, true),
        v("fac1", "202202", 100),
        v("fac1", "202202", 4),
      ]),
    ).toEqual({ distinct: 4, inserted: 0, updated: 2, deleted: 1, unchanged: 1 });
    expect(await totals("segou")).toEqual(["202201=18/2", "202202=4/1"]);
    expect(await totals("bla")).toEqual([]);
    await rollupsMatchRecomputation();
  });

  it("moves a unit with its values: the old and new ancestors' roll-ups follow", async () => {
    expect(await moveOrgUnit(t.db, ids.get("bla") as number, ids.get("fac1") as number)).toBe(true);
    await moveOrgUnit(t.db, ids.get("bla") as number, ids.get("segou") as number);
    await merge([v("fac3", "202201", 9)]);
    expect(await moveOrgUnit(t.db, ids.get("segou") as number, ids.get("fac3") as number)).toBe(
      false,
    );
    expect(await moveOrgUnit(t.db, ids.get("fac3") as number, ids.get("barou") as number)).toBe(
      true,
    );
    expect(await totals("barou")).toEqual(["202201=27/3", "202202=4/1"]);
    expect(await totals("bla")).toEqual([]);
    const moved = await saveOrgUnits(t.db, [{ ...unit("fac3", "bla") }]);
    expect(moved.moved).toBe(1);
    expect(await totals("bla")).toEqual(["202201=9/1"]);
    expect(await totals("barou")).toEqual(["202201=18/2", "202202=4/1"]);
    await rollupsMatchRecomputation();
  });

  const violation = (error: unknown) => {
    const e = error as { code?: string; constraint?: string };
    return `${e.code} ${e.constraint}`;
  };

  it("refuses to remove a unit, an element or a combo a value names, as the foreign keys did", async () => {
    const fac2 = ids.get("fac2") as number;
    const refused = (q: Promise<unknown>) => q.then(() => "removed", violation);
    expect(await refused(t.db.deleteFrom("org_units").where("id", "=", fac2).execute())).toBe(
      "23503 data_values_org_unit_id_fkey",
    );
    expect(await refused(t.db.deleteFrom("data_elements").where("id", "=", anc).execute())).toBe(
      "23503 data_values_data_element_id_fkey",
    );
    expect(
      await refused(t.db.deleteFrom("category_option_combos").where("id", "=", coc).execute()),
    ).toBe("23503 data_values_coc_id_fkey");
    // A unit whose values were all deleted goes, and its all-zero roll-ups with it.
    await saveOrgUnits(t.db, [unit("gone", "bla")]);
    ids = new Map([...(await orgUnitLookup(t.db))].map(([k, r]) => [k, r.id]));
    await merge([v("gone", "202201", 5)]);
    await merge([v("gone", "202201", null, true)]);
    await t.db
      .deleteFrom("org_units")
      .where("id", "=", ids.get("gone") as number)
      .execute();
    expect(await refused(t.db.deleteFrom("org_units").where("uid", "=", "gone").execute())).toBe(
      "removed",
    );
    await rollupsMatchRecomputation();
  });

  it("writes nothing when a unit the batch names was removed before the merge", async () => {
    await saveOrgUnits(t.db, [unit("brief", "bla")]);
    ids = new Map([...(await orgUnitLookup(t.db))].map(([k, r]) => [k, r.id]));
    const k = String(++key);
    const named = namedRows();
    await stageValues(t, k, [v("brief", "202203", 3), v("fac2", "202203", 4)], named);
    await t.db.deleteFrom("org_units").where("uid", "=", "brief").execute();
    const outcome = await t.db
      .transaction()
      .execute((trx) => mergeStaged(trx, k, null, named))
      .then(
        () => "merged",
        (e: unknown) => (e instanceof NamedRowGone ? e.table : String(e)),
      );
    expect(outcome).toBe("org_units");
    await dropStaged(t.db, k);
    const march = await t.db
      .selectFrom("data_values")
      .where("period", "=", "202203")
      .select("value")
      .execute();
    expect(march).toEqual([]);
  });

  it("holds a removal of a unit the merge names until the merge commits, then refuses it", async () => {
    await saveOrgUnits(t.db, [unit("late", "bla")]);
    ids = new Map([...(await orgUnitLookup(t.db))].map(([k, r]) => [k, r.id]));
    const k = String(++key);
    const named = namedRows();
    await stageValues(t, k, [v("late", "202204", 7)], named);
    let settled = false;
    let removal: Promise<string> | undefined;
    await t.db.transaction().execute(async (trx) => {
      await mergeStaged(trx, k, null, named);
      await dropStaged(trx, k);
      removal = t.db
        .deleteFrom("org_units")
        .where("uid", "=", "late")
        .execute()
        .then(() => "removed", violation)
        .finally(() => {
          settled = true;
        });
      await new Promise((r) => setTimeout(r, 300));
      // Uncommitted values are invisible to the removal: only the lock can hold it back.
      expect(settled).toBe(false);
    });
    expect(await removal).toBe("23503 data_values_org_unit_id_fkey");
  });

  it("sweeps what killed imports and dry runs left in staging, and nothing of a running one", async () => {
    const running = await startBatch(t.db, {
      source: "test",
      actor: "t",
      fileHash: null,
      scope: null,
    });
    const killed = await startBatch(t.db, {
      source: "test",
      actor: "t",
      fileHash: null,
      scope: null,
    });
    const failed = await startBatch(t.db, {
      source: "test",
      actor: "t",
      fileHash: null,
      scope: null,
    });
    await failBatch(t.db, failed, "boom");
    for (const k of [running, killed, failed, "-7", "-8"])
      await stageValues(t, k, [v("fac2", "202205", 1)], namedRows());
    // The killed import and one dry run were staged long ago.
    await sql`update data_value_staging set staged_at = now() - interval '7 hours' where batch_id in (${killed}, -7)`.execute(
      t.db,
    );
    await sql`update import_batches set started_at = now() - interval '7 hours' where id = ${killed}`.execute(
      t.db,
    );
    expect(await sweepStaged(t.db, 6)).toBe(3);
    const left = await t.db
      .selectFrom("data_value_staging")
      .select("batch_id")
      .orderBy("batch_id")
      .execute();
    expect(left.map((r) => String(r.batch_id)).sort()).toEqual(["-8", running].sort());
    const states = await t.db
      .selectFrom("import_batches")
      .select(["id", "state", "error"])
      .where("id", "in", [running, killed])
      .orderBy("id")
      .execute();
    expect(states.map((b) => [b.state, b.error])).toEqual([
      ["running", null],
      ["failed", "interrupted"],
    ]);
    await dropStaged(t.db, running);
    await dropStaged(t.db, "-8");
  });

  it("sweeps the own staging tables killed imports left, and not those of a running one", async () => {
    const batch = () =>
      startBatch(t.db, { source: "test", actor: "t", fileHash: null, scope: null });
    const [running, killed, ended] = [await batch(), await batch(), await batch()];
    await failBatch(t.db, ended, "boom");
    await sql`update import_batches set started_at = now() - interval '7 hours' where id = ${killed}`.execute(
      t.db,
    );
    const own = (key: string) => `data_value_staging_${key.replace("-", "n")}`;
    for (const k of [running, killed, ended, "-17", "-18"]) {
      await sql`create unlogged table ${sql.table(own(k))} (like data_value_staging including defaults)`.execute(
        t.db,
      );
      await sql`
        insert into ${sql.table(own(k))} (batch_id, seq, org_unit_id, data_element_id, period, coc_id,
          aoc_id, bucket, deleted, follow_up)
        values (${k}, 1, 1, 1, '202201', 1, 1, '202201', false, false)`.execute(t.db);
    }
    // Another process's dry run that has made its table and not copied into it yet.
    await sql`create unlogged table ${sql.table(own("-19"))} (like data_value_staging including defaults)`.execute(
      t.db,
    );
    // One dry run staged long ago, one just now.
    await sql`update ${sql.table(own("-17"))} set staged_at = now() - interval '7 hours'`.execute(
      t.db,
    );
    await sweepStaged(t.db, 6);
    const { rows } = await sql<{ name: string }>`
      select relname as name from pg_class
      where relkind = 'r' and relname like 'data\_value\_staging\_%' order by 1`.execute(t.db);
    expect(rows.map((r) => r.name).sort()).toEqual([own(running), own("-18"), own("-19")].sort());
    const state = await t.db
      .selectFrom("import_batches")
      .select(["state", "error"])
      .where("id", "=", killed)
      .executeTakeFirstOrThrow();
    expect([state.state, state.error]).toEqual(["failed", "interrupted"]);
    for (const k of [running, "-18"]) await sql`drop table ${sql.table(own(k))}`.execute(t.db);
  });

  it("finds an element's latest month from the roots' roll-ups and the roots' own values", async () => {
    const latest = await latestMonth(t.db, [anc]);
    const stored = await t.db
      .selectFrom("data_values")
      .select((e) => e.fn.max("bucket").as("m"))
      .where("data_element_id", "=", anc)
      .executeTakeFirstOrThrow();
    expect(latest).toBe(stored.m);
    // A value stored on the country itself, later than every facility's, is found too.
    await merge([v("mali", "203012", 1)]);
    expect(await latestMonth(t.db, [anc])).toBe("203012");
    await merge([v("mali", "203012", null, true)]);
    expect(await latestMonth(t.db, [anc])).toBe(stored.m);
  });
});
