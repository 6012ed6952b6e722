// Writing a partner's answer in place: versioned updates with their children replaced, and the
// client ids that make a resent write count once.
import { sql } from "kysely";
import type { Response, TypedRows } from "../../domain/tracker/response.ts";
import { type Executor, recordAudit } from "../shared/audit.ts";
import { insertResponse, readResponses } from "./responses.ts";

export interface AnswerRef {
  cycleId: number;
  partnerId: number;
  indicatorId: number;
}

export interface StoredAnswer {
  response: Response;
  version: number;
  submittedAt: Date | null;
  returnComment: string | null;
  updatedBy: string | null;
  updatedAt: Date;
  /** The rows as typed while some of them are not valid yet; null when all are. */
  held: TypedRows | null;
}

/** The stored JSON of held rows back to rows; anything malformed reads as none. */
export function heldRows(raw: unknown): TypedRows | null {
  if (typeof raw === "string") {
    try {
      return heldRows(JSON.parse(raw));
    } catch {
      return null;
    }
  }
  if (typeof raw !== "object" || raw === null) return null;
  const { outputs, evidence } = raw as Record<string, unknown>;
  if (!Array.isArray(outputs) || !Array.isArray(evidence)) return null;
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    outputs: outputs.map((o: Record<string, unknown>) => ({
      value: typeof o.value === "number" ? o.value : text(o.value),
      unit: text(o.unit),
    })),
    evidence: evidence.map((e: Record<string, unknown>) => ({
      url: text(e.url),
      title: typeof e.title === "string" ? e.title : null,
    })),
  };
}

export async function findAnswer(db: Executor, ref: AnswerRef): Promise<StoredAnswer | undefined> {
  const [answer] = await listStoredAnswers(db, ref.cycleId, ref.partnerId, ref.indicatorId);
  return answer;
}

/** A partner's answers in a cycle (or its answer to one indicator), each with its version. */
export async function listStoredAnswers(
  db: Executor,
  cycleId: number,
  partnerId: number,
  indicatorId?: number,
): Promise<StoredAnswer[]> {
  const read = await readResponses(db, {
    cycleIds: [cycleId],
    partnerId,
    indicatorIds: indicatorId === undefined ? undefined : [indicatorId],
  });
  return read.map(({ response, row }) => ({
    response,
    version: row.version,
    submittedAt: row.submitted_at,
    returnComment: row.return_comment,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    held: heldRows(row.held_rows),
  }));
}

export async function listAnswerMeta(db: Executor, cycleId: number, partnerId?: number) {
  let q = db
    .selectFrom("responses")
    .select([
      "id",
      "partner_id",
      "indicator_id",
      "state",
      "version",
      "updated_at",
      "submitted_at",
      "return_comment",
      "method",
      "updated_by",
      "held_rows",
    ])
    .where("cycle_id", "=", cycleId);
  if (partnerId !== undefined) q = q.where("partner_id", "=", partnerId);
  return q.execute();
}

type AnswerContent = Omit<Response, "id" | "cycleId" | "partnerId" | "indicatorId">;

// Children are rewritten with the answer; the answer's audit record carries them before and after.
// A list that was empty and stays empty is left alone; each new list is one multi-row insert.
async function replaceChildren(
  db: Executor,
  responseId: number,
  before: Response,
  a: AnswerContent,
) {
  if (before.collaboratorIds.length > 0)
    await db.deleteFrom("response_collaborators").where("response_id", "=", responseId).execute();
  if (before.outputs.length > 0)
    await db.deleteFrom("response_outputs").where("response_id", "=", responseId).execute();
  if (before.evidence.length > 0)
    await db.deleteFrom("response_evidence").where("response_id", "=", responseId).execute();
  if (a.collaboratorIds.length > 0)
    await db
      .insertInto("response_collaborators")
      .values(
        a.collaboratorIds.map((partnerId) => ({ response_id: responseId, partner_id: partnerId })),
      )
      .execute();
  if (a.outputs.length > 0)
    await db
      .insertInto("response_outputs")
      .values(
        a.outputs.map((o, i) => ({
          response_id: responseId,
          position: i + 1,
          value: o.value,
          unit: o.unit,
        })),
      )
      .execute();
  if (a.evidence.length > 0)
    await db
      .insertInto("response_evidence")
      .values(a.evidence.map((e) => ({ response_id: responseId, url: e.url, title: e.title })))
      .execute();
}

/** The answer as it reads back once written: what its audit record keeps as "after". */
function storedAfter(
  id: number,
  ref: AnswerRef,
  content: AnswerContent & { held: TypedRows | null },
  version: number,
) {
  const response: Response = {
    id,
    cycleId: ref.cycleId,
    partnerId: ref.partnerId,
    indicatorId: ref.indicatorId,
    contributes: content.contributes,
    activities: content.activities,
    collaboratorIds: [...content.collaboratorIds].sort((a, b) => a - b),
    collaboratorsText: content.collaboratorsText,
    difficulties: content.difficulties,
    outputs: content.outputs.map((o) => ({ value: o.value, unit: o.unit })),
    evidence: content.evidence.map((e) => ({ url: e.url, title: e.title })),
    method: content.method,
    answeredBy: content.answeredBy,
    answeredAt: content.answeredAt ? new Date(content.answeredAt).toISOString() : null,
    state: content.state,
  };
  const held = content.held ? heldRows(JSON.stringify(content.held)) : null;
  return { ...response, version, held };
}

/**
 * Creates or updates the answer and returns its new version. The caller has checked the version
 * it expected; `expectedVersion` guards again in SQL so two writers cannot both win. `existing`
 * is the answer as the caller read it under the answer's lock (undefined when there is none).
 */
export async function writeAnswer(
  db: Executor,
  actor: string,
  ref: AnswerRef,
  content: AnswerContent & {
    submittedAt: Date | null;
    returnComment: string | null;
    held: TypedRows | null;
  },
  expectedVersion: number | null,
  existing: StoredAnswer | undefined,
): Promise<{ id: number; version: number } | "stale"> {
  if (!existing) {
    if (expectedVersion !== null && expectedVersion !== 0) return "stale";
    const id = await insertResponse(db, actor, { ...ref, ...content });
    await db
      .updateTable("responses")
      .set({
        updated_by: actor,
        submitted_at: content.submittedAt,
        return_comment: content.returnComment,
        held_rows: content.held ? JSON.stringify(content.held) : null,
      })
      .where("id", "=", id)
      .execute();
    return { id, version: 1 };
  }
  const guard = expectedVersion ?? existing.version;
  const updated = await db
    .updateTable("responses")
    .set({
      contributes: content.contributes,
      activities: content.activities,
      collaborators_text: content.collaboratorsText,
      difficulties: content.difficulties,
      method: content.method,
      state: content.state,
      answered_by: content.answeredBy,
      answered_at: content.answeredAt,
      submitted_at: content.submittedAt,
      return_comment: content.returnComment,
      held_rows: content.held ? JSON.stringify(content.held) : null,
      updated_by: actor,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where("id", "=", existing.response.id)
    .where("version", "=", guard)
    .returning(["id", "version"])
    .executeTakeFirst();
  if (!updated) return "stale";
  await replaceChildren(db, updated.id, existing.response, content);
  await recordAudit(db, {
    actor,
    action: "update",
    entity: "responses",
    entityId: updated.id,
    before: { ...existing.response, version: existing.version, held: existing.held },
    after: storedAfter(updated.id, ref, content, updated.version),
  });
  return updated;
}

export async function findClientWrite(db: Executor, clientId: string) {
  return db
    .selectFrom("client_writes")
    .select(["response_id", "version", "body_digest"])
    .where("client_id", "=", clientId)
    .executeTakeFirst();
}

export async function insertClientWrite(
  db: Executor,
  w: { clientId: string; responseId: number; version: number; bodyDigest: string },
): Promise<void> {
  await db
    .insertInto("client_writes")
    .values({
      client_id: w.clientId,
      response_id: w.responseId,
      version: w.version,
      body_digest: w.bodyDigest,
    })
    .execute();
}

export async function setAnswerState(
  db: Executor,
  actor: string,
  responseId: number,
  changes: { state: string; return_comment?: string | null },
): Promise<void> {
  const before = await db
    .selectFrom("responses")
    .select(["state", "return_comment", "version"])
    .where("id", "=", responseId)
    .executeTakeFirst();
  await db
    .updateTable("responses")
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()`, updated_by: actor })
    .where("id", "=", responseId)
    .execute();
  await recordAudit(db, {
    actor,
    action: "update",
    entity: "responses",
    entityId: responseId,
    before,
    after: changes,
  });
}

/**
 * Locks the partner × indicator mapping row until the transaction ends, so that writes to one
 * answer (and resends of one client id) run one after another. False when it is not mapped.
 */
export async function lockAnswer(db: Executor, ref: AnswerRef): Promise<boolean> {
  const row = await db
    .selectFrom("mappings")
    .select("cycle_id")
    .where("cycle_id", "=", ref.cycleId)
    .where("partner_id", "=", ref.partnerId)
    .where("indicator_id", "=", ref.indicatorId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}
