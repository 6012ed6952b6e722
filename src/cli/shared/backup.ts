// `jalon backup FILE` and `jalon restore FILE [--force]`: the services' outcomes said in the
// operator's language, one line each; nothing is changed by a refused restore.
import { access, constants } from "node:fs/promises";
import { formatDate, formatNumber } from "../../domain/shared/format.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { VERSION } from "../../domain/shared/release.ts";
import { backupToFile, restoreFromFile } from "../../services/shared/backup.ts";
import type { Database } from "../../services/shared/db.ts";
import type { Command } from "../args.ts";
import type { Io } from "../commands.ts";
import { type CliMessage, cliMessage } from "../messages.ts";

const exists = (path: string) =>
  access(path, constants.F_OK).then(
    () => true,
    () => false,
  );

/** "207 Ko" / "207 KB", "3,4 Mo" / "3.4 MB". */
function size(lang: Lang, bytes: number): string {
  const [k, m] = lang === "fr" ? ["Ko", "Mo"] : ["KB", "MB"];
  if (bytes < 1024 * 1024)
    return `${formatNumber(lang, Math.max(1, Math.round(bytes / 1024)))} ${k}`;
  return `${formatNumber(lang, Math.round(bytes / 1024 / 102.4) / 10)} ${m}`;
}

export async function runBackup(
  database: Database,
  command: Extract<Command, { name: "backup" }>,
  lang: Lang,
  io: Io,
): Promise<number> {
  const { file } = command;
  if (await exists(file)) {
    io.err(cliMessage(lang, "backup_exists", { file }));
    return 1;
  }
  let summary: Awaited<ReturnType<typeof backupToFile>>;
  try {
    summary = await backupToFile(database, file, VERSION);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR" || code === "ENOTDIR") {
      io.err(cliMessage(lang, "backup_unwritable", { file }));
      return 1;
    }
    throw error;
  }
  io.out(
    cliMessage(lang, "backup_done", {
      file,
      tables: formatNumber(lang, summary.tables),
      rows: formatNumber(lang, summary.rows),
      size: size(lang, summary.bytes),
      schema: summary.schema,
    }),
  );
  return 0;
}

export async function runRestore(
  database: Database,
  command: Extract<Command, { name: "restore" }>,
  lang: Lang,
  io: Io,
): Promise<number> {
  const { file } = command;
  if (!(await exists(file))) {
    io.err(cliMessage(lang, "restore_unreadable", { file }));
    return 1;
  }
  const outcome = await restoreFromFile(database, file, { force: command.force });
  if (!outcome.ok) {
    const params: Record<string, string> =
      outcome.reason === "newer"
        ? { file, version: outcome.version, schema: outcome.schema }
        : outcome.reason === "not_empty"
          ? { file, rows: formatNumber(lang, outcome.rows) }
          : { file };
    io.err(cliMessage(lang, `restore.${outcome.reason}` as CliMessage, params));
    return 1;
  }
  io.out(
    cliMessage(lang, "restore_done", {
      file,
      tables: formatNumber(lang, outcome.tables),
      rows: formatNumber(lang, outcome.rows),
      schema: outcome.header.schema,
      created: formatDate(lang, outcome.header.created.slice(0, 10)),
    }),
  );
  if (outcome.migrated.length > 0)
    io.out(cliMessage(lang, "restore_migrated", { list: outcome.migrated.join(", ") }));
  return 0;
}
