// The organisation-unit file's lines as typed: headers in French or English whatever their
// accents and case, every fault of a line found at once, points and GeoJSON, days as people
// write them — and the months and days a facility's file may hold.
import { describe, expect, it } from "vitest";
import { parseDay, parseMonth } from "../../../src/domain/health/file-columns.ts";
import { unitColumns, unitLine } from "../../../src/importers/health/units/map.ts";

describe("the organisation-unit file", () => {
  it("reads headers in French or English, and names the missing or doubled columns", () => {
    const fr = unitColumns([
      "Code",
      "Nom",
      "Code parent",
      "Niveau",
      "Date d'ouverture",
      "Lat",
      "Long",
    ]);
    expect(fr).toEqual({
      ok: true,
      columns: { code: 0, name: 1, parent: 2, level: 3, openingDate: 4, latitude: 5, longitude: 6 },
    });
    expect(unitColumns(["code", "name", "parent_code", "closing_date", "UID"])).toMatchObject({
      ok: true,
      columns: { parent: 2, closedDate: 3, uid: 4 },
    });
    expect(unitColumns(["code", "libellé"])).toEqual({
      ok: false,
      missing: ["parent"],
      duplicate: [],
    });
    expect(unitColumns(["code", "nom", "name", "parent"])).toMatchObject({
      ok: false,
      duplicate: ["name"],
    });
  });

  it("turns a good line into a unit, with its point and its days", () => {
    const h = unitColumns([
      "code",
      "nom",
      "parent",
      "niveau",
      "latitude",
      "longitude",
      "ouverture",
    ]);
    if (!h.ok) throw new Error("header");
    const u = unitLine(
      ["BOI", " CSCom Boidié ", "BAR", "4", "13,07", "-6.83", "01/03/2012"],
      h.columns,
      5,
    );
    expect(u).toMatchObject({
      line: 5,
      code: "BOI",
      name: "CSCom Boidié",
      parent: "BAR",
      level: { number: 4 },
      geometry: { type: "Point", coordinates: [-6.83, 13.07] },
      openingDate: "2012-03-01",
      closedDate: null,
      problems: [],
    });
    expect(unitLine(["MLI", "Mali", "", "Pays", "", "", ""], h.columns, 2)).toMatchObject({
      parent: null,
      level: { name: "Pays" },
      geometry: null,
    });
  });

  it("finds every fault of a line at once", () => {
    const h = unitColumns([
      "code",
      "name",
      "parent",
      "level",
      "uid",
      "lat",
      "lon",
      "geometry",
      "opened",
      "closed",
    ]);
    if (!h.ok) throw new Error("header");
    const bad = unitLine(
      ["", "", "X", "25", "12ab", "95", "10", "", "2022-02-30", "2020-01-01"],
      h.columns,
      3,
    );
    expect(bad.problems).toEqual([
      "code_missing",
      "name_missing",
      "invalid_uid",
      "invalid_level",
      "invalid_coordinates",
      "invalid_opening_date",
    ]);
    expect(
      unitLine(["A", "A", "", "", "", "12", "", "", "2022-01-01", "2021-12-31"], h.columns, 4)
        .problems,
    ).toEqual(["coordinates_incomplete", "closed_before_opening"]);
    const shape = '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}';
    expect(unitLine(["A", "A", "", "", "", "", "", shape, "", ""], h.columns, 5).geometry).toEqual(
      JSON.parse(shape),
    );
    expect(
      unitLine(["A", "A", "", "", "", "", "", "{not json", "", ""], h.columns, 6).problems,
    ).toEqual(["invalid_geometry"]);
    expect(
      unitLine(["A".repeat(51), "A", "", "", "", "", "", "", "", ""], h.columns, 7).problems,
    ).toEqual(["code_too_long"]);
  });

  it("reads days and months as people write them", () => {
    expect(parseDay("2022-01-31")).toBe("2022-01-31");
    expect(parseDay("31/01/2022")).toBe("2022-01-31");
    expect(parseDay("2022-01-31T00:00:00.000")).toBe("2022-01-31");
    expect(parseDay("31/02/2022")).toBeNull();
    expect(parseDay("janvier")).toBeNull();
    expect(parseMonth("202201")).toBe("202201");
    expect(parseMonth("2022-01")).toBe("202201");
    expect(parseMonth("2022/1")).toBe("202201");
    expect(parseMonth("01/2022")).toBe("202201");
    expect(parseMonth("2022-01-01")).toBe("202201");
    expect(parseMonth("202213")).toBeNull();
    expect(parseMonth("2022-01-15")).toBeNull();
  });
});
