// Monitoring missions as use cases: a mission created and edited (its regions, delegation and
// objectives), a visit added with the people met, findings and figures reported there, a
// recommendation left with its owner and due day, a follow-up moving its status. Each form is
// taken as typed; every field's problem comes back at once and nothing is stored. Every write
// is in the audit log. `keyRecommendations` is the public read model of the dashboard.
import { unitByKey } from "../../db/health/unit-tree.ts";
import {
  findMission,
  findRecommendation,
  insertFollowUp,
  insertMission,
  insertRecommendation,
  insertVisit,
  keyRecommendationsOf,
  lockRecommendation,
  type MissionEntry,
  type StoredFollowUp,
  type StoredMission,
  type StoredRecommendation,
  setMissionPeople,
  updateMission,
  visitsOf,
} from "../../db/programme/missions.ts";
import { findProgramme, missingOrgUnits } from "../../db/programme/programmes.ts";
import {
  type DelegationMember,
  followUpProblems,
  isWithinMission,
  MISSION_LIST_MAX,
  MISSION_LONG_TEXT_MAX,
  MISSION_TEXT_MAX,
  missionProblems,
  type RecommendationStatus,
  type ReportedFigure,
  recommendationProblems,
  visitProblems,
} from "../../domain/programme/mission.ts";
import { parseDecimal } from "../../domain/shared/decimal.ts";
import { parseId } from "../../domain/shared/input.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { invalidFields, notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";

export type { MissionEntry, StoredFollowUp, StoredMission, StoredRecommendation };

/** The mission form as typed: the delegation one member a line ("name; institution; role"). */
export interface MissionForm {
  title: string;
  startDate: string;
  endDate: string;
  regions: string[];
  delegation: string;
  objectives: string;
}

/** The visit form as typed: a facility's code or uid, or an authority; figures one a line. */
export interface VisitForm {
  facility: string;
  authority: string;
  date: string;
  peopleMet: string;
  findings: string;
  figures: string;
}

export interface RecommendationForm {
  text: string;
  ownerName: string;
  ownerEmail: string;
  dueDate: string;
  key: boolean;
}

export interface FollowUpForm {
  status: string;
  date: string;
  note: string;
}

const LIMITS = {
  title: MISSION_TEXT_MAX,
  place: MISSION_TEXT_MAX,
  owner: MISSION_TEXT_MAX,
  findings: MISSION_LONG_TEXT_MAX,
  text: MISSION_LONG_TEXT_MAX,
  note: MISSION_LONG_TEXT_MAX,
  delegation: MISSION_LIST_MAX,
  objectives: MISSION_LIST_MAX,
  peopleMet: MISSION_LIST_MAX,
  figures: MISSION_LIST_MAX,
};

/** The non-empty lines of a text area, trimmed. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** "Name; institution; role" (or tab-separated, as pasted from a sheet), one member a line. */
export function delegationOf(text: string): DelegationMember[] {
  return linesOf(text).map((line) => {
    const [name = "", institution = "", role = "", ...rest] = line
      .split(/[;\t]/)
      .map((p) => p.trim());
    // A fourth part would be lost: the member is refused rather than cut.
    return { name, institution, role: rest.length > 0 ? "\u0000" : role };
  });
}

/** "Label; value; unit", one figure a line; the value may carry a French comma or spaces. */
export function figuresOf(text: string): ReportedFigure[] {
  return linesOf(text).map((line) => {
    const [label = "", value = "", unit = "", ...rest] = line.split(/[;\t]/).map((p) => p.trim());
    const parsed = parseDecimal(value, { allowNegative: true });
    return {
      label,
      value: parsed.ok && rest.length === 0 ? parsed.value : Number.NaN,
      unit,
    };
  });
}

const blankToNull = (v: string) => (v.trim() === "" ? null : v.trim());
const fail = (problems: Record<string, string>) => {
  if (Object.keys(problems).length > 0) throw invalidFields(problems, LIMITS);
};

/**
 * Creates a mission of a programme (no `id`) or replaces one's fields, regions and delegation.
 * An edit may not move the days so that a recorded visit falls outside them.
 */
export async function saveMission(
  db: Db,
  actor: Actor,
  programmeId: number,
  form: MissionForm & { id?: number },
): Promise<StoredMission> {
  authorise(actor, "programme.write");
  if (!(await findProgramme(db, programmeId))) throw notFound("programme", programmeId);
  const existing = form.id === undefined ? undefined : await findMission(db, form.id);
  if (form.id !== undefined && existing?.programmeId !== programmeId)
    throw notFound("mission", form.id);
  const fields = {
    title: form.title.trim(),
    startDate: form.startDate.trim(),
    endDate: form.endDate.trim(),
    regionIds: form.regions.map((r) => parseId(r) ?? -1),
    delegation: delegationOf(form.delegation),
    objectives: linesOf(form.objectives),
  };
  const problems: Record<string, string> = { ...missionProblems(fields) };
  if (!problems.regionIds && (await missingOrgUnits(db, fields.regionIds)).length > 0)
    problems.regionIds = "invalid";
  if (existing && !problems.startDate && !problems.endDate) {
    const visits = await visitsOf(db, existing.id);
    if (visits.some((v) => !isWithinMission(fields, v.date))) problems.endDate = "visits_outside";
  }
  fail(problems);
  const by = actorLabel(actor);
  const row = {
    title: fields.title,
    startDate: fields.startDate,
    endDate: fields.endDate,
    objectives: fields.objectives,
  };
  return db.transaction().execute(async (trx) => {
    const saved =
      existing === undefined
        ? await insertMission(trx, by, programmeId, row)
        : await updateMission(trx, by, existing.id, row);
    if (!saved) throw notFound("mission", form.id ?? 0);
    await setMissionPeople(trx, by, saved.id, fields.regionIds, fields.delegation);
    return saved;
  });
}

/** The mission, refused as not found when it is not the programme's. */
export async function missionOf(
  db: Db,
  programmeId: number,
  missionId: number,
): Promise<MissionEntry> {
  const mission = await findMission(db, missionId);
  if (!mission || mission.programmeId !== programmeId) throw notFound("mission", missionId);
  return mission;
}

/** Records a visit on a day of the mission, to a facility (its code or uid) or an authority. */
export async function addVisit(
  db: Db,
  actor: Actor,
  programmeId: number,
  missionId: number,
  form: VisitForm,
): Promise<{ id: number }> {
  authorise(actor, "programme.write");
  const mission = await missionOf(db, programmeId, missionId);
  const key = form.facility.trim();
  const unit = key === "" ? undefined : await unitByKey(db, key);
  const fields = {
    orgUnitId: key === "" ? null : (unit?.id ?? -1),
    authority: blankToNull(form.authority),
    date: form.date.trim(),
    peopleMet: linesOf(form.peopleMet),
    findings: form.findings.trim(),
    figures: figuresOf(form.figures),
  };
  const problems: Record<string, string> = { ...visitProblems(fields, mission) };
  if (key !== "" && !unit && !problems.place) problems.place = "not_found";
  fail(problems);
  return db.transaction().execute((trx) =>
    insertVisit(trx, actorLabel(actor), mission.id, {
      ...fields,
      findings: blankToNull(fields.findings),
    }),
  );
}

/** Leaves a recommendation with its owner (a name, maybe an e-mail) and a due day. */
export async function addRecommendation(
  db: Db,
  actor: Actor,
  programmeId: number,
  missionId: number,
  form: RecommendationForm,
): Promise<StoredRecommendation> {
  authorise(actor, "programme.write");
  const mission = await missionOf(db, programmeId, missionId);
  const fields = {
    text: form.text.trim(),
    ownerUserId: null,
    ownerName: blankToNull(form.ownerName),
    ownerEmail: blankToNull(form.ownerEmail),
    dueDate: form.dueDate.trim(),
    key: form.key,
  };
  fail(recommendationProblems(fields));
  return db
    .transaction()
    .execute((trx) => insertRecommendation(trx, actorLabel(actor), mission.id, fields));
}

/**
 * Records a follow-up of a recommendation: a day, a note and the status it now has, which must
 * be reachable from the current one (canMove). The row is locked while it is checked, so two
 * follow-ups written at once are judged one after the other.
 */
export async function recordFollowUp(
  db: Db,
  actor: Actor,
  programmeId: number,
  missionId: number,
  recommendationId: number,
  form: FollowUpForm,
): Promise<StoredFollowUp> {
  authorise(actor, "programme.write");
  const found = await findRecommendation(db, recommendationId);
  if (!found || found.missionId !== missionId) throw notFound("recommendation", recommendationId);
  await missionOf(db, programmeId, missionId);
  const input = {
    date: form.date.trim(),
    note: form.note.trim(),
    status: form.status.trim() as RecommendationStatus,
  };
  return db.transaction().execute(async (trx) => {
    const current = await lockRecommendation(trx, recommendationId);
    if (!current) throw notFound("recommendation", recommendationId);
    fail(followUpProblems(input, current.status));
    return insertFollowUp(trx, actorLabel(actor), recommendationId, input);
  });
}

/** A key recommendation as the public dashboard shows it: no owner's address, no account. */
export interface KeyRecommendation {
  id: number;
  missionId: number;
  missionTitle: string;
  text: string;
  status: RecommendationStatus;
  dueDate: string;
}

/** The key recommendations of a programme's missions, by due day, with their status. */
export async function keyRecommendations(
  db: Db,
  programmeId: number,
): Promise<KeyRecommendation[]> {
  const rows = await keyRecommendationsOf(db, programmeId);
  return rows.map((r) => ({
    id: r.id,
    missionId: r.missionId,
    missionTitle: r.missionTitle,
    text: r.text,
    status: r.status,
    dueDate: r.dueDate,
  }));
}
