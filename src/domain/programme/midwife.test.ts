import { describe, expect, it } from "vitest";
import { isTrainingTopic, midwifeProblems, TRAINING_TOPICS, trainingProblems } from "./midwife.ts";

const aminata = {
  name: "Aminata Coulibaly",
  qualification: "midwife",
  languages: ["Bambara", "Français"],
  phone: "+223 76 00 00 00",
  email: "",
};

describe("a midwife's fields", () => {
  it("accept a state midwife with her languages and a telephone", () => {
    expect(midwifeProblems(aminata)).toEqual({});
  });

  it("refuse a missing name, an unknown qualification and malformed contacts", () => {
    expect(
      midwifeProblems({
        ...aminata,
        name: "",
        qualification: "doctor",
        phone: "call me",
        email: "a@",
      }),
    ).toEqual({ name: "required", qualification: "invalid", phone: "invalid", email: "invalid" });
    expect(midwifeProblems({ ...aminata, languages: [" "] })).toEqual({ languages: "invalid" });
  });
});

describe("trainings", () => {
  it("take their topic from the list: SONU, FP, PTME, malaria, GBV…", () => {
    for (const t of ["emonc", "family_planning", "pmtct", "malaria", "gbv"])
      expect(isTrainingTopic(t)).toBe(true);
    expect(isTrainingTopic("cooking")).toBe(false);
    expect(TRAINING_TOPICS).toContain("other");
  });

  it("are recorded once received, with a provider of reasonable length", () => {
    const t = { topic: "emonc", date: "2022-03-15", provider: "UNFPA" };
    expect(trainingProblems(t, "2026-01-01")).toEqual({});
    expect(trainingProblems({ ...t, date: "2027-01-01" }, "2026-01-01")).toEqual({
      date: "invalid",
    });
    expect(
      trainingProblems({ topic: "", date: "", provider: "x".repeat(201) }, "2026-01-01"),
    ).toEqual({
      topic: "required",
      date: "required",
      provider: "too_long",
    });
  });
});
