// What the report leaves out of its tables: rows that say nothing but a placeholder (named once
// beneath), columns empty in every row, a table left with nothing; tables with room to write
// and grids marked to keep their empty cells stay whole.
import { describe, expect, it } from "vitest";
import type { Block } from "../../src/reports/shared/document.ts";
import { tidyBlocks } from "../../src/reports/tracker/document-tidy.ts";

const words = {
  placeholders: ["Non renseigné", "aucune"],
  leftOut: (list: string) => `Rien à signaler pour : ${list}.`,
  nothing: "Aucune donnée.",
};
const contributions: Extract<Block, { kind: "table" }> = {
  kind: "table",
  columns: [
    { label: "N°", width: 0.1, numeric: true },
    { label: "Partenaire", width: 0.2 },
    { label: "Activités", width: 0.5 },
    { label: "Résultats", width: 0.2 },
  ],
  rows: [
    { cells: [{ text: "1" }, { text: "PSI" }, { text: "Formation" }, { text: "" }] },
    { cells: [{ text: "2" }, { text: "MSI" }, { text: "Non renseigné" }, { text: "" }] },
    { cells: [{ text: "3" }, { text: "UNFPA" }, { text: "Achats" }, { text: "" }] },
  ],
};

describe("tidy tables", () => {
  it("leaves out placeholder rows and empty columns, renumbers and names what went", () => {
    const [table, note] = tidyBlocks([contributions], words);
    expect(table).toEqual({
      kind: "table",
      columns: [
        { label: "N°", width: 0.125, numeric: true },
        { label: "Partenaire", width: 0.25 },
        { label: "Activités", width: 0.625 },
      ],
      rows: [
        { cells: [{ text: "1" }, { text: "PSI" }, { text: "Formation" }] },
        { cells: [{ text: "2" }, { text: "UNFPA" }, { text: "Achats" }] },
      ],
    });
    expect(note).toEqual({ kind: "paragraph", text: "Rien à signaler pour : MSI.", tone: "muted" });
  });

  it("turns a table of rows that say nothing into one line", () => {
    const empty: Block = {
      kind: "table",
      columns: [
        { label: "Catégorie", width: 0.3 },
        { label: "Organisations", width: 0.7 },
      ],
      rows: [{ cells: [{ text: "Secteur privé" }, { text: "aucune" }] }],
    };
    expect(tidyBlocks([empty], words)).toEqual([
      { kind: "paragraph", text: "Aucune donnée.", tone: "muted" },
    ]);
  });

  it("keeps tables with room to write and grids as they are", () => {
    const form: Block = {
      ...contributions,
      rows: contributions.rows.map((r) => ({ ...r, minHeight: 70 })),
    };
    const grid: Block = { ...contributions, keepEmpty: true };
    expect(tidyBlocks([form, grid], words)).toEqual([form, grid]);
  });
});
