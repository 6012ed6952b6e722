// The demo's English edition is English from cover to annex, in HTML, DOCX and PDF; a passage
// that has no English is printed in French and marked as such in every format, never mixed in
// silently; numbers inside free text follow the edition's locale. The detector is checked on
// the French edition too, so that it cannot pass by seeing nothing.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load.ts";
import { REPORT_CATALOGUES } from "../../src/i18n/report.ts";
import type { ReportFormat, ReportModel } from "../../src/reports/tracker/model.ts";
import { buildReport, renderReport } from "../../src/services/tracker/reports.ts";
import {
  saveAnswerTranslations,
  saveNarrativeTranslation,
} from "../../src/services/tracker/translations.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { htmlPassages, looksFrench, unmarkedFrench } from "../support/english.ts";
import { renderer } from "../support/files.ts";
import { docxParagraphs, pdfPages, zipPart } from "../support/reports.ts";
import { SYSTEM } from "../support/world.ts";

const MARK = REPORT_CATALOGUES.en.untranslated;
const today = "2023-02-01";

interface Texts {
  html: string[];
  docx: string[];
  pdf: string[];
}

async function texts(model: ReportModel): Promise<Texts> {
  const bytes = async (f: ReportFormat) => renderReport(renderer, model, f);
  const [html, docx, pdf] = await Promise.all([bytes("html"), bytes("docx"), bytes("pdf")]);
  return {
    html: htmlPassages(new TextDecoder().decode(html)),
    docx: docxParagraphs(zipPart(docx, "word/document.xml")),
    pdf: (await pdfPages(pdf)).flatMap((page) => page.split("\n")),
  };
}

// Rendering is pure: one database; saving translations is covered on both stores elsewhere.
let t: TestDatabase;
let fr: Texts;
let en: Texts;
beforeAll(async () => {
  t = await freshDatabase("pglite");
  await loadDemo(t, { reset: false });
  const opts = { publishedOnly: true, today };
  fr = await texts(await buildReport(t.db, "2022", "fr", opts));
  en = await texts(await buildReport(t.db, "2022", "en", opts));
}, 60_000);
afterAll(() => t.dispose());

describe("the French detector", () => {
  it("passes English sentences with French names and places in them", () => {
    for (const sentence of [
      "Trained 52 providers of the Kéniéba health district in DMPA-SC.",
      "Neutral organisation: Groupe Pivot Santé Population",
      "Supplied facilities in Sikasso and Ségou; took full part in the family planning campaign.",
      "Under the leadership of the Directorate of Pharmacy and Medicines, AMPPF set up a package.",
    ])
      expect(looksFrench(sentence), sentence).toBe(false);
  });

  it("catches the French edition's sentences, in every format", () => {
    for (const [format, passages] of Object.entries(fr) as [string, string[]][]) {
      const sentences = passages.filter((p) => p.split(/\s+/).length >= 8);
      const caught = sentences.filter(looksFrench);
      expect(sentences.length, format).toBeGreaterThan(100);
      expect(caught.length / sentences.length, format).toBeGreaterThan(0.9);
    }
  });
});

describe("the demo's English edition", () => {
  it("has no French sentence and nothing marked untranslated, in HTML, DOCX and PDF", () => {
    for (const [format, passages] of Object.entries(en) as [string, string[]][]) {
      expect(passages.length, format).toBeGreaterThan(300);
      expect(unmarkedFrench(passages, MARK), format).toEqual([]);
      expect(
        passages.filter((p) => p.includes(MARK)),
        format,
      ).toEqual([]);
    }
  });

  it("prints the partners' activities, units and narratives in English", () => {
    const html = en.html.join("\n");
    expect(html).toContain("Trained 619 providers in 2022 in the integrated module");
    expect(html).toContain("providers trained");
    expect(html).toContain("use the roll-out of universal health insurance (RAMU)");
    expect(html).not.toContain("the report says");
    expect(html).not.toContain("hence the");
  });

  it("writes numbers in free text with the edition's separators", () => {
    const html = en.html.join("\n");
    expect(html).toContain("In all, 1,707 people");
    // A figure and its unit are joined by a no-break space in both editions.
    expect(html).toContain("33,000,000\u00a0FCFA budgeted for family planning in 2022.");
    expect(html).toContain("less than 6% of the national budget");
    const french = fr.html.join("\n");
    expect(french).toContain("1\u00a0707 agents");
  });
});

describe("a passage without English", () => {
  let marked: Texts;
  beforeAll(async () => {
    // The coordinator removes the English of PSI's 2.2 answer and of indicator 1.2's narrative.
    const psi = await t.db
      .selectFrom("responses")
      .innerJoin("partners", "partners.id", "responses.partner_id")
      .innerJoin("indicators", "indicators.id", "responses.indicator_id")
      .select(["responses.id"])
      .where("partners.slug", "=", "psi")
      .where("indicators.code", "=", "d")
      .executeTakeFirstOrThrow();
    await saveAnswerTranslations(
      t.db,
      SYSTEM,
      "2022",
      psi.id,
      { texts: { activities: "" }, units: { "prestataires formés": "" } },
      "en",
    );
    const b = await t.db
      .selectFrom("indicators")
      .select("id")
      .where("code", "=", "b")
      .executeTakeFirstOrThrow();
    await saveNarrativeTranslation(t.db, SYSTEM, "2022", b.id, "  ", "en");
    marked = await texts(await buildReport(t.db, "2022", "en", { publishedOnly: true, today }));
  }, 60_000);

  it("is printed in French, opened by the mark, in HTML and DOCX", () => {
    for (const passages of [marked.html, marked.docx]) {
      expect(passages).toContain(
        `${MARK} Formation en 2022 de 619 prestataires au module intégré : SMNI, PF, SSAJ, WASH et soins centrés sur la personne.`,
      );
      expect(passages.some((p) => p.startsWith(`${MARK} La gratuité de la PF`))).toBe(true);
      expect(passages.some((p) => p.includes(`619 prestataires formés ${MARK}`))).toBe(true);
      expect(unmarkedFrench(passages, MARK)).toEqual([]);
    }
  });

  it("carries the same marks in the PDF", () => {
    const count = (passages: string[]) => passages.join("\n").split(MARK).length - 1;
    expect(count(marked.pdf)).toBeGreaterThanOrEqual(3);
    expect(count(marked.pdf)).toBe(count(marked.html));
    // A PDF cell wraps its lines: the mark and the French that follows it may be on two lines.
    const pdf = marked.pdf.join(" ").replace(/\s+/g, " ");
    expect(pdf).toContain(`${MARK} Formation en 2022 de 619`);
  });

  it("is caught by the detector when the mark is left out", () => {
    const unmarked = marked.html.map((p) => p.replaceAll(`${MARK} `, ""));
    expect(unmarkedFrench(unmarked, MARK).length).toBeGreaterThanOrEqual(2);
  });
});

// The served demo's second cycle (2023, under validation): its answers and units stored with
// their English when the demo loads, on both stores.
describe.each(backends)("the 2023 English edition of the served demo on %s", (backend) => {
  let db: TestDatabase;
  let model: ReportModel;
  let french: ReportModel;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    await loadDemo(db, { reset: false, laterCycle: true });
    const opts = { publishedOnly: false, today: "2024-02-01" };
    model = await buildReport(db.db, "2023", "en", opts);
    french = await buildReport(db.db, "2023", "fr", opts);
  }, 60_000);
  afterAll(() => db.dispose());

  const contributions = (m: ReportModel) =>
    m.commitments.flatMap((c) => c.indicators.flatMap((i) => i.contributions));

  it("prints every answer's activities and units in English, none marked French", () => {
    const answers = contributions(model);
    expect(answers).toHaveLength(15);
    expect(answers.filter((a) => a.activities?.includes(MARK))).toEqual([]);
    expect(answers.filter((a) => a.activities !== null && looksFrench(a.activities))).toEqual([]);
    const units = answers.flatMap((a) => a.outputs.map((o) => o.unit));
    expect(units.filter((u) => u.includes(MARK))).toEqual([]);
    expect(new Set(units)).toEqual(
      new Set([
        "health facilities supplied",
        "providers trained",
        "regions",
        "FCFA",
        "displacement sites",
      ]),
    );
    expect(answers.map((a) => a.activities)).toContain(
      "Reproductive health kits delivered to displacement sites.",
    );
  });

  it("prints them in English in the partners' annex too", () => {
    const blocks = model.annexes.partners.flatMap((p) => p.contributions);
    expect(blocks).toHaveLength(15);
    const texts = blocks.flatMap((b) => [b.activities ?? "", ...b.outputs.map((o) => o.unit)]);
    expect(texts.filter((x) => x.includes(MARK) || looksFrench(x))).toEqual([]);
    expect(texts).toContain("Learning brief on self-injection.");
    expect(texts).toContain("displacement sites");
  });

  it("keeps the French in the French edition", () => {
    const answers = contributions(french);
    expect(answers.map((a) => a.activities)).toContain(
      "Kits de santé reproductive livrés aux sites de déplacés.",
    );
    expect(answers.flatMap((a) => a.outputs.map((o) => o.unit))).toContain("sites de déplacés");
  });
});
