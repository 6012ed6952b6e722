// Responses: the stored row of one partner × indicator × cycle, with its collaborators,
// quantified outputs and evidence; inserted whole (the demo), listed, and written in place as the
// partner answers (versioned, children replaced when they changed, the client id that makes a
// resent write count once stored with it), and the lock that makes a batch's writes take turns.
// The locks and the read of one answer save are in response-saves.ts.

import { type QueryCreator, type Selectable, sql, type Transaction } from "kysely";
import { groupBy } from "../../domain/shared/group.ts";
import type {
  CollectionMethod,
  Contributes,
  Evidence,
  QuantifiedOutput,
  Response,
  ResponseState,
  TypedRows,
} from "../../domain/tracker/response.ts";
import type { DB, ResponsesTable } from "../schema.ts";
import {
  type AuditEntry,
  auditRow,
  type Executor,
  recordAudit,
  recordAudits,
} from "../shared/audit.ts";
import { insertMany, upsertMany } from "../shared/bulk.ts";
import { refusingViolations } from "../shared/errors.ts";
import { manyRows } from "../shared/many.ts";

export type NewResponse = Omit<Response, "id">;

/**
 * Stores a response and its children; every row written is audited. Each list of children is
 * one multi-row insert and the audit records of them all one more, in the order they were written.
 */
export async function insertResponse(db: Executor, actor: string, r: NewResponse): Promise<number> {
  const { id, audits } = await insertResponseRows(db, actor, r);
  await recordAudits(db, audits);
  return id;
}

/** Inserts a response and its children; returns their audit records for the caller to write. */
async function insertResponseRows(
  db: Executor,
  actor: string,
  r: NewResponse,
): Promise<{ id: number; audits: AuditEntry[] }> {
  const row = await refusingViolations(
    db
      .insertInto("responses")
      .values({
        cycle_id: r.cycleId,
        partner_id: r.partnerId,
        indicator_id: r.indicatorId,
        contributes: r.contributes,
        activities: r.activities,
        collaborators_text: r.collaboratorsText,
        difficulties: r.difficulties,
        method: r.method,
        state: r.state,
        answered_by: r.answeredBy,
        answered_at: r.answeredAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  const created = (entity: string, rows: readonly Record<string, unknown>[], idOf = byId) =>
    rows.map(
      (after): AuditEntry => ({ actor, action: "create", entity, entityId: idOf(after), after }),
    );
  const collaborators =
    r.collaboratorIds.length === 0
      ? []
      : await refusingViolations(
          db
            .insertInto("response_collaborators")
            .values(
              r.collaboratorIds.map((partnerId) => ({
                response_id: row.id,
                partner_id: partnerId,
              })),
            )
            .returningAll()
            .execute(),
        );
  const outputs =
    r.outputs.length === 0
      ? []
      : await refusingViolations(
          db
            .insertInto("response_outputs")
            .values(
              r.outputs.map((o, i) => ({
                response_id: row.id,
                position: i + 1,
                value: o.value,
                unit: o.unit,
              })),
            )
            .returningAll()
            .execute(),
        );
  const evidence =
    r.evidence.length === 0
      ? []
      : await refusingViolations(
          db
            .insertInto("response_evidence")
            .values(r.evidence.map((e) => ({ response_id: row.id, url: e.url, title: e.title })))
            .returningAll()
            .execute(),
        );
  const audits = [
    ...created("responses", [row]),
    ...created("response_collaborators", collaborators, (c) => `${c.response_id}:${c.partner_id}`),
    ...created("response_outputs", outputs),
    ...created("response_evidence", evidence),
  ];
  return { id: row.id, audits };
}

const byId = (row: Record<string, unknown>) => String(row.id);

export interface ResponseFilter {
  cycleIds: number[];
  /** Only these answers (a page of them). */
  ids?: readonly number[];
  partnerId?: number;
  /** Only these partners' answers (a page of them). */
  partnerIds?: readonly number[];
  indicatorIds?: number[];
  /** Only answers that name this partner as a collaborator. */
  collaboratorId?: number;
  /** Only answers with one of these yes/no/unknown values. */
  contributes?: readonly Contributes[];
  /** Only answers in these states (public views pass PUBLIC_ANSWER_STATES). */
  states?: readonly string[];
}

/** The responses a filter selects, as a query to read them or their children from. */
function filtered(db: Executor, filter: ResponseFilter) {
  let query = db.selectFrom("responses").where("cycle_id", "in", filter.cycleIds);
  if (filter.ids !== undefined) query = query.where("id", "in", [...filter.ids]);
  if (filter.partnerId !== undefined) query = query.where("partner_id", "=", filter.partnerId);
  if (filter.partnerIds !== undefined)
    query = query.where("partner_id", "in", [...filter.partnerIds]);
  if (filter.states !== undefined) query = query.where("state", "in", [...filter.states]);
  if (filter.indicatorIds !== undefined)
    query = query.where("indicator_id", "in", filter.indicatorIds);
  if (filter.contributes !== undefined)
    query = query.where("contributes", "in", [...filter.contributes]);
  if (filter.collaboratorId !== undefined)
    query = query.where(
      "id",
      "in",
      db
        .selectFrom("response_collaborators")
        .select("response_id")
        .where("partner_id", "=", filter.collaboratorId),
    );
  return query;
}

/** How many responses the filter selects, without reading them. */
export async function countResponses(db: Executor, filter: ResponseFilter): Promise<number> {
  if (filter.cycleIds.length === 0) return 0;
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Up to this many answers, their children are read by id; beyond, by the answers' filter. */
const CHILDREN_BY_ID = 500;

/**
 * Responses matching the filter, with their children, in a stable order. The children of many
 * answers are read by the same filter (not by a list of ids, which would grow with the answers),
 * and attached through one grouping pass each.
 */
export async function listResponses(db: Executor, filter: ResponseFilter): Promise<Response[]> {
  return (await readResponses(db, filter)).map((r) => r.response);
}

/** listResponses with each answer's stored row beside it (version, held rows, comments). */
export async function readResponses(
  db: Executor,
  filter: ResponseFilter,
): Promise<{ response: Response; row: Selectable<ResponsesTable> }[]> {
  if (filter.cycleIds.length === 0) return [];
  if (filter.indicatorIds !== undefined && filter.indicatorIds.length === 0) return [];
  if (filter.ids !== undefined && filter.ids.length === 0) return [];
  if (filter.partnerIds !== undefined && filter.partnerIds.length === 0) return [];
  const rows = await filtered(db, filter)
    .selectAll()
    .orderBy("indicator_id")
    .orderBy("id")
    .execute();
  if (rows.length === 0) return [];
  // A few answers' children are found through the index by their ids; many are read by the same
  // filter instead, so that the statement does not grow with the answers.
  const ids =
    rows.length <= CHILDREN_BY_ID ? rows.map((r) => r.id) : filtered(db, filter).select("id");
  const [collaborators, outputs, evidence] = await Promise.all([
    db
      .selectFrom("response_collaborators")
      .select(["response_id", "partner_id"])
      .where("response_id", "in", ids)
      .orderBy("response_id")
      .orderBy("partner_id")
      .execute(),
    db
      .selectFrom("response_outputs")
      .select(["response_id", "value", "unit"])
      .where("response_id", "in", ids)
      .orderBy("response_id")
      .orderBy("position")
      .execute(),
    db
      .selectFrom("response_evidence")
      .select(["response_id", "url", "title"])
      .where("response_id", "in", ids)
      .orderBy("response_id")
      .orderBy("id")
      .execute(),
  ]);
  const collaboratorsOf = groupBy(collaborators, (c) => c.response_id);
  const outputsOf = groupBy(outputs, (o) => o.response_id);
  const evidenceOf = groupBy(evidence, (e) => e.response_id);
  return rows.map((r) => ({
    row: r,
    response: responseOf(
      r,
      (collaboratorsOf.get(r.id) ?? []).map((c) => c.partner_id),
      (outputsOf.get(r.id) ?? []).map((o): QuantifiedOutput => ({ value: o.value, unit: o.unit })),
      (evidenceOf.get(r.id) ?? []).map((e): Evidence => ({ url: e.url, title: e.title })),
    ),
  }));
}

/** A stored row and its children as the domain's response. */
export function responseOf(
  r: Selectable<ResponsesTable>,
  collaboratorIds: number[],
  outputs: QuantifiedOutput[],
  evidence: Evidence[],
): Response {
  return {
    id: r.id,
    cycleId: r.cycle_id,
    partnerId: r.partner_id,
    indicatorId: r.indicator_id,
    contributes: r.contributes as Contributes,
    activities: r.activities,
    collaboratorIds,
    collaboratorsText: r.collaborators_text,
    difficulties: r.difficulties,
    outputs,
    evidence,
    method: r.method as CollectionMethod,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at ? r.answered_at.toISOString() : null,
    state: r.state as ResponseState,
  };
}

export interface ResponseRef {
  cycleId: number;
  partnerId: number;
  indicatorId: number;
}

export interface StoredResponse {
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

export async function findResponse(
  db: Executor,
  ref: ResponseRef,
): Promise<StoredResponse | undefined> {
  const [stored] = await listStoredResponses(db, ref.cycleId, ref.partnerId, ref.indicatorId);
  return stored;
}

/** A partner's responses in a cycle (or its response to one indicator), each with its version. */
export async function listStoredResponses(
  db: Executor,
  cycleId: number,
  partnerId: number,
  indicatorId?: number,
): Promise<StoredResponse[]> {
  const read = await readResponses(db, {
    cycleIds: [cycleId],
    partnerId,
    indicatorIds: indicatorId === undefined ? undefined : [indicatorId],
  });
  return read.map(({ response, row }) => storedOf(response, row));
}

/** A response with what its stored row adds: version, held rows, who last wrote it. */
export function storedOf(response: Response, row: Selectable<ResponsesTable>): StoredResponse {
  return {
    response,
    version: row.version,
    submittedAt: row.submitted_at,
    returnComment: row.return_comment,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    held: heldRows(row.held_rows),
  };
}

/** Which partner answered which indicator in the cycle: the keys of every answer, nothing else. */
export async function listResponseKeys(
  db: Executor,
  cycleId: number,
): Promise<{ id: number; partnerId: number; indicatorId: number }[]> {
  const rows = await manyRows(
    db,
    db
      .selectFrom("responses")
      .select(["id", "partner_id", "indicator_id"])
      .where("cycle_id", "=", cycleId)
      .orderBy("id"),
    ["id", "partner_id", "indicator_id"],
  );
  return rows.map((r) => ({ id: r.id, partnerId: r.partner_id, indicatorId: r.indicator_id }));
}

export async function listResponseMeta(db: Executor, cycleId: number, partnerId?: number) {
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

// Children are rewritten with the answer only when they changed (most saves change a text); the
// answer's audit record carries them before and after. Each new list is one multi-row insert.
function unchangedChildren(before: Response, a: AnswerContent) {
  const ids = [...a.collaboratorIds].sort((x, y) => x - y);
  return {
    collaborators:
      ids.length === before.collaboratorIds.length &&
      ids.every((id, i) => id === before.collaboratorIds[i]),
    outputs:
      a.outputs.length === before.outputs.length &&
      a.outputs.every(
        (o, i) => o.value === before.outputs[i]?.value && o.unit === before.outputs[i]?.unit,
      ),
    evidence:
      a.evidence.length === before.evidence.length &&
      a.evidence.every(
        (e, i) => e.url === before.evidence[i]?.url && e.title === before.evidence[i]?.title,
      ),
  };
}

async function insertChildren(
  db: Executor,
  responseId: number,
  a: AnswerContent,
  unchanged: ReturnType<typeof unchangedChildren>,
) {
  if (!unchanged.collaborators && a.collaboratorIds.length > 0)
    await db
      .insertInto("response_collaborators")
      .values(
        a.collaboratorIds.map((partnerId) => ({ response_id: responseId, partner_id: partnerId })),
      )
      .execute();
  if (!unchanged.outputs && a.outputs.length > 0)
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
  if (!unchanged.evidence && a.evidence.length > 0)
    await db
      .insertInto("response_evidence")
      .values(a.evidence.map((e) => ({ response_id: responseId, url: e.url, title: e.title })))
      .execute();
}

/** The answer as it reads back once written: what its audit record keeps as "after". */
function storedAfter(
  id: number,
  ref: ResponseRef,
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
 * is the response as the caller read it under the response's lock (undefined when there is none).
 * `clientWrite` is stored with the write, so that a resend of the same client id is recognised.
 */
export async function writeResponse(
  db: Executor,
  actor: string,
  ref: ResponseRef,
  content: AnswerContent & {
    submittedAt: Date | null;
    returnComment: string | null;
    held: TypedRows | null;
  },
  expectedVersion: number | null,
  existing: StoredResponse | undefined,
  clientWrite: { clientId: string; bodyDigest: string } | null = null,
): Promise<{ id: number; version: number } | "stale"> {
  if (!existing) {
    if (expectedVersion !== null && expectedVersion !== 0) return "stale";
    const { id, audits } = await insertResponseRows(db, actor, { ...ref, ...content });
    // The rows' audit records keep them as inserted; what the insert leaves to its defaults is
    // then set, and the client id's write stored, in the same statement as those records.
    await db
      .with("u", (qc) =>
        qc
          .updateTable("responses")
          .set({
            updated_by: actor,
            submitted_at: content.submittedAt,
            return_comment: content.returnComment,
            held_rows: content.held ? JSON.stringify(content.held) : null,
          })
          .where("id", "=", id)
          .returning(["id", "version"]),
      )
      .with("client_write", (qc) => clientWriteOfU(qc, clientWrite))
      .insertInto("audit_log")
      .values(audits.map(auditRow))
      .execute();
    return { id, version: 1 };
  }
  const guard = expectedVersion ?? existing.version;
  const before = existing.response;
  const unchanged = unchangedChildren(before, content);
  // The update succeeds only from `guard`, so the version it writes is known before it runs.
  const audit = auditRow({
    actor,
    action: "update",
    entity: "responses",
    entityId: before.id,
    before: { ...before, version: existing.version, held: existing.held },
    after: storedAfter(before.id, ref, content, guard + 1),
  });
  const skip = sql<boolean>`false`;
  // One statement: the update, the removal of the lists that changed, the audit record and the
  // client id's write — the last three only for a row the update wrote (they read it from "u").
  // A statement's parts do not see each other's rows, so the new lists are inserted after it.
  const updated = await db
    .with("u", (qc) =>
      qc
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
        .where("id", "=", before.id)
        .where("version", "=", guard)
        .returning(["id", "version"]),
    )
    .with("collaborators_gone", (qc) =>
      qc
        .deleteFrom("response_collaborators")
        .where("response_id", "in", qc.selectFrom("u").select("u.id"))
        .$if(unchanged.collaborators, (q) => q.where(skip)),
    )
    .with("outputs_gone", (qc) =>
      qc
        .deleteFrom("response_outputs")
        .where("response_id", "in", qc.selectFrom("u").select("u.id"))
        .$if(unchanged.outputs, (q) => q.where(skip)),
    )
    .with("evidence_gone", (qc) =>
      qc
        .deleteFrom("response_evidence")
        .where("response_id", "in", qc.selectFrom("u").select("u.id"))
        .$if(unchanged.evidence, (q) => q.where(skip)),
    )
    .with("audit", (qc) =>
      qc
        .insertInto("audit_log")
        .columns(["actor", "action", "entity", "entity_id", "before", "after", "request_id"])
        .expression(
          qc
            .selectFrom("u")
            .select([
              sql<string>`cast(${audit.actor} as text)`.as("actor"),
              sql<string>`cast(${audit.action} as text)`.as("action"),
              sql<string>`cast(${audit.entity} as text)`.as("entity"),
              sql<string>`cast(${audit.entity_id} as text)`.as("entity_id"),
              sql<string>`cast(${audit.before} as jsonb)`.as("before"),
              sql<string>`cast(${audit.after} as jsonb)`.as("after"),
              sql<string>`cast(${audit.request_id ?? null} as text)`.as("request_id"),
            ]),
        ),
    )
    .with("client_write", (qc) => clientWriteOfU(qc, clientWrite))
    .selectFrom("u")
    .select(["u.id", "u.version"])
    .executeTakeFirst();
  if (!updated) return "stale";
  await insertChildren(db, updated.id, content, unchanged);
  return updated;
}

/**
 * The client id's write of the answer a statement's "u" part wrote (its id and new version), as
 * that statement's own part: nothing when there is no client id, or when "u" wrote no row.
 */
function clientWriteOfU(
  qc: QueryCreator<DB & { u: { id: number; version: number } }>,
  clientWrite: { clientId: string; bodyDigest: string } | null,
) {
  return qc
    .insertInto("client_writes")
    .columns(["client_id", "response_id", "version", "body_digest"])
    .expression(
      qc
        .selectFrom("u")
        .select([
          sql<string>`cast(${clientWrite?.clientId ?? null} as text)`.as("client_id"),
          "u.id",
          "u.version",
          sql<string>`cast(${clientWrite?.bodyDigest ?? null} as text)`.as("body_digest"),
        ])
        .$if(clientWrite === null, (q) => q.where(sql<boolean>`false`)),
    );
}

export async function setResponseState(
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

/** Locks several mapping rows of one partner at once; returns the indicators that are mapped. */
export async function lockResponses(
  db: Transaction<DB>,
  cycleId: number,
  partnerId: number,
  indicatorIds: readonly number[],
): Promise<Set<number>> {
  if (indicatorIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("mappings")
    .select("indicator_id")
    .where("cycle_id", "=", cycleId)
    .where("partner_id", "=", partnerId)
    .where("indicator_id", "in", [...indicatorIds])
    .orderBy("indicator_id")
    .forUpdate()
    .execute();
  return new Set(rows.map((r) => r.indicator_id));
}

export interface BatchResponse {
  indicatorId: number;
  /** The version the file was made from (0: no answer yet); an answer moved on is skipped. */
  expectedVersion: number;
  content: AnswerContent & {
    submittedAt: Date | null;
    returnComment: string | null;
    held: TypedRows | null;
  };
}

/**
 * Writes many answers of one partner in a few statements (an upsert per chunk, then their
 * outputs and evidence replaced together); collaborators chosen on the page are left as they
 * are. The caller records the batch's audit event. Returns each answer written, new or not; an
 * answer whose version moved on since `expectedVersion` is not written and not returned.
 */
export async function writeResponses(
  db: Executor,
  actor: string,
  ref: { cycleId: number; partnerId: number },
  answers: readonly BatchResponse[],
): Promise<{ id: number; indicatorId: number; version: number; inserted: boolean }[]> {
  if (answers.length === 0) return [];
  const written = await upsertMany(
    db,
    "responses",
    answers.map((a) => ({
      cycle_id: ref.cycleId,
      partner_id: ref.partnerId,
      indicator_id: a.indicatorId,
      contributes: a.content.contributes,
      activities: a.content.activities,
      collaborators_text: a.content.collaboratorsText,
      difficulties: a.content.difficulties,
      method: a.content.method,
      state: a.content.state,
      answered_by: a.content.answeredBy,
      answered_at: a.content.answeredAt,
      submitted_at: a.content.submittedAt,
      return_comment: a.content.returnComment,
      held_rows: a.content.held ? JSON.stringify(a.content.held) : null,
      updated_by: actor,
      // The new version: 1 for a new answer, one past the version it replaces otherwise.
      version: a.expectedVersion + 1,
    })),
    {
      key: ["cycle_id", "partner_id", "indicator_id"],
      update: [
        "contributes",
        "activities",
        "collaborators_text",
        "difficulties",
        "method",
        "state",
        "answered_by",
        "answered_at",
        "submitted_at",
        "return_comment",
        "held_rows",
        "updated_by",
        "version",
      ],
      set: { updated_at: sql`now()` },
      guard: sql<boolean>`responses.version = excluded.version - 1`,
      returning: ["id", "indicator_id", "version"],
    },
  );
  const ids = written.map((w) => Number(w.id));
  if (ids.length > 0) {
    await db.deleteFrom("response_outputs").where("response_id", "in", ids).execute();
    await db.deleteFrom("response_evidence").where("response_id", "in", ids).execute();
  }
  const byIndicator = new Map(answers.map((a) => [a.indicatorId, a]));
  const outputs: Record<string, unknown>[] = [];
  const evidence: Record<string, unknown>[] = [];
  for (const w of written) {
    const a = byIndicator.get(Number(w.indicator_id));
    if (!a) continue;
    for (const [i, o] of a.content.outputs.entries())
      outputs.push({ response_id: w.id, position: i + 1, value: o.value, unit: o.unit });
    for (const e of a.content.evidence)
      evidence.push({ response_id: w.id, url: e.url, title: e.title });
  }
  await insertMany(db, "response_outputs", outputs);
  await insertMany(db, "response_evidence", evidence);
  return written.map((w) => ({
    id: Number(w.id),
    indicatorId: Number(w.indicator_id),
    version: Number(w.version),
    inserted: w.inserted,
  }));
}

/** Who answered what and how, without the content: for views that count contributors. */
export async function listAnswerKeys(
  db: Executor,
  filter: ResponseFilter,
): Promise<Pick<Response, "partnerId" | "indicatorId" | "contributes" | "state">[]> {
  if (filter.cycleIds.length === 0) return [];
  if (filter.indicatorIds !== undefined && filter.indicatorIds.length === 0) return [];
  if (filter.ids !== undefined && filter.ids.length === 0) return [];
  const rows = await manyRows(
    db,
    filtered(db, filter)
      .select(["partner_id", "indicator_id", "contributes", "state"])
      .orderBy("indicator_id")
      .orderBy("id"),
    ["partner_id", "indicator_id", "contributes", "state"],
  );
  return rows.map((r) => ({
    partnerId: r.partner_id,
    indicatorId: r.indicator_id,
    contributes: r.contributes as Contributes,
    state: r.state as ResponseState,
  }));
}

/** How many answers the filter selects, per partner. */
export async function countAnswersByPartner(
  db: Executor,
  filter: ResponseFilter,
): Promise<Map<number, number>> {
  if (filter.cycleIds.length === 0) return new Map();
  if (filter.indicatorIds !== undefined && filter.indicatorIds.length === 0) return new Map();
  if (filter.partnerIds !== undefined && filter.partnerIds.length === 0) return new Map();
  const rows = await filtered(db, filter)
    .select((eb) => ["partner_id", eb.fn.countAll<string>().as("n")])
    .groupBy("partner_id")
    .execute();
  return new Map(rows.map((r) => [r.partner_id, Number(r.n)]));
}
