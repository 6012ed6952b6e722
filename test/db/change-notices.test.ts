// Notices of committed changes (migration 0039, src/db/changes.ts): every table pages read
// announces its writes at commit, from whichever connection; a rolled-back write announces
// nothing; the tables left out (sessions, jobs, the import's working tables) stay quiet; and a
// feed whose listening connection is lost says so (no version) until it listens again.
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangeFeed } from "../../src/db/changes.ts";
import { UNWATCHED_TABLES } from "../../src/db/migrations/0039_change_notices.ts";
import { backends, freshDatabase, postgresUrl, type TestDatabase } from "../support/database.ts";

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits until the feed's version is not `from` (PostgreSQL delivers notices asynchronously). */
async function movedFrom(feed: ChangeFeed, from: number | null, within = 3_000): Promise<boolean> {
  const until = Date.now() + within;
  while (Date.now() < until) {
    const now = feed.version();
    if (now !== null && now !== from) return true;
    await sleep(10);
  }
  return false;
}

describe.each(backends)("notices of committed changes on %s", (backend) => {
  let t: TestDatabase;
  let feed: ChangeFeed;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    feed = await t.watchChanges();
  });
  afterAll(async () => {
    await feed?.close();
    await t?.dispose();
  });

  const addConstant = (name: string) =>
    t.db.insertInto("constants").values({ name, value: 1 }).execute();

  it("puts the trigger on every table but the ones left out", async () => {
    const { rows } = await sql<{ name: string; watched: boolean }>`
      select c.relname as name, exists (
        select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'jalon_change_notice'
      ) as watched
      from pg_class c
      where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
        and c.relname not like 'kysely_%'
      order by c.relname
    `.execute(t.db);
    const unwatched = new Set<string>(UNWATCHED_TABLES);
    const wrong = rows.filter((r) => r.watched === unwatched.has(r.name)).map((r) => r.name);
    expect(wrong).toEqual([]);
    expect(rows.length).toBeGreaterThan(60);
    // Every name left out is a table of the schema (no stale name hides a new one).
    const names = new Set(rows.map((r) => r.name));
    expect(UNWATCHED_TABLES.filter((name) => !names.has(name))).toEqual([]);
  });

  it("moves the version when a write commits, and not when it is rolled back", async () => {
    const before = feed.version();
    expect(before).not.toBeNull();
    await addConstant("notice-a");
    if (backend === "pglite") expect(feed.version()).not.toBe(before);
    expect(await movedFrom(feed, before)).toBe(true);

    const settled = feed.version();
    await t.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto("constants").values({ name: "notice-b", value: 2 }).execute();
        throw new Error("undo");
      })
      .catch(() => {});
    expect(await movedFrom(feed, settled, 400)).toBe(false);
  });

  it("stays quiet for the tables left out", async () => {
    await sleep(100);
    const before = feed.version();
    await sql`insert into throttle_events (bucket, key, at) values ('test', 'notice', now())`.execute(
      t.db,
    );
    expect(await movedFrom(feed, before, 400)).toBe(false);
  });

  it("counts a change this process announces before its notice", () => {
    const before = feed.version() ?? 0;
    feed.bump();
    expect(feed.version()).toBe(before + 1);
  });
});

// Only PostgreSQL has other connections and a listener of its own that can be lost.
describe.runIf(postgresUrl)(
  "notices of committed changes from other connections on postgres",
  () => {
    let t: TestDatabase;
    let feed: ChangeFeed;
    beforeAll(async () => {
      t = await freshDatabase("postgres");
      feed = await t.watchChanges();
    });
    afterAll(async () => {
      await feed?.close();
      await t?.dispose();
    });

    it("hears writes from another connection, and says when it may have missed some", async () => {
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
        t.db,
      );
      const schema = rows[0]?.schema ?? "";
      const other = new pg.Client({ connectionString: postgresUrl });
      await other.connect();
      try {
        const before = feed.version();
        await other.query(`insert into ${schema}.constants (name, value) values ('notice-c', 3)`);
        expect(await movedFrom(feed, before)).toBe(true);

        // Another schema's writes are not this feed's.
        await other.query("create schema if not exists jalon_notice_other");
        const quiet = feed.version();
        await other.query("select pg_notify('jalon_changes', 'jalon_notice_other')");
        expect(await movedFrom(feed, quiet, 400)).toBe(false);
        await other.query("drop schema jalon_notice_other");

        // The listening connection dies: no version until it listens again, then a new one.
        const lastKnown = feed.version();
        await other.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen jalon_changes' and pid <> pg_backend_pid()",
        );
        const until = Date.now() + 3_000;
        while (feed.version() !== null && Date.now() < until) await sleep(5);
        expect(feed.version()).toBeNull();
        expect(await movedFrom(feed, lastKnown, 5_000)).toBe(true);
      } finally {
        await other.end();
      }
    });
  },
);
