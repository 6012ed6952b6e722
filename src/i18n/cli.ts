// The command line's catalogue: its messages and each command's usage, with the same
// {placeholders} and word forms as the pages.
import type { Lang } from "../domain/shared/lang.ts";
import { fillMessage } from "../domain/shared/message.ts";
import * as analytics from "./health/analytics.ts";
import * as healthCli from "./health/cli.ts";
import * as healthImport from "./health/import.ts";
import * as registerImport from "./programme/register-import.ts";
import * as backup from "./shared/backup.ts";
import * as messages from "./shared/cli.ts";
import * as help from "./shared/cli-help.ts";

const fr = {
  ...help.fr,
  ...messages.fr,
  ...backup.fr,
  ...healthCli.fr,
  ...healthImport.fr,
  ...analytics.fr,
  ...registerImport.fr,
  ...registerImport.cliFr,
};

export type CliMessage = keyof typeof fr;

const en: Record<CliMessage, string> = {
  ...help.en,
  ...messages.en,
  ...backup.en,
  ...healthCli.en,
  ...healthImport.en,
  ...analytics.en,
  ...registerImport.en,
  ...registerImport.cliEn,
};

export const CLI_CATALOGUES: Record<Lang, Record<CliMessage, string>> = { fr, en };

export function cliMessage(
  lang: Lang,
  key: CliMessage,
  params: Record<string, string | number> = {},
): string {
  return fillMessage(lang, CLI_CATALOGUES[lang][key], params);
}
