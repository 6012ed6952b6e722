// The printable questionnaire (annex 1 of the method) as a neutral document, drawn by the same
// DOCX and PDF renderers as the report: respondent lines, then per commitment and indicator the
// Yes/No boxes (ticked when pre-filled) and each answer, or empty lines to write it by hand.
import type { Block, Document } from "../shared/document.ts";
import { headingMaker } from "../shared/document.ts";
import {
  FIELDS,
  fieldText,
  indicatorHeading,
  type PrintQuestionnaire,
  pageLabel,
  partnerName,
  printWords,
} from "./questionnaire-print.ts";

export function questionnaireDocument(q: PrintQuestionnaire): Document {
  const words = printWords(q.lang);
  const heading = headingMaker();
  const partner = partnerName(q);
  const blocks: Block[] = [
    { kind: "title", text: words.title },
    { kind: "paragraph", text: `${partner} — ${q.cycle.label}` },
    { kind: "paragraph", text: q.blank ? words.blank : words.prefilled, tone: "muted" },
    { kind: "paragraph", text: words.intro },
    { kind: "blank", label: words.respondent, value: "" },
    { kind: "blank", label: words.organisation, value: q.blank ? "" : partner },
    { kind: "blank", label: words.date, value: "" },
  ];
  for (const c of q.commitments) {
    blocks.push(heading(2, `${words.commitment} ${c.number} — ${c.title}`));
    for (const i of c.indicators) {
      const answer = q.blank ? null : i.answer;
      blocks.push(
        heading(3, indicatorHeading(words, i), false, true),
        {
          kind: "choice",
          question: words.contributes,
          options: [
            { label: words.yes, ticked: answer?.contributes === "yes" },
            { label: words.no, ticked: answer?.contributes === "no" },
          ],
        },
        ...FIELDS.map(
          (f): Block => ({
            kind: "field",
            label: words[f.key],
            text: fieldText(answer, f.key),
            lines: f.lines,
          }),
        ),
      );
    }
  }
  return {
    lang: q.lang,
    title: `${words.title} — ${partner}`,
    footer: `${words.title} — ${partner} — ${q.cycle.label}`,
    pageLabel: (page, pages) => pageLabel(words, page, pages),
    blocks,
  };
}
