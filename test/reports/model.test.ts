// The report model built from the Mali 2022 demo: the report's figures come from the data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load.ts";
import { buildReport, reportFileName } from "../../src/services/tracker/reports.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

describe.each(backends)("the report model on %s", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadDemo(t, { reset: false });
  });
  afterAll(() => t.dispose());

  it("counts statuses, blocks and the contributions under 2.2", async () => {
    const m = await buildReport(t.db, "2022", "fr", { publishedOnly: true, today: "2023-02-01" });
    expect(m.counts).toEqual({ achieved: 8, on_track: 7, off_track: 0, not_assessed: 0 });
    expect(m.blocks.map((b) => b.partners.length)).toEqual([12, 10, 7, 8, 6, 7]);
    const i22 = m.commitments[1]?.indicators[1];
    expect(i22?.number).toBe("2.2");
    expect(i22?.contributions.map((c) => c.partner)).toEqual([
      "ONASR",
      "PSI",
      "UNFPA",
      "MSI",
      "Jhpiego",
      "SWEDD",
    ]);
    expect(i22?.contributions.find((c) => c.partner === "PSI")?.outputs).toContainEqual(
      expect.objectContaining({ value: 619, unit: "prestataires formés" }),
    );
    expect(m.methodology).toMatchObject({
      partnersMapped: 14,
      partnersContributing: 14,
      // 77 answers stored; one (a document review) has nothing in it and is not published.
      responses: 76,
    });
    expect(m.methodology.methods).toEqual({
      online: 0,
      interview: 63,
      document_review: 13,
      import: 0,
    });
    expect(m.categories.find((c) => c.category === "private_sector")?.partners).toEqual([]);
    expect(reportFileName(m, "pdf")).toBe("jalon-mali-2022-fr.pdf");
  });

  it("fills the texts' placeholders from the data and lists only the acronyms used", async () => {
    const m = await buildReport(t.db, 2022, "fr");
    expect(m.texts.conclusion).toContain("Sur les 6 engagements, 4 sont réalisés ou en bonne voie");
    expect(m.texts.conclusion).toContain("des 14 organisations contributrices");
    expect(m.texts.context).toContain("avec le Groupe Pivot Santé Population comme");
    for (const text of Object.values(m.texts)) expect(text ?? "").not.toMatch(/\{[a-z_]+\}/);
    const acronyms = m.acronyms.map((a) => a.acronym);
    expect(acronyms).toEqual(
      expect.arrayContaining(["UCPO", "ONASR", "MSDS", "CS4FP", "HP+", "SR/PF", "TPCm", "DMPA-SC"]),
    );
    // In the list of the source report, but nowhere in this report's text.
    expect(acronyms).not.toContain("PFPA");
    expect(acronyms).not.toContain("SDADME");
  });

  it("speaks English, with the French original where no translation exists", async () => {
    const m = await buildReport(t.db, "2022", "en");
    expect(m.cover.cycleLabel).toBe("January – December 2022");
    expect(m.texts.conclusion).toContain("Of the 6 commitments, 4 are achieved or on track");
    // Acronyms are picked from the English text, with their English expansions.
    expect(m.acronyms.find((a) => a.acronym === "ONASR")?.expansion).toBe(
      "National Office of Reproductive Health",
    );
    expect(reportFileName(m, "docx")).toBe("jalon-mali-2022-en.docx");
  });

  it("finds no unpublished or unknown cycle for the public", async () => {
    await t.db.updateTable("cycles").set({ state: "validation", published_at: null }).execute();
    await expect(buildReport(t.db, "2022", "fr")).rejects.toMatchObject({ code: "not_found" });
    const m = await buildReport(t.db, "2022", "fr", { publishedOnly: false });
    expect(m.cover.cycleSlug).toBe("2022");
    await expect(buildReport(t.db, "1999", "fr", { publishedOnly: false })).rejects.toMatchObject({
      code: "not_found",
    });
    await t.db
      .updateTable("cycles")
      .set({ state: "published", published_at: new Date("2022-12-31T00:00:00Z") })
      .execute();
  });
});
