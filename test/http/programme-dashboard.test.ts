// A programme's public dashboard over HTTP on both stores: served to everyone in French and
// English within the page budget (compressed, no script, its own style only), no midwife in it;
// taken down and put back from the programme page by a programme writer (a validator may not);
// its result cards as PNG of the two shapes, public while it is published; the staff page of
// its cards.
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoWorlds } from "../../src/demo/load.ts";
import { demoMidwives } from "../../src/demo/programme/index.ts";
import { createApp } from "../../src/http/app.ts";
import { addUser } from "../../src/services/tracker/users.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { pngSize } from "../support/png.ts";
import { plain } from "../support/text.ts";

const PASSWORD = "correct horse battery";
/** The budget of a public page: 60 KB, read as 60 000 bytes (bench/README.md). */
const BUDGET = 60_000;

describe.each(backends)("the programme dashboard over HTTP on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let manager: TestClient;
  let validator: TestClient;
  let visitor: TestClient;
  let id: number;
  let path: string;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadDemoWorlds(t, { reset: false });
    for (const [role, email] of [
      ["programme_manager", "pm@unfpa.test"],
      ["validator", "val@sante.test"],
    ] as const)
      await addUser(t.db, "test", { email, name: `${role} test`, role, password: PASSWORD });
    app = createApp({ db: t.db, secureCookies: false, baseUrl: "http://jalon.test" });
    manager = await signIn(app, "pm@unfpa.test", PASSWORD);
    validator = await signIn(app, "val@sante.test", PASSWORD);
    visitor = client(app);
    const row = await t.db
      .selectFrom("programme_publications")
      .select(["programme_id", "slug"])
      .executeTakeFirstOrThrow();
    id = row.programme_id;
    path = `/programmes/${row.slug}`;
  });
  afterAll(() => t.dispose());

  it("serves the dashboard to everyone, in French and English, naming no midwife but by her consent", async () => {
    const fr = await visitor.get(path);
    expect(fr.status).toBe(200);
    const page = await fr.text();
    const text = plain(page);
    expect(text).toContain("Déploiement des sages-femmes en milieu communautaire");
    expect(text).toContain("Chiffres clés");
    expect(text).toContain("Sages-femmes déployées par région");
    expect(text).toContain("Couverture en CPN1");
    expect(page).toContain("<polygon points=");
    expect(page).toMatch(/<figure class="chart">[\s\S]*?<svg/);
    // A midwife is named only as the speaker of a testimonial she agreed to have shown here.
    const named = await t.db
      .selectFrom("testimonials as t")
      .innerJoin("midwives as m", "m.id", "t.midwife_id")
      .innerJoin("testimonial_consents as c", "c.testimonial_id", "t.id")
      .select("m.name")
      .where("c.named", "=", true)
      .where("c.withdrawn_on", "is", null)
      .where(sql<boolean>`'public_web' = any(c.uses)`)
      .execute();
    expect(named).toHaveLength(1);
    for (const m of demoMidwives()) {
      if (!named.some((n) => n.name === m.name)) expect(page).not.toContain(m.name);
      expect(page).not.toContain(m.phone);
    }
    expect(text).toContain("Témoignages");
    expect(text).toContain(named[0]?.name ?? "?");
    expect(text).toContain("Recommandations");
    // A link shared on a network shows the first card and its post.
    expect(page).toContain(
      `<meta property="og:image" content="http://jalon.test${path}/cards/1-wide.png?lang=fr">`,
    );
    const en = plain(await (await visitor.get(`${path}?lang=en`)).text());
    expect(en).toContain("Key figures");
    expect(en).toContain("ANC1 coverage");
    expect((await visitor.get("/programmes/no-such-programme")).status).toBe(404);
    expect((await visitor.get("/programmes/Not_A_Slug")).status).toBe(404);
  });

  it("is listed among the published programmes, from every page's menu, until taken down", async () => {
    const home = await (await visitor.get("/")).text();
    expect(home).toContain('<a href="/programmes">Programmes</a>');
    const list = await (await visitor.get("/programmes")).text();
    expect(list).toContain(
      `<a href="${path}"><b>Déploiement des sages-femmes en milieu communautaire</b></a>`,
    );
    expect(plain(list)).toContain("UNFPA Mali · depuis le 1er janvier 2022");
    const en = plain(await (await visitor.get("/programmes?lang=en")).text());
    expect(en).toContain("Programmes followed");
    expect(en).toContain("UNFPA Mali · since 1 January 2022");
    const id = (await t.db.selectFrom("programmes").select("id").executeTakeFirstOrThrow()).id;
    await t.db
      .updateTable("programme_publications")
      .set({ published: false })
      .where("programme_id", "=", id)
      .execute();
    try {
      const empty = plain(await (await visitor.get("/programmes")).text());
      expect(empty).toContain("Aucun programme n'est publié pour l'instant.");
      expect(empty).not.toContain("Déploiement des sages-femmes");
    } finally {
      await t.db
        .updateTable("programme_publications")
        .set({ published: true })
        .where("programme_id", "=", id)
        .execute();
    }
  });

  it("stays within the page budget, compressed, with no script and only its own style", async () => {
    for (const p of [path, `${path}?lang=en`]) {
      const res = await app.request(p, { headers: { "accept-encoding": "gzip" } });
      expect(res.headers.get("content-encoding"), p).toBe("gzip");
      const bytes = Buffer.from(await res.arrayBuffer());
      const headers = [...res.headers].map(([k, v]) => `${k}: ${v}\r\n`).join("");
      expect(bytes.length + headers.length, p).toBeLessThan(BUDGET);
      const html = gunzipSync(bytes).toString("utf8");
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
      const hash = createHash("sha256").update(style).digest("base64");
      expect(res.headers.get("content-security-policy"), p).toContain(`'sha256-${hash}'`);
      expect(html).not.toMatch(/<script/);
      expect(html).not.toMatch(/ style="/);
    }
  });

  it("draws the result cards as PNG in both shapes while it is published", async () => {
    const square = await visitor.get(`${path}/cards/1-square.png?lang=fr`);
    expect(square.status).toBe(200);
    expect(square.headers.get("content-type")).toBe("image/png");
    expect(square.headers.get("cache-control")).toBe("public, max-age=3600");
    // Without its language in the address, a card is the visitor's own: no shared cache.
    const chosen = await visitor.get(`${path}/cards/1-square.png`);
    expect(chosen.headers.get("cache-control")).toBe("no-cache");
    const s = new Uint8Array(await square.arrayBuffer());
    expect(pngSize(s)).toEqual({ width: 1080, height: 1080 });
    expect(s.length).toBeLessThan(400_000);
    const wide = new Uint8Array(
      await (await visitor.get(`${path}/cards/3-wide.png?lang=en`)).arrayBuffer(),
    );
    expect(pngSize(wide)).toEqual({ width: 1200, height: 630 });
    expect((await visitor.get(`${path}/cards/99-square.png`)).status).toBe(404);
    expect((await visitor.get(`${path}/cards/1-round.png`)).status).toBe(404);
  });

  it("is taken down and put back from the programme page by a programme writer only", async () => {
    const before = plain(await (await manager.get(`/programme/${id}`)).text());
    // Published by the demo's loader: the day is said, no account is named.
    expect(before).toMatch(/Publié le \d{1,2} \S+ \d{4}\./);
    expect(before).not.toContain("system:");
    expect(before).toContain("Retirer la publication");
    expect((await validator.post(`/programme/${id}/publication`, { published: "no" })).status).toBe(
      403,
    );
    const down = await manager.post(`/programme/${id}/publication`, { published: "no" });
    expect(down.status).toBe(303);
    expect(down.headers.get("location")).toBe(`/programme/${id}?done=unpublished`);
    expect(plain(await (await manager.get(`/programme/${id}?done=unpublished`)).text())).toContain(
      "Le tableau de bord n’est plus public.",
    );
    expect((await visitor.get(path)).status).toBe(404);
    expect((await visitor.get(`${path}/cards/1-square.png`)).status).toBe(404);
    // Staff keep the cards, said not public yet.
    const cards = await manager.get(`/programme/${id}/cards`);
    expect(cards.status).toBe(200);
    const cardsText = plain(await cards.text());
    expect(cardsText).toContain("ces cartes ne sont pas encore publiques");
    expect(cardsText).toContain("37 sages-femmes déployées dans 37 centres de santé à Ségou");
    const staffPng = await manager.get(`/programme/${id}/cards/2-wide.png`);
    expect(staffPng.status).toBe(200);
    expect(staffPng.headers.get("cache-control")).toContain("no-store");
    expect(pngSize(new Uint8Array(await staffPng.arrayBuffer()))).toEqual({
      width: 1200,
      height: 630,
    });
    const up = await manager.post(`/programme/${id}/publication`, { published: "yes" });
    expect(up.headers.get("location")).toBe(`/programme/${id}?done=published`);
    expect((await visitor.get(path)).status).toBe(200);
  });
});
