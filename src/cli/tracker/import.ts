// `jalon import responses <file> [--dry-run]`: imports a filled-in questionnaire workbook as the
// system administrator. Exit 1 when the file is refused as a whole; refused rows are listed.

import { readFile, stat } from "node:fs/promises";
import { summaryCounts } from "../../domain/shared/import-summary.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import type { Actor } from "../../domain/shared/policy.ts";
import { isProblem } from "../../domain/shared/problem.ts";
import { MAX_QUESTIONNAIRE_FILE } from "../../domain/tracker/questionnaire-file.ts";
import type { Db } from "../../services/shared/db.ts";
import { migrate } from "../../services/shared/setup.ts";
import { importQuestionnaire } from "../../services/tracker/questionnaire-files.ts";
import { createWorkbookReader } from "../../services/tracker/upload-reading.ts";
import type { Command } from "../args.ts";
import type { Io } from "../commands.ts";
import { type CliMessage, cliMessage } from "../messages.ts";

type ImportCommand = Extract<Command, { name: "import-responses" }>;

/** The operator holds the database: it imports with an administrator's rights. */
const OPERATOR: Actor = { kind: "user", userId: 0, role: "admin", partnerId: null, name: "cli" };

export async function runImport(
  db: Db,
  command: ImportCommand,
  lang: Lang,
  io: Io,
): Promise<number> {
  await migrate(db);
  const file = command.file;
  let bytes: Uint8Array;
  try {
    // The size is known before anything is read into memory.
    if ((await stat(file)).size > MAX_QUESTIONNAIRE_FILE) {
      io.err(
        cliMessage(lang, "import_refused", {
          file,
          reason: cliMessage(lang, "refused.too_large"),
        }),
      );
      return 1;
    }
    bytes = new Uint8Array(await readFile(file));
  } catch {
    io.err(cliMessage(lang, "import_unreadable", { file }));
    return 1;
  }
  let result: Awaited<ReturnType<typeof importQuestionnaire>>;
  try {
    result = await importQuestionnaire(
      db,
      OPERATOR,
      bytes,
      { dryRun: command.dryRun },
      lang,
      createWorkbookReader(),
    );
  } catch (error) {
    if (isProblem(error) && error.code === "not_found") {
      io.err(cliMessage(lang, "import_not_found", { file, value: String(error.details.id ?? "") }));
      return 1;
    }
    throw error;
  }
  if (!result.ok) {
    const reason = cliMessage(lang, `refused.${result.reason}` as CliMessage);
    io.err(cliMessage(lang, "import_refused", { file, reason }));
    return 1;
  }
  io.out(
    cliMessage(lang, "import_done", {
      file,
      cycle: result.cycleSlug,
      partner: result.partnerSlug,
      ...summaryCounts(result.summary),
    }),
  );
  for (const r of result.summary.rejected) {
    const reason = cliMessage(lang, `reason.${r.reason}` as CliMessage, { value: r.value });
    io.out(cliMessage(lang, "import_row", { row: r.row, reason }));
  }
  if (result.dryRun) io.out(cliMessage(lang, "import_dry_run"));
  return 0;
}
