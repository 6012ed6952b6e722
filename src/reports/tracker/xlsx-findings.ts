// The data annex's sheets for the goals' series, the commitments with their verdicts and the
// partner directory (asked vs answered), beside the sheets of xlsx.ts.
import type ExcelJS from "exceljs";
import { STATUS_HEX, STATUS_INK } from "./charts.ts";
import type { ReportT } from "./i18n.ts";
import type { ReportModel } from "./model.ts";
import { addSheet, argb } from "./xlsx.ts";

/** The value the straight trajectory from baseline to target gives in a year, or null. */
function onTrajectory(
  baseline: { year: number; value: number } | null,
  target: { year: number; value: number },
  year: number,
): number | null {
  if (!baseline || target.year === baseline.year) return null;
  const v =
    baseline.value +
    ((target.value - baseline.value) * (year - baseline.year)) / (target.year - baseline.year);
  return Math.round(v * 100) / 100;
}

export function addFindingSheets(book: ExcelJS.Workbook, model: ReportModel, t: ReportT): void {
  const goals = model.commitments.flatMap((c) =>
    c.outcomes.map((o) => ({ commitment: c.number, o })),
  );
  addSheet(book, {
    name: t("sheet.goals"),
    columns: [
      { header: t("table.commitment"), width: 12 },
      { header: t("table.goal"), width: 40, wrap: true },
      { header: t("table.unit"), width: 8 },
      { header: t("table.baselineYear"), width: 12 },
      { header: t("table.baselineValue"), width: 10 },
      { header: t("table.targetYear"), width: 12 },
      { header: t("table.targetValue"), width: 10 },
      { header: t("table.year"), width: 8 },
      { header: t("table.value"), width: 10 },
      { header: t("table.source"), width: 30, wrap: true },
      { header: t("table.expected"), width: 16 },
    ],
    // One row per published value: the series under its goal, with the trajectory's value.
    rows: goals.flatMap(({ commitment, o }) => {
      const head = [
        commitment,
        o.label,
        o.unit,
        o.baseline?.year ?? null,
        o.baseline?.value ?? null,
        o.target.year,
        o.target.value,
      ];
      if (o.points.length === 0) return [[...head, null, null, null, null]];
      return o.points.map((p) => [
        ...head,
        p.year,
        p.value,
        `${p.source} (${t(`outcome.kind.${p.kind}`)})`,
        onTrajectory(o.baseline, o.target, p.year),
      ]);
    }),
  });

  const commitments = addSheet(book, {
    name: t("sheet.commitments"),
    columns: [
      { header: t("table.commitment"), width: 12 },
      { header: t("table.title"), width: 50, wrap: true },
      { header: t("status.achieved"), width: 10 },
      { header: t("status.on_track"), width: 12 },
      { header: t("status.off_track"), width: 12 },
      { header: t("status.not_assessed"), width: 12 },
      { header: t("table.computedVerdict"), width: 18 },
      { header: t("table.verdict"), width: 18 },
      { header: t("table.reason"), width: 60, wrap: true },
    ],
    rows: model.commitments.map((c) => {
      const count = (s: string) => c.indicators.filter((i) => i.status === s).length;
      return [
        c.number,
        c.title,
        count("achieved"),
        count("on_track"),
        count("off_track"),
        count("not_assessed"),
        t(`verdict.${c.computedVerdict}`),
        t(`verdict.${c.verdict}`),
        c.verdictReason,
      ];
    }),
  });
  model.commitments.forEach((c, n) => {
    const cell = commitments.getCell(n + 2, 8);
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(STATUS_HEX[c.verdict]) },
    };
    cell.font = { bold: true, color: { argb: argb(STATUS_INK[c.verdict]) } };
  });

  addSheet(book, {
    name: t("sheet.partners"),
    columns: [
      { header: t("table.acronym"), width: 16 },
      { header: t("table.name"), width: 44, wrap: true },
      { header: t("table.category"), width: 22 },
      { header: t("rates.asked"), width: 11 },
      { header: t("rates.answered"), width: 12 },
      { header: t("table.contributions"), width: 13 },
      { header: t("table.indicator"), width: 30, wrap: true },
      { header: t("table.evidence"), width: 50, wrap: true },
    ],
    rows: model.annexes.partners.map((p) => [
      p.partner,
      p.partnerName,
      t(`category.${p.category}`),
      p.rate.asked,
      p.rate.answered,
      p.contributions.length,
      p.contributions.map((c) => c.indicator).join(", ") || null,
      p.contributions.flatMap((c) => c.evidence.map((e) => e.url)).join("\n") || null,
    ]),
  });
}
