// Programmes as use cases: created and edited with every field's error at once, their regions,
// the tracker commitments they serve (named by id, checked through services/tracker) and their
// health indicators with targets; listed and read by staff.
import {
  type CommitmentLink,
  findProgramme,
  type IndicatorTarget,
  insertProgramme,
  listProgrammes,
  missingHealthIndicators,
  missingOrgUnits,
  type ProgrammeIndicator,
  type ProgrammeInput,
  programmeCommitments,
  programmeIndicators,
  programmeRegions,
  type StoredProgramme,
  setProgrammeCommitments,
  setProgrammeIndicators,
  setProgrammeRegions,
  type UnitName,
  unitNames,
  updateProgramme,
} from "../../db/programme/programmes.ts";
import { PROGRAMME_NAME_MAX, programmeProblems } from "../../domain/programme/programme.ts";
import { compareFr } from "../../domain/shared/group.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { invalidFields, notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import {
  type CommitmentLabel,
  commitmentLabels,
  unknownCommitmentPairs,
} from "../tracker/commitment-refs.ts";

export type { ProgrammeInput, StoredProgramme };

export interface ProgrammeSave extends ProgrammeInput {
  /** Regions or districts covered, by org-unit id. */
  regions: number[];
  commitments: CommitmentLink[];
  indicators: { indicatorId: number; targets: IndicatorTarget[] }[];
}

/** Trims the texts and upper-cases the currency, as a form's values are kept. */
function tidy<P extends ProgrammeSave>(p: P): P {
  return {
    ...p,
    name: p.name.trim(),
    leadPartner: p.leadPartner.trim(),
    funders: p.funders.map((f) => f.trim()),
    partners: p.partners.map((f) => f.trim()),
    currency:
      p.currency === null || p.currency.trim() === "" ? null : p.currency.trim().toUpperCase(),
  };
}

/**
 * Creates a programme (no `id`) or replaces one's fields and links. Every field's problem comes
 * back at once; regions, commitments and indicators that name nothing are refused too.
 */
export async function saveProgramme(
  db: Db,
  actor: Actor,
  input: ProgrammeSave & { id?: number },
): Promise<StoredProgramme> {
  authorise(actor, "programme.write");
  const p = tidy(input);
  const problems: Record<string, string> = { ...programmeProblems(p) };
  if ((await missingOrgUnits(db, p.regions)).length > 0) problems.regions = "invalid";
  const targetUnits = p.indicators.flatMap((i) => i.targets.map((t) => t.orgUnitId));
  if (
    (
      await missingHealthIndicators(
        db,
        p.indicators.map((i) => i.indicatorId),
      )
    ).length > 0 ||
    (await missingOrgUnits(db, targetUnits)).length > 0 ||
    p.indicators.some((i) =>
      i.targets.some((t) => !Number.isFinite(t.value) || !/^[0-9]{4}/.test(t.period)),
    )
  )
    problems.indicators = "invalid";
  if ((await unknownCommitmentPairs(db, p.commitments)).length > 0)
    problems.commitments = "invalid";
  if (Object.keys(problems).length > 0) throw invalidFields(problems, { name: PROGRAMME_NAME_MAX });
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    const { id, regions, commitments, indicators, ...fields } = p;
    const saved =
      id === undefined
        ? await insertProgramme(trx, by, fields)
        : await updateProgramme(trx, by, id, fields);
    if (!saved) throw notFound("programme", id ?? 0);
    await setProgrammeRegions(trx, by, saved.id, regions);
    await setProgrammeCommitments(trx, by, saved.id, commitments);
    await setProgrammeIndicators(trx, by, saved.id, indicators);
    return saved;
  });
}

export async function programmes(db: Db, actor: Actor): Promise<StoredProgramme[]> {
  authorise(actor, "programme.read");
  return listProgrammes(db);
}

/** A programme as its page shows it: its regions by name, the commitments and indicators it serves. */
export interface ProgrammeView extends StoredProgramme {
  regions: UnitName[];
  commitments: CommitmentLabel[];
  indicators: ProgrammeIndicator[];
}

export async function programmeView(
  db: Db,
  actor: Actor,
  id: number,
  lang: Lang,
): Promise<ProgrammeView> {
  authorise(actor, "programme.read");
  const p = await findProgramme(db, id);
  if (!p) throw notFound("programme", id);
  const [regionIds, links, indicators] = await Promise.all([
    programmeRegions(db, id),
    programmeCommitments(db, id),
    programmeIndicators(db, id),
  ]);
  return {
    ...p,
    regions: (await unitNames(db, regionIds)).sort((a, b) => compareFr(a.name, b.name)),
    commitments: await commitmentLabels(db, links, lang),
    indicators,
  };
}
