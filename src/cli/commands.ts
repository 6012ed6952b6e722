// The commands behind `jalon`: each calls services and reports in the operator's language.

import type { Lang } from "../domain/lang.ts";
import type { Db } from "../services/db.ts";
import { type DemoReport, loadDemo } from "../services/demo/load.ts";
import { migrate, prepare } from "../services/setup.ts";
import { cliMessage } from "./messages.ts";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

function demoLine(lang: Lang, report: DemoReport): string {
  const { loaded, ...counts } = report;
  return loaded ? cliMessage(lang, "demo_loaded", counts) : cliMessage(lang, "demo_skipped");
}

export async function runMigrate(db: Db, lang: Lang, io: Io): Promise<void> {
  const { applied } = await migrate(db);
  io.out(
    applied.length === 0
      ? cliMessage(lang, "up_to_date")
      : cliMessage(lang, "migrated", { list: applied.join(", ") }),
  );
}

export async function runDemo(db: Db, reset: boolean, lang: Lang, io: Io): Promise<void> {
  await migrate(db);
  io.out(demoLine(lang, await loadDemo({ db }, { reset })));
}

/** First start: migrate, then load the demo world if the database is empty. */
export async function prepareForServe(db: Db, lang: Lang, io: Io): Promise<void> {
  const report = await prepare(db);
  if (report.loaded) {
    io.out(demoLine(lang, report));
    io.out(cliMessage(lang, "demo_hint"));
  }
}
