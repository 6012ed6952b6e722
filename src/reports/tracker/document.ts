// The report as a sequence of layout blocks (headings, paragraphs, tables, charts), built once
// from the model so that the DOCX, PDF and HTML renderers say exactly the same things; each
// renderer only decides how a block looks. The sentences that quote figures are generated here.
import type { Status } from "../../domain/tracker/status.ts";
import type { Chart } from "./charts.ts";
import { findings } from "./document-findings.ts";
import { frontMatter } from "./document-front.ts";
import type { ReportT } from "./i18n.ts";
import { reportTranslator } from "./i18n.ts";
import type { ReportModel } from "./model.ts";
import { textBlocks } from "./model.ts";

export interface Cell {
  text: string;
  /** A second, quieter line (collaborators under activities). */
  note?: string;
  status?: Status;
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

export type Block =
  | {
      kind: "cover";
      title: string;
      subtitle: string;
      lines: string[];
      logoPng: Uint8Array | null;
      logoLabel: string;
    }
  | { kind: "toc"; title: string; hint: string }
  | { kind: "heading"; level: 1 | 2 | 3; text: string; id: string; pageBreak?: boolean }
  | { kind: "paragraph"; text: string; tone?: "muted" | "strong" }
  | { kind: "bullets"; items: string[]; ordered?: boolean }
  | { kind: "status"; status: Status; text: string }
  | { kind: "table"; columns: Column[]; rows: Row[]; caption?: string }
  | { kind: "chart"; chart: Chart; title: string };

export interface ReportDocument {
  lang: ReportModel["lang"];
  title: string;
  footer: string;
  /** "Page {page} sur {pages}", for renderers that number pages themselves. */
  pageLabel: (page: number | string, pages: number | string) => string;
  blocks: Block[];
}

/** A coordinator's text as paragraphs and bullet lists; nothing when it was not written. */
export function prose(text: string | null): Block[] {
  if (text === null) return [];
  const blocks: Block[] = [];
  for (const b of textBlocks(text)) {
    const last = blocks.at(-1);
    if (b.kind === "li" && last?.kind === "bullets") last.items.push(b.text);
    else if (b.kind === "li") blocks.push({ kind: "bullets", items: [b.text] });
    else blocks.push({ kind: "paragraph", text: b.text });
  }
  return blocks;
}

/** Heading ids unique within the document, stable across renderings: "h-3", "h-4"… */
export function headingMaker(): (level: 1 | 2 | 3, text: string, pageBreak?: boolean) => Block {
  let n = 0;
  return (level, text, pageBreak) => {
    n += 1;
    return { kind: "heading", level, text, id: `h-${n}`, ...(pageBreak ? { pageBreak } : {}) };
  };
}

export function reportDocument(model: ReportModel): ReportDocument {
  const t: ReportT = reportTranslator(model.lang);
  const heading = headingMaker();
  return {
    lang: model.lang,
    title: `${t("cover.title")} — ${model.cover.cycleLabel}`,
    footer: `${model.cover.country} · ${model.cover.cycleLabel}`,
    pageLabel: (page, pages) => t("page", { page, pages }),
    blocks: [...frontMatter(model, t, heading), ...findings(model, t, heading)],
  };
}
