// Partner mapping and responses (with collaborators, quantified outputs and evidence).

import type { Selectable } from "kysely";
import { groupBy } from "../../domain/shared/group.ts";
import type {
  CollectionMethod,
  Contributes,
  Evidence,
  QuantifiedOutput,
  Response,
  ResponseState,
} from "../../domain/tracker/response.ts";
import type { ResponsesTable } from "../schema.ts";
import { type Executor, insertAudited, recordAudit } from "../shared/audit.ts";

export async function insertMapping(
  db: Executor,
  actor: string,
  m: { cycleId: number; partnerId: number; indicatorId: number },
) {
  return insertAudited(
    db,
    actor,
    "mappings",
    { cycle_id: m.cycleId, partner_id: m.partnerId, indicator_id: m.indicatorId },
    (row) => `${row.cycle_id}:${row.partner_id}:${row.indicator_id}`,
  );
}

/** The cycle's mapping, or one partner's part of it. */
export async function listMappings(
  db: Executor,
  cycleId: number,
  partnerId?: number,
): Promise<{ partnerId: number; indicatorId: number }[]> {
  let query = db
    .selectFrom("mappings")
    .select(["partner_id", "indicator_id"])
    .where("cycle_id", "=", cycleId);
  if (partnerId !== undefined) query = query.where("partner_id", "=", partnerId);
  const rows = await query.execute();
  return rows.map((r) => ({ partnerId: r.partner_id, indicatorId: r.indicator_id }));
}

/** Removes a mapping that has no response yet; false when an answer already hangs on it. */
export async function deleteMapping(
  db: Executor,
  actor: string,
  m: { cycleId: number; partnerId: number; indicatorId: number },
): Promise<boolean> {
  const answered = await db
    .selectFrom("responses")
    .select("id")
    .where("cycle_id", "=", m.cycleId)
    .where("partner_id", "=", m.partnerId)
    .where("indicator_id", "=", m.indicatorId)
    .executeTakeFirst();
  if (answered) return false;
  await db
    .deleteFrom("mappings")
    .where("cycle_id", "=", m.cycleId)
    .where("partner_id", "=", m.partnerId)
    .where("indicator_id", "=", m.indicatorId)
    .execute();
  await recordAudit(db, {
    actor,
    action: "delete",
    entity: "mappings",
    entityId: `${m.cycleId}:${m.partnerId}:${m.indicatorId}`,
    before: m,
  });
  return true;
}

export type NewResponse = Omit<Response, "id">;

/** Stores a response and its children; every row written is audited. */
export async function insertResponse(db: Executor, actor: string, r: NewResponse): Promise<number> {
  const row = await insertAudited(db, actor, "responses", {
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
  });
  for (const partnerId of r.collaboratorIds) {
    await insertAudited(
      db,
      actor,
      "response_collaborators",
      { response_id: row.id, partner_id: partnerId },
      (c) => `${c.response_id}:${c.partner_id}`,
    );
  }
  for (const [i, o] of r.outputs.entries()) {
    await insertAudited(db, actor, "response_outputs", {
      response_id: row.id,
      position: i + 1,
      value: o.value,
      unit: o.unit,
    });
  }
  for (const e of r.evidence) {
    await insertAudited(db, actor, "response_evidence", {
      response_id: row.id,
      url: e.url,
      title: e.title,
    });
  }
  return row.id;
}

export interface ResponseFilter {
  cycleIds: number[];
  partnerId?: number;
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
  if (filter.partnerId !== undefined) query = query.where("partner_id", "=", filter.partnerId);
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

/**
 * Responses matching the filter, with their children, in a stable order. The children are read
 * by the same filter (not by a list of ids, which would grow with the answers) and attached
 * through one grouping pass each.
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
  const ids = filtered(db, filter).select("id");
  const [rows, collaborators, outputs, evidence] = await Promise.all([
    filtered(db, filter).selectAll().orderBy("indicator_id").orderBy("id").execute(),
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
  if (rows.length === 0) return [];
  const collaboratorsOf = groupBy(collaborators, (c) => c.response_id);
  const outputsOf = groupBy(outputs, (o) => o.response_id);
  const evidenceOf = groupBy(evidence, (e) => e.response_id);
  return rows.map((r) => ({
    row: r,
    response: {
      id: r.id,
      cycleId: r.cycle_id,
      partnerId: r.partner_id,
      indicatorId: r.indicator_id,
      contributes: r.contributes as Contributes,
      activities: r.activities,
      collaboratorIds: (collaboratorsOf.get(r.id) ?? []).map((c) => c.partner_id),
      collaboratorsText: r.collaborators_text,
      difficulties: r.difficulties,
      outputs: (outputsOf.get(r.id) ?? []).map(
        (o): QuantifiedOutput => ({ value: o.value, unit: o.unit }),
      ),
      evidence: (evidenceOf.get(r.id) ?? []).map((e): Evidence => ({ url: e.url, title: e.title })),
      method: r.method as CollectionMethod,
      answeredBy: r.answered_by,
      answeredAt: r.answered_at ? r.answered_at.toISOString() : null,
      state: r.state as ResponseState,
    },
  }));
}

/** Who answered what and how, without the content: for views that count contributors. */
export async function listAnswerKeys(
  db: Executor,
  filter: ResponseFilter,
): Promise<Pick<Response, "partnerId" | "indicatorId" | "contributes" | "state">[]> {
  if (filter.cycleIds.length === 0) return [];
  if (filter.indicatorIds !== undefined && filter.indicatorIds.length === 0) return [];
  const rows = await filtered(db, filter)
    .select(["partner_id", "indicator_id", "contributes", "state"])
    .orderBy("indicator_id")
    .orderBy("id")
    .execute();
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
  const rows = await filtered(db, filter)
    .select((eb) => ["partner_id", eb.fn.countAll<string>().as("n")])
    .groupBy("partner_id")
    .execute();
  return new Map(rows.map((r) => [r.partner_id, Number(r.n)]));
}
