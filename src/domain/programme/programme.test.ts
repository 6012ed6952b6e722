import { describe, expect, it } from "vitest";
import {
  isCurrency,
  isValidPeriod,
  nameList,
  type ProgrammeFields,
  programmeProblems,
} from "./programme.ts";

const deployment: ProgrammeFields = {
  name: "Déploiement des sages-femmes en milieu communautaire",
  leadPartner: "UNFPA Mali",
  funders: ["UNFPA"],
  partners: ["ONASR", "FENASCOM", "ASFM"],
  startDate: "2022-01-01",
  endDate: "2024-12-31",
  budget: 1_500_000_000,
  currency: "XOF",
};

describe("a programme's fields", () => {
  it("accept the community-midwife deployment as described", () => {
    expect(programmeProblems(deployment)).toEqual({});
    expect(
      programmeProblems({ ...deployment, endDate: null, budget: null, currency: null }),
    ).toEqual({});
  });

  it("refuse an end before the start, and days that do not exist", () => {
    expect(programmeProblems({ ...deployment, endDate: "2021-12-31" })).toEqual({
      endDate: "before_start",
    });
    expect(programmeProblems({ ...deployment, startDate: "2022-02-30" })).toEqual({
      startDate: "invalid",
    });
    expect(programmeProblems({ ...deployment, startDate: "" })).toEqual({ startDate: "required" });
  });

  it("want a positive budget with an ISO 4217 currency", () => {
    expect(programmeProblems({ ...deployment, budget: 0 })).toEqual({ budget: "not_positive" });
    expect(programmeProblems({ ...deployment, budget: -5 })).toEqual({ budget: "not_positive" });
    expect(programmeProblems({ ...deployment, budget: Number.NaN })).toEqual({ budget: "invalid" });
    expect(programmeProblems({ ...deployment, currency: null })).toEqual({ currency: "required" });
    expect(programmeProblems({ ...deployment, currency: "FCFA" })).toEqual({ currency: "invalid" });
    expect(programmeProblems({ ...deployment, currency: "xof" })).toEqual({ currency: "invalid" });
    expect(isCurrency("XOF")).toBe(true);
    expect(isCurrency("EUR")).toBe(true);
    expect(isCurrency("ZZZ")).toBe(false);
  });

  it("name every refused field at once", () => {
    expect(
      programmeProblems({ ...deployment, name: " ", leadPartner: "x".repeat(201), partners: [""] }),
    ).toEqual({ name: "required", leadPartner: "too_long", partners: "invalid" });
  });

  it("read a list of partners typed one a line or separated by commas", () => {
    expect(nameList("ONASR, FENASCOM\nASFM;ONASR\n ")).toEqual(["ONASR", "FENASCOM", "ASFM"]);
  });

  it("take an open end as a valid period", () => {
    expect(isValidPeriod("2022-01-01", null)).toBe(true);
    expect(isValidPeriod("2022-01-01", "2022-01-01")).toBe(true);
    expect(isValidPeriod("2022-01-02", "2022-01-01")).toBe(false);
  });
});
