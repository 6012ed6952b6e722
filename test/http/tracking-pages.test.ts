// The tracking panel cut into pages of partners: each partner on exactly one page, in category
// and name order; the counts and rates over every partner on each page; plain ?page= links; a
// page beyond the last is a 404; a reminder's redirect lands on the page that lists its partner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { PARTNERS_PER_PAGE } from "../../src/services/tracker/tracking.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { scaleWorld } from "../support/scale.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

const PAGE = "/manage/cycles/2023/tracking";

/** The partners' slugs on a page, in the order it lists them. */
const rows = (page: string) => [...page.matchAll(/<tr id="p-([a-z0-9-]+)">/g)].map((m) => m[1]);
/** What is counted over every partner: the steps' counts and the rates' section. */
const totals = (page: string) => ({
  counts: /<ul class="counts">[\s\S]*?<\/ul>/.exec(page)?.[0],
  rates: /<section class="card" aria-labelledby="rate">[\s\S]*?<\/section>/.exec(page)?.[0],
});

describe.each(backends)("tracking pages on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestClient;
  const html = async (path: string) => {
    const res = await coordinator.get(path);
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
  }, 120_000);
  afterAll(() => t.dispose());

  it("lists every partner on one page, without page links, while they fit", async () => {
    const one = await html(PAGE);
    expect(rows(one.text).length).toBeLessThanOrEqual(PARTNERS_PER_PAGE);
    expect(one.text).not.toContain('class="pager"');
    expect((await html(`${PAGE}?page=1`)).text).toContain(rows(one.text)[0] ?? "?");
    expect((await html(`${PAGE}?page=2`)).status).toBe(404);
  });

  it("shows a page of partners at a time, the counts over all of them on each", async () => {
    const before = rows((await html(PAGE)).text);
    // Enough copies of every partner for more than one page.
    const factor = Math.floor(PARTNERS_PER_PAGE / before.length) + 1;
    await scaleWorld(t.db, factor);
    const partners = factor * before.length;
    expect(partners).toBeGreaterThan(PARTNERS_PER_PAGE);
    expect(partners).toBeLessThanOrEqual(2 * PARTNERS_PER_PAGE);
    const first = await html(PAGE);
    const second = await html(`${PAGE}?page=2`);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(rows(first.text)).toHaveLength(PARTNERS_PER_PAGE);
    expect(rows(second.text)).toHaveLength(partners - PARTNERS_PER_PAGE);
    expect(new Set([...rows(first.text), ...rows(second.text)]).size).toBe(partners);
    // The original partners keep their order among the copies.
    const all = [...rows(first.text), ...rows(second.text)];
    expect(all.filter((s) => before.includes(s))).toEqual(before);

    expect(totals(second.text)).toEqual(totals(first.text));
    const counted = [...(totals(first.text).counts ?? "").matchAll(/<li><b>(\d+)<\/b>/g)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
    expect(counted).toBe(partners);

    expect(first.text).toContain("Page 1 sur 2");
    expect(first.text).toContain(`href="${PAGE}?page=2" rel="next"`);
    expect(second.text).toContain(`href="${PAGE}" rel="prev"`);
    expect(second.text).not.toContain('rel="next"');
  });

  it("answers a page beyond the last, or no page at all, with a 404", async () => {
    const beyond = await html(`${PAGE}?page=3`);
    expect(beyond.status).toBe(404);
    expect(beyond.text).toContain("Cette liste n’a pas de page «\u00a03\u00a0»");
    expect(beyond.text).toContain(`<a href="${PAGE}">Première page de la liste</a>`);
    for (const bad of ["0", "x", ""]) expect((await html(`${PAGE}?page=${bad}`)).status).toBe(404);
  });

  it("comes back after a reminder to the page listing its partner, with the notice in its row", async () => {
    const last = rows((await html(`${PAGE}?page=2`)).text).at(-1) ?? "";
    const res = await coordinator.post(`${PAGE}/partners/${last}/remind`, {});
    expect(res.status).toBe(303);
    const landing = (await html(res.headers.get("location") ?? "")).text;
    expect(landing).toContain("Page 2 sur 2");
    expect(landing).toMatch(
      new RegExp(`<tr id="p-${last}">[\\s\\S]*?role="status"[\\s\\S]*?</tr>`),
    );
  });
});
