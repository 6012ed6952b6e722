// What the programme pages read: every programme with its regions' names, the regions a new
// one may cover, and whether the reader may add one; one programme with what it serves, and
// its edit, which keeps the commitments and indicators the form does not carry.

import {
  findProgramme,
  healthIndicatorChoices,
  listProgrammes,
  programmeCommitments,
  programmeIndicators,
  programmeRegions,
  type UnitName,
  unitNames,
  unitsAtLevel,
} from "../../db/programme/programmes.ts";
import { holdsDemoData } from "../../db/shared/import-batches.ts";
import { compareFr } from "../../domain/shared/group.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, can } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import { type CommitmentChoiceLabel, commitmentChoices } from "../tracker/commitment-refs.ts";
import { overdueOfProgramme } from "./mission-pages.ts";
import {
  type ProgrammeInput,
  type ProgrammeView,
  programmeView,
  type StoredProgramme,
  saveProgramme,
} from "./programmes.ts";
import { type Publication, publicationOf } from "./publication.ts";
import { REGION_LEVEL } from "./register-page.ts";
import { targetUnits } from "./targets.ts";

export type { UnitName };

export interface ProgrammeListPage {
  programmes: (StoredProgramme & { regions: string[] })[];
  regions: UnitName[];
  canWrite: boolean;
  /** Whether the demo's synthetic register and values are loaded (said on the page). */
  synthetic: boolean;
}

export async function programmeListPage(db: Db, actor: Actor): Promise<ProgrammeListPage> {
  authorise(actor, "programme.read");
  const programmes = await listProgrammes(db);
  const withRegions = await Promise.all(
    programmes.map(async (p) => ({
      ...p,
      regions: (await unitNames(db, await programmeRegions(db, p.id)))
        .map((u) => u.name)
        .sort(compareFr),
    })),
  );
  const canWrite = can(actor, "programme.write");
  const regions = canWrite
    ? (await unitsAtLevel(db, REGION_LEVEL)).sort((a, b) => compareFr(a.name, b.name))
    : [];
  return { programmes: withRegions, regions, canWrite, synthetic: await holdsDemoData(db) };
}

export interface ProgrammeDetailPage {
  programme: ProgrammeView;
  /** What a writer may link the programme to (empty for readers). */
  commitmentChoices: CommitmentChoiceLabel[];
  indicatorChoices: { id: number; name: string }[];
  /** The regions an edit may tick (empty for readers). */
  regions: UnitName[];
  /** The units a target may be set for: its regions and their districts (empty for readers). */
  targetUnits: UnitName[];
  /** Its public dashboard's address and state; null before its first publication. */
  publication: Publication | null;
  canWrite: boolean;
  /** Whether the demo's synthetic register and values are loaded (said on the page). */
  synthetic: boolean;
  /** The recommendations of its missions overdue today, oldest due first. */
  overdue: { id: number; missionId: number; missionTitle: string; text: string; dueDate: string }[];
}

export async function programmeDetailPage(
  db: Db,
  actor: Actor,
  id: number,
  lang: Lang,
  today?: string,
): Promise<ProgrammeDetailPage> {
  const programme = await programmeView(db, actor, id, lang);
  const canWrite = can(actor, "programme.write");
  const regions = canWrite
    ? (await unitsAtLevel(db, REGION_LEVEL)).sort((a, b) => compareFr(a.name, b.name))
    : [];
  const [commitmentChoiceList, indicatorChoices] = canWrite
    ? await Promise.all([commitmentChoices(db, lang), healthIndicatorChoices(db)])
    : [[], []];
  return {
    programme,
    regions,
    targetUnits: canWrite && programme.indicators.length > 0 ? await targetUnits(db, id) : [],
    publication: await publicationOf(db, actor, id),
    canWrite,
    synthetic: await holdsDemoData(db),
    overdue: (await overdueOfProgramme(db, actor, id, today)).map((r) => ({
      id: r.id,
      missionId: r.missionId,
      missionTitle: r.missionTitle,
      text: r.text,
      dueDate: r.dueDate,
    })),
    commitmentChoices: commitmentChoiceList,
    indicatorChoices: indicatorChoices.sort((a, b) => compareFr(a.name, b.name)),
  };
}

/**
 * Replaces a programme's fields and regions from its form, keeping the commitments and the
 * indicators it serves as they are (the form does not carry them).
 */
export async function editProgrammeFields(
  db: Db,
  actor: Actor,
  id: number,
  fields: ProgrammeInput & { regions: number[] },
): Promise<StoredProgramme> {
  authorise(actor, "programme.write");
  if (!(await findProgramme(db, id))) throw notFound("programme", id);
  const [commitments, indicators] = await Promise.all([
    programmeCommitments(db, id),
    programmeIndicators(db, id),
  ]);
  return saveProgramme(db, actor, {
    ...fields,
    id,
    commitments,
    indicators: indicators.map((i) => ({
      indicatorId: i.indicatorId,
      targets: i.targets.map(({ orgUnitId, period, value }) => ({ orgUnitId, period, value })),
    })),
  });
}

/**
 * Sets what a programme serves and follows from its form: the commitments (whole, or one of
 * their process indicators) as "c:<id>" or "c:<id>:i:<id>", and the health indicators by id.
 * An indicator kept keeps its targets; its fields and regions stay as they are.
 */
export async function setProgrammeLinks(
  db: Db,
  actor: Actor,
  id: number,
  form: { serves: readonly string[]; indicators: readonly string[] },
): Promise<StoredProgramme> {
  authorise(actor, "programme.write");
  const stored = await findProgramme(db, id);
  if (!stored) throw notFound("programme", id);
  const commitments = form.serves.flatMap((v) => {
    const m = /^c:([0-9]{1,10})(?::i:([0-9]{1,10}))?$/.exec(v);
    if (!m) return [];
    return [{ commitmentId: Number(m[1]), indicatorId: m[2] === undefined ? null : Number(m[2]) }];
  });
  const before = new Map(
    (await programmeIndicators(db, id)).map((i) => [i.indicatorId, i.targets]),
  );
  const indicators = [...new Set(form.indicators)].flatMap((v) => {
    const indicatorId = Number(v);
    if (!/^[0-9]{1,10}$/.test(v)) return [];
    const targets = (before.get(indicatorId) ?? []).map(({ orgUnitId, period, value }) => ({
      orgUnitId,
      period,
      value,
    }));
    return [{ indicatorId, targets }];
  });
  const { id: _, ...fields } = stored;
  return saveProgramme(db, actor, {
    ...fields,
    id,
    regions: await programmeRegions(db, id),
    commitments,
    indicators,
  });
}
