// The shared renderers over a neutral document that is neither the report nor the
// questionnaire: every kind of block comes out, with the same words, in DOCX, PDF and HTML, and
// a document without a cover numbers every page.
import { describe, expect, it } from "vitest";
import { type Block, type Document, headingMaker } from "../../src/reports/shared/document.ts";
import { renderDocx } from "../../src/reports/shared/docx.ts";
import { renderHtml } from "../../src/reports/shared/html.ts";
import { renderPdf } from "../../src/reports/shared/pdf.ts";
import { docxParagraphs, pdfPages, zipPart } from "../support/reports.ts";

const SHADE = { fill: "#2e7d32", ink: "#ffffff" };
const CHART = {
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect x="10" y="10" width="120" height="60" fill="#1f5f8b"/></svg>',
  width: 200,
  height: 100,
};

function missionDocument(withCover: boolean): Document {
  const heading = headingMaker();
  const blocks: Block[] = [
    ...(withCover
      ? [
          {
            kind: "cover" as const,
            title: "Rapport de mission",
            subtitle: "Kayes",
            lines: ["Mars 2024"],
            logos: [],
          },
          { kind: "toc" as const, title: "Sommaire", hint: "" },
        ]
      : []),
    { kind: "title", text: "Visite de supervision" },
    heading(1, "Déroulement", withCover),
    { kind: "paragraph", text: "Équipe reçue au CSRéf de Kita." },
    { kind: "paragraph", text: "Aucune rupture signalée.", tone: "muted" },
    { kind: "bullets", items: ["Accueil", "Entretiens"], ordered: true },
    { kind: "mark", text: "Objectif atteint", shade: SHADE },
    heading(2, "Chiffres clés", false, true),
    {
      kind: "table",
      columns: [
        { label: "Structure", width: 0.7 },
        { label: "Sages-femmes", width: 0.3, numeric: true },
      ],
      rows: [
        { group: true, cells: [{ text: "Cercle de Kita" }] },
        {
          cells: [
            { text: "CSCom de Sébékoro", note: "rural" },
            { text: "3", shade: SHADE },
          ],
        },
      ],
    },
    { kind: "chart", chart: CHART, title: "Sages-femmes par structure" },
    { kind: "blank", label: "Signature", value: "" },
    {
      kind: "choice",
      question: "Visite à refaire ?",
      options: [
        { label: "Oui", ticked: false },
        { label: "Non", ticked: true },
      ],
    },
    { kind: "field", label: "Recommandations", text: "Former deux agents.", lines: 2 },
    { kind: "field", label: "Observations", text: "", lines: 3 },
  ];
  return {
    lang: "fr",
    title: "Rapport de mission — Kayes",
    footer: "Mission Kayes · 2024",
    pageLabel: (page, pages) => `Page ${page} sur ${pages}`,
    blocks,
  };
}

const WORDS = [
  "Visite de supervision",
  "Déroulement",
  "Équipe reçue au CSRéf de Kita.",
  "Aucune rupture signalée.",
  "Entretiens",
  "Objectif atteint",
  "Chiffres clés",
  "Sages-femmes",
  "Cercle de Kita",
  "CSCom de Sébékoro",
  "rural",
  "Sages-femmes par structure",
  "Signature :",
  "Visite à refaire ?",
  "Recommandations",
  "Former deux agents.",
  "Observations",
];

describe("a new document through the shared renderers", () => {
  it("says the same words in DOCX, PDF and HTML", async () => {
    const doc = missionDocument(false);
    const docx = await renderDocx(doc);
    const paragraphs = docxParagraphs(zipPart(docx, "word/document.xml")).join("\n");
    const pdf = (await pdfPages(await renderPdf(doc))).join("\n");
    const html = renderHtml(doc);
    for (const word of WORDS) {
      expect(paragraphs).toContain(word);
      expect(pdf).toContain(word);
      expect(html).toContain(word);
    }
    // The boxes: glyphs in Word and HTML (the PDF draws them).
    expect(paragraphs).toContain("☐ Oui");
    expect(paragraphs).toContain("☒ Non");
    expect(html).toContain('<span class="box">☒</span> Non');
    expect(html).toContain('style="background:#2e7d32;color:#ffffff"');
    expect(html).toContain("<svg ");
  });

  it("numbers every page of a document without a cover, and skips the cover when there is one", async () => {
    const plain = await pdfPages(await renderPdf(missionDocument(false)));
    expect(plain[0]).toContain(`Page 1 sur ${plain.length}`);
    expect(plain[0]).toContain("Mission Kayes · 2024");
    const covered = await pdfPages(await renderPdf(missionDocument(true)));
    expect(covered[0]).not.toContain("Page 1");
    expect(covered[1]).toContain("Sommaire");
    expect(covered[1]).toContain(`Page 2 sur ${covered.length}`);

    const plainDocx = await renderDocx(missionDocument(false));
    expect(zipPart(plainDocx, "word/document.xml")).not.toContain("<w:titlePg/>");
    expect(zipPart(plainDocx, "word/settings.xml")).not.toContain("updateFields");
    const coveredDocx = await renderDocx(missionDocument(true));
    expect(zipPart(coveredDocx, "word/document.xml")).toContain("<w:titlePg/>");
    expect(zipPart(coveredDocx, "word/settings.xml")).toContain("updateFields");
  });
});
