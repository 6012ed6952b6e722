// The commitments' verdicts at validation: the rule's verdict from the indicators' statuses,
// the one the meeting records instead (with its reason), and the follow-up of the previous
// cycle's recommendations. Reports and scorecards read the verdicts through `verdictsOf`.

import type { Executor } from "../../db/shared/audit.ts";
import { listAssessmentRecords } from "../../db/tracker/assessments.ts";
import { findValidationMeeting } from "../../db/tracker/validation.ts";
import {
  clearRecordedVerdict,
  listRecommendationFollowUps,
  listRecordedVerdicts,
  saveRecommendationFollowUp,
  saveRecordedVerdict,
} from "../../db/tracker/verdicts.ts";
import { groupBy } from "../../domain/shared/group.ts";
import { type Lang, pick } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel, can } from "../../domain/shared/policy.ts";
import { invalidFields, lengthProblems, notFound } from "../../domain/shared/problem.ts";
import { acceptsAssessments, type Cycle } from "../../domain/tracker/cycle.ts";
import { isStatus, type Status } from "../../domain/tracker/status.ts";
import {
  type FollowUp,
  isFollowUp,
  type RecordedVerdict,
  VERDICT_LIMITS,
  type Verdict,
  validatedVerdict,
} from "../../domain/tracker/verdict.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import {
  commitmentsIn,
  cyclesIn,
  loadTracker,
  loadTrackerCycle,
  processIndicatorsIn,
} from "./context.ts";
import { writableCycle } from "./validation.ts";

/** Recorded verdicts per cycle, then per commitment, their reasons in one language. */
export async function verdictsOf(
  db: Executor,
  cycleIds: readonly number[],
  lang: Lang,
): Promise<Map<number, Map<number, RecordedVerdict>>> {
  const rows = await listRecordedVerdicts(db, cycleIds);
  const out = new Map<number, Map<number, RecordedVerdict>>();
  for (const r of rows) {
    const own = out.get(r.cycleId) ?? new Map<number, RecordedVerdict>();
    own.set(r.commitmentId, { status: r.status, reason: pick(r.reason, lang) });
    out.set(r.cycleId, own);
  }
  return out;
}

/** The cycles that ended before this one, newest first. */
export function previousCycles<C extends Pick<Cycle, "periodEnd" | "id">>(
  cycles: readonly C[],
  cycle: C,
): C[] {
  return cycles
    .filter((c) => c.id !== cycle.id && c.periodEnd < cycle.periodEnd)
    .sort((a, b) => b.periodEnd.localeCompare(a.periodEnd));
}

export interface CommitmentVerdictView {
  number: number;
  title: string;
  verdict: Verdict;
  /** What the meeting wrote, in both languages, when it recorded a verdict. */
  reason: string | null;
  reasonEn: string | null;
}

export interface FollowUpView {
  id: number;
  text: string;
  followUp: FollowUp | null;
  note: string | null;
  noteEn: string | null;
}

export interface VerdictsView {
  cycle: { slug: string; label: string; state: string };
  editable: boolean;
  commitments: CommitmentVerdictView[];
  /** The recommendations of the cycle just before this one, when there is one. */
  previous: { label: string; recommendations: FollowUpView[] } | null;
}

export async function getVerdicts(
  db: Db,
  actor: Actor,
  slug: string,
  lang: Lang,
): Promise<VerdictsView> {
  authorise(actor, "workspace.read");
  const { tracker, cycle } = await loadTrackerCycle(db, slug, lang);
  const [commitments, indicators, assessments, recorded, cycles] = await Promise.all([
    commitmentsIn(db, tracker.id, lang),
    processIndicatorsIn(db, tracker.id, lang),
    listAssessmentRecords(db, cycle.id),
    listRecordedVerdicts(db, [cycle.id]),
    cyclesIn(db, tracker.id, lang),
  ]);
  const statusOf = new Map(assessments.map((a) => [a.indicatorId, a.status as Status]));
  const indicatorsOf = groupBy(indicators, (i) => i.commitmentId);
  const recordedOf = new Map(recorded.map((r) => [r.commitmentId, r]));
  const before = previousCycles(cycles, cycle)[0];
  const followUps = before ? await listRecommendationFollowUps(db, [before.id]) : [];
  return {
    cycle: { slug: cycle.slug, label: cycle.label, state: cycle.state },
    editable: can(actor, "validation.write") && acceptsAssessments(cycle.state),
    commitments: commitments.map((c) => {
      const r = recordedOf.get(c.id);
      const statuses = (indicatorsOf.get(c.id) ?? []).map(
        (i) => statusOf.get(i.id) ?? "not_assessed",
      );
      return {
        number: c.number,
        title: c.title,
        verdict: validatedVerdict(
          statuses,
          r ? { status: r.status, reason: pick(r.reason, lang) } : null,
        ),
        reason: r?.reason.fr ?? null,
        reasonEn: r?.reason.en ?? null,
      };
    }),
    previous: before
      ? {
          label: before.label,
          recommendations: followUps.map((f) => ({
            id: f.id,
            text: pick(f.text, lang),
            followUp: f.followUp,
            note: f.note?.fr ?? null,
            noteEn: f.note?.en ?? null,
          })),
        }
      : null,
  };
}

const clean = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

export interface VerdictForm {
  commitmentNumber: number;
  /** The verdict the meeting gives; the rule's (or "") records none. */
  status: string;
  reason: string | null;
  reasonEn: string | null;
}

/**
 * Records the meeting's verdict for a commitment. A verdict other than the rule's needs a
 * reason; the rule's own verdict (or none) drops what was recorded.
 */
export async function recordVerdict(
  db: Db,
  actor: Actor,
  slug: string,
  form: VerdictForm,
  lang: Lang,
): Promise<Verdict> {
  authorise(actor, "validation.write");
  const problems: Record<string, string> = lengthProblems(form, VERDICT_LIMITS);
  const reason = clean(form.reason);
  if (form.status !== "" && !isStatus(form.status)) problems.status = "invalid";
  if (Object.keys(problems).length > 0) throw invalidFields(problems, VERDICT_LIMITS);
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    const cycle = await writableCycle(trx, slug, lang);
    const tracker = await loadTracker(trx, lang);
    const commitment = (await commitmentsIn(trx, tracker.id, lang)).find(
      (c) => c.number === form.commitmentNumber,
    );
    if (!commitment) throw notFound("commitment", String(form.commitmentNumber));
    const [indicators, assessments] = await Promise.all([
      processIndicatorsIn(trx, tracker.id, lang),
      listAssessmentRecords(trx, cycle.id),
    ]);
    const statusOf = new Map(assessments.map((a) => [a.indicatorId, a.status as Status]));
    const statuses = indicators
      .filter((i) => i.commitmentId === commitment.id)
      .map((i) => statusOf.get(i.id) ?? "not_assessed");
    const status = form.status === "" ? null : (form.status as Status);
    const rule = validatedVerdict(statuses, null);
    if (status === null || status === rule.computed) {
      await clearRecordedVerdict(trx, by, cycle.id, commitment.id);
      return rule;
    }
    if (!reason) throw invalidFields({ reason: "required" }, VERDICT_LIMITS);
    const meeting = await findValidationMeeting(trx, cycle.id);
    await saveRecordedVerdict(trx, by, {
      cycleId: cycle.id,
      commitmentId: commitment.id,
      status,
      reason,
      reasonEn: clean(form.reasonEn),
      meetingId: meeting?.id ?? null,
    });
    return validatedVerdict(statuses, { status, reason });
  });
}

export interface FollowUpForm {
  recommendationId: number;
  followUp: string;
  note: string | null;
  noteEn: string | null;
}

export const FOLLOW_UP_LIMITS = { note: 2000, noteEn: 2000 } as const;

/** Sets where one of the previous cycle's recommendations stands, from this cycle's meeting. */
export async function followUpRecommendation(
  db: Db,
  actor: Actor,
  slug: string,
  form: FollowUpForm,
  lang: Lang,
): Promise<FollowUp> {
  authorise(actor, "validation.write");
  const problems: Record<string, string> = lengthProblems(form, FOLLOW_UP_LIMITS);
  if (!isFollowUp(form.followUp)) problems.followUp = "invalid";
  if (!isFollowUp(form.followUp) || Object.keys(problems).length > 0)
    throw invalidFields(problems, FOLLOW_UP_LIMITS);
  const followUp = form.followUp;
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    const cycle = await writableCycle(trx, slug, lang);
    const tracker = await loadTracker(trx, lang);
    const before = previousCycles(await cyclesIn(trx, tracker.id, lang), cycle)[0];
    const own = before ? await listRecommendationFollowUps(trx, [before.id]) : [];
    if (!own.some((r) => r.id === form.recommendationId))
      throw notFound("recommendation", form.recommendationId);
    const note = clean(form.note);
    await saveRecommendationFollowUp(trx, by, form.recommendationId, {
      followUp,
      note,
      noteEn: clean(form.noteEn),
    });
    return followUp;
  });
}
