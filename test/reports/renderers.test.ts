// The four renderings of the Mali 2022 report, read back: DOCX (its XML), XLSX (exceljs), PDF
// (pdf.js text) and HTML, checked against the demo world's figures, in French and English.

import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load.ts";
import type { ReportModel } from "../../src/reports/tracker/model.ts";
import { buildReport, renderReport } from "../../src/services/tracker/reports.ts";
import { freshDatabase, type TestDatabase } from "../support/database.ts";
import { renderer } from "../support/files.ts";
import { docxParagraphs, loadWorkbook, pdfPages, zipPart } from "../support/reports.ts";

// Rendering is pure: one database (the model's storage is covered on both backends elsewhere).
let t: TestDatabase;
let fr: ReportModel;
let en: ReportModel;
beforeAll(async () => {
  t = await freshDatabase("pglite");
  await loadDemo(t, { reset: false });
  fr = await buildReport(t.db, "2022", "fr", { publishedOnly: true, today: "2023-02-01" });
  en = await buildReport(t.db, "2022", "en", { publishedOnly: true, today: "2023-02-01" });
});
afterAll(() => t.dispose());

describe("the DOCX report", () => {
  let xml: string;
  beforeAll(async () => {
    xml = zipPart(await renderReport(renderer, fr, "docx"), "word/document.xml");
  });

  it("has a navigable outline of Heading 1–3 and a table of contents", () => {
    const headings = (level: number) =>
      [...xml.matchAll(new RegExp(`<w:pStyle w:val="Heading${level}"/>[\\s\\S]*?</w:p>`, "g"))].map(
        (m) => docxParagraphs(`<w:p>${m[0]}`)[0],
      );
    expect(headings(1)).toEqual(
      expect.arrayContaining([
        "Liste des acronymes",
        "Contexte",
        "Constats et résultats",
        "Synthèse générale",
        "Conclusion",
        "Annexe 1 : questionnaire adressé aux partenaires",
      ]),
    );
    expect(headings(2)).toEqual(
      expect.arrayContaining(["Engagement 1", "Engagement 6", "Code couleur"]),
    );
    expect(headings(3)).toContain(
      "2.2 Formation aux méthodes contraceptives modernes des prestataires de tous les points de prestation",
    );
    expect(xml.includes("TOC \\h \\o &quot;1-2&quot;")).toBe(true);
  });

  it("lists the partners' contributions under 2.2, with PSI's 619 providers", () => {
    const text = docxParagraphs(xml);
    const start = text.findIndex((p) => p.startsWith("2.2 Formation"));
    const end = text.findIndex((p, i) => i > start && p === "Engagement 3");
    const section = text.slice(start, end);
    for (const partner of ["ONASR", "PSI", "UNFPA", "MSI", "Jhpiego", "SWEDD"])
      expect(section).toContain(partner);
    expect(section).toContain("619 prestataires formés");
  });

  it("colours status cells and numbers its pages", async () => {
    expect(xml.includes('w:fill="2E7D32"')).toBe(true); // achieved, green
    expect(xml.includes('w:fill="F2C230"')).toBe(true); // on track, yellow
    expect(xml.includes('<w:tblStyle w:val="JalonTable"/>')).toBe(true);
    const docx = await renderReport(renderer, fr, "docx");
    const footers = ["word/footer1.xml", "word/footer2.xml"].map((p) => zipPart(docx, p)).join("");
    expect(/PAGE/.test(footers) && /NUMPAGES/.test(footers)).toBe(true);
    expect(zipPart(docx, "word/document.xml").includes("asvg:svgBlip")).toBe(true);
  });
});

describe("the XLSX data annex", () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await loadWorkbook(await renderReport(renderer, fr, "xlsx"));
  });

  it("has one sheet per table, with frozen headers and filters", () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Réponses",
      "Résultats chiffrés",
      "Statuts",
      "Synthèse par pilier",
      "Objectifs de résultat",
      "Séries des objectifs",
      "Engagements",
      "Partenaires",
    ]);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
    // The demo's answer with nothing in it is not a published contribution.
    expect(book.getWorksheet("Réponses")?.rowCount).toBe(1 + 76);
  });

  it("types its cells: numbers as numbers, dates as dates", () => {
    const outputs = book.getWorksheet("Résultats chiffrés");
    const psi = outputs
      ?.getRows(2, (outputs?.rowCount ?? 1) - 1)
      ?.find((r) => r.getCell(3).value === "PSI" && r.getCell(2).value === "2.2");
    expect(psi?.getCell(4).value).toBe(619);
    const responses = book.getWorksheet("Réponses");
    expect(responses?.getCell(2, 11).value).toBeInstanceOf(Date);
    expect(responses?.getCell(2, 1).value).toBe(1);
  });

  it("counts 8 achieved and 7 on track, and 12/10/7/8/6/7 organisations per block", () => {
    const statuses = book.getWorksheet("Statuts");
    const values = (statuses?.getColumn(5).values ?? []).slice(2);
    expect(values.filter((v) => v === "Réalisé")).toHaveLength(8);
    expect(values.filter((v) => v === "Sur la bonne voie")).toHaveLength(7);
    const blocks = book.getWorksheet("Synthèse par pilier");
    expect((blocks?.getColumn(2).values ?? []).slice(2)).toEqual([12, 10, 7, 8, 6, 7]);
  });
});

describe("the PDF report", () => {
  let pages: string[];
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderReport(renderer, fr, "pdf");
    pages = await pdfPages(bytes);
  });

  it("is A4 with embedded fonts and French text intact", () => {
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(raw).toContain("/FontFile2");
    const all = pages.join("\n");
    for (const text of [
      "Réalisé",
      "Synthèse générale",
      "Sur la bonne voie",
      "Récapitulatif des statuts par engagement",
      "Accès aux médicaments essentiels",
    ])
      expect(all).toContain(text);
  });

  it("numbers every page after the cover and lists the contributions", () => {
    expect(pages.length).toBeGreaterThan(15);
    expect(pages[1]).toContain(`Page 2 sur ${pages.length}`);
    expect(pages.at(-1)).toContain(`Page ${pages.length} sur ${pages.length}`);
    const all = pages.join("\n");
    expect(all).toContain("619 prestataires formés");
    expect(all).toContain("Table des matières");
  });
});

describe("the HTML report", () => {
  it("is one printable page with inline SVG charts", async () => {
    const html = new TextDecoder().decode(await renderReport(renderer, fr, "html"));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("@page{size:A4");
    // The blocks and statuses charts, then one per outcome goal measured by published figures.
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html).toContain("<h1 id=");
    expect(html).toContain("Synthèse générale");
    expect(html).not.toContain("<script");
  });
});

describe("the English edition", () => {
  it("uses English labels in every format", async () => {
    const html = new TextDecoder().decode(await renderReport(renderer, en, "html"));
    expect(html).toContain('<html lang="en">');
    for (const label of [
      "Overall synthesis",
      "Achieved",
      "On track",
      "Annex 1: questionnaire sent to the partners",
    ])
      expect(html).toContain(label);
    const pdf = (await pdfPages(await renderReport(renderer, en, "pdf"))).join("\n");
    expect(pdf).toContain("Contents");
    expect(pdf).toMatch(/Page 2 of \d+/);
    const docx = docxParagraphs(
      zipPart(await renderReport(renderer, en, "docx"), "word/document.xml"),
    );
    expect(docx).toContain("Findings and results");
    const book = await loadWorkbook(await renderReport(renderer, en, "xlsx"));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Responses",
      "Quantified results",
      "Statuses",
      "By building block",
      "Outcome goals",
      "Goal series",
      "Commitments",
      "Partners",
    ]);
  });
});
