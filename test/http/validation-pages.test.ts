// The validation step cut into pages of answers: every answer on exactly one page, in the same
// order as on one long page; the counts over the whole cycle on every page; plain ?page= links;
// a page beyond the last is a 404 that links to the first; a form sent comes back to its page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { ANSWERS_PER_PAGE } from "../../src/services/tracker/validation.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

const PAGE = "/manage/cycles/2022/validation";

/** The answers' ids on a page, in the order it shows them. */
const answerIds = (page: string) =>
  [...page.matchAll(/<article class="answer" id="a-(\d+)"/g)].map((m) => Number(m[1]));
/** The indicators' sections on a page, by code. */
const sections = (page: string) =>
  [...page.matchAll(/<section class="card review" id="i-([a-z]+)"/g)].map((m) => m[1]);

describe.each(backends)("validation pages on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestClient;
  let total = 0;
  const html = async (path: string) => {
    const res = await coordinator.get(path);
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    const cycle = await t.db
      .selectFrom("cycles")
      .select("id")
      .where("slug", "=", "2022")
      .executeTakeFirstOrThrow();
    const { n } = await t.db
      .selectFrom("responses")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("cycle_id", "=", cycle.id)
      .executeTakeFirstOrThrow();
    total = Number(n);
  }, 120_000);
  afterAll(() => t.dispose());

  it("shows a page of answers at a time, each answer once, with links between the pages", async () => {
    // The demo's 2022 cycle holds more answers than one page and fewer than three.
    expect(total).toBeGreaterThan(ANSWERS_PER_PAGE);
    expect(total).toBeLessThanOrEqual(2 * ANSWERS_PER_PAGE);
    const first = await html(PAGE);
    const second = await html(`${PAGE}?page=2`);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(answerIds(first.text)).toHaveLength(ANSWERS_PER_PAGE);
    expect(answerIds(second.text)).toHaveLength(total - ANSWERS_PER_PAGE);
    const all = [...answerIds(first.text), ...answerIds(second.text)];
    expect(new Set(all).size).toBe(total);

    expect(first.text).toContain("Page 1 sur 2");
    expect(first.text).toContain(`href="${PAGE}?page=2" rel="next"`);
    expect(first.text).not.toContain('rel="prev"');
    expect(second.text).toContain("Page 2 sur 2");
    // The first page keeps its address without a number.
    expect(second.text).toContain(`href="${PAGE}" rel="prev"`);
    expect(second.text).not.toContain('rel="next"');
    expect(first.text).toContain("<title>Validation – Janvier – décembre 2022 – Page 1 sur 2");
    // ?page=1 is the first page too.
    expect(answerIds((await html(`${PAGE}?page=1`)).text)).toEqual(answerIds(first.text));
  });

  it("keeps the counts and the index over the whole cycle on every page", async () => {
    const first = (await html(PAGE)).text;
    const second = (await html(`${PAGE}?page=2`)).text;
    const progress = (page: string) => /Indicateurs évalués\u00a0: \d+ sur \d+/.exec(page)?.[0];
    expect(progress(first)).toBeDefined();
    expect(progress(second)).toBe(progress(first));
    // The index names every indicator on both pages; those of the other page link to it.
    const index = (page: string) => [...page.matchAll(/#i-([a-z]+)"><b>/g)].map((m) => m[1]);
    expect(index(second)).toEqual(index(first));
    const onFirst = sections(first);
    const onSecond = sections(second);
    expect(new Set([...onFirst, ...onSecond])).toEqual(new Set(index(first)));
    for (const code of onSecond.filter((c) => !onFirst.includes(c)))
      expect(first).toContain(`href="${PAGE}?page=2#i-${code}"`);
    // One indicator runs over both pages: its count is its whole count on each.
    const split = onFirst.filter((c) => onSecond.includes(c));
    expect(split).toHaveLength(1);
    const code = split[0] ?? "";
    const countOn = (page: string) =>
      Number(
        new RegExp(`id="i-${code}"[\\s\\S]*?Réponses des partenaires \\((\\d+)\\)`).exec(page)?.[1],
      );
    expect(countOn(first)).toBe(countOn(second));
    const shownOn = (page: string) =>
      new RegExp(`id="i-${code}"[\\s\\S]*?Sur cette page\u00a0: réponses (\\d+)–(\\d+) sur (\\d+)`)
        .exec(page)
        ?.slice(1)
        .map(Number);
    const [from1, to1, of1] = shownOn(first) ?? [];
    const [from2, to2, of2] = shownOn(second) ?? [];
    expect(from1).toBe(1);
    expect(from2).toBe((to1 ?? 0) + 1);
    expect(to2).toBe(countOn(first));
    expect([of1, of2]).toEqual([countOn(first), countOn(first)]);
    expect(first).toContain(`href="${PAGE}?page=2#i-${code}">La suite des réponses`);
  });

  it("answers a page beyond the last, or no page at all, with a 404 naming it", async () => {
    const beyond = await html(`${PAGE}?page=3`);
    expect(beyond.status).toBe(404);
    expect(beyond.text).toContain("Cette liste n’a pas de page «\u00a03\u00a0»");
    expect(beyond.text).toContain(`<a href="${PAGE}">Première page de la liste</a>`);
    for (const bad of ["0", "-1", "deux", "1.5", ""])
      expect((await html(`${PAGE}?page=${bad}`)).status, bad).toBe(404);
  });

  it("comes back to the page of an answer or of an indicator's status form", async () => {
    const second = (await html(`${PAGE}?page=2`)).text;
    const last = answerIds(second).at(-1);
    const onAnswer = await html(`${PAGE}?answer=${last}`);
    expect(onAnswer.text).toContain("Page 2 sur 2");
    expect(answerIds(onAnswer.text)).toContain(last);
    const code = sections(second).at(-1);
    expect((await html(`${PAGE}?saved=i-${code}`)).text).toContain("Page 2 sur 2");
    expect((await html(`${PAGE}?saved=meeting`)).text).toContain("Page 1 sur 2");
  });

  it("sets an indicator's status on the last page its answers run over", async () => {
    // The same answers in a cycle that is still being validated, so that the forms are shown.
    await t.db
      .updateTable("cycles")
      .set({ state: "validation", published_at: null })
      .where("slug", "=", "2022")
      .execute();
    const first = (await html(PAGE)).text;
    const second = (await html(`${PAGE}?page=2`)).text;
    const code = sections(first).filter((c) => sections(second).includes(c))[0] ?? "";
    const form = `action="${PAGE}/indicators/${code}#i-${code}"`;
    expect(first).not.toContain(form);
    expect(second).toContain(form);
    // A status sent with an error comes back on that page, with what was typed.
    const res = await coordinator.post(`${PAGE}/indicators/${code}`, {
      status: "off_track",
      narrative: "",
    });
    expect(res.status).toBe(400);
    const back = await res.text();
    expect(back).toContain("Page 2 sur 2");
    expect(back).toContain(form);
    const saved = await coordinator.post(`${PAGE}/indicators/${code}`, { status: "achieved" });
    expect(saved.status).toBe(303);
    const landing = (await html(saved.headers.get("location") ?? "")).text;
    expect(landing).toContain("Page 2 sur 2");
    expect(landing).toContain('role="status"');
  });
});
