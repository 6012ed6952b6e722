// Every message exists in French and English, with the same placeholders: the pages', the
// reports' and the command line's catalogues.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_CATALOGUES } from "../src/cli/messages.ts";
import { messageParams } from "../src/domain/message.ts";
import { REPORT_CATALOGUES } from "../src/reports/i18n.ts";
import { en } from "../src/web/i18n/en.ts";
import { fr } from "../src/web/i18n/fr.ts";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const catalogues: [string, Record<string, string>, Record<string, string>][] = [
  ["pages", fr, en],
  ["reports", REPORT_CATALOGUES.fr, REPORT_CATALOGUES.en],
  ["command line", CLI_CATALOGUES.fr, CLI_CATALOGUES.en],
];

describe("catalogues", () => {
  it.each(catalogues)(
    "of the %s have the same keys, none empty, with the same placeholders",
    (_, french, english) => {
      expect(Object.keys(english).sort()).toEqual(Object.keys(french).sort());
      for (const [key, text] of Object.entries(french)) {
        const other = english[key] ?? "";
        expect(text.trim(), key).not.toBe("");
        expect(other.trim(), key).not.toBe("");
        expect(messageParams(other), key).toEqual(messageParams(text));
      }
    },
  );

  it.each(catalogues)(
    'of the %s write no "(s)" plural: word forms follow the number',
    (_, french, english) => {
      const found = [...Object.entries(french), ...Object.entries(english)]
        .filter(([, text]) => text.includes("(s)"))
        .map(([key]) => key);
      expect(found).toEqual([]);
    },
  );

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
