// Writes a later cycle of the demo world onto the tracker the world loaded: its meeting,
// statuses, the partners asked (answered or not), answers, recorded verdicts, the follow-up of
// the previous cycle's recommendations. Also records the earlier cycle's own verdicts.
import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { insertAssessment } from "../../db/tracker/assessments.ts";
import { listCommitments, listProcessIndicators } from "../../db/tracker/commitments.ts";
import { insertCycle, listCycles } from "../../db/tracker/cycles.ts";
import { insertCycleRecommendation, insertDifficulty } from "../../db/tracker/difficulties.ts";
import { insertMapping } from "../../db/tracker/mappings.ts";
import { listPartners } from "../../db/tracker/partners.ts";
import { insertResponse } from "../../db/tracker/responses.ts";
import { findDefaultTracker } from "../../db/tracker/trackers.ts";
import { saveResponseTranslation, saveUnitTranslation } from "../../db/tracker/translations.ts";
import {
  listRecommendationFollowUps,
  saveRecommendationFollowUp,
  saveRecordedVerdict,
} from "../../db/tracker/verdicts.ts";
import { Problem } from "../../domain/shared/problem.ts";
import { writeMeetings } from "../meetings.ts";
import type { WorldCycle } from "./index.ts";

async function ids(db: Transaction<DB>) {
  const tracker = await findDefaultTracker(db);
  if (!tracker) throw new Problem("invalid_input", "tracker");
  const [commitments, indicators, partners, cycles] = await Promise.all([
    listCommitments(db, tracker.id),
    listProcessIndicators(db, tracker.id),
    listPartners(db, tracker.id),
    listCycles(db, tracker.id),
  ]);
  const partnerId = (key: string) => {
    const p = partners.find((x) => x.slug === key);
    if (!p) throw new Problem("invalid_input", "partner", { key });
    return p.id;
  };
  const commitmentId = (n: number) => {
    const c = commitments.find((x) => x.number === n);
    if (!c) throw new Problem("invalid_input", "commitment", { number: String(n) });
    return c.id;
  };
  return { tracker, indicators, cycles, partnerId, commitmentId };
}

async function writeVerdicts(
  db: Transaction<DB>,
  actor: string,
  cycleId: number,
  meetingId: number | null,
  verdicts: WorldCycle["verdicts"],
  commitmentId: (n: number) => number,
) {
  for (const v of verdicts)
    await saveRecordedVerdict(db, actor, {
      cycleId,
      commitmentId: commitmentId(v.commitment),
      status: v.status,
      reason: v.reason.fr,
      reasonEn: v.reason.en ?? null,
      meetingId,
    });
}

/** The verdicts a cycle already written (by its slug) recorded at its latest meeting. */
export async function writeCycleVerdicts(
  db: Transaction<DB>,
  actor: string,
  slug: string,
  verdicts: WorldCycle["verdicts"],
): Promise<void> {
  const { cycles, commitmentId } = await ids(db);
  const cycle = cycles.find((c) => c.slug === slug);
  if (!cycle) throw new Problem("invalid_input", "cycle", { slug });
  const meeting = await db
    .selectFrom("meetings")
    .select("id")
    .where("cycle_id", "=", cycle.id)
    .orderBy("held_on", "desc")
    .executeTakeFirst();
  await writeVerdicts(db, actor, cycle.id, meeting?.id ?? null, verdicts, commitmentId);
}

/** Writes the later cycle after the cycle it follows; returns the answers written. */
export async function writeLaterCycle(
  db: Transaction<DB>,
  actor: string,
  world: WorldCycle,
): Promise<number> {
  const { tracker, indicators, cycles, partnerId, commitmentId } = await ids(db);
  const previous = [...cycles].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))[0];
  const c = world.cycle;
  const published = c.state === "published";
  for (const [unit, unitEn] of Object.entries(world.unitsEn))
    await saveUnitTranslation(db, actor, tracker.id, unit, unitEn);
  const cycle = await insertCycle(db, actor, {
    trackerId: tracker.id,
    slug: c.slug,
    label: c.label.fr,
    labelEn: c.label.en ?? null,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    state: c.state,
    publishedAt: published ? new Date(`${c.periodEnd}T00:00:00Z`) : null,
    previousCycleId: previous?.id ?? null,
  });
  const meetingIds = await writeMeetings(db, actor, cycle.id, world.meetings, partnerId);
  const meetingId = meetingIds.get(c.validatedAt) ?? null;
  const heldOn = world.meetings.find((m) => m.key === c.validatedAt)?.heldOn;
  let answers = 0;
  for (const indicator of indicators) {
    const own = world.indicators[indicator.code];
    if (!own) continue;
    await insertAssessment(db, actor, {
      cycleId: cycle.id,
      indicatorId: indicator.id,
      status: own.status,
      narrative: own.narrative?.fr ?? null,
      narrativeEn: own.narrative?.en ?? null,
      meetingId,
      ...(heldOn ? { assessedAt: `${heldOn}T12:00:00Z` } : {}),
    });
    for (const key of own.unanswered)
      await insertMapping(db, actor, {
        cycleId: cycle.id,
        partnerId: partnerId(key),
        indicatorId: indicator.id,
      });
    for (const r of own.contributions) {
      const keys = {
        cycleId: cycle.id,
        partnerId: partnerId(r.partner),
        indicatorId: indicator.id,
      };
      await insertMapping(db, actor, keys);
      const responseId = await insertResponse(db, actor, {
        ...keys,
        contributes: r.contributes,
        activities: r.activities,
        collaboratorIds: r.collaborators.map(partnerId),
        collaboratorsText: r.collaboratorsText,
        difficulties: r.difficulties,
        outputs: r.outputs,
        evidence: r.evidence,
        method: r.method,
        answeredBy: r.answeredBy,
        answeredAt: `${r.answeredAt}T10:00:00Z`,
        state: own.status === "not_assessed" ? "submitted" : "validated",
      });
      for (const [field, fr, en] of [
        ["activities", r.activities, r.english.activities],
        ["collaborators_text", r.collaboratorsText, r.english.collaboratorsText],
        ["difficulties", r.difficulties, r.english.difficulties],
      ] as const)
        if (fr && en) await saveResponseTranslation(db, actor, responseId, field, fr, en);
      answers += 1;
    }
  }
  await writeVerdicts(db, actor, cycle.id, meetingId, world.verdicts, commitmentId);
  for (const [position, d] of world.difficulties.entries())
    await insertDifficulty(db, actor, {
      cycleId: cycle.id,
      level: d.level,
      position: position + 1,
      text: d.text.fr,
      textEn: d.text.en ?? null,
    });
  for (const [position, r] of world.recommendations.entries())
    await insertCycleRecommendation(db, actor, {
      cycleId: cycle.id,
      position: position + 1,
      text: r.fr,
      textEn: r.en ?? null,
    });
  if (previous) {
    const earlier = await listRecommendationFollowUps(db, [previous.id]);
    for (const f of world.followUps) {
      const r = earlier.find((x) => x.position === f.position);
      if (r)
        await saveRecommendationFollowUp(db, actor, r.id, {
          followUp: f.followUp,
          note: f.note?.fr ?? null,
          noteEn: f.note?.en ?? null,
        });
    }
  }
  return answers;
}
