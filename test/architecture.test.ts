// The layers and product parts of docs/ARCHITECTURE.md, checked on every import of src/.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

const PARTS = ["shared", "tracker", "health", "programme"] as const;
type Part = (typeof PARTS)[number] | "root";

/** A path relative to src/ → its layer and its part ("root": the layer's own assembly files). */
function placeOf(rel: string): { layer: string; part: Part } {
  const segments = rel.split("/");
  const [top, second] = segments;
  if (top === undefined || segments.length === 1)
    return { layer: rel.replace(/\.ts$/, ""), part: "root" };
  const part: Part = (PARTS as readonly string[]).includes(second ?? "")
    ? (second as Part)
    : "root";
  if (top === "importers" && rel.endsWith("/map.ts")) return { layer: "importers-map", part };
  return { layer: top, part };
}

/** Which of our layers each layer may import (itself always allowed). */
const LAYERS: Record<string, string[]> = {
  domain: [],
  i18n: ["domain"],
  db: ["domain"],
  reports: ["domain", "i18n"],
  "importers-map": ["domain"],
  importers: ["domain", "importers-map"],
  services: ["domain", "db", "reports", "importers", "importers-map", "i18n"],
  demo: ["domain", "db", "services"],
  web: ["domain", "services", "i18n"],
  http: ["domain", "services", "web", "i18n"],
  cli: ["domain", "services", "demo", "i18n"],
  config: ["domain", "db"],
  main: ["*"],
};

/**
 * Which parts each part may import, in any layer. A layer's root (its assembly: the schema type,
 * the app, the catalogues, the worker's dispatch) may import every part, and every part may use
 * it. Programme reaches tracker commitments by id through services only (below).
 */
const PART_RULES: Record<Part, Part[]> = {
  root: ["root", "shared", "tracker", "health", "programme"],
  shared: ["root", "shared"],
  tracker: ["root", "shared", "tracker"],
  health: ["root", "shared", "health"],
  programme: ["root", "shared", "health", "programme"],
};

function imports(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    // No quote or "=" before `from`: a catalogue's `export const fr = { … from "…" }` is no import.
    /^\s*(?:import|export)\b[^;="'`]*?\bfrom\s*["']([^"']+)["']/gms,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const m of source.matchAll(pattern)) if (m[1]) found.push(m[1]);
  }
  return found;
}

/** Every import that breaks a layer or a part rule, for sources given by their path under src/. */
function violations(sources: { rel: string; source: string }[]): string[] {
  const found: string[] = [];
  for (const { rel, source } of sources) {
    const from = placeOf(rel);
    const allowed = LAYERS[from.layer];
    if (!allowed) {
      found.push(`${rel}: unknown layer ${from.layer}`);
      continue;
    }
    for (const spec of imports(source)) {
      if (!spec.startsWith(".")) {
        if (from.layer === "domain" || from.layer === "i18n")
          found.push(`${rel} imports package ${spec}`);
        continue;
      }
      const target = relative(SRC, resolve(SRC, dirname(rel), spec));
      const to = placeOf(target);
      const layerOk =
        to.layer === from.layer || allowed.includes("*") || allowed.includes(to.layer);
      if (!layerOk) {
        found.push(`${rel} (${from.layer}) imports ${spec} (${to.layer})`);
        continue;
      }
      if (allowed.includes("*")) continue;
      const programmeToTracker =
        from.part === "programme" &&
        to.part === "tracker" &&
        from.layer === "services" &&
        to.layer === "services";
      // A commitment's outcome series may follow a health indicator: the tracker's services
      // read its yearly figures from the health services, by id, and nothing else of health.
      const trackerToHealth =
        from.part === "tracker" &&
        to.part === "health" &&
        from.layer === "services" &&
        to.layer === "services";
      if (!PART_RULES[from.part].includes(to.part) && !programmeToTracker && !trackerToHealth)
        found.push(`${rel} (${from.part}) imports ${spec} (${to.part})`);
    }
  }
  return found;
}

describe("import directions", () => {
  const all = files(SRC).map((path) => ({
    rel: relative(SRC, path),
    source: readFileSync(path, "utf8"),
  }));

  it("finds the source tree", () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it("every layer imports only the layers and parts it may", () => {
    expect(violations(all)).toEqual([]);
  });

  it("refuses a health module that imports a programme module", () => {
    const bad = [
      {
        rel: "services/health/indicators.ts",
        source: 'import { listMidwives } from "../programme/midwives.ts";\n',
      },
    ];
    expect(violations(bad)).toEqual([
      "services/health/indicators.ts (health) imports ../programme/midwives.ts (programme)",
    ]);
  });

  it("refuses tracker → health and shared → tracker, allows programme → tracker and tracker → health in services only", () => {
    expect(
      violations([
        { rel: "db/tracker/a.ts", source: 'import "../health/b.ts";' },
        { rel: "domain/tracker/a.ts", source: 'import "../health/b.ts";' },
        { rel: "web/tracker/a.ts", source: 'import { x } from "../health/b.ts";' },
        { rel: "services/tracker/a.ts", source: 'import { x } from "../health/b.ts";' },
        { rel: "services/health/a.ts", source: 'import { x } from "../tracker/b.ts";' },
        { rel: "web/shared/a.ts", source: 'import { x } from "../tracker/b.ts";' },
        { rel: "services/programme/a.ts", source: 'import { x } from "../tracker/b.ts";' },
        { rel: "db/programme/a.ts", source: 'import { x } from "../tracker/b.ts";' },
      ]),
    ).toEqual([
      "db/tracker/a.ts (tracker) imports ../health/b.ts (health)",
      "domain/tracker/a.ts (tracker) imports ../health/b.ts (health)",
      "web/tracker/a.ts (tracker) imports ../health/b.ts (health)",
      "services/health/a.ts (health) imports ../tracker/b.ts (tracker)",
      "web/shared/a.ts (shared) imports ../tracker/b.ts (tracker)",
      "db/programme/a.ts (programme) imports ../tracker/b.ts (tracker)",
    ]);
  });

  it("has a folder for each part in each layer that holds parts", () => {
    const missing: string[] = [];
    for (const layer of [
      "domain",
      "i18n",
      "db",
      "services",
      "reports",
      "web",
      "http",
      "cli",
      "importers",
    ])
      for (const part of PARTS) {
        try {
          statSync(join(SRC, layer, part));
        } catch {
          missing.push(`${layer}/${part}`);
        }
      }
    expect(missing).toEqual([]);
  });
});
