// What services log through: the structured logger main.ts creates (pino), seen through the
// three methods they use, so that services depend on no logging library.

/** A structured logger: fields first, then the message (pino's order). */
export interface Log {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

/** A logger that drops every line: for callers that have nowhere to write. */
export const silentLog: Log = { info() {}, warn() {}, error() {} };
