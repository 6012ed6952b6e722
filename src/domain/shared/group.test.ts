import { describe, expect, it } from "vitest";
import { compareFr, groupBy } from "./group.ts";

describe("groupBy", () => {
  it("keeps each group in the order the rows came, groups in first-seen order", () => {
    const rows = [
      { owner: 2, n: "a" },
      { owner: 1, n: "b" },
      { owner: 2, n: "c" },
    ];
    const groups = groupBy(rows, (r) => r.owner);
    expect([...groups.keys()]).toEqual([2, 1]);
    expect(groups.get(2)?.map((r) => r.n)).toEqual(["a", "c"]);
    expect(groups.get(1)?.map((r) => r.n)).toEqual(["b"]);
    expect(groups.get(3)).toBeUndefined();
  });
});

describe("compareFr", () => {
  it("orders names as localeCompare in French does, accents and case included", () => {
    const names = ["Zèbre", "école", "Eau", "ÉCOLE", "agence", "Äbc", "PSI", "œuvre", "Oeuvre"];
    const expected = [...names].sort((a, b) => a.localeCompare(b, "fr"));
    expect([...names].sort(compareFr)).toEqual(expected);
    expect(expected.indexOf("école")).toBeLessThan(expected.indexOf("PSI"));
  });
});
