// What a programme's results page reads besides the analytics: the indicators it follows with
// their formulas' descriptions, the facilities where its midwives work with each one's periods,
// and how many centres (units with no unit below them) each district or region holds.
import { sql } from "kysely";
import type { Executor } from "../shared/audit.ts";

export interface ResultIndicator {
  id: number;
  /** The key an analytics query names it by: uid, else code, else id. */
  key: string;
  name: string;
  nameEn: string | null;
  /** What the numerator counts (assisted deliveries, ANC1 visits), when the catalogue says. */
  numeratorDescription: string | null;
  numerator: string;
  denominator: string;
  factor: number;
  decimals: number | null;
}

/** The health indicators a programme follows, by name. */
export async function resultIndicators(
  db: Executor,
  programmeId: number,
): Promise<ResultIndicator[]> {
  const rows = await db
    .selectFrom("programme_indicators as p")
    .innerJoin("health_indicators as h", "h.id", "p.indicator_id")
    .select([
      "h.id",
      "h.uid",
      "h.code",
      "h.name",
      "h.name_en",
      "h.numerator_description",
      "h.numerator",
      "h.denominator",
      "h.factor",
      "h.decimals",
    ])
    .where("p.programme_id", "=", programmeId)
    .orderBy("h.name")
    .orderBy("h.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.uid ?? r.code ?? String(r.id),
    name: r.name,
    nameEn: r.name_en,
    numeratorDescription: r.numerator_description,
    numerator: r.numerator,
    denominator: r.denominator,
    factor: r.factor,
    decimals: r.decimals,
  }));
}

export interface DeployedFacility {
  facilityId: number;
  /** The key an analytics query names it by: uid, else code, else id. */
  key: string;
  name: string;
  /** The unit above it (its health area's district, or its district). */
  parentName: string | null;
  /** Its midwives' periods under the programme, oldest first. */
  periods: { startDate: string; endDate: string | null }[];
}

/** The facilities where the programme has deployed a midwife (one or all), by name. */
export async function deployedFacilities(
  db: Executor,
  programmeId: number,
  facilityId?: number,
): Promise<DeployedFacility[]> {
  const one = facilityId === undefined ? sql`true` : sql`d.facility_id = ${facilityId}`;
  const { rows } = await sql<{
    facility_id: number;
    uid: string | null;
    code: string | null;
    name: string;
    parent_name: string | null;
    start_date: string;
    end_date: string | null;
  }>`
    select d.facility_id, u.uid, u.code, u.name, p.name as parent_name,
      to_char(d.start_date, 'YYYY-MM-DD') as start_date,
      to_char(d.end_date, 'YYYY-MM-DD') as end_date
    from deployments d
    join org_units u on u.id = d.facility_id
    left join org_units p on p.id = u.parent_id
    where d.programme_id = ${programmeId} and ${one}
    order by u.name, u.id, d.start_date, d.id
  `.execute(db);
  const out = new Map<number, DeployedFacility>();
  for (const r of rows) {
    let f = out.get(r.facility_id);
    if (!f) {
      f = {
        facilityId: r.facility_id,
        key: r.uid ?? r.code ?? String(r.facility_id),
        name: r.name,
        parentName: r.parent_name,
        periods: [],
      };
      out.set(r.facility_id, f);
    }
    f.periods.push({ startDate: r.start_date, endDate: r.end_date });
  }
  return [...out.values()];
}

/** How many centres (units with no unit below them) each of the given units holds. */
export async function centreCounts(
  db: Executor,
  unitIds: readonly number[],
): Promise<Map<number, number>> {
  if (unitIds.length === 0) return new Map();
  const { rows } = await sql<{ ancestor_id: number; count: number }>`
    select a.ancestor_id, count(*)::int as count
    from org_unit_ancestors a
    where a.ancestor_id = any(${sql.val([...unitIds])}::int[])
      and not exists (select 1 from org_units c where c.parent_id = a.org_unit_id)
    group by a.ancestor_id
  `.execute(db);
  return new Map(rows.map((r) => [r.ancestor_id, Number(r.count)]));
}

export interface YearTotal {
  orgUnitId: number;
  dataElementId: number;
  cocId: number;
  year: number;
  sum: number;
  /** How many of the year's buckets (its months, or a quarter stored as such) hold a value. */
  buckets: number;
}

/**
 * Per unit (over itself and its subtree), element, combo and year: the total and the number of
 * buckets holding a value, from the pre-aggregate (the subtree) and the unit's own values, both
 * by index. `buckets` are those of the years asked (a year's buckets all start with it: its
 * months, bi-months, quarters, halves). Added up here rather than returned bucket by bucket: on
 * the embedded store a row costs more than the sum.
 */
export async function yearTotals(
  db: Executor,
  query: {
    orgUnitIds: readonly number[];
    dataElementIds: readonly number[];
    buckets: readonly string[];
  },
): Promise<YearTotal[]> {
  if (
    query.orgUnitIds.length === 0 ||
    query.dataElementIds.length === 0 ||
    query.buckets.length === 0
  )
    return [];
  const units = sql.val([...query.orgUnitIds]);
  const elements = sql.val([...query.dataElementIds]);
  const buckets = sql.val([...query.buckets]);
  const { rows } = await sql<{
    org_unit_id: number;
    data_element_id: number;
    coc_id: number;
    year: string;
    sum: number;
    buckets: number;
  }>`
    select org_unit_id, data_element_id, coc_id, left(bucket, 4) as year,
      sum(sum)::float8 as sum, count(distinct bucket)::int as buckets
    from (
      select org_unit_id, data_element_id, coc_id, bucket, sum from data_value_rollups
      where org_unit_id = any(${units}::int[]) and data_element_id = any(${elements}::int[])
        and bucket = any(${buckets}::text[]) and count > 0
      union all
      select org_unit_id, data_element_id, coc_id, bucket, value from data_values
      where org_unit_id = any(${units}::int[]) and data_element_id = any(${elements}::int[])
        and bucket = any(${buckets}::text[])
    ) t
    group by org_unit_id, data_element_id, coc_id, left(bucket, 4)
  `.execute(db);
  return rows.map((r) => ({
    orgUnitId: r.org_unit_id,
    dataElementId: r.data_element_id,
    cocId: r.coc_id,
    year: Number(r.year),
    sum: r.sum,
    buckets: Number(r.buckets),
  }));
}
