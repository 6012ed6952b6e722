// The pieces of a form in the PDF, for interviews and answers on paper: "Label :" with a line
// to write on, a question with boxes to tick (ticked when pre-filled), and an answer printed
// under its label or ruled lines to write it by hand.
import type { Block } from "./document.ts";
import { contentWidth, ensureSpace, INK, left, type Pdf, RULE, useFont } from "./pdf-layout.ts";

const LINE = 18;

function ruledLines(doc: Pdf, count: number, x: number, width: number) {
  for (let n = 0; n < count; n++) {
    ensureSpace(doc, LINE);
    doc.y += LINE;
    doc
      .moveTo(x, doc.y)
      .lineTo(x + width, doc.y)
      .lineWidth(0.5)
      .dash(1.5, { space: 2 })
      .strokeColor(RULE)
      .stroke()
      .undash();
  }
  doc.y += 6;
}

function box(doc: Pdf, x: number, y: number, ticked: boolean) {
  doc.lineWidth(0.8).strokeColor(INK).rect(x, y, 9, 9).stroke();
  if (ticked) {
    doc
      .lineWidth(1.2)
      .moveTo(x + 1.8, y + 1.8)
      .lineTo(x + 7.2, y + 7.2)
      .moveTo(x + 7.2, y + 1.8)
      .lineTo(x + 1.8, y + 7.2)
      .stroke();
  }
}

export function blank(doc: Pdf, b: Extract<Block, { kind: "blank" }>): void {
  ensureSpace(doc, 24);
  const y = doc.y;
  useFont(doc, "bold", 10);
  doc.text(`${b.label} :`, left(doc), y, { lineBreak: false });
  const x = left(doc) + 130;
  if (b.value) {
    useFont(doc, "regular", 10);
    doc.text(b.value, x, y, { lineBreak: false });
  }
  doc
    .moveTo(x, y + 12)
    .lineTo(left(doc) + contentWidth(doc), y + 12)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.x = left(doc);
  doc.y = y + 24;
}

export function choice(doc: Pdf, b: Extract<Block, { kind: "choice" }>): void {
  ensureSpace(doc, 18);
  const y = doc.y;
  useFont(doc, "regular", 9.5);
  doc.text(b.question, left(doc), y, { lineBreak: false });
  let x = left(doc) + doc.widthOfString(b.question) + 14;
  for (const option of b.options) {
    box(doc, x, y + 0.5, option.ticked);
    doc.text(option.label, x + 13, y, { lineBreak: false });
    x += 13 + doc.widthOfString(option.label) + 16;
  }
  doc.x = left(doc);
  doc.y = y + 18;
}

export function field(doc: Pdf, b: Extract<Block, { kind: "field" }>): void {
  const width = contentWidth(doc);
  ensureSpace(doc, 14 + (b.text ? 14 : LINE));
  useFont(doc, "bold", 9.5);
  doc.text(b.label, left(doc), doc.y, { width });
  if (b.text) {
    useFont(doc, "regular", 9.5);
    doc.text(b.text, left(doc) + 10, doc.y + 2, { width: width - 10, lineGap: 1 });
    doc.y += 6;
  } else {
    ruledLines(doc, b.lines, left(doc), width);
  }
}
