import { describe, expect, it } from "vitest";
import {
  acronymsUsed,
  fillPlaceholders,
  TEXT_PLACEHOLDERS,
  type TextValues,
  unknownPlaceholders,
} from "./report-text.ts";

const values = Object.fromEntries(TEXT_PLACEHOLDERS.map((p) => [p, p.toUpperCase()])) as TextValues;

describe("report texts", () => {
  it("fills known placeholders and leaves unknown ones visible", () => {
    expect(fillPlaceholders("{partners} sur {mapped}, {nope}", values)).toBe(
      "PARTNERS sur MAPPED, {nope}",
    );
    expect(unknownPlaceholders("{partners} {nope} {x}")).toEqual(["nope", "x"]);
  });

  it("keeps only the acronyms that occur as whole tokens", () => {
    const list = [
      { acronym: "SR", expansion: "santé de la reproduction" },
      { acronym: "HP+", expansion: "Health Policy Plus" },
      { acronym: "PF", expansion: "planification familiale" },
      { acronym: "MLDA", expansion: "méthodes de longue durée" },
    ];
    const used = acronymsUsed(["la SR/PF avec HP+", "SRAJ"], list).map((a) => a.acronym);
    expect(used).toEqual(["HP+", "PF", "SR"]);
    expect(acronymsUsed(["SRAJ seulement"], list)).toEqual([]);
  });
});
