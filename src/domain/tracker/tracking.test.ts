// Progress, response rates and the reminder calendar, on plain data.
import { describe, expect, it } from "vitest";
import {
  daysUntil,
  hasResponded,
  indicatorRates,
  isOverdue,
  isReminderDay,
  nextReminderDay,
  partnerProgress,
  reminderKey,
  responseRates,
  utcDay,
} from "./tracking.ts";

describe("partner progress", () => {
  it("is not started without any answer", () => {
    expect(partnerProgress(3, [])).toBe("not_started");
  });

  it("is in progress while a draft, an answer sent back or an indicator is left", () => {
    expect(partnerProgress(2, ["draft", "submitted"])).toBe("in_progress");
    expect(partnerProgress(2, ["returned", "validated"])).toBe("in_progress");
    expect(partnerProgress(3, ["submitted", "submitted"])).toBe("in_progress");
  });

  it("is submitted when every mapped indicator is submitted (some may be validated)", () => {
    expect(partnerProgress(2, ["submitted", "submitted"])).toBe("submitted");
    expect(partnerProgress(2, ["validated", "submitted"])).toBe("submitted");
  });

  it("is validated when every answer is", () => {
    expect(partnerProgress(2, ["validated", "validated"])).toBe("validated");
  });

  it("counts submitted and validated partners as having responded", () => {
    expect(hasResponded("submitted")).toBe(true);
    expect(hasResponded("validated")).toBe(true);
    expect(hasResponded("in_progress")).toBe(false);
    expect(hasResponded("not_started")).toBe(false);
  });
});

describe("response rates", () => {
  it("counts submitted answers over answers asked, overall and per category in report order", () => {
    const rates = responseRates([
      { category: "local_ngo", progress: "submitted", mapped: 1, submitted: 1 },
      { category: "government", progress: "validated", mapped: 2, submitted: 2 },
      // 2 of 3 submitted: it counts for 2, though the partner has not responded in full.
      { category: "government", progress: "in_progress", mapped: 3, submitted: 2 },
      { category: "government", progress: "not_started", mapped: 1, submitted: 0 },
      { category: "donor", progress: "not_started", mapped: 2, submitted: 0 },
    ]);
    expect(rates.overall).toEqual({
      submitted: 5,
      asked: 9,
      rate: 5 / 9,
      partnersResponded: 2,
      partnersAsked: 5,
    });
    expect(rates.byCategory).toEqual([
      {
        category: "government",
        submitted: 4,
        asked: 6,
        rate: 4 / 6,
        partnersResponded: 1,
        partnersAsked: 3,
      },
      {
        category: "donor",
        submitted: 0,
        asked: 2,
        rate: 0,
        partnersResponded: 0,
        partnersAsked: 1,
      },
      {
        category: "local_ngo",
        submitted: 1,
        asked: 1,
        rate: 1,
        partnersResponded: 1,
        partnersAsked: 1,
      },
    ]);
  });

  it("is not 0 % when a partner submitted 2 of its 3 answers", () => {
    const rates = responseRates([
      { category: "donor", progress: "in_progress", mapped: 3, submitted: 2 },
    ]);
    expect(rates.overall.rate).toBe(2 / 3);
    expect(rates.overall.partnersResponded).toBe(0);
  });

  it("has no rate when nobody was asked", () => {
    expect(responseRates([]).overall).toEqual({
      submitted: 0,
      asked: 0,
      rate: null,
      partnersResponded: 0,
      partnersAsked: 0,
    });
    expect(responseRates([]).byCategory).toEqual([]);
  });

  it("counts, per indicator, the partners asked that submitted (drafts and send-backs do not)", () => {
    const mappings = [
      { partnerId: 1, indicatorId: 10 },
      { partnerId: 2, indicatorId: 10 },
      { partnerId: 3, indicatorId: 10 },
      { partnerId: 1, indicatorId: 11 },
    ];
    const answers = [
      { partnerId: 1, indicatorId: 10, state: "submitted" as const },
      { partnerId: 2, indicatorId: 10, state: "draft" as const },
      { partnerId: 3, indicatorId: 10, state: "validated" as const },
      { partnerId: 1, indicatorId: 11, state: "returned" as const },
    ];
    expect(indicatorRates(mappings, answers)).toEqual([
      { indicatorId: 10, submitted: 2, asked: 3, rate: 2 / 3 },
      { indicatorId: 11, submitted: 0, asked: 1, rate: 0 },
    ]);
  });
});

describe("reminder calendar", () => {
  it("reads days in UTC, whatever the local clock says", () => {
    expect(utcDay(new Date("2024-02-11T23:59:59Z"))).toBe("2024-02-11");
    expect(utcDay(new Date("2024-02-12T00:30:00+01:00"))).toBe("2024-02-11");
  });

  it("counts whole days to the deadline, across months and leap days", () => {
    expect(daysUntil("2024-02-15", "2024-02-08")).toBe(7);
    expect(daysUntil("2024-03-01", "2024-02-28")).toBe(2);
    expect(daysUntil("2024-02-15", "2024-02-16")).toBe(-1);
    expect(() => daysUntil("15/02/2024", "2024-02-16")).toThrow(RangeError);
  });

  it("reminds 7, 3 and 1 days before the deadline, not on other days", () => {
    const due = ["2024-02-08", "2024-02-12", "2024-02-14"];
    for (let d = 1; d <= 20; d++) {
      const day = `2024-02-${String(d).padStart(2, "0")}`;
      expect(isReminderDay("2024-02-15", day), day).toBe(due.includes(day));
    }
    expect(isReminderDay("2024-02-15", "2024-02-13", [2])).toBe(true);
  });

  it("announces the next reminder day, today included, and none after the last", () => {
    expect(nextReminderDay("2024-02-15", "2024-01-20")).toBe("2024-02-08");
    expect(nextReminderDay("2024-02-15", "2024-02-08")).toBe("2024-02-08");
    expect(nextReminderDay("2024-02-15", "2024-02-09")).toBe("2024-02-12");
    expect(nextReminderDay("2024-02-15", "2024-02-14")).toBe("2024-02-14");
    expect(nextReminderDay("2024-02-15", "2024-02-15")).toBeNull();
  });

  it("calls a partner late only after its own last day, and never once it has responded", () => {
    expect(isOverdue("in_progress", "2024-02-15", "2024-02-15")).toBe(false);
    expect(isOverdue("in_progress", "2024-02-15", "2024-02-16")).toBe(true);
    expect(isOverdue("not_started", null, "2024-02-16")).toBe(false);
    expect(isOverdue("submitted", "2024-02-15", "2024-02-16")).toBe(false);
  });

  it("keys a reminder by cycle, partner and day", () => {
    expect(reminderKey(4, 17, "2024-02-12")).toBe("reminder:4:17:2024-02-12");
  });
});
