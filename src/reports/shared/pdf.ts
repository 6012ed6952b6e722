// A document as a PDF (pdfkit, no browser): A4, DejaVu fonts embedded, a contents page with
// links, bookmarks, numbered pages, coloured marks, tables that break across pages, the charts'
// SVG drawn as vectors (svg-to-pdfkit) and the pieces of a form.

import SVGtoPDF from "svg-to-pdfkit";
import { PAPER } from "../../domain/shared/theme.ts";
import { type Block, type Document, hasCover, logoSizes, typesetDocument } from "./document.ts";
import { blank, choice, field } from "./pdf-form.ts";
import {
  atPageTop,
  bottom,
  contentWidth,
  ensureSpace,
  HEADING,
  INK,
  left,
  newPdf,
  type Pdf,
  useFont,
} from "./pdf-layout.ts";
import { drawTable } from "./pdf-table.ts";

const HEADING_SIZE = { 1: 17, 2: 13, 3: 11 } as const;

interface TocEntry {
  level: 1 | 2;
  text: string;
  id: string;
  page: number;
}

/** Up to about six lines of body text: a paragraph no taller is never split across pages. */
const SHORT_PARAGRAPH = 80;

function paragraph(doc: Pdf, text: string, tone?: "muted" | "strong") {
  const font = tone === "strong" ? "bold" : tone === "muted" ? "italic" : "regular";
  useFont(doc, font, 10, tone === "muted" ? PAPER.muted : INK);
  const options = { width: contentWidth(doc), lineGap: 1.5 };
  // A short paragraph is kept on one page: cut, it would leave a line or two alone on the next.
  const height = doc.heightOfString(text, options);
  ensureSpace(doc, height <= SHORT_PARAGRAPH ? height : 14);
  doc.text(text, left(doc), doc.y, options);
  doc.moveDown(0.5);
}

function bullets(doc: Pdf, items: string[], ordered: boolean | undefined) {
  const indent = 16;
  items.forEach((item, i) => {
    useFont(doc, "regular", 10);
    ensureSpace(doc, 14);
    const y = doc.y;
    doc.text(ordered ? `${i + 1}.` : "•", left(doc) + 2, y, { width: indent, lineBreak: false });
    doc.text(item, left(doc) + indent, y, { width: contentWidth(doc) - indent, lineGap: 1.5 });
    doc.moveDown(0.25);
  });
  doc.moveDown(0.3);
}

function mark(doc: Pdf, b: Extract<Block, { kind: "mark" }>) {
  useFont(doc, "bold", 9.5);
  const w = doc.widthOfString(b.text) + 14;
  ensureSpace(doc, 22);
  const y = doc.y;
  doc.roundedRect(left(doc), y, w, 16, 3).fill(b.shade.fill);
  useFont(doc, "bold", 9.5, b.shade.ink);
  doc.text(b.text, left(doc) + 7, y + 3.5, { lineBreak: false });
  doc.x = left(doc);
  doc.y = y + 22;
}

function chart(doc: Pdf, b: Extract<Block, { kind: "chart" }>) {
  const width = contentWidth(doc);
  const height = (b.chart.height / b.chart.width) * width;
  ensureSpace(doc, height + 24);
  SVGtoPDF(doc, b.chart.svg, left(doc), doc.y, {
    width,
    height,
    // Every family in the SVG is drawn with the embedded DejaVu Sans.
    fontCallback: (_family: string, bold: boolean) => (bold ? "bold" : "regular"),
  });
  doc.y += height + 2;
  useFont(doc, "italic", 9, PAPER.note);
  doc.text(b.title, left(doc), doc.y, { width, align: "center" });
  doc.moveDown(0.8);
}

function cover(doc: Pdf, b: Extract<Block, { kind: "cover" }>) {
  const width = contentWidth(doc);
  const x = left(doc);
  // The logos in one centred row above the title; without any, the title keeps its place.
  const gap = 24;
  const sizes = logoSizes(b.logos, width, 64, gap);
  const rowWidth = sizes.reduce((a, s) => a + s.width, 0) + gap * Math.max(0, sizes.length - 1);
  let logoX = x + (width - rowWidth) / 2;
  b.logos.forEach((logo, i) => {
    const size = sizes[i] ?? { width: 0, height: 0 };
    doc.image(Buffer.from(logo.png), logoX, 150 + (64 - size.height) / 2, {
      width: size.width,
      height: size.height,
    });
    logoX += size.width + gap;
  });
  useFont(doc, "bold", 24, HEADING);
  doc.text(b.title, x, 290, { width, align: "center" });
  doc.moveDown(0.6);
  useFont(doc, "regular", 16);
  doc.text(b.subtitle, x, doc.y, { width, align: "center" });
  doc.moveDown(2);
  for (const line of b.lines) {
    useFont(doc, "regular", 11);
    doc.text(line, x, doc.y, { width, align: "center" });
    doc.moveDown(0.6);
  }
  doc
    .lineWidth(2)
    .moveTo(x + width / 4, 270)
    .lineTo(x + (3 * width) / 4, 270)
    .stroke(HEADING);
  if (b.credit) {
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    useFont(doc, "regular", 8, PAPER.muted);
    doc.text(b.credit, x, doc.page.height - 48, { width, align: "center", lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}

function heading(
  doc: Pdf,
  b: Extract<Block, { kind: "heading" }>,
  toc: TocEntry[],
  outline: Map<1 | 2, PDFKit.PDFOutline>,
) {
  if (b.pageBreak && !atPageTop(doc)) doc.addPage();
  // A heading keeps at least a few lines of what follows on its page.
  ensureSpace(doc, HEADING_SIZE[b.level] * 2 + 50);
  doc.moveDown(atPageTop(doc) ? 0 : 0.6);
  if (b.ruled) {
    doc
      .moveTo(left(doc), doc.y)
      .lineTo(left(doc) + contentWidth(doc), doc.y)
      .lineWidth(0.8)
      .strokeColor(HEADING)
      .stroke();
    doc.y += 5;
  }
  doc.addNamedDestination(b.id, "XYZ", left(doc), doc.page.height - doc.y + 6, null);
  useFont(doc, "bold", HEADING_SIZE[b.level], HEADING);
  doc.text(b.text, left(doc), doc.y, { width: contentWidth(doc) });
  if (b.level === 1) {
    doc
      .lineWidth(1.2)
      .moveTo(left(doc), doc.y + 1)
      .lineTo(left(doc) + contentWidth(doc), doc.y + 1)
      .stroke(HEADING);
    doc.y += 4;
  }
  doc.moveDown(0.4);
  const page = doc.bufferedPageRange().start + doc.bufferedPageRange().count;
  if (b.level === 1) {
    toc.push({ level: 1, text: b.text, id: b.id, page });
    outline.set(1, doc.outline.addItem(b.text));
  } else if (b.level === 2) {
    toc.push({ level: 2, text: b.text, id: b.id, page });
    (outline.get(1) ?? doc.outline).addItem(b.text);
  }
}

/** Writes the contents page reserved at the start, once every heading knows its page. */
function contents(doc: Pdf, pageIndex: number, title: string, toc: TocEntry[]) {
  doc.switchToPage(pageIndex);
  doc.x = left(doc);
  doc.y = doc.page.margins.top;
  useFont(doc, "bold", 17, HEADING);
  doc.text(title, left(doc), doc.y);
  doc.moveDown(0.8);
  // Level 2 entries are left out if the whole list would not fit on one page.
  const entries = toc.length * 15 > bottom(doc) - doc.y ? toc.filter((e) => e.level === 1) : toc;
  const width = contentWidth(doc);
  for (const e of entries) {
    const indent = e.level === 1 ? 0 : 16;
    useFont(doc, e.level === 1 ? "bold" : "regular", e.level === 1 ? 10.5 : 9.5);
    const y = doc.y;
    const pageText = String(e.page);
    const pageWidth = doc.widthOfString(pageText);
    doc.text(e.text, left(doc) + indent, y, {
      width: width - indent - 30,
      goTo: e.id,
      lineBreak: false,
      ellipsis: true,
      height: 14,
    });
    doc.text(pageText, left(doc) + width - pageWidth, y, { lineBreak: false, goTo: e.id });
    doc.x = left(doc);
    doc.y = y + (e.level === 1 ? 16 : 14);
  }
}

/** Footer on every page but the cover: the document's name and "Page n of N". */
function footers(doc: Pdf, report: Document) {
  const range = doc.bufferedPageRange();
  const first = range.start + (hasCover(report) ? 1 : 0);
  for (let i = first; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise open a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    useFont(doc, "regular", 8, PAPER.muted);
    doc.text(report.footer, left(doc), y, {
      width: contentWidth(doc) * 0.75,
      lineBreak: false,
      ellipsis: true,
      height: 10,
    });
    doc.text(report.pageLabel(i + 1, range.count), left(doc), y, {
      width: contentWidth(doc),
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
}

function title(doc: Pdf, text: string) {
  useFont(doc, "bold", 17, HEADING);
  doc.text(text, left(doc), doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.2);
}

export async function renderPdf(input: Document): Promise<Uint8Array> {
  const report = typesetDocument(input);
  const doc = newPdf(report.title, report.lang === "fr" ? "fr-FR" : "en-GB");
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });

  const toc: TocEntry[] = [];
  const outline = new Map<1 | 2, PDFKit.PDFOutline>();
  let tocPage: { index: number; title: string } | null = null;
  for (const b of report.blocks) {
    switch (b.kind) {
      case "cover":
        cover(doc, b);
        break;
      case "toc":
        doc.addPage();
        tocPage = { index: doc.bufferedPageRange().count - 1, title: b.title };
        doc.addPage();
        break;
      case "heading":
        heading(doc, b, toc, outline);
        break;
      case "paragraph":
        paragraph(doc, b.text, b.tone);
        break;
      case "bullets":
        bullets(doc, b.items, b.ordered);
        break;
      case "title":
        title(doc, b.text);
        break;
      case "mark":
        mark(doc, b);
        break;
      case "table":
        drawTable(doc, b);
        break;
      case "chart":
        chart(doc, b);
        break;
      case "blank":
        blank(doc, b);
        break;
      case "choice":
        choice(doc, b);
        break;
      case "field":
        field(doc, b);
        break;
    }
  }
  if (tocPage) contents(doc, tocPage.index, tocPage.title, toc);
  footers(doc, report);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
