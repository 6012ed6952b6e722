// The published contributions to indicators, told in SQL: counted per indicator and cut into
// pages, so that a commitment's page reads only the answers it shows, whatever their number;
// and the keys of the published "yes" answers a synthesis counts.
import { type ExpressionBuilder, sql } from "kysely";
import { PUBLIC_ANSWER_STATES } from "../../domain/tracker/response.ts";
import type { DB } from "../schema.ts";
import type { Executor } from "../shared/audit.ts";
import { manyRows } from "../shared/many.ts";

// What String.prototype.trim removes (WhiteSpace and LineTerminator), so that "blank" here is
// the blank of isEmptyAnswer: a text of only these characters says nothing.
const TRIMMED =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/**
 * isPublishedContribution as a condition on `responses`: sent and not sent back, not a "no", and
 * a "yes" or an "unknown" with something in it (text, a collaborator, an output or a proof).
 */
function publishedContribution(eb: ExpressionBuilder<DB, "responses">) {
  const said = (column: "activities" | "collaborators_text" | "difficulties") =>
    sql<boolean>`btrim(coalesce(${eb.ref(column)}, ''), ${TRIMMED}) <> ''`;
  const has = (table: "response_collaborators" | "response_outputs" | "response_evidence") =>
    eb.exists(
      eb
        .selectFrom(table)
        .select(sql`1`.as("one"))
        .whereRef(`${table}.response_id`, "=", "responses.id"),
    );
  return eb.and([
    eb("responses.state", "in", [...PUBLIC_ANSWER_STATES]),
    eb.or([
      eb("responses.contributes", "=", "yes"),
      eb.and([
        eb("responses.contributes", "=", "unknown"),
        eb.or([
          said("activities"),
          said("collaborators_text"),
          said("difficulties"),
          has("response_collaborators"),
          has("response_outputs"),
          has("response_evidence"),
        ]),
      ]),
    ]),
  ]);
}

/**
 * One page of a list of published contributions, the indicators' one after the other in the
 * order given and each indicator's in id order, told in one statement with each indicator's
 * count of all of them: the counts (absent: none) and the ids of the page's answers, in order.
 */
export async function contributionsPage(
  db: Executor,
  cycleId: number,
  indicatorIds: readonly number[],
  page: { offset: number; limit: number },
): Promise<{ counts: Map<number, number>; ids: number[] }> {
  if (indicatorIds.length === 0) return { counts: new Map(), ids: [] };
  const order = sql.join(indicatorIds.map((id) => sql.lit(id)));
  const ranked = db
    .selectFrom("responses")
    .select([
      "id",
      "indicator_id",
      sql<number>`row_number() over (order by array_position(array[${order}]::integer[], indicator_id), id)`.as(
        "rank",
      ),
    ])
    .where("cycle_id", "=", cycleId)
    .where("indicator_id", "in", [...indicatorIds])
    .where(publishedContribution);
  const rows = await db
    .selectFrom(ranked.as("c"))
    .select((eb) => [
      "c.indicator_id",
      eb.fn.countAll<string>().as("n"),
      sql<
        number[] | null
      >`json_agg(c.id order by c.rank) filter (where c.rank > ${page.offset} and c.rank <= ${page.offset + page.limit})`.as(
        "ids",
      ),
    ])
    .groupBy("c.indicator_id")
    .execute();
  const of = new Map(rows.map((r) => [r.indicator_id, r]));
  return {
    counts: new Map(rows.map((r) => [r.indicator_id, Number(r.n)])),
    ids: indicatorIds.flatMap((id) => of.get(id)?.ids ?? []),
  };
}

/**
 * Who said "yes" to which indicator in the cycle, in answers it publishes (isPublishedYes): the
 * two ids and nothing else, the smallest read of the thousands a synthesis counts.
 */
export async function listPublishedYesKeys(
  db: Executor,
  cycleId: number,
): Promise<{ partnerId: number; indicatorId: number; contributes: "yes" }[]> {
  const rows = await manyRows(
    db,
    db
      .selectFrom("responses")
      .select(["partner_id", "indicator_id"])
      .where("cycle_id", "=", cycleId)
      .where("contributes", "=", "yes")
      .where("state", "in", [...PUBLIC_ANSWER_STATES])
      .orderBy("id"),
    ["partner_id", "indicator_id"],
  );
  return rows.map((r) => ({
    partnerId: r.partner_id,
    indicatorId: r.indicator_id,
    contributes: "yes",
  }));
}
