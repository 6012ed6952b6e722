// What the mission pages read: a programme's missions with the regions a new one may cover; one
// mission with its visits, its recommendations (overdue or not at the day) and their follow-ups;
// and the overdue recommendations the programme's page lists. Owners' addresses only for those
// who write.
import {
  listMissions,
  type MissionEntry,
  overdueRecommendations,
  type ProgrammeRecommendation,
  recommendationsOf,
  type StoredFollowUp,
  type StoredMission,
  type StoredRecommendation,
  type StoredVisit,
  visitsOf,
} from "../../db/programme/missions.ts";
import {
  findProgramme,
  programmeRegions,
  type UnitName,
  unitNames,
  unitsAtLevel,
} from "../../db/programme/programmes.ts";
import { isOverdue } from "../../domain/programme/mission.ts";
import { compareFr } from "../../domain/shared/group.ts";
import { type Actor, can } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import { missionOf } from "./missions.ts";
import { REGION_LEVEL } from "./register-page.ts";

export type { StoredVisit };

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The regions a mission may cover: the programme's own, or every region when it has none. */
async function regionChoices(db: Db, programmeId: number): Promise<UnitName[]> {
  const own = await programmeRegions(db, programmeId);
  const units = own.length > 0 ? await unitNames(db, own) : await unitsAtLevel(db, REGION_LEVEL);
  return units.sort((a, b) => compareFr(a.name, b.name));
}

async function programmeHead(db: Db, actor: Actor, programmeId: number) {
  authorise(actor, "programme.read");
  const programme = await findProgramme(db, programmeId);
  if (!programme) throw notFound("programme", programmeId);
  return { id: programme.id, name: programme.name };
}

export interface MissionListPage {
  programme: { id: number; name: string };
  missions: (StoredMission & { regions: { id: number; name: string }[] })[];
  /** The regions a new mission may tick (empty for readers). */
  regions: UnitName[];
  canWrite: boolean;
}

export async function missionListPage(
  db: Db,
  actor: Actor,
  programmeId: number,
): Promise<MissionListPage> {
  const programme = await programmeHead(db, actor, programmeId);
  const canWrite = can(actor, "programme.write");
  return {
    programme,
    missions: await listMissions(db, programmeId),
    regions: canWrite ? await regionChoices(db, programmeId) : [],
    canWrite,
  };
}

export interface RecommendationView extends StoredRecommendation {
  followUps: StoredFollowUp[];
  overdue: boolean;
}

export interface MissionPage {
  programme: { id: number; name: string };
  mission: MissionEntry;
  visits: StoredVisit[];
  recommendations: RecommendationView[];
  regions: UnitName[];
  canWrite: boolean;
  /** The day overdue is judged at. */
  today: string;
}

export async function missionPage(
  db: Db,
  actor: Actor,
  programmeId: number,
  missionId: number,
  today: string = todayUtc(),
): Promise<MissionPage> {
  const programme = await programmeHead(db, actor, programmeId);
  const mission = await missionOf(db, programmeId, missionId);
  const canWrite = can(actor, "programme.write");
  const [visits, recommendations, regions] = await Promise.all([
    visitsOf(db, missionId),
    recommendationsOf(db, missionId),
    canWrite ? regionChoices(db, programmeId) : Promise.resolve([]),
  ]);
  return {
    programme,
    mission,
    visits,
    recommendations: recommendations.map((r) => ({
      ...r,
      ownerEmail: can(actor, "programme.private") ? r.ownerEmail : null,
      overdue: isOverdue(r, today),
    })),
    regions,
    canWrite,
    today,
  };
}

/** The programme's recommendations overdue at the day, for its page (no owners' addresses). */
export async function overdueOfProgramme(
  db: Db,
  actor: Actor,
  programmeId: number,
  today: string = todayUtc(),
): Promise<ProgrammeRecommendation[]> {
  authorise(actor, "programme.read");
  const rows = await overdueRecommendations(db, programmeId, today);
  return rows.map((r) => ({ ...r, ownerEmail: null }));
}
