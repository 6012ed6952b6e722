// LOG_LEVEL: one of pino's levels, "info" when unset or empty, anything else refused by name.
import { describe, expect, it } from "vitest";
import { readConfig } from "../src/config.ts";

describe("LOG_LEVEL", () => {
  it("defaults to info and takes pino's levels", () => {
    for (const [value, level] of [
      [undefined, "info"],
      ["", "info"],
      ["debug", "debug"],
      ["silent", "silent"],
    ] as const) {
      const read = readConfig({ LOG_LEVEL: value });
      expect(read.ok && read.config.logLevel).toBe(level);
    }
  });

  it("refuses any other value, naming the variable", () => {
    expect(readConfig({ LOG_LEVEL: "verbose" })).toEqual({
      ok: false,
      error: { variable: "LOG_LEVEL", value: "verbose" },
    });
  });
});

describe("JALON_SCHEDULE_SECONDS and JALON_JOB_POLL_SECONDS", () => {
  it("default to ten minutes and one minute, and take whole seconds", () => {
    const unset = readConfig({});
    expect(unset.ok && [unset.config.scheduleSeconds, unset.config.jobPollSeconds]).toEqual([
      600, 60,
    ]);
    const fast = readConfig({ JALON_SCHEDULE_SECONDS: "2", JALON_JOB_POLL_SECONDS: "1" });
    expect(fast.ok && [fast.config.scheduleSeconds, fast.config.jobPollSeconds]).toEqual([2, 1]);
  });

  it("refuses nothing, a fraction or zero, naming the variable", () => {
    for (const value of ["0", "1.5", "soon"]) {
      expect(readConfig({ JALON_SCHEDULE_SECONDS: value })).toEqual({
        ok: false,
        error: { variable: "JALON_SCHEDULE_SECONDS", value },
      });
    }
  });
});

describe("JALON_UPLOAD_DIR", () => {
  it("is unset unless given (the data directory's, or a temporary one, is used)", () => {
    const unset = readConfig({ JALON_UPLOAD_DIR: "" });
    expect(unset.ok && unset.config.uploadDir).toBeUndefined();
    const shared = readConfig({ JALON_UPLOAD_DIR: "/srv/shared/uploads" });
    expect(shared.ok && shared.config.uploadDir).toBe("/srv/shared/uploads");
  });
});
