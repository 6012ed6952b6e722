// What the midwife register's page reads in one go: the filters as understood (a day, a region,
// a qualification, a training topic, deployed or not), the midwives that pass them, and how
// many are deployed in each region at that day. Regions are the tree's second level.
import {
  deployedCountsAt,
  deploymentsWithin,
  type UnitCount,
} from "../../db/programme/deployments.ts";
import { listRegister, type RegisterRow } from "../../db/programme/midwives.ts";
import { listProgrammes, type UnitName, unitsAtLevel } from "../../db/programme/programmes.ts";
import { deployedTimeline, monthStarts } from "../../domain/programme/deployment.ts";
import {
  isQualification,
  isTrainingTopic,
  type Qualification,
  type TrainingTopic,
} from "../../domain/programme/midwife.ts";
import { compareFr } from "../../domain/shared/group.ts";
import { isCalendarDate, parseId } from "../../domain/shared/input.ts";
import { type Actor, can } from "../../domain/shared/policy.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";

/** The tree's level that holds the regions (country → region → district → facility). */
export const REGION_LEVEL = 2;

/** The filters as a query string gives them: anything not understood is dropped. */
export interface RegisterQuery {
  date?: string | undefined;
  region?: string | undefined;
  qualification?: string | undefined;
  topic?: string | undefined;
  deployed?: string | undefined;
}

export interface RegisterFilters {
  date: string;
  region: number | null;
  qualification: Qualification | null;
  topic: TrainingTopic | null;
  deployed: "yes" | "no" | null;
}

export interface RegisterPage {
  filters: RegisterFilters;
  regions: UnitName[];
  rows: RegisterRow[];
  counts: UnitCount[];
  total: number;
  /** Midwives deployed (in the region filtered on, if any) on the first of each of 12 months. */
  timeline: { date: string; count: number }[];
  /** Whether the reader may add a midwife. */
  canWrite: boolean;
  /** The programmes a register file may be imported into (for those who write). */
  programmes: { id: number; name: string }[];
}

export function registerFilters(q: RegisterQuery, today: string): RegisterFilters {
  const region = parseId(q.region ?? "");
  return {
    date: q.date && isCalendarDate(q.date) ? q.date : today,
    region,
    qualification: q.qualification && isQualification(q.qualification) ? q.qualification : null,
    topic: q.topic && isTrainingTopic(q.topic) ? q.topic : null,
    deployed: q.deployed === "yes" || q.deployed === "no" ? q.deployed : null,
  };
}

/** The month eleven months before the day's: twelve months end with the day's own. */
function yearBefore(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const back = y * 12 + (m - 1) - 11;
  return `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, "0")}-01`;
}

export async function registerPage(
  db: Db,
  actor: Actor,
  q: RegisterQuery,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<RegisterPage> {
  authorise(actor, "programme.read");
  const filters = registerFilters(q, today);
  const [regions, rows, counts, deployments] = await Promise.all([
    unitsAtLevel(db, REGION_LEVEL),
    listRegister(db, {
      date: filters.date,
      ...(filters.region !== null ? { within: filters.region } : {}),
      ...(filters.qualification !== null ? { qualification: filters.qualification } : {}),
      ...(filters.topic !== null ? { topic: filters.topic } : {}),
      ...(filters.deployed !== null ? { deployed: filters.deployed === "yes" } : {}),
    }),
    deployedCountsAt(db, { date: filters.date, level: REGION_LEVEL }),
    deploymentsWithin(db, filters.region !== null ? { within: filters.region } : {}),
  ]);
  const byName = <T extends { name: string }>(a: T, b: T) => compareFr(a.name, b.name);
  const canWrite = can(actor, "programme.write");
  return {
    filters,
    regions: regions.sort(byName),
    rows: rows.sort(byName),
    counts: counts.sort(byName),
    total: counts.reduce((sum, c) => sum + c.count, 0),
    timeline: deployedTimeline(deployments, monthStarts(yearBefore(filters.date), filters.date)),
    canWrite,
    programmes: canWrite ? await importTargets(db) : [],
  };
}

/** The programmes a register file may be imported into, by name. */
export async function importTargets(db: Db): Promise<{ id: number; name: string }[]> {
  return (await listProgrammes(db))
    .map((p) => ({ id: p.id, name: p.name }))
    .sort((a, b) => compareFr(a.name, b.name));
}
