// Every message exists in French and English, with the same placeholders.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../src/web/i18n/en.ts";
import { fr } from "../src/web/i18n/fr.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("catalogues", () => {
  it("have the same keys, none empty, with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [key, text] of Object.entries(fr)) {
      const english = en[key as keyof typeof fr];
      expect(text.trim(), key).not.toBe("");
      expect(english.trim(), key).not.toBe("");
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });

  it("has no key that no page uses", () => {
    const code = ["../src/web", "../src/http"]
      .flatMap((dir) => sources(resolve(import.meta.dirname, dir)))
      .filter((p) => !p.includes("/i18n/"))
      .map((p) => readFileSync(p, "utf8"))
      .join("\n");
    // Keys built from a domain value (`status.${s}`) are used through their prefix.
    const dynamic = [...code.matchAll(/t\(`([a-zA-Z.]+)\.\$\{/g)].map((m) => `${m[1]}.`);
    const unused = Object.keys(fr).filter(
      (key) => !code.includes(`"${key}"`) && !dynamic.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });
});
