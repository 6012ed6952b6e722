// Outcome series (their figures and where they come from) and the commitment goals they
// measure. A health-indicator series stores only which indicator and unit: its figures are the
// health data's, read through services/health when a page needs them.
import { sql } from "kysely";
import { type Bilingual, bilingual } from "../../domain/shared/lang.ts";
import type {
  GoalDirection,
  OutcomeSourceKind,
  PointKind,
  SeriesPoint,
} from "../../domain/tracker/outcome.ts";
import { type Executor, insertAudited, recordAudit, updateAudited } from "../shared/audit.ts";

export interface StoredSeries {
  id: number;
  code: string;
  name: Bilingual;
  unit: string;
  sourceKind: OutcomeSourceKind;
  healthIndicatorId: number | null;
  orgUnitId: number | null;
  points: number;
}

export interface NewSeries {
  trackerId: number;
  code: string;
  name: string;
  nameEn: string | null;
  unit: string;
  sourceKind: OutcomeSourceKind;
  healthIndicatorId: number | null;
  orgUnitId: number | null;
}

export async function insertSeries(db: Executor, actor: string, s: NewSeries): Promise<number> {
  const row = await insertAudited(db, actor, "outcome_series", {
    tracker_id: s.trackerId,
    code: s.code,
    name: s.name,
    name_en: s.nameEn,
    unit: s.unit,
    source_kind: s.sourceKind,
    health_indicator_id: s.healthIndicatorId,
    org_unit_id: s.orgUnitId,
  });
  return row.id;
}

/** A tracker's series, by code, each with how many figures it holds. */
export async function listSeries(db: Executor, trackerId: number): Promise<StoredSeries[]> {
  const rows = await db
    .selectFrom("outcome_series as s")
    .leftJoin("outcome_points as p", "p.series_id", "s.id")
    .select([
      "s.id",
      "s.code",
      "s.name",
      "s.name_en",
      "s.unit",
      "s.source_kind",
      "s.health_indicator_id",
      "s.org_unit_id",
      sql<number>`count(p.year)::int`.as("points"),
    ])
    .where("s.tracker_id", "=", trackerId)
    .groupBy("s.id")
    .orderBy("s.code")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: bilingual(r.name, r.name_en),
    unit: r.unit,
    sourceKind: r.source_kind as OutcomeSourceKind,
    healthIndicatorId: r.health_indicator_id,
    orgUnitId: r.org_unit_id,
    points: Number(r.points),
  }));
}

export async function seriesCodeTaken(db: Executor, trackerId: number, code: string) {
  const row = await db
    .selectFrom("outcome_series")
    .select("id")
    .where("tracker_id", "=", trackerId)
    .where("code", "=", code)
    .executeTakeFirst();
  return row !== undefined;
}

/** The figures of some series, oldest first, grouped by series id. */
export async function listPoints(
  db: Executor,
  seriesIds: readonly number[],
): Promise<Map<number, SeriesPoint[]>> {
  const out = new Map<number, SeriesPoint[]>();
  if (seriesIds.length === 0) return out;
  const rows = await db
    .selectFrom("outcome_points")
    .selectAll()
    .where("series_id", "in", [...new Set(seriesIds)])
    .orderBy("series_id")
    .orderBy("year")
    .orderBy("kind")
    .execute();
  for (const r of rows) {
    const list = out.get(r.series_id) ?? [];
    list.push({
      year: r.year,
      value: r.value,
      source: r.source,
      url: r.source_url,
      kind: r.kind as PointKind,
    });
    out.set(r.series_id, list);
  }
  return out;
}

export interface PointsWritten {
  imported: number;
  updated: number;
  ignored: number;
}

/**
 * Writes figures into a series: a new year × kind is added, a changed one replaced, an equal
 * one left alone. One audit event (action `import`) describes the whole file.
 */
export async function savePoints(
  db: Executor,
  actor: string,
  seriesId: number,
  points: readonly SeriesPoint[],
  describe: Record<string, unknown>,
): Promise<PointsWritten> {
  const written: PointsWritten = { imported: 0, updated: 0, ignored: 0 };
  // The last of one year × kind in the file wins, as in the health data's import.
  const byKey = new Map(points.map((p) => [`${p.year}|${p.kind}`, p]));
  written.ignored += points.length - byKey.size;
  const unique = [...byKey.values()];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = await db
      .insertInto("outcome_points")
      .values(
        chunk.map((p) => ({
          series_id: seriesId,
          year: p.year,
          value: p.value,
          source: p.source,
          source_url: p.url,
          kind: p.kind,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(["series_id", "year", "kind"])
          .doUpdateSet((eb) => ({
            value: eb.ref("excluded.value"),
            source: eb.ref("excluded.source"),
            source_url: eb.ref("excluded.source_url"),
          }))
          .where(
            sql<boolean>`(outcome_points.value, outcome_points.source, outcome_points.source_url)
              is distinct from (excluded.value, excluded.source, excluded.source_url)`,
          ),
      )
      .returning(sql<boolean>`(xmax = 0)`.as("inserted"))
      .execute();
    const inserted = rows.filter((r) => r.inserted).length;
    written.imported += inserted;
    written.updated += rows.length - inserted;
    written.ignored += chunk.length - rows.length;
  }
  if (written.imported + written.updated > 0)
    await recordAudit(db, {
      actor,
      action: "import",
      entity: "outcome_points",
      entityId: seriesId,
      after: { ...describe, ...written },
    });
  return written;
}

/** A goal as the outcome pages read it: what it aims at and the series measuring it. */
export interface StoredOutcomeGoal {
  id: number;
  commitmentId: number;
  position: number;
  label: Bilingual;
  unit: string;
  baselineValue: number | null;
  baselineYear: number | null;
  baselineSource: string | null;
  targetValue: number;
  targetYear: number;
  direction: GoalDirection;
  seriesId: number | null;
  /** The series measuring the goal, read in the same statement. */
  series: Omit<StoredSeries, "points"> | null;
}

/** The goals of some commitments with their series, by commitment then position. */
export async function listOutcomeGoals(
  db: Executor,
  commitmentIds: readonly number[],
): Promise<StoredOutcomeGoal[]> {
  if (commitmentIds.length === 0) return [];
  const rows = await db
    .selectFrom("commitment_goals as g")
    .leftJoin("outcome_series as s", "s.id", "g.series_id")
    .selectAll("g")
    .select([
      "s.code as s_code",
      "s.name as s_name",
      "s.name_en as s_name_en",
      "s.unit as s_unit",
      "s.source_kind as s_source_kind",
      "s.health_indicator_id as s_health_indicator_id",
      "s.org_unit_id as s_org_unit_id",
    ])
    .where("g.commitment_id", "in", [...new Set(commitmentIds)])
    .orderBy("g.commitment_id")
    .orderBy("g.position")
    .execute();
  return rows.map((g) => ({
    id: g.id,
    commitmentId: g.commitment_id,
    position: g.position,
    label: bilingual(g.indicator, g.indicator_en),
    unit: g.unit,
    baselineValue: g.baseline_value,
    baselineYear: g.baseline_year,
    baselineSource: g.baseline_source,
    targetValue: g.target_value,
    targetYear: g.target_year,
    direction: g.direction as GoalDirection,
    seriesId: g.series_id,
    series:
      g.series_id === null || g.s_code === null
        ? null
        : {
            id: g.series_id,
            code: g.s_code,
            name: bilingual(g.s_name ?? g.s_code, g.s_name_en),
            unit: g.s_unit ?? "",
            sourceKind: g.s_source_kind as OutcomeSourceKind,
            healthIndicatorId: g.s_health_indicator_id,
            orgUnitId: g.s_org_unit_id,
          },
  }));
}

export interface GoalWrite {
  label: string;
  labelEn: string | null;
  unit: string;
  baselineValue: number | null;
  baselineYear: number | null;
  baselineSource: string | null;
  targetValue: number;
  targetYear: number;
  direction: GoalDirection;
  seriesId: number | null;
}

const goalColumns = (g: GoalWrite) => ({
  indicator: g.label,
  indicator_en: g.labelEn,
  unit: g.unit,
  baseline_value: g.baselineValue,
  baseline_year: g.baselineYear,
  baseline_source: g.baselineSource,
  target_value: g.targetValue,
  target_year: g.targetYear,
  direction: g.direction,
  series_id: g.seriesId,
});

export async function updateOutcomeGoal(db: Executor, actor: string, id: number, g: GoalWrite) {
  return updateAudited(db, actor, "commitment_goals", id, goalColumns(g));
}

/** A new goal after the commitment's last one. */
export async function appendOutcomeGoal(
  db: Executor,
  actor: string,
  commitmentId: number,
  g: GoalWrite,
) {
  const last = await db
    .selectFrom("commitment_goals")
    .select(sql<number>`coalesce(max(position), 0)::int`.as("position"))
    .where("commitment_id", "=", commitmentId)
    .executeTakeFirst();
  return insertAudited(db, actor, "commitment_goals", {
    commitment_id: commitmentId,
    position: Number(last?.position ?? 0) + 1,
    ...goalColumns(g),
  });
}
