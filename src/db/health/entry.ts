// What the data-entry form reads: the facilities (units without children) with their parent's
// name, the numeric data elements with the option combos each is entered by, one unit's stored
// values for one period, and its recent history per element (to flag a value far outside it).
import { sql } from "kysely";
import type { Executor } from "../shared/audit.ts";

export interface EntryUnit {
  id: number;
  key: string;
  name: string;
  parentName: string | null;
}

/** Units without children, by parent then name, each keyed by uid (else code). */
export async function entryUnits(db: Executor): Promise<EntryUnit[]> {
  const { rows } = await sql<{ id: number; key: string; name: string; parent: string | null }>`
    select u.id, coalesce(u.uid, u.code, u.id::text) as key, u.name, p.name as parent
    from org_units u left join org_units p on p.id = u.parent_id
    where not exists (select 1 from org_units c where c.parent_id = u.id)
    order by p.name nulls first, u.name
  `.execute(db);
  return rows.map((r) => ({ id: r.id, key: r.key, name: r.name, parentName: r.parent }));
}

export interface EntryElement {
  id: number;
  key: string;
  name: string;
  valueType: string;
  /** The combos a value is entered by: the element's combo's, else the default one. */
  combos: { id: number; key: string; name: string }[];
}

export async function entryElements(db: Executor, defaultCombo: number): Promise<EntryElement[]> {
  const elements = await db
    .selectFrom("data_elements")
    .select(["id", "uid", "code", "name", "value_type", "category_combo_id"])
    .orderBy("name")
    .execute();
  const combos = await db
    .selectFrom("category_option_combos")
    .select(["id", "uid", "code", "name", "category_combo_id", "is_default"])
    .orderBy("name")
    .execute();
  const keyOf = (r: { id: number; uid: string | null; code: string | null }) =>
    r.uid ?? r.code ?? String(r.id);
  const def = combos.find((c) => c.id === defaultCombo);
  return elements.map((e) => {
    const own = combos.filter(
      (c) =>
        !c.is_default &&
        c.category_combo_id !== null &&
        c.category_combo_id === e.category_combo_id,
    );
    const list = own.length > 0 ? own : def ? [def] : [];
    return {
      id: e.id,
      key: keyOf(e),
      name: e.name,
      valueType: e.value_type,
      combos: list.map((c) => ({ id: c.id, key: keyOf(c), name: c.name })),
    };
  });
}

/** One unit's stored values for one period, by "element id|combo id". */
export async function entryValues(
  db: Executor,
  orgUnitId: number,
  period: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("data_values")
    .select(["data_element_id", "coc_id", "value"])
    .where("org_unit_id", "=", orgUnitId)
    .where("period", "=", period)
    .execute();
  return new Map(rows.map((r) => [`${r.data_element_id}|${r.coc_id}`, r.value]));
}

/** The unit's values of the given buckets, by "element id|combo id". */
export async function unitHistory(
  db: Executor,
  orgUnitId: number,
  buckets: readonly string[],
): Promise<Map<string, number[]>> {
  if (buckets.length === 0) return new Map();
  const rows = await db
    .selectFrom("data_values")
    .select(["data_element_id", "coc_id", "value"])
    .where("org_unit_id", "=", orgUnitId)
    .where("bucket", "in", buckets)
    .execute();
  const map = new Map<string, number[]>();
  for (const r of rows) {
    const k = `${r.data_element_id}|${r.coc_id}`;
    const list = map.get(k) ?? [];
    list.push(r.value);
    map.set(k, list);
  }
  return map;
}

export interface HistoryValue {
  orgUnitId: number;
  dataElementId: number;
  cocId: number;
  bucket: string;
  value: number;
}

/** The stored values of the given units and elements in the given buckets: a file's history. */
export async function unitsHistory(
  db: Executor,
  orgUnitIds: readonly number[],
  dataElementIds: readonly number[],
  buckets: readonly string[],
): Promise<HistoryValue[]> {
  if (orgUnitIds.length === 0 || dataElementIds.length === 0 || buckets.length === 0) return [];
  const rows = await db
    .selectFrom("data_values")
    .select(["org_unit_id", "data_element_id", "coc_id", "bucket", "value"])
    .where("org_unit_id", "in", orgUnitIds)
    .where("data_element_id", "in", dataElementIds)
    .where("bucket", "in", buckets)
    .execute();
  return rows.map((r) => ({
    orgUnitId: r.org_unit_id,
    dataElementId: r.data_element_id,
    cocId: r.coc_id,
    bucket: r.bucket,
    value: r.value,
  }));
}
