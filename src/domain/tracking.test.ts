// Progress, response rates and the reminder calendar, on plain data.
import { describe, expect, it } from "vitest";
import {
  daysUntil,
  hasResponded,
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
  it("counts responded over asked, overall and per category in report order", () => {
    const rates = responseRates([
      { category: "local_ngo", progress: "submitted" },
      { category: "government", progress: "validated" },
      { category: "government", progress: "in_progress" },
      { category: "government", progress: "not_started" },
      { category: "donor", progress: "not_started" },
    ]);
    expect(rates.overall).toEqual({ responded: 2, asked: 5, rate: 0.4 });
    expect(rates.byCategory).toEqual([
      { category: "government", responded: 1, asked: 3, rate: 1 / 3 },
      { category: "donor", responded: 0, asked: 1, rate: 0 },
      { category: "local_ngo", responded: 1, asked: 1, rate: 1 },
    ]);
  });

  it("has no rate when nobody was asked", () => {
    expect(responseRates([]).overall).toEqual({ responded: 0, asked: 0, rate: null });
    expect(responseRates([]).byCategory).toEqual([]);
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

  it("keys a reminder by cycle, partner and day", () => {
    expect(reminderKey(4, 17, "2024-02-12")).toBe("reminder:4:17:2024-02-12");
  });
});
