// The objects of a DHIS2 metadata export (`/api/metadata`) Jalon keeps, one typed item per
// element of each collection it knows; unknown keys and collections are ignored, and an element
// without an id is reported as skipped rather than guessed at. Also the category combos as ADX
// resolution needs them. Pure.
import type { AdxCombo } from "../map.ts";

/** The collections read, by their key in the export, and the kind of item each one gives. */
export const METADATA_COLLECTIONS = {
  organisationUnits: "organisationUnit",
  organisationUnitLevels: "organisationUnitLevel",
  dataElements: "dataElement",
  categoryCombos: "categoryCombo",
  categories: "category",
  categoryOptions: "categoryOption",
  categoryOptionCombos: "categoryOptionCombo",
  indicators: "indicator",
  indicatorTypes: "indicatorType",
} as const;
export type MetadataCollection = keyof typeof METADATA_COLLECTIONS;

export type Geometry = { type: string; coordinates: unknown };

interface Named {
  id: string;
  code: string | null;
  name: string | null;
}

export type MetadataItem =
  | (Named & {
      kind: "organisationUnit";
      shortName: string | null;
      level: number | null;
      path: string | null;
      parent: string | null;
      openingDate: string | null;
      closedDate: string | null;
      geometry: Geometry | null;
    })
  | { kind: "organisationUnitLevel"; id: string | null; level: number; name: string | null }
  | (Named & {
      kind: "dataElement";
      shortName: string | null;
      valueType: string | null;
      aggregationType: string | null;
      domainType: string | null;
      categoryCombo: string | null;
    })
  | (Named & {
      kind: "categoryCombo";
      dataDimensionType: string | null;
      categories: string[];
      categoryOptionCombos: string[];
    })
  | (Named & { kind: "category"; dataDimensionType: string | null; categoryOptions: string[] })
  | (Named & {
      kind: "categoryOption";
      shortName: string | null;
      startDate: string | null;
      endDate: string | null;
    })
  | (Named & {
      kind: "categoryOptionCombo";
      categoryCombo: string | null;
      categoryOptions: string[];
    })
  | (Named & {
      kind: "indicator";
      shortName: string | null;
      numerator: string | null;
      denominator: string | null;
      numeratorDescription: string | null;
      denominatorDescription: string | null;
      indicatorType: string | null;
      annualized: boolean;
      decimals: number | null;
    })
  | (Named & { kind: "indicatorType"; factor: number | null; number: boolean })
  /** An element that could not be read: not an object, or without its id (or level). */
  | { kind: "skipped"; collection: MetadataCollection; index: number; reason: string };

export type MetadataKind = MetadataItem["kind"];

type Obj = Readonly<Record<string, unknown>>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : null;
const num = (v: unknown): number | null => {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
/** A reference `{ "id": … }` (or a bare id, as some exports write it). */
const ref = (v: unknown): string | null => (isObj(v) ? str(v.id) : str(v));
const refs = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(ref).filter((id): id is string => id !== null) : [];

/**
 * Where an org unit is. Exports before DHIS2 2.32 wrote `featureType` and `coordinates` (a JSON
 * text); later ones a GeoJSON `geometry`.
 */
function geometryOf(o: Obj): Geometry | null {
  if (isObj(o.geometry) && typeof o.geometry.type === "string" && "coordinates" in o.geometry)
    return { type: o.geometry.type, coordinates: o.geometry.coordinates };
  const legacy: Record<string, string> = {
    POINT: "Point",
    POLYGON: "Polygon",
    MULTI_POLYGON: "MultiPolygon",
  };
  const type = typeof o.featureType === "string" ? legacy[o.featureType] : undefined;
  if (type === undefined || typeof o.coordinates !== "string") return null;
  try {
    return { type, coordinates: JSON.parse(o.coordinates) };
  } catch {
    return null;
  }
}

/** One element of a known collection, as its typed item. */
export function metadataItem(
  collection: MetadataCollection,
  element: unknown,
  index: number,
): MetadataItem {
  const skipped = (reason: string): MetadataItem => ({
    kind: "skipped",
    collection,
    index,
    reason,
  });
  if (!isObj(element)) return skipped("not_object");
  const o = element;
  if (collection === "organisationUnitLevels") {
    const level = num(o.level);
    if (level === null) return skipped("missing_level");
    return { kind: "organisationUnitLevel", id: str(o.id), level, name: str(o.name) };
  }
  const id = str(o.id);
  if (id === null) return skipped("missing_id");
  const named = { id, code: str(o.code), name: str(o.name) };
  switch (collection) {
    case "organisationUnits":
      return {
        kind: "organisationUnit",
        ...named,
        shortName: str(o.shortName),
        level: num(o.level),
        path: str(o.path),
        parent: ref(o.parent),
        openingDate: str(o.openingDate),
        closedDate: str(o.closedDate),
        geometry: geometryOf(o),
      };
    case "dataElements":
      return {
        kind: "dataElement",
        ...named,
        shortName: str(o.shortName),
        valueType: str(o.valueType),
        aggregationType: str(o.aggregationType),
        domainType: str(o.domainType),
        categoryCombo: ref(o.categoryCombo),
      };
    case "categoryCombos":
      return {
        kind: "categoryCombo",
        ...named,
        dataDimensionType: str(o.dataDimensionType),
        categories: refs(o.categories),
        categoryOptionCombos: refs(o.categoryOptionCombos),
      };
    case "categories":
      return {
        kind: "category",
        ...named,
        dataDimensionType: str(o.dataDimensionType),
        categoryOptions: refs(o.categoryOptions),
      };
    case "categoryOptions":
      return {
        kind: "categoryOption",
        ...named,
        shortName: str(o.shortName),
        startDate: str(o.startDate),
        endDate: str(o.endDate),
      };
    case "categoryOptionCombos":
      return {
        kind: "categoryOptionCombo",
        ...named,
        categoryCombo: ref(o.categoryCombo),
        categoryOptions: refs(o.categoryOptions),
      };
    case "indicators":
      return {
        kind: "indicator",
        ...named,
        shortName: str(o.shortName),
        numerator: str(o.numerator),
        denominator: str(o.denominator),
        numeratorDescription: str(o.numeratorDescription),
        denominatorDescription: str(o.denominatorDescription),
        indicatorType: ref(o.indicatorType),
        annualized: o.annualized === true,
        decimals: num(o.decimals),
      };
    case "indicatorTypes":
      return { kind: "indicatorType", ...named, factor: num(o.factor), number: o.number === true };
  }
}

type Of<K extends MetadataKind> = Extract<MetadataItem, { kind: K }>;

/**
 * The category combos with their option combos keyed by category and option codes (ADX's
 * default scheme; `scheme: "id"` for files exported with uids). A category or option without a
 * code is keyed by its id. Option combos whose options do not cover the combo are left out.
 */
export function adxCombos(
  items: Iterable<MetadataItem>,
  scheme: "code" | "id" = "code",
): AdxCombo[] {
  const combos: Of<"categoryCombo">[] = [];
  const categories = new Map<string, Of<"category">>();
  const optionKeys = new Map<string, string>();
  const optionCombos = new Map<string, Of<"categoryOptionCombo">>();
  for (const item of items) {
    if (item.kind === "categoryCombo") combos.push(item);
    else if (item.kind === "category") categories.set(item.id, item);
    else if (item.kind === "categoryOption")
      optionKeys.set(item.id, scheme === "code" ? (item.code ?? item.id) : item.id);
    else if (item.kind === "categoryOptionCombo") optionCombos.set(item.id, item);
  }
  const keyOf = (c: Of<"category">) => (scheme === "code" ? (c.code ?? c.id) : c.id);
  return combos.map((combo) => {
    const cats = combo.categories.flatMap((id) => categories.get(id) ?? []);
    // A combo's option combos are listed on the combo, or only point back to it.
    const members = new Set(combo.categoryOptionCombos);
    for (const oc of optionCombos.values()) if (oc.categoryCombo === combo.id) members.add(oc.id);
    const resolved = [...members].flatMap((ocId) => {
      const oc = optionCombos.get(ocId);
      if (!oc) return [];
      const options: Record<string, string> = {};
      for (const cat of cats) {
        const option = oc.categoryOptions.find((o) => cat.categoryOptions.includes(o));
        if (option === undefined) return [];
        options[keyOf(cat)] = optionKeys.get(option) ?? option;
      }
      return [{ id: oc.id, options }];
    });
    return {
      id: combo.id,
      name: combo.name ?? "",
      categories: cats.map(keyOf),
      optionCombos: resolved,
    };
  });
}
