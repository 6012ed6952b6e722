// Deployments of midwives to facilities, and the counts of midwives deployed at a day per unit
// (a facility, or a district or region above it through org_unit_ancestors).
import { sql } from "kysely";
import type { Deployment, EndReason } from "../../domain/programme/deployment.ts";
import { withinUnit } from "../health/org-units.ts";
import type { Executor } from "../shared/audit.ts";
import { insertAudited, updateAudited } from "../shared/audit.ts";
import { insertMany } from "../shared/bulk.ts";

export interface DeploymentInput {
  midwifeId: number;
  programmeId: number;
  facilityId: number;
  startDate: string;
  endDate: string | null;
  endReason: EndReason | null;
}

export interface StoredDeployment extends Deployment {
  programmeId: number;
}

type Row = {
  id: number;
  midwife_id: number;
  programme_id: number;
  facility_id: number;
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
};

const deploymentOf = (r: Row): StoredDeployment => ({
  id: r.id,
  midwifeId: r.midwife_id,
  programmeId: r.programme_id,
  facilityId: r.facility_id,
  startDate: r.start_date,
  endDate: r.end_date,
  endReason: r.end_reason as EndReason | null,
});

export async function insertDeployment(
  db: Executor,
  actor: string,
  d: DeploymentInput,
): Promise<StoredDeployment> {
  return deploymentOf(
    await insertAudited(db, actor, "deployments", {
      midwife_id: d.midwifeId,
      programme_id: d.programmeId,
      facility_id: d.facilityId,
      start_date: d.startDate,
      end_date: d.endDate,
      end_reason: d.endReason,
    }),
  );
}

/** Sets or clears a deployment's end (its last day and why). */
export async function setDeploymentEnd(
  db: Executor,
  actor: string,
  id: number,
  end: { endDate: string | null; endReason: EndReason | null },
): Promise<StoredDeployment | undefined> {
  const row = await updateAudited(db, actor, "deployments", id, {
    end_date: end.endDate,
    end_reason: end.endReason,
    updated_at: new Date(),
  });
  return row && deploymentOf(row);
}

export async function findDeployment(
  db: Executor,
  id: number,
): Promise<StoredDeployment | undefined> {
  const row = await db
    .selectFrom("deployments")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && deploymentOf(row);
}

/** A midwife's deployments, oldest first. */
export async function deploymentsOf(db: Executor, midwifeId: number): Promise<StoredDeployment[]> {
  const rows = await db
    .selectFrom("deployments")
    .selectAll()
    .where("midwife_id", "=", midwifeId)
    .orderBy("start_date")
    .execute();
  return rows.map(deploymentOf);
}

/** Every deployment at a facility within a unit (all when none is given), for a timeline. */
export async function deploymentsWithin(
  db: Executor,
  f: { within?: number; programmeId?: number },
): Promise<StoredDeployment[]> {
  let q = db.selectFrom("deployments as d").selectAll("d");
  if (f.within !== undefined) q = q.where(withinUnit("d.facility_id", f.within));
  if (f.programmeId !== undefined) q = q.where("d.programme_id", "=", f.programmeId);
  return (await q.orderBy("d.start_date").orderBy("d.id").execute()).map(deploymentOf);
}

export interface UnitCount {
  orgUnitId: number;
  name: string;
  level: number;
  count: number;
}

/**
 * How many midwives are deployed at `date` in each unit of a level (2: regions, 3: districts…),
 * optionally only under one unit and for one programme; units with none count 0. A midwife
 * counts once in her facility and once in every unit above it.
 */
export async function deployedCountsAt(
  db: Executor,
  f: { date: string; level: number; within?: number; programmeId?: number },
): Promise<UnitCount[]> {
  const programme =
    f.programmeId === undefined ? sql`true` : sql`d.programme_id = ${f.programmeId}`;
  const within =
    f.within === undefined
      ? sql`true`
      : sql`exists (select 1 from org_unit_ancestors w where w.org_unit_id = u.id and w.ancestor_id = ${f.within})`;
  const rows = await sql<{ id: number; name: string; level: number; count: number }>`
    with at_date as (
      select d.midwife_id, d.facility_id from deployments d
      where d.start_date <= ${f.date} and (d.end_date is null or d.end_date >= ${f.date})
        and ${programme}
    ),
    placed as (
      select facility_id as unit_id, midwife_id from at_date
      union all
      select a.ancestor_id, d.midwife_id
      from at_date d join org_unit_ancestors a on a.org_unit_id = d.facility_id
    )
    select u.id, u.name, u.level, count(distinct p.midwife_id)::int as count
    from org_units u left join placed p on p.unit_id = u.id
    where u.level = ${f.level} and ${within}
    group by u.id, u.name, u.level
    order by u.name, u.id
  `.execute(db);
  return rows.rows.map((r) => ({
    orgUnitId: r.id,
    name: r.name,
    level: r.level,
    count: Number(r.count),
  }));
}

/** Inserts deployments in few statements (an import of the register audits them as a batch). */
export async function insertDeployments(
  trx: Executor,
  rows: readonly DeploymentInput[],
): Promise<void> {
  await insertMany(
    trx,
    "deployments",
    rows.map((d) => ({
      midwife_id: d.midwifeId,
      programme_id: d.programmeId,
      facility_id: d.facilityId,
      start_date: d.startDate,
      end_date: d.endDate,
      end_reason: d.endReason,
    })),
  );
}

/** Sets a deployment's end without a record of its own (the import's batch holds it). */
export async function setDeploymentEndQuietly(
  trx: Executor,
  id: number,
  end: { endDate: string | null; endReason: EndReason | null },
): Promise<void> {
  await trx
    .updateTable("deployments")
    .set({ end_date: end.endDate, end_reason: end.endReason, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** Org units by code and by uid → id: the facilities a register file may name. */
export async function facilityKeys(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom("org_units").select(["id", "code", "uid"]).execute();
  const keys = new Map<string, number>();
  for (const r of rows) {
    if (r.uid) keys.set(r.uid, r.id);
    if (r.code) keys.set(r.code, r.id);
  }
  return keys;
}
