// Logs written to memory, so that a test can read every line the server wrote.
import { createLogger, type Logger } from "../../src/http/shared/logging.ts";

export interface MemoryLog {
  logger: Logger;
  /** Each line as written (JSON). */
  lines: string[];
  /** Each line parsed. */
  entries(): Record<string, unknown>[];
}

/** A logger keeping its lines from `level` up (by default only errors: what tests assert on). */
export function memoryLog(level: "error" | "warn" | "info" | "debug" = "error"): MemoryLog {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line) => lines.push(line) } });
  return {
    logger,
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** A logger handing each error line to `write` (tests and journeys that collect server errors). */
export function errorLogger(write: (line: string) => void): Logger {
  return createLogger({ level: "error", destination: { write } });
}
