// Reports of unusual cycles still render: one with no answers at all, and one with very long
// texts, markup-like input and spreadsheet formulas typed by partners.

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load.ts";
import { mali2022 } from "../../src/demo/mali-2022/index.ts";
import type { World } from "../../src/demo/world.ts";
import { neutralise } from "../../src/reports/tracker/xlsx.ts";
import { buildReport, renderReport } from "../../src/services/tracker/reports.ts";
import { freshDatabase, type TestDatabase } from "../support/database.ts";
import { renderer } from "../support/files.ts";
import { loadWorkbook, pdfPages, zipPart } from "../support/reports.ts";

const SCRIPT = '<script>alert("x")</script>';
const FORMULA = '=HYPERLINK("http://example.invalid","clic")';
const LONG = Array.from({ length: 2500 }, (_, i) => `mot${i}`).join(" ");

function withoutAnswers(): World {
  const world = structuredClone(mali2022);
  for (const c of world.commitments)
    for (const i of c.indicators) {
      i.contributions = [];
      i.status = "not_assessed";
      i.narrative = null;
    }
  world.meetings = [];
  world.difficulties = [];
  world.recommendations = [];
  world.texts = {};
  return world;
}

function hostile(): World {
  const world = structuredClone(mali2022);
  const partner = world.partners.find((p) => p.key === "psi");
  if (partner) {
    partner.name = { fr: `PSI ${SCRIPT}` };
    partner.acronym = `PSI<b>`;
  }
  const first = world.commitments[0]?.indicators[0];
  if (first) {
    first.narrative = { fr: `${SCRIPT}\n${LONG}` };
    const c = first.contributions[0];
    if (c) {
      c.activities = `${FORMULA}\n${LONG}\n${LONG}`;
      c.outputs = [{ value: 1, unit: "@SUM(A1:A2)" }];
    }
  }
  world.texts = { ...world.texts, conclusion: { fr: `${SCRIPT} & « ${LONG} »` } };
  return world;
}

describe("a cycle with no answers", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase("pglite");
    await loadDemo(t, { reset: false, world: withoutAnswers() });
  });
  afterAll(() => t.dispose());

  it("renders in every format, saying there is nothing to report", async () => {
    const model = await buildReport(t.db, "2022", "fr");
    expect(model.counts).toEqual({ achieved: 0, on_track: 0, off_track: 0, not_assessed: 15 });
    expect(model.methodology.responses).toBe(0);
    const html = new TextDecoder().decode(await renderReport(renderer, model, "html"));
    expect(html).toContain("Aucune contribution n’a été rapportée pour cet indicateur.");
    expect(html).toContain("Aucune réunion de validation n’est enregistrée pour cette période.");
    const pages = await pdfPages(await renderReport(renderer, model, "pdf"));
    expect(pages.join("\n")).toContain("Aucune recommandation enregistrée.");
    const docx = zipPart(await renderReport(renderer, model, "docx"), "word/document.xml");
    expect(docx.includes("Aucune difficulté enregistrée à ce niveau.")).toBe(true);
    const book = await loadWorkbook(await renderReport(renderer, model, "xlsx"));
    expect(book.getWorksheet("Réponses")?.rowCount).toBe(1);
  });
});

describe("a cycle with long texts and hostile input", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase("pglite");
    await loadDemo(t, { reset: false, world: hostile() });
  });
  afterAll(() => t.dispose());

  it("escapes markup in the HTML report", async () => {
    const model = await buildReport(t.db, "2022", "fr");
    const html = new TextDecoder().decode(await renderReport(renderer, model, "html"));
    expect(html).not.toContain("<script");
    expect(html).not.toContain("PSI<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("PSI&lt;b&gt;");
  });

  it("breaks a row taller than a page across pages in the PDF", async () => {
    const model = await buildReport(t.db, "2022", "fr");
    const pages = await pdfPages(await renderReport(renderer, model, "pdf"));
    const all = pages.join(" ");
    expect(all).toContain("mot2499");
    expect(all).toContain("=HYPERLINK");
    // Two 2 500-word copies in one cell fill several pages; the rest of the report follows.
    expect(pages.length).toBeGreaterThan(30);
    expect(all).toContain("Annexe 1");
  });

  it("stores formula-like text as plain text in the XLSX", async () => {
    const model = await buildReport(t.db, "2022", "fr");
    const book = await loadWorkbook(await renderReport(renderer, model, "xlsx"));
    const activities = book.getWorksheet("Réponses")?.getCell(2, 7);
    expect(activities?.type).toBe(ExcelJS.ValueType.String);
    expect(String(activities?.value).startsWith(`'${FORMULA}`)).toBe(true);
    expect(activities?.formula).toBeUndefined();
    const unit = book.getWorksheet("Résultats chiffrés")?.getCell(2, 5);
    expect(unit?.value).toBe("'@SUM(A1:A2)");
    const xml = zipPart(await renderReport(renderer, model, "xlsx"), "xl/worksheets/sheet1.xml");
    expect(xml.includes("<f>")).toBe(false);
  });

  it("renders the DOCX", async () => {
    const model = await buildReport(t.db, "2022", "fr");
    const xml = zipPart(await renderReport(renderer, model, "docx"), "word/document.xml");
    expect(xml.includes("&lt;script&gt;")).toBe(true);
  });
});

describe("formula neutralisation", () => {
  it("prefixes text that a spreadsheet would read as a formula", () => {
    for (const text of ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
      expect(neutralise(text)).toBe(`'${text}`);
    expect(neutralise("Formation de 619 prestataires")).toBe("Formation de 619 prestataires");
  });
});
