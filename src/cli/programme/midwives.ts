// `jalon import midwives <file> --programme ID [--dry-run]`: imports the midwife register (CSV or
// XLSX) into a programme as the operator, saying when it starts reading, then prints the summary,
// what it added and every refused line with its reasons. Exit 1 when the file or the programme
// is refused as a whole.
import type { Actor } from "../../domain/shared/policy.ts";
import { isProblem } from "../../domain/shared/problem.ts";
import { fileHash, fileRefusal } from "../../services/health/dhis2-files.ts";
import { importRegister } from "../../services/programme/register-import.ts";
import type { Database } from "../../services/shared/db.ts";
import type { Command } from "../args.ts";
import { readyToRead } from "../health/import.ts";
import { type CliMessage, cliMessage } from "../messages.ts";
import type { CommandContext } from "../run.ts";

type MidwivesCommand = Extract<Command, { name: "import-midwives" }>;

/** The operator holds the database: it imports with an administrator's rights. */
const OPERATOR: Actor = { kind: "user", userId: 0, role: "admin", partnerId: null, name: "cli" };

export async function runImportMidwives(
  database: Database,
  command: MidwivesCommand,
  ctx: CommandContext,
): Promise<number> {
  const { lang, io } = ctx;
  const file = command.file;
  if (!(await readyToRead(database, file, ctx))) return 1;
  io.err(cliMessage(lang, "midwives_reading", { file }));
  let summary: Awaited<ReturnType<typeof importRegister>>;
  try {
    summary = await importRegister(database.db, OPERATOR, {
      programmeId: command.programmeId,
      file: { path: file },
      dryRun: command.dryRun,
      fileHash: await fileHash(file),
    });
  } catch (error) {
    if (isProblem(error) && error.code === "not_found") {
      io.err(cliMessage(lang, "midwives_no_programme", { id: command.programmeId }));
      return 1;
    }
    const refusal = fileRefusal(error);
    if (!refusal) throw error;
    const reason = cliMessage(lang, `read.${refusal.code}` as CliMessage, {
      max: "20 Mo",
      columns: "",
      column: "",
      ...refusal.details,
    });
    io.err(cliMessage(lang, "import_refused", { file, reason }));
    return 1;
  }
  io.out(
    cliMessage(lang, "midwives_done", {
      file,
      imported: summary.imported,
      updated: summary.updated,
      ignored: summary.ignored,
      rejected: summary.rejected.length,
    }),
  );
  io.out(cliMessage(lang, "midwives_added", summary.added));
  for (const r of summary.rejected)
    io.out(
      cliMessage(lang, "midwives_row", {
        row: r.row,
        name: r.name ?? "—",
        reason: r.problems.map((p) => cliMessage(lang, `mwrow.${p}` as CliMessage)).join(" "),
      }),
    );
  if (command.dryRun) io.out(cliMessage(lang, "import_dry_run"));
  return 0;
}
