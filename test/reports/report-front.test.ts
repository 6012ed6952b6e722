// The front of the Mali 2022 report as the coordinator sets it: the cover's logos (in the DOCX's
// media and drawn in the PDF), its publication place and date ("1er décembre"), the project
// summary and strategies with their default texts, a section added after the methodology, in
// French and English; the DOCX's language and its request to update fields; typography applied
// to free text; and no placeholder row left.

import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  insertLogo,
  insertSection,
  saveCoverSettings,
} from "../../src/db/tracker/report-covers.ts";
import { findDefaultTracker } from "../../src/db/tracker/trackers.ts";
import { loadDemo } from "../../src/demo/load.ts";
import type { ReportModel } from "../../src/reports/tracker/model.ts";
import { reencodeLogo } from "../../src/services/tracker/logos.ts";
import { buildReport, renderReport } from "../../src/services/tracker/reports.ts";
import { freshDatabase, type TestDatabase } from "../support/database.ts";
import { renderer } from "../support/files.ts";
import { docxParagraphs, pdfPages, zipPart } from "../support/reports.ts";

const NBSP = "\u00a0";
const LOGO_SVG = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="90"><rect width="240" height="90" rx="12" fill="#1f5f8b"/><circle cx="45" cy="45" r="28" fill="#f2b705"/><rect x="90" y="30" width="120" height="30" fill="#ffffff"/></svg>',
);

let t: TestDatabase;
let fr: ReportModel;
let en: ReportModel;
beforeAll(async () => {
  t = await freshDatabase("pglite");
  await loadDemo(t, { reset: false });
  const tracker = await findDefaultTracker(t.db);
  const cycle = await t.db
    .selectFrom("cycles")
    .select("id")
    .where("slug", "=", "2022")
    .executeTakeFirstOrThrow();
  const logo = await reencodeLogo(LOGO_SVG);
  if (!logo.ok || !tracker) throw new Error("the test logo was refused");
  await t.db.transaction().execute(async (trx) => {
    await insertLogo(trx, "test", tracker.id, { name: "Groupe Pivot", ...logo, onCover: true });
    await insertLogo(trx, "test", tracker.id, { name: "Ailleurs", ...logo, onCover: false });
    await saveCoverSettings(trx, "test", cycle.id, { publishedOn: "2026-12-01", place: "Bamako" });
  });
  await insertSection(t.db, "test", cycle.id, {
    after: "methodology",
    title: "Limites de l'exercice",
    titleEn: "Limits of the exercise",
    text: "Sur {mapped} organisations sollicitées, certaines n'ont pas répondu: leurs actions manquent.",
    textEn: "Of the {mapped} organisations asked, some did not answer: their work is missing.",
  });
  fr = await buildReport(t.db, "2022", "fr", { publishedOnly: true, today: "2026-12-04" });
  en = await buildReport(t.db, "2022", "en", { publishedOnly: true, today: "2026-12-04" });
});
afterAll(() => t.dispose());

describe("the report's cover", () => {
  it("prints the chosen logos only, with the publication place and date", () => {
    expect(fr.cover.logos.map((l) => l.name)).toEqual(["Groupe Pivot"]);
    expect(fr.cover.publishedOn).toBe("2026-12-01");
  });

  it("carries the logo in the DOCX's media and the place and date on its cover", async () => {
    const docx = await renderReport(renderer, fr, "docx");
    const media = Object.keys(unzipSync(docx)).filter((p) => p.startsWith("word/media/"));
    expect(media.some((p) => p.endsWith(".png"))).toBe(true);
    const text = docxParagraphs(zipPart(docx, "word/document.xml"));
    expect(text).toContain("Bamako, le 1er décembre 2026");
    expect(text.join("\n")).not.toContain("Logo");
    expect(text.join("\n")).not.toMatch(/produit par Jalon le/i);
  });

  it("draws the logo in the PDF and prints the place and date on its first page", async () => {
    const pdf = await renderReport(renderer, fr, "pdf");
    const raw = Buffer.from(pdf).toString("latin1");
    expect(raw).toMatch(/\/Subtype\s*\/Image/);
    const pages = await pdfPages(pdf);
    expect(pages[0]).toContain("Bamako, le 1er décembre 2026");
    expect(pages[0]).not.toContain("Logo");
  });

  it("keeps no room for a logo when none is chosen", async () => {
    const bare = { ...fr, cover: { ...fr.cover, logos: [] } };
    const media = async (model: ReportModel) =>
      Object.keys(unzipSync(await renderReport(renderer, model, "docx"))).filter((p) =>
        p.startsWith("word/media/"),
      ).length;
    // The charts' pictures only: one fewer than with the logo.
    expect(await media(bare)).toBe((await media(fr)) - 1);
    const html = new TextDecoder().decode(await renderReport(renderer, bare, "html"));
    expect(html).not.toContain('class="logos"');
    expect(html).not.toContain("dashed");
  });

  it("says the place and date in English too", async () => {
    const pages = await pdfPages(await renderReport(renderer, en, "pdf"));
    expect(pages[0]).toContain("Bamako, 1 December 2026");
  });
});

describe("the template's sections", () => {
  it("print the project summary and strategies, from their defaults, in both languages", async () => {
    const frText = docxParagraphs(
      zipPart(await renderReport(renderer, fr, "docx"), "word/document.xml"),
    );
    expect(frText).toContain("Résumé du projet");
    expect(frText).toContain("Stratégies du projet");
    const summary = frText.find((p) => p.startsWith("Pour la période"));
    // The cycle's label, its month in lower case mid-sentence.
    expect(summary).toContain("Pour la période janvier – décembre 2022");
    expect(frText.join("\n")).not.toMatch(/\{[a-z_]+\}/);
    const html = new TextDecoder().decode(await renderReport(renderer, en, "html"));
    expect(html).toContain(">Project summary</h1>");
    expect(html).toContain(">The project’s strategies</h1>");
    expect(html).toContain("The Motion Tracker is an accountability approach");
  });

  it("put the coordinator's section after the methodology, typeset, in both languages", async () => {
    const headings = (text: string) =>
      [...text.matchAll(/<h1[^>]*>([^<]*)<\/h1>/g)].map((m) => m[1] ?? "");
    const frHtml = new TextDecoder().decode(await renderReport(renderer, fr, "html"));
    const list = headings(frHtml);
    const at = list.indexOf("Limites de l’exercice");
    expect(at).toBeGreaterThan(list.indexOf("Approche et méthodologie"));
    expect(list[at + 1]).toBe("Constats et résultats");
    expect(frHtml).toContain(
      `Sur ${fr.methodology.partnersMapped} organisations sollicitées, certaines n’ont pas répondu${NBSP}: leurs actions manquent.`,
    );
    const enHtml = new TextDecoder().decode(await renderReport(renderer, en, "html"));
    expect(headings(enHtml)).toContain("Limits of the exercise");
    expect(enHtml).toContain("some did not answer: their work is missing.");
  });
});

describe("the Word file", () => {
  it("is in the report's language, asks Word to update its fields and says so", async () => {
    const docx = await renderReport(renderer, fr, "docx");
    expect(zipPart(docx, "word/styles.xml")).toContain('w:lang w:val="fr-FR"');
    expect(zipPart(docx, "word/settings.xml")).toMatch(
      /<w:updateFields(?: w:val="(?:true|1)")?\/>/,
    );
    expect(docxParagraphs(zipPart(docx, "word/document.xml")).join("\n")).toContain(
      "Word numérote les pages de cette table à l’ouverture du fichier",
    );
    expect(zipPart(docx, "word/styles.xml")).toContain('w:ascii="DejaVu Sans"');
    const english = await renderReport(renderer, en, "docx");
    expect(zipPart(english, "word/styles.xml")).toContain('w:lang w:val="en-GB"');
  });
});

describe("empty and placeholder content", () => {
  it("leaves out rows that say nothing, in every format", async () => {
    const docx = docxParagraphs(
      zipPart(await renderReport(renderer, fr, "docx"), "word/document.xml"),
    );
    const html = new TextDecoder().decode(await renderReport(renderer, fr, "html"));
    const pdf = (await pdfPages(await renderReport(renderer, fr, "pdf"))).join("\n");
    for (const text of [docx.join("\n"), html, pdf]) {
      expect(text).not.toContain("Non renseigné");
      expect(text).not.toMatch(/Import\s*<\/td><td class="num">0</);
    }
    // The collection methods table has a row only for methods that were used.
    const methods = fr.methodology.methods;
    const used = Object.values(methods).filter((n) => n > 0).length;
    expect(used).toBeLessThan(Object.keys(methods).length);
  });

  it("keeps figures whole in free text", async () => {
    const html = new TextDecoder().decode(await renderReport(renderer, fr, "html"));
    const text = html.replace(/<svg[\s\S]*?<\/svg>/g, "");
    expect(text).not.toMatch(/\d \d{3}(?!\d)/);
    expect(text).toMatch(/\d\u00a0\d{3}/);
  });
});
