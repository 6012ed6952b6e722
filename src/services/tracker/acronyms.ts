// The acronyms the annual report explains: one list per tracker, kept by coordinators in the
// workspace. The report prints only those its own text uses (domain/report-text.ts). Every
// change is validated first, then written and audited in one transaction.
import {
  acronymTaken,
  deleteAcronymRow,
  findAcronymRow,
  insertAcronym,
  listAcronymRows,
  type StoredAcronym,
  updateAcronymRow,
} from "../../db/tracker/acronyms.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { ACRONYM_PATTERN, MAX_EXPANSION_LENGTH } from "../../domain/tracker/report-text.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import { loadTracker } from "./context.ts";

export type { StoredAcronym };

export interface AcronymInput {
  acronym: string;
  expansion: string;
  expansionEn: string;
}

/** Why a field was refused (a too-long meaning is told `MAX_EXPANSION_LENGTH`). */
export type AcronymErrors = Partial<
  Record<"acronym" | "expansion" | "expansion_en", "required" | "format" | "taken" | "too_long">
>;

export type AcronymOutcome = { ok: true; acronym: string } | { ok: false; errors: AcronymErrors };

export async function listAcronyms(db: Db, actor: Actor, lang: Lang): Promise<StoredAcronym[]> {
  authorise(actor, "cycle.setup");
  const tracker = await loadTracker(db, lang);
  return listAcronymRows(db, tracker.id);
}

export async function getAcronym(
  db: Db,
  actor: Actor,
  id: number,
  lang: Lang,
): Promise<StoredAcronym> {
  authorise(actor, "cycle.setup");
  const tracker = await loadTracker(db, lang);
  const found = await findAcronymRow(db, tracker.id, id);
  if (!found) throw notFound("acronym", id);
  return found;
}

function checkExpansions(input: AcronymInput, errors: AcronymErrors) {
  const expansion = input.expansion.trim();
  const expansionEn = input.expansionEn.trim();
  if (expansion === "") errors.expansion = "required";
  else if (expansion.length > MAX_EXPANSION_LENGTH) errors.expansion = "too_long";
  if (expansionEn.length > MAX_EXPANSION_LENGTH) errors.expansion_en = "too_long";
  return { expansion, expansionEn: expansionEn === "" ? null : expansionEn };
}

export async function addAcronym(
  db: Db,
  actor: Actor,
  input: AcronymInput,
  lang: Lang,
): Promise<AcronymOutcome> {
  authorise(actor, "cycle.setup");
  const tracker = await loadTracker(db, lang);
  const errors: AcronymErrors = {};
  const acronym = input.acronym.trim();
  if (acronym === "") errors.acronym = "required";
  else if (!ACRONYM_PATTERN.test(acronym)) errors.acronym = "format";
  const expansions = checkExpansions(input, errors);
  return db.transaction().execute(async (trx) => {
    // Taken is checked with the other errors, so the form shows them all at once.
    if (!errors.acronym && (await acronymTaken(trx, tracker.id, acronym))) errors.acronym = "taken";
    if (Object.keys(errors).length > 0) return { ok: false as const, errors };
    await insertAcronym(trx, actorLabel(actor), tracker.id, { acronym, ...expansions });
    return { ok: true as const, acronym };
  });
}

export async function updateAcronym(
  db: Db,
  actor: Actor,
  id: number,
  input: Omit<AcronymInput, "acronym">,
  lang: Lang,
): Promise<AcronymOutcome> {
  const current = await getAcronym(db, actor, id, lang);
  const errors: AcronymErrors = {};
  const expansions = checkExpansions({ ...input, acronym: current.acronym }, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await db.transaction().execute((trx) => updateAcronymRow(trx, actorLabel(actor), id, expansions));
  return { ok: true, acronym: current.acronym };
}

export async function removeAcronym(db: Db, actor: Actor, id: number, lang: Lang): Promise<string> {
  const current = await getAcronym(db, actor, id, lang);
  await db.transaction().execute((trx) => deleteAcronymRow(trx, actorLabel(actor), id));
  return current.acronym;
}
