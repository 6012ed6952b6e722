// What the programmes page reads: every programme with its regions' names, the regions a new
// one may cover, and whether the reader may add one.
import {
  listProgrammes,
  programmeRegions,
  type UnitName,
  unitNames,
  unitsAtLevel,
} from "../../db/programme/programmes.ts";
import { compareFr } from "../../domain/shared/group.ts";
import { type Actor, can } from "../../domain/shared/policy.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import type { StoredProgramme } from "./programmes.ts";
import { REGION_LEVEL } from "./register-page.ts";

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
