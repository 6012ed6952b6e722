// Answers of one partner written together, as a workbook import stores them: the same rules as
// saving one answer (who may write, the cycle's state under its lock, the version each row was
// made from, the state after the save) checked for every row, then the rows written in a few
// statements whatever their number, instead of some ten per row.

import { findExtension } from "../../db/tracker/collection.ts";
import { listProcessIndicators } from "../../db/tracker/commitments.ts";
import { listResponseMeta, lockResponses, writeResponses } from "../../db/tracker/responses.ts";
import { lockCycleState } from "../../db/tracker/validation.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { notFound, Problem } from "../../domain/shared/problem.ts";
import { acceptsAnswer } from "../../domain/tracker/collection.ts";
import type { CycleState } from "../../domain/tracker/cycle.ts";
import { type ResponseState, readRows, stateAfterSave } from "../../domain/tracker/response.ts";
import { authorise, requireSignedIn } from "../shared/access.ts";
import type { Tx } from "../shared/db.ts";
import { loadTracker } from "./context.ts";
import { type AnswerInput, isStaff, locate, noQuestionnaire, windowOf } from "./questionnaire.ts";

export interface ImportedAnswer {
  indicatorCode: string;
  /** The version the file was made from (0 when there was no answer yet). */
  version: number;
  answer: AnswerInput;
}

export interface ImportedOutcome {
  indicatorCode: string;
  outcome: "inserted" | "updated" | "stale";
  responseId: number | null;
  version: number | null;
}

/** Stores imported answers in the caller's transaction; method "import", never submitted. */
export async function saveImportedAnswers(
  trx: Tx,
  actor: Actor,
  target: { cycleSlug: string; partnerSlug: string },
  answers: readonly ImportedAnswer[],
  lang: Lang,
): Promise<ImportedOutcome[]> {
  requireSignedIn(actor, "questionnaire");
  if (answers.length === 0) return [];
  const { cycle, partner } = await locate(trx, target.cycleSlug, target.partnerSlug, lang);
  const scope = { cycleId: cycle.id, partnerId: partner.id };
  authorise(actor, "response.read", scope, {
    subject: "questionnaire",
    hidden: noQuestionnaire(target.cycleSlug, target.partnerSlug),
  });
  authorise(actor, "response.write", scope);
  // The state under the cycle's row lock, so that an import racing publication cannot land after.
  const cycleState = ((await lockCycleState(trx, cycle.id)) ?? cycle.state) as CycleState;
  if (cycleState !== "collection" && cycleState !== "validation")
    throw new Problem("conflict", "cycle_state", { state: cycleState });
  const tracker = await loadTracker(trx, lang);
  const codes = new Map((await listProcessIndicators(trx, tracker.id)).map((i) => [i.code, i.id]));
  const idOf = (code: string) => {
    const id = codes.get(code);
    if (id === undefined) throw notFound("indicator", code);
    return id;
  };
  const ids = answers.map((a) => idOf(a.indicatorCode));
  // The mapping rows locked, then the answers read again: a write that came in since the file
  // was read (or the questionnaire shown) is seen here.
  const mapped = await lockResponses(trx, cycle.id, partner.id, ids);
  const missing = answers.find((a) => !mapped.has(idOf(a.indicatorCode)));
  if (missing) throw notFound("indicator", missing.indicatorCode);
  const [meta, extendedUntil] = await Promise.all([
    listResponseMeta(trx, cycle.id, partner.id),
    findExtension(trx, cycle.id, partner.id),
  ]);
  const stored = new Map(meta.map((m) => [m.indicator_id, m]));
  const window = windowOf(cycleState, extendedUntil);
  const by = actorLabel(actor);
  const now = new Date().toISOString();
  const outcomes = new Map<string, ImportedOutcome>();
  const writes = [];
  for (const a of answers) {
    const indicatorId = idOf(a.indicatorCode);
    const existing = stored.get(indicatorId);
    if ((existing?.version ?? 0) !== a.version) {
      outcomes.set(a.indicatorCode, {
        indicatorCode: a.indicatorCode,
        outcome: "stale",
        responseId: existing?.id ?? null,
        version: existing?.version ?? null,
      });
      continue;
    }
    const answerState = (existing?.state ?? null) as ResponseState | null;
    if (!acceptsAnswer({ ...window, byCoordinator: isStaff(actor), answerState }))
      throw new Problem("conflict", "cycle_state", { state: cycleState });
    const rows = readRows({ outputs: a.answer.outputs, evidence: a.answer.evidence });
    writes.push({
      indicatorId,
      expectedVersion: a.version,
      content: {
        contributes: a.answer.contributes,
        activities: a.answer.activities,
        collaboratorIds: a.answer.collaboratorIds,
        collaboratorsText: a.answer.collaboratorsText,
        difficulties: a.answer.difficulties,
        outputs: rows.outputs,
        evidence: rows.evidence,
        held: rows.problems.length > 0 ? rows.kept : null,
        method: "import" as const,
        state: stateAfterSave(answerState, false, a.answer, rows.problems),
        answeredBy: actor.kind === "user" ? actor.name : null,
        answeredAt: now,
        submittedAt: existing?.submitted_at ?? null,
        returnComment: existing?.return_comment ?? null,
      },
    });
  }
  const written = await writeResponses(
    trx,
    by,
    { cycleId: cycle.id, partnerId: partner.id },
    writes,
  );
  const byIndicator = new Map(written.map((w) => [w.indicatorId, w]));
  return answers.map((a) => {
    const seen = outcomes.get(a.indicatorCode);
    if (seen) return seen;
    const w = byIndicator.get(idOf(a.indicatorCode));
    // Not written: its version moved on between the read above and the write (the guard).
    if (!w)
      return { indicatorCode: a.indicatorCode, outcome: "stale", responseId: null, version: null };
    return {
      indicatorCode: a.indicatorCode,
      outcome: w.inserted ? "inserted" : "updated",
      responseId: w.id,
      version: w.version,
    };
  });
}
