// Tables in the PDF: header repeated on every page, coloured cells, rows kept whole
// when they fit on a page and split between pages (text cut between words) when they do not.
import { PAPER } from "../../domain/shared/theme.ts";
import type { Block, Cell, Row, Shade } from "./document.ts";
import type { FontName } from "./fonts.ts";
import {
  bottom,
  contentWidth,
  INK,
  left,
  type Pdf,
  RULE,
  splitToFit,
  useFont,
} from "./pdf-layout.ts";

const PAD = 3.5;
const SIZE = 8.5;
const HEADER_FILL = PAPER.headerFill;
const GROUP_FILL = PAPER.groupFill;

type Table = Extract<Block, { kind: "table" }>;

interface Piece {
  text: string;
  font: FontName;
}

function pieces(cell: Cell, group: boolean): Piece[] {
  const main: Piece = { text: cell.text, font: cell.bold || group ? "condensedBold" : "condensed" };
  return cell.note ? [main, { text: cell.note, font: "condensedItalic" }] : [main];
}

function piecesHeight(doc: Pdf, list: Piece[], width: number): number {
  let h = 0;
  for (const p of list) {
    if (p.text === "") continue;
    useFont(doc, p.font, SIZE);
    h += doc.heightOfString(p.text, { width, lineGap: 1 }) + (h > 0 ? 2 : 0);
  }
  return h;
}

function drawPieces(
  doc: Pdf,
  list: Piece[],
  x: number,
  y: number,
  width: number,
  ink: string,
  right: boolean,
) {
  let cursor = y;
  for (const p of list) {
    if (p.text === "") continue;
    useFont(doc, p.font, SIZE, p.font === "condensedItalic" ? PAPER.note : ink);
    doc.text(p.text, x, cursor, { width, lineGap: 1, align: right ? "right" : "left" });
    cursor = doc.y + 2;
  }
}

/** Cuts pieces so that they fit in `height`; returns what fits and what is left. */
function cutPieces(doc: Pdf, list: Piece[], width: number, height: number): [Piece[], Piece[]] {
  const fit: Piece[] = [];
  let used = 0;
  for (const [i, p] of list.entries()) {
    useFont(doc, p.font, SIZE);
    const [head, tail] = splitToFit(doc, p.text, width, height - used);
    if (head !== "") fit.push({ ...p, text: head });
    if (tail !== "") return [fit, [{ ...p, text: tail }, ...list.slice(i + 1)]];
    used += doc.heightOfString(head, { width, lineGap: 1 }) + 2;
  }
  return [fit, []];
}

interface Layout {
  x: number[];
  w: number[];
}

function drawRow(
  doc: Pdf,
  layout: Layout,
  cells: Piece[][],
  y: number,
  height: number,
  fills: (string | null)[],
  inks: string[],
  right: boolean[],
) {
  cells.forEach((list, i) => {
    const x = layout.x[i] ?? 0;
    const w = layout.w[i] ?? 0;
    const fill = fills[i];
    if (fill) doc.rect(x, y, w, height).fill(fill);
    doc.lineWidth(0.5).rect(x, y, w, height).stroke(RULE);
    drawPieces(doc, list, x + PAD, y + PAD, w - 2 * PAD, inks[i] ?? INK, right[i] === true);
  });
}

export function drawTable(doc: Pdf, table: Table): void {
  const total = contentWidth(doc);
  const x0 = left(doc);
  const full: Layout = { x: [x0], w: [total] };
  const widths = table.columns.map((c) => c.width * total);
  const layout: Layout = {
    x: widths.map((_, i) => x0 + widths.slice(0, i).reduce((a, b) => a + b, 0)),
    w: widths,
  };
  const header = table.columns.map((c) => [{ text: c.label, font: "condensedBold" as FontName }]);
  const headerHeight = () =>
    Math.max(...header.map((p, i) => piecesHeight(doc, p, (layout.w[i] ?? 0) - 2 * PAD))) + 2 * PAD;
  const drawHeader = () => {
    const h = headerHeight();
    const y = doc.y;
    drawRow(
      doc,
      layout,
      header,
      y,
      h,
      header.map(() => HEADER_FILL),
      [],
      table.columns.map((c) => c.numeric === true),
    );
    doc.y = y + h;
  };
  const newPage = () => {
    doc.addPage();
    drawHeader();
  };

  const queue: { row: Row; cells: Piece[][] }[] = table.rows.map((row) => ({
    row,
    cells: row.group
      ? [pieces(row.cells[0] ?? { text: "" }, true)]
      : row.cells.map((c) => pieces(c, false)),
  }));
  // The header never stays alone at the foot of a page: it needs its first row (or a good
  // part of it, when that row is taller than a page) below it.
  const first = queue[0];
  const firstHeight = first
    ? Math.max(
        ...first.cells.map((p, i) =>
          piecesHeight(doc, p, ((first.row.group ? full : layout).w[i] ?? 0) - 2 * PAD),
        ),
        first.row.minHeight ?? 0,
      ) +
      2 * PAD
    : 0;
  if (doc.y + headerHeight() + Math.min(firstHeight, 150) > bottom(doc)) doc.addPage();
  drawHeader();
  while (queue.length > 0) {
    const item = queue.shift();
    if (!item) break;
    const l = item.row.group ? full : layout;
    const contentHeight = Math.max(
      ...item.cells.map((p, i) => piecesHeight(doc, p, (l.w[i] ?? 0) - 2 * PAD)),
    );
    const height = Math.max(contentHeight + 2 * PAD, item.row.minHeight ?? 0);
    const shades: (Shade | undefined)[] = item.row.cells.map((c) => c.shade);
    const fills = item.row.group ? [GROUP_FILL] : shades.map((s) => s?.fill ?? null);
    const inks = shades.map((s) => s?.ink ?? INK);
    const right = item.row.group ? [false] : table.columns.map((c) => c.numeric === true);
    const room = bottom(doc) - doc.y;
    if (height <= room) {
      const y = doc.y;
      drawRow(doc, l, item.cells, y, height, fills, inks, right);
      doc.y = y + height;
      continue;
    }
    const pageRoom = bottom(doc) - doc.page.margins.top - headerHeight();
    // A row that fits on a fresh page moves there whole; a group row never stays alone at the
    // foot of a page either.
    if (height <= pageRoom || room < 48) {
      newPage();
      queue.unshift(item);
      continue;
    }
    const parts = item.cells.map((p, i) =>
      cutPieces(doc, p, (l.w[i] ?? 0) - 2 * PAD, room - 2 * PAD),
    );
    drawRow(
      doc,
      l,
      parts.map(([fit]) => fit),
      doc.y,
      room,
      fills,
      inks,
      right,
    );
    newPage();
    queue.unshift({
      row: { ...item.row, minHeight: 0 },
      cells: parts.map(([, rest]) => rest),
    });
  }
  doc.x = x0;
  doc.y += 8;
}
