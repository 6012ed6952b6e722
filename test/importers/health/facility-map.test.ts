// A facility file's layout told from its header (one value a line, or one column per element),
// and its lines as records: months as people write them, spaces between thousands dropped,
// empty values skipped.
import { describe, expect, it } from "vitest";
import { facilityLayout, facilityRecords } from "../../../src/importers/health/facility/map.ts";

describe("the facility file", () => {
  it("tells the layout from the header, and names what is missing", () => {
    expect(facilityLayout(["Structure", "Mois", "Élément", "Valeur"])).toEqual({
      ok: true,
      layout: { kind: "long", columns: { facility: 0, period: 1, dataElement: 2, value: 3 } },
    });
    expect(facilityLayout(["facility", "period", "CPN1", "PF_UTIL.F"])).toEqual({
      ok: true,
      layout: {
        kind: "wide",
        facility: 0,
        period: 1,
        values: [
          { index: 2, dataElement: "CPN1", combo: null },
          { index: 3, dataElement: "PF_UTIL", combo: "F" },
        ],
      },
    });
    expect(facilityLayout(["structure", "période", "valeur"])).toEqual({
      ok: false,
      missing: ["dataElement"],
      duplicate: [],
    });
    expect(facilityLayout(["structure", "valeur"])).toMatchObject({
      ok: false,
      missing: ["period"],
    });
    expect(facilityLayout(["structure", "mois"])).toMatchObject({ ok: false });
  });

  it("turns lines into records, skipping empty values", () => {
    const long = facilityLayout(["structure", "mois", "élément", "valeur", "désagrégation"]);
    const wide = facilityLayout(["structure", "mois", "CPN1", "CPN4"]);
    if (!long.ok || !wide.ok) throw new Error("layout");
    expect(facilityRecords(["BOI", "2022-01", "CPN1", "1 234", ""], long.layout, 2)).toEqual([
      expect.objectContaining({
        line: 2,
        orgUnit: "BOI",
        period: "202201",
        dataElement: "CPN1",
        value: "1234",
        categoryOptionCombo: null,
        deleted: false,
      }),
    ]);
    expect(facilityRecords(["BOI", "2022-01", "CPN1", "", ""], long.layout, 3)).toEqual([]);
    expect(facilityRecords(["BOI", "2022Q1", "CPN1", "4", "F"], long.layout, 4)[0]).toMatchObject({
      period: "2022Q1",
      categoryOptionCombo: "F",
    });
    expect(
      facilityRecords(["BOI", "01/2022", "", "7"], wide.layout, 5).map((r) => [
        r.dataElement,
        r.value,
      ]),
    ).toEqual([["CPN4", "7"]]);
  });
});
