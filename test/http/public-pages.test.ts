// The public lists cut into pages, on the demo grown twentyfold: a commitment's contributions,
// the partner directory (with its search) and a building block's contributors, 50 rows a page in French and English, the counts over
// every row on every page, page 2 going on where page 1 stopped, a page beyond the last a 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listResponses } from "../../src/db/tracker/responses.ts";
import { loadDemo } from "../../src/demo/load.ts";
import { isPublishedContribution } from "../../src/domain/tracker/publication.ts";
import { PUBLIC_ANSWER_STATES } from "../../src/domain/tracker/response.ts";
import { createApp } from "../../src/http/app.ts";
import { PARTNERS_PER_PAGE } from "../../src/services/tracker/partners.ts";
import { CONTRIBUTIONS_PER_PAGE } from "../../src/services/tracker/scorecard.ts";
import {
  BLOCK_PARTNERS_PER_PAGE,
  BLOCK_PARTNERS_SHOWN,
} from "../../src/services/tracker/synthesis.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { scaleWorld } from "../support/scale.ts";

const COMMITMENT = "/cycles/2022/commitments/1";
const SCALE = 20;
/** A number as the pages print it: groups of three with a narrow no-break space in French. */
const fr = (n: number) => n.toLocaleString("fr-FR").replaceAll("\u00a0", "\u202f");
const en = (n: number) => n.toLocaleString("en-GB");

/** The rows of a commitment page: each contribution's rank and partner, in the page's order. */
const contributionRows = (page: string) =>
  [
    ...page.matchAll(
      /<td class="n" [^>]*>(\d+)<\/td>\s*<td [^>]*><b><a href="\/partners\/([^"]+)"/g,
    ),
  ].map((m) => `${m[1]} ${m[2]}`);
/** The partners a directory page lists, in order. */
const directoryRows = (page: string) =>
  [...page.matchAll(/<li><span><a href="\/partners\/([^"]+)"><b>/g)].map((m) => m[1]);

describe.each(backends)("public lists in pages on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  /** Each indicator of commitment 1 (by code), its published contributions' partner slugs. */
  let expected: { code: string; slugs: string[] }[] = [];
  let partnerCount = 0;
  /** Each building block's contributors in 2022 (slugs), and every contributor. */
  let blocks = new Map<string, Set<string>>();
  let contributors = new Set<string>();

  const get = async (path: string, lang: "fr" | "en" = "fr") => {
    const res = await app.request(path, { headers: { cookie: `jalon_lang=${lang}` } });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadDemo(t, { reset: false });
    await scaleWorld(t.db, SCALE);
    app = createApp({
      db: t.db,
      secureCookies: false,
      baseUrl: "http://jalon.test",
    });
    // The expected contributions, told by the domain's rule over every answer read whole.
    const cycle = await t.db
      .selectFrom("cycles")
      .select("id")
      .where("slug", "=", "2022")
      .executeTakeFirstOrThrow();
    const indicators = await t.db
      .selectFrom("indicators as i")
      .innerJoin("commitments as c", "c.id", "i.commitment_id")
      .select(["i.id", "i.code"])
      .where("c.number", "=", 1)
      .orderBy("i.position")
      .execute();
    const partners = await t.db.selectFrom("partners").select(["id", "slug"]).execute();
    partnerCount = partners.length;
    const slugOf = new Map(partners.map((p) => [p.id, p.slug]));
    const answers = await listResponses(t.db, {
      cycleIds: [cycle.id],
      states: PUBLIC_ANSWER_STATES,
      indicatorIds: indicators.map((i) => i.id),
    });
    const yes = await t.db
      .selectFrom("responses as r")
      .innerJoin("indicators as i", "i.id", "r.indicator_id")
      .innerJoin("partners as p", "p.id", "r.partner_id")
      .select(["p.slug", "i.building_blocks"])
      .where("r.cycle_id", "=", cycle.id)
      .where("r.contributes", "=", "yes")
      .where("r.state", "in", [...PUBLIC_ANSWER_STATES])
      .execute();
    blocks = new Map();
    for (const r of yes)
      for (const b of r.building_blocks) blocks.set(b, (blocks.get(b) ?? new Set()).add(r.slug));
    contributors = new Set(yes.map((r) => r.slug));
    expected = indicators.map((i) => ({
      code: i.code,
      slugs: answers
        .filter((r) => r.indicatorId === i.id && isPublishedContribution(r))
        .sort((a, b) => a.id - b.id)
        .map((r) => slugOf.get(r.partnerId) ?? "?"),
    }));
  }, 240_000);
  afterAll(() => t.dispose());

  it("prints a commitment's contributions 50 at a time, every one once, in order", async () => {
    const all = expected.flatMap((i) => i.slugs);
    expect(all.length).toBeGreaterThan(2 * CONTRIBUTIONS_PER_PAGE);
    const count = Math.ceil(all.length / CONTRIBUTIONS_PER_PAGE);
    const rows: string[] = [];
    for (let n = 1; n <= count; n++) {
      const page = await get(n === 1 ? COMMITMENT : `${COMMITMENT}?page=${n}`);
      expect(page.status).toBe(200);
      const own = contributionRows(page.text);
      expect(own).toHaveLength(n < count ? CONTRIBUTIONS_PER_PAGE : all.length - rows.length);
      expect(page.text).toContain(`Page ${n} sur ${count}`);
      rows.push(...own);
    }
    // Each indicator's rows are numbered from 1, one indicator after the other.
    expect(rows).toEqual(expected.flatMap((i) => i.slugs.map((s, k) => `${k + 1} ${s}`)));
  });

  it("counts every contribution of each indicator on every page, in French and English", async () => {
    const [first] = expected;
    if (!first) throw new Error("no indicator");
    expect(first.slugs.length).toBeGreaterThan(CONTRIBUTIONS_PER_PAGE);
    const one = (await get(COMMITMENT)).text;
    const two = (await get(`${COMMITMENT}?page=2`)).text;
    for (const page of [one, two])
      for (const i of expected)
        expect(page).toContain(`Contributions des partenaires (${fr(i.slugs.length)})`);
    expect(one).toContain(
      `Sur cette page\u00a0: contributions 1–50 sur ${fr(first.slugs.length)}.`,
    );
    expect(two).toContain(
      `Sur cette page\u00a0: contributions 51–${Math.min(100, first.slugs.length)} sur ${fr(first.slugs.length)}.`,
    );
    expect(one).toContain(`href="${COMMITMENT}?page=2#i-${first.code}">La suite des contributions`);
    expect(one).toContain(`href="${COMMITMENT}?page=2" rel="next"`);
    expect(two).toContain(`href="${COMMITMENT}" rel="prev"`);
    expect(one).toContain("<title>Engagement 1 – Janvier – décembre 2022 – Page 1 sur");

    const english = (await get(`${COMMITMENT}?page=2`, "en")).text;
    for (const i of expected)
      expect(english).toContain(`Partner contributions (${en(i.slugs.length)})`);
    expect(english).toContain(
      `On this page: contributions 51–${Math.min(100, first.slugs.length)} of ${en(first.slugs.length)}.`,
    );
    expect(english).toMatch(/Page 2 of \d+/);
    expect(contributionRows(english)).toEqual(contributionRows(two));
  });

  it("answers a contributions page beyond the last, or no page at all, with a 404", async () => {
    const count = Math.ceil(expected.flatMap((i) => i.slugs).length / CONTRIBUTIONS_PER_PAGE);
    const beyond = await get(`${COMMITMENT}?page=${count + 1}`);
    expect(beyond.status).toBe(404);
    expect(beyond.text).toContain(`Cette liste n’a pas de page «\u00a0${count + 1}\u00a0»`);
    for (const bad of ["0", "-1", "deux", "1.5", ""])
      expect((await get(`${COMMITMENT}?page=${bad}`)).status, bad).toBe(404);
    expect(contributionRows((await get(`${COMMITMENT}?page=1`)).text)).toEqual(
      contributionRows((await get(COMMITMENT)).text),
    );
  });

  it("lists the partners 50 at a time with the counts of every category on every page", async () => {
    const count = Math.ceil(partnerCount / PARTNERS_PER_PAGE);
    const one = await get("/partners");
    const two = await get("/partners?page=2");
    expect(one.status).toBe(200);
    expect(directoryRows(one.text)).toHaveLength(PARTNERS_PER_PAGE);
    expect(directoryRows(two.text)).toHaveLength(PARTNERS_PER_PAGE);
    expect(new Set([...directoryRows(one.text), ...directoryRows(two.text)]).size).toBe(
      2 * PARTNERS_PER_PAGE,
    );
    expect(one.text).toContain(`Partenaires 1–50 sur ${fr(partnerCount)}.`);
    expect(two.text).toContain(`Partenaires 51–100 sur ${fr(partnerCount)}.`);
    expect(one.text).toContain(`${fr(partnerCount)} organisations, regroupées par catégorie.`);
    expect(two.text).toContain(`Page 2 sur ${count}`);
    expect(one.text).toContain('href="/partners?page=2" rel="next"');
    expect(two.text).toContain('href="/partners" rel="prev"');
    // The categories' counts, on every page, add up to every partner.
    const categoryCounts = (page: string) =>
      [...page.matchAll(/<\/span><small class="muted">([\d\u202f,]+)<\/small><\/li>/g)].map((m) =>
        Number((m[1] ?? "").replace(/[\u202f,]/g, "")),
      );
    for (const page of [one.text, two.text])
      expect(categoryCounts(page).reduce((a, b) => a + b, 0)).toBe(partnerCount);
    // Every partner is on exactly one page.
    const last = await get(`/partners?page=${count}`);
    expect(directoryRows(last.text)).toHaveLength(partnerCount - (count - 1) * PARTNERS_PER_PAGE);
    // The demo's empty category (the private sector) keeps its section where it falls: the end.
    expect(last.text).toContain("Aucun partenaire dans cette catégorie.");
    expect(one.text).not.toContain("Aucun partenaire dans cette catégorie.");
    expect((await get(`/partners?page=${count + 1}`)).status).toBe(404);
    expect((await get("/partners?page=zéro")).status).toBe(404);

    const english = (await get("/partners?page=2", "en")).text;
    expect(english).toContain(`Partners 51–100 of ${en(partnerCount)}.`);
    expect(directoryRows(english)).toEqual(directoryRows(two.text));
  });

  it("says in how many published contributions of others a partner is named, by the domain's rule", async () => {
    const published = await t.db
      .selectFrom("cycles")
      .select("id")
      .where("state", "=", "published")
      .execute();
    const cycleIds = published.map((c) => c.id);
    // The partners named most often, and one never named.
    const named = await t.db
      .selectFrom("response_collaborators as rc")
      .innerJoin("partners as p", "p.id", "rc.partner_id")
      .select(["p.id", "p.slug", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(["p.id", "p.slug"])
      .orderBy("n", "desc")
      .orderBy("p.id")
      .limit(3)
      .execute();
    const never = await t.db
      .selectFrom("partners as p")
      .select(["p.id", "p.slug"])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom("response_collaborators as rc").whereRef("rc.partner_id", "=", "p.id"),
          ),
        ),
      )
      .orderBy("p.id")
      .limit(1)
      .execute();
    expect(named.length).toBeGreaterThan(0);
    let cited = 0;
    for (const p of [...named, ...never]) {
      const citing = await listResponses(t.db, {
        cycleIds,
        states: PUBLIC_ANSWER_STATES,
        collaboratorId: p.id,
      });
      const count = citing.filter(isPublishedContribution).length;
      const page = await get(`/partners/${p.slug}`);
      expect(page.status).toBe(200);
      const said = /Cité comme partenaire de collaboration dans (\d+) réponses?/.exec(page.text);
      if (count === 0) expect(said).toBeNull();
      else expect(said?.[1]).toBe(String(count));
      if (count > 0) cited++;
    }
    expect(cited).toBeGreaterThan(0);
  });

  it("searches the directory by name or acronym with a plain GET form", async () => {
    const page = (await get("/partners")).text;
    expect(page).toContain('<form method="get" action="/partners" role="search"');
    // PSI and its 19 copies (psi-k1 … psi-k19), whatever the case or accents typed.
    const psi = await get("/partners?q=PSI");
    expect(psi.status).toBe(200);
    const found = directoryRows(psi.text);
    expect(found).toContain("psi");
    expect(found.length).toBeGreaterThanOrEqual(SCALE);
    expect(psi.text).toContain(`${found.length} partenaires correspondent à «\u00a0PSI\u00a0».`);
    expect(psi.text).toContain('value="PSI"');
    const english = (await get("/partners?q=psi", "en")).text;
    expect(english).toContain(`${found.length} partners match “psi”.`);
    const none = await get("/partners?q=zzzz-nobody");
    expect(none.status).toBe(200);
    expect(directoryRows(none.text)).toHaveLength(0);
    expect(none.text).toContain("Aucun partenaire ne correspond à «\u00a0zzzz-nobody\u00a0».");
    // A search with more than a page keeps the search in its page links; escaped.
    const beyond = await get("/partners?q=a&page=999");
    expect(beyond.status).toBe(404);
    expect(beyond.text).toContain('<a href="/partners?q=a">Première page de la liste</a>');
    const wide = await get("/partners?q=a");
    expect(wide.text).toContain('href="/partners?q=a&amp;page=2" rel="next"');
    const hostile = (await get(`/partners?q=${encodeURIComponent('"><script>x</script>')}`)).text;
    expect(hostile).not.toContain("<script>x</script>");
  });

  it("names a block's first 50 contributors in the synthesis, and every one on its own pages", async () => {
    const synthesis = (await get("/cycles/2022/synthesis")).text;
    expect(synthesis).toContain(`<b>${fr(contributors.size)}</b> organisations contributrices`);
    const long = [...blocks].filter(([, slugs]) => slugs.size > BLOCK_PARTNERS_PER_PAGE);
    expect(long.length).toBeGreaterThan(0);
    for (const [block, slugs] of blocks) {
      const href = `/cycles/2022/synthesis/blocks/${block}`;
      // The block's row: its exact count, at most 50 names, and a link to all when there are more.
      const row =
        new RegExp(
          `<tr id="b-${block}">[\\s\\S]*?class="num">${fr(slugs.size)}</td>\\s*<td[^>]*>(.*?)</td>`,
        ).exec(synthesis)?.[1] ?? "";
      const named = [...row.matchAll(/href="\/partners\/([^"]+)"/g)].map((m) => m[1]);
      expect(named).toHaveLength(Math.min(slugs.size, BLOCK_PARTNERS_SHOWN));
      if (slugs.size > BLOCK_PARTNERS_SHOWN)
        expect(row).toContain(`<a href="${href}">… voir les ${fr(slugs.size)} organisations</a>`);
    }
    const [block, slugs] = long[0] ?? ["", new Set<string>()];
    const href = `/cycles/2022/synthesis/blocks/${block}`;
    const count = Math.ceil(slugs.size / BLOCK_PARTNERS_PER_PAGE);
    const listed: string[] = [];
    for (let n = 1; n <= count; n++) {
      const page = await get(n === 1 ? href : `${href}?page=${n}`);
      expect(page.status).toBe(200);
      const own = [...page.text.matchAll(/<li><a href="\/partners\/([^"]+)"/g)].map(
        (m) => m[1] ?? "",
      );
      expect(own).toHaveLength(n < count ? BLOCK_PARTNERS_PER_PAGE : slugs.size - listed.length);
      const to = listed.length + own.length;
      expect(page.text).toContain(
        `Organisations ${fr(listed.length + 1)}–${fr(to)} sur ${fr(slugs.size)}.`,
      );
      expect(page.text).toContain(`Page ${n} sur ${count}`);
      listed.push(...own);
    }
    expect(new Set(listed)).toEqual(slugs);
    expect(listed).toHaveLength(slugs.size);
    const english = (await get(`${href}?page=2`, "en")).text;
    expect(english).toContain(
      `Organisations 51–${Math.min(100, slugs.size)} of ${en(slugs.size)}.`,
    );
    expect(english).toContain(`${en(slugs.size)} organisations contributed to this building block`);
    expect((await get(`${href}?page=${count + 1}`)).status).toBe(404);
    expect((await get("/cycles/2022/synthesis/blocks/nothing")).status).toBe(404);
  });
});
