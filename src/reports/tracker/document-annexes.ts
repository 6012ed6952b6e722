// The report's parts that look across: the verdict rule (methodology), the commitment ×
// indicator matrix, trends across cycles with the outcome goals' charts, response rates, the
// follow-up of the previous cycle's recommendations and the partner annex.

import type { Status } from "../../domain/tracker/status.ts";
import { percent } from "../../domain/tracker/synthesis.ts";
import type { Block, Row } from "../shared/document.ts";
import { outcomeChart } from "./charts.ts";
import { type Heading, statusShade } from "./document.ts";
import { formatNumber, formatValue, type ReportT } from "./i18n.ts";
import type { ReportModel } from "./model.ts";

const RANK: Record<Status, number> = { off_track: 0, on_track: 1, achieved: 2, not_assessed: -1 };

/** The methodology's statement of the rule, and what a recorded verdict does. */
export function verdictRuleBlocks(t: ReportT, heading: Heading): Block[] {
  return [
    heading(2, t("verdictRule.title")),
    { kind: "paragraph", text: t("verdictRule.text") },
    { kind: "paragraph", text: t("verdictRule.override") },
  ];
}

/** A verdict alone in a cell: first letter in capitals, like the statuses. */
export function verdictCell(t: ReportT, v: Status): string {
  const text = t(`verdict.${v}`);
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** A title cut to a length a matrix cell can hold. */
function short(text: string, max = 70): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** One row per commitment, its verdict, then each indicator's light: fits on one page. */
export function matrixBlocks(model: ReportModel, t: ReportT, heading: Heading): Block[] {
  const most = Math.max(1, ...model.commitments.map((c) => c.indicators.length));
  const share = 0.62 / most;
  return [
    heading(1, t("matrix.title"), true),
    { kind: "paragraph", text: t("matrix.intro") },
    {
      kind: "table",
      columns: [
        { label: t("table.commitment"), width: 0.24 },
        { label: t("recap.verdict"), width: 0.14 },
        ...Array.from({ length: most }, (_, n) => ({
          label: t("matrix.indicator", { n: n + 1 }),
          width: share,
        })),
      ],
      rows: model.commitments.map((c) => ({
        cells: [
          { text: String(c.number), bold: true, note: short(c.title, 90) },
          { text: verdictCell(t, c.verdict), shade: statusShade(c.verdict) },
          ...Array.from({ length: most }, (_, n) => {
            const i = c.indicators[n];
            // The title goes in the shaded text itself: a quieter note would not read on it.
            return i
              ? {
                  text: `${i.number} ${t(`status.${i.status}`)}\n${short(i.title, 60)}`,
                  shade: statusShade(i.status),
                }
              : { text: "" };
          }),
        ],
      })),
    },
  ];
}

function change(t: ReportT, before: Status | undefined, now: Status): string {
  if (before === undefined || before === "not_assessed" || now === "not_assessed") return "";
  const d = RANK[now] - RANK[before];
  return d > 0 ? t("trends.up") : d < 0 ? t("trends.down") : t("trends.same");
}

/** Each indicator's and commitment's light per cycle, then the outcome goals as charts. */
export function trendsBlocks(model: ReportModel, t: ReportT, heading: Heading): Block[] {
  const trends = model.annexes.trends;
  const measured = model.commitments.flatMap((c) =>
    c.outcomes.filter((o) => o.points.length > 0).map((o) => ({ c, o })),
  );
  if (!trends && measured.length === 0) return [];
  const blocks: Block[] = [heading(1, t("trends.title"), true)];
  if (trends) {
    const years = trends.cycles.length;
    const statusShare = 0.4 / years;
    blocks.push(
      { kind: "paragraph", text: t("trends.intro", { count: years }) },
      {
        kind: "table",
        columns: [
          { label: t("table.number"), width: 0.07 },
          { label: t("table.indicator"), width: 0.39 },
          ...trends.cycles.map((c) => ({ label: c.year, width: statusShare })),
          { label: t("trends.change"), width: 0.14 },
        ],
        rows: trends.indicators.map((i) => ({
          cells: [
            { text: i.number, bold: true },
            { text: i.title },
            ...i.statuses.map((s) => ({ text: t(`status.${s}`), shade: statusShade(s) })),
            { text: change(t, i.statuses.at(-2), i.statuses.at(-1) ?? "not_assessed") },
          ],
        })),
      },
      heading(2, t("trends.verdicts")),
      {
        kind: "table",
        columns: [
          { label: t("table.commitment"), width: 0.46 },
          ...trends.cycles.map((c) => ({ label: c.year, width: statusShare })),
          { label: t("trends.change"), width: 0.14 },
        ],
        rows: trends.commitments.map((c) => ({
          cells: [
            { text: t("commitment.line", { number: c.number, title: short(c.title, 60) }) },
            ...c.verdicts.map((v) => ({ text: verdictCell(t, v), shade: statusShade(v) })),
            { text: change(t, c.verdicts.at(-2), c.verdicts.at(-1) ?? "not_assessed") },
          ],
        })),
      },
    );
  }
  blocks.push(heading(2, t("trends.outcomes")));
  if (measured.length === 0)
    blocks.push({ kind: "paragraph", text: t("trends.noOutcome"), tone: "muted" });
  const value = (v: number, unit: string) => formatValue(model.lang, v, unit);
  for (const { c, o } of measured)
    blocks.push(
      {
        kind: "paragraph",
        tone: "strong",
        text: t("commitment.line", { number: c.number, title: o.label }),
      },
      {
        kind: "paragraph",
        tone: "muted",
        text: t("trends.outcomeLine", {
          baseline: o.baseline ? `${value(o.baseline.value, o.unit)} (${o.baseline.year})` : "—",
          target: `${value(o.target.value, o.unit)} (${o.target.year})`,
        }),
      },
      {
        kind: "chart",
        title: o.label,
        chart: outcomeChart({
          unit: o.unit,
          baseline: o.baseline,
          target: o.target,
          points: o.points,
          labels: {
            estimate: t("trends.estimate"),
            survey: t("trends.survey"),
            trajectory: t("trends.trajectory"),
            target: t("trends.target"),
          },
        }),
      },
    );
  return blocks;
}

/** Organisations asked vs answered, overall and per indicator. */
export function ratesBlocks(model: ReportModel, t: ReportT, heading: Heading): Block[] {
  const r = model.annexes.responseRates;
  const n = (v: number) => formatNumber(model.lang, v);
  const asked = r.categories.reduce((s, c) => s + c.asked, 0);
  const answered = r.categories.reduce((s, c) => s + c.answered, 0);
  return [
    heading(2, t("rates.title")),
    {
      kind: "paragraph",
      text: t("rates.text", {
        asked: n(asked),
        answered: n(answered),
        pairs: n(r.overall.asked),
        pairsAnswered: n(r.overall.answered),
        percent: n(percent(r.overall.answered, r.overall.asked)),
      }),
    },
    {
      kind: "table",
      columns: [
        { label: t("table.number"), width: 0.08 },
        { label: t("table.indicator"), width: 0.56 },
        { label: t("rates.asked"), width: 0.12, numeric: true },
        { label: t("rates.answers"), width: 0.12, numeric: true },
        { label: t("rates.rate"), width: 0.12, numeric: true },
      ],
      rows: r.indicators.map((i) => ({
        cells: [
          { text: i.number, bold: true },
          { text: i.title },
          { text: n(i.asked) },
          { text: n(i.answered) },
          { text: i.asked === 0 ? "—" : `${n(percent(i.answered, i.asked))}\u00a0%` },
        ],
      })),
    },
  ];
}

/** The partner categories: asked vs answered, who contributed, who did not answer. */
export function categoriesTable(model: ReportModel, t: ReportT): Block {
  const n = (v: number) => formatNumber(model.lang, v);
  const rates = new Map(model.annexes.responseRates.categories.map((c) => [c.category, c]));
  return {
    kind: "table",
    columns: [
      { label: t("table.category"), width: 0.22 },
      { label: t("rates.asked"), width: 0.11, numeric: true },
      { label: t("rates.answered"), width: 0.11, numeric: true },
      { label: t("rates.contributors"), width: 0.34 },
      { label: t("rates.silent"), width: 0.22 },
    ],
    // A category nobody in it was asked, with no contributor, says nothing: left out.
    rows: model.categories
      .filter((c) => (rates.get(c.category)?.asked ?? 0) > 0 || c.partners.length > 0)
      .map((c) => {
        const r = rates.get(c.category);
        return {
          cells: [
            { text: t(`category.${c.category}`), bold: true },
            { text: n(r?.asked ?? 0) },
            { text: n(r?.answered ?? 0) },
            { text: c.partners.length > 0 ? c.partners.join(", ") : "—" },
            { text: r && r.silent.length > 0 ? r.silent.join(", ") : "—" },
          ],
        };
      }),
  };
}

/** Where each of the previous cycle's recommendations stands. */
export function followUpBlocks(model: ReportModel, t: ReportT, heading: Heading): Block[] {
  const f = model.annexes.followUps;
  if (!f || f.items.length === 0) return [];
  const shade = { done: "achieved", in_progress: "on_track", not_started: "off_track" } as const;
  return [
    heading(2, t("followUp.title", { year: f.cycleYear })),
    {
      kind: "table",
      columns: [
        { label: t("followUp.recommendation"), width: 0.5 },
        { label: t("followUp.status"), width: 0.18 },
        { label: t("followUp.note"), width: 0.32 },
      ],
      rows: f.items.map((i) => ({
        cells: [
          { text: i.text },
          i.followUp
            ? { text: t(`followUp.${i.followUp}`), shade: statusShade(shade[i.followUp]) }
            : { text: t("followUp.unknown"), shade: statusShade("not_assessed") },
          { text: i.note ?? "" },
        ],
      })),
    },
  ];
}

/** An evidence link as printed: its title and address, or the address alone. */
export function evidenceText(e: { url: string; title: string | null }): string {
  return e.title ? `${e.title} (${e.url})` : e.url;
}

/** One block per partner with all its contributions, then the partner × indicator grid. */
export function partnerAnnexBlocks(model: ReportModel, t: ReportT, heading: Heading): Block[] {
  const partners = model.annexes.partners;
  if (partners.length === 0) return [];
  const n = (v: number) => formatNumber(model.lang, v);
  const indicators = model.commitments.flatMap((c) => c.indicators);
  const blocks: Block[] = [
    heading(1, t("partners.title"), true),
    { kind: "paragraph", text: t("partners.intro") },
  ];
  for (const p of partners) {
    blocks.push({
      kind: "paragraph",
      tone: "strong",
      text: t("partners.head", {
        name: p.partner === p.partnerName ? p.partner : `${p.partner} (${p.partnerName})`,
        category: t(`category.${p.category}`),
        asked: p.rate.asked,
        answered: p.rate.answered,
      }),
    });
    if (p.contributions.length === 0) {
      blocks.push({ kind: "paragraph", text: t("partners.none"), tone: "muted" });
      continue;
    }
    blocks.push({
      kind: "table",
      columns: [
        { label: t("table.number"), width: 0.08 },
        { label: t("table.indicator"), width: 0.3 },
        { label: t("table.activities"), width: 0.44 },
        { label: t("table.outputs"), width: 0.18 },
      ],
      rows: p.contributions.map((c) => {
        const evidence = c.evidence.map((e) => t("partners.evidence", { link: evidenceText(e) }));
        return {
          cells: [
            { text: c.indicator, bold: true },
            { text: c.title },
            {
              text: c.activities ?? t("contributes.unknown"),
              ...(evidence.length > 0 ? { note: evidence.join("\n") } : {}),
            },
            { text: c.outputs.map((o) => `${n(o.value)} ${o.unit}`).join("\n") },
          ],
        };
      }),
    });
  }
  const mark = { contributed: "●", answered: "○", silent: "?" } as const;
  const width = 0.8 / Math.max(1, indicators.length);
  const rows: Row[] = partners.map((p) => ({
    cells: [
      { text: p.partner, bold: true },
      ...indicators.map((i) => {
        const state = p.grid[i.number];
        return { text: state ? mark[state] : "" };
      }),
    ],
  }));
  blocks.push(
    heading(2, t("partners.grid")),
    { kind: "paragraph", text: t("partners.gridKey"), tone: "muted" },
    {
      kind: "table",
      columns: [
        { label: t("table.partner"), width: 0.2 },
        ...indicators.map((i) => ({ label: i.number, width })),
      ],
      rows,
    },
  );
  return blocks;
}
