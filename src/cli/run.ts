// Runs one database command of `jalon` with a database handle: the command line's own (server
// stopped, or PostgreSQL), or the running server's when the command is handed to it.
import { resolve } from "node:path";
import type { Lang } from "../domain/shared/lang.ts";
import type { Database } from "../services/shared/db.ts";
import { type Command, parseCommand } from "./args.ts";
import type { ChannelRequest } from "./channel.ts";
import { type Io, runDemo, runMigrate } from "./commands.ts";
import { runAnalyticsCommand } from "./health/analytics.ts";
import { runImportDhis2 } from "./health/import.ts";
import { runPullDhis2 } from "./health/pull.ts";
import { runImportUnits } from "./health/units.ts";
import { cliMessage } from "./messages.ts";
import { runImportMidwives } from "./programme/midwives.ts";
import { runBackup, runRestore } from "./shared/backup.ts";
import { runImport } from "./tracker/import.ts";
import { runReport } from "./tracker/report.ts";
import { runUserAdd } from "./tracker/user.ts";

export type DbCommand = Extract<
  Command,
  {
    name:
      | "migrate"
      | "demo"
      | "user-add"
      | "import-responses"
      | "report"
      | "import-dhis2"
      | "import-units"
      | "import-midwives"
      | "pull-dhis2"
      | "analytics"
      | "backup"
      | "restore";
  }
>;

export interface CommandContext {
  /** Where printed links point: JALON_BASE_URL, else the address the server listens on. */
  baseUrl: string;
  lang: Lang;
  io: Io;
  /** Draw progress bars (a terminal of our own), else print a progress line now and then. */
  progressBar?: boolean;
  /** Where credentials named by variable are read (a DHIS2 token…): the process's environment. */
  env?: Readonly<Record<string, string | undefined>>;
}

export function isDbCommand(command: Command): command is DbCommand {
  return [
    "migrate",
    "demo",
    "user-add",
    "import-responses",
    "report",
    "import-dhis2",
    "import-units",
    "import-midwives",
    "pull-dhis2",
    "analytics",
    "backup",
    "restore",
  ].includes(command.name);
}

export async function runCommand(
  database: Database,
  command: DbCommand,
  ctx: CommandContext,
): Promise<number> {
  const { lang, io } = ctx;
  const db = database.db;
  switch (command.name) {
    case "migrate":
      await runMigrate(db, lang, io);
      return 0;
    case "demo":
      await runDemo(database, command.reset, lang, io);
      return 0;
    case "user-add":
      return runUserAdd(db, command, ctx.baseUrl, lang, io);
    case "import-responses":
      return runImport(db, command, lang, io);
    case "report":
      return runReport(db, command, lang, io);
    case "import-dhis2":
      return runImportDhis2(database, command, ctx);
    case "import-units":
      return runImportUnits(database, command, ctx);
    case "import-midwives":
      return runImportMidwives(database, command, ctx);
    case "pull-dhis2":
      return runPullDhis2(database, command, ctx);
    case "analytics":
      return runAnalyticsCommand(db, command, lang, io);
    case "backup":
      return runBackup(database, command, lang, io);
    case "restore":
      return runRestore(database, command, lang, io);
  }
}

/** The command with its file paths made absolute, for a process whose directory differs. */
export function withAbsolutePaths(command: DbCommand, cwd: string): DbCommand {
  if (
    command.name === "import-responses" ||
    command.name === "import-dhis2" ||
    command.name === "import-units" ||
    command.name === "import-midwives" ||
    command.name === "backup" ||
    command.name === "restore"
  )
    return { ...command, file: resolve(cwd, command.file) };
  if (command.name === "report") return { ...command, out: resolve(cwd, command.out) };
  return command;
}

/**
 * A command handed over by another `jalon` process to the running server: parsed again (the
 * request is input like any other), run with the server's database and addresses.
 */
export async function runHandedOver(
  database: Database,
  request: ChannelRequest,
  server: { baseUrl: string; url: string },
  io: Io,
): Promise<number> {
  const lang = request.lang;
  const parsed = parseCommand(request.argv);
  if (!parsed.ok) {
    io.err(cliMessage(lang, parsed.error.reason, { ...parsed.error }));
    return 2;
  }
  const command = parsed.command;
  if (command.name === "serve") {
    io.err(cliMessage(lang, "already_serving", { url: server.url }));
    return 1;
  }
  if (!isDbCommand(command)) return 2;
  try {
    return await runCommand(database, withAbsolutePaths(command, request.cwd), {
      baseUrl: server.baseUrl,
      lang,
      io,
    });
  } catch (error) {
    io.err(cliMessage(lang, "unexpected", { message: String((error as Error)?.message ?? error) }));
    return 1;
  }
}
