// The commands behind `jalon`: each calls services and reports in the operator's language.

import { type DemoReport, loadDemo } from "../demo/load.ts";
import type { Lang } from "../domain/shared/lang.ts";
import type { Db } from "../services/shared/db.ts";
import { migrate } from "../services/shared/setup.ts";
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

/**
 * Before serving: migrate; then, when asked (always on the embedded database, with `--demo` on
 * PostgreSQL), load the demo world if the database holds no tracker yet.
 */
export async function prepareForServe(
  db: Db,
  options: { demo: boolean },
  lang: Lang,
  io: Io,
): Promise<void> {
  await migrate(db);
  if (!options.demo) return;
  const report = await loadDemo({ db }, { reset: false });
  if (report.loaded) {
    io.out(demoLine(lang, report));
    io.out(cliMessage(lang, "demo_hint"));
  }
}
