// Partner mapping and responses (with collaborators, quantified outputs and evidence).
import type {
  CollectionMethod,
  Contributes,
  Evidence,
  QuantifiedOutput,
  Response,
  ResponseState,
} from "../../domain/tracker/response.ts";
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

export async function listMappings(
  db: Executor,
  cycleId: number,
): Promise<{ partnerId: number; indicatorId: number }[]> {
  const rows = await db
    .selectFrom("mappings")
    .select(["partner_id", "indicator_id"])
    .where("cycle_id", "=", cycleId)
    .execute();
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
  /** Only answers in these states (public views pass PUBLIC_ANSWER_STATES). */
  states?: readonly string[];
}

/** Responses matching the filter, with their children, in a stable order. */
export async function listResponses(db: Executor, filter: ResponseFilter): Promise<Response[]> {
  if (filter.cycleIds.length === 0) return [];
  let query = db
    .selectFrom("responses")
    .selectAll()
    .where("cycle_id", "in", filter.cycleIds)
    .orderBy("indicator_id")
    .orderBy("id");
  if (filter.partnerId !== undefined) query = query.where("partner_id", "=", filter.partnerId);
  if (filter.states !== undefined) query = query.where("state", "in", [...filter.states]);
  if (filter.indicatorIds !== undefined) {
    if (filter.indicatorIds.length === 0) return [];
    query = query.where("indicator_id", "in", filter.indicatorIds);
  }
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [collaborators, outputs, evidence] = await Promise.all([
    db.selectFrom("response_collaborators").selectAll().where("response_id", "in", ids).execute(),
    db
      .selectFrom("response_outputs")
      .selectAll()
      .where("response_id", "in", ids)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("response_evidence")
      .selectAll()
      .where("response_id", "in", ids)
      .orderBy("id")
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    cycleId: r.cycle_id,
    partnerId: r.partner_id,
    indicatorId: r.indicator_id,
    contributes: r.contributes as Contributes,
    activities: r.activities,
    collaboratorIds: collaborators
      .filter((c) => c.response_id === r.id)
      .map((c) => c.partner_id)
      .sort((a, b) => a - b),
    collaboratorsText: r.collaborators_text,
    difficulties: r.difficulties,
    outputs: outputs
      .filter((o) => o.response_id === r.id)
      .map((o): QuantifiedOutput => ({ value: o.value, unit: o.unit })),
    evidence: evidence
      .filter((e) => e.response_id === r.id)
      .map((e): Evidence => ({ url: e.url, title: e.title })),
    method: r.method as CollectionMethod,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at ? r.answered_at.toISOString() : null,
    state: r.state as ResponseState,
  }));
}
