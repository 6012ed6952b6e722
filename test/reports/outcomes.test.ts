// The annual report's outcome goals in its four formats: each measured goal's baseline, target,
// latest value with its source, the trajectory's value, the pace needed and the computed
// suggestion, printed beside the verdict the stakeholders validated, never instead of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load.ts";
import type { ReportModel } from "../../src/reports/tracker/model.ts";
import { buildReport, renderReport } from "../../src/services/tracker/reports.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { renderer } from "../support/files.ts";
import { docxParagraphs, loadWorkbook, pdfPages, zipPart } from "../support/reports.ts";

const NBSP = "\u00a0";

describe.each(backends)("the report model's outcome goals on %s", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadDemo(t, { reset: false });
  });
  afterAll(() => t.dispose());

  it("reads each goal against its series beside the commitment's verdict", async () => {
    const model = await buildReport(t.db, "2022", "fr", {
      publishedOnly: true,
      today: "2023-02-01",
    });
    const two = model.commitments.find((c) => c.number === 2);
    expect(two?.verdict).toBe("on_track");
    expect(
      two?.outcomes.map((o) => [o.series?.code, o.reading.latest?.value, o.reading.suggestion]),
    ).toEqual([["mcpr-mw", 18.5, "off_track"]]);
    const six = model.commitments.find((c) => c.number === 6);
    expect(six?.outcomes.map((o) => [o.series, o.reading.suggestion])).toEqual([[null, "no_data"]]);
  });
});

describe("the report's outcome goals in every format", () => {
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

  it("prints them in the HTML, beside the validated verdict", async () => {
    const page = new TextDecoder().decode(await renderReport(renderer, fr, "html"));
    expect(page).toContain("Objectifs de résultat");
    expect(page).toContain(`18,5${NBSP}% en 2023`);
    expect(page).toContain("Track20 FPET (estimation)");
    expect(page).toContain(`Attendu sur la trajectoire en 2023${NBSP}: 23,9${NBSP}%`);
    expect(page).toContain("+3,07 pt par an jusqu’en 2030");
    expect(page).toContain("Suggestion calculée");
    expect(page).toContain("elle ne remplace pas le statut validé par les parties prenantes");
    expect(page).toContain(`Statut validé des indicateurs de processus${NBSP}: en bonne voie`);
  });

  it("prints them in the DOCX", async () => {
    const text = docxParagraphs(
      zipPart(await renderReport(renderer, en, "docx"), "word/document.xml"),
    ).join("\n");
    expect(text).toContain("Outcome goals");
    expect(text).toContain("18.5% in 2023");
    expect(text).toContain("Computed suggestion");
    expect(text).toContain("off track");
    expect(text).toMatch(/Validated status of the process indicators: on track/i);
  });

  it("prints them in the PDF", async () => {
    const pages = (await pdfPages(await renderReport(renderer, fr, "pdf"))).join("\n");
    expect(pages).toContain("Objectifs de résultat");
    expect(pages).toMatch(/Suggestion\s+calculée/);
    expect(pages).toMatch(/Statut validé des indicateurs de processus\s:\sen bonne voie/);
    expect(pages).toMatch(/18,5\s% en 2023/);
    expect(pages).toMatch(/Track20 FPET\s+\(estimation\)/);
  });

  it("lists every goal in its own XLSX sheet, typed", async () => {
    const book = await loadWorkbook(await renderReport(renderer, fr, "xlsx"));
    const sheet = book.getWorksheet("Objectifs de résultat");
    expect(sheet?.rowCount).toBe(1 + 5);
    const row = (n: number) => ((sheet?.getRow(n).values ?? []) as unknown[]).slice(1);
    expect(row(2)).toEqual([
      2,
      "Taux de prévalence contraceptive moderne (TPCm)",
      "%",
      "À la hausse",
      2020,
      17,
      2030,
      40,
      2023,
      18.5,
      "Track20 FPET (estimation)",
      "https://www.track20.org/",
      23.9,
      "en retard",
    ]);
    expect(row(3)?.[3]).toBe("À la baisse");
    // Without the health world, commitment 5's skilled-birth-attendance goal has no series, and
    // the state-budget goal has none: said so, no figure invented.
    expect(row(5)?.slice(0, 2)).toEqual([
      5,
      "Taux d’accouchements assistés par du personnel qualifié",
    ]);
    for (const n of [5, 6]) {
      expect(row(n)?.[10]).toBe("aucune série de données reliée");
      expect(row(n)?.[13]).toBe("pas de données");
    }
  });
});
