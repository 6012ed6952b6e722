// The only place that wires configuration -> database -> services -> HTTP. Everything else
// receives what it needs as arguments.

import { rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createAdaptorServer } from "@hono/node-server";
import { parseCommand } from "./cli/args.ts";
import { type Channel, forward, openChannel, socketPath } from "./cli/channel.ts";
import { type Io, prepareForServe } from "./cli/commands.ts";
import { isFreshDataDir, loadDemoInChild } from "./cli/first-start.ts";
import { cliMessage } from "./cli/messages.ts";
import { isDbCommand, runCommand, runHandedOver } from "./cli/run.ts";
import { readConfig } from "./config.ts";
import { type Database, DatabaseOpenError, openDatabase, redact } from "./db/connect.ts";
import { MigrationError, NewerSchemaError } from "./db/migrate.ts";
import type { Lang } from "./domain/shared/lang.ts";
import { VERSION } from "./domain/shared/release.ts";
import { createApp } from "./http/app.ts";
import { createLogger, type Logger } from "./http/shared/logging.ts";
import { PageCache } from "./http/shared/page-cache.ts";
import { dhis2Jobs } from "./services/health/dhis2-connections.ts";
import { healthImportJobs } from "./services/health/import-jobs.ts";
import { recommendationReminderJobs } from "./services/programme/mission-reminders.ts";
import { createJobRunner } from "./services/shared/jobs.ts";
import { smtpMailer } from "./services/shared/mail.ts";
import { createRenderer } from "./services/shared/rendering.ts";
import { offerSetupLink } from "./services/shared/setup-links.ts";
import { databaseUpkeepJobs } from "./services/shared/upkeep.ts";
import { startReminderSchedule } from "./services/tracker/reminders.ts";
import { createWorkbookReader } from "./services/tracker/upload-reading.ts";
import { recommendationReminderMail } from "./web/programme/mail.ts";
import { reminderMail } from "./web/tracker/pages/tracking.ts";

export { VERSION };

export interface Running {
  /** The address the server listens on, as reached from this machine. */
  url: string;
  /** Where links start: JALON_BASE_URL, else `url`. */
  baseUrl: string;
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
    io.out(cliMessage(lang, command.topic ? `usage.${command.topic}` : "usage"));
    return 0;
  }
  if (command.name === "version") {
    io.out(VERSION);
    return 0;
  }

  const dataDir =
    config.database.kind === "pglite" && config.database.dataDir
      ? resolve(config.database.dataDir)
      : undefined;
  if (command.name === "serve" && config.secureCookies && config.baseUrl === undefined) {
    // Production links must name the public address; the listening one is behind a proxy.
    io.err(cliMessage(lang, "base_url_required"));
    return 2;
  }

  // A first start creates the embedded database and loads the demo in a child process.
  const fresh = command.name === "serve" && dataDir !== undefined && isFreshDataDir(dataDir);
  if (fresh) {
    const code = await loadDemoInChild(env, io);
    if (code !== 0) return code;
  }
  let database: Database;
  try {
    database = await openDatabase(config.database);
  } catch (error) {
    // The embedded database belongs to the running server: it runs the command for us.
    if (error instanceof DatabaseOpenError && error.reason === "data_dir_locked" && dataDir) {
      const code = await forward(dataDir, { argv: [...argv], cwd: process.cwd(), lang }, io);
      if (code === "lost") io.err(cliMessage(lang, "channel_lost"));
      if (code !== "absent") return code === "lost" ? 1 : code;
    }
    return fail(error, lang, io);
  }
  try {
    if (command.name === "serve") {
      // The embedded database is the demo's home; a PostgreSQL database starts empty unless asked.
      const demo = config.database.kind === "pglite" || command.demo === true;
      await prepareForServe(database, { demo }, lang, io);
      if (fresh) io.out(cliMessage(lang, "demo_hint"));
      const running = await listen(database, {
        port: command.port ?? config.port,
        host: command.host ?? config.host,
        secureCookies: config.secureCookies,
        lang,
        io,
        baseUrl: config.baseUrl,
        smtpUrl: config.smtpUrl,
        mailFrom: config.mailFrom,
        dataDir,
        uploadDir: config.uploadDir,
        sessionIdleMinutes: config.sessionIdleMinutes,
        trustProxy: config.trustProxy,
        scheduleMs: config.scheduleSeconds * 1000,
        jobPollMs: config.jobPollSeconds * 1000,
        pageCache: config.pageCache,
        env,
        // Readable lines in a terminal, JSON lines (one per event) for a log collector.
        logger: createLogger({ level: config.logLevel, pretty: process.stderr.isTTY === true }),
      });
      const where =
        config.database.kind === "pglite"
          ? cliMessage(lang, "database_embedded", { dir: resolve(config.database.dataDir ?? "") })
          : cliMessage(lang, "database_postgres", { url: redact(config.database.url) });
      io.out(cliMessage(lang, "listening", { url: running.url, database: where }));
      const setup = await offerSetupLink(database.db, running.baseUrl);
      if (setup) io.out(cliMessage(lang, "setup_link", { url: setup }));
      return running;
    }
    const code = isDbCommand(command)
      ? await runCommand(database, command, {
          progressBar: process.stderr.isTTY === true,
          env,
          // Without a server to ask, links point where the configuration says it listens.
          baseUrl: config.baseUrl ?? listeningUrl(config.host, config.port),
          lang,
          io,
        })
      : 0;
    await database.close();
    return code;
  } catch (error) {
    await database.close().catch(() => {});
    // A first start that failed leaves no half-made data directory behind.
    if ((database.created || fresh) && dataDir) await rm(dataDir, { recursive: true, force: true });
    return fail(error, lang, io);
  }
}

/** The address a server listening on host:port is reached at from this machine. */
function listeningUrl(host: string, port: number): string {
  const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
}

function fail(error: unknown, lang: Lang, io: Io): number {
  if (error instanceof DatabaseOpenError) {
    io.err(cliMessage(lang, error.reason, { target: error.target }));
  } else if (error instanceof MigrationError) {
    const why = error.cause instanceof Error ? error.cause.message : String(error.cause);
    io.err(cliMessage(lang, "migration_failed", { name: error.migration, message: why }));
  } else if (error instanceof NewerSchemaError) {
    io.err(cliMessage(lang, "schema_newer", { list: error.unknown.join(", ") }));
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
    dataDir: string | undefined;
    uploadDir: string | undefined;
    sessionIdleMinutes: number;
    trustProxy: boolean;
    scheduleMs: number;
    jobPollMs: number;
    pageCache: boolean;
    env: Readonly<Record<string, string | undefined>>;
    logger: Logger;
  },
): Promise<Running> {
  const log = o.logger;
  let stopping: Promise<void> | undefined;
  const mailer = o.smtpUrl ? smtpMailer(o.smtpUrl, o.mailFrom) : undefined;
  // The server's workers: files drawn in one, uploaded workbooks read in their own.
  const renderer = createRenderer();
  const workbookReader = createWorkbookReader();
  // The app is built once the port is known (0 picks one): links start with that address.
  let app: ReturnType<typeof createApp> | undefined;
  const server = createAdaptorServer({
    fetch: (request, env) => (app as ReturnType<typeof createApp>).fetch(request, env),
  }) as Server;
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
  const url = listeningUrl(o.host, port);
  const baseUrl = o.baseUrl ?? url;
  // Health-data imports uploaded from the web run as jobs here, started as soon as they are
  // queued (and once now, for any a stopped server left waiting).
  // A saved DHIS2 connection's "import now" runs here too, its secrets read from the environment.
  const jobs = createJobRunner(
    database.db,
    { ...healthImportJobs(database), ...dhis2Jobs({ database, env: o.env, log }) },
    // A poll a minute by default: jobs other instances queue, and a heartbeat for /readyz.
    { log, pollMs: o.jobPollMs },
  );
  jobs.kick();
  // An upload's import job may run on another instance: several hosts share JALON_UPLOAD_DIR.
  const uploadDir = o.uploadDir
    ? resolve(o.uploadDir)
    : o.dataDir
      ? join(o.dataDir, "uploads")
      : join(tmpdir(), "jalon-uploads");
  // Pages rendered for anonymous readers, and the catalogue analytics queries resolve their
  // items with, are kept until a change is announced; without a feed (JALON_PAGE_CACHE=false, or
  // the listening connection could not open) each page is rendered and each catalogue read anew.
  const changes = o.pageCache
    ? await database.watchChanges().catch((error: unknown) => {
        log.warn({ err: error }, "page cache off: changes cannot be followed");
        return undefined;
      })
    : undefined;
  app = createApp({
    pageCache: changes ? new PageCache(changes) : undefined,
    changes,
    db: database.db,
    secureCookies: o.secureCookies,
    logger: log,
    alive: () => !stopping && jobs.alive(),
    baseUrl,
    // Declaring the public address declares the only Host the server answers for.
    allowedHost: o.baseUrl ? new URL(o.baseUrl).host : undefined,
    mailer,
    renderer,
    workbookReader,
    flush: database.flush,
    sessionIdleMinutes: o.sessionIdleMinutes,
    trustProxy: o.trustProxy,
    health: { database, uploadDir, kickJobs: () => jobs.kick(), env: o.env },
  });
  // Other `jalon` commands on this data directory are handed to this process.
  let channel: Channel | undefined;
  if (o.dataDir) {
    try {
      channel = await openChannel(o.dataDir, (request, io) =>
        runHandedOver(database, request, { baseUrl, url }, io),
      );
    } catch {
      o.io.err(cliMessage(o.lang, "channel_unavailable", { target: socketPath(o.dataDir) }));
    }
  }
  // Scheduled reminders and e-mail delivery: every 10 minutes by default, the first run soon
  // after start.
  const schedule = startReminderSchedule(database.db, {
    everyMs: o.scheduleMs,
    firstMs: Math.min(30_000, o.scheduleMs),
    baseUrl,
    message: reminderMail(),
    mailer,
    log,
    // Saved DHIS2 connections' scheduled pulls read their secrets from the environment.
    jobs: dhis2Jobs({ database, env: o.env, log }),
    // Owners of overdue mission recommendations: one e-mail per due day.
    // On the embedded database, which has no autovacuum: its tables vacuumed and analysed.
    recurring: {
      ...recommendationReminderJobs({ message: recommendationReminderMail(), log }),
      ...(database.kind === "pglite" ? databaseUpkeepJobs(database) : {}),
    },
  });
  // SIGTERM/SIGINT (bin/jalon.js): refuse new connections and answer /readyz "not ready", let
  // requests in flight and the jobs' current step end (up to SHUTDOWN_MS), then close the
  // database, which writes the embedded one to disk.
  const stop = () => {
    stopping ??= (async () => {
      log.info({}, "shutting down");
      const deadline = Date.now() + SHUTDOWN_MS;
      await Promise.all([
        drain(server, deadline),
        withDeadline(deadline, channel?.close()),
        withDeadline(
          deadline,
          schedule.stop().then(() => jobs.stop()),
        ),
      ]);
      await renderer.stop();
      await changes?.close();
      await database.close();
      log.info({}, "stopped");
      log.flush();
    })();
    return stopping;
  };
  return { url, baseUrl, server, database, stop };
}

/** How long a shutdown waits for requests in flight and the jobs' current step. */
const SHUTDOWN_MS = 10_000;

/** Stops accepting, lets open requests answer, and cuts what is still open at the deadline. */
function drain(server: Server, deadline: number): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    // Keep-alive connections between requests hold the server open: close them as they idle.
    const idle = setInterval(() => {
      server.closeIdleConnections();
      if (Date.now() >= deadline) server.closeAllConnections();
    }, 50);
    server.once("close", () => clearInterval(idle));
    server.closeIdleConnections();
  });
}

/** Waits for `work` until the deadline at most (a long job's lease lapses; it is retried). */
async function withDeadline(deadline: number, work: Promise<unknown> | undefined): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work,
    new Promise((done) => {
      timer = setTimeout(done, Math.max(0, deadline - Date.now()));
    }),
  ]);
  clearTimeout(timer);
}
