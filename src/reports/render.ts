// Every file Jalon draws, named as one plain job: the annual report in its four formats and the
// questionnaire (printable or workbook). A job is data only (structured-clonable), so it can be
// drawn in a worker thread (services/rendering.ts); each renderer is loaded on first use only.
import type { Lang } from "../domain/shared/lang.ts";
import type { ReportFormat, ReportModel } from "./tracker/model.ts";
import type { PrintQuestionnaire } from "./tracker/questionnaire-print.ts";
import type { QuestionnaireFileModel } from "./tracker/questionnaire-xlsx.ts";

export type RenderJob =
  | { kind: "report"; model: ReportModel; format: ReportFormat }
  | { kind: "questionnaire-print"; model: PrintQuestionnaire; format: "pdf" | "docx" }
  | { kind: "questionnaire-xlsx"; model: QuestionnaireFileModel; lang: Lang };

export async function renderJob(job: RenderJob): Promise<Uint8Array> {
  switch (job.kind) {
    case "report":
      switch (job.format) {
        case "docx":
          return (await import("./tracker/docx.ts")).renderDocx(job.model);
        case "pdf":
          return (await import("./tracker/pdf.ts")).renderPdf(job.model);
        case "html":
          return new TextEncoder().encode(
            (await import("./tracker/html.ts")).renderHtml(job.model),
          );
        case "xlsx":
          return (await import("./tracker/xlsx.ts")).renderXlsx(job.model);
      }
      break;
    case "questionnaire-print":
      return job.format === "pdf"
        ? (await import("./tracker/questionnaire-pdf.ts")).renderQuestionnairePdf(job.model)
        : (await import("./tracker/questionnaire-docx.ts")).renderQuestionnaireDocx(job.model);
    case "questionnaire-xlsx":
      return (await import("./tracker/questionnaire-xlsx.ts")).renderQuestionnaireXlsx(
        job.model,
        job.lang,
      );
  }
}
