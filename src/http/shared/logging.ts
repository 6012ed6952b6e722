// Structured logs: one pino logger, made by main.ts from LOG_LEVEL, passed to the app; each
// request gets an id (a sane X-Request-Id it arrives with, else a fresh one), a child logger
// carrying it, and one line when it ends: method, route pattern, status, milliseconds.
// Links carry their secret in the path (/i/:token, /setup/:token, /password/reset/:token), so
// the line names the route as declared, never the path asked for, and never the query.

import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { type DestinationStream, type LevelWithSilent, type Logger, pino } from "pino";
import pretty from "pino-pretty";
import type { AppEnv } from "./env.ts";

export type { Logger };

/**
 * Field paths pino replaces by "[redacted]" wherever a line carries them: what no log line
 * may show, should a caller ever pass a request, a header set or a form along.
 */
const REDACT = [
  "password",
  "*.password",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "cookie",
  "*.cookie",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
  "*.headers.authorization",
  "*.headers.cookie",
  '*.headers["set-cookie"]',
  "url",
  "*.url",
  "text",
  "*.text",
];

/**
 * The server's logger: JSON lines on `destination`, or readable lines when it is a terminal
 * (pino-pretty, written synchronously so that nothing is lost at exit).
 */
export function createLogger(o: {
  level: LevelWithSilent;
  destination?: DestinationStream;
  pretty?: boolean;
}): Logger {
  const destination =
    o.destination ??
    (o.pretty
      ? pretty({
          colorize: true,
          singleLine: true,
          translateTime: "SYS:HH:MM:ss.l",
          sync: true,
          destination: 2,
        })
      : pino.destination({ dest: 2, sync: true }));
  return pino(
    {
      level: o.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: "[redacted]" },
    },
    destination,
  );
}

/** A logger that writes nothing: the app's default when none is given (tests). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

/** An incoming request id worth keeping: short, and nothing a log reader could mistake. */
const SANE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const reqId = incoming && SANE_ID.test(incoming) ? incoming : randomUUID();
    c.set("requestId", reqId);
    const log = logger.child({ reqId });
    c.set("log", log);
    const start = performance.now();
    await next();
    // The pattern of the route the request matched, skipping the middleware (app.use) around
    // it, which may be registered after it; "*" when none did (the path might hold a secret).
    const route = matchedRoutes(c).findLast((r) => r.method !== "ALL")?.path ?? "*";
    log.info(
      {
        method: c.req.method,
        route,
        status: c.res.status,
        ms: Math.round((performance.now() - start) * 10) / 10,
      },
      "request",
    );
  };
}
