// One theme gives every colour: the stylesheet's custom properties, the charts' and the
// documents' fills. No page or renderer writes a colour of its own.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { LIGHTS, PAPER_LIGHTS, SCREEN, screenProperties } from "../src/domain/shared/theme.ts";
import { STATUS_COLOUR, STATUSES } from "../src/domain/tracker/status.ts";
import { STATUS_HEX, STATUS_INK, statusChart } from "../src/reports/tracker/charts.ts";
import { STYLES } from "../src/web/shared/styles.ts";

const SRC = resolve(import.meta.dirname, "../src");
const CSS = readFileSync(join(SRC, "web/shared/styles.css"), "utf8");

/** A colour written as a literal: #rgb, #rrggbb (with or without its "#" for Word), rgb(a), hsl(a). */
const COLOUR = /#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b|"(?:FF)?[0-9A-F]{6}"|\b(?:rgba?|hsla?)\(/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js|css)$/.test(path) ? [path] : [];
  });
}

const propertiesOf = (css: string) =>
  new Set([...css.matchAll(/var\((--[a-z-]+)\)/g)].map((m) => m[1] ?? ""));
const definedBy = (css: string) =>
  new Set([...css.matchAll(/(--[a-z-]+):/g)].map((m) => m[1] ?? ""));

describe("theme", () => {
  it("writes every colour of the stylesheet as a custom property", () => {
    expect(CSS.match(COLOUR)).toBeNull();
    expect(definedBy(CSS)).toEqual(new Set());
    expect(STYLES.startsWith(screenProperties())).toBe(true);
  });

  it("defines each property the stylesheet uses, and none it does not", () => {
    expect(propertiesOf(CSS)).toEqual(definedBy(screenProperties()));
    expect(screenProperties()).toContain(`--brand: ${SCREEN.brand};`);
    for (const light of LIGHTS) expect(propertiesOf(CSS)).toContain(`--${light}-bg`);
  });

  it("leaves no colour literal in the pages, the client scripts or the renderers", () => {
    const found = [...sources(join(SRC, "web")), ...sources(join(SRC, "reports"))].flatMap((path) =>
      [...readFileSync(path, "utf8").matchAll(COLOUR)].map(
        (m) => `${path.slice(SRC.length + 1)}: ${m[0]}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it("finds a colour written by hand", () => {
    const sample = 'color: "#1f5f8b"; fill: "DCE8F0"; argb: "FFDCE8F0"; a:rgba(0,0,0,.1); #fff;';
    expect(sample.match(COLOUR)).toEqual(["#1f5f8b", '"DCE8F0"', '"FFDCE8F0"', "rgba(", "#fff"]);
  });

  it("fills each status with its light on paper, in the charts as in the documents", () => {
    const chart = statusChart(
      { achieved: 1, on_track: 2, off_track: 3, not_assessed: 4 },
      (s) => s,
    ).svg.toLowerCase();
    for (const s of STATUSES) {
      const light = PAPER_LIGHTS[STATUS_COLOUR[s]];
      expect([STATUS_HEX[s], STATUS_INK[s]]).toEqual([light.fill, light.ink]);
      expect(chart).toContain(light.fill);
    }
  });
});
