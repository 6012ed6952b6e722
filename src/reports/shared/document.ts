// A document as a neutral list of blocks — cover, contents, headings, paragraphs, lists, tables,
// charts and the pieces of a form to fill in — that the DOCX, PDF and HTML renderers draw, each
// deciding only how a block looks. A report, a questionnaire or a card is a new document built
// from its own model, never a new renderer; every word and figure is already in the blocks.
import type { Lang } from "../../domain/shared/lang.ts";
import { typeset } from "../../domain/shared/typography.ts";

/** A coloured background and the text colour readable on it ("#rrggbb"). */
export interface Shade {
  fill: string;
  ink: string;
}

export interface Cell {
  text: string;
  /** A second, quieter line (collaborators under activities). */
  note?: string;
  /** A coloured cell, its text in bold (a status). */
  shade?: Shade;
  bold?: boolean;
}

export interface Row {
  cells: Cell[];
  /** A heading row spanning the whole table (a commitment in the recap table). */
  group?: boolean;
  /** Height to leave for writing, in points (the questionnaire's empty answers). */
  minHeight?: number;
}

export interface Column {
  label: string;
  /** Share of the table width; the shares of a table add up to 1. */
  width: number;
  numeric?: boolean;
}

/** A chart already drawn as SVG, with the size it was drawn at (its aspect ratio). */
export interface Chart {
  svg: string;
  width: number;
  height: number;
}

/** A PNG with its size in pixels (its aspect ratio) and whose logo it is (its alternative text). */
export interface Logo {
  png: Uint8Array;
  width: number;
  height: number;
  name: string;
}

/**
 * Each logo's printed size in points: all the same height, shrunk together so that the row
 * fits the width (with `gap` between them) and none is wider than a third of it.
 */
export function logoSizes(
  logos: readonly Logo[],
  width: number,
  height: number,
  gap: number,
): { width: number; height: number }[] {
  const maxOne = width / 3;
  const at = (h: number) => logos.map((l) => Math.min(maxOne, (l.width / l.height) * h));
  const total = at(height).reduce((a, b) => a + b, 0) + gap * Math.max(0, logos.length - 1);
  const scale =
    total > width ? (width - gap * (logos.length - 1)) / (total - gap * (logos.length - 1)) : 1;
  return at(height).map((w, i) => {
    const l = logos[i] as Logo;
    const printed = w * scale;
    return { width: printed, height: (l.height / l.width) * printed };
  });
}

export type HeadingLevel = 1 | 2 | 3;

export type Block =
  /**
   * A page of its own: a row of logos (none, and no room is kept), title, subtitle, a few
   * lines, and a discreet credit at its foot.
   */
  | {
      kind: "cover";
      title: string;
      subtitle: string;
      lines: string[];
      logos: Logo[];
      credit?: string;
    }
  /** The contents (headings of levels 1 and 2), on a page of its own. */
  | { kind: "toc"; title: string; hint: string }
  /** The document's title at the top of its first page, outside the outline. */
  | { kind: "title"; text: string }
  /** `ruled`: a rule above the heading, which opens a section of a form. */
  | {
      kind: "heading";
      level: HeadingLevel;
      text: string;
      id: string;
      pageBreak?: boolean;
      ruled?: boolean;
    }
  | { kind: "paragraph"; text: string; tone?: "muted" | "strong" }
  | { kind: "bullets"; items: string[]; ordered?: boolean }
  /** A short text on a coloured mark (a status). */
  | { kind: "mark"; text: string; shade: Shade }
  /** `keepEmpty`: its empty rows and columns mean something (a grid): none is left out. */
  | { kind: "table"; columns: Column[]; rows: Row[]; caption?: string; keepEmpty?: boolean }
  | { kind: "chart"; chart: Chart; title: string }
  /** "Label : value" followed by a line to write on to the right margin. */
  | { kind: "blank"; label: string; value: string }
  /** A question and its boxes, ticked or not ("☒ Yes ☐ No"). */
  | { kind: "choice"; question: string; options: { label: string; ticked: boolean }[] }
  /** A labelled answer: its text, or `lines` empty lines to write it by hand. */
  | { kind: "field"; label: string; text: string; lines: number };

export interface Document {
  lang: Lang;
  /** The file's title (its metadata). */
  title: string;
  /** Printed at the foot of every page but the cover, beside the page number. */
  footer: string;
  /** "Page {page} sur {pages}", for renderers that number pages themselves. */
  pageLabel: (page: number | string, pages: number | string) => string;
  blocks: Block[];
  /**
   * Set the text as the language prints it (no-break spaces in figures and before high
   * punctuation, curly apostrophes), which every renderer does on opening the document.
   */
  typeset?: boolean;
}

/** Heading ids unique within the document, stable across renderings: "h-3", "h-4"… */
export function headingMaker(): (
  level: HeadingLevel,
  text: string,
  pageBreak?: boolean,
  ruled?: boolean,
) => Block {
  let n = 0;
  return (level, text, pageBreak, ruled) => {
    n += 1;
    return {
      kind: "heading",
      level,
      text,
      id: `h-${n}`,
      ...(pageBreak ? { pageBreak } : {}),
      ...(ruled ? { ruled } : {}),
    };
  };
}

/** Whether the document opens with a cover page (which carries no footer). */
export function hasCover(doc: Document): boolean {
  return doc.blocks[0]?.kind === "cover";
}

/**
 * The document with its words typeset (`domain/shared/typography.ts`) when it asks for it; the
 * DOCX, PDF and HTML renderers each start here, so the three print the same characters. The
 * pieces of a form to fill in are left as written.
 */
export function typesetDocument(doc: Document): Document {
  if (!doc.typeset) return doc;
  const set = (text: string) => typeset(text, doc.lang);
  const cell = (c: Cell): Cell => ({
    ...c,
    text: set(c.text),
    ...(c.note === undefined ? {} : { note: set(c.note) }),
  });
  const block = (b: Block): Block => {
    switch (b.kind) {
      case "cover":
        return {
          ...b,
          title: set(b.title),
          subtitle: set(b.subtitle),
          lines: b.lines.map(set),
          ...(b.credit === undefined ? {} : { credit: set(b.credit) }),
        };
      case "heading":
        return { ...b, text: set(b.text) };
      case "paragraph":
      case "mark":
      case "title":
        return { ...b, text: set(b.text) };
      case "bullets":
        return { ...b, items: b.items.map(set) };
      case "table":
        return {
          ...b,
          columns: b.columns.map((c) => ({ ...c, label: set(c.label) })),
          rows: b.rows.map((r) => ({ ...r, cells: r.cells.map(cell) })),
          ...(b.caption === undefined ? {} : { caption: set(b.caption) }),
        };
      case "chart":
        return { ...b, title: set(b.title) };
      case "field":
        return { ...b, text: set(b.text) };
      default:
        return b;
    }
  };
  return { ...doc, title: set(doc.title), footer: set(doc.footer), blocks: doc.blocks.map(block) };
}
