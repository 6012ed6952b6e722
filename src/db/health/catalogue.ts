// The data catalogue: category combos and their option combos, data elements, constants and
// indicators, saved from metadata (matched by uid, then code) and read back as the lookups an
// import or a query resolves identifiers with. The default combo is found by its flag, never by
// a fixed uid: each DHIS2 instance has its own.
import { sql } from "kysely";
import type { Executor } from "../shared/audit.ts";
import { findId, identityIndex, type Saved, saveIdentified } from "./identity.ts";

type Ref = { uid: string | null; code: string | null };

export interface ComboInput extends Ref {
  name: string;
  isDefault: boolean;
}

export interface OptionComboInput extends Ref {
  name: string;
  combo: Ref | null;
  options: Record<string, string>;
  isDefault: boolean;
}

export interface DataElementInput extends Ref {
  name: string;
  shortName: string | null;
  valueType: string;
  aggregation: "sum" | "average";
  combo: Ref | null;
}

export interface IndicatorInput extends Ref {
  name: string;
  numerator: string;
  denominator: string;
  numeratorDescription: string | null;
  denominatorDescription: string | null;
  factor: number;
  decimals: number | null;
}

export interface ConstantInput extends Ref {
  name: string;
  value: number;
}

const none: Saved = { ids: [], inserted: 0, updated: 0, unchanged: 0 };

/** The default combo and option combo, created on first need; returns the option combo's id. */
export async function defaultOptionCombo(db: Executor): Promise<number> {
  const found = await db
    .selectFrom("category_option_combos")
    .select("id")
    .where("is_default", "=", true)
    .executeTakeFirst();
  if (found) return found.id;
  const combo =
    (await db
      .selectFrom("category_combos")
      .select("id")
      .where("is_default", "=", true)
      .executeTakeFirst()) ??
    (await db
      .insertInto("category_combos")
      .values({ name: "default", is_default: true })
      .returning("id")
      .executeTakeFirstOrThrow());
  const row = await db
    .insertInto("category_option_combos")
    .values({ name: "default", is_default: true, category_combo_id: combo.id, options: "{}" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A default arriving from metadata takes over a default created here without identifiers. */
async function adoptDefault(
  db: Executor,
  table: "category_combos" | "category_option_combos",
  incoming: readonly (Ref & { isDefault: boolean })[],
): Promise<void> {
  const def = incoming.find((c) => c.isDefault);
  if (!def) return;
  await db
    .updateTable(table)
    .set({ uid: def.uid, code: def.code })
    .where("is_default", "=", true)
    .where("uid", "is", null)
    .where("code", "is", null)
    .execute();
}

export async function saveCombos(db: Executor, combos: readonly ComboInput[]): Promise<Saved> {
  if (combos.length === 0) return none;
  await adoptDefault(db, "category_combos", combos);
  const index = await identityIndex(db, "category_combos");
  const rows = combos.map((c) => ({
    uid: c.uid,
    code: c.code,
    name: c.name,
    is_default: c.isDefault,
  }));
  return saveIdentified(db, "category_combos", rows, ["uid", "code", "name", "is_default"], index, {
    touch: false,
  });
}

export async function saveOptionCombos(
  db: Executor,
  combos: readonly OptionComboInput[],
): Promise<Saved> {
  if (combos.length === 0) return none;
  await adoptDefault(db, "category_option_combos", combos);
  const comboIndex = await identityIndex(db, "category_combos");
  const index = await identityIndex(db, "category_option_combos");
  const rows = combos.map((c) => ({
    uid: c.uid,
    code: c.code,
    name: c.name,
    category_combo_id: c.combo ? (findId(comboIndex, c.combo) ?? null) : null,
    options: JSON.stringify(c.options),
    is_default: c.isDefault,
  }));
  return saveIdentified(
    db,
    "category_option_combos",
    rows,
    ["uid", "code", "name", "category_combo_id", "options", "is_default"],
    index,
    { touch: false },
  );
}

export async function saveDataElements(
  db: Executor,
  elements: readonly DataElementInput[],
): Promise<Saved> {
  if (elements.length === 0) return none;
  const comboIndex = await identityIndex(db, "category_combos");
  const index = await identityIndex(db, "data_elements");
  const rows = elements.map((e) => ({
    uid: e.uid,
    code: e.code,
    name: e.name,
    short_name: e.shortName,
    value_type: e.valueType,
    aggregation: e.aggregation,
    category_combo_id: e.combo ? (findId(comboIndex, e.combo) ?? null) : null,
  }));
  return saveIdentified(
    db,
    "data_elements",
    rows,
    ["uid", "code", "name", "short_name", "value_type", "aggregation", "category_combo_id"],
    index,
    { touch: true },
  );
}

export async function saveIndicators(
  db: Executor,
  indicators: readonly IndicatorInput[],
): Promise<Saved> {
  if (indicators.length === 0) return none;
  const index = await identityIndex(db, "health_indicators");
  const rows = indicators.map((i) => ({
    uid: i.uid,
    code: i.code,
    name: i.name,
    numerator: i.numerator,
    denominator: i.denominator,
    numerator_description: i.numeratorDescription,
    denominator_description: i.denominatorDescription,
    factor: i.factor,
    decimals: i.decimals,
  }));
  return saveIdentified(
    db,
    "health_indicators",
    rows,
    [
      "uid",
      "code",
      "name",
      "numerator",
      "denominator",
      "numerator_description",
      "denominator_description",
      "factor",
      "decimals",
    ],
    index,
    { touch: true },
  );
}

export async function saveConstants(
  db: Executor,
  constants: readonly ConstantInput[],
): Promise<Saved> {
  if (constants.length === 0) return none;
  const index = await identityIndex(db, "constants");
  const rows = constants.map((c) => ({ uid: c.uid, code: c.code, name: c.name, value: c.value }));
  return saveIdentified(db, "constants", rows, ["uid", "code", "name", "value"], index, {
    touch: false,
  });
}

export interface ElementRef {
  id: number;
  uid: string | null;
  code: string | null;
  name: string;
  valueType: string;
  aggregation: "sum" | "average";
  comboId: number | null;
}

/** The columns an element's lookup is read from. */
export interface ElementRow {
  id: number;
  uid: string | null;
  code: string | null;
  name: string;
  value_type: string;
  aggregation: string;
  category_combo_id: number | null;
}

/** Data elements by uid and by code. */
export async function dataElementLookup(db: Executor): Promise<Map<string, ElementRef>> {
  const rows = await db
    .selectFrom("data_elements")
    .select(["id", "uid", "code", "name", "value_type", "aggregation", "category_combo_id"])
    .execute();
  return elementMap(rows);
}

/** Data elements by uid and by code, from their rows. */
export function elementMap(rows: readonly ElementRow[]): Map<string, ElementRef> {
  const map = new Map<string, ElementRef>();
  for (const r of rows) {
    const ref: ElementRef = {
      id: r.id,
      uid: r.uid,
      code: r.code,
      name: r.name,
      valueType: r.value_type,
      aggregation: r.aggregation === "average" ? "average" : "sum",
      comboId: r.category_combo_id,
    };
    if (r.code) map.set(r.code, ref);
    if (r.uid) map.set(r.uid, ref);
  }
  return map;
}

export interface OptionComboRef {
  id: number;
  uid: string | null;
  comboId: number | null;
  options: Record<string, string>;
  isDefault: boolean;
}

/** The columns an option combo's lookup is read from. */
export interface OptionComboRow {
  id: number;
  uid: string | null;
  code: string | null;
  category_combo_id: number | null;
  options: Record<string, string>;
  is_default: boolean;
}

/** Option combos by uid and by code. */
export async function optionComboLookup(db: Executor): Promise<Map<string, OptionComboRef>> {
  const rows = await db
    .selectFrom("category_option_combos")
    .select(["id", "uid", "code", "category_combo_id", "options", "is_default"])
    .execute();
  return optionComboMap(rows);
}

/** Option combos by uid and by code, from their rows. */
export function optionComboMap(rows: readonly OptionComboRow[]): Map<string, OptionComboRef> {
  const map = new Map<string, OptionComboRef>();
  for (const r of rows) {
    const ref = {
      id: r.id,
      uid: r.uid,
      comboId: r.category_combo_id,
      options: r.options,
      isDefault: r.is_default,
    };
    if (r.code) map.set(r.code, ref);
    if (r.uid) map.set(r.uid, ref);
  }
  return map;
}

export interface IndicatorRow {
  id: number;
  uid: string | null;
  code: string | null;
  name: string;
  nameEn: string | null;
  numerator: string;
  denominator: string;
  factor: number;
  decimals: number | null;
  isPublic: boolean;
}

/** The columns an indicator is read from. */
export interface IndicatorColumns {
  id: number;
  uid: string | null;
  code: string | null;
  name: string;
  name_en: string | null;
  numerator: string;
  denominator: string;
  factor: number;
  decimals: number | null;
  is_public: boolean;
}

export const indicatorRow = (r: IndicatorColumns): IndicatorRow => ({
  id: r.id,
  uid: r.uid,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  numerator: r.numerator,
  denominator: r.denominator,
  factor: r.factor,
  decimals: r.decimals,
  isPublic: r.is_public,
});

/** One indicator by uid or code. */
export async function findIndicator(db: Executor, key: string): Promise<IndicatorRow | undefined> {
  const r = await db
    .selectFrom("health_indicators")
    .selectAll()
    .where((w) => w.or([w("uid", "=", key), w("code", "=", key)]))
    .orderBy(sql`uid = ${key}`, "desc")
    .executeTakeFirst();
  return r ? indicatorRow(r) : undefined;
}

export async function setIndicatorPublic(
  db: Executor,
  id: number,
  isPublic: boolean,
): Promise<void> {
  await db
    .updateTable("health_indicators")
    .set({ is_public: isPublic, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
}

/** Constants' values by uid and by code. */
export async function constantValues(db: Executor): Promise<Map<string, number>> {
  return constantMap(await db.selectFrom("constants").select(["uid", "code", "value"]).execute());
}

/** Constants' values by uid and by code, from their rows. */
export function constantMap(
  rows: readonly { uid: string | null; code: string | null; value: number }[],
): Map<string, number> {
  const map = new Map<string, number>();
  for (const r of rows) {
    if (r.code) map.set(r.code, r.value);
    if (r.uid) map.set(r.uid, r.value);
  }
  return map;
}

/** Every indicator's name and formulas, for checks over what was entered. */
export async function indicatorFormulas(
  db: Executor,
): Promise<{ name: string; numerator: string; denominator: string }[]> {
  return db.selectFrom("health_indicators").select(["name", "numerator", "denominator"]).execute();
}

/** The ids of the data elements named by uid or code. */
export async function elementIdsByKeys(db: Executor, keys: readonly string[]): Promise<number[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom("data_elements")
    .select("id")
    .where((w) => w.or([w("uid", "in", keys), w("code", "in", keys)]))
    .execute();
  return rows.map((r) => r.id);
}

/** The keys (uid, else code, else id) an analytics query names an indicator and a unit by. */
export async function analyticsKeys(
  db: Executor,
  indicatorId: number,
  orgUnitId: number,
): Promise<{ indicator: string; orgUnit: string; isPublic: boolean } | undefined> {
  const r = await db
    .selectFrom("health_indicators as i")
    .innerJoin("org_units as u", (j) => j.on("u.id", "=", orgUnitId))
    .select([
      "i.id",
      "i.uid",
      "i.code",
      "i.is_public",
      "u.id as unit_id",
      "u.uid as unit_uid",
      "u.code as unit_code",
    ])
    .where("i.id", "=", indicatorId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    indicator: r.uid ?? r.code ?? String(r.id),
    orgUnit: r.unit_uid ?? r.unit_code ?? String(r.unit_id),
    isPublic: r.is_public,
  };
}

/**
 * English names of levels, data elements and indicators (a DHIS2 export carries one language);
 * returns how many rows changed.
 */
export async function saveEnglishNames(
  db: Executor,
  names: {
    levels?: readonly { level: number; nameEn: string }[];
    dataElements?: readonly { uid: string; nameEn: string }[];
    indicators?: readonly { uid: string; nameEn: string }[];
  },
): Promise<number> {
  let changed = 0;
  for (const l of names.levels ?? []) {
    const r = await db
      .updateTable("org_unit_levels")
      .set({ name_en: l.nameEn })
      .where("level", "=", l.level)
      .where(sql<boolean>`name_en is distinct from ${l.nameEn}`)
      .executeTakeFirst();
    changed += Number(r.numUpdatedRows);
  }
  for (const [table, list] of [
    ["data_elements", names.dataElements ?? []],
    ["health_indicators", names.indicators ?? []],
  ] as const)
    for (const item of list) {
      const r = await db
        .updateTable(table)
        .set({ name_en: item.nameEn, updated_at: sql`now()` })
        .where("uid", "=", item.uid)
        .where(sql<boolean>`name_en is distinct from ${item.nameEn}`)
        .executeTakeFirst();
      changed += Number(r.numUpdatedRows);
    }
  return changed;
}
