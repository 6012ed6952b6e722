import { describe, expect, it } from "vitest";
import { likelyDoubleCounts, normaliseUnit, responseRates } from "./annex.ts";

describe("normaliseUnit", () => {
  it("makes units typed differently comparable", () => {
    expect(normaliseUnit("  Prestataires   formés. ")).toBe("prestataires formés");
    expect(normaliseUnit("fcfa")).toBe("FCFA");
  });
});

describe("likelyDoubleCounts", () => {
  it("flags one partner's same figure under two indicators, not two partners' figures", () => {
    const flagged = likelyDoubleCounts([
      { partnerId: 1, indicatorId: 10, value: 320, unit: "structures de santé" },
      { partnerId: 1, indicatorId: 12, value: 320, unit: "Structures de santé" },
      { partnerId: 2, indicatorId: 11, value: 120, unit: "prestataires" },
      { partnerId: 3, indicatorId: 11, value: 120, unit: "prestataires" },
    ]);
    expect([...flagged]).toEqual([["1|320|structures de santé", [10, 12]]]);
  });
});

describe("responseRates", () => {
  it("counts asked vs answered per indicator and per partner", () => {
    const asked = [
      { partnerId: 1, indicatorId: 10 },
      { partnerId: 2, indicatorId: 10 },
      { partnerId: 2, indicatorId: 11 },
    ];
    const r = responseRates(asked, [{ partnerId: 1, indicatorId: 10 }]);
    expect(r.byIndicator.get(10)).toEqual({ asked: 2, answered: 1 });
    expect(r.byIndicator.get(11)).toEqual({ asked: 1, answered: 0 });
    expect(r.byPartner.get(2)).toEqual({ asked: 2, answered: 0 });
    expect([...r.partners.asked]).toEqual([1, 2]);
    expect([...r.partners.answered]).toEqual([1]);
  });
});
