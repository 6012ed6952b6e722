// What every browser journey shares: Debian's Chromium and its flags, and the rule that a
// missing browser skips the journeys locally but fails them under CI.
import { accessSync, constants } from "node:fs";
import { resolve } from "node:path";
import { describe } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Without the background-networking flags Chromium keeps calling hosts this network refuses. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const SCREENSHOTS = resolve(import.meta.dirname, "screenshots");

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const hasChromium = isExecutable(CHROMIUM);

/** `describe` when Chromium is there; a skip with the reason otherwise (an error under CI). */
export function browserSuite(name: string): [typeof describe | typeof describe.skip, string] {
  if (!hasChromium && process.env.CI === "true") {
    throw new Error(
      `CI=true but no Chromium at ${CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH`,
    );
  }
  if (hasChromium) return [describe, name];
  console.warn(
    `e2e: no Chromium at ${CHROMIUM}; ${name} skipped (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
  return [describe.skip, `${name} (skipped: no Chromium at ${CHROMIUM}; set CHROMIUM_PATH)`];
}
