// The statements of one answer save, as few as the locks allow: the questionnaire's scope with
// the cycle locked, then the asked indicator with its mapping locked, then everything the save
// needs to decide (the partner's answers with their children, the client id's earlier write),
// read after both locks so that a write or a resend that held them is seen. Each is one
// statement; the reads cannot join the locks, because a statement reads rows as they were when
// it began, before it waited for a lock.

import { type Selectable, sql, type Transaction } from "kysely";
import type { Evidence, QuantifiedOutput } from "../../domain/tracker/response.ts";
import type { DB, ResponsesTable } from "../schema.ts";
import { responseOf, type StoredResponse, storedOf } from "./responses.ts";

/** What a save needs of the questionnaire it writes in: ids, the cycle's state and extension. */
export interface SaveScope {
  trackerId: number;
  cycleId: number;
  /** Read under the cycle's row lock: a write racing with publication cannot land after it. */
  cycleState: string;
  partnerId: number;
  /** The last day of the partner's extended collection, if it has one. */
  extendedUntil: string | null;
}

/**
 * The default tracker's cycle and partner by slug, the cycle's row locked until the transaction
 * ends (against publishing, not against inserts that reference it); undefined when either is
 * unknown.
 */
export async function lockSaveScope(
  trx: Transaction<DB>,
  cycleSlug: string,
  partnerSlug: string,
): Promise<SaveScope | undefined> {
  const row = await trx
    .selectFrom((db) => db.selectFrom("trackers").select("id").orderBy("id").limit(1).as("t"))
    .innerJoin("cycles as c", (j) =>
      j.onRef("c.tracker_id", "=", "t.id").on("c.slug", "=", cycleSlug),
    )
    .innerJoin("partners as p", (j) =>
      j.onRef("p.tracker_id", "=", "t.id").on("p.slug", "=", partnerSlug),
    )
    .select((eb) => [
      "t.id as tracker_id",
      "c.id as cycle_id",
      "c.state",
      "p.id as partner_id",
      eb
        .selectFrom("collection_extensions as x")
        .select("x.until")
        .whereRef("x.cycle_id", "=", "c.id")
        .whereRef("x.partner_id", "=", "p.id")
        .as("extended_until"),
    ])
    .forNoKeyUpdate("c")
    .executeTakeFirst();
  return (
    row && {
      trackerId: row.tracker_id,
      cycleId: row.cycle_id,
      cycleState: row.state,
      partnerId: row.partner_id,
      extendedUntil: row.extended_until ?? null,
    }
  );
}

/**
 * The id of the tracker's indicator with this code when the partner is asked about it in the
 * cycle, its mapping row locked so that writes to one answer (and resends) take turns.
 */
export async function lockAskedIndicator(
  trx: Transaction<DB>,
  scope: Pick<SaveScope, "trackerId" | "cycleId" | "partnerId">,
  code: string,
): Promise<number | undefined> {
  const row = await trx
    .selectFrom("indicators as i")
    .innerJoin("mappings as m", (j) =>
      j
        .onRef("m.indicator_id", "=", "i.id")
        .on("m.cycle_id", "=", scope.cycleId)
        .on("m.partner_id", "=", scope.partnerId),
    )
    .select("i.id")
    .where("i.tracker_id", "=", scope.trackerId)
    .where("i.code", "=", code)
    .forUpdate("m")
    .executeTakeFirst();
  return row?.id;
}

/** The write a client id first came with. */
export interface ClientWrite {
  responseId: number;
  version: number;
  /** Null for writes stored before digests were kept. */
  bodyDigest: string | null;
}

export interface AskedAnswers {
  /** How many indicators the partner is asked about in the cycle. */
  asked: number;
  /** The partner's answers in the cycle, with their children, by indicator. */
  answers: StoredResponse[];
  /** The earlier write of the client id given, if there was one. */
  seen: ClientWrite | undefined;
  /** Which of the collaborators named are partners of the tracker. */
  knownCollaborators: Set<number>;
}

/**
 * In one statement: one row per indicator the partner is asked about, with its answer if there
 * is one and that answer's children as JSON arrays, and — computed once, beside every row — the
 * client id's earlier write and which of the collaborators named are the tracker's partners.
 * Every answer has a mapping (a foreign key), so none is left out.
 */
export async function readAskedAnswers(
  trx: Transaction<DB>,
  scope: Pick<SaveScope, "trackerId" | "cycleId" | "partnerId">,
  clientId: string | null,
  collaboratorIds: readonly number[],
): Promise<AskedAnswers> {
  const rows = await trx
    .selectFrom("mappings as m")
    .leftJoin("responses as r", (j) =>
      j
        .onRef("r.cycle_id", "=", "m.cycle_id")
        .onRef("r.partner_id", "=", "m.partner_id")
        .onRef("r.indicator_id", "=", "m.indicator_id"),
    )
    .selectAll("r")
    .select((eb) => [
      eb
        .selectFrom("response_collaborators as rc")
        .select(
          sql<number[]>`coalesce(json_agg(rc.partner_id order by rc.partner_id), '[]')`.as("v"),
        )
        .whereRef("rc.response_id", "=", "r.id")
        .as("collaborator_ids"),
      eb
        .selectFrom("response_outputs as ro")
        .select(
          sql<
            [number, string][]
          >`coalesce(json_agg(json_build_array(ro.value, ro.unit) order by ro.position), '[]')`.as(
            "v",
          ),
        )
        .whereRef("ro.response_id", "=", "r.id")
        .as("outputs"),
      eb
        .selectFrom("response_evidence as re")
        .select(
          sql<
            [string, string | null][]
          >`coalesce(json_agg(json_build_array(re.url, re.title) order by re.id), '[]')`.as("v"),
        )
        .whereRef("re.response_id", "=", "r.id")
        .as("evidence"),
      clientId === null
        ? sql<null>`null`.as("seen")
        : eb
            .selectFrom("client_writes as w")
            .select(
              sql<
                [number, number, string | null]
              >`json_build_array(w.response_id, w.version, w.body_digest)`.as("v"),
            )
            .where("w.client_id", "=", clientId)
            .as("seen"),
      collaboratorIds.length === 0
        ? sql<null>`null`.as("known")
        : eb
            .selectFrom("partners as k")
            .select(sql<number[]>`json_agg(k.id)`.as("v"))
            .where("k.tracker_id", "=", scope.trackerId)
            .where("k.id", "in", [...collaboratorIds])
            .as("known"),
    ])
    .where("m.cycle_id", "=", scope.cycleId)
    .where("m.partner_id", "=", scope.partnerId)
    .orderBy("m.indicator_id")
    .execute();
  const answers: StoredResponse[] = [];
  for (const row of rows) {
    if (row.id === null) continue;
    // A left-joined answer that is there has every column its table promises.
    const stored = row as unknown as Selectable<ResponsesTable>;
    const outputs = (row.outputs ?? []).map(([value, unit]): QuantifiedOutput => ({ value, unit }));
    const evidence = (row.evidence ?? []).map(([url, title]): Evidence => ({ url, title }));
    answers.push(
      storedOf(responseOf(stored, row.collaborator_ids ?? [], outputs, evidence), stored),
    );
  }
  const seen = rows[0]?.seen ?? null;
  return {
    asked: rows.length,
    answers,
    seen: seen ? { responseId: seen[0], version: seen[1], bodyDigest: seen[2] } : undefined,
    knownCollaborators: new Set(rows[0]?.known ?? []),
  };
}
