// A migration that fails leaves the database as it was, on both stores: on the previous
// release's database upgraded to this code's schema, a migration appended after the real ones
// that changes schema and data and then fails keeps none of it (tables, rows, the migrations'
// table), nor does a run keep the good migrations before its failing one; the error names the
// migration and the cause, and `jalon migrate` says so in the user's language. A database a newer
// release migrated is refused as such, unchanged, and the backup taken before that upgrade
// brings it back.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connect.ts";
import {
  MigrationError,
  migrateToLatest,
  migrateUpTo,
  migrationSet,
  NewerSchemaError,
  pendingMigrations,
} from "../../src/db/migrate.ts";
import { VERSION } from "../../src/domain/shared/release.ts";
import { main } from "../../src/main.ts";
import { backupToFile, restoreFromFile } from "../../src/services/shared/backup.ts";
import { capture } from "../support/cli.ts";
import { backends, blankDatabase, type TestDatabase } from "../support/database.ts";
import { releaseDatabase } from "../support/release-fixture.ts";
import { snapshotOf } from "../support/schema.ts";
import { plain } from "../support/text.ts";

/** Changes schema and data the way a real migration would, then fails on a SQL error. */
const halfDone: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table upgrade_notes (id serial primary key, body text not null)`.execute(db);
    await sql`insert into upgrade_notes (body) values ('written before the failure')`.execute(db);
    await sql`alter table partners add column upgrade_rank integer`.execute(db);
    await sql`update partners set name = name || ' (renamed)', upgrade_rank = id`.execute(db);
    await sql`drop index if exists data_values_batch_idx`.execute(db);
    await sql`delete from sessions`.execute(db);
    await sql`select 1 / (select count(*) - count(*) from partners)`.execute(db);
  },
};

/** A migration that works on its own. */
const fine: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table upgrade_marks (id serial primary key)`.execute(db);
    await sql`update cycles set label = label || ' *'`.execute(db);
  },
};

describe.each(backends)("a failing migration on %s", (backend) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await releaseDatabase(backend);
    await migrateToLatest(t.db);
  }, 60_000);
  afterAll(() => t?.dispose());

  it("keeps nothing of what it did, and names itself and the cause", async () => {
    const before = await snapshotOf(t);
    expect(before.rows.partners?.length).toBeGreaterThan(10);
    const failing = migrateToLatest(t.db, { ...migrationSet(), "9998_half_done": halfDone });
    await expect(failing).rejects.toBeInstanceOf(MigrationError);
    await expect(failing).rejects.toMatchObject({
      migration: "9998_half_done",
      undone: [],
      message: "migration 9998_half_done failed: division by zero",
    });
    expect(await snapshotOf(t)).toEqual(before);
    expect(await pendingMigrations(t.db)).toEqual([]);
  });

  it("keeps none of the run's migrations that came before the failing one", async () => {
    const before = await snapshotOf(t);
    const failing = migrateToLatest(t.db, {
      ...migrationSet(),
      "9997_fine": fine,
      "9998_half_done": halfDone,
    });
    await expect(failing).rejects.toMatchObject({
      migration: "9998_half_done",
      undone: ["9997_fine"],
    });
    expect(await snapshotOf(t)).toEqual(before);
    // The first one alone applies, and its work shows: the comparison above could have failed.
    expect(await migrateToLatest(t.db, { ...migrationSet(), "9997_fine": fine })).toEqual({
      applied: ["9997_fine"],
    });
    expect(await snapshotOf(t)).not.toEqual(before);
  });
});

/** What a newer release's migration would do. */
const future: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table future_things (id serial primary key)`.execute(db);
    await sql`alter table partners add column future_rank integer`.execute(db);
  },
};

describe.each(backends)("a database a newer release migrated, on %s", (backend) => {
  let t: TestDatabase;
  let dir = "";
  beforeAll(async () => {
    t = await releaseDatabase(backend);
    await migrateToLatest(t.db);
    dir = await mkdtemp(join(tmpdir(), "jalon-newer-"));
  }, 60_000);
  afterAll(async () => {
    await t?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("is refused unchanged, and the backup from before that upgrade restores", async () => {
    const file = join(dir, "before-upgrade.jalon.gz");
    await backupToFile(t, file, VERSION);
    const original = await snapshotOf(t);
    await migrateToLatest(t.db, { ...migrationSet(), "9999_future": future });
    const upgraded = await snapshotOf(t);

    const refused = migrateToLatest(t.db);
    await expect(refused).rejects.toBeInstanceOf(NewerSchemaError);
    await expect(refused).rejects.toMatchObject({ unknown: ["9999_future"] });
    expect(await snapshotOf(t)).toEqual(upgraded);

    expect(await restoreFromFile(t, file, { force: true })).toMatchObject({ ok: true });
    const restored = await snapshotOf(t);
    expect(restored.schema).toEqual(original.schema);
    // Every row is the one the backup held, but the restore's own line in the audit log and the
    // migrations' times (a restore applies them again).
    const { audit_log: auditAfter, kysely_migration: ranAfter, ...rowsAfter } = restored.rows;
    const { audit_log: auditBefore, kysely_migration: ranBefore, ...rowsBefore } = original.rows;
    expect(rowsAfter).toEqual(rowsBefore);
    expect(auditAfter?.slice(0, auditBefore?.length)).toEqual(auditBefore);
    const names = (rows: string[] = []) => rows.map((r) => JSON.parse(r).name);
    expect(names(ranAfter)).toEqual(names(ranBefore));
    expect(await pendingMigrations(t.db)).toEqual([]);
  }, 60_000);
});

describe.each(backends)("jalon migrate when a migration fails on %s", (backend) => {
  const temps: string[] = [];
  afterAll(async () => {
    for (const dir of temps) await rm(dir, { recursive: true, force: true });
  });

  it("says which one and why, in the user's language, and changes nothing", async () => {
    // A database one migration behind, where someone made by hand a table the next one creates.
    let env: Record<string, string>;
    let reopen: () => Promise<TestDatabase>;
    let scratch: TestDatabase | undefined;
    if (backend === "pglite") {
      const data = await mkdtemp(join(tmpdir(), "jalon-failed-upgrade-"));
      temps.push(data);
      const opened = await openDatabase({ kind: "pglite", dataDir: data });
      scratch = { ...opened, dispose: () => opened.close() };
      env = { JALON_DATA_DIR: data, JALON_LANG: "en" };
      reopen = async () => {
        const again = await openDatabase({ kind: "pglite", dataDir: data });
        return { ...again, dispose: () => again.close() };
      };
    } else {
      const blank = await blankDatabase("postgres");
      scratch = blank;
      const schema = await sql<{ name: string }>`select current_schema() as name`.execute(blank.db);
      const url = new URL(process.env.JALON_TEST_DATABASE_URL ?? "");
      url.searchParams.set("options", `-c search_path=${schema.rows[0]?.name}`);
      env = { DATABASE_URL: url.toString(), JALON_LANG: "en" };
      reopen = async () => blank;
    }
    const setUp = scratch;
    await migrateUpTo(setUp.db, "0025_testimonials");
    await sql`create table programme_publications (note text)`.execute(setUp.db);
    const before = await snapshotOf(setUp);
    if (backend === "pglite") await setUp.dispose();

    const c = capture(plain);
    expect(await main(["migrate"], env, c.io)).toBe(1);
    expect(c.err).toEqual([
      'Migration 0026_programme_publication failed: relation "programme_publications" already exists. No migration of this upgrade was kept: the database is as it was. Keep the previous release of Jalon running, and report this message.',
    ]);

    const after = await reopen();
    try {
      expect(await snapshotOf(after)).toEqual(before);
    } finally {
      await after.dispose();
    }
  }, 60_000);
});
