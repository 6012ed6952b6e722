// The organisation-unit file: a CSV with one unit a line (code, name, parent's code, level or
// level name, and optionally a DHIS2 uid, a short name, a point as latitude and longitude or a
// GeoJSON geometry, opening and closing days). Headers may be written in French or English;
// parents may come after their children. The template the imports page offers is written here.

export const UNIT_COLUMNS = [
  "code",
  "name",
  "parent",
  "level",
  "uid",
  "shortName",
  "latitude",
  "longitude",
  "geometry",
  "openingDate",
  "closedDate",
] as const;
export type UnitColumn = (typeof UNIT_COLUMNS)[number];

export const UNIT_REQUIRED: readonly UnitColumn[] = ["code", "name", "parent"];

/** Each column's spellings, compared without accents, case, spaces or punctuation. */
export const UNIT_ALIASES: Readonly<Record<UnitColumn, readonly string[]>> = {
  code: ["code", "unit code", "org unit code", "orgunit code", "code unité", "code structure"],
  name: ["name", "nom", "libellé", "unit name", "nom de l’unité", "désignation"],
  parent: [
    "parent",
    "parent code",
    "code parent",
    "code du parent",
    "unité parente",
    "unité mère",
    "parent unit",
  ],
  level: ["level", "niveau", "level name", "nom du niveau"],
  uid: ["uid", "id", "dhis2 uid", "uid dhis2", "dhis2 id", "identifiant dhis2"],
  shortName: ["short name", "shortname", "nom court"],
  latitude: ["latitude", "lat"],
  longitude: ["longitude", "lon", "lng", "long"],
  geometry: ["geometry", "géométrie", "geojson", "coordinates", "coordonnées"],
  openingDate: ["opening date", "opened", "date d’ouverture", "ouverture", "date ouverture"],
  closedDate: [
    "closed date",
    "closing date",
    "closed",
    "date de fermeture",
    "fermeture",
    "date fermeture",
  ],
};

/** Limits of one file: a country's tree is a few tens of thousands of units. */
export const UNIT_FILE_LIMITS = { rows: 100_000, bytes: 50 * 1024 * 1024 } as const;

/** Why a line of the file is refused; a line may have several. */
export const UNIT_ROW_PROBLEMS = [
  "code_missing",
  "code_too_long",
  "name_missing",
  "name_too_long",
  "invalid_uid",
  "invalid_level",
  "unknown_level",
  "invalid_coordinates",
  "coordinates_incomplete",
  "invalid_geometry",
  "invalid_opening_date",
  "invalid_closed_date",
  "closed_before_opening",
  "duplicate_code",
  "duplicate_uid",
  "unknown_parent",
  "cycle",
  "move_under_descendant",
  "level_mismatch",
  "parent_rejected",
  "code_taken",
] as const;
export type UnitRowProblem = (typeof UNIT_ROW_PROBLEMS)[number];

export const MAX_CODE = 50;
export const MAX_NAME = 230;

/** A DHIS2 uid: a letter then ten letters or digits. */
export const isDhis2Uid = (text: string): boolean => /^[A-Za-z][A-Za-z0-9]{10}$/.test(text);

/** The template's header in each language (both are read back) and its example lines. */
export const UNIT_TEMPLATE = {
  header: {
    fr: [
      "code",
      "nom",
      "code parent",
      "niveau",
      "uid",
      "latitude",
      "longitude",
      "date d’ouverture",
      "date de fermeture",
    ],
    en: [
      "code",
      "name",
      "parent code",
      "level",
      "uid",
      "latitude",
      "longitude",
      "opening date",
      "closed date",
    ],
  },
  rows: [
    ["MLI", "Mali", "", "1", "", "", "", "", ""],
    ["SEG", "Ségou", "MLI", "2", "", "", "", "", ""],
    ["SEG-BAR", "Barouéli", "SEG", "3", "", "", "", "", ""],
    ["SEG-BAR-BOI", "CSCom Boidié", "SEG-BAR", "4", "", "13.0763", "-6.8365", "2012-03-01", ""],
  ],
} as const;
