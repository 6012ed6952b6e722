// The report's data annex as an Excel workbook (exceljs): one sheet per table, typed cells
// (numbers as numbers, dates as dates), a frozen header row and filters on every sheet.

import ExcelJS from "exceljs";
import { bareHex, PAPER } from "../../domain/shared/theme.ts";
import { neutralise } from "../shared/cells.ts";
import { STATUS_HEX, STATUS_INK } from "./charts.ts";
import { reportTranslator } from "./i18n.ts";
import type { ReportModel } from "./model.ts";
import { addFindingSheets } from "./xlsx-findings.ts";

export type Value = string | number | Date | null;

export { neutralise };

function cellValue(value: Value): Value {
  return typeof value === "string" ? neutralise(value) : value;
}

interface SheetSpec {
  name: string;
  columns: { header: string; width: number; date?: boolean; wrap?: boolean }[];
  rows: Value[][];
}

export function addSheet(book: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  // Excel limits sheet names to 31 characters and forbids a few signs.
  const sheet = book.addWorksheet(spec.name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
    // Printed on A4 landscape, all columns on one page width.
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width }));
  for (const values of spec.rows) {
    const row = sheet.addRow(values.map(cellValue));
    // Neither exceljs nor every reader sizes rows to wrapped text: estimate the lines.
    const lines = Math.max(
      1,
      ...spec.columns.map((c, i) => {
        const value = values[i];
        if (!c.wrap || typeof value !== "string") return 1;
        return value
          .split("\n")
          .reduce((n, line) => n + Math.max(1, Math.ceil((line.length * 1.1) / c.width)), 0);
      }),
    );
    if (lines > 1) row.height = Math.min(409, lines * 13 + 3);
  }
  spec.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (c.date) column.numFmt = "yyyy-mm-dd";
    column.alignment = { wrapText: c.wrap === true, vertical: "top" };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(PAPER.headerFill) } };
  header.alignment = { wrapText: true, vertical: "middle" };
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, spec.rows.length + 1), column: spec.columns.length },
  };
  return sheet;
}

export async function renderXlsx(model: ReportModel): Promise<Uint8Array> {
  const t = reportTranslator(model.lang);
  const book = new ExcelJS.Workbook();
  book.creator = "Jalon";
  book.title = `${t("cover.title")} — ${model.cover.cycleLabel}`;
  book.created = new Date(`${model.generatedOn}T00:00:00Z`);

  const indicators = model.commitments.flatMap((c) =>
    c.indicators.map((i) => ({ commitment: c.number, ...i })),
  );
  addSheet(book, {
    name: t("sheet.responses"),
    columns: [
      { header: t("table.commitment"), width: 12 },
      { header: t("table.indicator"), width: 11 },
      { header: t("table.title"), width: 40, wrap: true },
      { header: t("table.partner"), width: 16 },
      { header: t("table.category"), width: 22 },
      { header: t("table.contributes"), width: 12 },
      { header: t("table.activities"), width: 70, wrap: true },
      { header: t("table.collaborators"), width: 28, wrap: true },
      { header: t("table.difficulties"), width: 30, wrap: true },
      { header: t("table.method"), width: 18 },
      { header: t("table.answeredOn"), width: 14, date: true },
    ],
    rows: indicators.flatMap((i) =>
      i.contributions.map((r) => [
        i.commitment,
        i.number,
        i.title,
        r.partner,
        t(`category.${r.category}`),
        t(`contributes.${r.contributes}`),
        r.activities,
        r.collaborators.join(", ") || null,
        r.difficulties,
        t(`method.${r.method}`),
        r.answeredAt ? new Date(`${r.answeredAt.slice(0, 10)}T00:00:00Z`) : null,
      ]),
    ),
  });
  addSheet(book, {
    name: t("sheet.outputs"),
    columns: [
      { header: t("table.commitment"), width: 12 },
      { header: t("table.indicator"), width: 11 },
      { header: t("table.partner"), width: 16 },
      { header: t("table.value"), width: 16 },
      { header: t("table.unit"), width: 50, wrap: true },
      { header: t("table.normalisedUnit"), width: 40, wrap: true },
      { header: t("table.doubleCount"), width: 18 },
    ],
    rows: indicators.flatMap((i) =>
      i.contributions.flatMap((r) =>
        r.outputs.map((o) => [
          i.commitment,
          i.number,
          r.partner,
          o.value,
          o.unit,
          o.normalisedUnit,
          o.alsoUnder.length > 0 ? o.alsoUnder.join(", ") : null,
        ]),
      ),
    ),
  }).getColumn(4).numFmt = "#,##0.##";
  const statuses = addSheet(book, {
    name: t("sheet.statuses"),
    columns: [
      { header: t("table.commitment"), width: 12 },
      { header: t("table.indicator"), width: 11 },
      { header: t("table.title"), width: 50, wrap: true },
      { header: t("table.blocks"), width: 30, wrap: true },
      { header: t("table.status"), width: 22 },
      { header: t("table.narrative"), width: 70, wrap: true },
    ],
    rows: indicators.map((i) => [
      i.commitment,
      i.number,
      i.title,
      i.buildingBlocks.map((b) => t(`block.${b}`)).join(", "),
      t(`status.${i.status}`),
      i.narrative,
    ]),
  });
  indicators.forEach((i, n) => {
    const c = statuses.getCell(n + 2, 5);
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(STATUS_HEX[i.status]) } };
    c.font = { bold: true, color: { argb: argb(STATUS_INK[i.status]) } };
  });
  addSheet(book, {
    name: t("sheet.blocks"),
    columns: [
      { header: t("table.block"), width: 36 },
      { header: t("table.count"), width: 10 },
      { header: t("table.organisations"), width: 80, wrap: true },
    ],
    rows: model.blocks.map((b) => [
      t(`block.${b.block}`),
      b.partners.length,
      b.partners.join(", "),
    ]),
  });
  const outcomes = model.commitments.flatMap((c) =>
    c.outcomes.map((o) => ({ commitment: c.number, ...o })),
  );
  if (outcomes.length > 0)
    addSheet(book, {
      name: t("sheet.outcomes"),
      columns: [
        { header: t("table.commitment"), width: 12 },
        { header: t("table.indicator"), width: 40, wrap: true },
        { header: t("table.unit"), width: 8 },
        { header: t("table.direction"), width: 12 },
        { header: `${t("outcome.baseline")} (${t("table.year")})`, width: 12 },
        { header: t("outcome.baseline"), width: 12 },
        { header: `${t("outcome.target")} (${t("table.year")})`, width: 12 },
        { header: t("outcome.target"), width: 10 },
        { header: `${t("outcome.latest")} (${t("table.year")})`, width: 12 },
        { header: t("outcome.latest"), width: 12 },
        { header: t("table.source"), width: 28, wrap: true },
        { header: t("table.address"), width: 30 },
        { header: t("table.expected"), width: 16 },
        { header: t("outcome.suggestion"), width: 16 },
      ],
      rows: outcomes.map((o) => {
        const latest = o.reading.latest;
        return [
          o.commitment,
          o.label,
          o.unit,
          t(`outcome.direction.${o.direction}`),
          o.baseline?.year ?? null,
          o.baseline?.value ?? null,
          o.target.year,
          o.target.value,
          latest?.year ?? null,
          latest?.value ?? null,
          latest
            ? `${latest.source} (${t(`outcome.kind.${latest.kind}`)})`
            : o.series
              ? null
              : t("outcome.noSeries"),
          latest?.url ?? null,
          o.reading.expected === null ? null : Math.round(o.reading.expected * 100) / 100,
          t(`outcome.suggestion.${o.reading.suggestion}`),
        ];
      }),
    });
  addFindingSheets(book, model, t);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export function argb(hex: string): string {
  return `FF${bareHex(hex)}`;
}
