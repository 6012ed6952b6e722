// Unit tests of the partner's window: collection, an extension for one partner, send-backs.
import { describe, expect, it } from "vitest";
import {
  acceptsAnswer,
  extensionRuns,
  isValidExtension,
  linkOpens,
  partnerCollects,
  partnerDeadline,
} from "./collection.ts";
import type { CycleState } from "./cycle.ts";
import type { ResponseState } from "./response.ts";

const w = (cycleState: CycleState, extendedUntil: string | null = null) => ({
  cycleState,
  extendedUntil,
  today: "2024-02-20",
});

describe("the partner's window", () => {
  it("collects while the cycle collects, or in validation until an extension's last day", () => {
    expect(partnerCollects(w("collection"))).toBe(true);
    expect(partnerCollects(w("validation"))).toBe(false);
    expect(partnerCollects(w("validation", "2024-02-20"))).toBe(true);
    expect(partnerCollects(w("validation", "2024-02-19"))).toBe(false);
    expect(extensionRuns(w("published", "2024-03-01"))).toBe(false);
    expect(partnerCollects(w("setup", "2024-03-01"))).toBe(false);
  });

  it("keeps a link open in validation while an answer is sent back, never once published", () => {
    expect(linkOpens({ ...w("validation"), returnedAnswers: 1 })).toBe(true);
    expect(linkOpens({ ...w("validation"), returnedAnswers: 0 })).toBe(false);
    expect(linkOpens({ ...w("published", "2024-03-01"), returnedAnswers: 2 })).toBe(false);
    expect(linkOpens({ ...w("collection"), returnedAnswers: 0 })).toBe(true);
  });
});

describe("partnerDeadline", () => {
  it("is the later of the cycle's deadline and the extension, the extension's alone after", () => {
    expect(partnerDeadline("collection", "2024-02-15", null)).toBe("2024-02-15");
    expect(partnerDeadline("collection", "2024-02-15", "2024-02-28")).toBe("2024-02-28");
    expect(partnerDeadline("collection", "2024-02-15", "2024-02-10")).toBe("2024-02-15");
    expect(partnerDeadline("collection", null, "2024-02-10")).toBe("2024-02-10");
    expect(partnerDeadline("validation", "2024-02-15", "2024-02-10")).toBe("2024-02-10");
    expect(partnerDeadline("validation", "2024-02-15", null)).toBe("2024-02-15");
  });
});

describe("acceptsAnswer", () => {
  const partner = (cycle: CycleState, state: ResponseState | null, until: string | null = null) =>
    acceptsAnswer({ ...w(cycle, until), byCoordinator: false, answerState: state });
  const coordinator = (cycle: CycleState, state: ResponseState | null) =>
    acceptsAnswer({ ...w(cycle), byCoordinator: true, answerState: state });

  it("takes any answer while collecting, none in set-up or once published", () => {
    for (const s of [null, "draft", "submitted", "validated", "returned"] as const) {
      expect(partner("collection", s)).toBe(true);
      expect(partner("published", s, "2024-03-01")).toBe(false);
      expect(coordinator("published", s)).toBe(false);
      expect(coordinator("setup", s)).toBe(false);
    }
  });

  it("keeps an answer sent back editable by its partner in validation", () => {
    expect(partner("validation", "returned")).toBe(true);
    expect(partner("validation", "submitted")).toBe(false);
    expect(partner("validation", "draft")).toBe(false);
    expect(partner("validation", null)).toBe(false);
  });

  it("lets a partner with an extension answer, except what is already validated", () => {
    expect(partner("validation", null, "2024-02-28")).toBe(true);
    expect(partner("validation", "draft", "2024-02-28")).toBe(true);
    expect(partner("validation", "validated", "2024-02-28")).toBe(false);
    expect(partner("validation", "draft", "2024-02-01")).toBe(false);
  });

  it("lets the coordinator correct any answer during validation", () => {
    expect(coordinator("validation", "validated")).toBe(true);
    expect(coordinator("validation", null)).toBe(true);
  });
});

describe("isValidExtension", () => {
  it("takes a real date from today on", () => {
    expect(isValidExtension("2024-02-20", "2024-02-20")).toBe(true);
    expect(isValidExtension("2024-03-01", "2024-02-20")).toBe(true);
    expect(isValidExtension("2024-02-19", "2024-02-20")).toBe(false);
    expect(isValidExtension("2024-02-31", "2024-02-20")).toBe(false);
    expect(isValidExtension("demain", "2024-02-20")).toBe(false);
  });
});
