// Assessments (status and narrative of an indicator in a cycle) and validation meetings.
import { type Bilingual, bilingual } from "../../domain/shared/lang.ts";
import type { Status } from "../../domain/tracker/status.ts";
import { type Executor, insertAudited } from "../shared/audit.ts";

/** An indicator's status in a cycle, its narrative in both languages. */
export interface Assessment {
  indicatorId: number;
  status: Status;
  narrative: Bilingual | null;
  meetingId: number | null;
}

/** A validation meeting, its title in both languages. */
export interface ValidationMeeting {
  id: number;
  title: Bilingual;
  heldOn: string;
  place: string;
  participantIds: number[];
}

export async function insertValidationMeeting(
  db: Executor,
  actor: string,
  m: { cycleId: number; title: string; titleEn: string | null; heldOn: string; place: string },
  participantIds: number[],
): Promise<number> {
  const row = await insertAudited(db, actor, "meetings", {
    cycle_id: m.cycleId,
    title: m.title,
    title_en: m.titleEn,
    held_on: m.heldOn,
    place: m.place,
  });
  for (const partnerId of participantIds) {
    await insertAudited(
      db,
      actor,
      "meeting_participants",
      { meeting_id: row.id, partner_id: partnerId },
      (p) => `${p.meeting_id}:${p.partner_id}`,
    );
  }
  return row.id;
}

export async function insertAssessment(
  db: Executor,
  actor: string,
  a: {
    cycleId: number;
    indicatorId: number;
    status: Status;
    narrative: string | null;
    narrativeEn: string | null;
    meetingId: number | null;
    assessedAt?: string;
  },
) {
  return insertAudited(db, actor, "assessments", {
    cycle_id: a.cycleId,
    indicator_id: a.indicatorId,
    status: a.status,
    narrative: a.narrative,
    narrative_en: a.narrativeEn,
    meeting_id: a.meetingId,
    ...(a.assessedAt ? { assessed_at: a.assessedAt } : {}),
  });
}

export interface AssessmentRecord {
  id: number;
  indicatorId: number;
  status: Status;
  narrative: string | null;
  narrativeEn: string | null;
  meetingId: number | null;
  assessedAt: Date;
}

/** The cycle's assessments with both languages of their narrative, for editing. */
export async function listAssessmentRecords(
  db: Executor,
  cycleId: number,
): Promise<AssessmentRecord[]> {
  const rows = await db
    .selectFrom("assessments")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    indicatorId: r.indicator_id,
    status: r.status as Status,
    narrative: r.narrative,
    narrativeEn: r.narrative_en,
    meetingId: r.meeting_id,
    assessedAt: r.assessed_at,
  }));
}

/** The assessments as the public views read them. */
export async function listAssessments(db: Executor, cycleId: number): Promise<Assessment[]> {
  const records = await listAssessmentRecords(db, cycleId);
  return records.map((r) => ({
    indicatorId: r.indicatorId,
    status: r.status,
    narrative: r.narrative === null ? null : bilingual(r.narrative, r.narrativeEn),
    meetingId: r.meetingId,
  }));
}

export async function listValidationMeetings(
  db: Executor,
  cycleId: number,
): Promise<ValidationMeeting[]> {
  const [rows, participants] = await Promise.all([
    db
      .selectFrom("meetings")
      .selectAll()
      .where("cycle_id", "=", cycleId)
      .orderBy("held_on")
      .execute(),
    db
      .selectFrom("meeting_participants as p")
      .innerJoin("meetings as m", "m.id", "p.meeting_id")
      .select(["p.meeting_id", "p.partner_id"])
      .where("m.cycle_id", "=", cycleId)
      .execute(),
  ]);
  return rows.map((m) => ({
    id: m.id,
    title: bilingual(m.title, m.title_en),
    heldOn: m.held_on,
    place: m.place,
    participantIds: participants.filter((p) => p.meeting_id === m.id).map((p) => p.partner_id),
  }));
}
