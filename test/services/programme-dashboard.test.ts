// A programme's public dashboard on both stores, over the demo's worlds: nothing before it is
// published (or after it is taken down), its figures once it is — 47 midwives in 47 centres,
// Ségou's 37, the health engine's indicators by district, the map — no midwife's contact anywhere
// in it, the testimonials only as their consent allows (gone once withdrawn), and the mission's
// key recommendations with their status and no owner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoWorlds } from "../../src/demo/load.ts";
import { demoMidwives } from "../../src/demo/programme/index.ts";
import { DEMO_MISSION, DEMO_TESTIMONIALS } from "../../src/demo/programme/stories.ts";
import type { Actor } from "../../src/domain/shared/policy.ts";
import { isProblem } from "../../src/domain/shared/problem.ts";
import { programmeDashboard, staffDashboard } from "../../src/services/programme/dashboard.ts";
import { setProgrammePublished } from "../../src/services/programme/publication.ts";
import { withdrawConsent } from "../../src/services/programme/testimonials.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

const manager: Actor = {
  kind: "user",
  userId: 1,
  role: "programme_manager",
  partnerId: null,
  name: "Responsable de programme",
};
const DAY = "2024-12-01";

describe.each(backends)("the programme dashboard on %s", (backend) => {
  let t: TestDatabase;
  let programmeId: number;
  let slug: string;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadDemoWorlds(t, { reset: false });
    const row = await t.db
      .selectFrom("programme_publications")
      .select(["programme_id", "slug"])
      .executeTakeFirstOrThrow();
    programmeId = row.programme_id;
    slug = row.slug;
  });
  afterAll(() => t.dispose());

  const notFound = async (s: string) => {
    const error = await programmeDashboard(t.db, s, "fr", { date: DAY }).catch((e: unknown) => e);
    expect(isProblem(error) && error.code === "not_found").toBe(true);
  };

  it("is not found when unknown or unpublished, and comes back at the same address", async () => {
    expect(slug).toBe("deploiement-des-sages-femmes-en-milieu-communautaire");
    await notFound("nothing-here");
    const down = await setProgrammePublished(t.db, manager, programmeId, false);
    expect(down).toMatchObject({ published: false, slug });
    await notFound(slug);
    // Staff still see its figures (the cards page), said unpublished.
    const staff = await staffDashboard(t.db, manager, programmeId, "fr", { date: DAY });
    expect(staff.published).toBe(false);
    expect(staff.dashboard.midwives).toBeGreaterThan(0);
    const up = await setProgrammePublished(t.db, manager, programmeId, true);
    expect(up).toMatchObject({ published: true, slug, publishedBy: "user:1" });
    expect(up.publishedAt).toBeInstanceOf(Date);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "actor"])
      .where("entity", "=", "programme_publications")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "update"]);
    expect(audit.at(-1)?.actor).toBe("user:1");
  });

  it("shows the deployment's figures, the indicators by district and the map", async () => {
    const d = await programmeDashboard(t.db, slug, "fr", { date: DAY });
    expect(d.programme.name).toBe("Déploiement des sages-femmes en milieu communautaire");
    const byRegion = Object.fromEntries(d.regions.map((r) => [r.name, r]));
    expect(byRegion.Ségou).toEqual({ name: "Ségou", midwives: 37, facilities: 37 });
    expect(byRegion.Sikasso?.midwives).toBe(7);
    expect(byRegion.Koulikoro?.midwives).toBe(3);
    expect(d.midwives).toBe(47);
    expect(d.facilities).toBe(47);
    const anc1 = d.indicators.find((i) => i.name === "Couverture en CPN1");
    expect(anc1?.years).toEqual([2022, 2023, 2024]);
    const baroueli = anc1?.districts.find((r) => r.name === "Barouéli");
    // The mission's figures: 70.88 % in 2022, 81.69 % in 2024.
    expect(baroueli?.values[0]).toBeCloseTo(70.9, 1);
    expect(baroueli?.values[2]).toBeCloseTo(81.7, 1);
    // A non-public indicator the programme follows is left out.
    expect(d.indicators.map((i) => i.name)).not.toContain(
      "Décès maternels pour 100 000 naissances vivantes (en structure)",
    );
    const births = d.counts.find((c) => c.label === "Accouchements assistés");
    expect(births?.total).toBeGreaterThan(0);
    expect(births).toMatchObject({ first: 2022, last: 2024 });
    expect(d.mapSvg).toContain("<polygon points=");
    expect(d.mapSvg.match(/<circle /g)).toHaveLength(47);
    expect(d.mapSvg).toContain(">Ségou</text>");
    expect(d.cards.map((c) => c.model.sentence)).toContain(
      "37 sages-femmes déployées dans 37 centres de santé à Ségou",
    );
    expect(d.cards.map((c) => c.model.mark)).toEqual(
      d.cards.map((_, i) => `${i + 1}/${d.cards.length}`),
    );
    const en = await programmeDashboard(t.db, slug, "en", { date: DAY });
    expect(en.indicators[0]?.name).toBe("ANC1 coverage");
    // The key figure is named in English too, not with DHIS2's French description.
    expect(en.counts.map((c) => c.label)).toContain("Deliveries assisted by skilled personnel");
    expect(
      en.counts.find((c) => c.label === "Deliveries assisted by skilled personnel")?.total,
    ).toBe(births?.total);
  });

  it("carries no midwife's contact, and of the testimonials only what consent lets it show", async () => {
    const d = await programmeDashboard(t.db, slug, "fr", { date: DAY });
    const text = JSON.stringify(d);
    for (const m of demoMidwives()) expect(text).not.toContain(m.phone);
    // The speakers who agreed to be named; the community member kept to the report and the
    // midwife who withdrew her consent are not there, nor any owner's address.
    const speakers = d.testimonials.map((w) => w.speaker);
    expect(speakers).toContain("Nafissatou Traoré");
    expect(text).not.toContain("Sanata Konaté");
    expect(d.testimonials).toHaveLength(3);
    // A place whose words already name the centre does not name it twice.
    for (const w of d.testimonials) {
      const [first, second] = (w.place ?? "").split(", ");
      expect(first).not.toBe(second);
    }
    const withdrawn = DEMO_TESTIMONIALS.find((w) => w.consent.withdrawnOn !== null);
    expect(text).not.toContain(withdrawn?.quote.slice(0, 40) ?? "?");
    expect(text).not.toContain("@example.org");
    // The three key recommendations of the mission, each with its status.
    expect(d.recommendations.map((r) => r.status).sort()).toEqual(
      DEMO_MISSION.recommendations
        .filter((r) => r.key)
        .map((r) => r.followUps.at(-1)?.status ?? "open")
        .sort(),
    );
    expect(Object.keys(d.recommendations[0] ?? {}).sort()).toEqual([
      "due",
      "mission",
      "status",
      "text",
    ]);
  });

  it("drops a testimonial from the dashboard the moment its consent is withdrawn", async () => {
    const before = await programmeDashboard(t.db, slug, "fr", { date: DAY });
    const shown = await t.db
      .selectFrom("testimonials")
      .select("id")
      .where("speaker_name", "=", "Nafissatou Traoré")
      .executeTakeFirstOrThrow();
    await withdrawConsent(t.db, manager, programmeId, shown.id, "2025-06-01", "2025-06-02");
    const after = await programmeDashboard(t.db, slug, "fr", { date: DAY });
    expect(after.testimonials).toHaveLength(before.testimonials.length - 1);
    expect(JSON.stringify(after)).not.toContain("Nafissatou Traoré");
    // Her card went with it; the public-web-only words never made a card.
    const quotes = (d: typeof before) => d.cards.filter((c) => c.model.figure === "«");
    expect(quotes(before).map((c) => c.model.source)).toEqual([
      expect.stringContaining("Nafissatou Traoré"),
      expect.stringContaining("Kadiatou Coulibaly"),
    ]);
    expect(quotes(after)).toHaveLength(1);
    const ramata = DEMO_TESTIMONIALS.find((w) => w.name === "Ramata Coulibaly");
    for (const c of before.cards) expect(c.model.sentence).not.toContain(ramata?.quote ?? "?");
    expect(after.cards.map((c) => c.model.mark)).toEqual(
      after.cards.map((_, i) => `${i + 1}/${after.cards.length}`),
    );
  });
});
