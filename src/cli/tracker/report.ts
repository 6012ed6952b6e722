// `jalon report`: writes a cycle's annual report in the asked formats into a directory. Every
// file is rendered first, then written under a temporary name in the target directory and
// renamed, so a failure never leaves a half-written report behind.

import { randomBytes } from "node:crypto";
import { access, constants, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Lang } from "../../domain/shared/lang.ts";
import { isProblem } from "../../domain/shared/problem.ts";
import type { ReportFormat } from "../../domain/tracker/report-text.ts";
import type { Db } from "../../services/shared/db.ts";
import { createRenderer } from "../../services/shared/rendering.ts";
import { migrate } from "../../services/shared/setup.ts";
import { buildReport, renderReport, reportFileName } from "../../services/tracker/reports.ts";
import type { Command } from "../args.ts";
import type { Io } from "../commands.ts";
import { cliMessage } from "../messages.ts";

type ReportCommand = Extract<Command, { name: "report" }>;

/** A directory we can write into, created if missing; false when that is impossible. */
async function writableDir(dir: string): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory()) return false;
    await access(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export async function runReport(
  db: Db,
  command: ReportCommand,
  lang: Lang,
  io: Io,
): Promise<number> {
  // Migrating also opens the embedded database (closing one never opened does not return).
  await migrate(db);
  const reportLang = command.lang ?? lang;
  let files: { name: string; bytes: Uint8Array }[];
  try {
    // The operator holds the database: any cycle, published or not, can be reported on.
    const model = await buildReport(db, command.cycle, reportLang, { publishedOnly: false });
    files = [];
    const renderer = createRenderer();
    try {
      for (const format of command.formats as ReportFormat[]) {
        const bytes = await renderReport(renderer, model, format);
        files.push({ name: reportFileName(model, format), bytes });
      }
    } finally {
      await renderer.stop();
    }
  } catch (error) {
    if (isProblem(error) && error.code === "not_found") {
      io.err(cliMessage(lang, "report_cycle", { value: command.cycle }));
      return 1;
    }
    throw error;
  }
  // The directory is made only once there is something to put in it.
  const out = resolve(command.out);
  if (!(await writableDir(out))) {
    io.err(cliMessage(lang, "report_out", { target: out }));
    return 1;
  }
  const written: string[] = [];
  for (const file of files) {
    const target = join(out, file.name);
    const temp = join(out, `.${file.name}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await writeFile(temp, file.bytes, { flag: "wx" });
      await rename(temp, target);
      written.push(target);
    } catch {
      await rm(temp, { force: true });
      io.err(cliMessage(lang, "report_out", { target: out }));
      return 1;
    }
  }
  for (const target of written) io.out(cliMessage(lang, "report_written", { file: target }));
  return 0;
}
