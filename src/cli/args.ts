// Parses `jalon` command lines into a typed command, or a usage problem with a clear reason.
import { parseArgs } from "node:util";
import { z } from "zod";
import { isLang, type Lang } from "../domain/shared/lang.ts";
import {
  isReportFormat,
  REPORT_FORMATS,
  type ReportFormat,
} from "../domain/tracker/report-text.ts";

export type Command =
  | { name: "serve"; port?: number; host?: string; demo?: boolean }
  | { name: "migrate" }
  | { name: "demo"; reset: boolean }
  | { name: "report"; cycle: string; formats: ReportFormat[]; lang?: Lang; out: string }
  | { name: "user-add"; email: string; role: string; partner?: string; fullName?: string }
  | { name: "import-responses"; file: string; dryRun: boolean }
  | { name: "import-dhis2"; file: string; dryRun: boolean; kind: "auto" | "metadata" | "values" }
  | { name: "import-units"; file: string; dryRun: boolean }
  | { name: "import-midwives"; file: string; programmeId: number; dryRun: boolean }
  | {
      name: "pull-dhis2";
      server: string;
      dataSet: string;
      orgUnit: string;
      periods: string[];
      since?: string;
      withMetadata: boolean;
      dryRun: boolean;
    }
  | { name: "analytics"; query: string }
  | { name: "backup"; file: string }
  | { name: "restore"; file: string; force: boolean }
  | { name: "help"; topic?: HelpTopic }
  | { name: "version" };

/** The commands that have a usage of their own (`jalon <command> --help`). */
export const HELP_TOPICS = [
  "serve",
  "migrate",
  "demo",
  "report",
  "user-add",
  "import-responses",
  "import-dhis2",
  "import-units",
  "import-midwives",
  "analytics",
  "backup",
  "restore",
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

const wantsHelp = (args: readonly string[]) => args.some((a) => a === "--help" || a === "-h");
const help = (topic?: HelpTopic): Parsed => ({
  ok: true,
  command: topic ? { name: "help", topic } : { name: "help" },
});

export type UsageError =
  | { reason: "unknown_command"; value: string }
  | { reason: "bad_flag"; value: string; command: string }
  | { reason: "bad_port"; value: string }
  | { reason: "report_missing"; value: string }
  | { reason: "report_format"; value: string; formats: string }
  | { reason: "report_lang"; value: string }
  | { reason: "user_missing"; value: string }
  | { reason: "import_missing"; value: string }
  | { reason: "dhis2_missing"; value: string }
  | { reason: "analytics_missing"; value: string }
  | { reason: "backup_missing"; value: string }
  | { reason: "midwives_missing"; value: string };

export type Parsed = { ok: true; command: Command } | { ok: false; error: UsageError };

/** 0 asks the system for any free port. */
export const portSchema = z.coerce.number().int().min(0).max(65535);
const idSchema = z
  .string()
  .regex(/^[0-9]{1,9}$/)
  .transform(Number);

const FLAGS = {
  serve: { port: { type: "string" }, host: { type: "string" }, demo: { type: "boolean" } },
  migrate: {},
  demo: { reset: { type: "boolean" } },
  report: {
    cycle: { type: "string" },
    format: { type: "string" },
    lang: { type: "string" },
    out: { type: "string" },
  },
} as const;

type FlagOptions = NonNullable<Parameters<typeof parseArgs>[0]>["options"];
type Flags =
  | { ok: true; values: Record<string, string | boolean | undefined>; positionals: string[] }
  | { ok: false; parsed: Parsed };

/** The flags of one command, strictly: an unknown or malformed flag is a usage error naming it. */
function readFlags(
  args: readonly string[],
  options: FlagOptions,
  command: string,
  positionals = false,
): Flags {
  try {
    const parsed = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: positionals,
    });
    return {
      ok: true,
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
    };
  } catch (error) {
    const flag = /'([^']+)'/.exec(String((error as Error).message))?.[1] ?? args.join(" ");
    return {
      ok: false,
      parsed: { ok: false, error: { reason: "bad_flag", value: flag, command } },
    };
  }
}

export function parseCommand(argv: readonly string[]): Parsed {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") return help();
  if (name === "help") return parseHelp(rest);
  if (name === "--version" || name === "-v" || name === "version")
    return { ok: true, command: { name: "version" } };
  if (name === "user") return parseUser(rest);
  if (name === "import") return parseImport(rest);
  if (name === "analytics") return parseAnalytics(rest);
  if (name === "backup" || name === "restore") return parseBackup(name, rest);
  if (name !== "serve" && name !== "migrate" && name !== "demo" && name !== "report")
    return { ok: false, error: { reason: "unknown_command", value: name } };
  // `--help` anywhere asks for the usage, even beside options that would not parse.
  if (wantsHelp(rest)) return help(name);
  const flags = readFlags(rest, FLAGS[name], name);
  if (!flags.ok) return flags.parsed;
  const { values } = flags;
  if (name === "serve") {
    const command: Command = { name };
    if (values.port !== undefined) {
      const port = portSchema.safeParse(values.port);
      if (!port.success)
        return { ok: false, error: { reason: "bad_port", value: String(values.port) } };
      command.port = port.data;
    }
    if (typeof values.host === "string") command.host = values.host;
    if (values.demo === true) command.demo = true;
    return { ok: true, command };
  }
  if (name === "demo") return { ok: true, command: { name, reset: values.reset === true } };
  if (name === "report") return parseReport(values);
  return { ok: true, command: { name } };
}

/** `backup FILE` and `restore FILE [--force]`: the file is the one word they take. */
function parseBackup(name: "backup" | "restore", rest: readonly string[]): Parsed {
  if (wantsHelp(rest)) return help(name);
  const read = readFlags(
    rest,
    name === "restore" ? { force: { type: "boolean" } } : {},
    name,
    true,
  );
  if (!read.ok) return read.parsed;
  const [file, extra] = read.positionals;
  if (file === undefined || file.trim() === "")
    return {
      ok: false,
      error: { reason: "backup_missing", value: "" },
    };
  if (extra !== undefined)
    return { ok: false, error: { reason: "bad_flag", value: extra, command: name } };
  return name === "backup"
    ? { ok: true, command: { name, file } }
    : { ok: true, command: { name, file, force: read.values.force === true } };
}

/** `help [command]`: the general usage, or one command's (`help user add`). */
function parseHelp(rest: readonly string[]): Parsed {
  const words = rest.filter((w) => w !== "--help" && w !== "-h");
  if (words.length === 0) return help();
  const topic = words.join("-");
  const found = HELP_TOPICS.find((t) => t === topic || t.split("-")[0] === topic);
  if (found === undefined)
    return { ok: false, error: { reason: "unknown_command", value: words.join(" ") } };
  return help(found);
}

/** `report --cycle <slug|year> [--format docx,pdf,html,xlsx] [--lang fr|en] [--out dir]` */
function parseReport(values: Record<string, string | boolean | undefined>): Parsed {
  const cycle = typeof values.cycle === "string" ? values.cycle.trim() : "";
  if (cycle === "") return { ok: false, error: { reason: "report_missing", value: "--cycle" } };
  const formats = (typeof values.format === "string" ? values.format : REPORT_FORMATS.join(","))
    .split(",")
    .map((f) => f.trim().toLowerCase())
    .filter((f) => f !== "");
  const bad = formats.find((f) => !isReportFormat(f));
  if (bad !== undefined || formats.length === 0)
    return {
      ok: false,
      error: { reason: "report_format", value: bad ?? "", formats: REPORT_FORMATS.join(", ") },
    };
  const command: Command = {
    name: "report",
    cycle,
    formats: [...new Set(formats as ReportFormat[])],
    out: typeof values.out === "string" && values.out !== "" ? values.out : ".",
  };
  if (values.lang !== undefined) {
    if (!isLang(values.lang))
      return { ok: false, error: { reason: "report_lang", value: String(values.lang) } };
    command.lang = values.lang;
  }
  return { ok: true, command };
}

/** `user add --email E --role R [--partner P] [--name N]` */
function parseUser(rest: readonly string[]): Parsed {
  const [sub, ...flags] = rest;
  if (sub === undefined || sub === "--help" || sub === "-h" || (sub === "add" && wantsHelp(flags)))
    return help("user-add");
  if (sub !== "add")
    return { ok: false, error: { reason: "unknown_command", value: `user ${sub}` } };
  const read = readFlags(
    flags,
    {
      email: { type: "string" },
      role: { type: "string" },
      partner: { type: "string" },
      name: { type: "string" },
    },
    "user add",
  );
  if (!read.ok) return read.parsed;
  const { values } = read;
  const email = typeof values.email === "string" ? values.email.trim() : "";
  const role = typeof values.role === "string" ? values.role.trim() : "";
  if (!email) return { ok: false, error: { reason: "user_missing", value: "--email" } };
  if (!role) return { ok: false, error: { reason: "user_missing", value: "--role" } };
  const command: Command = { name: "user-add", email, role };
  if (typeof values.partner === "string") command.partner = values.partner.trim();
  if (typeof values.name === "string") command.fullName = values.name.trim();
  return { ok: true, command };
}

/** `analytics "<DHIS2 analytics query string>"` */
function parseAnalytics(rest: readonly string[]): Parsed {
  if (rest.length === 0 || wantsHelp(rest)) return help("analytics");
  const parsed = readFlags(rest, {}, "analytics", true);
  if (!parsed.ok) return parsed.parsed;
  const query = parsed.positionals.join("&").replace(/^\?/, "").trim();
  if (query === "") return { ok: false, error: { reason: "analytics_missing", value: "<query>" } };
  return { ok: true, command: { name: "analytics", query } };
}

/**
 * `import dhis2 <file> [--dry-run] [--metadata | --values]`, or from a server:
 * `import dhis2 --server URL --data-set UID --org-unit UID --period P… [--since DATE]`
 */
function parseImportDhis2(flags: readonly string[]): Parsed {
  if (wantsHelp(flags)) return help("import-dhis2");
  const parsed = readFlags(
    flags,
    {
      "dry-run": { type: "boolean" },
      metadata: { type: "boolean" },
      values: { type: "boolean" },
      server: { type: "string" },
      "data-set": { type: "string" },
      "org-unit": { type: "string" },
      period: { type: "string", multiple: true },
      since: { type: "string" },
      "with-metadata": { type: "boolean" },
    },
    "import dhis2",
    true,
  );
  if (!parsed.ok) return parsed.parsed;
  if (typeof parsed.values.server === "string")
    return pullCommand(parsed.values, parsed.positionals);
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || file.trim() === "")
    return { ok: false, error: { reason: "dhis2_missing", value: "<file>" } };
  if (extra.length > 0 || (parsed.values.metadata === true && parsed.values.values === true))
    return {
      ok: false,
      error: {
        reason: "bad_flag",
        value: extra.join(" ") || "--metadata --values",
        command: "import dhis2",
      },
    };
  const kind =
    parsed.values.metadata === true
      ? "metadata"
      : parsed.values.values === true
        ? "values"
        : "auto";
  return {
    ok: true,
    command: { name: "import-dhis2", file, dryRun: parsed.values["dry-run"] === true, kind },
  };
}

function pullCommand(values: Record<string, unknown>, positionals: readonly string[]): Parsed {
  const text = (k: string) => (typeof values[k] === "string" ? (values[k] as string).trim() : "");
  if (positionals.length > 0)
    return {
      ok: false,
      error: { reason: "bad_flag", value: positionals.join(" "), command: "import dhis2" },
    };
  for (const flag of ["server", "data-set", "org-unit"])
    if (text(flag) === "")
      return { ok: false, error: { reason: "dhis2_missing", value: `--${flag}` } };
  const periods = (Array.isArray(values.period) ? (values.period as string[]) : [])
    .flatMap((p) => p.split(/[,;]/))
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (periods.length === 0)
    return { ok: false, error: { reason: "dhis2_missing", value: "--period" } };
  const command: Command = {
    name: "pull-dhis2",
    server: text("server"),
    dataSet: text("data-set"),
    orgUnit: text("org-unit"),
    periods,
    withMetadata: values["with-metadata"] === true,
    dryRun: values["dry-run"] === true,
  };
  if (text("since") !== "") command.since = text("since");
  return { ok: true, command };
}

/** `import org-units <file> [--dry-run]`: a CSV of organisation units. */
function parseImportUnits(flags: readonly string[]): Parsed {
  if (wantsHelp(flags)) return help("import-units");
  const parsed = readFlags(flags, { "dry-run": { type: "boolean" } }, "import org-units", true);
  if (!parsed.ok) return parsed.parsed;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || file.trim() === "")
    return { ok: false, error: { reason: "import_missing", value: "<file>" } };
  if (extra.length > 0)
    return {
      ok: false,
      error: { reason: "bad_flag", value: extra.join(" "), command: "import org-units" },
    };
  return {
    ok: true,
    command: { name: "import-units", file, dryRun: parsed.values["dry-run"] === true },
  };
}

/** `import midwives <file> --programme ID [--dry-run]`: the midwife register, CSV or XLSX. */
function parseImportMidwives(flags: readonly string[]): Parsed {
  if (wantsHelp(flags)) return help("import-midwives");
  const parsed = readFlags(
    flags,
    { programme: { type: "string" }, "dry-run": { type: "boolean" } },
    "import midwives",
    true,
  );
  if (!parsed.ok) return parsed.parsed;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || file.trim() === "")
    return { ok: false, error: { reason: "midwives_missing", value: "<file>" } };
  if (extra.length > 0)
    return {
      ok: false,
      error: { reason: "bad_flag", value: extra.join(" "), command: "import midwives" },
    };
  const programme = String(parsed.values.programme ?? "").trim();
  if (programme === "")
    return { ok: false, error: { reason: "midwives_missing", value: "--programme" } };
  const programmeId = idSchema.safeParse(programme);
  if (!programmeId.success)
    return {
      ok: false,
      error: { reason: "bad_flag", value: programme, command: "import midwives" },
    };
  return {
    ok: true,
    command: {
      name: "import-midwives",
      file,
      programmeId: programmeId.data,
      dryRun: parsed.values["dry-run"] === true,
    },
  };
}

/** `import responses <file> [--dry-run]` */
function parseImport(rest: readonly string[]): Parsed {
  const [sub, ...flags] = rest;
  if (sub === "dhis2") return parseImportDhis2(flags);
  if (sub === "org-units") return parseImportUnits(flags);
  if (sub === "midwives") return parseImportMidwives(flags);
  if (
    sub === undefined ||
    sub === "--help" ||
    sub === "-h" ||
    (sub === "responses" && wantsHelp(flags))
  )
    return help("import-responses");
  if (sub !== "responses")
    return { ok: false, error: { reason: "unknown_command", value: `import ${sub}` } };
  const parsed = readFlags(flags, { "dry-run": { type: "boolean" } }, "import responses", true);
  if (!parsed.ok) return parsed.parsed;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || file.trim() === "")
    return { ok: false, error: { reason: "import_missing", value: "<file>" } };
  if (extra.length > 0)
    return {
      ok: false,
      error: { reason: "bad_flag", value: extra.join(" "), command: "import responses" },
    };
  return {
    ok: true,
    command: { name: "import-responses", file, dryRun: parsed.values["dry-run"] === true },
  };
}
