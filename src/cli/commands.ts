// The commands behind `jalon`: each calls services and reports in the operator's language.

import { type DemoReport, type HealthDemoReport, loadDemoWorlds } from "../demo/load.ts";
import type { ProgrammeDemoReport } from "../demo/programme/load.ts";
import { formatNumber } from "../domain/shared/format.ts";
import type { Lang } from "../domain/shared/lang.ts";
import { recoverInterruptedImport } from "../services/health/data-import.ts";
import type { Database, Db } from "../services/shared/db.ts";
import { migrate } from "../services/shared/setup.ts";
import { cliMessage } from "./messages.ts";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Counts as the operator reads them: "15 072" in French, "15,072" in English. */
function formatted(lang: Lang, counts: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, formatNumber(lang, v)]));
}

function demoLine(lang: Lang, report: DemoReport): string {
  const { loaded, ...counts } = report;
  return loaded
    ? cliMessage(lang, "demo_loaded", formatted(lang, counts))
    : cliMessage(lang, "demo_skipped");
}

function healthLine(lang: Lang, report: HealthDemoReport): string {
  const { loaded, ...counts } = report;
  return loaded
    ? cliMessage(lang, "demo_health_loaded", formatted(lang, counts))
    : cliMessage(lang, "demo_health_skipped");
}

function programmeLine(lang: Lang, report: ProgrammeDemoReport): string {
  const { loaded: _, ...counts } = report;
  return cliMessage(lang, "demo_programme_loaded", formatted(lang, counts));
}

export async function runMigrate(db: Db, lang: Lang, io: Io): Promise<void> {
  const { applied } = await migrate(db);
  io.out(
    applied.length === 0
      ? cliMessage(lang, "up_to_date")
      : cliMessage(lang, "migrated", { list: applied.join(", ") }),
  );
}

/** Loads the health world if its part is empty (as after --reset), then the demo world. */
export async function runDemo(
  database: Database,
  reset: boolean,
  lang: Lang,
  io: Io,
): Promise<void> {
  await migrate(database.db);
  const { report, health, programme } = await loadDemoWorlds(database, { reset });
  io.out(demoLine(lang, report));
  // Said when the health world loads, or when it stays out of a world that just loaded.
  if (health.loaded || report.loaded) io.out(healthLine(lang, health));
  if (programme.loaded) io.out(programmeLine(lang, programme));
}

/**
 * Before serving: migrate; then, when asked (always on the embedded database, with `--demo` on
 * PostgreSQL), load the demo world if the database holds no tracker yet, and with it the health
 * world if the health part holds nothing either (a database of real units is left alone).
 */
export async function prepareForServe(
  database: Database,
  options: { demo: boolean },
  lang: Lang,
  io: Io,
): Promise<void> {
  await migrate(database.db);
  // A large import that a stopped process left half-merged is taken back before anything reads.
  await recoverInterruptedImport(database);
  if (!options.demo) return;
  const { report, health, programme } = await loadDemoWorlds(database, {
    reset: false,
    onlyIfNoTracker: true,
  });
  if (report.loaded) {
    io.out(demoLine(lang, report));
    if (health.loaded) io.out(healthLine(lang, health));
    if (programme.loaded) io.out(programmeLine(lang, programme));
    io.out(cliMessage(lang, "demo_hint"));
  }
}
