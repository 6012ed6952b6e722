// The partner questionnaire: one page per partner per cycle (annex 1 of the method), answers saved
// as drafts over several sittings, submitted when ready. Writes are versioned (a stale write is
// refused, never merged silently) and carry a client id (a resend is stored once).

import {
  findAnswer,
  findClientWrite,
  insertClientWrite,
  listAnswerMeta,
  lockAnswer,
  writeAnswer,
} from "../db/answers.ts";
import { listCommitments, listIndicators } from "../db/commitments.ts";
import { listCycles } from "../db/cycles.ts";
import { findPartnerBySlug, listPartners } from "../db/partners.ts";
import { listMappings, listResponses } from "../db/responses.ts";
import { lockCycleState } from "../db/validation.ts";
import { indicatorNumber } from "../domain/commitment.ts";
import { acceptsAnswers } from "../domain/cycle.ts";
import { INT4_MAX } from "../domain/input.ts";
import type { Lang } from "../domain/lang.ts";
import { type Actor, actorLabel, boundPartner } from "../domain/policy.ts";
import { notFound, Problem } from "../domain/problem.ts";
import type {
  CollectionMethod,
  Contributes,
  Evidence,
  QuantifiedOutput,
} from "../domain/response.ts";
import { loadTracker } from "./context.ts";
import { authorise, cycleRecord } from "./cycles.ts";
import type { Db } from "./db.ts";

export interface AnswerInput {
  contributes: Contributes;
  activities: string | null;
  collaboratorIds: number[];
  collaboratorsText: string | null;
  difficulties: string | null;
  outputs: QuantifiedOutput[];
  evidence: Evidence[];
}

export interface SaveRequest {
  cycleSlug: string;
  partnerSlug: string;
  indicatorCode: string;
  answer: AnswerInput;
  /** The version the writer last saw (0 for a new answer); null skips the check (form posts). */
  ifMatch: number | null;
  clientId: string | null;
  submit: boolean;
  /** How the answer reached us; only the coordinator may say interview or document review. */
  method?: CollectionMethod;
  answeredBy?: string | null;
}

export type SaveResult =
  | { outcome: "saved" | "replayed"; version: number; state: string }
  | { outcome: "stale"; current: QuestionAnswer | null };

const isStaff = (actor: Actor) =>
  actor.kind === "user" && (actor.role === "coordinator" || actor.role === "admin");

async function locate(db: Db, cycleSlug: string, partnerSlug: string, lang: Lang) {
  const tracker = await loadTracker(db, lang);
  const cycle = await cycleRecord(db, cycleSlug, lang);
  const partner = await findPartnerBySlug(db, tracker.id, partnerSlug);
  if (!partner) throw notFound("partner", partnerSlug);
  return { tracker, cycle, partner };
}

export interface QuestionAnswer extends AnswerInput {
  version: number;
  state: string;
  method: CollectionMethod;
  updatedBy: string | null;
  updatedAt: string;
  returnComment: string | null;
}

export interface QuestionnaireView {
  cycle: { slug: string; label: string; state: string; deadline: string | null };
  partner: { id: number; slug: string; name: string; acronym: string | null };
  editable: boolean;
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
    }[];
  }[];
  partners: { id: number; shortName: string }[];
  progress: { mapped: number; started: number; submitted: number };
}

export async function getQuestionnaire(
  db: Db,
  actor: Actor,
  cycleSlug: string,
  partnerSlug: string,
  lang: Lang,
): Promise<QuestionnaireView> {
  if (actor.kind === "anonymous") throw new Problem("unauthenticated", "questionnaire");
  const { tracker, cycle, partner } = await locate(db, cycleSlug, partnerSlug, lang);
  // Another partner's questionnaire is reported missing, exactly like an unknown one.
  if (!canRead(actor, cycle.id, partner.id)) throw notFound("partner", partnerSlug);
  const [commitments, indicators, mappings, responses, meta, partners] = await Promise.all([
    listCommitments(db, tracker.id, lang),
    listIndicators(db, tracker.id, lang),
    listMappings(db, cycle.id),
    listResponses(db, { cycleIds: [cycle.id], partnerId: partner.id }),
    listAnswerMeta(db, cycle.id, partner.id),
    listPartners(db, tracker.id, lang),
  ]);
  const mapped = new Set(
    mappings.filter((m) => m.partnerId === partner.id).map((m) => m.indicatorId),
  );
  const answerOf = (indicatorId: number): QuestionAnswer | null => {
    const r = responses.find((x) => x.indicatorId === indicatorId);
    const m = meta.find((x) => x.indicator_id === indicatorId);
    if (!r || !m) return null;
    return {
      contributes: r.contributes,
      activities: r.activities,
      collaboratorIds: r.collaboratorIds,
      collaboratorsText: r.collaboratorsText,
      difficulties: r.difficulties,
      outputs: r.outputs,
      evidence: r.evidence,
      version: m.version,
      state: m.state,
      method: r.method,
      updatedBy: m.updated_by,
      updatedAt: m.updated_at.toISOString(),
      returnComment: m.return_comment,
    };
  };
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
          answer: answerOf(i.id),
        })),
    }))
    .filter((g) => g.indicators.length > 0);
  const all = groups.flatMap((g) => g.indicators);
  return {
    cycle: { slug: cycle.slug, label: cycle.label, state: cycle.state, deadline: cycle.deadline },
    partner: { id: partner.id, slug: partner.slug, name: partner.name, acronym: partner.acronym },
    editable: acceptsAnswers(cycle.state, isStaff(actor)) && canWrite(actor, cycle.id, partner.id),
    onBehalf: isStaff(actor),
    commitments: groups,
    partners: partners
      .filter((p) => p.id !== partner.id)
      .map((p) => ({ id: p.id, shortName: p.acronym ?? p.name }))
      .sort((a, b) => a.shortName.localeCompare(b.shortName, "fr")),
    progress: {
      mapped: all.length,
      started: all.filter((i) => i.answer !== null).length,
      submitted: all.filter(
        (i) => i.answer && i.answer.state !== "draft" && i.answer.state !== "returned",
      ).length,
    },
  };
}

function canRead(actor: Actor, cycleId: number, partnerId: number): boolean {
  try {
    authorise(actor, "response.read", { cycleId, partnerId });
    return true;
  } catch {
    return false;
  }
}

function canWrite(actor: Actor, cycleId: number, partnerId: number): boolean {
  try {
    authorise(actor, "response.write", { cycleId, partnerId });
    return true;
  } catch {
    return false;
  }
}

/** A version past int4 matches no stored answer and cannot even be compared in SQL. */
function checkVersion(ifMatch: number | null): void {
  if (ifMatch === null) return;
  if (!Number.isInteger(ifMatch) || ifMatch < 0 || ifMatch > INT4_MAX)
    throw new Problem("invalid_input", "version", { field: "version" });
}

function checkAnswer(a: AnswerInput): void {
  for (const [i, o] of a.outputs.entries()) {
    if (!Number.isFinite(o.value) || o.value < 0)
      throw new Problem("invalid_input", "outputs", { row: i + 1 });
    if (o.unit.trim() === "") throw new Problem("invalid_input", "outputs", { row: i + 1 });
  }
  for (const [i, e] of a.evidence.entries()) {
    if (!/^https?:\/\/\S+$/.test(e.url))
      throw new Problem("invalid_input", "evidence", { row: i + 1 });
  }
}

export interface SaveOptions {
  /** The answer arrives in an uploaded file: stored with method "import", whoever may write. */
  imported?: boolean;
}

export async function saveAnswer(
  db: Db,
  actor: Actor,
  req: SaveRequest,
  lang: Lang,
  options: SaveOptions = {},
): Promise<SaveResult> {
  checkAnswer(req.answer);
  if (actor.kind === "anonymous") throw new Problem("unauthenticated", "questionnaire");
  return db.transaction().execute((trx) => saveAnswerIn(trx, actor, req, lang, options));
}

/** saveAnswer inside a transaction the caller holds (an import writes all its rows in one). */
export async function saveAnswerIn(
  trx: Db,
  actor: Actor,
  req: SaveRequest,
  lang: Lang,
  options: SaveOptions = {},
): Promise<SaveResult> {
  checkAnswer(req.answer);
  checkVersion(req.ifMatch);
  if (actor.kind === "anonymous") throw new Problem("unauthenticated", "questionnaire");
  const by = actorLabel(actor);
  const { cycle, partner } = await locate(trx, req.cycleSlug, req.partnerSlug, lang);
  if (!canRead(actor, cycle.id, partner.id)) throw notFound("partner", req.partnerSlug);
  authorise(actor, "response.write", { cycleId: cycle.id, partnerId: partner.id });
  // Read the state under a row lock, so that a write racing with publication cannot land after it.
  const cycleState = ((await lockCycleState(trx, cycle.id)) ?? cycle.state) as typeof cycle.state;
  if (!acceptsAnswers(cycleState, isStaff(actor)))
    throw new Problem("conflict", "cycle_state", { state: cycleState });
  const tracker = await loadTracker(trx, lang);
  const indicator = (await listIndicators(trx, tracker.id, lang)).find(
    (i) => i.code === req.indicatorCode,
  );
  // The lock makes concurrent writes to one answer, and resends, take turns.
  const mapped =
    indicator !== undefined &&
    (await lockAnswer(trx, {
      cycleId: cycle.id,
      partnerId: partner.id,
      indicatorId: indicator.id,
    }));
  if (!indicator || !mapped) throw notFound("indicator", req.indicatorCode);
  // Collaborators are partners of this tracker: an unknown id is refused, not left to the
  // foreign key (whose violation would be a server error).
  if (req.answer.collaboratorIds.length > 0) {
    const known = new Set((await listPartners(trx, tracker.id, lang)).map((p) => p.id));
    if (req.answer.collaboratorIds.some((id) => !known.has(id)))
      throw new Problem("invalid_input", "collaborators", { field: "collaborators" });
  }

  if (req.clientId) {
    const seen = await findClientWrite(trx, req.clientId);
    const current = seen
      ? await findAnswer(trx, {
          cycleId: cycle.id,
          partnerId: partner.id,
          indicatorId: indicator.id,
        })
      : undefined;
    // A client id names one write to one answer: reused for another, it is refused.
    if (seen && current?.response.id !== seen.response_id) {
      throw new Problem("invalid_input", "client_id");
    }
    if (seen) {
      return {
        outcome: "replayed",
        version: seen.version,
        state: current ? stateOf(current) : "draft",
      };
    }
  }
  const ref = { cycleId: cycle.id, partnerId: partner.id, indicatorId: indicator.id };
  const existing = await findAnswer(trx, ref);
  const method: CollectionMethod = options.imported
    ? "import"
    : isStaff(actor)
      ? (req.method ?? "interview")
      : "online";
  const state = req.submit
    ? "submitted"
    : existing && !req.submit && existing.response.state === "submitted"
      ? "submitted"
      : "draft";
  const written = await writeAnswer(
    trx,
    by,
    ref,
    {
      ...req.answer,
      method,
      state,
      answeredBy: req.answeredBy ?? (actor.kind === "user" ? actor.name : null),
      answeredAt: new Date().toISOString(),
      submittedAt: req.submit ? new Date() : (existing?.submittedAt ?? null),
      returnComment: req.submit ? null : (existing?.returnComment ?? null),
    },
    req.ifMatch,
  );
  if (written === "stale") {
    const current = await findAnswer(trx, ref);
    return { outcome: "stale", current: current ? toQuestionAnswer(current) : null };
  }
  if (req.clientId)
    await insertClientWrite(trx, {
      clientId: req.clientId,
      responseId: written.id,
      version: written.version,
    });
  return { outcome: "saved", version: written.version, state };
}

function stateOf(a: { response: { state: string } }): string {
  return a.response.state;
}

function toQuestionAnswer(a: NonNullable<Awaited<ReturnType<typeof findAnswer>>>): QuestionAnswer {
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
  };
}

/** The questionnaires an actor may open: its partner's, in cycles that ask it something. */
export async function questionnairesFor(
  db: Db,
  actor: Actor,
  lang: Lang,
): Promise<{ cycleSlug: string; partnerSlug: string }[]> {
  if (actor.kind === "anonymous") throw new Problem("unauthenticated", "questionnaire");
  const partnerId = boundPartner(actor);
  if (partnerId === null) return [];
  const tracker = await loadTracker(db, lang);
  const [cycles, partners] = await Promise.all([
    listCycles(db, tracker.id, lang),
    listPartners(db, tracker.id, lang),
  ]);
  const partner = partners.find((p) => p.id === partnerId);
  if (!partner) return [];
  const open = cycles.filter(
    (c) => c.state === "collection" && (actor.kind !== "invitation" || actor.cycleId === c.id),
  );
  const result: { cycleSlug: string; partnerSlug: string }[] = [];
  for (const c of open) {
    const asked = (await listMappings(db, c.id)).some((m) => m.partnerId === partnerId);
    if (asked) result.push({ cycleSlug: c.slug, partnerSlug: partner.slug });
  }
  return result;
}
