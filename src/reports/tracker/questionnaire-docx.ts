// The printable questionnaire as a Word document (docx): the form of annex 1, to print or to fill
// on a computer — respondent lines, then per commitment and indicator the Yes/No boxes (ticked
// when pre-filled) and each answer, or dotted lines to write it by hand.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
} from "docx";
import { bareHex, PAPER } from "../../domain/shared/theme.ts";
import {
  FIELDS,
  fieldText,
  indicatorHeading,
  type PrintAnswer,
  type PrintQuestionnaire,
  type PrintWords,
  partnerName,
  printWords,
} from "./questionnaire-print.ts";

/** A4 width less two 2 cm margins, in twentieths of a point. */
const CONTENT_TWIPS = 11906 - 2 * 1134;
const RULE = bareHex(PAPER.rule);
const ACCENT = bareHex(PAPER.accent);

const writingLine = () =>
  new Paragraph({
    spacing: { before: 0, after: 0, line: 400, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.DOTTED, size: 4, color: RULE, space: 1 } },
    children: [],
  });

function lines(text: string): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 }));
}

function labelLine(label: string, value: string): Paragraph {
  return new Paragraph({
    spacing: { before: 120, after: 120 },
    tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_TWIPS }],
    children: [
      new TextRun({ text: `${label} : `, bold: true }),
      new TextRun({ text: value }),
      // A tab to the right margin, underlined: the line to write on.
      new TextRun({ text: "\t", underline: { type: "dotted", color: RULE } }),
    ],
  });
}

function contributes(words: PrintWords, answer: PrintAnswer | null): Paragraph {
  const mark = (value: "yes" | "no") => (answer?.contributes === value ? "☒" : "☐");
  return new Paragraph({
    keepNext: true,
    spacing: { before: 60, after: 120 },
    children: [
      new TextRun(`${words.contributes}   `),
      new TextRun({ text: mark("yes"), font: "Segoe UI Symbol" }),
      new TextRun(` ${words.yes}    `),
      new TextRun({ text: mark("no"), font: "Segoe UI Symbol" }),
      new TextRun(` ${words.no}`),
    ],
  });
}

function field(label: string, text: string, count: number): Paragraph[] {
  const title = new Paragraph({
    keepNext: true,
    spacing: { before: 120, after: 40 },
    children: [new TextRun({ text: label, bold: true })],
  });
  if (text) {
    return [title, new Paragraph({ indent: { left: 240 }, children: lines(text) })];
  }
  return [title, ...Array.from({ length: count }, writingLine)];
}

function body(q: PrintQuestionnaire, words: PrintWords): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(words.title)] }),
    new Paragraph({ children: [new TextRun(`${partnerName(q)} — ${q.cycle.label}`)] }),
    new Paragraph({
      spacing: { after: 200 },
      children: [
        new TextRun({ text: q.blank ? words.blank : words.prefilled, italics: true, size: 18 }),
      ],
    }),
    new Paragraph({ spacing: { after: 200 }, children: [new TextRun(words.intro)] }),
    labelLine(words.respondent, ""),
    labelLine(words.organisation, q.blank ? "" : partnerName(q)),
    labelLine(words.date, ""),
  ];
  for (const c of q.commitments) {
    out.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun(`${words.commitment} ${c.number} — ${c.title}`)],
      }),
    );
    for (const i of c.indicators) {
      const answer = q.blank ? null : i.answer;
      out.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          children: [new TextRun(indicatorHeading(words, i))],
        }),
        contributes(words, answer),
        ...FIELDS.flatMap((f) => field(words[f.key], fieldText(answer, f.key), f.lines)),
      );
    }
  }
  return out;
}

export async function renderQuestionnaireDocx(q: PrintQuestionnaire): Promise<Uint8Array> {
  const words = printWords(q.lang);
  const doc = new Document({
    creator: "Jalon",
    title: `${words.title} — ${partnerName(q)}`,
    styles: {
      default: {
        document: {
          run: { font: "DejaVu Sans", size: 19 },
          // Explicit "auto" spacing: LibreOffice otherwise lays lines out tighter than Word.
          paragraph: { spacing: { after: 80, line: 264, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: [
        {
          id: "Title",
          name: "Title",
          basedOn: "Normal",
          next: "Normal",
          run: { bold: true, size: 34, color: ACCENT },
          paragraph: { spacing: { after: 80 } },
        },
        {
          id: "Heading1",
          name: "Heading 1",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { bold: true, size: 26, color: ACCENT },
          paragraph: { keepNext: true, spacing: { before: 360, after: 120 }, outlineLevel: 0 },
        },
        {
          id: "Heading2",
          name: "Heading 2",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { bold: true, size: 21 },
          paragraph: {
            keepNext: true,
            keepLines: true,
            spacing: { before: 280, after: 60 },
            outlineLevel: 1,
            border: { top: { style: BorderStyle.SINGLE, size: 6, color: ACCENT, space: 4 } },
          },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, footer: 567 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${partnerName(q)} — ${q.cycle.label} — `, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
                  new TextRun({ text: " / ", size: 16 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: body(q, words),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
