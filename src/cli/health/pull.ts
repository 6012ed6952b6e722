// `jalon import dhis2 --server URL --data-set UID --org-unit UID --period P… [--since DATE]
// [--with-metadata] [--dry-run]`: pulls values from a DHIS2 server through its Web API, with the
// credentials read from the environment (JALON_DHIS2_TOKEN, or JALON_DHIS2_USERNAME and
// JALON_DHIS2_PASSWORD), never from the command line; prints the same summary as a file import.

import { dhis2Message } from "../../i18n/health/dhis2.ts";
import { authFromEnv, pullFromServer, pullRefusal } from "../../services/health/dhis2-pull.ts";
import type { Database } from "../../services/shared/db.ts";
import { migrate } from "../../services/shared/setup.ts";
import type { Command } from "../args.ts";
import { cliMessage } from "../messages.ts";
import type { CommandContext } from "../run.ts";
import { printSummary } from "./import.ts";

export async function runPullDhis2(
  database: Database,
  command: Extract<Command, { name: "pull-dhis2" }>,
  ctx: CommandContext,
): Promise<number> {
  const { lang, io } = ctx;
  await migrate(database.db);
  const env = ctx.env ?? {};
  let last = 0;
  try {
    const summary = await pullFromServer(database, {
      connection: { baseUrl: command.server, auth: authFromEnv(env) },
      env,
      dataSet: command.dataSet,
      orgUnit: command.orgUnit,
      periods: command.periods,
      ...(command.since ? { since: command.since } : {}),
      withMetadata: command.withMetadata,
      dryRun: command.dryRun,
      actor: "cli",
      onProgress: (read) => {
        if (Date.now() - last < 2_000) return;
        last = Date.now();
        io.err(cliMessage(lang, "dhis2_progress", { read }));
      },
    });
    printSummary(summary, command.server, lang, io);
  } catch (error) {
    const refusal = pullRefusal(error);
    if (!refusal) throw error;
    io.err(dhis2Message(lang, refusal.code, { url: command.server, ...refusal.details }));
    return 1;
  }
  if (command.dryRun) io.out(cliMessage(lang, "import_dry_run"));
  return 0;
}
