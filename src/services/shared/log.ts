// What services log through: the structured logger main.ts creates (pino), seen through the
// four methods they use, so that services depend on no logging library.

/** A structured logger: fields first, then the message (pino's order). */
export interface Log {
  /** What an operator asks for with LOG_LEVEL=debug only: each job's start and end. */
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

/** A logger that drops every line: for callers that have nowhere to write. */
export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {} };
