// The only place that wires configuration -> database -> services -> HTTP. Everything else
// receives what it needs as arguments.
import { rm } from "node:fs/promises";
import type { Server } from "node:http";
import { resolve } from "node:path";
import { createAdaptorServer } from "@hono/node-server";
import { parseCommand } from "./cli/args.ts";
import { type Io, prepareForServe, runDemo, runMigrate } from "./cli/commands.ts";
import { runImport } from "./cli/import.ts";
import { cliMessage } from "./cli/messages.ts";
import { runReport } from "./cli/report.ts";
import { runUserAdd } from "./cli/user.ts";
import { readConfig } from "./config.ts";
import { type Database, DatabaseOpenError, openDatabase, redact } from "./db/connect.ts";
import type { Lang } from "./domain/lang.ts";
import { createApp } from "./http/app.ts";
import { smtpMailer } from "./services/mail.ts";
import { startReminderSchedule } from "./services/reminders.ts";
import { reminderMail } from "./web/pages/tracking.ts";

export const VERSION = "0.1.0";

export interface Running {
  url: string;
  server: Server;
  database: Database;
  stop(): Promise<void>;
}

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Runs a command line; resolves to an exit code, or to the running server for `serve`. */
export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: Io = consoleIo,
): Promise<number | Running> {
  const read = readConfig(env);
  if (!read.ok) {
    io.err(cliMessage(env.LANG?.startsWith("en") ? "en" : "fr", "bad_env", { ...read.error }));
    return 2;
  }
  const { config } = read;
  const lang = config.lang;
  const parsed = parseCommand(argv);
  if (!parsed.ok) {
    io.err(cliMessage(lang, parsed.error.reason, { ...parsed.error }));
    return 2;
  }
  const command = parsed.command;
  if (command.name === "help") {
    io.out(cliMessage(lang, "usage"));
    return 0;
  }
  if (command.name === "version") {
    io.out(VERSION);
    return 0;
  }

  let database: Database;
  try {
    database = await openDatabase(config.database);
  } catch (error) {
    return fail(error, lang, io);
  }
  try {
    if (command.name === "migrate") await runMigrate(database.db, lang, io);
    if (command.name === "demo") await runDemo(database.db, command.reset, lang, io);
    if (command.name === "serve") {
      await prepareForServe(database.db, lang, io);
      const running = await listen(database, {
        port: command.port ?? config.port,
        host: command.host ?? config.host,
        secureCookies: config.secureCookies,
        lang,
        io,
        baseUrl: config.baseUrl,
        smtpUrl: config.smtpUrl,
        mailFrom: config.mailFrom,
        sessionIdleMinutes: config.sessionIdleMinutes,
        trustProxy: config.trustProxy,
      });
      const where =
        config.database.kind === "pglite"
          ? cliMessage(lang, "database_embedded", { dir: resolve(config.database.dataDir ?? "") })
          : cliMessage(lang, "database_postgres", { url: redact(config.database.url) });
      io.out(cliMessage(lang, "listening", { url: running.url, database: where }));
      return running;
    }
    if (command.name === "user-add") {
      const base = config.baseUrl ?? `http://localhost:${config.port}`;
      const code = await runUserAdd(database.db, command, base, lang, io);
      await database.close();
      return code;
    }
    if (command.name === "import-responses") {
      const code = await runImport(database.db, command, lang, io);
      await database.close();
      return code;
    }
    if (command.name === "report") {
      const code = await runReport(database.db, command, lang, io);
      await database.close();
      return code;
    }
    await database.close();
    return 0;
  } catch (error) {
    await database.close().catch(() => {});
    // A first start that failed leaves no half-made data directory behind.
    if (database.created && config.database.kind === "pglite" && config.database.dataDir)
      await rm(resolve(config.database.dataDir), { recursive: true, force: true });
    return fail(error, lang, io);
  }
}

function fail(error: unknown, lang: Lang, io: Io): number {
  if (error instanceof DatabaseOpenError) {
    io.err(cliMessage(lang, error.reason, { target: error.target }));
  } else if (error instanceof ListenError) {
    io.err(cliMessage(lang, error.reason, { port: error.port }));
  } else {
    io.err(cliMessage(lang, "unexpected", { message: String((error as Error)?.message ?? error) }));
  }
  return 1;
}

class ListenError extends Error {
  readonly reason: "port_in_use" | "port_denied";
  readonly port: number;
  constructor(reason: "port_in_use" | "port_denied", port: number) {
    super(`${reason}: ${port}`);
    this.reason = reason;
    this.port = port;
  }
}

async function listen(
  database: Database,
  o: {
    port: number;
    host: string;
    secureCookies: boolean;
    lang: Lang;
    io: Io;
    baseUrl: string | undefined;
    smtpUrl: string | undefined;
    mailFrom: string;
    sessionIdleMinutes: number;
    trustProxy: boolean;
  },
): Promise<Running> {
  const mailer = o.smtpUrl ? smtpMailer(o.smtpUrl, o.mailFrom) : undefined;
  const app = createApp({
    db: database.db,
    secureCookies: o.secureCookies,
    log: o.io.err,
    baseUrl: o.baseUrl,
    mailer,
    flush: database.flush,
    sessionIdleMinutes: o.sessionIdleMinutes,
    trustProxy: o.trustProxy,
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") reject(new ListenError("port_in_use", o.port));
      else if (error.code === "EACCES") reject(new ListenError("port_denied", o.port));
      else reject(error);
    });
    server.listen(o.port, o.host, () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : o.port;
  const shownHost = o.host === "0.0.0.0" || o.host === "::" ? "localhost" : o.host;
  const url = `http://${shownHost}:${port}`;
  // Scheduled reminders and e-mail delivery: every 10 minutes, the first run soon after start.
  const schedule = startReminderSchedule(database.db, {
    everyMs: 10 * 60_000,
    firstMs: 30_000,
    baseUrl: o.baseUrl ?? url,
    message: reminderMail(),
    mailer,
    log: o.io.err,
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= schedule
      .stop()
      .then(
        () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      )
      .then(() => database.close());
    return stopping;
  };
  return { url, server, database, stop };
}
