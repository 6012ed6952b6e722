// Public pages kept for anonymous readers (src/http/shared/page-cache.ts): the second request of
// a page sends no SQL and gets the same bytes, gzipped or not as asked, with an ETag that turns
// into a 304; a change committed by any connection is seen on the next request (at once on the
// embedded database, as soon as its notice arrives on PostgreSQL); a write through the app is
// counted before its answer leaves; signed-in readers, pages with a form and other languages
// never get another reader's bytes; and the store stays within its bytes.
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangeFeed } from "../../src/db/changes.ts";
import { createApp } from "../../src/http/app.ts";
import { PageCache } from "../../src/http/shared/page-cache.ts";
import { signIn } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { statementCounter } from "../support/statements.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe.each(backends)("public pages kept for anonymous readers on %s", (backend) => {
  let t: TestDatabase;
  let feed: ChangeFeed;
  let cache: PageCache;
  let app: ReturnType<typeof createApp>;
  const counter = statementCounter();

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await collectionWorld(t);
    feed = await t.watchChanges();
    cache = new PageCache(feed);
    app = createApp({
      db: t.db.withPlugin(counter.plugin),
      secureCookies: false,
      baseUrl: "http://jalon.test",
      pageCache: cache,
    });
  });
  afterAll(async () => {
    await feed?.close();
    await t?.dispose();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(path, { headers });

  it("answers the second request of a page from memory, with the same bytes", async () => {
    const first = await get("/partners/psi");
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain("PSI");
    counter.reset();
    const second = await get("/partners/psi");
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(html);
    expect(counter.count()).toBe(0);
    expect(second.headers.get("content-type")).toMatch(/^text\/html/);
    expect(second.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(second.headers.get("cache-control")).toBe("no-cache");

    const zipped = await get("/partners/psi", { "Accept-Encoding": "gzip, deflate" });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString("utf8")).toBe(html);
    const tag = zipped.headers.get("etag") ?? "";
    expect(tag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    const unchanged = await get("/partners/psi", {
      "Accept-Encoding": "gzip",
      "If-None-Match": tag,
    });
    expect(unchanged.status).toBe(304);
    expect(counter.count()).toBe(0);
  });

  it("shows a change committed by any connection on the next request", async () => {
    const before = await (await get("/partners/psi")).text();
    expect(before).not.toContain("Services de Population");
    await t.db
      .updateTable("partners")
      .set({ name: "Services de Population (nouveau nom)" })
      .where("slug", "=", "psi")
      .execute();
    // The embedded database announces the change before the write returns; PostgreSQL's notice
    // comes on the listening connection a moment later.
    let after = await (await get("/partners/psi")).text();
    for (let i = 0; backend === "postgres" && i < 100 && !after.includes("nouveau nom"); i++) {
      await sleep(20);
      after = await (await get("/partners/psi")).text();
    }
    expect(after).toContain("Services de Population (nouveau nom)");
  });

  it("counts a write made through the app before its answer leaves", async () => {
    const coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    await coordinator.get("/manage/acronyms");
    const before = feed.version() ?? 0;
    const res = await coordinator.post("/manage/acronyms", {
      acronym: "ZQX",
      expansion: "Sigle de l’essai du cache",
    });
    expect(res.status).toBeLessThan(400);
    expect(feed.version()).toBeGreaterThan(before);
  });

  it("never gives a signed-in reader's page to anyone, nor another reader's to them", async () => {
    const anonymous = await (await get("/")).text();
    expect(anonymous).not.toContain("Se déconnecter");
    const coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    const own = await (await coordinator.get("/")).text();
    expect(own).toContain("Se déconnecter");
    expect(await (await get("/")).text()).toBe(anonymous);
    expect(await (await coordinator.get("/")).text()).toContain("Se déconnecter");
  });

  it("keeps each language and each address apart, and never a page with a form", async () => {
    const fr = await (await get("/cycles/2022/synthesis")).text();
    const en = await (await get("/cycles/2022/synthesis", { "Accept-Language": "en" })).text();
    expect(fr).toContain('lang="fr"');
    expect(en).toContain('lang="en"');
    expect(await (await get("/cycles/2022/synthesis")).text()).toBe(fr);
    const search = await (await get("/partners?q=psi")).text();
    const all = await (await get("/partners")).text();
    expect(search).not.toBe(all);
    // A search, or an address with a parameter no page reads, is rendered and never kept.
    const pages = cache.stats().pages;
    counter.reset();
    await get("/partners?q=psi");
    await get("/partners?q=psi");
    await get("/partners?utm_source=x");
    await get("/partners?page=1&page=1");
    expect(counter.count()).toBeGreaterThan(0);
    expect(cache.stats().pages).toBe(pages);
    // A page number is part of the address kept.
    await get("/partners?page=1");
    counter.reset();
    expect((await get("/partners?page=1")).status).toBe(200);
    expect(counter.count()).toBe(0);
    // The sign-in page carries a form token: rendered for each reader, its cookie with it.
    const kept = cache.stats().pages;
    const login = await get("/login");
    expect(login.headers.get("set-cookie")).toBeTruthy();
    expect((await get("/login")).headers.get("set-cookie")).toBeTruthy();
    expect(cache.stats().pages).toBe(kept);
  });
});

describe("the page store's bound", () => {
  it("drops the least recently used pages beyond its bytes, and none is kept across a change", () => {
    let version = 1;
    const cache = new PageCache(
      { version: () => version, bump: () => (version += 1) },
      { maxBytes: 40_000 },
    );
    // Pages of random bytes (gzip cannot shrink them): about 4 fit in 40 000 bytes.
    const page = () => crypto.getRandomValues(new Uint8Array(4_000));
    for (let i = 0; i < 8; i++) cache.set(`/p${i}`, 1, "text/html", page());
    expect(cache.stats().bytes).toBeLessThanOrEqual(40_000);
    expect(cache.get("/p0", 1)).toBeUndefined();
    expect(cache.get("/p7", 1)).toBeDefined();
    cache.changed();
    expect(cache.get("/p7", cache.version() ?? 0)).toBeUndefined();
    // A page too large for a quarter of the store is not kept at all.
    cache.set("/big", version, "text/html", crypto.getRandomValues(new Uint8Array(20_000)));
    expect(cache.get("/big", version)).toBeUndefined();
  });
});
