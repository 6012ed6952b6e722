import { describe, expect, it } from "vitest";
import {
  ancestorsOf,
  checkUnits,
  type ImportedUnit,
  idsOf,
  isDescendant,
  isWithin,
  levelOf,
  move,
  pathOf,
  rebase,
} from "./org-units.ts";

describe("paths", () => {
  const mali = pathOf(null, "MLI");
  const kayes = pathOf(mali, "KAY");
  const kita = pathOf(kayes, "KIT");
  const cscom = pathOf(kita, "CS1");

  it("write /root/…/self/ and read it back", () => {
    expect(cscom).toBe("/MLI/KAY/KIT/CS1/");
    expect(idsOf(cscom)).toEqual(["MLI", "KAY", "KIT", "CS1"]);
    expect(ancestorsOf(cscom)).toEqual(["MLI", "KAY", "KIT"]);
    expect(ancestorsOf(mali)).toEqual([]);
    expect(levelOf(mali)).toBe(1);
    expect(levelOf(cscom)).toBe(4);
  });

  it("read DHIS2's form without the closing slash alike", () => {
    expect(idsOf("/MLI/KAY/KIT")).toEqual(["MLI", "KAY", "KIT"]);
    expect(levelOf("/MLI/KAY/KIT")).toBe(3);
    expect(isDescendant("/MLI/KAY/KIT", "/MLI")).toBe(true);
    expect(isDescendant("/MLI/KAY/", "/MLI/KAY")).toBe(false);
    expect(isWithin("/MLI/KAY", "/MLI/KAY/")).toBe(true);
    expect(pathOf("/MLI/KAY", "KIT")).toBe("/MLI/KAY/KIT/");
  });

  it("tell descendants apart from the unit itself and from a sibling sharing a prefix", () => {
    expect(isDescendant(cscom, mali)).toBe(true);
    expect(isDescendant(kayes, kayes)).toBe(false);
    expect(isWithin(kayes, kayes)).toBe(true);
    expect(isDescendant(mali, kayes)).toBe(false);
    // "/MLI/KAY2" starts with "/MLI/KAY" as text but is not below it.
    expect(isDescendant("/MLI/KAY2/X/", kayes)).toBe(false);
    expect(isWithin("/MLI/KAY2/", kayes)).toBe(false);
    expect(isWithin("/1/42/", "/1/4/")).toBe(false);
  });

  it("rebase a subtree's paths onto a new place, leaving the rest alone", () => {
    expect(rebase(cscom, kayes, "/MLI/SEG/KAY/")).toBe("/MLI/SEG/KAY/KIT/CS1/");
    expect(rebase(kayes, kayes, "/MLI/SEG/KAY/")).toBe("/MLI/SEG/KAY/");
    expect(rebase("/MLI/KAY2/", kayes, "/MLI/SEG/KAY/")).toBe("/MLI/KAY2/");
  });
});

describe("move", () => {
  const region = { id: "KAY", path: "/MLI/KAY/" };
  const district = { id: "KIT", path: "/MLI/KAY/KIT/" };
  const other = { id: "SEG", path: "/MLI/SEG/" };

  it("places the unit under its new parent, or as a root", () => {
    expect(move(district, other)).toEqual({
      ok: true,
      value: { id: "KIT", path: "/MLI/SEG/KIT/" },
    });
    expect(move(district, null)).toEqual({ ok: true, value: { id: "KIT", path: "/KIT/" } });
  });

  it("refuses a move under the unit itself or under one of its descendants", () => {
    expect(move(region, region)).toEqual({ ok: false, error: "move_under_itself" });
    expect(move(region, district)).toEqual({ ok: false, error: "move_under_descendant" });
    expect(move(region, { id: "CS1", path: "/MLI/KAY/KIT/CS1/" })).toEqual({
      ok: false,
      error: "move_under_descendant",
    });
  });
});

const unit = (
  uid: string,
  parentUid: string | null,
  extra: Partial<ImportedUnit> = {},
): ImportedUnit => ({ uid, code: `C_${uid}`, name: `Unit ${uid}`, parentUid, ...extra });

describe("checkUnits", () => {
  it("accepts a good tree with parents before children, whatever the list order", () => {
    const result = checkUnits([
      unit("CS1", "KIT", { level: 4 }),
      unit("KIT", "KAY"),
      unit("KAY", "MLI", { level: 2 }),
      unit("MLI", null, { level: 1 }),
      unit("SEN", null),
      unit("DAK", "SEN"),
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((u) => [u.uid, u.level, u.path])).toEqual([
      ["MLI", 1, "/MLI/"],
      ["SEN", 1, "/SEN/"],
      ["KAY", 2, "/MLI/KAY/"],
      ["DAK", 2, "/SEN/DAK/"],
      ["KIT", 3, "/MLI/KAY/KIT/"],
      ["CS1", 4, "/MLI/KAY/KIT/CS1/"],
    ]);
  });

  it("finds every problem at once and refuses what hangs below a refused unit", () => {
    const units = [
      unit("MLI", null), // 0 fine
      unit("KAY", "MLI"), // 1 fine
      unit("DUP", "MLI"), // 2 duplicate uid
      unit("DUP", "KAY", { code: "C_DUP2" }), // 3 duplicate uid
      unit("UND", "DUP"), // 4 its parent is ambiguous
      unit("ORP", "NOWHERE", { code: "C_CS9" }), // 5 unknown parent and the code of CS9
      unit("LOW", "ORP"), // 6 below an orphan
      unit("A", "B"), // 7 cycle A → B → A
      unit("B", "A"), // 8
      unit("UNDER_LOOP", "A"), // 9 below the cycle
      unit("SELF", "SELF"), // 10 its own parent
      unit("LVL", "KAY", { level: 2 }), // 11 is at depth 3
      unit("BELOW_LVL", "LVL", { level: 4 }), // 12 right level, refused parent
      unit("", "MLI"), // 13 no uid
      unit("S/LASH", "MLI", { code: null }), // 14 a "/" would break paths
      unit("NOCODE", "MLI", { code: null }), // 15 fine: codes are optional
      unit("NOCODE2", "MLI", { code: null }), // 16 fine: absent codes are no duplicates
      unit("CS9", "KAY"), // 17 duplicate code
      unit("BAD", "DUP", { level: 7 }), // 18 ambiguous parent; no depth, so no level check
      unit("WORSE", "KAY", { code: "C_CS9", level: 9 }), // 19 duplicate code and level
    ];
    const result = checkUnits(units);
    expect(result.accepted.map((u) => u.uid)).toEqual(["MLI", "KAY", "NOCODE", "NOCODE2"]);
    expect(result.rejected.map((r) => [r.index, r.problems])).toEqual([
      [2, [{ code: "duplicate_uid" }]],
      [3, [{ code: "duplicate_uid" }]],
      [4, [{ code: "parent_rejected", parentUid: "DUP" }]],
      [5, [{ code: "duplicate_code" }, { code: "unknown_parent", parentUid: "NOWHERE" }]],
      [6, [{ code: "parent_rejected", parentUid: "ORP" }]],
      [7, [{ code: "cycle" }]],
      [8, [{ code: "cycle" }]],
      [9, [{ code: "parent_rejected", parentUid: "A" }]],
      [10, [{ code: "cycle" }]],
      [11, [{ code: "level_mismatch", given: 2, depth: 3 }]],
      [12, [{ code: "parent_rejected", parentUid: "LVL" }]],
      [13, [{ code: "invalid_uid" }]],
      [14, [{ code: "invalid_uid" }]],
      [17, [{ code: "duplicate_code" }]],
      [18, [{ code: "parent_rejected", parentUid: "DUP" }]],
      [19, [{ code: "duplicate_code" }, { code: "level_mismatch", given: 9, depth: 3 }]],
    ]);
    expect(result.rejected[0]?.unit).toBe(units[2]);
  });

  it("lists a unit's own faults and its refused parent together", () => {
    const result = checkUnits([
      unit("MLI", null, { level: 3 }),
      unit("KAY", "MLI", { level: 5 }),
      unit("KIT", "KAY", { level: 3 }),
    ]);
    expect(result.accepted).toEqual([]);
    expect(result.rejected.map((r) => r.problems)).toEqual([
      [{ code: "level_mismatch", given: 3, depth: 1 }],
      [
        { code: "level_mismatch", given: 5, depth: 2 },
        { code: "parent_rejected", parentUid: "MLI" },
      ],
      [{ code: "parent_rejected", parentUid: "KAY" }],
    ]);
  });

  // Paths grow with depth, so a deep chain costs its depth squared in text: 1,000 levels is
  // already far beyond any real hierarchy (DHIS2 ones have 4 to 7).
  it("walks a long chain and a long loop without trouble", () => {
    const chain = Array.from({ length: 1000 }, (_, i) =>
      unit(`U${i}`, i === 0 ? null : `U${i - 1}`),
    );
    const placed = checkUnits([...chain].reverse());
    expect(placed.rejected).toEqual([]);
    expect(placed.accepted.at(-1)?.level).toBe(1000);
    const loop = Array.from({ length: 5000 }, (_, i) => unit(`L${i}`, `L${(i + 1) % 5000}`));
    expect(checkUnits(loop).rejected.every((r) => r.problems[0]?.code === "cycle")).toBe(true);
  });
});
