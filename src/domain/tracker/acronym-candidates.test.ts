import { describe, expect, it } from "vitest";
import { acronymCandidates } from "./acronym-candidates.ts";

const tokens = (text: string, known: string[] = []) =>
  acronymCandidates([{ text, where: "x" }], known).map((c) => c.token);

describe("acronym candidates", () => {
  it("finds capitals, mixed case and digits, not capitalised words nor Roman numerals", () => {
    expect(
      tokens(
        "Le CSCom de Ségou saisit dans DHIS2 ; l’AMPPF et la SR/PF, le DMPA-SC, USAID HP+. Étape IV, Mali, Un, Pays-Bas, AmplifyChange, Mère-Adolescent-Jeune.",
      ).sort(),
    ).toEqual(["AMPPF", "CSCom", "DHIS2", "DMPA-SC", "HP+", "SR/PF", "USAID"].sort());
  });

  it("leaves out what the list holds, whatever its case", () => {
    expect(tokens("ONASR et SONU et Onasr", ["onasr"])).toEqual(["SONU"]);
  });

  it("says where each occurs, each place once, the most used first", () => {
    const found = acronymCandidates(
      [
        { text: "SWEDD et SONU", where: { indicator: "1.1" } },
        { text: "SONU encore, SONU", where: { indicator: "2.2" } },
        { text: "SONU", where: { indicator: "2.2" } },
      ],
      [],
    );
    expect(found).toEqual([
      { token: "SONU", where: [{ indicator: "1.1" }, { indicator: "2.2" }] },
      { token: "SWEDD", where: [{ indicator: "1.1" }] },
    ]);
  });
});
