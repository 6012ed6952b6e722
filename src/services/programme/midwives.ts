// The midwife register as use cases: register or edit a midwife, deploy her to a facility, end
// a deployment, record a training; the register at a day with its filters, and the counts of
// midwives deployed per region, district or facility at a day, and over time.
import {
  type DeploymentInput,
  deployedCountsAt,
  deploymentsOf,
  deploymentsWithin,
  findDeployment,
  insertDeployment,
  type StoredDeployment,
  setDeploymentEnd,
  type UnitCount,
} from "../../db/programme/deployments.ts";
import {
  findMidwife,
  insertMidwife,
  insertTraining,
  listRegister,
  lockMidwife,
  type MidwifeContact,
  type MidwifeEntry,
  type MidwifeInput,
  midwifeContact,
  type RegisterFilter,
  type RegisterRow,
  type StoredTraining,
  trainingsOf,
  updateMidwife,
} from "../../db/programme/midwives.ts";
import { findProgramme, missingOrgUnits } from "../../db/programme/programmes.ts";
import {
  deployedTimeline,
  deploymentProblems,
  type EndReason,
  isEndReason,
  monthStarts,
} from "../../domain/programme/deployment.ts";
import {
  CONTACT_MAX,
  MIDWIFE_NAME_MAX,
  midwifeProblems,
  PROVIDER_MAX,
  type TrainingTopic,
  trainingProblems,
} from "../../domain/programme/midwife.ts";
import { compareFr } from "../../domain/shared/group.ts";
import { type Actor, actorLabel, can } from "../../domain/shared/policy.ts";
import { invalidFields, notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Db, Tx } from "../shared/db.ts";

export type { RegisterFilter, RegisterRow, StoredDeployment, StoredTraining, UnitCount };

export interface MidwifeFields {
  name: string;
  qualification: string;
  languages: string[];
  phone: string;
  email: string;
}

const blankToNull = (v: string) => (v.trim() === "" ? null : v.trim());

/** Registers a midwife (no `id`) or replaces her fields; every field's problem at once. */
export async function saveMidwife(
  db: Db,
  actor: Actor,
  input: MidwifeFields & { id?: number },
): Promise<MidwifeEntry> {
  authorise(actor, "programme.write");
  const fields = {
    ...input,
    name: input.name.trim(),
    languages: input.languages.map((l) => l.trim()),
  };
  const problems = midwifeProblems(fields);
  if (Object.keys(problems).length > 0)
    throw invalidFields(problems, {
      name: MIDWIFE_NAME_MAX,
      phone: CONTACT_MAX,
      email: CONTACT_MAX,
    });
  const row: MidwifeInput = {
    name: fields.name,
    qualification: fields.qualification as MidwifeInput["qualification"],
    languages: [...new Set(fields.languages)],
    phone: blankToNull(fields.phone),
    email: blankToNull(fields.email),
  };
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    const saved =
      input.id === undefined
        ? await insertMidwife(trx, by, row)
        : await updateMidwife(trx, by, input.id, row);
    if (!saved) throw notFound("midwife", input.id ?? 0);
    return saved;
  });
}

/** One midwife's file: her deployments and trainings, and her contact for programme managers. */
export interface MidwifeFile extends MidwifeEntry {
  /** Only for those who see private programme data (programme.private); null for the others. */
  contact: MidwifeContact | null;
  deployments: StoredDeployment[];
  trainings: StoredTraining[];
}

export async function midwifeFile(db: Db, actor: Actor, id: number): Promise<MidwifeFile> {
  authorise(actor, "programme.read");
  const m = await findMidwife(db, id);
  if (!m) throw notFound("midwife", id);
  const [deployments, trainings, contact] = await Promise.all([
    deploymentsOf(db, id),
    trainingsOf(db, id),
    can(actor, "programme.private") ? midwifeContact(db, id) : Promise.resolve(null),
  ]);
  return { ...m, contact: contact ?? null, deployments, trainings };
}

export interface DeployFields {
  midwifeId: number;
  programmeId: number;
  facilityId: number;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
}

/**
 * Checks a deployment's dates against the midwife's others with her row locked, so that two
 * deployments of hers written at once cannot both pass: the second waits, then sees the first.
 */
async function checkedPeriod(
  trx: Tx,
  midwifeId: number,
  fields: { startDate: string; endDate: string | null; endReason: string | null },
  except: number | null,
): Promise<void> {
  if (!(await lockMidwife(trx, midwifeId))) throw notFound("midwife", midwifeId);
  const others = (await deploymentsOf(trx, midwifeId)).filter((d) => d.id !== except);
  const problems = deploymentProblems(fields, others);
  if (Object.keys(problems).length > 0) throw invalidFields(problems);
}

/** Deploys a midwife to a facility under a programme, from a day (and to one, if known). */
export async function deployMidwife(
  db: Db,
  actor: Actor,
  input: DeployFields,
): Promise<StoredDeployment> {
  authorise(actor, "programme.write");
  const issues: Record<string, string> = {};
  if (!(await findProgramme(db, input.programmeId))) issues.programme = "invalid";
  if ((await missingOrgUnits(db, [input.facilityId])).length > 0) issues.facility = "invalid";
  if (Object.keys(issues).length > 0) throw invalidFields(issues);
  const endReason = input.endReason === "" ? null : input.endReason;
  const endDate = input.endDate === "" ? null : input.endDate;
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    await checkedPeriod(
      trx,
      input.midwifeId,
      { startDate: input.startDate, endDate, endReason },
      null,
    );
    const row: DeploymentInput = {
      midwifeId: input.midwifeId,
      programmeId: input.programmeId,
      facilityId: input.facilityId,
      startDate: input.startDate,
      endDate,
      endReason: endReason as EndReason | null,
    };
    return insertDeployment(trx, by, row);
  });
}

/** Ends a deployment on its last day, with why; or reopens it (both null). */
export async function endDeployment(
  db: Db,
  actor: Actor,
  id: number,
  end: { endDate: string | null; endReason: string | null },
): Promise<StoredDeployment> {
  authorise(actor, "programme.write");
  const found = await findDeployment(db, id);
  if (!found) throw notFound("deployment", id);
  const endDate = end.endDate === "" ? null : end.endDate;
  const endReason = end.endReason === "" ? null : end.endReason;
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    await checkedPeriod(
      trx,
      found.midwifeId,
      { startDate: found.startDate, endDate, endReason },
      id,
    );
    const saved = await setDeploymentEnd(trx, by, id, {
      endDate,
      endReason: endReason !== null && isEndReason(endReason) ? endReason : null,
    });
    if (!saved) throw notFound("deployment", id);
    return saved;
  });
}

export async function recordTraining(
  db: Db,
  actor: Actor,
  input: { midwifeId: number; topic: string; date: string; provider: string },
  today: string = new Date().toISOString().slice(0, 10),
): Promise<StoredTraining> {
  authorise(actor, "programme.write");
  const problems = trainingProblems(input, today);
  if (Object.keys(problems).length > 0) throw invalidFields(problems, { provider: PROVIDER_MAX });
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    if (!(await findMidwife(trx, input.midwifeId))) throw notFound("midwife", input.midwifeId);
    return insertTraining(trx, by, {
      midwifeId: input.midwifeId,
      topic: input.topic as TrainingTopic,
      date: input.date,
      provider: blankToNull(input.provider),
    });
  });
}

/** The register at a day, filtered; never with contacts. */
export async function register(
  db: Db,
  actor: Actor,
  filter: RegisterFilter,
): Promise<RegisterRow[]> {
  authorise(actor, "programme.read");
  return (await listRegister(db, filter)).sort((a, b) => compareFr(a.name, b.name) || a.id - b.id);
}

/** How many midwives are deployed at a day in each unit of a level (under one, if given). */
export async function deployedCounts(
  db: Db,
  actor: Actor,
  f: { date: string; level: number; within?: number; programmeId?: number },
): Promise<UnitCount[]> {
  authorise(actor, "programme.read");
  return (await deployedCountsAt(db, f)).sort(
    (a, b) => compareFr(a.name, b.name) || a.orgUnitId - b.orgUnitId,
  );
}

/** Midwives deployed on the first day of each month from `from` to `to`. */
export async function deploymentTimeline(
  db: Db,
  actor: Actor,
  f: { from: string; to: string; within?: number; programmeId?: number },
): Promise<{ date: string; count: number }[]> {
  authorise(actor, "programme.read");
  const deployments = await deploymentsWithin(db, f);
  return deployedTimeline(deployments, monthStarts(f.from, f.to));
}
