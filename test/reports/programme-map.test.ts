import { describe, expect, it } from "vitest";
import { MALI_BORDER } from "../../src/demo/health/places.ts";
import { fitProjection, mapSvg, radiusFor } from "../../src/reports/programme/map.ts";

describe("programme map", () => {
  it("fits the bounds inside the frame, north up, x shrunk by cos(mid-latitude)", () => {
    const project = fitProjection(MALI_BORDER, 360, 300);
    for (const p of MALI_BORDER) {
      const [x, y] = project(p);
      expect(x).toBeGreaterThanOrEqual(11.9);
      expect(x).toBeLessThanOrEqual(348.1);
      expect(y).toBeGreaterThanOrEqual(11.9);
      expect(y).toBeLessThanOrEqual(288.1);
    }
    const [, yNorth] = project([-4, 24]);
    const [, ySouth] = project([-4, 11]);
    expect(yNorth).toBeLessThan(ySouth);
    // one degree of longitude is shorter than one of latitude at ~17.5° N
    const [x0, y0] = project([-4, 17]);
    const [x1] = project([-3, 17]);
    const [, y1] = project([-4, 16]);
    expect((x1 - x0) / (y1 - y0)).toBeCloseTo(Math.cos((17.6 * Math.PI) / 180), 1);
  });

  it("draws the outline, one circle per point sized by midwives, labels and an accessible title", () => {
    const svg = mapSvg({
      title: "Sages-femmes <déployées>",
      description: "Carte du Mali",
      outline: MALI_BORDER,
      points: [
        { label: "Ségou", at: [-6.26, 13.43], midwives: 16 },
        { label: "Mopti", at: [-4.19, 14.49], midwives: 4 },
        { label: "Kidal", at: [1.41, 18.44], midwives: 0 },
      ],
    });
    expect(svg).toContain('<title id="map-title">Sages-femmes &lt;déployées&gt;</title>');
    expect(svg).toContain('<desc id="map-desc">Carte du Mali</desc>');
    expect(svg.match(/<polygon points="([^"]+)"/)?.[1]?.split(" ")).toHaveLength(
      MALI_BORDER.length,
    );
    const radii = [...svg.matchAll(/ r="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(radii).toEqual([18, radiusFor(4, 16), 3]);
    expect(radii[1]).toBe(11);
    expect(svg).toContain(">Ségou</text>");
  });
});
