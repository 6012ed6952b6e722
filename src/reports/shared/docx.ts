// A document as a Word file (docx): A4, real Heading 1–3 styles (a navigable outline), a
// table of contents filled with page numbers, a table style, page numbers in the footer,
// coloured cells and marks, charts as SVG with a PNG fallback, and the pieces of a form.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TabStopType,
  TextRun,
} from "docx";
import { bareHex, PAPER } from "../../domain/shared/theme.ts";
import { type Block, type Document as Doc, hasCover, typesetDocument } from "./document.ts";
import {
  blank,
  CONTENT_TWIPS,
  choice,
  cover,
  field,
  hex,
  TABLE_STYLE,
  table,
} from "./docx-parts.ts";
import { FONT_FAMILY } from "./fonts.ts";
import { svgToPng } from "./raster.ts";

function heading(level: 1 | 2 | 3) {
  return {
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { bold: true, color: bareHex(PAPER.accent), size: { 1: 32, 2: 26, 3: 22 }[level] },
    paragraph: {
      keepNext: true,
      keepLines: true,
      spacing: { before: { 1: 360, 2: 240, 3: 200 }[level], after: 120 },
      outlineLevel: level - 1,
    },
  };
}

function lines(text: string, options: { italic?: boolean; bold?: boolean } = {}): TextRun[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...options }));
}

function blockChildren(
  b: Block,
  list: { ordered: number },
): (Paragraph | TableOfContents | ReturnType<typeof table>)[] {
  switch (b.kind) {
    case "cover":
      return cover(b);
    case "toc":
      return [
        new Paragraph({ text: b.title, style: "TocTitle", pageBreakBefore: true }),
        new TableOfContents(b.title, { hyperlink: true, headingStyleRange: "1-2" }),
        // Word fills the page numbers when it opens the file (updateFields): the reader is told.
        ...(b.hint ? [new Paragraph({ style: "Muted", children: lines(b.hint) })] : []),
      ];
    case "title":
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(b.text)] })];
    case "heading":
      return [
        new Paragraph({
          heading: {
            1: HeadingLevel.HEADING_1,
            2: HeadingLevel.HEADING_2,
            3: HeadingLevel.HEADING_3,
          }[b.level],
          pageBreakBefore: b.pageBreak === true,
          ...(b.ruled
            ? {
                border: {
                  top: {
                    style: BorderStyle.SINGLE,
                    size: 6,
                    color: bareHex(PAPER.accent),
                    space: 4,
                  },
                },
              }
            : {}),
          children: [new TextRun(b.text)],
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          // A bold line introduces what follows ("Progrès", a commitment's title): keep them together.
          keepNext: b.tone === "strong",
          children: lines(b.text, { bold: b.tone === "strong", italic: b.tone === "muted" }),
          ...(b.tone === "muted" ? { style: "Muted" } : {}),
        }),
      ];
    case "bullets": {
      list.ordered += b.ordered ? 1 : 0;
      return b.items.map(
        (item) =>
          new Paragraph({
            children: lines(item),
            numbering: b.ordered
              ? { reference: "ordered", level: 0, instance: list.ordered }
              : { reference: "bullets", level: 0 },
          }),
      );
    }
    case "mark":
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 60, after: 120 },
          children: [
            new TextRun({
              text: ` ${b.text} `,
              bold: true,
              color: hex(b.shade.ink),
              shading: { type: "clear", color: "auto", fill: hex(b.shade.fill) },
            }),
          ],
        }),
      ];
    case "table":
      return [table(b), new Paragraph({ spacing: { after: 60 }, children: [] })];
    case "chart": {
      const widthPx = 600;
      const heightPx = Math.round((b.chart.height / b.chart.width) * widthPx);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [
            new ImageRun({
              type: "svg",
              data: new TextEncoder().encode(b.chart.svg),
              fallback: { type: "png", data: svgToPng(b.chart.svg, widthPx * 2) },
              transformation: { width: widthPx, height: heightPx },
              altText: { name: b.title, description: b.title, title: b.title },
            }),
          ],
        }),
        new Paragraph({ style: "Caption", alignment: AlignmentType.CENTER, text: b.title }),
      ];
    }
    case "blank":
      return [blank(b)];
    case "choice":
      return [choice(b)];
    case "field":
      return field(b);
  }
}

function footer(report: Doc): Footer {
  // "Page {page} sur {pages}" with the two numbers as Word fields.
  const parts = report.pageLabel("{page}", "{pages}").split(/(\{page\}|\{pages\})/);
  return new Footer({
    children: [
      new Paragraph({
        style: "FooterText",
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_TWIPS }],
        children: [
          new TextRun(report.footer),
          new TextRun("\t"),
          ...parts.map((p) =>
            p === "{page}"
              ? new TextRun({ children: [PageNumber.CURRENT] })
              : p === "{pages}"
                ? new TextRun({ children: [PageNumber.TOTAL_PAGES] })
                : new TextRun(p),
          ),
        ],
      }),
    ],
  });
}

export async function renderDocx(input: Doc): Promise<Uint8Array> {
  const report = typesetDocument(input);
  const locale = report.lang === "fr" ? "fr-FR" : "en-GB";
  const list = { ordered: 0 };
  const withCover = hasCover(report);
  const doc = new Document({
    title: report.title,
    creator: "Jalon",
    description: report.footer,
    // Word fills in the contents' page numbers when it opens the file (it asks first).
    // docx/layout's estimatePageNumbers could write them now, but it doubled the render time
    // (about 1 s) and added 50 MB at peak: over the report's budgets (bench/reports.ts).
    ...(report.blocks.some((b) => b.kind === "toc") ? { features: { updateFields: true } } : {}),
    // The table style comes in as "external" styles, which keeps docx's default styles (Normal,
    // List Paragraph, TOC levels…) beside it.
    externalStyles: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${TABLE_STYLE}</w:styles>`,
    styles: {
      default: {
        document: {
          // The PDF's family, so both print alike; and the language, so Word spell-checks in it.
          run: { font: FONT_FAMILY, size: 20, language: { value: locale } },
          paragraph: { spacing: { after: 100, line: 264, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: [
        heading(1),
        heading(2),
        heading(3),
        {
          id: "Title",
          name: "Title",
          basedOn: "Normal",
          next: "Normal",
          run: { bold: true, size: 34, color: bareHex(PAPER.accent) },
          paragraph: { spacing: { after: 80 } },
        },
        {
          id: "Muted",
          name: "Muted",
          basedOn: "Normal",
          run: { italics: true, color: bareHex(PAPER.muted) },
        },
        {
          id: "TocTitle",
          name: "TOC Title",
          basedOn: "Normal",
          run: { bold: true, size: 32, color: bareHex(PAPER.accent) },
          paragraph: { spacing: { after: 200 } },
        },
        {
          id: "Caption",
          name: "Caption",
          basedOn: "Normal",
          run: { italics: true, size: 18, color: bareHex(PAPER.note) },
          paragraph: { spacing: { after: 240 } },
        },
        {
          id: "FooterText",
          name: "Footer Text",
          basedOn: "Normal",
          run: { size: 16, color: bareHex(PAPER.muted) },
        },
        {
          id: "CellText",
          name: "Table Text",
          basedOn: "Normal",
          run: { size: 17 },
          paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: "bullets",
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: "•",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 260 } } },
            },
          ],
        },
        {
          reference: "ordered",
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 300 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          // The cover page carries no footer.
          titlePage: withCover,
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, footer: 567 },
          },
        },
        footers: {
          default: footer(report),
          ...(withCover
            ? { first: new Footer({ children: [new Paragraph({ children: [] })] }) }
            : {}),
        },
        children: report.blocks.flatMap((b) => blockChildren(b, list)),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
