// A document as a neutral list of blocks — cover, contents, headings, paragraphs, lists, tables,
// charts and the pieces of a form to fill in — that the DOCX, PDF and HTML renderers draw, each
// deciding only how a block looks. A report, a questionnaire or a card is a new document built
// from its own model, never a new renderer; every word and figure is already in the blocks.
import type { Lang } from "../../domain/shared/lang.ts";

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

export type HeadingLevel = 1 | 2 | 3;

export type Block =
  /** A page of its own: logo (or its empty slot), title, subtitle and a few lines. */
  | {
      kind: "cover";
      title: string;
      subtitle: string;
      lines: string[];
      logoPng: Uint8Array | null;
      logoLabel: string;
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
  | { kind: "table"; columns: Column[]; rows: Row[]; caption?: string }
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
