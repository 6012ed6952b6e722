// What the coordinator writes for a cycle's report: reading the texts (offering the previous
// cycle's as a starting point when one is missing) and saving them, validated and audited; the
// coordinator's editor goes through reportTextsForm and saveReportTexts, which authorise. Only
// the cycle's own texts go into its report: an offered text becomes the cycle's when saved.

import { z } from "zod";
import type { Executor } from "../../db/shared/audit.ts";
import { cycleExists, findPreviousCycleId } from "../../db/tracker/cycles.ts";
import {
  deleteCycleTextRow,
  listCycleTexts,
  saveCycleTextRow,
} from "../../db/tracker/report-texts.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { isProblem, notFound, Problem } from "../../domain/shared/problem.ts";
import {
  CYCLE_TEXT_KINDS,
  type CycleTextKind,
  isCycleTextKind,
  unknownPlaceholders,
} from "../../domain/tracker/report-text.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import { cycleRecord } from "./cycles.ts";

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

/** The texts a cycle's report prints: its own, never those only offered from the previous cycle. */
export function ownTexts(texts: CycleTexts): Record<CycleTextKind, CycleText | null> {
  return Object.fromEntries(
    CYCLE_TEXT_KINDS.map((k) => [k, texts[k]?.source === "cycle" ? texts[k] : null]),
  ) as Record<CycleTextKind, CycleText | null>;
}

export const MAX_TEXT_LENGTH = 20_000;

const textSchema = z.string().trim().min(1).max(MAX_TEXT_LENGTH);

interface CheckedText {
  kind: CycleTextKind;
  text: string;
  textEn: string | null;
}

/** Validates one text (French required, English optional, known placeholders) or throws. */
function checkCycleText(kind: string, text: string, textEn: string | null): CheckedText {
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
  return { kind, text: fr.data, textEn: en?.success ? en.data : null };
}

/** Saves one text of a cycle (French required, English optional), in one audited transaction. */
export async function saveCycleText(
  db: Db,
  actor: string,
  cycleId: number,
  kind: string,
  text: string,
  textEn: string | null,
): Promise<void> {
  const checked = checkCycleText(kind, text, textEn);
  await db.transaction().execute(async (trx) => {
    if (!(await cycleExists(trx, cycleId))) throw notFound("cycle", cycleId);
    await saveCycleTextRow(trx, actor, cycleId, checked);
  });
}

/** The coordinator's editor: the cycle and each kind's text (or the previous cycle's). */
export async function reportTextsForm(db: Db, actor: Actor, cycleSlug: string, lang: Lang) {
  authorise(actor, "cycle.setup");
  const cycle = await cycleRecord(db, cycleSlug, lang);
  return { cycle, texts: await getCycleTexts(db, cycle.id) };
}

export interface TextInput {
  kind: CycleTextKind;
  text: string;
  textEn: string;
}

/** Why one text was refused: its field ("text" or "text_en") and the problem's details. */
export interface TextRefusal {
  kind: CycleTextKind;
  field: "text" | "text_en";
  max?: number;
  placeholder?: string;
}

/**
 * Saves the editor's texts: every one is checked first and nothing is saved if one is refused.
 * A text equal to the cycle's own is not written again. Both areas left empty: the cycle's own
 * text of that kind is removed from its report (the audit log keeps it); an offered text that
 * was emptied is simply not adopted.
 */
export async function saveReportTexts(
  db: Db,
  actor: Actor,
  cycleSlug: string,
  inputs: TextInput[],
  lang: Lang,
): Promise<{ ok: true; saved: number; removed: number } | { ok: false; refusals: TextRefusal[] }> {
  authorise(actor, "cycle.setup");
  const cycle = await cycleRecord(db, cycleSlug, lang);
  const current = await getCycleTexts(db, cycle.id);
  const refusals: TextRefusal[] = [];
  const toSave: CheckedText[] = [];
  const toRemove: CycleTextKind[] = [];
  for (const input of inputs) {
    const own = current[input.kind]?.source === "cycle" ? current[input.kind] : null;
    if (input.text.trim() === "" && input.textEn.trim() === "") {
      if (own) toRemove.push(input.kind);
      continue;
    }
    try {
      const checked = checkCycleText(input.kind, input.text, input.textEn);
      if (own && own.text === checked.text && own.textEn === checked.textEn) continue;
      toSave.push(checked);
    } catch (error) {
      if (!isProblem(error) || error.code !== "invalid_input") throw error;
      const details = (error.details ?? {}) as { max?: number; placeholder?: string };
      refusals.push({
        kind: input.kind,
        field: error.subject === "text_en" ? "text_en" : "text",
        ...details,
      });
    }
  }
  if (refusals.length > 0) return { ok: false, refusals };
  const by = actorLabel(actor);
  await db.transaction().execute(async (trx) => {
    for (const checked of toSave) await saveCycleTextRow(trx, by, cycle.id, checked);
    for (const kind of toRemove) await deleteCycleTextRow(trx, by, cycle.id, kind);
  });
  return { ok: true, saved: toSave.length, removed: toRemove.length };
}
