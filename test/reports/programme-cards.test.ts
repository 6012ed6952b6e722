// The result cards as PNG: both shapes at their sizes, drawn with the bundled fonts, a long
// sentence and a long list of partners kept on the card (wrapped, then cut with "…"), and a
// figure with a no-break space never split.
import { describe, expect, it } from "vitest";
import { cardSvg, clip, renderCardPng, wrap } from "../../src/reports/programme/card-png.ts";
import { deploymentCard, indicatorCard, numbered } from "../../src/reports/programme/cards.ts";
import { pngSize } from "../support/png.ts";

const programme = {
  name: "Déploiement des sages-femmes en milieu communautaire",
  leadPartner: "UNFPA Mali",
  partners: ["DRH-SSDS", "ONASR", "FENASCOM", "ASFM", "Ordre des sages-femmes"],
};

describe("result cards as PNG", () => {
  const [deployment, indicator] = numbered([
    deploymentCard("fr", programme, {
      place: "Ségou",
      date: "2024-12-01",
      midwives: 37,
      facilities: 37,
    }),
    indicatorCard("en", programme, {
      indicator: "ANC1 coverage",
      place: "Barouéli",
      unit: "%",
      first: { year: 2022, value: 70.88 },
      last: { year: 2024, value: 81.69 },
      source: "DHIS2",
    }),
  ]);

  it("draws 1080×1080 and 1200×630, each within a few hundred kB", () => {
    for (const card of [deployment, indicator]) {
      if (!card) throw new Error("no card");
      const square = renderCardPng(card, "square");
      expect(pngSize(square)).toEqual({ width: 1080, height: 1080 });
      expect(square.byteLength).toBeLessThan(300_000);
      const wide = renderCardPng(card, "wide");
      expect(pngSize(wide)).toEqual({ width: 1200, height: 630 });
      expect(wide.byteLength).toBeLessThan(300_000);
    }
  });

  it("writes the figure, the sentence, the mark and the source, and the alt text as title", () => {
    const svg = cardSvg(deployment ?? (undefined as never), "square");
    expect(svg).toContain(">37</text>");
    expect(svg).toContain(">1/2</text>");
    // French typography puts no-break spaces before the colon and inside the quotes.
    expect(svg).toMatch(/Source\s:\sregistre des sages-femmes, 1er\s+décembre\s+2024/);
    expect(svg).toMatch(/<title>Carte [^<]*37 sages-femmes déployées/);
    expect(svg).toContain('font-family="DejaVu Sans"');
  });

  it("wraps at spaces but not at a no-break space, and cuts what does not fit", () => {
    expect(wrap("de 70,9\u00a0% à 81,7\u00a0%", 200, 40)).toEqual([
      "de",
      "70,9\u00a0% à",
      "81,7\u00a0%",
    ]);
    expect(clip(["a", "b", "c"], 2)).toEqual(["a", "b …"]);
    const long = deploymentCard(
      "fr",
      { ...programme, partners: Array(40).fill("Partenaire") },
      {
        place: "Ségou, Sikasso, Koulikoro, Mopti, Tombouctou, Gao et Ménaka",
        date: "2024-12-01",
        midwives: 1234,
        facilities: 987,
      },
    );
    for (const size of ["square", "wide"] as const) {
      const svg = cardSvg(long, size);
      expect(svg).toContain(" …</text>");
      for (const m of svg.matchAll(/<text x="(\d+)"[^>]*font-size="(\d+)"[^>]*>([^<]*)</g)) {
        // An estimate of each line's width stays inside the card.
        const width = Number(m[1]) + (m[3]?.length ?? 0) * Number(m[2]) * 0.62;
        expect(width, m[3]).toBeLessThanOrEqual(size === "square" ? 1080 : 1200);
      }
    }
  });
});
