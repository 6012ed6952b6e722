// Checking one incoming data value (from a DHIS2 file, a server pull, a spreadsheet or a form)
// against the catalogue: its unit, element, combos and period must be known, the unit open in
// that period, and the value fit its element's type. The result is the value ready to store, or
// the reason it is refused — never a throw, so an import reports every bad row at once.
import { checkValue, isValueType, type ValueRefusal } from "./data-values.ts";
import { isFinerThanMonth, monthOfValue, parsePeriod } from "./periods.ts";

/** A value as a reader gives it: identifiers as written (uid or code), the value as text. */
export interface IncomingValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string | null;
  attributeOptionCombo: string | null;
  /** ADX's disaggregation: category code → option code, when no combo is named. */
  categoryOptions?: Readonly<Record<string, string>> | undefined;
  value: string | number | boolean | null;
  comment: string | null;
  followUp: boolean;
  deleted: boolean;
  storedBy: string | null;
  created: string | null;
  lastUpdated: string | null;
}

export interface CatalogueView {
  unit(
    key: string,
  ): { id: number; openingDate: string | null; closedDate: string | null } | undefined;
  /** An element with the names it is known by (a formula may name either). */
  element(key: string):
    | {
        id: number;
        uid: string | null;
        code: string | null;
        valueType: string;
        comboId: number | null;
      }
    | undefined;
  optionCombo(key: string): { id: number; comboId: number | null } | undefined;
  /** The combo an ADX disaggregation names within the element's category combo. */
  optionComboFor(
    comboId: number | null,
    options: Readonly<Record<string, string>>,
  ): number | undefined;
  defaultOptionCombo: number;
  /** The canonical period, its roll-up bucket and its dates; undefined when not a period. */
  period(text: string): { id: string; bucket: string; start: string; end: string } | undefined;
}

/**
 * The catalogue as plain maps (uid and code → row), which a worker thread can be handed: what
 * `catalogueView` builds the checks' view from.
 */
export interface CatalogueData {
  units: ReadonlyMap<string, { id: number; openingDate: string | null; closedDate: string | null }>;
  elements: ReadonlyMap<
    string,
    {
      id: number;
      uid: string | null;
      code: string | null;
      valueType: string;
      comboId: number | null;
    }
  >;
  combos: ReadonlyMap<
    string,
    { id: number; comboId: number | null; options: Readonly<Record<string, string>> }
  >;
  defaultOptionCombo: number;
}

/** The checks' view of a catalogue; periods are parsed once each. */
export function catalogueView(data: CatalogueData): CatalogueView {
  const byCombo = new Map<
    number | null,
    { id: number; options: Readonly<Record<string, string>> }[]
  >();
  for (const c of new Set(data.combos.values())) {
    const list = byCombo.get(c.comboId) ?? [];
    list.push({ id: c.id, options: c.options });
    byCombo.set(c.comboId, list);
  }
  const periods = new Map<
    string,
    { id: string; bucket: string; start: string; end: string } | undefined
  >();
  return {
    unit: (k) => data.units.get(k),
    element: (k) => data.elements.get(k),
    optionCombo: (k) => data.combos.get(k),
    optionComboFor(comboId, options) {
      const names = Object.keys(options);
      const candidates =
        comboId === null ? [...byCombo.values()].flat() : (byCombo.get(comboId) ?? []);
      const hits = candidates.filter(
        (c) =>
          Object.keys(c.options).length === names.length &&
          names.every((n) => c.options[n] === options[n]),
      );
      return hits.length === 1 ? hits[0]?.id : undefined;
    },
    defaultOptionCombo: data.defaultOptionCombo,
    period(text) {
      if (periods.has(text)) return periods.get(text);
      const p = parsePeriod(text);
      const view = p
        ? {
            id: p.id,
            bucket: isFinerThanMonth(p.type) || p.type === "Monthly" ? monthOfValue(p) : p.id,
            start: p.start,
            end: p.end,
          }
        : undefined;
      periods.set(text, view);
      return view;
    },
  };
}

export type IntakeRefusal =
  | "unknown_org_unit"
  | "unknown_data_element"
  | "unknown_category_option_combo"
  | "unknown_attribute_option_combo"
  | "combo_not_of_element"
  | "invalid_period"
  | "org_unit_closed"
  | "value_type_unsupported"
  | ValueRefusal;

export interface CheckedValue {
  orgUnitId: number;
  dataElementId: number;
  period: string;
  cocId: number;
  aocId: number;
  bucket: string;
  value: number | null;
  deleted: boolean;
  comment: string | null;
  followUp: boolean;
  storedBy: string | null;
  created: string | null;
  lastUpdated: string | null;
}

export function checkIncoming(
  v: IncomingValue,
  c: CatalogueView,
): { ok: true; value: CheckedValue } | { ok: false; reason: IntakeRefusal } {
  const element = c.element(v.dataElement);
  if (!element) return { ok: false, reason: "unknown_data_element" };
  const unit = c.unit(v.orgUnit);
  if (!unit) return { ok: false, reason: "unknown_org_unit" };
  const period = c.period(v.period);
  if (!period) return { ok: false, reason: "invalid_period" };
  if (
    (unit.openingDate !== null && period.end < unit.openingDate) ||
    (unit.closedDate !== null && period.start > unit.closedDate)
  )
    return { ok: false, reason: "org_unit_closed" };
  let cocId: number;
  if (v.categoryOptionCombo) {
    const coc = c.optionCombo(v.categoryOptionCombo);
    if (!coc) return { ok: false, reason: "unknown_category_option_combo" };
    if (
      element.comboId !== null &&
      coc.comboId !== null &&
      coc.comboId !== element.comboId &&
      coc.id !== c.defaultOptionCombo
    )
      return { ok: false, reason: "combo_not_of_element" };
    cocId = coc.id;
  } else if (v.categoryOptions && Object.keys(v.categoryOptions).length > 0) {
    const found = c.optionComboFor(element.comboId, v.categoryOptions);
    if (found === undefined) return { ok: false, reason: "unknown_category_option_combo" };
    cocId = found;
  } else cocId = c.defaultOptionCombo;
  let aocId = c.defaultOptionCombo;
  if (v.attributeOptionCombo) {
    const aoc = c.optionCombo(v.attributeOptionCombo);
    if (!aoc) return { ok: false, reason: "unknown_attribute_option_combo" };
    aocId = aoc.id;
  }
  let value: number | null = null;
  if (!v.deleted) {
    if (!isValueType(element.valueType)) return { ok: false, reason: "value_type_unsupported" };
    const checked = checkValue(element.valueType, v.value);
    if (!checked.ok) return { ok: false, reason: checked.reason };
    value = checked.value;
  }
  return {
    ok: true,
    value: {
      orgUnitId: unit.id,
      dataElementId: element.id,
      period: period.id,
      cocId,
      aocId,
      bucket: period.bucket,
      value,
      deleted: v.deleted,
      comment: v.comment,
      followUp: v.followUp,
      storedBy: v.storedBy,
      created: v.created,
      lastUpdated: v.lastUpdated,
    },
  };
}

/** A refused record as an import summary lists it: its line, the reason and what it said. */
export function rejectionOf(
  r: {
    line: number;
    dataElement: string | null;
    orgUnit: string | null;
    period: string | null;
    value: string | null;
  },
  reason: IntakeRefusal,
) {
  return {
    row: r.line,
    reason,
    dataElement: r.dataElement,
    orgUnit: r.orgUnit,
    period: r.period,
    value: r.value,
  };
}
