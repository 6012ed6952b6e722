// Pieces of the Word document: the table style, tables (header repeated on each page, coloured
// cells, full-width group rows), the cover with its logo slot, and the pieces of a form (lines
// to write on, boxes to tick).

import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  ImageRun,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { bareHex, PAPER } from "../../domain/shared/theme.ts";
import { type Block, type Cell, logoSizes } from "./document.ts";

/** A4 width less two 2 cm margins, in twentieths of a point. */
export const CONTENT_TWIPS = 11906 - 2 * 1134;

export const hex = bareHex;
const RULE = bareHex(PAPER.rule);

/** A real Word table style, so that a user restyling the tables changes them all at once. */
export const TABLE_STYLE = `<w:style w:type="table" w:styleId="JalonTable"><w:name w:val="Jalon Table"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr><w:tblPr><w:tblBorders>${[
  "top",
  "left",
  "bottom",
  "right",
  "insideH",
  "insideV",
]
  .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${RULE}"/>`)
  .join(
    "",
  )}</w:tblBorders><w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="45" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${bareHex(PAPER.headerFill)}"/></w:tcPr></w:tblStylePr></w:style>`;

function cellParagraphs(c: Cell, options: { bold?: boolean; colour?: string; right?: boolean }) {
  const paragraphs = c.text.split(/\r?\n/).map(
    (line) =>
      new Paragraph({
        style: "CellText",
        ...(options.right ? { alignment: AlignmentType.RIGHT } : {}),
        children: [
          new TextRun({
            text: line,
            bold: options.bold === true || c.bold === true,
            ...(options.colour ? { color: options.colour } : {}),
          }),
        ],
      }),
  );
  if (c.note)
    paragraphs.push(
      new Paragraph({
        style: "CellText",
        spacing: { before: 60 },
        children: [new TextRun({ text: c.note, italics: true, color: bareHex(PAPER.note) })],
      }),
    );
  return paragraphs;
}

const shade = (fill: string) => ({ type: ShadingType.CLEAR, color: "auto", fill });

export function table(b: Extract<Block, { kind: "table" }>): Table {
  const widths = b.columns.map((c) => Math.round(c.width * CONTENT_TWIPS));
  const header = new TableRow({
    tableHeader: true,
    children: b.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          shading: shade(bareHex(PAPER.headerFill)),
          verticalAlign: VerticalAlign.CENTER,
          children: cellParagraphs({ text: c.label }, { bold: true, right: c.numeric === true }),
        }),
    ),
  });
  const rows = b.rows.map((r) =>
    r.group
      ? new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              columnSpan: b.columns.length,
              shading: shade(bareHex(PAPER.groupFill)),
              children: cellParagraphs(r.cells[0] ?? { text: "" }, { bold: true }),
            }),
          ],
        })
      : new TableRow({
          ...(r.minHeight ? { height: { value: r.minHeight * 20, rule: HeightRule.ATLEAST } } : {}),
          children: r.cells.map(
            (c, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                ...(c.shade ? { shading: shade(hex(c.shade.fill)) } : {}),
                children: cellParagraphs(c, {
                  right: b.columns[i]?.numeric === true,
                  ...(c.shade ? { bold: true, colour: hex(c.shade.ink) } : {}),
                }),
              }),
          ),
        }),
  );
  return new Table({
    style: "JalonTable",
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...rows],
  });
}

export function cover(b: Extract<Block, { kind: "cover" }>): Paragraph[] {
  // Logos in one centred row, all the same height; docx sizes pictures in pixels (96 per inch).
  const px = (pt: number) => Math.round((pt * 96) / 72);
  const gapPt = 24;
  const sizes = logoSizes(b.logos, CONTENT_TWIPS / 20, 64, gapPt);
  const logos =
    b.logos.length === 0
      ? []
      : [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 0 },
            children: b.logos.flatMap((l, i) => [
              ...(i > 0 ? [new TextRun({ text: "\u00a0".repeat(6) })] : []),
              new ImageRun({
                type: "png",
                data: l.png,
                transformation: {
                  width: px(sizes[i]?.width ?? 1),
                  height: px(sizes[i]?.height ?? 1),
                },
                altText: { name: l.name, description: l.name, title: l.name },
              }),
            ]),
          }),
        ];
  const centred = (text: string, size: number, bold = false, colour?: string) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200, line: 276, lineRule: LineRuleType.AUTO },
      children: [new TextRun({ text, size, bold, ...(colour ? { color: colour } : {}) })],
    });
  return [
    new Paragraph({ spacing: { before: 2000 }, children: [] }),
    ...logos,
    new Paragraph({ spacing: { before: logos.length > 0 ? 800 : 2300 }, children: [] }),
    centred(b.title, 48, true, bareHex(PAPER.accent)),
    centred(b.subtitle, 32),
    new Paragraph({ spacing: { before: 600 }, children: [] }),
    ...b.lines.map((line) => centred(line, 22)),
    ...(b.credit
      ? [
          new Paragraph({ spacing: { before: 2400 }, children: [] }),
          centred(b.credit, 16, false, bareHex(PAPER.muted)),
        ]
      : []),
  ];
}

/** An empty line to write on: a paragraph of fixed height with a dotted rule at its foot. */
const writingLine = () =>
  new Paragraph({
    spacing: { before: 0, after: 0, line: 400, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.DOTTED, size: 4, color: RULE, space: 1 } },
    children: [],
  });

export function blank(b: Extract<Block, { kind: "blank" }>): Paragraph {
  return new Paragraph({
    spacing: { before: 120, after: 120 },
    tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_TWIPS }],
    children: [
      new TextRun({ text: `${b.label} : `, bold: true }),
      new TextRun({ text: b.value }),
      // A tab to the right margin, underlined: the line to write on.
      new TextRun({ text: "\t", underline: { type: "dotted", color: RULE } }),
    ],
  });
}

export function choice(b: Extract<Block, { kind: "choice" }>): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 60, after: 120 },
    children: [
      new TextRun(`${b.question}   `),
      ...b.options.flatMap((o, i) => [
        new TextRun({ text: o.ticked ? "☒" : "☐", font: "Segoe UI Symbol" }),
        new TextRun(` ${o.label}${i < b.options.length - 1 ? "    " : ""}`),
      ]),
    ],
  });
}

export function field(b: Extract<Block, { kind: "field" }>): Paragraph[] {
  const title = new Paragraph({
    keepNext: true,
    spacing: { before: 120, after: 40 },
    children: [new TextRun({ text: b.label, bold: true })],
  });
  if (b.text)
    return [
      title,
      new Paragraph({
        indent: { left: 240 },
        children: b.text
          .split(/\r?\n/)
          .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
      }),
    ];
  return [title, ...Array.from({ length: b.lines }, writingLine)];
}
