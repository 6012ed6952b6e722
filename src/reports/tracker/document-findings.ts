// The report's findings and closing parts: organisations per building block, partner categories,
// each commitment and indicator with its partners' contributions, the recap, synthesis,
// highlights, difficulties, recommendations, conclusion and the questionnaire annex.

import { outcomeParts } from "../../i18n/tracker/goal.ts";
import type { Block, Row } from "../shared/document.ts";
import { blocksChart, statusChart } from "./charts.ts";
import { type Heading, prose, statusShade } from "./document.ts";
import {
  categoriesTable,
  evidenceText,
  followUpBlocks,
  matrixBlocks,
  partnerAnnexBlocks,
  ratesBlocks,
  trendsBlocks,
  verdictCell,
} from "./document-annexes.ts";
import { goalLine } from "./document-front.ts";
import { formatNumber, type ReportT } from "./i18n.ts";
import {
  indicatorCount,
  type ReportCommitment,
  type ReportContribution,
  type ReportIndicator,
  type ReportModel,
} from "./model.ts";

/** A suggestion's shade: the light it points to, for a text that names it as computed. */
const SUGGESTION_SHADE = {
  on_track: "achieved",
  off_track: "off_track",
  no_data: "not_assessed",
} as const;

/**
 * The outcome goals measured by a series, one row each: baseline, target, the latest value
 * with its source and what the trajectory expected, the pace needed, the computed suggestion;
 * then the note that the suggestion does not replace the validated status.
 */
function outcomeBlocks(model: ReportModel, t: ReportT, c: ReportCommitment): Block[] {
  const measured = c.outcomes.filter((o) => o.series !== null);
  if (measured.length === 0) return [];
  return [
    { kind: "paragraph", text: t("outcome.title"), tone: "strong" },
    {
      kind: "table",
      columns: [
        { label: t("table.indicator"), width: 0.24 },
        { label: t("outcome.baseline"), width: 0.16 },
        { label: t("outcome.target"), width: 0.12 },
        { label: t("outcome.latest"), width: 0.22 },
        { label: t("outcome.needed"), width: 0.13 },
        { label: t("outcome.suggestion"), width: 0.13 },
      ],
      rows: measured.map((o) => {
        const p = outcomeParts(t, model.lang, o);
        const colon = model.lang === "fr" ? "\u00a0: " : ": ";
        const expected = p.expectedLabel ? `${p.expectedLabel}${colon}${p.expected}` : "";
        const note = [p.latestSource, expected].filter((x) => x !== "").join("\n");
        return {
          cells: [
            { text: o.label, bold: true },
            { text: p.baseline },
            { text: p.target },
            { text: p.latest, ...(note ? { note } : {}) },
            { text: p.pace },
            { text: p.suggestion, shade: statusShade(SUGGESTION_SHADE[o.reading.suggestion]) },
          ],
        };
      }),
    },
    { kind: "paragraph", text: t("outcome.note"), tone: "muted" },
    {
      kind: "mark",
      shade: statusShade(c.verdict),
      text: `${t("outcome.validated")}${model.lang === "fr" ? "\u00a0: " : ": "}${t(`verdict.${c.verdict}`)}`,
    },
  ];
}

function outputsText(model: ReportModel, t: ReportT, r: ReportContribution): string {
  return r.outputs
    .map((o) => {
      const figure = `${formatNumber(model.lang, o.value)} ${o.unit}`;
      return o.alsoUnder.length > 0
        ? `${figure} (${t("partners.alsoUnder", { list: o.alsoUnder.join(", ") })})`
        : figure;
    })
    .join("\n");
}

/** The quieter line under a contribution's activities: partners worked with, evidence links. */
function contributionNote(t: ReportT, r: ReportContribution): string {
  return [
    ...(r.collaborators.length > 0
      ? [t("indicator.collaborators", { list: r.collaborators.join(", ") })]
      : []),
    ...r.evidence.map((e) => t("partners.evidence", { link: evidenceText(e) })),
  ].join("\n");
}

function contributionsTable(model: ReportModel, t: ReportT, i: ReportIndicator): Block {
  if (i.contributions.length === 0)
    return { kind: "paragraph", text: t("indicator.noContributions"), tone: "muted" };
  return {
    kind: "table",
    columns: [
      { label: t("table.number"), width: 0.06, numeric: true },
      { label: t("table.partner"), width: 0.16 },
      { label: t("table.activities"), width: 0.56 },
      { label: t("table.outputs"), width: 0.22 },
    ],
    rows: i.contributions.map((r) => ({
      cells: [
        { text: String(r.n) },
        { text: r.partner, bold: true },
        {
          text: r.activities ?? t(`contributes.${r.contributes}`),
          ...(contributionNote(t, r) ? { note: contributionNote(t, r) } : {}),
        },
        { text: outputsText(model, t, r) },
      ],
    })),
  };
}

function commitmentBlocks(model: ReportModel, t: ReportT, heading: Heading): Block[] {
  return model.commitments.flatMap((c, index): Block[] => [
    heading(2, t("commitment.title", { number: c.number }), index > 0),
    { kind: "paragraph", text: c.title, tone: "strong" },
    ...(c.goals.length > 0
      ? [{ kind: "bullets" as const, items: c.goals.map((g) => goalLine(model, t, g)) }]
      : []),
    {
      kind: "mark",
      shade: statusShade(c.verdict),
      text: t("commitment.verdict", { verdict: t(`verdict.${c.verdict}`) }),
    },
    ...(c.verdict !== c.computedVerdict
      ? [
          {
            kind: "paragraph" as const,
            tone: "muted" as const,
            text: t("verdict.validated", { computed: t(`verdict.${c.computedVerdict}`) }),
          },
          ...(c.verdictReason
            ? [
                {
                  kind: "paragraph" as const,
                  text: t("verdict.reason", { reason: c.verdictReason }),
                },
              ]
            : []),
        ]
      : []),
    ...outcomeBlocks(model, t, c),
    ...c.indicators.flatMap((i): Block[] => [
      heading(3, t("indicator.title", { number: i.number, title: i.title })),
      {
        kind: "mark",
        shade: statusShade(i.status),
        text: t("indicator.status", { status: t(`status.${i.status}`) }),
      },
      { kind: "paragraph", text: t("indicator.progress"), tone: "strong" },
      ...(i.narrative
        ? prose(i.narrative)
        : [
            {
              kind: "paragraph" as const,
              text: t("indicator.noNarrative"),
              tone: "muted" as const,
            },
          ]),
      contributionsTable(model, t, i),
    ]),
  ]);
}

/** A row per commitment with its verdict (the rule's beside it when the meeting chose another), then its indicators. */
function recapRows(model: ReportModel, t: ReportT): Row[] {
  return model.commitments.flatMap((c): Row[] => [
    {
      cells: [
        { text: String(c.number), bold: true },
        { text: t("commitment.line", { number: c.number, title: c.title }), bold: true },
        { text: "" },
        {
          text: verdictCell(t, c.verdict),
          shade: statusShade(c.verdict),
          ...(c.verdict !== c.computedVerdict
            ? { note: t("verdict.computedNote", { computed: t(`verdict.${c.computedVerdict}`) }) }
            : {}),
        },
      ],
    },
    ...c.indicators.map((i) => ({
      cells: [
        { text: i.number, bold: true },
        { text: i.title },
        { text: t(`status.${i.status}`), shade: statusShade(i.status) },
        { text: "" },
      ],
    })),
  ]);
}

function annex(model: ReportModel, t: ReportT, heading: Heading): Block[] {
  const blank = "______________________________";
  return [
    heading(1, t("annex.title"), true),
    { kind: "paragraph", text: t("annex.intro", { period: model.cover.cycleLabel }) },
    { kind: "paragraph", text: `${t("annex.respondent")} ${blank}` },
    { kind: "paragraph", text: `${t("annex.organisation")} ${blank}` },
    { kind: "paragraph", text: `${t("annex.date")} ${blank}` },
    {
      kind: "table",
      columns: [
        { label: t("annex.indicator"), width: 0.3 },
        { label: t("annex.contributes"), width: 0.16 },
        { label: t("annex.activities"), width: 0.32 },
        { label: t("annex.difficulties"), width: 0.22 },
      ],
      rows: model.commitments.flatMap((c): Row[] => [
        {
          group: true,
          cells: [{ text: t("commitment.line", { number: c.number, title: c.title }) }],
        },
        ...c.indicators.map((i) => ({
          minHeight: 70,
          cells: [
            {
              text: `${i.code}. ${i.title}`,
              note: i.buildingBlocks.map((b) => t(`block.${b}`)).join(", "),
            },
            { text: t("annex.yesNo") },
            { text: "" },
            { text: "" },
          ],
        })),
      ]),
    },
  ];
}

export function findings(model: ReportModel, t: ReportT, heading: Heading): Block[] {
  const n = (value: number) => formatNumber(model.lang, value);
  const contributing = model.methodology.partnersContributing;
  const blocks: Block[] = [
    heading(1, t("findings.title"), true),
    heading(2, t("findings.blocks")),
    { kind: "paragraph", text: t("findings.blocksText", { partners: n(contributing) }) },
    {
      kind: "table",
      columns: [
        { label: t("table.block"), width: 0.34 },
        { label: t("table.count"), width: 0.12, numeric: true },
        { label: t("table.organisations"), width: 0.54 },
      ],
      rows: model.blocks.map((b) => ({
        cells: [
          { text: t(`block.${b.block}`), bold: true },
          { text: n(b.partners.length) },
          { text: b.partners.join(", ") },
        ],
      })),
    },
    {
      kind: "chart",
      title: t("findings.blocksChart"),
      chart: blocksChart(
        model.blocks.map((b) => ({ label: t(`block.${b.block}`), count: b.partners.length })),
      ),
    },
    heading(2, t("findings.categories")),
    categoriesTable(model, t),
    ...ratesBlocks(model, t, heading),
    ...commitmentBlocks(model, t, heading),
    ...matrixBlocks(model, t, heading),
    heading(1, t("recap.title"), true),
    {
      kind: "chart",
      title: t("recap.chart"),
      chart: statusChart(model.counts, (s) => t(`status.${s}`)),
    },
    {
      kind: "table",
      columns: [
        { label: t("table.number"), width: 0.07 },
        { label: t("table.indicator"), width: 0.53 },
        { label: t("table.status"), width: 0.2 },
        { label: t("recap.verdict"), width: 0.2 },
      ],
      rows: recapRows(model, t),
    },
    ...trendsBlocks(model, t, heading),
    heading(1, t("synthesis.title"), true),
    {
      kind: "paragraph",
      tone: "strong",
      text: t("synthesis.figures", {
        on_track: n(model.summary.onTrackOrBetter),
        commitments: n(model.summary.total),
        indicators: n(indicatorCount(model)),
        achieved: n(model.counts.achieved),
        yellow: n(model.counts.on_track),
        red: n(model.counts.off_track),
        grey: n(model.counts.not_assessed),
      }),
    },
    ...prose(model.texts.synthesis),
  ];
  if (model.texts.highlights !== null)
    blocks.push(heading(1, t("highlights.title")), ...prose(model.texts.highlights));
  blocks.push(
    heading(1, t("difficulties.title")),
    ...model.difficulties.flatMap((d): Block[] => [
      heading(2, t(`level.${d.level}`)),
      d.items.length > 0
        ? { kind: "bullets", items: d.items }
        : { kind: "paragraph", text: t("difficulties.none"), tone: "muted" },
    ]),
    heading(1, t("recommendations.title")),
    model.recommendations.length > 0
      ? { kind: "bullets", ordered: true, items: model.recommendations }
      : { kind: "paragraph", text: t("recommendations.none"), tone: "muted" },
    ...followUpBlocks(model, t, heading),
  );
  if (model.texts.conclusion !== null)
    blocks.push(heading(1, t("conclusion.title")), ...prose(model.texts.conclusion));
  blocks.push(...annex(model, t, heading), ...partnerAnnexBlocks(model, t, heading));
  return blocks;
}
