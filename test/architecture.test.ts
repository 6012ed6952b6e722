// The layers of docs/ARCHITECTURE.md, checked on every import of src/.
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

function layerOf(path: string): string {
  const rel = relative(SRC, path);
  const [top] = rel.split("/");
  if (rel.startsWith("importers/") && rel.endsWith("/map.ts")) return "importers-map";
  return top === undefined || top.endsWith(".ts") ? rel.replace(/\.ts$/, "") : top;
}

/** Which of our layers each layer may import (itself always allowed). */
const ALLOWED: Record<string, string[]> = {
  domain: [],
  db: ["domain"],
  reports: ["domain"],
  "importers-map": ["domain"],
  importers: ["domain", "importers-map"],
  services: ["domain", "db", "reports", "importers", "importers-map"],
  web: ["domain", "services"],
  http: ["domain", "services", "web"],
  cli: ["domain", "services"],
  config: ["domain", "db"],
  main: ["*"],
};

function imports(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gms,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const m of source.matchAll(pattern)) if (m[1]) found.push(m[1]);
  }
  return found;
}

describe("import directions", () => {
  const all = files(SRC);

  it("finds the source tree", () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it("every layer imports only the layers it may", () => {
    const violations: string[] = [];
    for (const file of all) {
      const from = layerOf(file);
      const allowed = ALLOWED[from];
      if (!allowed) {
        violations.push(`${relative(SRC, file)}: unknown layer ${from}`);
        continue;
      }
      for (const spec of imports(readFileSync(file, "utf8"))) {
        if (!spec.startsWith(".")) {
          if (from === "domain") violations.push(`${relative(SRC, file)} imports package ${spec}`);
          continue;
        }
        const to = layerOf(resolve(dirname(file), spec));
        if (to === from || allowed.includes("*") || allowed.includes(to)) continue;
        violations.push(`${relative(SRC, file)} (${from}) imports ${spec} (${to})`);
      }
    }
    expect(violations).toEqual([]);
  });
});
