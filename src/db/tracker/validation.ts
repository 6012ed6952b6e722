// SQL of the validation step: the cycle lock, assessments upserted with audit, the cycle's
// meeting edited in place, and the answers an assessment validates.
import type { Transaction } from "kysely";
import type { Status } from "../../domain/tracker/status.ts";
import type { DB } from "../schema.ts";
import { type Executor, insertAudited, recordAudit, updateAudited } from "../shared/audit.ts";
import { insertAssessment, insertValidationMeeting } from "./assessments.ts";

/**
 * Locks the cycle row until the transaction ends and returns its state as it is now: a status
 * written in the same instant as the publication waits for it, then sees the cycle frozen.
 */
export async function lockCycleState(
  db: Transaction<DB>,
  cycleId: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom("cycles")
    .select("state")
    .where("id", "=", cycleId)
    // Conflicts with publishing (an update of the row) but not with inserts that reference it.
    .forNoKeyUpdate()
    .executeTakeFirst();
  return row?.state;
}

export interface AssessmentInput {
  cycleId: number;
  indicatorId: number;
  status: Status;
  narrative: string | null;
  narrativeEn: string | null;
  meetingId: number | null;
}

/** One assessment per cycle × indicator: updates the stored one (audited before/after) or inserts. */
export async function upsertAssessment(
  db: Executor,
  actor: string,
  a: AssessmentInput,
): Promise<number> {
  const existing = await db
    .selectFrom("assessments")
    .select("id")
    .where("cycle_id", "=", a.cycleId)
    .where("indicator_id", "=", a.indicatorId)
    .executeTakeFirst();
  if (!existing) return (await insertAssessment(db, actor, a)).id;
  await updateAudited(db, actor, "assessments", existing.id, {
    status: a.status,
    narrative: a.narrative,
    narrative_en: a.narrativeEn,
    meeting_id: a.meetingId,
    assessed_at: new Date(),
  });
  return existing.id;
}

export interface ValidationMeetingRecord {
  id: number;
  title: string;
  titleEn: string | null;
  heldOn: string;
  place: string;
  participantIds: number[];
}

/** The cycle's validation meeting: the latest one when several were recorded. */
export async function findValidationMeeting(
  db: Executor,
  cycleId: number,
): Promise<ValidationMeetingRecord | undefined> {
  const row = await db
    .selectFrom("meetings")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .orderBy("held_on", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!row) return undefined;
  const participants = await db
    .selectFrom("meeting_participants")
    .select("partner_id")
    .where("meeting_id", "=", row.id)
    .orderBy("partner_id")
    .execute();
  return {
    id: row.id,
    title: row.title,
    titleEn: row.title_en,
    heldOn: row.held_on,
    place: row.place,
    participantIds: participants.map((p) => p.partner_id),
  };
}

export interface MeetingInput {
  cycleId: number;
  title: string;
  titleEn: string | null;
  heldOn: string;
  place: string;
  participantIds: number[];
}

/** Creates the meeting, or updates it and its participant list; every row change is audited. */
export async function saveMeetingRecord(
  db: Executor,
  actor: string,
  meetingId: number | null,
  m: MeetingInput,
): Promise<number> {
  if (meetingId === null) return insertValidationMeeting(db, actor, m, m.participantIds);
  await updateAudited(db, actor, "meetings", meetingId, {
    title: m.title,
    title_en: m.titleEn,
    held_on: m.heldOn,
    place: m.place,
  });
  const current = await db
    .selectFrom("meeting_participants")
    .select("partner_id")
    .where("meeting_id", "=", meetingId)
    .execute();
  const had = new Set(current.map((p) => p.partner_id));
  const wanted = new Set(m.participantIds);
  for (const partnerId of had) {
    if (wanted.has(partnerId)) continue;
    await db
      .deleteFrom("meeting_participants")
      .where("meeting_id", "=", meetingId)
      .where("partner_id", "=", partnerId)
      .execute();
    await recordAudit(db, {
      actor,
      action: "delete",
      entity: "meeting_participants",
      entityId: `${meetingId}:${partnerId}`,
      before: { meeting_id: meetingId, partner_id: partnerId },
    });
  }
  for (const partnerId of wanted) {
    if (had.has(partnerId)) continue;
    await insertAudited(
      db,
      actor,
      "meeting_participants",
      { meeting_id: meetingId, partner_id: partnerId },
      (p) => `${p.meeting_id}:${p.partner_id}`,
    );
  }
  return meetingId;
}

/** Ids of the indicator's answers in the cycle that are in the given state. */
export async function answerIdsInState(
  db: Executor,
  cycleId: number,
  indicatorId: number,
  state: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom("responses")
    .select("id")
    .where("cycle_id", "=", cycleId)
    .where("indicator_id", "=", indicatorId)
    .where("state", "=", state)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

/** The cycle an answer belongs to, to check that a form's answer id is one of this cycle. */
export async function findAnswerCycle(
  db: Executor,
  responseId: number,
): Promise<{ cycleId: number; state: string } | undefined> {
  const row = await db
    .selectFrom("responses")
    .select(["cycle_id", "state"])
    .where("id", "=", responseId)
    .executeTakeFirst();
  return row ? { cycleId: row.cycle_id, state: row.state } : undefined;
}
