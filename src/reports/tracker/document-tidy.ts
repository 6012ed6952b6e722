// What the report leaves out rather than prints empty: a table row that says nothing but a
// placeholder ("Non renseigné", a category with "aucune"), and a column empty in every row
// (results nobody reported). A table whose rows all went becomes one line saying so, and the
// rows left out of a table are named once beneath it. Tables with room to write (the
// questionnaire annex) and those marked `keepEmpty` (a grid) are kept whole: their empty cells
// are the point.
import type { Block, Column, Row } from "../shared/document.ts";

export interface TidyWords {
  /** Cell texts that count as empty ("Non renseigné", "aucune"). */
  placeholders: string[];
  /** The line under a table naming the rows left out: "Aucune donnée pour : {list}." */
  leftOut: (list: string) => string;
  /** What replaces a table whose every row said nothing. */
  nothing: string;
}

const emptyCell = (text: string, words: TidyWords) =>
  text.trim() === "" || words.placeholders.includes(text.trim());

/** A row says nothing when every cell after its label (and a running number) is empty. */
function saysNothing(row: Row, columns: Column[], words: TidyWords): boolean {
  if (row.group) return false;
  const first = columns[0]?.numeric ? 2 : 1;
  const rest = row.cells.slice(first);
  return rest.length > 0 && rest.every((c) => emptyCell(c.text, words) && !c.note && !c.shade);
}

function tidyTable(b: Extract<Block, { kind: "table" }>, words: TidyWords): Block[] {
  if (b.keepEmpty || b.rows.some((r) => r.minHeight !== undefined)) return [b];
  const kept = b.rows.filter((r) => !saysNothing(r, b.columns, words));
  const dropped = b.rows.filter((r) => saysNothing(r, b.columns, words));
  if (!kept.some((r) => !r.group))
    return [{ kind: "paragraph", text: words.nothing, tone: "muted" }];
  // A running number (1, 2, 3…) is renumbered once rows are gone.
  const numbered =
    b.columns[0]?.numeric === true &&
    b.rows.filter((r) => !r.group).every((r, i) => r.cells[0]?.text === String(i + 1));
  let n = 0;
  const rows = kept.map((r) => {
    if (r.group || !numbered) return r;
    n += 1;
    return {
      ...r,
      cells: [{ ...(r.cells[0] ?? { text: "" }), text: String(n) }, ...r.cells.slice(1)],
    };
  });
  // A column empty in every row goes; the others share its width.
  const body = rows.filter((r) => !r.group);
  const empty = b.columns.map(
    (_c, i) =>
      i > 0 && body.every((r) => emptyCell(r.cells[i]?.text ?? "", words) && !r.cells[i]?.note),
  );
  const columns = b.columns.filter((_c, i) => !empty[i]);
  const total = columns.reduce((a, c) => a + c.width, 0);
  const table: Block = {
    ...b,
    columns: columns.map((c) => ({ ...c, width: c.width / total })),
    rows: rows.map((r) => (r.group ? r : { ...r, cells: r.cells.filter((_c, i) => !empty[i]) })),
  };
  const names = dropped
    .map((r) => r.cells[b.columns[0]?.numeric ? 1 : 0]?.text ?? "")
    .filter((x) => x !== "");
  return names.length === 0
    ? [table]
    : [table, { kind: "paragraph", text: words.leftOut(names.join(", ")), tone: "muted" }];
}

export function tidyBlocks(blocks: Block[], words: TidyWords): Block[] {
  return blocks.flatMap((b) => (b.kind === "table" ? tidyTable(b, words) : [b]));
}
