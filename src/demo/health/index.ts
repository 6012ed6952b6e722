// The demo's health world as the imports take it: the metadata items of a DHIS2 export (levels,
// units with their point, data elements, indicator types and indicators) and the monthly values
// as read records, built from places.ts, catalogue.ts and values.ts.
import type { ReadValue } from "../../services/health/data-import.ts";
import type { MetadataItem } from "../../services/health/metadata-import.ts";
import { ELEMENTS, INDICATOR_TYPES, INDICATORS, LEVELS } from "./catalogue.ts";
import { COUNTRY, DISTRICTS, facilityCode, type LngLat, MALI_BORDER, REGIONS } from "./places.ts";
import { uidFor } from "./random.ts";
import { type DemoValue, demoValues } from "./values.ts";

export { ELEMENTS, INDICATORS, LEVELS, TARGETS } from "./catalogue.ts";
export { DISTRICT_FIGURES, REGION_FIGURES } from "./values.ts";

const OPENED = "1990-01-01T00:00:00.000";
const point = (at: LngLat) => ({ type: "Point", coordinates: [at[0], at[1]] });
// The country carries its (simplified) border as a closed GeoJSON ring; every other unit a point.
const border = () => ({
  type: "Polygon",
  coordinates: [[...MALI_BORDER, ...MALI_BORDER.slice(0, 1)].map((p) => [p[0], p[1]])],
});

export interface DemoUnit {
  uid: string;
  code: string;
  name: string;
  level: number;
  parent: string | null; // uid
  at: LngLat;
}

/** Every unit, parents before children. */
export function demoUnits(): DemoUnit[] {
  const country = { ...COUNTRY, uid: uidFor(COUNTRY.code), level: 1, parent: null };
  const regions = REGIONS.map((r) => ({
    ...r,
    uid: uidFor(r.code),
    level: 2,
    parent: country.uid,
  }));
  const districts = DISTRICTS.map((d) => ({
    code: d.code,
    name: d.name,
    at: d.at,
    uid: uidFor(d.code),
    level: 3,
    parent: uidFor(d.region),
  }));
  const facilities = DISTRICTS.flatMap((d) =>
    d.facilities.map((f) => ({
      code: facilityCode(d, f),
      name: f.name,
      at: f.at,
      uid: uidFor(facilityCode(d, f)),
      level: 4,
      parent: uidFor(d.code),
    })),
  );
  return [country, ...regions, ...districts, ...facilities];
}

export function demoMetadata(): MetadataItem[] {
  const items: MetadataItem[] = [];
  for (const l of LEVELS)
    items.push({ kind: "organisationUnitLevel", id: l.uid, level: l.level, name: l.name.fr });
  for (const u of demoUnits())
    items.push({
      kind: "organisationUnit",
      id: u.uid,
      code: u.code,
      name: u.name,
      shortName: null,
      level: u.level,
      path: null,
      parent: u.parent,
      openingDate: OPENED,
      closedDate: null,
      geometry: u.level === 1 ? border() : point(u.at),
    });
  for (const e of ELEMENTS)
    items.push({
      kind: "dataElement",
      id: e.uid,
      code: e.code,
      name: e.name.fr,
      shortName: e.shortName,
      valueType: "INTEGER_ZERO_OR_POSITIVE",
      aggregationType: "SUM",
      domainType: "AGGREGATE",
      categoryCombo: null,
    });
  for (const t of INDICATOR_TYPES)
    items.push({
      kind: "indicatorType",
      id: t.uid,
      code: null,
      name: t.name,
      factor: t.factor,
      number: t.number,
    });
  for (const i of INDICATORS)
    items.push({
      kind: "indicator",
      id: i.uid,
      code: i.code,
      name: i.name.fr,
      shortName: null,
      numerator: i.numerator,
      denominator: i.denominator,
      numeratorDescription: i.numeratorDescription,
      denominatorDescription: i.denominatorDescription,
      indicatorType: i.type,
      annualized: false,
      decimals: i.decimals,
    });
  return items;
}

/** The values as records of a data value set, the unit named by its code. */
export function demoRecords(values: readonly DemoValue[] = demoValues()): ReadValue[] {
  return values.map((v, i) => ({
    line: i + 1,
    dataElement: v.element,
    period: v.period,
    orgUnit: v.orgUnit,
    categoryOptionCombo: null,
    attributeOptionCombo: null,
    value: String(v.value),
    comment: null,
    followUp: false,
    deleted: false,
    storedBy: "demo",
    created: null,
    lastUpdated: null,
  }));
}

export { demoValues };
