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
