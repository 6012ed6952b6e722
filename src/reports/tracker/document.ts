// The annual report as a neutral document (shared/document.ts), built once from the model so
// that the DOCX, PDF and HTML renderers say exactly the same things; each renderer only decides
// how a block looks. The sentences that quote figures are generated here.
import type { Status } from "../../domain/tracker/status.ts";
import type { Block, Document, HeadingLevel, Shade } from "../shared/document.ts";
import { headingMaker } from "../shared/document.ts";
import { STATUS_HEX, STATUS_INK } from "./charts.ts";
import { findings } from "./document-findings.ts";
import { frontMatter } from "./document-front.ts";
import type { ReportT } from "./i18n.ts";
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

export function reportDocument(model: ReportModel): Document {
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
