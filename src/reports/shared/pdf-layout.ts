// Page geometry and the small layout primitives the PDF renderer shares: fonts, the space
// left on a page, and drawing text that never runs into the footer.

import PDFDocument from "pdfkit";
import { PAPER } from "../../domain/shared/theme.ts";
import { type FontName, fontBytes } from "./fonts.ts";

export const PAGE = {
  size: "A4" as const,
  margins: { top: 56, bottom: 62, left: 56, right: 56 },
};
export const INK = PAPER.ink;
export const HEADING = PAPER.accent;
export const RULE = PAPER.rule;

export type Pdf = PDFKit.PDFDocument;

export function newPdf(title: string, lang: string): Pdf {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true, // page numbers and the contents page are written at the end
    autoFirstPage: true,
    info: { Title: title, Creator: "Jalon", Producer: "Jalon" },
    lang,
    displayTitle: true,
    pdfVersion: "1.7",
  });
  for (const name of [
    "regular",
    "bold",
    "italic",
    "condensed",
    "condensedBold",
    "condensedItalic",
  ] as FontName[]) {
    doc.registerFont(name, fontBytes(name));
  }
  doc.font("regular").fontSize(10).fillColor(INK);
  return doc;
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function bottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

export function left(doc: Pdf): number {
  return doc.page.margins.left;
}

export function atPageTop(doc: Pdf): boolean {
  return doc.y <= doc.page.margins.top + 1;
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc) && !atPageTop(doc)) {
    doc.addPage();
  }
}

export function useFont(doc: Pdf, font: FontName, size: number, color = INK): Pdf {
  return doc.font(font).fontSize(size).fillColor(color);
}

/**
 * The longest prefix of `text` (cut between words) whose height fits in `height` at `width`,
 * with the current font; the rest is returned too. Used to split a table row over pages.
 */
export function splitToFit(
  doc: Pdf,
  text: string,
  width: number,
  height: number,
): [string, string] {
  if (doc.heightOfString(text, { width, lineGap: 1 }) <= height) return [text, ""];
  const words = text.split(" ");
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.heightOfString(words.slice(0, mid).join(" "), { width, lineGap: 1 }) <= height)
      lo = mid;
    else hi = mid - 1;
  }
  // A single word wider than the column still has to go somewhere: cut it by characters.
  if (lo === 0) {
    const first = words[0] ?? "";
    let chars = first.length;
    while (chars > 1 && doc.heightOfString(first.slice(0, chars), { width, lineGap: 1 }) > height)
      chars = Math.floor(chars / 2);
    return [first.slice(0, chars), [first.slice(chars), ...words.slice(1)].join(" ")];
  }
  return [words.slice(0, lo).join(" "), words.slice(lo).join(" ")];
}
