// A facility file's lines turned into the records every data-value import takes: the layout
// (one value a line, or one column per data element) told from the header, the period read as
// people write months, empty values skipped. Nothing is judged here beyond the layout: units,
// elements, combos, periods and values are checked by the import, row by row.
import { FACILITY_ALIASES, type FacilityColumn } from "../../../domain/health/facility-file.ts";
import { matchColumns, parseMonth } from "../../../domain/health/file-columns.ts";
import type { IncomingValue } from "../../../domain/health/intake.ts";

/** A value as the import reads it (the import service's `ReadValue`). */
export type FacilityRecord = Omit<IncomingValue, "dataElement" | "period" | "orgUnit" | "value"> & {
  line: number;
  dataElement: string | null;
  period: string | null;
  orgUnit: string | null;
  value: string | null;
};

export type FacilityLayout =
  | { kind: "long"; columns: Partial<Record<FacilityColumn, number>> }
  | {
      kind: "wide";
      facility: number;
      period: number;
      /** The element (and combo) of each value column. */
      values: { index: number; dataElement: string; combo: string | null }[];
    };

export type FacilityHeader =
  | { ok: true; layout: FacilityLayout }
  | { ok: false; missing: FacilityColumn[]; duplicate: FacilityColumn[] };

/** The layout a header says: long when it names a value column, wide otherwise. */
export function facilityLayout(header: readonly string[]): FacilityHeader {
  const m = matchColumns<FacilityColumn>(header, FACILITY_ALIASES, ["facility", "period"]);
  if (!m.ok) return m;
  const { columns, others } = m;
  if (columns.value !== undefined || columns.dataElement !== undefined) {
    const missing = (["dataElement", "value"] as const).filter((k) => columns[k] === undefined);
    if (missing.length > 0) return { ok: false, missing: [...missing], duplicate: [] };
    return { ok: true, layout: { kind: "long", columns } };
  }
  if (others.length === 0) return { ok: false, missing: ["dataElement", "value"], duplicate: [] };
  return {
    ok: true,
    layout: {
      kind: "wide",
      facility: columns.facility as number,
      period: columns.period as number,
      values: others.map(({ index, header: h }) => {
        const dot = h.indexOf(".");
        return dot > 0
          ? { index, dataElement: h.slice(0, dot), combo: h.slice(dot + 1) }
          : { index, dataElement: h, combo: null };
      }),
    },
  };
}

const record = (
  line: number,
  orgUnit: string,
  period: string,
  dataElement: string,
  combo: string | null,
  value: string,
): FacilityRecord => ({
  line,
  dataElement: dataElement === "" ? null : dataElement,
  // A month as people write it, else the text as typed for the import to judge.
  period: period === "" ? null : (parseMonth(period) ?? period),
  orgUnit: orgUnit === "" ? null : orgUnit,
  categoryOptionCombo: combo === null || combo === "" ? null : combo,
  attributeOptionCombo: null,
  // Spaces between thousands ("1 234") are how people type counts.
  value: value.replace(/[ \u00a0\u202f]/g, ""),
  comment: null,
  followUp: false,
  deleted: false,
  storedBy: null,
  created: null,
  lastUpdated: null,
});

/** The values of one line (none when its value cells are empty). */
export function facilityRecords(
  cells: readonly string[],
  layout: FacilityLayout,
  line: number,
): FacilityRecord[] {
  const at = (i: number | undefined) => (i === undefined ? "" : (cells[i] ?? "").trim());
  if (layout.kind === "long") {
    const c = layout.columns;
    const value = at(c.value);
    if (value === "") return [];
    return [
      record(line, at(c.facility), at(c.period), at(c.dataElement), at(c.combo) || null, value),
    ];
  }
  const unit = at(layout.facility);
  const period = at(layout.period);
  return layout.values.flatMap((v) => {
    const value = at(v.index);
    return value === "" ? [] : [record(line, unit, period, v.dataElement, v.combo, value)];
  });
}
