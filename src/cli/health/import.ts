// `jalon import dhis2 <file> [--dry-run] [--metadata | --values]`: imports a DHIS2 export as the
// system administrator — data values in any of DHIS2's forms, or metadata — with a progress bar
// on a terminal (progress lines otherwise), then DHIS2's kind of summary with every refused row.
import { constants } from "node:fs";
import { access } from "node:fs/promises";
import cliProgress from "cli-progress";
import type { Lang } from "../../domain/shared/lang.ts";
import {
  type DataImportSummary,
  MAX_LISTED_REJECTIONS,
} from "../../services/health/data-import.ts";
import { fileRefusal, importDhis2File } from "../../services/health/dhis2-files.ts";
import type { MetadataSummary } from "../../services/health/metadata-import.ts";
import type { Database } from "../../services/shared/db.ts";
import { migrate } from "../../services/shared/setup.ts";
import type { Command } from "../args.ts";
import { type CliMessage, cliMessage } from "../messages.ts";
import type { CommandContext } from "../run.ts";

type ImportCommand = Extract<Command, { name: "import-dhis2" }>;

/** Migrates the database and checks the file can be read; says so and gives false if not. */
export async function readyToRead(
  database: Database,
  file: string,
  ctx: CommandContext,
): Promise<boolean> {
  await migrate(database.db);
  try {
    await access(file, constants.R_OK);
    return true;
  } catch {
    ctx.io.err(cliMessage(ctx.lang, "dhis2_unreadable", { file }));
    return false;
  }
}

export async function runImportDhis2(
  database: Database,
  command: ImportCommand,
  ctx: CommandContext,
): Promise<number> {
  const { lang, io } = ctx;
  const file = command.file;
  if (!(await readyToRead(database, file, ctx))) return 1;
  // Our own terminal: a bar following the bytes read. Handed to a running server, or without a
  // terminal: the file is read off the main thread and a line says how far, now and then.
  const bar = ctx.progressBar
    ? new cliProgress.SingleBar(
        {
          format: " {bar} {percentage}% | {values} | {eta_formatted}",
          hideCursor: true,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = false;
  let last = Date.now();
  let result: Awaited<ReturnType<typeof importDhis2File>>;
  try {
    result = await importDhis2File(database, {
      path: file,
      kind: command.kind,
      dryRun: command.dryRun,
      actor: "cli",
      inWorker: bar === null,
      onProgress: ({ bytes, size, values }) => {
        if (bar) {
          if (!started) bar.start(size, 0, { values: "" });
          started = true;
          const label = values < 0 ? "" : cliMessage(lang, "dhis2_progress", { read: values });
          bar.update(bytes, values < 0 ? {} : { values: label });
        } else if (values >= 0 && Date.now() - last >= 5_000) {
          last = Date.now();
          io.err(cliMessage(lang, "dhis2_progress", { read: values }));
        }
      },
    });
  } catch (error) {
    const refusal = fileRefusal(error);
    if (!refusal) throw error;
    const reason = cliMessage(lang, `read.${refusal.code}` as CliMessage, {
      max: "2 Go",
      columns: "",
      column: "",
      ...refusal.details,
    });
    io.err(cliMessage(lang, "import_refused", { file, reason }));
    return 1;
  } finally {
    if (started) bar?.stop();
  }
  if (result.kind === "metadata") printMetadata(result.summary, file, lang, io);
  else printSummary(result.summary, file, lang, io);
  if (command.dryRun) io.out(cliMessage(lang, "import_dry_run"));
  return 0;
}

function printMetadata(
  summary: MetadataSummary,
  file: string,
  lang: Lang,
  io: CommandContext["io"],
): void {
  io.out(
    cliMessage(lang, "dhis2_metadata_done", {
      file,
      imported: summary.imported,
      updated: summary.updated,
      ignored: summary.ignored,
      rejected: summary.rejected.length,
    }),
  );
  for (const r of summary.rejected) {
    // A unit may have several problems; an indicator's formula names its own.
    const reason = r.reason.startsWith("expression_")
      ? cliMessage(lang, "meta.expression", { code: r.reason.slice("expression_".length) })
      : r.reason
          .split(",")
          .map((code) => cliMessage(lang, `meta.${code}` as CliMessage))
          .join(" ");
    io.out(
      cliMessage(lang, "dhis2_metadata_row", {
        collection: r.collection,
        row: r.row,
        id: r.id ?? "—",
        reason,
      }),
    );
  }
}

export function printSummary(
  summary: DataImportSummary,
  file: string,
  lang: Lang,
  io: CommandContext["io"],
): void {
  const rejected = summary.rejected.length + summary.rejectedNotListed;
  io.out(
    cliMessage(lang, "dhis2_values_done", {
      file,
      imported: summary.imported,
      updated: summary.updated,
      deleted: summary.deleted,
      ignored: summary.ignored,
      rejected,
    }),
  );
  for (const r of summary.rejected) {
    const reason = cliMessage(lang, `row.${r.reason}` as CliMessage, {
      dataElement: r.dataElement ?? "",
      orgUnit: r.orgUnit ?? "",
      period: r.period ?? "",
      value: r.value ?? "",
    });
    io.out(cliMessage(lang, "import_row", { row: r.row, reason }));
  }
  if (summary.rejectedNotListed > 0)
    io.out(
      cliMessage(lang, "dhis2_rows_not_listed", {
        count: summary.rejectedNotListed,
        listed: MAX_LISTED_REJECTIONS,
      }),
    );
}
