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
import { acronymCandidates, type Candidate } from "../../domain/tracker/acronym-candidates.ts";
import {
  ACRONYM_PATTERN,
  type CycleTextKind,
  MAX_EXPANSION_LENGTH,
} from "../../domain/tracker/report-text.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import { cyclesIn, loadTracker } from "./context.ts";
import { buildReport } from "./reports.ts";

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

/** A place of the latest cycle's report where a token occurs, for the editor to word. */
export type AcronymPlace =
  | { kind: "text"; text: CycleTextKind }
  | { kind: "section"; title: string }
  | { kind: "commitment"; number: number }
  | { kind: "indicator"; number: string }
  | { kind: "answer"; number: string; partner: string }
  | { kind: "partners" | "difficulties" | "recommendations" };

/**
 * The tokens of the newest cycle's report that has answers (its texts, commitments, indicators, narratives and
 * answers, in French) that look like acronyms and are not in the list, each with where it
 * occurs; nothing when the tracker has no cycle.
 */
export async function acronymProposals(
  db: Db,
  actor: Actor,
  lang: Lang,
): Promise<{ cycle: string; list: Candidate<AcronymPlace>[] } | undefined> {
  authorise(actor, "cycle.setup");
  const tracker = await loadTracker(db, lang);
  // The newest cycle with answers: one just opened has only its titles to read.
  const cycles = await cyclesIn(db, tracker.id, lang);
  let latest = cycles[0];
  if (!latest) return undefined;
  let model = await buildReport(db, latest.slug, "fr", { publishedOnly: false });
  for (const older of cycles.slice(1)) {
    if (model.methodology.responses > 0) break;
    latest = older;
    model = await buildReport(db, older.slug, "fr", { publishedOnly: false });
  }
  const entries: { text: string; where: AcronymPlace }[] = [];
  const add = (text: string | null, where: AcronymPlace) => {
    if (text) entries.push({ text, where });
  };
  for (const [kind, text] of Object.entries(model.texts))
    add(text, { kind: "text", text: kind as CycleTextKind });
  for (const s of model.sections) add(`${s.title}\n${s.text}`, { kind: "section", title: s.title });
  for (const c of model.commitments) {
    add([c.title, ...c.goals.map((g) => g.indicator)].join("\n"), {
      kind: "commitment",
      number: c.number,
    });
    for (const i of c.indicators) {
      add(`${i.title}\n${i.narrative ?? ""}`, { kind: "indicator", number: i.number });
      for (const r of i.contributions)
        add(
          [
            r.partner,
            r.activities,
            r.difficulties,
            ...r.collaborators,
            ...r.outputs.map((o) => o.unit),
          ]
            .filter((x) => x)
            .join("\n"),
          { kind: "answer", number: i.number, partner: r.partner },
        );
    }
  }
  add(model.categories.flatMap((c) => c.partners).join("\n"), { kind: "partners" });
  add(model.difficulties.flatMap((d) => d.items).join("\n"), { kind: "difficulties" });
  add(model.recommendations.join("\n"), { kind: "recommendations" });
  const known = (await listAcronymRows(db, tracker.id)).map((a) => a.acronym);
  return { cycle: latest.label, list: acronymCandidates(entries, known) };
}
