// One line of an organisation-unit file turned into a unit as typed, with every fault of the
// line itself (a missing code, a bad uid, a latitude out of range, a closing day before the
// opening one). What needs the rest of the file or the stored tree (parents, duplicates, levels
// by name) is judged by the import service.
import { matchColumns, parseDay } from "../../../domain/health/file-columns.ts";
import {
  isDhis2Uid,
  MAX_CODE,
  MAX_NAME,
  UNIT_ALIASES,
  UNIT_REQUIRED,
  type UnitColumn,
  type UnitRowProblem,
} from "../../../domain/health/unit-file.ts";

export type UnitColumns = Partial<Record<UnitColumn, number>>;

export type UnitHeader =
  | { ok: true; columns: UnitColumns }
  | { ok: false; missing: UnitColumn[]; duplicate: UnitColumn[] };

/** The columns of the header line; code, name and parent must be there. */
export function unitColumns(header: readonly string[]): UnitHeader {
  const m = matchColumns<UnitColumn>(header, UNIT_ALIASES, UNIT_REQUIRED);
  return m.ok ? { ok: true, columns: m.columns } : m;
}

export interface UnitLine {
  /** The line in the file, from 1 (the header). */
  line: number;
  code: string;
  name: string;
  /** The parent's code (or uid) as typed; null for a root. */
  parent: string | null;
  /** A level number, a level's name to look up, or nothing said. */
  level: { number: number } | { name: string } | null;
  uid: string | null;
  shortName: string | null;
  geometry: unknown;
  openingDate: string | null;
  closedDate: string | null;
  problems: UnitRowProblem[];
}

const GEOMETRY_TYPES = ["Point", "MultiPoint", "Polygon", "MultiPolygon", "LineString"];

/** A coordinate as typed, with a decimal comma or point; null when it is not one. */
function coordinate(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

function geometryOf(text: string): unknown | null {
  try {
    const g = JSON.parse(text) as { type?: unknown; coordinates?: unknown };
    if (
      g !== null &&
      typeof g === "object" &&
      typeof g.type === "string" &&
      GEOMETRY_TYPES.includes(g.type) &&
      Array.isArray(g.coordinates)
    )
      return { type: g.type, coordinates: g.coordinates };
  } catch {
    // Not JSON: refused below.
  }
  return null;
}

export function unitLine(cells: readonly string[], columns: UnitColumns, line: number): UnitLine {
  const cell = (k: UnitColumn) => {
    const i = columns[k];
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };
  const problems: UnitRowProblem[] = [];
  const code = cell("code");
  if (code === "") problems.push("code_missing");
  else if (code.length > MAX_CODE) problems.push("code_too_long");
  const name = cell("name");
  if (name === "") problems.push("name_missing");
  else if (name.length > MAX_NAME) problems.push("name_too_long");
  const uid = cell("uid");
  if (uid !== "" && !isDhis2Uid(uid)) problems.push("invalid_uid");

  let level: UnitLine["level"] = null;
  const levelText = cell("level");
  if (/^\d+$/.test(levelText)) {
    const n = Number(levelText);
    if (n < 1 || n > 20) problems.push("invalid_level");
    else level = { number: n };
  } else if (levelText !== "") level = { name: levelText };

  let geometry: unknown = null;
  const lat = cell("latitude");
  const lon = cell("longitude");
  const shape = cell("geometry");
  if (lat !== "" || lon !== "") {
    if (lat === "" || lon === "") problems.push("coordinates_incomplete");
    else {
      const y = coordinate(lat);
      const x = coordinate(lon);
      if (y === null || x === null || Math.abs(y) > 90 || Math.abs(x) > 180)
        problems.push("invalid_coordinates");
      else geometry = { type: "Point", coordinates: [x, y] };
    }
  } else if (shape !== "") {
    geometry = geometryOf(shape);
    if (geometry === null) problems.push("invalid_geometry");
  }

  const opening = cell("openingDate");
  const closed = cell("closedDate");
  const openingDate = opening === "" ? null : parseDay(opening);
  const closedDate = closed === "" ? null : parseDay(closed);
  if (opening !== "" && openingDate === null) problems.push("invalid_opening_date");
  if (closed !== "" && closedDate === null) problems.push("invalid_closed_date");
  if (openingDate !== null && closedDate !== null && closedDate < openingDate)
    problems.push("closed_before_opening");

  const parent = cell("parent");
  const shortName = cell("shortName");
  return {
    line,
    code,
    name,
    parent: parent === "" ? null : parent,
    level,
    uid: uid === "" ? null : uid,
    shortName: shortName === "" ? null : shortName.slice(0, MAX_NAME),
    geometry,
    openingDate,
    closedDate,
    problems,
  };
}
