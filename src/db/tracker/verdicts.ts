// SQL of the verdicts a validation meeting records for commitments (audited), and of the
// follow-up of a previous cycle's recommendations.
import { type Bilingual, bilingual } from "../../domain/shared/lang.ts";
import type { Status } from "../../domain/tracker/status.ts";
import type { FollowUp } from "../../domain/tracker/verdict.ts";
import { deleteAudited, type Executor, insertAudited, updateAudited } from "../shared/audit.ts";

export interface StoredVerdict {
  commitmentId: number;
  status: Status;
  reason: Bilingual;
  meetingId: number | null;
  recordedAt: string;
}

export async function listRecordedVerdicts(
  db: Executor,
  cycleIds: readonly number[],
): Promise<(StoredVerdict & { cycleId: number })[]> {
  if (cycleIds.length === 0) return [];
  const rows = await db
    .selectFrom("commitment_verdicts")
    .selectAll()
    .where("cycle_id", "in", cycleIds)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    cycleId: r.cycle_id,
    commitmentId: r.commitment_id,
    status: r.status as Status,
    reason: bilingual(r.reason, r.reason_en),
    meetingId: r.meeting_id,
    recordedAt: r.recorded_at.toISOString(),
  }));
}

export interface VerdictInput {
  cycleId: number;
  commitmentId: number;
  status: Status;
  reason: string;
  reasonEn: string | null;
  meetingId: number | null;
}

/** One recorded verdict per cycle × commitment: updated in place (audited) or inserted. */
export async function saveRecordedVerdict(
  db: Executor,
  actor: string,
  v: VerdictInput,
): Promise<number> {
  const existing = await db
    .selectFrom("commitment_verdicts")
    .select("id")
    .where("cycle_id", "=", v.cycleId)
    .where("commitment_id", "=", v.commitmentId)
    .executeTakeFirst();
  const values = {
    status: v.status,
    reason: v.reason,
    reason_en: v.reasonEn,
    meeting_id: v.meetingId,
  };
  if (!existing)
    return (
      await insertAudited(db, actor, "commitment_verdicts", {
        cycle_id: v.cycleId,
        commitment_id: v.commitmentId,
        ...values,
      })
    ).id;
  await updateAudited(db, actor, "commitment_verdicts", existing.id, {
    ...values,
    recorded_at: new Date(),
  });
  return existing.id;
}

/** Drops the recorded verdict: the commitment goes back to the rule's. */
export async function clearRecordedVerdict(
  db: Executor,
  actor: string,
  cycleId: number,
  commitmentId: number,
): Promise<boolean> {
  const row = await deleteAudited(db, actor, "commitment_verdicts", {
    cycle_id: cycleId,
    commitment_id: commitmentId,
  });
  return row !== undefined;
}

export interface StoredFollowUp {
  id: number;
  cycleId: number;
  position: number;
  text: Bilingual;
  followUp: FollowUp | null;
  note: Bilingual | null;
}

/** The recommendations of the cycles given, with where each stands. */
export async function listRecommendationFollowUps(
  db: Executor,
  cycleIds: readonly number[],
): Promise<StoredFollowUp[]> {
  if (cycleIds.length === 0) return [];
  const rows = await db
    .selectFrom("recommendations")
    .selectAll()
    .where("cycle_id", "in", cycleIds)
    .orderBy("cycle_id")
    .orderBy("position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    cycleId: r.cycle_id,
    position: r.position,
    text: bilingual(r.text, r.text_en),
    followUp: (r.follow_up as FollowUp | null) ?? null,
    note: r.follow_up_note ? bilingual(r.follow_up_note, r.follow_up_note_en) : null,
  }));
}

export async function saveRecommendationFollowUp(
  db: Executor,
  actor: string,
  id: number,
  f: { followUp: FollowUp; note: string | null; noteEn: string | null },
): Promise<void> {
  await updateAudited(db, actor, "recommendations", id, {
    follow_up: f.followUp,
    follow_up_note: f.note,
    follow_up_note_en: f.note ? f.noteEn : null,
  });
}
