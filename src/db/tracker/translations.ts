// The English versions of answers' free texts (activities, collaborators, difficulties) and of
// output units. Reads return each text in both languages, `{ fr, en }`, the English dropped when
// the French it was made from has changed since; every write is audited in the caller's
// transaction.
import type { Bilingual } from "../../domain/shared/lang.ts";
import {
  RESPONSE_TEXT_FIELDS,
  type ResponseTextField,
  translationOf,
} from "../../domain/tracker/translation.ts";
import { deleteAudited, type Executor, recordAudit } from "../shared/audit.ts";

/** A French free text with its English, `outdated` when the English was made from older French. */
export type TranslatedText = Bilingual & { outdated: boolean };

export type ResponseTexts = Record<ResponseTextField, TranslatedText | null>;

/** The free texts of the given responses (or of every response of a cycle), in both languages. */
export async function listResponseTexts(
  db: Executor,
  filter: { cycleId: number } | { responseIds: readonly number[] },
): Promise<Map<number, ResponseTexts>> {
  if ("responseIds" in filter && filter.responseIds.length === 0) return new Map();
  let query = db
    .selectFrom("responses as r")
    .leftJoin("response_translations as t", "t.response_id", "r.id")
    .select([
      "r.id",
      "r.activities",
      "r.collaborators_text",
      "r.difficulties",
      "t.field",
      "t.source",
      "t.text_en",
    ]);
  query =
    "cycleId" in filter
      ? query.where("r.cycle_id", "=", filter.cycleId)
      : query.where("r.id", "in", [...filter.responseIds]);
  const rows = await query.orderBy("r.id").execute();
  const stored = new Map<
    number,
    {
      fr: Record<ResponseTextField, string | null>;
      en: Map<string, { source: string; textEn: string }>;
    }
  >();
  for (const row of rows) {
    let entry = stored.get(row.id);
    if (!entry) {
      entry = {
        fr: {
          activities: row.activities,
          collaborators_text: row.collaborators_text,
          difficulties: row.difficulties,
        },
        en: new Map(),
      };
      stored.set(row.id, entry);
    }
    if (row.field !== null && row.source !== null && row.text_en !== null)
      entry.en.set(row.field, { source: row.source, textEn: row.text_en });
  }
  const result = new Map<number, ResponseTexts>();
  for (const [id, entry] of stored) {
    const texts = {} as ResponseTexts;
    for (const field of RESPONSE_TEXT_FIELDS) {
      const fr = entry.fr[field];
      texts[field] =
        fr === null || fr.trim() === "" ? null : translationOf(fr, entry.en.get(field));
    }
    result.set(id, texts);
  }
  return result;
}

/** The English stored for one response, outdated or not (the editor offers an outdated one). */
export async function listStoredTranslations(
  db: Executor,
  responseId: number,
): Promise<Map<ResponseTextField, { source: string; textEn: string }>> {
  const rows = await db
    .selectFrom("response_translations")
    .select(["field", "source", "text_en"])
    .where("response_id", "=", responseId)
    .execute();
  return new Map(
    rows.map((r) => [r.field as ResponseTextField, { source: r.source, textEn: r.text_en }]),
  );
}

/**
 * Sets the English of one free text of a response, made from `source` (its French as shown to
 * the translator); `null` removes it. The audit record holds the row before and after.
 */
export async function saveResponseTranslation(
  db: Executor,
  actor: string,
  responseId: number,
  field: ResponseTextField,
  source: string,
  textEn: string | null,
): Promise<void> {
  const before = await db
    .selectFrom("response_translations")
    .selectAll()
    .where("response_id", "=", responseId)
    .where("field", "=", field)
    .executeTakeFirst();
  const entityId = `${responseId}:${field}`;
  if (textEn === null) {
    if (before)
      await deleteAudited(
        db,
        actor,
        "response_translations",
        { response_id: responseId, field },
        { idOf: () => entityId },
      );
    return;
  }
  if (before && before.source === source && before.text_en === textEn) return;
  const after = await db
    .insertInto("response_translations")
    .values({ response_id: responseId, field, source, text_en: textEn, updated_by: actor })
    .onConflict((oc) =>
      oc.columns(["response_id", "field"]).doUpdateSet({
        source,
        text_en: textEn,
        updated_by: actor,
        updated_at: new Date(),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    actor,
    action: before ? "update" : "create",
    entity: "response_translations",
    entityId,
    before: before ?? null,
    after,
  });
}

/** The tracker's English output units, by their French. */
export async function listUnitTranslations(
  db: Executor,
  trackerId: number,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("unit_translations")
    .select(["unit", "unit_en"])
    .where("tracker_id", "=", trackerId)
    .execute();
  return new Map(rows.map((r) => [r.unit, r.unit_en]));
}

/** Sets (or, with `null`, removes) the English of one French output unit of the tracker. */
export async function saveUnitTranslation(
  db: Executor,
  actor: string,
  trackerId: number,
  unit: string,
  unitEn: string | null,
): Promise<void> {
  const before = await db
    .selectFrom("unit_translations")
    .selectAll()
    .where("tracker_id", "=", trackerId)
    .where("unit", "=", unit)
    .executeTakeFirst();
  if (unitEn === null) {
    if (before) await deleteAudited(db, actor, "unit_translations", { id: before.id });
    return;
  }
  if (before?.unit_en === unitEn) return;
  const after = await db
    .insertInto("unit_translations")
    .values({ tracker_id: trackerId, unit, unit_en: unitEn })
    .onConflict((oc) =>
      oc.columns(["tracker_id", "unit"]).doUpdateSet({ unit_en: unitEn, updated_at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    actor,
    action: before ? "update" : "create",
    entity: "unit_translations",
    entityId: after.id,
    before: before ?? null,
    after,
  });
}

/**
 * Sets the English of a stored French text that already has an English column (an indicator's
 * narrative, a difficulty, a recommendation); `null` removes it. Audited with the row before and
 * after; false when there is no such row.
 */
export async function saveEnglishColumn(
  db: Executor,
  actor: string,
  target:
    | { table: "assessments"; cycleId: number; indicatorId: number }
    | { table: "difficulties" | "recommendations"; cycleId: number; id: number },
  textEn: string | null,
): Promise<boolean> {
  if (target.table === "assessments") {
    const before = await db
      .selectFrom("assessments")
      .selectAll()
      .where("cycle_id", "=", target.cycleId)
      .where("indicator_id", "=", target.indicatorId)
      .executeTakeFirst();
    if (!before) return false;
    if (before.narrative_en === textEn) return true;
    const after = await db
      .updateTable("assessments")
      .set({ narrative_en: textEn })
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(db, {
      actor,
      action: "update",
      entity: "assessments",
      entityId: before.id,
      before,
      after,
    });
    return true;
  }
  const table = target.table;
  const before = await db
    .selectFrom(table)
    .selectAll()
    .where("cycle_id", "=", target.cycleId)
    .where("id", "=", target.id)
    .executeTakeFirst();
  if (!before) return false;
  if (before.text_en === textEn) return true;
  const after = await db
    .updateTable(table)
    .set({ text_en: textEn })
    .where("id", "=", before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    actor,
    action: "update",
    entity: table,
    entityId: before.id,
    before,
    after,
  });
  return true;
}
