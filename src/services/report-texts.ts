// What the coordinator writes for a cycle's report: reading the texts (offering the previous
// cycle's as a starting point when one is missing) and saving one, validated and audited.
import { z } from "zod";
import type { Executor } from "../db/audit.ts";
import { cycleExists } from "../db/cycles.ts";
import { findPreviousCycleId, listCycleTexts, saveCycleTextRow } from "../db/report-texts.ts";
import { notFound, Problem } from "../domain/problem.ts";
import {
  CYCLE_TEXT_KINDS,
  type CycleTextKind,
  isCycleTextKind,
  unknownPlaceholders,
} from "../domain/report-text.ts";
import type { Db } from "./db.ts";

export interface CycleText {
  text: string;
  textEn: string | null;
  /** "cycle": written for this cycle; "previous": offered from the previous cycle. */
  source: "cycle" | "previous";
}

export type CycleTexts = Record<CycleTextKind, CycleText | null>;

/** Each kind's text for the cycle, or the previous cycle's where this one has none yet. */
export async function getCycleTexts(db: Executor, cycleId: number): Promise<CycleTexts> {
  const own = await listCycleTexts(db, cycleId);
  const previousId = await findPreviousCycleId(db, cycleId);
  const previous = previousId === null ? [] : await listCycleTexts(db, previousId);
  const result = Object.fromEntries(CYCLE_TEXT_KINDS.map((k) => [k, null])) as CycleTexts;
  for (const t of previous) result[t.kind] = { text: t.text, textEn: t.textEn, source: "previous" };
  for (const t of own) result[t.kind] = { text: t.text, textEn: t.textEn, source: "cycle" };
  return result;
}

export const MAX_TEXT_LENGTH = 20_000;

const textSchema = z.string().trim().min(1).max(MAX_TEXT_LENGTH);

/** Saves one text of a cycle (French required, English optional), in one audited transaction. */
export async function saveCycleText(
  db: Db,
  actor: string,
  cycleId: number,
  kind: string,
  text: string,
  textEn: string | null,
): Promise<void> {
  if (!isCycleTextKind(kind)) throw new Problem("invalid_input", "kind", { value: kind });
  const fr = textSchema.safeParse(text);
  if (!fr.success) throw new Problem("invalid_input", "text", { max: MAX_TEXT_LENGTH });
  const en = textEn === null || textEn.trim() === "" ? null : textSchema.safeParse(textEn);
  if (en && !en.success) throw new Problem("invalid_input", "text_en", { max: MAX_TEXT_LENGTH });
  for (const [field, value] of [
    ["text", fr.data],
    ["text_en", en?.data ?? ""],
  ] as const) {
    const unknown = unknownPlaceholders(value);
    if (unknown.length > 0)
      throw new Problem("invalid_input", field, { placeholder: unknown.join(", ") });
  }
  await db.transaction().execute(async (trx) => {
    if (!(await cycleExists(trx, cycleId))) throw notFound("cycle", cycleId);
    await saveCycleTextRow(trx, actor, cycleId, {
      kind,
      text: fr.data,
      textEn: en?.success ? en.data : null,
    });
  });
}
