// Two projects: unit/integration tests (domain, db, services, http) and browser journeys.
import { defineConfig } from "vitest/config";

const ci = process.env.CI === "true";

export default defineConfig({
  test: {
    env: { TZ: "UTC" },
    reporters: ci ? ["default", "./test/support/no-skips-reporter.ts"] : ["default"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
