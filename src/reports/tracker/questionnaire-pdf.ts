// The printable questionnaire as a PDF (pdfkit): the form of annex 1 for interviews and for
// partners who answer on paper — respondent lines, then per commitment and indicator the Yes/No
// boxes (ticked when pre-filled) and each answer, or ruled lines to write it by hand.
import { PAPER } from "../../domain/shared/theme.ts";
import {
  bottom,
  contentWidth,
  ensureSpace,
  HEADING,
  INK,
  left,
  newPdf,
  type Pdf,
  RULE,
  useFont,
} from "./pdf-layout.ts";
import {
  FIELDS,
  fieldText,
  indicatorHeading,
  type PrintAnswer,
  type PrintQuestionnaire,
  type PrintWords,
  pageLabel,
  partnerName,
  printWords,
} from "./questionnaire-print.ts";

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

function contributes(doc: Pdf, words: PrintWords, answer: PrintAnswer | null) {
  ensureSpace(doc, 18);
  const y = doc.y;
  useFont(doc, "regular", 9.5);
  doc.text(words.contributes, left(doc), y, { lineBreak: false });
  let x = left(doc) + doc.widthOfString(words.contributes) + 14;
  for (const [value, label] of [
    ["yes", words.yes],
    ["no", words.no],
  ] as const) {
    box(doc, x, y + 0.5, answer?.contributes === value);
    doc.text(label, x + 13, y, { lineBreak: false });
    x += 13 + doc.widthOfString(label) + 16;
  }
  doc.x = left(doc);
  doc.y = y + 18;
}

function field(doc: Pdf, label: string, text: string, lines: number) {
  const width = contentWidth(doc);
  ensureSpace(doc, 14 + (text ? 14 : LINE));
  useFont(doc, "bold", 9.5);
  doc.text(label, left(doc), doc.y, { width });
  if (text) {
    useFont(doc, "regular", 9.5);
    doc.text(text, left(doc) + 10, doc.y + 2, { width: width - 10, lineGap: 1 });
    doc.y += 6;
  } else {
    ruledLines(doc, lines, left(doc), width);
  }
}

function header(doc: Pdf, q: PrintQuestionnaire, words: PrintWords) {
  const width = contentWidth(doc);
  useFont(doc, "bold", 17, HEADING);
  doc.text(words.title, left(doc), doc.y, { width });
  useFont(doc, "regular", 11);
  doc.text(`${partnerName(q)} — ${q.cycle.label}`, { width });
  useFont(doc, "italic", 9, PAPER.muted);
  doc.text(q.blank ? words.blank : words.prefilled, { width });
  doc.moveDown(0.6);
  useFont(doc, "regular", 9.5);
  doc.text(words.intro, { width, lineGap: 1.5 });
  doc.moveDown(0.8);
  const lines: [string, string][] = [
    [words.respondent, ""],
    [words.organisation, q.blank ? "" : partnerName(q)],
    [words.date, ""],
  ];
  for (const [label, value] of lines) {
    const y = doc.y;
    useFont(doc, "bold", 10);
    doc.text(`${label} :`, left(doc), y, { lineBreak: false });
    const x = left(doc) + 130;
    if (value) {
      useFont(doc, "regular", 10);
      doc.text(value, x, y, { lineBreak: false });
    }
    doc
      .moveTo(x, y + 12)
      .lineTo(left(doc) + width, y + 12)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.x = left(doc);
    doc.y = y + 24;
  }
  doc.moveDown(0.5);
}

function footers(doc: Pdf, q: PrintQuestionnaire, words: PrintWords) {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    useFont(doc, "regular", 8, PAPER.muted);
    doc.text(`${words.title} — ${partnerName(q)} — ${q.cycle.label}`, left(doc), y, {
      width: contentWidth(doc) * 0.75,
      lineBreak: false,
      ellipsis: true,
      height: 10,
    });
    doc.text(pageLabel(words, i + 1, range.count), left(doc), y, {
      width: contentWidth(doc),
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
}

export async function renderQuestionnairePdf(q: PrintQuestionnaire): Promise<Uint8Array> {
  const words = printWords(q.lang);
  const doc = newPdf(`${words.title} — ${partnerName(q)}`, q.lang === "fr" ? "fr-FR" : "en-GB");
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  header(doc, q, words);
  const width = contentWidth(doc);
  for (const c of q.commitments) {
    ensureSpace(doc, 90);
    useFont(doc, "bold", 13, HEADING);
    doc.text(`${words.commitment} ${c.number} — ${c.title}`, left(doc), doc.y, { width });
    doc.moveDown(0.4);
    for (const i of c.indicators) {
      // An indicator's heading never sits alone at the foot of a page.
      ensureSpace(doc, 70);
      const y = doc.y;
      doc
        .moveTo(left(doc), y)
        .lineTo(left(doc) + width, y)
        .lineWidth(0.8)
        .strokeColor(HEADING)
        .stroke();
      doc.y = y + 5;
      useFont(doc, "bold", 10.5);
      doc.text(indicatorHeading(words, i), left(doc), doc.y, { width });
      doc.moveDown(0.4);
      const answer = q.blank ? null : i.answer;
      contributes(doc, words, answer);
      for (const f of FIELDS) field(doc, words[f.key], fieldText(answer, f.key), f.lines);
      if (doc.y > bottom(doc)) doc.addPage();
      doc.moveDown(0.4);
    }
  }
  footers(doc, q, words);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
