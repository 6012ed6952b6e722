// The partner questionnaire: one page per partner per cycle (annex 1 of the method), answers saved
// as drafts over several sittings, submitted when ready. Writes are versioned (a stale write is
// refused, never merged silently) and carry a client id (a resend is stored once). Rows that are
// not valid yet are kept in the draft as typed, beside the answer, and listed back.

import { createHash } from "node:crypto";
import { countReturned, findExtension } from "../../db/tracker/collection.ts";
import { listMappings } from "../../db/tracker/mappings.ts";
import { findPartnerBySlug } from "../../db/tracker/partners.ts";
import {
  lockAskedIndicator,
  lockSaveScope,
  readAskedAnswers,
} from "../../db/tracker/response-saves.ts";
import { findResponse, listStoredResponses, writeResponse } from "../../db/tracker/responses.ts";
import { compareFr } from "../../domain/shared/group.ts";
import { INT4_MAX } from "../../domain/shared/input.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel, boundPartner, can } from "../../domain/shared/policy.ts";
import { notFound, Problem } from "../../domain/shared/problem.ts";
import {
  acceptsAnswer,
  linkOpens,
  type PartnerWindow,
  partnerCollects,
  partnerDeadline,
} from "../../domain/tracker/collection.ts";
import { indicatorNumber } from "../../domain/tracker/commitment.ts";
import type { CycleState } from "../../domain/tracker/cycle.ts";
import { partnerShortName } from "../../domain/tracker/partner.ts";
import {
  type AnswerProgress,
  answerProgress,
  type CollectionMethod,
  type Contributes,
  type Evidence,
  isEmptyAnswer,
  type QuantifiedOutput,
  type ResponseState,
  type RowProblem,
  readRows,
  stateAfterSave,
  submitProblem,
  type TypedOutput,
  type TypedRows,
} from "../../domain/tracker/response.ts";
import { utcDay } from "../../domain/tracker/tracking.ts";
import { authorise, requireSignedIn, writesForAnyPartner } from "../shared/access.ts";
import type { Db, Tx } from "../shared/db.ts";
import {
  commitmentsIn,
  cycleRecordIn,
  cyclesIn,
  loadTracker,
  partnersIn,
  processIndicatorsIn,
} from "./context.ts";

/** An answer's content as stored: valid rows only. */
export interface AnswerContent {
  contributes: Contributes;
  activities: string | null;
  collaboratorIds: number[];
  collaboratorsText: string | null;
  difficulties: string | null;
  outputs: QuantifiedOutput[];
  evidence: Evidence[];
}

/** An answer as typed: quantities may be text ("12,5"), and any row may still be invalid. */
export interface AnswerInput extends Omit<AnswerContent, "outputs"> {
  outputs: TypedOutput[];
}

export interface SaveRequest {
  cycleSlug: string;
  partnerSlug: string;
  indicatorCode: string;
  answer: AnswerInput;
  /**
   * The version the writer last saw (0 for a new answer). Every write must say which version it
   * replaces: null is refused (a writer that never saw the stored answer would overwrite it).
   */
  ifMatch: number | null;
  clientId: string | null;
  submit: boolean;
  /** How the answer reached us; only the coordinator may say interview or document review. */
  method?: CollectionMethod;
  answeredBy?: string | null;
}

export type SaveResult =
  | {
      /** "partial": stored, but some rows are kept as typed, not valid yet (`problems`). */
      outcome: "saved" | "partial" | "replayed";
      version: number;
      state: string;
      problems: RowProblem[];
      progress: AnswerProgress;
    }
  | { outcome: "stale"; current: QuestionAnswer | null }
  /** The client id came before with another body, or for another answer: nothing is written. */
  | { outcome: "mismatch"; current: QuestionAnswer | null; sent: AnswerInput };

/** A coordinator writing a partner's answers by interview, not the partner itself. */
export const isStaff = writesForAnyPartner;

/**
 * A questionnaire that is not there, whatever the reason (unknown cycle or partner, or one the
 * actor may not read): never "no such partner" to a partner who followed a stale link.
 */
export const noQuestionnaire = (cycleSlug: string, partnerSlug: string) =>
  notFound("questionnaire", `${cycleSlug}/${partnerSlug}`);

export async function locate(db: Db, cycleSlug: string, partnerSlug: string, lang: Lang) {
  const tracker = await loadTracker(db, lang);
  const cycle = await cycleRecordIn(db, tracker.id, cycleSlug, lang);
  const partner = await findPartnerBySlug(db, tracker.id, partnerSlug);
  if (!cycle || !partner) throw noQuestionnaire(cycleSlug, partnerSlug);
  return { tracker, cycle, partner };
}

export interface QuestionAnswer extends AnswerContent {
  version: number;
  state: string;
  method: CollectionMethod;
  updatedBy: string | null;
  updatedAt: string;
  returnComment: string | null;
  /** The rows as typed while some are not valid yet (shown instead of outputs and evidence). */
  held: TypedRows | null;
  /** What is wrong with the held rows. */
  problems: RowProblem[];
}

export interface QuestionnaireView {
  cycle: { slug: string; label: string; state: string; deadline: string | null };
  partner: { id: number; slug: string; name: string; acronym: string | null };
  /** At least one answer may be written by this actor now (each indicator says which). */
  editable: boolean;
  /** The last day of the partner's extended collection, while it runs. */
  extendedUntil: string | null;
  /**
   * The day the partner's answers are due, while one applies: the cycle's deadline (or its
   * extension's later day) during collection, its extension's day in validation, else null.
   */
  deadline: string | null;
  /** The coordinator entering answers on a partner's behalf says how they were collected. */
  onBehalf: boolean;
  commitments: {
    number: number;
    title: string;
    indicators: {
      id: number;
      code: string;
      number: string;
      title: string;
      answer: QuestionAnswer | null;
      /** This answer may be written by this actor now. */
      editable: boolean;
    }[];
  }[];
  partners: { id: number; shortName: string }[];
  progress: AnswerProgress;
}

export async function getQuestionnaire(
  db: Db,
  actor: Actor,
  cycleSlug: string,
  partnerSlug: string,
  lang: Lang,
): Promise<QuestionnaireView> {
  requireSignedIn(actor, "questionnaire");
  const { tracker, cycle, partner } = await locate(db, cycleSlug, partnerSlug, lang);
  // Another partner's questionnaire is reported missing, exactly like an unknown one.
  authorise(
    actor,
    "response.read",
    { cycleId: cycle.id, partnerId: partner.id },
    { subject: "questionnaire", hidden: noQuestionnaire(cycleSlug, partnerSlug) },
  );
  const [commitments, indicators, mappings, stored, partners, extendedUntil] = await Promise.all([
    commitmentsIn(db, tracker.id, lang),
    processIndicatorsIn(db, tracker.id, lang),
    listMappings(db, cycle.id, partner.id),
    listStoredResponses(db, cycle.id, partner.id),
    partnersIn(db, tracker.id, lang),
    findExtension(db, cycle.id, partner.id),
  ]);
  const window = windowOf(cycle.state, extendedUntil);
  const writer = can(actor, "response.write", { cycleId: cycle.id, partnerId: partner.id });
  const mapped = new Set(mappings.map((m) => m.indicatorId));
  const answerOf = new Map(stored.map((a) => [a.response.indicatorId, toQuestionAnswer(a)]));
  const groups = commitments
    .map((c) => ({
      number: c.number,
      title: c.title,
      indicators: indicators
        .filter((i) => i.commitmentId === c.id && mapped.has(i.id))
        .map((i) => ({
          id: i.id,
          code: i.code,
          number: indicatorNumber(c.number, i),
          title: i.title,
          answer: answerOf.get(i.id) ?? null,
        }))
        .map((i) => ({
          ...i,
          editable:
            writer &&
            acceptsAnswer({
              ...window,
              byCoordinator: isStaff(actor),
              answerState: (i.answer?.state ?? null) as ResponseState | null,
            }),
        })),
    }))
    .filter((g) => g.indicators.length > 0);
  const all = groups.flatMap((g) => g.indicators);
  return {
    cycle: { slug: cycle.slug, label: cycle.label, state: cycle.state, deadline: cycle.deadline },
    // A partner opened by its slug is named in French, in either language of the page.
    partner: {
      id: partner.id,
      slug: partner.slug,
      name: partner.name.fr,
      acronym: partner.acronym,
    },
    editable: all.some((i) => i.editable),
    extendedUntil: extendedUntil !== null && extendedUntil >= window.today ? extendedUntil : null,
    deadline: partnerCollects(window)
      ? partnerDeadline(cycle.state, cycle.deadline, extendedUntil)
      : null,
    onBehalf: isStaff(actor),
    commitments: groups,
    partners: partners
      .filter((p) => p.id !== partner.id)
      .map((p) => ({ id: p.id, shortName: partnerShortName(p) }))
      .sort((a, b) => compareFr(a.shortName, b.shortName)),
    progress: progressOf(
      all.length,
      all.flatMap((i) => (i.answer ? [i.answer] : [])),
    ),
  };
}

/** The partner's window as the rule needs it: the cycle's state, its extension, today. */
export function windowOf(cycleState: CycleState, extendedUntil: string | null): PartnerWindow {
  return { cycleState, extendedUntil, today: utcDay(new Date()) };
}

function progressOf(mapped: number, answers: readonly QuestionAnswer[]): AnswerProgress {
  return answerProgress(
    mapped,
    answers.map((a) => ({ state: a.state as ResponseState, empty: isEmptyAnswer(a, a.held) })),
  );
}

/** The fingerprint of a write, to tell a resend from another write under the same client id. */
function digestOf(req: SaveRequest): string {
  return createHash("sha256")
    .update(JSON.stringify({ answer: req.answer, submit: req.submit }))
    .digest("base64url");
}

/**
 * A refused submission: the yes/no answer, or the rows in the way — every one of them as an
 * issue (the first also in `details`), so the form marks them all from this one answer.
 */
function refusedSubmit(problem: "contributes" | RowProblem, rows: readonly RowProblem[]): Problem {
  if (problem === "contributes") return new Problem("invalid_input", "contributes");
  return new Problem(
    "invalid_input",
    problem.list,
    { row: problem.row, reason: problem.reason },
    rows.map((r) => ({ path: r.list, code: r.reason, params: { row: r.row } })),
  );
}

/** A version past int4 matches no stored answer and cannot even be compared in SQL. */
function checkVersion(ifMatch: number | null): void {
  if (ifMatch === null) return;
  if (!Number.isInteger(ifMatch) || ifMatch < 0 || ifMatch > INT4_MAX)
    throw new Problem("invalid_input", "version", { field: "version" });
}

export async function saveAnswer(
  db: Db,
  actor: Actor,
  req: SaveRequest,
  lang: Lang,
): Promise<SaveResult> {
  requireSignedIn(actor, "questionnaire");
  return db.transaction().execute((trx) => saveAnswerIn(trx, actor, req, lang));
}

/**
 * saveAnswer inside a transaction the caller holds. Four statements when no list of rows
 * changes: the questionnaire with its cycle locked, the indicator with its answer's lock, what
 * the save decides on (the partner's answers, the client id, the collaborators named) read under
 * that lock, and the write with its audit record; one more for each list of rows that changed.
 */
export async function saveAnswerIn(
  trx: Tx,
  actor: Actor,
  req: SaveRequest,
  lang: Lang,
): Promise<SaveResult> {
  checkVersion(req.ifMatch);
  requireSignedIn(actor, "questionnaire");
  const by = actorLabel(actor);
  // Read the state under a row lock, so that a write racing with publication cannot land after it.
  const scope = await lockSaveScope(trx, req.cycleSlug, req.partnerSlug);
  if (!scope) {
    // Which one is missing decides the problem (no tracker at all is not "no questionnaire").
    await locate(trx, req.cycleSlug, req.partnerSlug, lang);
    throw noQuestionnaire(req.cycleSlug, req.partnerSlug);
  }
  const { cycleId, partnerId } = scope;
  const cycleState = scope.cycleState as CycleState;
  authorise(
    actor,
    "response.read",
    { cycleId, partnerId },
    {
      subject: "questionnaire",
      hidden: noQuestionnaire(req.cycleSlug, req.partnerSlug),
    },
  );
  authorise(actor, "response.write", { cycleId, partnerId });
  const ifMatch = req.ifMatch;
  if (ifMatch === null) throw new Problem("precondition_required", "if-match");
  if (cycleState !== "collection" && cycleState !== "validation")
    throw new Problem("conflict", "cycle_state", { state: cycleState });
  // The lock makes concurrent writes to one answer, and resends, take turns.
  const indicatorId = await lockAskedIndicator(trx, scope, req.indicatorCode);
  if (indicatorId === undefined) throw notFound("indicator", req.indicatorCode);
  const ref = { cycleId, partnerId, indicatorId };
  const digest = digestOf(req);
  // Read under the answer's lock: the answer as it is, the others for the counter, the client
  // id's earlier write (one that held the lock before this one is seen), and which collaborators
  // named are partners of this tracker.
  const { asked, answers, seen, knownCollaborators } = await readAskedAnswers(
    trx,
    scope,
    req.clientId,
    req.answer.collaboratorIds,
  );
  // An unknown collaborator is refused, not left to the foreign key (whose violation would be a
  // server error).
  if (req.answer.collaboratorIds.some((id) => !knownCollaborators.has(id)))
    throw new Problem("invalid_input", "collaborators", { field: "collaborators" });
  const existing = answers.find((a) => a.response.indicatorId === indicatorId);
  // The counter once this write is in, so that a client can show it without reloading the page.
  const progress = (written?: { state: ResponseState; empty: boolean }) =>
    answerProgress(
      asked,
      answers
        .map((a) =>
          written && a === existing
            ? written
            : { state: a.response.state, empty: isEmptyAnswer(a.response, a.held) },
        )
        .concat(written && !existing ? [written] : []),
    );

  if (req.clientId && seen) {
    // A client id names one write to one answer. Reused for another answer or with another body
    // it is refused with both sides shown (a "replayed" would silently drop the new content).
    if (
      existing?.response.id !== seen.responseId ||
      (seen.bodyDigest !== null && seen.bodyDigest !== digest)
    ) {
      return {
        outcome: "mismatch",
        current: existing ? toQuestionAnswer(existing) : null,
        sent: req.answer,
      };
    }
    return {
      outcome: "replayed",
      version: seen.version,
      state: existing ? stateOf(existing) : "draft",
      problems: existing.held ? readRows(existing.held).problems : [],
      progress: progress(),
    };
  }
  const rows = readRows({ outputs: req.answer.outputs, evidence: req.answer.evidence });
  // Submitting needs the yes/no answer and every row valid; refused, nothing is written.
  const refused = req.submit ? submitProblem(req.answer, rows.problems) : null;
  if (refused) throw refusedSubmit(refused, rows.problems);
  // One rule for the page, the API and imports: after collection, a partner writes only an
  // answer sent back to it (until validated or published) or while its extension runs.
  const window = windowOf(cycleState, scope.extendedUntil);
  const answerState = existing?.response.state ?? null;
  if (!acceptsAnswer({ ...window, byCoordinator: isStaff(actor), answerState }))
    throw new Problem("conflict", "cycle_state", { state: cycleState });
  // A version other than the one read under the lock is stale: the stored answer is shown as
  // read, not read again (the SQL guard of writeResponse still refuses it too).
  if (existing ? existing.version !== ifMatch : ifMatch !== 0)
    return { outcome: "stale", current: existing ? toQuestionAnswer(existing) : null };
  // Imported answers are written by the batch import (imported-answers.ts), with method "import".
  const method: CollectionMethod = isStaff(actor) ? (req.method ?? "interview") : "online";
  const state = stateAfterSave(
    existing?.response.state ?? null,
    req.submit,
    req.answer,
    rows.problems,
  );
  const held = rows.problems.length > 0 ? rows.kept : null;
  const content = {
    ...req.answer,
    outputs: rows.outputs,
    evidence: rows.evidence,
    held,
    method,
    state,
    answeredBy: req.answeredBy ?? (actor.kind === "user" ? actor.name : null),
    answeredAt: new Date().toISOString(),
    submittedAt: req.submit ? new Date() : (existing?.submittedAt ?? null),
    returnComment: req.submit ? null : (existing?.returnComment ?? null),
  };
  const written = await writeResponse(
    trx,
    by,
    ref,
    content,
    ifMatch,
    existing,
    req.clientId ? { clientId: req.clientId, bodyDigest: digest } : null,
  );
  if (written === "stale") {
    const current = await findResponse(trx, ref);
    return { outcome: "stale", current: current ? toQuestionAnswer(current) : null };
  }
  return {
    outcome: rows.problems.length > 0 ? "partial" : "saved",
    version: written.version,
    state,
    problems: rows.problems,
    progress: progress({ state, empty: isEmptyAnswer(content, held) }),
  };
}

function stateOf(a: { response: { state: string } }): string {
  return a.response.state;
}

function toQuestionAnswer(
  a: NonNullable<Awaited<ReturnType<typeof findResponse>>>,
): QuestionAnswer {
  const r = a.response;
  return {
    contributes: r.contributes,
    activities: r.activities,
    collaboratorIds: r.collaboratorIds,
    collaboratorsText: r.collaboratorsText,
    difficulties: r.difficulties,
    outputs: r.outputs,
    evidence: r.evidence,
    version: a.version,
    state: r.state,
    method: r.method,
    updatedBy: a.updatedBy,
    updatedAt: a.updatedAt.toISOString(),
    returnComment: a.returnComment,
    held: a.held,
    problems: a.held ? readRows(a.held).problems : [],
  };
}

/** The questionnaires an actor may open: its partner's, in cycles that still ask it something. */
export async function questionnairesFor(
  db: Db,
  actor: Actor,
  lang: Lang,
): Promise<{ cycleSlug: string; partnerSlug: string }[]> {
  requireSignedIn(actor, "questionnaire");
  const partnerId = boundPartner(actor);
  if (partnerId === null) return [];
  const tracker = await loadTracker(db, lang);
  const [cycles, partners] = await Promise.all([
    cyclesIn(db, tracker.id, lang),
    partnersIn(db, tracker.id, lang),
  ]);
  const partner = partners.find((p) => p.id === partnerId);
  if (!partner) return [];
  const result: { cycleSlug: string; partnerSlug: string }[] = [];
  for (const c of cycles) {
    if (actor.kind === "invitation" && actor.cycleId !== c.id) continue;
    if (c.state !== "collection" && c.state !== "validation") continue;
    const open = linkOpens({
      ...windowOf(c.state, await findExtension(db, c.id, partnerId)),
      returnedAnswers: await countReturned(db, c.id, partnerId),
    });
    const asked = open && (await listMappings(db, c.id, partnerId)).length > 0;
    if (asked) result.push({ cycleSlug: c.slug, partnerSlug: partner.slug });
  }
  return result;
}
