// Unit tests of the publication rule: which answers a published cycle shows.
import { describe, expect, it } from "vitest";
import { isPublishedAnswer, isPublishedContribution, isPublishedYes } from "./publication.ts";
import type { ResponseState } from "./response.ts";
import { isEmptyAnswer } from "./response.ts";

const answer = (state: ResponseState, over: Partial<Parameters<typeof isEmptyAnswer>[0]> = {}) => ({
  state,
  contributes: "yes" as const,
  activities: "Formation de 120 prestataires",
  collaboratorIds: [],
  collaboratorsText: null,
  difficulties: null,
  outputs: [],
  evidence: [],
  ...over,
});

const nothing = {
  contributes: "unknown" as const,
  activities: "  ",
  collaboratorsText: "",
  difficulties: null,
};

describe("the publication rule", () => {
  it("publishes submitted and validated answers only: never drafts nor answers sent back", () => {
    expect(isPublishedAnswer(answer("submitted"))).toBe(true);
    expect(isPublishedAnswer(answer("validated"))).toBe(true);
    expect(isPublishedAnswer(answer("draft"))).toBe(false);
    expect(isPublishedAnswer(answer("returned"))).toBe(false);
  });

  it("leaves out an answer with nothing in it", () => {
    expect(isEmptyAnswer(answer("submitted", nothing))).toBe(true);
    expect(isPublishedAnswer(answer("validated", nothing))).toBe(false);
    for (const some of [
      { contributes: "no" as const },
      { activities: "x" },
      { collaboratorIds: [3] },
      { difficulties: "Retard" },
      { outputs: [{ value: 0, unit: "sessions" }] },
      { evidence: [{ url: "https://x.test", title: null }] },
    ])
      expect(isEmptyAnswer(answer("submitted", { ...nothing, ...some }))).toBe(false);
  });

  it("counts a published 'no' as an answer but not as a contribution", () => {
    const no = answer("validated", { contributes: "no", activities: null });
    expect(isPublishedAnswer(no)).toBe(true);
    expect(isPublishedContribution(no)).toBe(false);
    expect(isPublishedContribution(answer("submitted", { contributes: "unknown" }))).toBe(true);
  });

  it("tells a published yes from its state alone, as the full rule does", () => {
    const states: ResponseState[] = ["draft", "submitted", "validated", "returned"];
    for (const state of states)
      for (const contributes of ["yes", "no", "unknown"] as const)
        for (const over of [{}, nothing, { activities: null, outputs: [] }]) {
          const a = answer(state, { ...over, contributes });
          expect(isPublishedYes(a)).toBe(isPublishedAnswer(a) && contributes === "yes");
        }
  });
});
