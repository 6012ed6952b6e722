// Every file Jalon draws, named as one plain job: the annual report in its four formats, the
// questionnaire (printable or workbook), the indicator explorer's chart and workbook, a
// monitoring mission's report, and a programme's result cards. A job is data only (structured-clonable), so it can be
// drawn in a worker thread (services/rendering.ts); each renderer is loaded on first use only.
// A report or a printable form is first built into a neutral document (reports/shared/
// document.ts), which the shared DOCX, PDF and HTML renderers draw; workbooks are drawn directly.
import type { Lang } from "../domain/shared/lang.ts";
import type { ExplorerChart, ExplorerSheet } from "./health/explorer-model.ts";
import type { ImportTemplate } from "./health/import-template.ts";
import type { CardModel, CardSize } from "./programme/cards.ts";
import type { MissionReportModel } from "./programme/mission-report.ts";
import type { Document } from "./shared/document.ts";
import type { ReportFormat, ReportModel } from "./tracker/model.ts";
import type { PrintQuestionnaire } from "./tracker/questionnaire-print.ts";
import type { QuestionnaireFileModel } from "./tracker/questionnaire-xlsx.ts";

export type RenderJob =
  | { kind: "report"; model: ReportModel; format: ReportFormat }
  | { kind: "questionnaire-print"; model: PrintQuestionnaire; format: "pdf" | "docx" }
  | { kind: "questionnaire-xlsx"; model: QuestionnaireFileModel; lang: Lang }
  /** The indicator explorer's chart, as SVG text for the page. */
  | { kind: "explorer-chart"; model: ExplorerChart }
  | { kind: "explorer-xlsx"; model: ExplorerSheet }
  /** A template of the imports page, as a workbook. */
  | { kind: "import-template-xlsx"; model: ImportTemplate }
  /** A monitoring mission's report. */
  | { kind: "mission-report"; model: MissionReportModel; format: "docx" | "pdf" }
  /** A result card as PNG. */
  | { kind: "programme-card"; model: CardModel; size: CardSize };

/** A neutral document drawn by the shared renderer of its format. */
async function renderDocument(
  load: () => Promise<Document>,
  format: "docx" | "pdf" | "html",
): Promise<Uint8Array> {
  const doc = await load();
  switch (format) {
    case "docx":
      return (await import("./shared/docx.ts")).renderDocx(doc);
    case "pdf":
      return (await import("./shared/pdf.ts")).renderPdf(doc);
    case "html":
      return new TextEncoder().encode((await import("./shared/html.ts")).renderHtml(doc));
  }
}

export async function renderJob(job: RenderJob): Promise<Uint8Array> {
  switch (job.kind) {
    case "report":
      return job.format === "xlsx"
        ? (await import("./tracker/xlsx.ts")).renderXlsx(job.model)
        : renderDocument(
            async () => (await import("./tracker/document.ts")).reportDocument(job.model),
            job.format,
          );
    case "questionnaire-print":
      return renderDocument(
        async () =>
          (await import("./tracker/questionnaire-document.ts")).questionnaireDocument(job.model),
        job.format,
      );
    case "questionnaire-xlsx":
      return (await import("./tracker/questionnaire-xlsx.ts")).renderQuestionnaireXlsx(
        job.model,
        job.lang,
      );
    case "explorer-chart":
      return new TextEncoder().encode(
        (await import("./health/explorer-chart.ts")).renderExplorerChart(job.model),
      );
    case "explorer-xlsx":
      return (await import("./health/explorer-xlsx.ts")).renderExplorerXlsx(job.model);
    case "import-template-xlsx":
      return (await import("./health/import-template.ts")).renderTemplateXlsx(job.model);
    case "mission-report":
      return renderDocument(
        async () =>
          (await import("./programme/mission-report.ts")).missionReportDocument(job.model),
        job.format,
      );
    case "programme-card":
      return (await import("./programme/card-png.ts")).renderCardPng(job.model, job.size);
  }
}
