// Every message exists in French and English, with the same placeholders, and is used: the
// pages', the reports', the printed questionnaire's, the workbook's and the command line's
// catalogues (all in src/i18n).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DHIS2_PULL_CODES } from "../src/domain/health/dhis2-pull.ts";
import { messageParams } from "../src/domain/shared/message.ts";
import { QUESTIONNAIRE_COLUMNS } from "../src/domain/tracker/questionnaire-file.ts";
import { CLI_CATALOGUES } from "../src/i18n/cli.ts";
import { en } from "../src/i18n/en.ts";
import { fr } from "../src/i18n/fr.ts";
import { DHIS2_CATALOGUES } from "../src/i18n/health/dhis2.ts";
import { translator } from "../src/i18n/index.ts";
import { PRINT_CATALOGUES, WORKBOOK_CATALOGUES } from "../src/i18n/questionnaire-files.ts";
import { REPORT_CATALOGUES } from "../src/i18n/report.ts";
import * as vocabulary from "../src/i18n/tracker/vocabulary.ts";
import { INSTRUCTION_LINES } from "../src/i18n/tracker/workbook.ts";
import { FIELDS } from "../src/reports/tracker/questionnaire-print.ts";

const SRC = resolve(import.meta.dirname, "../src");

function sources(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => {
    const child = join(path, name);
    return statSync(child).isDirectory() ? sources(child) : child.endsWith(".ts") ? [child] : [];
  });
}

/** The code of the modules that use a catalogue (never the catalogues themselves). */
function codeOf(...paths: string[]): string {
  return paths
    .flatMap((p) => sources(resolve(SRC, p)))
    .filter((p) => !p.endsWith(".test.ts"))
    .map((p) => readFileSync(p, "utf8"))
    .join("\n");
}

/**
 * The keys that no code names, as a quoted string or, for keys built from a domain value
 * (`status.${s}`, `refused.${reason}`), through their prefix.
 */
function unusedKeys(keys: string[], code: string): string[] {
  const dynamic = [...code.matchAll(/`([a-zA-Z_.-]+)\.\$\{/g)].map((m) => `${m[1]}.`);
  return keys.filter(
    (key) =>
      !code.includes(`"${key}"`) &&
      !code.includes(`'${key}'`) &&
      !dynamic.some((prefix) => key.startsWith(prefix)),
  );
}

/** Parameters that carry a name, a date, an address, a code or a label: never a count. */
const NOT_COUNTS = new Set([
  "acronym",
  "baseline",
  "code",
  "collection",
  "command",
  "comment",
  "cycle",
  "database",
  "date",
  "deadline",
  "dir",
  "email",
  "error",
  "field",
  "file",
  "first",
  "formats",
  "id",
  "indicator",
  "last",
  "list",
  "message",
  "method",
  "name",
  "number",
  "organisation",
  "partner",
  "period",
  "place",
  "placeholder",
  "placeholders",
  "port",
  "reason",
  "role",
  "row",
  "source",
  "status",
  "target",
  "title",
  "url",
  "value",
  "variable",
  "verdict",
  "year",
]);

/**
 * Words that may follow a number whatever it is, because they do not agree with it:
 * prepositions, and participles that English does not inflect (French ones are listed only
 * when masculine plural and singular are spelt alike).
 */
const INVARIANT: Record<"fr" | "en", ReadonlySet<string>> = {
  fr: new Set(["sur", "sans", "en", "pas", "soumis", "d’entre"]),
  en: new Set([
    "of",
    "on",
    "off",
    "not",
    "without",
    "added",
    "deleted",
    "removed",
    "kept",
    "updated",
    "unchanged",
    "queued",
    "submitted",
    "achieved",
    "failed",
    "saved",
    "answered",
    "refused",
    "reminded",
    "started",
    "late",
  ]),
};

/**
 * The count-bearing placeholders of a message whose next word does not follow their number:
 * "{added} ajoutées" (no word form at all) or "{count} {total|engagement|engagements}" (the
 * form of another number).
 */
function unruledCounts(lang: "fr" | "en", template: string): string[] {
  const found: string[] = [];
  for (const m of template.matchAll(/\{(\w+)\}[ \u00a0\u202f]+(\{(\w+)\||[\p{L}’']+)/gu)) {
    const [, name = "", next = "", selector] = m;
    if (NOT_COUNTS.has(name)) continue;
    if (selector !== undefined) {
      // "2 engagements sur 6 réalisés": words after the second number may agree with the
      // first one, written before it; never with a number that comes later.
      const earlier = template.slice(0, m.index).includes(`{${selector}}`);
      if (selector !== name && !earlier) found.push(`{${name}} ${next}`);
    } else if (!INVARIANT[lang].has(next.toLowerCase())) found.push(`{${name}} ${next}`);
  }
  return found;
}

const catalogues: [string, Record<string, string>, Record<string, string>][] = [
  ["pages", fr, en],
  ["reports", REPORT_CATALOGUES.fr, REPORT_CATALOGUES.en],
  ["printed questionnaire", PRINT_CATALOGUES.fr, PRINT_CATALOGUES.en],
  ["workbook", WORKBOOK_CATALOGUES.fr, WORKBOOK_CATALOGUES.en],
  ["command line", CLI_CATALOGUES.fr, CLI_CATALOGUES.en],
  ["DHIS2 pulls", DHIS2_CATALOGUES.fr, DHIS2_CATALOGUES.en],
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

  it.each(catalogues)(
    "of the %s give every counted word the form its own number calls for",
    (_, french, english) => {
      const found = [
        ...Object.entries(french).flatMap(([key, text]) =>
          unruledCounts("fr", text).map((hit) => `fr ${key}: ${hit}`),
        ),
        ...Object.entries(english).flatMap(([key, text]) =>
          unruledCounts("en", text).map((hit) => `en ${key}: ${hit}`),
        ),
      ];
      expect(found).toEqual([]);
    },
  );

  it("finds a count whose word does not follow it", () => {
    expect(unruledCounts("fr", "{added} ajoutées, {kept} {kept|gardée|gardées}")).toEqual([
      "{added} ajoutées",
    ]);
    expect(unruledCounts("fr", "{count} {total|engagement|engagements} sur {total}")).toEqual([
      "{count} {total|",
    ]);
    expect(unruledCounts("en", "{count} of {total} {total|commitment|commitments}")).toEqual([]);
    expect(
      unruledCounts(
        "fr",
        "{count} {count|engagement|engagements} sur {total} {count|réalisé|réalisés}",
      ),
    ).toEqual([]);
    expect(unruledCounts("fr", "Engagement {number} : {partner} a répondu")).toEqual([]);
  });

  it("writes the forms seen wrong on the pages as their number calls for", () => {
    const t = translator("fr");
    expect(t("scorecard.onTrack", { count: 1, total: 6 })).toBe(
      "1 engagement sur 6 réalisé ou en bonne voie",
    );
    expect(t("ws.mapping.saved", { added: 1, removed: 0, kept: 2 })).toBe(
      "Correspondances enregistrées\u00a0: 1 ajoutée, 0 retirée, 2 conservées (réponse existante).",
    );
  });

  it("say the vocabulary's words alike on the pages and in the reports", () => {
    for (const [lang, words, pages, reports] of [
      ["fr", vocabulary.fr, fr, REPORT_CATALOGUES.fr],
      ["en", vocabulary.en, en, REPORT_CATALOGUES.en],
    ] as const) {
      for (const [key, text] of Object.entries(words)) {
        const page = (pages as Record<string, string>)[key];
        const report = (reports as Record<string, string>)[key];
        expect(page, `${lang} ${key}`).toBe(text);
        // A report's table cell starts with a capital; the word is the same.
        expect(report?.toLocaleLowerCase(), `${lang} ${key}`).toBe(text.toLocaleLowerCase());
      }
    }
  });

  it("has no key that no page uses", () => {
    // The explorer's service words the table it hands to the page and to the downloads alike;
    // the register's templates are worded by their service.
    const code = codeOf(
      "web",
      "http",
      "services/health",
      "services/programme/register-uploads.ts",
      "i18n/tracker/goal.ts",
      "reports/programme",
      "services/programme/dashboard.ts",
    );
    expect(unusedKeys(Object.keys(fr), code)).toEqual([]);
  });

  it("has no key that no report uses", () => {
    const code = codeOf("reports", "i18n/tracker/goal.ts");
    expect(unusedKeys(Object.keys(REPORT_CATALOGUES.fr), code)).toEqual([]);
  });

  it("has no word that the printed questionnaire does not print", () => {
    const code = codeOf("reports");
    const fields: string[] = FIELDS.map((f) => f.key);
    const unused = Object.keys(PRINT_CATALOGUES.fr).filter(
      (key) => !code.includes(`words.${key}`) && !fields.includes(key),
    );
    expect(unused).toEqual([]);
  });

  it("has a header for each workbook column and every instruction line, nothing else", () => {
    const expected = [
      ...QUESTIONNAIRE_COLUMNS.map((column) => `header.${column}`),
      ...INSTRUCTION_LINES,
    ];
    expect(Object.keys(WORKBOOK_CATALOGUES.fr).sort()).toEqual(expected.sort());
  });

  it("has no command-line message that the command line does not print", () => {
    const code = codeOf("cli", "main.ts", "config.ts", "db");
    expect(unusedKeys(Object.keys(CLI_CATALOGUES.fr), code)).toEqual([]);
  });

  it("has a message for each way a DHIS2 pull fails, and the line for DHIS2's own words", () => {
    expect(Object.keys(DHIS2_CATALOGUES.fr).sort()).toEqual(
      [...DHIS2_PULL_CODES, "dhis2_detail"].sort(),
    );
  });

  it("finds a key that nothing uses", () => {
    const code = ['io.out(cliMessage(lang, "listening"));', "t(`status.$", "{s}`);"].join("");
    expect(unusedKeys(["listening", "status.achieved", "stopping"], code)).toEqual(["stopping"]);
  });
});
