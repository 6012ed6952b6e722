// The validation step of a cycle: the meeting record, every partner's answers side by side per
// indicator, the status and narrative the validators set, and answers sent back with a comment.

import { listAssessmentRecords } from "../../db/tracker/assessments.ts";
import { findAnswerOwner } from "../../db/tracker/collection.ts";
import { listCommitments, listProcessIndicators } from "../../db/tracker/commitments.ts";
import { listUnanswered } from "../../db/tracker/mappings.ts";
import { listPartners } from "../../db/tracker/partners.ts";
import {
  listResponseKeys,
  listResponseMeta,
  readResponses,
  setResponseState,
} from "../../db/tracker/responses.ts";
import {
  answerIdsInState,
  findValidationMeeting,
  lockCycleState,
  saveMeetingRecord,
  upsertAssessment,
  type ValidationMeetingRecord,
} from "../../db/tracker/validation.ts";
import { compareFr, groupBy } from "../../domain/shared/group.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel, can } from "../../domain/shared/policy.ts";
import { invalidFields, lengthProblems, notFound, Problem } from "../../domain/shared/problem.ts";
import { indicatorNumber } from "../../domain/tracker/commitment.ts";
import { acceptsAssessments, type CycleState, isValidPeriod } from "../../domain/tracker/cycle.ts";
import { partnerShortName } from "../../domain/tracker/partner.ts";
import type { Response } from "../../domain/tracker/response.ts";
import { isStatus, type Status, statusNeedsNarrative } from "../../domain/tracker/status.ts";
import {
  COMMENT_LIMITS,
  MEETING_LIMITS,
  NARRATIVE_LIMITS,
} from "../../domain/tracker/validation.ts";
import { authorise } from "../shared/access.ts";
import type { Db, Tx } from "../shared/db.ts";
import {
  commitmentsIn,
  loadTracker,
  loadTrackerCycle,
  partnersIn,
  processIndicatorsIn,
} from "./context.ts";
import { cycleRecord } from "./cycles.ts";
import {
  queueSendBackNotice,
  type SendBackFacts,
  type SendBackMessage,
  sendBackLinkFacts,
} from "./send-back.ts";

export interface PartnerName {
  id: number;
  shortName: string;
  name: string;
}

export interface AnswerReview
  extends Pick<
    Response,
    | "contributes"
    | "activities"
    | "collaboratorsText"
    | "difficulties"
    | "outputs"
    | "evidence"
    | "method"
    | "answeredBy"
    | "answeredAt"
    | "state"
  > {
  id: number;
  partner: PartnerName;
  collaborators: PartnerName[];
  returnComment: string | null;
}

export interface IndicatorReview {
  id: number;
  code: string;
  number: string;
  title: string;
  status: Status;
  narrative: string | null;
  narrativeEn: string | null;
  /** Linked to the cycle's meeting (false when set before the meeting was recorded). */
  atMeeting: boolean;
  assessedAt: string | null;
  /** All its answers in the cycle, on every page. */
  answerCount: number;
  /** The answers on this page, in partner order. */
  answers: AnswerReview[];
  /** Position of the first of them among all its answers (1-based; 0 when none is shown). */
  firstShown: number;
  /** The pages its answers run over; its status is set on the last one. */
  firstPage: number;
  lastPage: number;
  /** Partners asked about this indicator who have not answered yet (on its last page only). */
  waiting: PartnerName[];
}

/** An indicator as the page's index names it: where it is and where it stands. */
export interface IndicatorEntry {
  code: string;
  number: string;
  status: Status;
  firstPage: number;
}

/** Answers shown on one page of the validation step. */
export const ANSWERS_PER_PAGE = 50;

export interface ValidationView {
  cycle: { slug: string; label: string; state: CycleState };
  /** Statuses, meeting and send-backs may be written (role and cycle state allow it). */
  editable: boolean;
  /** Fresh links to answers sent back may be made (for WhatsApp). */
  canSendLinks: boolean;
  meeting: ValidationMeetingRecord | null;
  partners: PartnerName[];
  /** The indicators on this page, by commitment. */
  commitments: { number: number; title: string; indicators: IndicatorReview[] }[];
  /** Every indicator of the cycle, for the index. */
  index: IndicatorEntry[];
  /** Over every indicator, whatever the page. */
  progress: { assessed: number; total: number };
  pages: { current: number; count: number };
}

/**
 * Which page to show: a number, or the page holding an indicator's status form (its last) or
 * an answer — where a form that was just sent comes back to.
 */
export type ValidationAt = { page: number } | { indicator: string } | { answer: number };

export async function getValidation(
  db: Db,
  actor: Actor,
  slug: string,
  lang: Lang,
  at: ValidationAt = { page: 1 },
): Promise<ValidationView> {
  authorise(actor, "workspace.read");
  const { tracker, cycle } = await loadTrackerCycle(db, slug, lang);
  // Every partner's answers are read here, so the page needs the unscoped right to read them.
  authorise(actor, "response.read", { cycleId: cycle.id });
  const [commitments, indicators, partners, keys, assessments, meeting] = await Promise.all([
    commitmentsIn(db, tracker.id, lang),
    processIndicatorsIn(db, tracker.id, lang),
    partnersIn(db, tracker.id, lang),
    listResponseKeys(db, cycle.id),
    listAssessmentRecords(db, cycle.id),
    findValidationMeeting(db, cycle.id),
  ]);
  const names = new Map(
    partners.map((p) => [p.id, { id: p.id, shortName: partnerShortName(p), name: p.name }]),
  );
  const nameOf = (id: number): PartnerName => names.get(id) ?? { id, shortName: "?", name: "?" };
  const byName = (a: PartnerName, b: PartnerName) => compareFr(a.shortName, b.shortName);
  const assessmentOf = new Map(assessments.map((a) => [a.indicatorId, a]));
  const indicatorsOf = groupBy(indicators, (i) => i.commitmentId);
  // Partners sorted once by name; one rank for equal names, so that the answers' sort below
  // compares numbers and keeps, for partners of one name, the answers' id order (it is stable).
  const sortedNames = [...names.values()].sort(byName);
  const rankOf = new Map<number, number>();
  sortedNames.forEach((p, i) => {
    const before = sortedNames[i - 1];
    const rank = before && byName(before, p) === 0 ? (rankOf.get(before.id) ?? i) : i;
    rankOf.set(p.id, rank);
  });
  // Keys come in id order and the sort is stable: partners of one name keep their answers' order.
  const keysOf = groupBy(keys, (k) => k.indicatorId);
  const placed = commitments.map((c) => ({
    c,
    indicators: (indicatorsOf.get(c.id) ?? []).map((i) => ({
      i,
      keys: (keysOf.get(i.id) ?? []).sort(
        (x, y) => (rankOf.get(x.partnerId) ?? -1) - (rankOf.get(y.partnerId) ?? -1),
      ),
    })),
  }));
  // The answers are cut into pages in the order they are read: commitment, indicator, partner.
  const order = placed.flatMap((g) => g.indicators.flatMap((x) => x.keys));
  const count = Math.max(1, Math.ceil(order.length / ANSWERS_PER_PAGE));
  const pageAt = (offset: number) => Math.min(count, Math.floor(offset / ANSWERS_PER_PAGE) + 1);
  let offset = 0;
  const spans = new Map<number, { first: number; last: number; offset: number }>();
  for (const g of placed)
    for (const { i, keys: own } of g.indicators) {
      spans.set(i.id, {
        first: pageAt(offset),
        last: pageAt(offset + Math.max(own.length, 1) - 1),
        offset,
      });
      offset += own.length;
    }
  const current = pageOf(at, count, order, placed, spans);
  const from = (current - 1) * ANSWERS_PER_PAGE;
  const shownIds = order.slice(from, from + ANSWERS_PER_PAGE).map((k) => k.id);
  // Who has not answered is listed where an indicator's status is set: on its last page.
  const closing = [...spans].filter(([, span]) => span.last === current).map(([id]) => id);
  const [read, unanswered] = await Promise.all([
    readResponses(db, { cycleIds: [cycle.id], ids: shownIds }),
    listUnanswered(db, cycle.id, closing),
  ]);
  const shown = new Map(read.map((r) => [r.response.id, r]));
  const waitingOf = groupBy(unanswered, (m) => m.indicatorId);
  const review = (id: number): AnswerReview[] => {
    const read = shown.get(id);
    if (!read) return [];
    const r = read.response;
    return [
      {
        id: r.id,
        partner: nameOf(r.partnerId),
        contributes: r.contributes,
        activities: r.activities,
        collaborators: r.collaboratorIds.map(nameOf),
        collaboratorsText: r.collaboratorsText,
        difficulties: r.difficulties,
        outputs: r.outputs,
        evidence: r.evidence,
        method: r.method,
        answeredBy: r.answeredBy,
        answeredAt: r.answeredAt,
        state: r.state,
        returnComment: read.row.return_comment,
      },
    ];
  };
  const groups = placed.map(({ c, indicators: own }) => ({
    number: c.number,
    title: c.title,
    indicators: own.map(({ i, keys: answerKeys }): IndicatorReview => {
      const a = assessmentOf.get(i.id);
      const span = spans.get(i.id) ?? { first: 1, last: 1, offset: 0 };
      const answers = answerKeys.flatMap((k) => review(k.id));
      const firstOnPage = Math.max(from - span.offset, 0);
      return {
        id: i.id,
        code: i.code,
        number: indicatorNumber(c.number, i),
        title: i.title,
        status: a?.status ?? "not_assessed",
        narrative: a?.narrative ?? null,
        narrativeEn: a?.narrativeEn ?? null,
        atMeeting: a?.meetingId != null && a.meetingId === meeting?.id,
        assessedAt: a ? a.assessedAt.toISOString() : null,
        answerCount: answerKeys.length,
        answers,
        firstShown: answers.length > 0 ? firstOnPage + 1 : 0,
        firstPage: span.first,
        lastPage: span.last,
        waiting: (waitingOf.get(i.id) ?? []).map((m) => nameOf(m.partnerId)).sort(byName),
      };
    }),
  }));
  const all = groups.flatMap((g) => g.indicators);
  const onPage = (i: IndicatorReview) => i.firstPage <= current && current <= i.lastPage;
  return {
    cycle: { slug: cycle.slug, label: cycle.label, state: cycle.state },
    editable: can(actor, "validation.write") && acceptsAssessments(cycle.state),
    canSendLinks: can(actor, "cycle.setup") && acceptsAssessments(cycle.state),
    meeting: meeting ?? null,
    partners: sortedNames,
    commitments: groups
      .map((g) => ({ ...g, indicators: g.indicators.filter(onPage) }))
      .filter((g) => g.indicators.length > 0),
    index: all.map((i) => ({
      code: i.code,
      number: i.number,
      status: i.status,
      firstPage: i.firstPage,
    })),
    progress: {
      assessed: all.filter((i) => i.status !== "not_assessed").length,
      total: all.length,
    },
    pages: { current, count },
  };
}

/** The page asked for: out of range is not found; an unknown indicator or answer, the first. */
function pageOf(
  at: ValidationAt,
  count: number,
  order: { id: number }[],
  placed: { indicators: { i: { id: number; code: string } }[] }[],
  spans: Map<number, { last: number }>,
): number {
  if ("page" in at) {
    if (at.page < 1 || at.page > count) throw notFound("page", String(at.page));
    return at.page;
  }
  if ("answer" in at) {
    const position = order.findIndex((k) => k.id === at.answer);
    return position < 0 ? 1 : Math.floor(position / ANSWERS_PER_PAGE) + 1;
  }
  const indicator = placed.flatMap((g) => g.indicators).find((x) => x.i.code === at.indicator);
  return (indicator && spans.get(indicator.i.id)?.last) ?? 1;
}

/** Opens a write on the cycle: locked, and refused with a conflict once it is published. */
export async function writableCycle(trx: Tx, slug: string, lang: Lang) {
  const cycle = await cycleRecord(trx, slug, lang);
  const state = (await lockCycleState(trx, cycle.id)) as CycleState | undefined;
  if (!state || !acceptsAssessments(state))
    throw new Problem("conflict", "cycle_state", { state: state ?? cycle.state });
  return cycle;
}

const clean = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

export interface MeetingForm {
  title: string;
  titleEn: string | null;
  heldOn: string;
  place: string;
  participantIds: number[];
}

/** Records the cycle's validation meeting, or corrects the one already recorded. */
export async function saveMeeting(
  db: Db,
  actor: Actor,
  slug: string,
  form: MeetingForm,
  lang: Lang,
): Promise<number> {
  authorise(actor, "validation.write");
  const title = clean(form.title);
  const place = clean(form.place);
  // Every field at once, so the form shows all its errors together.
  const problems: Record<string, string> = lengthProblems(form, MEETING_LIMITS);
  if (!title) problems.title = "required";
  if (!isValidPeriod(form.heldOn, form.heldOn)) problems.heldOn = "invalid";
  if (!place) problems.place = "required";
  if (!title || !place || Object.keys(problems).length > 0)
    throw invalidFields(problems, MEETING_LIMITS);
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    const cycle = await writableCycle(trx, slug, lang);
    const tracker = await loadTracker(trx, lang);
    const known = new Set((await partnersIn(trx, tracker.id, lang)).map((p) => p.id));
    const participantIds = [...new Set(form.participantIds)].sort((a, b) => a - b);
    if (participantIds.some((id) => !known.has(id)))
      throw new Problem("invalid_input", "participants");
    const existing = await findValidationMeeting(trx, cycle.id);
    return saveMeetingRecord(trx, by, existing?.id ?? null, {
      cycleId: cycle.id,
      title,
      titleEn: clean(form.titleEn),
      heldOn: form.heldOn,
      place,
      participantIds,
    });
  });
}

export interface AssessmentForm {
  indicatorCode: string;
  status: string;
  narrative: string | null;
  narrativeEn: string | null;
}

/**
 * Sets an indicator's status and progress narrative for the cycle, linked to the cycle's meeting.
 * A real status (not "not assessed") also marks the indicator's submitted answers validated.
 */
export async function assessIndicator(
  db: Db,
  actor: Actor,
  slug: string,
  form: AssessmentForm,
  lang: Lang,
): Promise<{ status: Status; validated: number }> {
  authorise(actor, "validation.write");
  const status = form.status;
  const problems: Record<string, string> = lengthProblems(form, NARRATIVE_LIMITS);
  const narrative = clean(form.narrative);
  if (!isStatus(status)) problems.status = "invalid";
  else if (statusNeedsNarrative(status) && !narrative) problems.narrative ??= "required";
  if (!isStatus(status) || Object.keys(problems).length > 0)
    throw invalidFields(problems, NARRATIVE_LIMITS);
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    const cycle = await writableCycle(trx, slug, lang);
    const tracker = await loadTracker(trx, lang);
    const indicator = (await processIndicatorsIn(trx, tracker.id, lang)).find(
      (i) => i.code === form.indicatorCode,
    );
    if (!indicator) throw notFound("indicator", form.indicatorCode);
    const meeting = await findValidationMeeting(trx, cycle.id);
    await upsertAssessment(trx, by, {
      cycleId: cycle.id,
      indicatorId: indicator.id,
      status,
      narrative,
      narrativeEn: narrative ? clean(form.narrativeEn) : null,
      meetingId: meeting?.id ?? null,
    });
    if (status === "not_assessed") return { status, validated: 0 };
    const submitted = await answerIdsInState(trx, cycle.id, indicator.id, "submitted");
    for (const id of submitted) await setResponseState(trx, by, id, { state: "validated" });
    return { status, validated: submitted.length };
  });
}

export interface SentBack {
  partner: string;
  partnerSlug: string;
  /** Notices queued, one per known address of the partner, each with a fresh link. */
  emailed: number;
}

/** The answer of the cycle a form names, with its indicator's number. */
async function answerTarget(trx: Db, cycle: { id: number; slug: string }, answerId: number) {
  const answer = await findAnswerOwner(trx, answerId);
  if (!answer || answer.cycleId !== cycle.id) throw notFound("answer", answerId);
  const tracker = await loadTracker(trx, "fr");
  // Only ids and numbers are read here: no text needs a language.
  const [commitments, indicators, partners] = await Promise.all([
    listCommitments(trx, tracker.id),
    listProcessIndicators(trx, tracker.id),
    listPartners(trx, tracker.id),
  ]);
  const indicator = indicators.find((i) => i.id === answer.indicatorId);
  const commitment = commitments.find((c) => c.id === indicator?.commitmentId);
  const partner = partners.find((p) => p.id === answer.partnerId);
  if (!indicator || !commitment || !partner) throw notFound("answer", answerId);
  return {
    answer,
    partnerSlug: partner.slug,
    target: {
      trackerId: tracker.id,
      cycleId: cycle.id,
      cycleSlug: cycle.slug,
      partnerId: answer.partnerId,
      indicatorId: answer.indicatorId,
      indicatorNumber: indicatorNumber(commitment.number, indicator),
    },
  };
}

/**
 * Sends an answer back to its partner with a comment; the partner's questionnaire shows it and
 * the partner is told by e-mail with a fresh link, in the same transaction. The answer stays
 * open to its partner, after collection too, until validated or the cycle is published.
 */
export async function sendBack(
  db: Db,
  actor: Actor,
  slug: string,
  answerId: number,
  comment: string,
  lang: Lang,
  notice: { baseUrl: string; message: SendBackMessage },
): Promise<SentBack> {
  authorise(actor, "validation.write");
  const text = clean(comment);
  const problems: Record<string, string> = lengthProblems({ comment }, COMMENT_LIMITS);
  if (!text) problems.comment = "required";
  if (!text || Object.keys(problems).length > 0) throw invalidFields(problems, COMMENT_LIMITS);
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    const cycle = await writableCycle(trx, slug, lang);
    const { partnerSlug, target } = await answerTarget(trx, cycle, answerId);
    await setResponseState(trx, by, answerId, { state: "returned", return_comment: text });
    const sent = await queueSendBackNotice(trx, by, { ...target, comment: text }, notice);
    return { ...sent, partnerSlug };
  });
}

/**
 * A new link to an answer sent back, for the coordinator to hand over by WhatsApp, and the
 * facts of its message (in French, like the e-mail). Only while the answer is still sent back.
 */
export async function sendBackLink(
  db: Db,
  actor: Actor,
  slug: string,
  answerId: number,
  baseUrl: string,
  lang: Lang,
): Promise<SendBackFacts & { cycleSlug: string }> {
  authorise(actor, "cycle.setup");
  return db.transaction().execute(async (trx) => {
    const cycle = await writableCycle(trx, slug, lang);
    const { target } = await answerTarget(trx, cycle, answerId);
    const meta = (await listResponseMeta(trx, cycle.id, target.partnerId)).find(
      (m) => m.id === answerId,
    );
    if (meta?.state !== "returned")
      throw new Problem("conflict", "answer_state", { state: meta?.state ?? "" });
    const facts = await sendBackLinkFacts(
      trx,
      actorLabel(actor),
      { ...target, comment: meta.return_comment ?? "" },
      baseUrl,
    );
    return { ...facts, cycleSlug: cycle.slug };
  });
}
