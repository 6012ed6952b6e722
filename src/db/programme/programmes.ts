// Programmes as stored: their fields, regions, the commitments and process indicators they
// serve (by id: the tracker's rows are read through services/tracker), their health indicators
// and the targets they set per region or district.
import type { Selectable } from "kysely";
import type { ProgrammesTable } from "../schema.ts";
import { type Executor, insertAudited, recordAudit, updateAudited } from "../shared/audit.ts";

export interface ProgrammeInput {
  name: string;
  leadPartner: string;
  funders: string[];
  partners: string[];
  startDate: string;
  endDate: string | null;
  budget: number | null;
  currency: string | null;
}

export interface StoredProgramme extends ProgrammeInput {
  id: number;
}

type Row = Selectable<ProgrammesTable>;

function programmeOf(r: Row): StoredProgramme {
  return {
    id: r.id,
    name: r.name,
    leadPartner: r.lead_partner,
    funders: r.funders,
    partners: r.partners,
    startDate: r.start_date,
    endDate: r.end_date,
    budget: r.budget === null ? null : Number(r.budget),
    currency: r.currency,
  };
}

const columns = (p: ProgrammeInput) => ({
  name: p.name,
  lead_partner: p.leadPartner,
  funders: p.funders,
  partners: p.partners,
  start_date: p.startDate,
  end_date: p.endDate,
  budget: p.budget,
  currency: p.currency,
});

export async function insertProgramme(
  db: Executor,
  actor: string,
  p: ProgrammeInput,
): Promise<StoredProgramme> {
  return programmeOf(await insertAudited(db, actor, "programmes", columns(p)));
}

export async function updateProgramme(
  db: Executor,
  actor: string,
  id: number,
  p: ProgrammeInput,
): Promise<StoredProgramme | undefined> {
  const row = await updateAudited(db, actor, "programmes", id, {
    ...columns(p),
    updated_at: new Date(),
  });
  return row && programmeOf(row);
}

export async function findProgramme(
  db: Executor,
  id: number,
): Promise<StoredProgramme | undefined> {
  const row = await db.selectFrom("programmes").selectAll().where("id", "=", id).executeTakeFirst();
  return row && programmeOf(row);
}

export async function listProgrammes(db: Executor): Promise<StoredProgramme[]> {
  const rows = await db
    .selectFrom("programmes")
    .selectAll()
    .orderBy("start_date", "desc")
    .orderBy("id")
    .execute();
  return rows.map((r) => programmeOf(r));
}

/**
 * Replaces the rows of a programme's link table with the given ones, recording the change as
 * one audit row (the lists before and after).
 */
async function replaceLinks<T extends Record<string, unknown>>(
  db: Executor,
  actor: string,
  table: "programme_regions" | "programme_commitments" | "programme_indicators",
  programmeId: number,
  rows: readonly T[],
  read: () => Promise<unknown[]>,
): Promise<void> {
  const before = await read();
  await db.deleteFrom(table).where("programme_id", "=", programmeId).execute();
  if (rows.length > 0)
    await db
      .insertInto(table)
      .values(rows.map((r) => ({ ...r, programme_id: programmeId })) as never)
      .execute();
  await recordAudit(db, {
    actor,
    action: "update",
    entity: table,
    entityId: programmeId,
    before,
    after: await read(),
  });
}

/** The regions (or districts) the programme covers, by org-unit id. */
export async function setProgrammeRegions(
  db: Executor,
  actor: string,
  programmeId: number,
  orgUnitIds: readonly number[],
): Promise<void> {
  await replaceLinks(
    db,
    actor,
    "programme_regions",
    programmeId,
    [...new Set(orgUnitIds)].map((id) => ({ org_unit_id: id })),
    () => programmeRegions(db, programmeId),
  );
}

export async function programmeRegions(db: Executor, programmeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("programme_regions as r")
    .innerJoin("org_units as u", "u.id", "r.org_unit_id")
    .select("r.org_unit_id")
    .where("r.programme_id", "=", programmeId)
    .orderBy("u.name")
    .execute();
  return rows.map((r) => r.org_unit_id);
}

export interface CommitmentLink {
  commitmentId: number;
  /** A process indicator of that commitment, or null for the commitment as a whole. */
  indicatorId: number | null;
}

export async function setProgrammeCommitments(
  db: Executor,
  actor: string,
  programmeId: number,
  links: readonly CommitmentLink[],
): Promise<void> {
  const unique = [...new Map(links.map((l) => [`${l.commitmentId}/${l.indicatorId}`, l])).values()];
  await replaceLinks(
    db,
    actor,
    "programme_commitments",
    programmeId,
    unique.map((l) => ({ commitment_id: l.commitmentId, indicator_id: l.indicatorId })),
    () => programmeCommitments(db, programmeId),
  );
}

export async function programmeCommitments(
  db: Executor,
  programmeId: number,
): Promise<CommitmentLink[]> {
  const rows = await db
    .selectFrom("programme_commitments")
    .select(["commitment_id", "indicator_id"])
    .where("programme_id", "=", programmeId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ commitmentId: r.commitment_id, indicatorId: r.indicator_id }));
}

export interface IndicatorTarget {
  orgUnitId: number;
  period: string;
  value: number;
}

export interface ProgrammeIndicator {
  /** The health indicator (health_indicators.id). */
  indicatorId: number;
  name: string;
  targets: (IndicatorTarget & { unitName: string })[];
}

/** Sets the programme's health indicators with their targets, replacing what was there. */
export async function setProgrammeIndicators(
  db: Executor,
  actor: string,
  programmeId: number,
  indicators: readonly { indicatorId: number; targets: readonly IndicatorTarget[] }[],
): Promise<void> {
  const before = await programmeIndicators(db, programmeId);
  await db.deleteFrom("programme_indicators").where("programme_id", "=", programmeId).execute();
  for (const i of indicators) {
    const row = await db
      .insertInto("programme_indicators")
      .values({ programme_id: programmeId, indicator_id: i.indicatorId })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (i.targets.length > 0)
      await db
        .insertInto("programme_indicator_targets")
        .values(
          i.targets.map((t) => ({
            programme_indicator_id: row.id,
            org_unit_id: t.orgUnitId,
            period: t.period,
            value: t.value,
          })),
        )
        .execute();
  }
  await recordAudit(db, {
    actor,
    action: "update",
    entity: "programme_indicators",
    entityId: programmeId,
    before,
    after: await programmeIndicators(db, programmeId),
  });
}

export async function programmeIndicators(
  db: Executor,
  programmeId: number,
): Promise<ProgrammeIndicator[]> {
  const [rows, targets] = await Promise.all([
    db
      .selectFrom("programme_indicators as p")
      .innerJoin("health_indicators as h", "h.id", "p.indicator_id")
      .select(["p.id", "p.indicator_id", "h.name"])
      .where("p.programme_id", "=", programmeId)
      .orderBy("h.name")
      .execute(),
    db
      .selectFrom("programme_indicator_targets as t")
      .innerJoin("programme_indicators as p", "p.id", "t.programme_indicator_id")
      .innerJoin("org_units as u", "u.id", "t.org_unit_id")
      .select(["t.programme_indicator_id", "t.org_unit_id", "t.period", "t.value", "u.name"])
      .where("p.programme_id", "=", programmeId)
      .orderBy("t.period")
      .orderBy("t.org_unit_id")
      .execute(),
  ]);
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    name: r.name,
    targets: targets
      .filter((t) => t.programme_indicator_id === r.id)
      .map((t) => ({
        orgUnitId: t.org_unit_id,
        unitName: t.name,
        period: t.period,
        value: t.value,
      })),
  }));
}

/** The ids among `ids` that name no org unit. */
export async function missingOrgUnits(db: Executor, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await db
    .selectFrom("org_units")
    .select("id")
    .where("id", "in", [...ids])
    .execute();
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

/** The ids among `ids` that name no health indicator. */
export async function missingHealthIndicators(
  db: Executor,
  ids: readonly number[],
): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await db
    .selectFrom("health_indicators")
    .select("id")
    .where("id", "in", [...ids])
    .execute();
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

export interface UnitName {
  id: number;
  name: string;
  level: number;
  parentId: number | null;
}

/** The names of the given units, for a page. */
export async function unitNames(db: Executor, ids: readonly number[]): Promise<UnitName[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("org_units")
    .select(["id", "name", "level", "parent_id"])
    .where("id", "in", [...ids])
    .orderBy("name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, level: r.level, parentId: r.parent_id }));
}

/** The units of one level (2: regions…), by name, for a filter's choices. */
export async function unitsAtLevel(db: Executor, level: number): Promise<UnitName[]> {
  const rows = await db
    .selectFrom("org_units")
    .select(["id", "name", "level", "parent_id"])
    .where("level", "=", level)
    .orderBy("name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, level: r.level, parentId: r.parent_id }));
}

/** Every health indicator by name, for the choice of those a programme follows. */
export async function healthIndicatorChoices(
  db: Executor,
): Promise<{ id: number; name: string }[]> {
  return db.selectFrom("health_indicators").select(["id", "name"]).orderBy("name").execute();
}
