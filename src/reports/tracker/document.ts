// The annual report as a neutral document (shared/document.ts), built once from the model so
// that the DOCX, PDF and HTML renderers say exactly the same things; each renderer only decides
// how a block looks. The sentences that quote figures are generated here.

import { REPORT_SECTIONS, type ReportSection } from "../../domain/tracker/report-text.ts";
import type { Status } from "../../domain/tracker/status.ts";
import type { Block, Document, HeadingLevel, Shade } from "../shared/document.ts";
import { headingMaker } from "../shared/document.ts";
import { STATUS_HEX, STATUS_INK } from "./charts.ts";
import { findings } from "./document-findings.ts";
import { frontMatter } from "./document-front.ts";
import { tidyBlocks } from "./document-tidy.ts";
import type { ReportKey, ReportT } from "./i18n.ts";
import { reportTranslator } from "./i18n.ts";
import type { ReportModel } from "./model.ts";
import { textBlocks } from "./model.ts";

export type Heading = (level: HeadingLevel, text: string, pageBreak?: boolean) => Block;

/** A status's traffic-light colour and the text colour readable on it. */
export function statusShade(status: Status): Shade {
  return { fill: STATUS_HEX[status], ink: STATUS_INK[status] };
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

/** The title of each of the report's own sections, by which its place is found in the blocks. */
const SECTION_TITLES: Record<ReportSection, ReportKey> = {
  acronyms: "acronyms.title",
  acknowledgements: "acknowledgements.title",
  context: "context.title",
  project_summary: "summary.title",
  objectives: "objectives.title",
  expected_results: "expected.title",
  strategies: "strategies.title",
  methodology: "methodology.title",
  findings: "findings.title",
  recap: "recap.title",
  synthesis: "synthesis.title",
  highlights: "highlights.title",
  difficulties: "difficulties.title",
  recommendations: "recommendations.title",
  conclusion: "conclusion.title",
};

/**
 * The coordinator's sections put in place: each one at the end of the report's section it
 * follows (before the next heading of level 1), or of the nearest section before it when that
 * one is not printed (a text left unwritten).
 */
function withSections(blocks: Block[], model: ReportModel, t: ReportT, heading: Heading): Block[] {
  if (model.sections.length === 0) return blocks;
  const out = [...blocks];
  const starts = (key: ReportKey) =>
    out.findIndex((b) => b.kind === "heading" && b.level === 1 && b.text === t(key));
  for (const section of [...model.sections].reverse()) {
    let at = -1;
    for (let i = REPORT_SECTIONS.indexOf(section.after); i >= 0 && at < 0; i--)
      at = starts(SECTION_TITLES[REPORT_SECTIONS[i] as ReportSection]);
    if (at < 0) at = out.findIndex((b) => b.kind === "heading" && b.level === 1);
    let end = out.findIndex((b, i) => i > at && b.kind === "heading" && b.level === 1);
    if (end < 0) end = out.length;
    out.splice(end, 0, heading(1, section.title), ...prose(section.text));
  }
  return out;
}

export function reportDocument(model: ReportModel): Document {
  const t: ReportT = reportTranslator(model.lang);
  const heading = headingMaker();
  return {
    lang: model.lang,
    title: `${t("cover.title")} — ${model.cover.cycleLabel}`,
    footer: `${model.cover.country} · ${model.cover.cycleLabel}`,
    pageLabel: (page, pages) => t("page", { page, pages }),
    blocks: tidyBlocks(
      withSections(
        [...frontMatter(model, t, heading), ...findings(model, t, heading)],
        model,
        t,
        heading,
      ),
      {
        placeholders: [t("contributes.unknown"), t("findings.none")],
        leftOut: (list) => t("table.leftOut", { list }),
        nothing: t("table.nothing"),
      },
    ),
    typeset: true,
  };
}
