// The report's opening parts: cover, contents, acronyms, acknowledgements, context, objectives,
// expected results and methodology (sampling, collection, validation, colour code).
import type { Goal } from "../../domain/tracker/commitment.ts";
import { COLLECTION_METHODS } from "../../domain/tracker/response.ts";
import { STATUSES } from "../../domain/tracker/status.ts";
import { goalParts } from "../../i18n/tracker/goal.ts";
import type { Block } from "../shared/document.ts";
import { type Heading, prose, statusShade } from "./document.ts";
import { verdictRuleBlocks } from "./document-annexes.ts";
import { formatDate, formatNumber, type ReportT } from "./i18n.ts";
import { indicatorCount, type ReportModel } from "./model.ts";

export function goalLine(model: ReportModel, t: ReportT, goal: Goal): string {
  const { baseline, source, target } = goalParts(t, model.lang, goal);
  return t("commitment.goal", { indicator: goal.indicator, baseline: baseline + source, target });
}

export function frontMatter(model: ReportModel, t: ReportT, heading: Heading): Block[] {
  const { cover, texts, methodology: m, lang } = model;
  const n = (value: number) => formatNumber(lang, value);
  // The date the coordinator set for the publication, else the day the file is produced.
  const published = formatDate(lang, cover.publishedOn ?? model.generatedOn);
  const blocks: Block[] = [
    {
      kind: "cover",
      title: t("cover.title"),
      subtitle: cover.country,
      lines: [
        t("cover.period", { period: cover.cycleLabel }),
        t("cover.by", { organisation: cover.organisation }),
        t("cover.method"),
        cover.place
          ? t("cover.published", { place: cover.place, date: published })
          : t("cover.publishedOn", { date: published }),
      ],
      logos: cover.logos,
      credit: t("cover.credit"),
    },
    { kind: "toc", title: t("toc"), hint: t("toc.hint") },
    heading(1, t("acronyms.title"), true),
    model.acronyms.length === 0
      ? { kind: "paragraph", text: t("acronyms.none"), tone: "muted" }
      : {
          kind: "table",
          columns: [
            { label: t("acronyms.acronym"), width: 0.22 },
            { label: t("acronyms.expansion"), width: 0.78 },
          ],
          rows: model.acronyms.map((a) => ({
            cells: [{ text: a.acronym, bold: true }, { text: a.expansion }],
          })),
        },
  ];
  if (texts.acknowledgements !== null)
    blocks.push(heading(1, t("acknowledgements.title")), ...prose(texts.acknowledgements));

  blocks.push(
    heading(1, t("context.title"), true),
    ...prose(texts.context),
    heading(2, t("context.commitments")),
    {
      kind: "paragraph",
      text: t("context.commitmentsIntro", { count: n(model.commitments.length) }),
    },
    ...model.commitments.flatMap((c): Block[] => [
      {
        kind: "paragraph",
        text: t("commitment.line", { number: c.number, title: c.title }),
        tone: "strong",
      },
      ...(c.goals.length > 0
        ? [{ kind: "bullets" as const, items: c.goals.map((g) => goalLine(model, t, g)) }]
        : []),
    ]),
    heading(2, t("context.steps")),
    {
      kind: "bullets",
      ordered: true,
      items: (["step.1", "step.2", "step.3", "step.4", "step.5", "step.6"] as const).map((k) =>
        t(k),
      ),
    },
  );
  if (texts.project_summary !== null)
    blocks.push(heading(1, t("summary.title")), ...prose(texts.project_summary));
  if (texts.objectives !== null)
    blocks.push(heading(1, t("objectives.title")), ...prose(texts.objectives));
  if (texts.expected_results !== null)
    blocks.push(heading(1, t("expected.title")), ...prose(texts.expected_results));
  if (texts.strategies !== null)
    blocks.push(heading(1, t("strategies.title")), ...prose(texts.strategies));

  const indicators = indicatorCount(model);
  blocks.push(
    heading(1, t("methodology.title"), true),
    ...prose(texts.methodology),
    heading(2, t("methodology.sampling")),
    {
      kind: "paragraph",
      text: t("methodology.samplingText", {
        mapped: n(m.partnersMapped),
        partners: n(m.partnersContributing),
        responses: n(m.responses),
      }),
    },
    heading(2, t("methodology.collection")),
  );
  if (m.firstAnswer && m.lastAnswer)
    blocks.push({
      kind: "paragraph",
      text: t("methodology.collectionText", {
        first: formatDate(lang, m.firstAnswer),
        last: formatDate(lang, m.lastAnswer),
      }),
    });
  blocks.push(
    { kind: "paragraph", text: t("methodology.methodsIntro") },
    {
      kind: "table",
      columns: [
        { label: t("methodology.method"), width: 0.7 },
        { label: t("table.count"), width: 0.3, numeric: true },
      ],
      rows: [
        // A method nobody answered by has no row (no "Import 0").
        ...COLLECTION_METHODS.filter((method) => m.methods[method] > 0).map((method) => ({
          cells: [{ text: t(`method.${method}`) }, { text: n(m.methods[method]) }],
        })),
        {
          cells: [
            { text: t("table.total"), bold: true },
            { text: n(m.responses), bold: true },
          ],
        },
      ],
    },
    { kind: "paragraph", text: t("methodology.emptyLeftOut"), tone: "muted" },
    heading(2, t("methodology.analysis")),
    ...(m.meetings.length === 0
      ? [{ kind: "paragraph" as const, text: t("methodology.noMeeting") }]
      : m.meetings.map((meeting) => ({
          kind: "paragraph" as const,
          text: t("methodology.meeting", {
            title: meeting.title,
            place: meeting.place,
            date: formatDate(lang, meeting.heldOn),
            count: n(meeting.participants),
          }),
        }))),
    heading(2, t("methodology.colours")),
    { kind: "paragraph", text: t("methodology.coloursText", { indicators: n(indicators) }) },
    {
      kind: "table",
      columns: [
        { label: t("table.status"), width: 0.45 },
        { label: t("table.colour"), width: 0.3 },
        { label: t("table.count"), width: 0.25, numeric: true },
      ],
      rows: [
        ...STATUSES.map((s) => ({
          cells: [
            { text: t(`status.${s}`), shade: statusShade(s) },
            { text: t(`colour.${s}`) },
            { text: n(model.counts[s]) },
          ],
        })),
        {
          cells: [
            { text: t("table.total"), bold: true },
            { text: "" },
            { text: n(indicators), bold: true },
          ],
        },
      ],
    },
    ...verdictRuleBlocks(t, heading),
  );
  return blocks;
}
