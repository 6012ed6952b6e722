// A mission's report: the mission as its page reads it, gathered into the report's model (no
// owner's address: the file travels), and drawn as DOCX or PDF in the rendering worker.
import { recordAudit } from "../../db/shared/audit.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import type { MissionReportModel } from "../../reports/programme/mission-report.ts";
import type { Db } from "../shared/db.ts";
import type { Renderer } from "../shared/rendering.ts";
import { missionPage } from "./mission-pages.ts";

export type MissionReportFormat = "docx" | "pdf";

export const MISSION_REPORT_MEDIA_TYPES: Record<MissionReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

export function isMissionReportFormat(value: string): value is MissionReportFormat {
  return value === "docx" || value === "pdf";
}

export async function buildMissionReport(
  db: Db,
  actor: Actor,
  programmeId: number,
  missionId: number,
  lang: Lang,
  today?: string,
): Promise<MissionReportModel> {
  const page = await missionPage(db, actor, programmeId, missionId, today);
  const m = page.mission;
  return {
    lang,
    programme: page.programme.name,
    title: m.title,
    startDate: m.startDate,
    endDate: m.endDate,
    regions: m.regions.map((r) => r.name),
    delegation: m.delegation.map((d) => ({ ...d })),
    objectives: [...m.objectives],
    visits: page.visits.map((v) => ({
      date: v.date,
      place: v.unitName ?? v.authority ?? "",
      peopleMet: [...v.peopleMet],
      findings: v.findings ?? "",
      figures: v.figures.map((f) => ({ ...f })),
    })),
    recommendations: page.recommendations.map((r) => ({
      text: r.text,
      owner: r.ownerName ?? "",
      dueDate: r.dueDate,
      status: r.status,
      key: r.key,
      overdue: r.overdue,
      followUps: r.followUps.map((f) => ({ date: f.date, note: f.note, status: f.status })),
    })),
    today: page.today,
  };
}

/** "jalon-mission-3-fr.pdf". */
export function missionReportFileName(
  missionId: number,
  model: MissionReportModel,
  format: MissionReportFormat,
): string {
  return `jalon-mission-${missionId}-${model.lang}.${format}`;
}

/** A download of the report, in the audit log like the annual report's. */
export async function recordMissionReportExport(
  db: Db,
  actor: Actor,
  missionId: number,
  format: MissionReportFormat,
): Promise<void> {
  await recordAudit(db, {
    actor: actorLabel(actor),
    action: "export",
    entity: "mission_reports",
    entityId: missionId,
    after: { format },
  });
}

export function renderMissionReport(
  renderer: Renderer,
  model: MissionReportModel,
  format: MissionReportFormat,
): Promise<Uint8Array> {
  return renderer.render({ kind: "mission-report", model, format });
}
