// Result cards' model: the figures and sentences in French and English, the series mark.
import { describe, expect, it } from "vitest";
import { deploymentCard, indicatorCard, numbered } from "../../src/reports/programme/cards.ts";
import { plain } from "../support/text.ts";

const p = {
  name: "Sages-femmes communautaires",
  leadPartner: "UNFPA",
  partners: ["ASACO", "DRS Ségou"],
};

describe("result cards", () => {
  it("says the deployment and the indicator in both languages", () => {
    const d = deploymentCard("fr", p, {
      place: "Ségou",
      date: "2024-06-30",
      midwives: 37,
      facilities: 37,
    });
    expect(plain(d.sentence)).toBe("37 sages-femmes déployées dans 37 centres de santé à Ségou");
    expect(d.figure).toBe("37");
    const i = {
      indicator: "CPN1",
      place: "Barouéli",
      unit: "%",
      first: { year: 2022, value: 70.88 },
      last: { year: 2024, value: 81.69 },
      source: "DHIS2",
    };
    expect(plain(indicatorCard("fr", p, i).sentence)).toBe("CPN1 à Barouéli : 70,88 % → 81,69 %");
    expect(plain(indicatorCard("fr", p, i).source)).toBe("Source : DHIS2, 2022–2024");
    expect(indicatorCard("en", p, i).sentence).toBe("CPN1 in Barouéli: 70.88% → 81.69%");
    expect(
      plain(
        deploymentCard("en", p, { place: "Ségou", date: "2024-06-30", midwives: 1, facilities: 1 })
          .sentence,
      ),
    ).toBe("1 midwife deployed in 1 health centre in Ségou");
    expect(numbered([d, d]).map((c) => c.mark)).toEqual(["1/2", "2/2"]);
  });
});
