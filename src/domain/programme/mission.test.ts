import { describe, expect, it } from "vitest";
import {
  canMove,
  followUpProblems,
  isOverdue,
  missionProblems,
  recommendationProblems,
  visitProblems,
} from "./mission.ts";

const mission = {
  title: "Mission conjointe Ségou",
  startDate: "2025-03-10",
  endDate: "2025-03-14",
  regionIds: [2],
  delegation: [{ name: "A. Traoré", institution: "DNS", role: "chef de mission" }],
  objectives: ["Vérifier le déploiement des sages-femmes"],
};

describe("a mission", () => {
  it("accepts days in order, the same day twice included", () => {
    expect(missionProblems(mission)).toEqual({});
    expect(missionProblems({ ...mission, endDate: "2025-03-10" })).toEqual({});
  });

  it("refuses every problem at once: an end before its start, no region, an unnamed member", () => {
    expect(
      missionProblems({
        ...mission,
        title: " ",
        endDate: "2025-03-09",
        regionIds: [],
        delegation: [{ name: "", institution: "", role: "" }],
      }),
    ).toEqual({
      title: "required",
      endDate: "before_start",
      regionIds: "required",
      delegation: "invalid",
    });
    expect(missionProblems({ ...mission, startDate: "2025-02-30" })).toEqual({
      startDate: "invalid",
    });
  });
});

describe("a visit", () => {
  const visit = {
    orgUnitId: 4,
    authority: null,
    date: "2025-03-11",
    peopleMet: ["Infirmier chef de poste"],
    findings: "",
    figures: [{ label: "Accouchements assistés", value: 42, unit: "" }],
  };

  it("falls inside the mission's days, first and last included", () => {
    expect(visitProblems(visit, mission)).toEqual({});
    expect(visitProblems({ ...visit, date: "2025-03-14" }, mission)).toEqual({});
    expect(visitProblems({ ...visit, date: "2025-03-15" }, mission)).toEqual({
      date: "outside_mission",
    });
  });

  it("names a unit or an authority, not both nor neither", () => {
    expect(
      visitProblems({ ...visit, orgUnitId: null, authority: "Préfecture de Barouéli" }, mission),
    ).toEqual({});
    expect(visitProblems({ ...visit, orgUnitId: null }, mission)).toEqual({ place: "required" });
    expect(visitProblems({ ...visit, authority: "Mairie" }, mission)).toEqual({ place: "invalid" });
    expect(
      visitProblems({ ...visit, figures: [{ label: "x", value: Number.NaN, unit: "" }] }, mission),
    ).toEqual({ figures: "invalid" });
  });
});

describe("a recommendation", () => {
  const rec = {
    text: "Doter la maternité d'une ambulance",
    ownerUserId: null,
    ownerName: "Direction régionale de la santé",
    ownerEmail: null,
    dueDate: "2025-06-30",
    key: true,
  };

  it("has an owner and a due day", () => {
    expect(recommendationProblems(rec)).toEqual({});
    expect(recommendationProblems({ ...rec, ownerName: null, ownerUserId: 7 })).toEqual({});
    expect(recommendationProblems({ ...rec, ownerName: " ", dueDate: "" })).toEqual({
      owner: "no_owner",
      dueDate: "required",
    });
    expect(recommendationProblems({ ...rec, ownerEmail: "not-an-address" })).toEqual({
      ownerEmail: "invalid",
    });
  });

  it("moves only along the allowed transitions", () => {
    expect(canMove("open", "in_progress")).toBe(true);
    expect(canMove("done", "open")).toBe(true);
    expect(canMove("done", "dropped")).toBe(false);
    expect(canMove("dropped", "in_progress")).toBe(false);
    const row = { date: "2025-04-01", note: "Devis reçu", status: "in_progress" as const };
    expect(followUpProblems(row, "open")).toEqual({});
    expect(followUpProblems(row, "in_progress")).toEqual({});
    expect(followUpProblems(row, "done")).toEqual({ status: "transition" });
    expect(followUpProblems({ ...row, note: "" }, "open")).toEqual({ note: "required" });
  });

  it("is overdue after its due day while open or in progress", () => {
    const r = { dueDate: "2025-06-30", status: "open" as const };
    expect(isOverdue(r, "2025-06-30")).toBe(false);
    expect(isOverdue(r, "2025-07-01")).toBe(true);
    expect(isOverdue({ ...r, status: "in_progress" }, "2025-07-01")).toBe(true);
    expect(isOverdue({ ...r, status: "done" }, "2026-01-01")).toBe(false);
    expect(isOverdue({ ...r, status: "dropped" }, "2026-01-01")).toBe(false);
  });
});
