// Monitoring missions as stored: a mission's fields with its regions and delegation, the visits
// it made with the figures reported there, the recommendations it left and their follow-up log;
// the overdue and key recommendations of a programme.
import type { Selectable } from "kysely";
import {
  type DelegationMember,
  isRecommendationStatus,
  type RecommendationStatus,
  type ReportedFigure,
} from "../../domain/programme/mission.ts";
import { compareFr } from "../../domain/shared/group.ts";
import type { MissionRecommendationsTable, MissionsTable, MissionVisitsTable } from "../schema.ts";
import { type Executor, insertAudited, recordAudit, updateAudited } from "../shared/audit.ts";

export interface MissionInput {
  title: string;
  startDate: string;
  endDate: string;
  objectives: string[];
}

export interface StoredMission extends MissionInput {
  id: number;
  programmeId: number;
}

/** A mission with its regions (by name) and its delegation, as pages and reports read it. */
export interface MissionEntry extends StoredMission {
  regions: { id: number; name: string }[];
  delegation: DelegationMember[];
}

function missionOf(r: Selectable<MissionsTable>): StoredMission {
  return {
    id: r.id,
    programmeId: r.programme_id,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
    objectives: r.objectives,
  };
}

const missionColumns = (m: MissionInput) => ({
  title: m.title,
  start_date: m.startDate,
  end_date: m.endDate,
  objectives: m.objectives,
});

export async function insertMission(
  db: Executor,
  actor: string,
  programmeId: number,
  m: MissionInput,
): Promise<StoredMission> {
  return missionOf(
    await insertAudited(db, actor, "missions", { ...missionColumns(m), programme_id: programmeId }),
  );
}

export async function updateMission(
  db: Executor,
  actor: string,
  id: number,
  m: MissionInput,
): Promise<StoredMission | undefined> {
  const row = await updateAudited(db, actor, "missions", id, {
    ...missionColumns(m),
    updated_at: new Date(),
  });
  return row && missionOf(row);
}

/** Replaces a mission's regions and delegation, recording both lists before and after. */
export async function setMissionPeople(
  db: Executor,
  actor: string,
  missionId: number,
  regionIds: readonly number[],
  delegation: readonly DelegationMember[],
): Promise<void> {
  const read = async () => {
    const [regions, members] = await Promise.all([
      missionRegionIds(db, missionId),
      delegationOf(db, missionId),
    ]);
    return { regions, delegation: members };
  };
  const before = await read();
  await db.deleteFrom("mission_regions").where("mission_id", "=", missionId).execute();
  await db.deleteFrom("mission_delegates").where("mission_id", "=", missionId).execute();
  const unique = [...new Set(regionIds)];
  if (unique.length > 0)
    await db
      .insertInto("mission_regions")
      .values(unique.map((id) => ({ mission_id: missionId, org_unit_id: id })))
      .execute();
  if (delegation.length > 0)
    await db
      .insertInto("mission_delegates")
      .values(
        delegation.map((m) => ({
          mission_id: missionId,
          name: m.name,
          institution: m.institution === "" ? null : m.institution,
          role: m.role === "" ? null : m.role,
        })),
      )
      .execute();
  await recordAudit(db, {
    actor,
    action: "update",
    entity: "mission_people",
    entityId: missionId,
    before,
    after: await read(),
  });
}

async function missionRegionIds(db: Executor, missionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("mission_regions")
    .select("org_unit_id")
    .where("mission_id", "=", missionId)
    .orderBy("org_unit_id")
    .execute();
  return rows.map((r) => r.org_unit_id);
}

async function delegationOf(db: Executor, missionId: number): Promise<DelegationMember[]> {
  const rows = await db
    .selectFrom("mission_delegates")
    .select(["name", "institution", "role"])
    .where("mission_id", "=", missionId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ name: r.name, institution: r.institution ?? "", role: r.role ?? "" }));
}

async function regionsOf(
  db: Executor,
  missionIds: readonly number[],
): Promise<Map<number, { id: number; name: string }[]>> {
  const out = new Map<number, { id: number; name: string }[]>();
  if (missionIds.length === 0) return out;
  const rows = await db
    .selectFrom("mission_regions as r")
    .innerJoin("org_units as u", "u.id", "r.org_unit_id")
    .select(["r.mission_id", "u.id", "u.name"])
    .where("r.mission_id", "in", [...missionIds])
    .orderBy("u.name")
    .execute();
  for (const r of rows) {
    const list = out.get(r.mission_id) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.mission_id, list);
  }
  // The database's collation may put "Sikasso" before "Ségou"; French order is decided here.
  for (const list of out.values()) list.sort((a, b) => compareFr(a.name, b.name));
  return out;
}

export async function findMission(db: Executor, id: number): Promise<MissionEntry | undefined> {
  const row = await db.selectFrom("missions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const [regions, delegation] = await Promise.all([regionsOf(db, [id]), delegationOf(db, id)]);
  return { ...missionOf(row), regions: regions.get(id) ?? [], delegation };
}

/** A programme's missions, latest first, each with its regions (the list needs no delegation). */
export async function listMissions(
  db: Executor,
  programmeId: number,
): Promise<(StoredMission & { regions: { id: number; name: string }[] })[]> {
  const rows = await db
    .selectFrom("missions")
    .selectAll()
    .where("programme_id", "=", programmeId)
    .orderBy("start_date", "desc")
    .orderBy("id", "desc")
    .execute();
  const regions = await regionsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...missionOf(r), regions: regions.get(r.id) ?? [] }));
}

export interface VisitInput {
  orgUnitId: number | null;
  authority: string | null;
  date: string;
  peopleMet: string[];
  findings: string | null;
  figures: ReportedFigure[];
}

export interface StoredVisit extends VisitInput {
  id: number;
  missionId: number;
  /** The unit visited by name, when the visit was to a unit. */
  unitName: string | null;
}

function visitOf(
  r: Selectable<MissionVisitsTable> & { unit_name: string | null },
  figures: ReportedFigure[],
): StoredVisit {
  return {
    id: r.id,
    missionId: r.mission_id,
    orgUnitId: r.org_unit_id,
    unitName: r.unit_name,
    authority: r.authority,
    date: r.date,
    peopleMet: r.people_met,
    findings: r.findings,
    figures,
  };
}

/** Records a visit and its reported figures; the audit row carries both. */
export async function insertVisit(
  db: Executor,
  actor: string,
  missionId: number,
  v: VisitInput,
): Promise<{ id: number }> {
  const row = await db
    .insertInto("mission_visits")
    .values({
      mission_id: missionId,
      org_unit_id: v.orgUnitId,
      authority: v.authority,
      date: v.date,
      people_met: v.peopleMet,
      findings: v.findings,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (v.figures.length > 0)
    await db
      .insertInto("mission_visit_figures")
      .values(
        v.figures.map((f) => ({
          visit_id: row.id,
          label: f.label,
          value: f.value,
          unit: f.unit === "" ? null : f.unit,
        })),
      )
      .execute();
  await recordAudit(db, {
    actor,
    action: "create",
    entity: "mission_visits",
    entityId: row.id,
    after: { ...row, figures: v.figures },
  });
  return { id: row.id };
}

/** A mission's visits by day, each with its figures in the order typed. */
export async function visitsOf(db: Executor, missionId: number): Promise<StoredVisit[]> {
  const [rows, figures] = await Promise.all([
    db
      .selectFrom("mission_visits as v")
      .leftJoin("org_units as u", "u.id", "v.org_unit_id")
      .selectAll("v")
      .select("u.name as unit_name")
      .where("v.mission_id", "=", missionId)
      .orderBy("v.date")
      .orderBy("v.id")
      .execute(),
    db
      .selectFrom("mission_visit_figures as f")
      .innerJoin("mission_visits as v", "v.id", "f.visit_id")
      .select(["f.visit_id", "f.label", "f.value", "f.unit"])
      .where("v.mission_id", "=", missionId)
      .orderBy("f.id")
      .execute(),
  ]);
  return rows.map((r) =>
    visitOf(
      r,
      figures
        .filter((f) => f.visit_id === r.id)
        .map((f) => ({ label: f.label, value: Number(f.value), unit: f.unit ?? "" })),
    ),
  );
}

export interface RecommendationInput {
  text: string;
  ownerUserId: number | null;
  ownerName: string | null;
  ownerEmail: string | null;
  dueDate: string;
  key: boolean;
}

export interface StoredFollowUp {
  id: number;
  date: string;
  note: string;
  status: RecommendationStatus;
}

export interface StoredRecommendation extends RecommendationInput {
  id: number;
  missionId: number;
  status: RecommendationStatus;
}

const statusOf = (s: string): RecommendationStatus => (isRecommendationStatus(s) ? s : "open");

function recommendationOf(r: Selectable<MissionRecommendationsTable>): StoredRecommendation {
  return {
    id: r.id,
    missionId: r.mission_id,
    text: r.text,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
    ownerEmail: r.owner_email,
    dueDate: r.due_date,
    key: r.key,
    status: statusOf(r.status),
  };
}

export async function insertRecommendation(
  db: Executor,
  actor: string,
  missionId: number,
  r: RecommendationInput,
): Promise<StoredRecommendation> {
  return recommendationOf(
    await insertAudited(db, actor, "mission_recommendations", {
      mission_id: missionId,
      text: r.text,
      owner_user_id: r.ownerUserId,
      owner_name: r.ownerName,
      owner_email: r.ownerEmail,
      due_date: r.dueDate,
      key: r.key,
    }),
  );
}

/** Reads a recommendation with its row locked, so two follow-ups written at once queue up. */
export async function lockRecommendation(
  db: Executor,
  id: number,
): Promise<StoredRecommendation | undefined> {
  const row = await db
    .selectFrom("mission_recommendations")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return row && recommendationOf(row);
}

export async function findRecommendation(
  db: Executor,
  id: number,
): Promise<StoredRecommendation | undefined> {
  const row = await db
    .selectFrom("mission_recommendations")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && recommendationOf(row);
}

/** Adds a follow-up row and moves the recommendation to its status (both audited). */
export async function insertFollowUp(
  db: Executor,
  actor: string,
  recommendationId: number,
  f: { date: string; note: string; status: RecommendationStatus },
): Promise<StoredFollowUp> {
  const row = await insertAudited(db, actor, "mission_follow_ups", {
    recommendation_id: recommendationId,
    date: f.date,
    note: f.note,
    status: f.status,
  });
  await updateAudited(db, actor, "mission_recommendations", recommendationId, {
    status: f.status,
    updated_at: new Date(),
  });
  return { id: row.id, date: row.date, note: row.note, status: statusOf(row.status) };
}

/** A mission's recommendations by due day, each with its follow-ups oldest first. */
export async function recommendationsOf(
  db: Executor,
  missionId: number,
): Promise<(StoredRecommendation & { followUps: StoredFollowUp[] })[]> {
  const [rows, followUps] = await Promise.all([
    db
      .selectFrom("mission_recommendations")
      .selectAll()
      .where("mission_id", "=", missionId)
      .orderBy("due_date")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("mission_follow_ups as f")
      .innerJoin("mission_recommendations as r", "r.id", "f.recommendation_id")
      .select(["f.id", "f.recommendation_id", "f.date", "f.note", "f.status"])
      .where("r.mission_id", "=", missionId)
      .orderBy("f.date")
      .orderBy("f.id")
      .execute(),
  ]);
  return rows.map((r) => ({
    ...recommendationOf(r),
    followUps: followUps
      .filter((f) => f.recommendation_id === r.id)
      .map((f) => ({ id: f.id, date: f.date, note: f.note, status: statusOf(f.status) })),
  }));
}

/** A recommendation with the mission it came from, for the lists of a programme. */
export interface ProgrammeRecommendation extends StoredRecommendation {
  missionTitle: string;
}

function programmeRecommendations(db: Executor, programmeId: number) {
  return db
    .selectFrom("mission_recommendations as r")
    .innerJoin("missions as m", "m.id", "r.mission_id")
    .selectAll("r")
    .select("m.title as mission_title")
    .where("m.programme_id", "=", programmeId)
    .orderBy("r.due_date")
    .orderBy("r.id");
}

/** The recommendations of a programme's missions overdue at a day (isOverdue, in SQL). */
export async function overdueRecommendations(
  db: Executor,
  programmeId: number,
  day: string,
): Promise<ProgrammeRecommendation[]> {
  const rows = await programmeRecommendations(db, programmeId)
    .where("r.due_date", "<", day)
    .where("r.status", "in", ["open", "in_progress"])
    .execute();
  return rows.map((r) => ({ ...recommendationOf(r), missionTitle: r.mission_title }));
}

/** The key recommendations of a programme's missions, whatever their status. */
export async function keyRecommendationsOf(
  db: Executor,
  programmeId: number,
): Promise<ProgrammeRecommendation[]> {
  const rows = await programmeRecommendations(db, programmeId).where("r.key", "=", true).execute();
  return rows.map((r) => ({ ...recommendationOf(r), missionTitle: r.mission_title }));
}
