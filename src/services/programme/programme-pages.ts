// What the programme pages read: every programme with its regions' names, the regions a new
// one may cover, and whether the reader may add one; one programme with what it serves, and
// its edit, which keeps the commitments and indicators the form does not carry.
import {
  findProgramme,
  listProgrammes,
  programmeCommitments,
  programmeIndicators,
  programmeRegions,
  type UnitName,
  unitNames,
  unitsAtLevel,
} from "../../db/programme/programmes.ts";
import { compareFr } from "../../domain/shared/group.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, can } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import {
  type ProgrammeInput,
  type ProgrammeView,
  programmeView,
  type StoredProgramme,
  saveProgramme,
} from "./programmes.ts";
import { REGION_LEVEL } from "./register-page.ts";

export type { UnitName };

export interface ProgrammeListPage {
  programmes: (StoredProgramme & { regions: string[] })[];
  regions: UnitName[];
  canWrite: boolean;
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
  return { programmes: withRegions, regions, canWrite };
}

export interface ProgrammeDetailPage {
  programme: ProgrammeView;
  /** The regions an edit may tick (empty for readers). */
  regions: UnitName[];
  canWrite: boolean;
}

export async function programmeDetailPage(
  db: Db,
  actor: Actor,
  id: number,
  lang: Lang,
): Promise<ProgrammeDetailPage> {
  const programme = await programmeView(db, actor, id, lang);
  const canWrite = can(actor, "programme.write");
  const regions = canWrite
    ? (await unitsAtLevel(db, REGION_LEVEL)).sort((a, b) => compareFr(a.name, b.name))
    : [];
  return { programme, regions, canWrite };
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
