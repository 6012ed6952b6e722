// The analytics catalogue kept between queries (services/health/analytics-catalogue.ts): kept
// while the change feed's version holds, dropped when a write commits (a change of the catalogue
// through the database, heard by the real feed), never kept while the version is unknown, and an
// item it does not hold looked for in the database before a query is refused; the API keeps it
// when the app is given the feed — on PGlite and PostgreSQL.
import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangeFeed } from "../../src/db/changes.ts";
import { saveIndicators } from "../../src/db/health/catalogue.ts";
import { parseAnalyticsQuery } from "../../src/domain/health/analytics-query.ts";
import { createApp } from "../../src/http/app.ts";
import { runAnalytics } from "../../src/services/health/analytics.ts";
import {
  AnalyticsCatalogueCache,
  type CatalogueVersion,
} from "../../src/services/health/analytics-catalogue.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { basic, HEALTH_ACCOUNTS, HEALTH_PASSWORD, loadHealthWorld } from "../support/health-app.ts";

const admin = { kind: "user", userId: 1, role: "admin", partnerId: null, name: "Admin" } as const;
const JAN = "dimension=dx:InAnc1Cov01&dimension=pe:202201&filter=ou:RegSeg00001";
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits until the feed's version is not `from` (PostgreSQL delivers notices asynchronously). */
async function movedFrom(feed: ChangeFeed, from: number | null, within = 3_000): Promise<void> {
  const until = Date.now() + within;
  while (Date.now() < until) {
    const now = feed.version();
    if (now !== null && now !== from) return;
    await sleep(10);
  }
  throw new Error("no notice of the change arrived");
}

/** The statements a Kysely instance sends, as their query trees. */
function recorder() {
  const statements: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      // The statement's tree, table names and raw SQL fragments included.
      statements.push(JSON.stringify(args.node));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return {
    statements,
    log: (db: TestDatabase["db"]) => db.withPlugin(plugin),
    /** How many statements since the last call read the indicators. */
    catalogueReads: () => {
      const n = statements.filter((s) => s.includes("health_indicators")).length;
      statements.length = 0;
      return n;
    },
  };
}

describe.each(backends)("the analytics catalogue kept between queries on %s", (backend) => {
  let t: TestDatabase;
  let feed: ChangeFeed;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadHealthWorld(t);
    feed = await t.watchChanges();
  });
  afterAll(async () => {
    await feed?.close();
    await t?.dispose();
  });

  const query = (q: string) => {
    const parsed = parseAnalyticsQuery(new URLSearchParams(q));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.query;
  };
  const setFactor = (factor: number) =>
    t.db
      .updateTable("health_indicators")
      .set({ factor })
      .where("uid", "=", "InAnc1Cov01")
      .execute();

  it("keeps the catalogue while nothing is written, and reads it again once a change commits", async () => {
    const rec = recorder();
    const db = rec.log(t.db);
    const cache = new AnalyticsCatalogueCache(feed);
    const run = () => runAnalytics(db, { actor: admin }, query(JAN), { catalogue: cache });
    const plain = await runAnalytics(t.db, { actor: admin }, query(JAN));
    expect(plain.rows).toEqual([["InAnc1Cov01", "202201", "80"]]);
    rec.catalogueReads();

    expect(await run()).toEqual(plain);
    expect(rec.catalogueReads()).toBe(1);
    expect(await run()).toEqual(plain);
    // The catalogue and the units kept: the roll-up's read is the only statement.
    expect(rec.statements).toHaveLength(1);
    expect(rec.catalogueReads()).toBe(0);

    // A change of the catalogue, written and committed through the database.
    const before = feed.version();
    await setFactor(1000);
    try {
      await movedFrom(feed, before);
      expect((await run()).rows).toEqual([["InAnc1Cov01", "202201", "800"]]);
      expect(rec.catalogueReads()).toBe(1);
      expect((await run()).rows).toEqual([["InAnc1Cov01", "202201", "800"]]);
      expect(rec.catalogueReads()).toBe(0);
    } finally {
      const restored = feed.version();
      await setFactor(100);
      await movedFrom(feed, restored);
    }
    expect((await run()).rows).toEqual([["InAnc1Cov01", "202201", "80"]]);
    expect(rec.catalogueReads()).toBe(1);
  });

  it("reads a unit again once a change of the tree commits", async () => {
    const cache = new AnalyticsCatalogueCache(feed);
    const q = query(`${JAN.replace("filter=ou", "dimension=ou")}`);
    const run = () => runAnalytics(t.db, { actor: admin }, q, { catalogue: cache });
    expect((await run()).metaData?.items.RegSeg00001?.name).toBe("Ségou");
    const rename = async (name: string) => {
      const before = feed.version();
      await t.db.updateTable("org_units").set({ name }).where("uid", "=", "RegSeg00001").execute();
      await movedFrom(feed, before);
    };
    await rename("Région de Ségou");
    try {
      expect((await run()).metaData?.items.RegSeg00001?.name).toBe("Région de Ségou");
    } finally {
      await rename("Ségou");
    }
  });

  it("keeps nothing while the feed's version is unknown", async () => {
    const rec = recorder();
    const db = rec.log(t.db);
    const cache = new AnalyticsCatalogueCache({ version: () => null });
    for (let i = 0; i < 2; i++) {
      const answer = await runAnalytics(db, { actor: admin }, query(JAN), { catalogue: cache });
      expect(answer.rows).toEqual([["InAnc1Cov01", "202201", "80"]]);
      expect(rec.catalogueReads()).toBe(1);
    }
  });

  it("looks in the database for an item the kept catalogue does not hold before refusing it", async () => {
    // A version that never moves: the notice of the write below has not arrived yet.
    const still: CatalogueVersion = { version: () => 7 };
    const cache = new AnalyticsCatalogueCache(still);
    const run = (q: string) => runAnalytics(t.db, { actor: admin }, query(q), { catalogue: cache });
    await run(JAN);
    await saveIndicators(t.db, [
      {
        uid: "InNewInd001",
        code: "IND_NEW",
        name: "Nouvel indicateur",
        numerator: "#{DeAnc100001}",
        denominator: "1",
        numeratorDescription: null,
        denominatorDescription: null,
        factor: 1,
        decimals: null,
      },
    ]);
    try {
      const answer = await run(JAN.replace("InAnc1Cov01", "InNewInd001"));
      expect(answer.rows).toEqual([["InNewInd001", "202201", "80"]]);
      await expect(run(JAN.replace("InAnc1Cov01", "NOPE"))).rejects.toMatchObject({
        code: "invalid_input",
        details: { field: "NOPE", reason: "unknown_dx_item" },
      });
      await expect(run(JAN.replace("RegSeg00001", "NOPE"))).rejects.toMatchObject({
        code: "invalid_input",
        details: { field: "NOPE", reason: "unknown_org_unit" },
      });
      // A unit asked for before it had that code, then given it.
      const byCode = JAN.replace("RegSeg00001", "SEG_NEW");
      await expect(run(byCode)).rejects.toMatchObject({
        details: { field: "SEG_NEW", reason: "unknown_org_unit" },
      });
      await t.db
        .updateTable("org_units")
        .set({ code: "SEG_NEW" })
        .where("uid", "=", "RegSeg00001")
        .execute();
      expect((await run(byCode)).rows).toEqual([["InAnc1Cov01", "202201", "80"]]);
    } finally {
      await t.db.deleteFrom("health_indicators").where("uid", "=", "InNewInd001").execute();
      await t.db
        .updateTable("org_units")
        .set({ code: "OU_RegSeg00001" })
        .where("uid", "=", "RegSeg00001")
        .execute();
    }
  });

  it("is kept by the API when the app is given the feed", async () => {
    const rec = recorder();
    const app = createApp({
      db: rec.log(t.db),
      secureCookies: false,
      baseUrl: "http://jalon.test",
      changes: feed,
    });
    const get = async () => {
      const res = await app.request(`/api/analytics?${JAN}`, {
        headers: { authorization: basic(HEALTH_ACCOUNTS.admin, HEALTH_PASSWORD) },
      });
      expect(res.status).toBe(200);
      return (await res.json()).rows;
    };
    await get();
    rec.catalogueReads();
    expect(await get()).toEqual([["InAnc1Cov01", "202201", "80"]]);
    expect(rec.catalogueReads()).toBe(0);
    const before = feed.version();
    await setFactor(10);
    try {
      await movedFrom(feed, before);
      expect(await get()).toEqual([["InAnc1Cov01", "202201", "8"]]);
      expect(rec.catalogueReads()).toBe(1);
    } finally {
      const restored = feed.version();
      await setFactor(100);
      await movedFrom(feed, restored);
    }
  });
});
