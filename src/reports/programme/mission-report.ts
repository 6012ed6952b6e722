// A monitoring mission's report as a neutral document for the shared DOCX and PDF renderers:
// its days, regions, delegation and objectives, each visit with the people met, findings and
// figures reported there, and the recommendations with owner, due day, status and follow-up.
// Pure: the service gathers the mission, this words it in French or English.
import type { RecommendationStatus } from "../../domain/programme/mission.ts";
import { formatDate, formatNumber } from "../../domain/shared/format.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { PAPER_LIGHTS } from "../../domain/shared/theme.ts";
import { translator } from "../../i18n/index.ts";
import { type Block, type Document, headingMaker, type Shade } from "../shared/document.ts";

export interface MissionReportModel {
  lang: Lang;
  programme: string;
  title: string;
  startDate: string;
  endDate: string;
  regions: string[];
  delegation: { name: string; institution: string; role: string }[];
  objectives: string[];
  visits: {
    date: string;
    place: string;
    peopleMet: string[];
    findings: string;
    figures: { label: string; value: number; unit: string }[];
  }[];
  recommendations: {
    text: string;
    owner: string;
    dueDate: string;
    status: RecommendationStatus;
    key: boolean;
    overdue: boolean;
    followUps: { date: string; note: string; status: RecommendationStatus }[];
  }[];
  /** The day the report was drawn, which "overdue" is judged at. */
  today: string;
}

const STATUS_SHADE: Record<RecommendationStatus, Shade> = {
  open: PAPER_LIGHTS.grey,
  in_progress: PAPER_LIGHTS.yellow,
  done: PAPER_LIGHTS.green,
  dropped: PAPER_LIGHTS.grey,
};

export function missionReportDocument(m: MissionReportModel): Document {
  const t = translator(m.lang);
  const date = (iso: string) => formatDate(m.lang, iso);
  const heading = headingMaker();
  const blocks: Block[] = [
    { kind: "title", text: m.title },
    { kind: "paragraph", text: t("miss.report.programme", { name: m.programme }), tone: "strong" },
    {
      kind: "paragraph",
      text: t("miss.period", { first: date(m.startDate), last: date(m.endDate) }),
    },
  ];
  if (m.regions.length > 0)
    blocks.push({ kind: "paragraph", text: t("miss.regions", { list: m.regions.join(", ") }) });
  blocks.push({
    kind: "paragraph",
    text: t("miss.report.drawn", { date: date(m.today) }),
    tone: "muted",
  });

  blocks.push(heading(1, t("miss.delegation")));
  if (m.delegation.length === 0)
    blocks.push({ kind: "paragraph", text: t("miss.noDelegation"), tone: "muted" });
  else
    blocks.push({
      kind: "table",
      columns: [
        { label: t("miss.report.col.name"), width: 0.34 },
        { label: t("miss.report.col.institution"), width: 0.33 },
        { label: t("miss.report.col.role"), width: 0.33 },
      ],
      rows: m.delegation.map((d) => ({
        cells: [{ text: d.name }, { text: d.institution }, { text: d.role }],
      })),
    });

  if (m.objectives.length > 0)
    blocks.push(heading(1, t("miss.objectives")), { kind: "bullets", items: m.objectives });

  blocks.push(heading(1, t("miss.visits")));
  if (m.visits.length === 0)
    blocks.push({ kind: "paragraph", text: t("miss.noVisits"), tone: "muted" });
  for (const v of m.visits) {
    blocks.push(heading(2, t("miss.visit.on", { date: date(v.date), place: v.place })));
    if (v.peopleMet.length > 0)
      blocks.push({
        kind: "paragraph",
        text: t("miss.peopleMet", { list: v.peopleMet.join(", ") }),
        tone: "muted",
      });
    if (v.findings !== "") blocks.push({ kind: "paragraph", text: v.findings });
    if (v.figures.length > 0)
      blocks.push({
        kind: "table",
        caption: t("miss.figures"),
        columns: [
          { label: t("miss.col.figure"), width: 0.7 },
          { label: t("miss.col.value"), width: 0.3, numeric: true },
        ],
        rows: v.figures.map((f) => ({
          cells: [
            { text: f.label },
            { text: `${formatNumber(m.lang, f.value)}${f.unit ? ` ${f.unit}` : ""}` },
          ],
        })),
      });
  }

  blocks.push(heading(1, t("miss.recommendations")));
  if (m.recommendations.length === 0)
    blocks.push({ kind: "paragraph", text: t("miss.noRecommendations"), tone: "muted" });
  else
    blocks.push({
      kind: "table",
      columns: [
        { label: t("miss.report.col.recommendation"), width: 0.46 },
        { label: t("miss.report.col.owner"), width: 0.22 },
        { label: t("miss.report.col.due"), width: 0.16 },
        { label: t("miss.report.col.status"), width: 0.16 },
      ],
      rows: m.recommendations.map((r) => {
        const follow = r.followUps
          .map((f) =>
            t("miss.followUp.row", {
              date: date(f.date),
              status: t(`miss.status.${f.status}`),
              note: f.note,
            }),
          )
          .join("\n");
        const text = r.key ? `${r.text} (${t("miss.report.key")})` : r.text;
        return {
          cells: [
            follow ? { text, note: follow } : { text },
            { text: r.owner },
            r.overdue
              ? { text: date(r.dueDate), note: t("miss.overdue") }
              : { text: date(r.dueDate) },
            { text: t(`miss.status.${r.status}`), shade: STATUS_SHADE[r.status], bold: true },
          ],
        };
      }),
    });

  const report = t("miss.report.title");
  return {
    lang: m.lang,
    title: `${report} — ${m.title}`,
    footer: `${report} — ${m.title}`,
    pageLabel: (page, pages) => t("miss.report.page", { page: String(page), pages: String(pages) }),
    blocks,
  };
}
