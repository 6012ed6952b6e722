// `jalon import org-units <file> [--dry-run]`: imports a CSV of organisation units as the
// system administrator, then prints the summary with every refused line and its reasons.
import { fileHash, fileRefusal } from "../../services/health/dhis2-files.ts";
import { importUnitPath } from "../../services/health/unit-import.ts";
import type { Database } from "../../services/shared/db.ts";
import type { Command } from "../args.ts";
import { type CliMessage, cliMessage } from "../messages.ts";
import type { CommandContext } from "../run.ts";
import { readyToRead } from "./import.ts";

type UnitsCommand = Extract<Command, { name: "import-units" }>;

export async function runImportUnits(
  database: Database,
  command: UnitsCommand,
  ctx: CommandContext,
): Promise<number> {
  const { lang, io } = ctx;
  const file = command.file;
  if (!(await readyToRead(database, file, ctx))) return 1;
  let summary: Awaited<ReturnType<typeof importUnitPath>>;
  try {
    summary = await importUnitPath(database, {
      path: file,
      actor: "cli",
      fileHash: await fileHash(file),
      dryRun: command.dryRun,
    });
  } catch (error) {
    const refusal = fileRefusal(error);
    if (!refusal) throw error;
    const reason = cliMessage(lang, `read.${refusal.code}` as CliMessage, {
      max: "50 Mo",
      columns: "",
      column: "",
      ...refusal.details,
    });
    io.err(cliMessage(lang, "import_refused", { file, reason }));
    return 1;
  }
  io.out(
    cliMessage(lang, "units_done", {
      file,
      imported: summary.imported,
      updated: summary.updated,
      moved: summary.moved,
      ignored: summary.ignored,
      rejected: summary.rejected.length,
    }),
  );
  for (const r of summary.rejected)
    io.out(
      cliMessage(lang, "units_row", {
        row: r.row,
        code: r.code ?? "—",
        reason: r.problems.map((p) => cliMessage(lang, `unit.${p}` as CliMessage)).join(" "),
      }),
    );
  if (command.dryRun) io.out(cliMessage(lang, "import_dry_run"));
  return 0;
}
