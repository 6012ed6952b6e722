// Parses `jalon` command lines into a typed command, or a usage problem with a clear reason.
import { parseArgs } from "node:util";
import { z } from "zod";

export type Command =
  | { name: "serve"; port?: number; host?: string }
  | { name: "migrate" }
  | { name: "demo"; reset: boolean }
  | { name: "help" }
  | { name: "version" };

export type UsageError =
  | { reason: "unknown_command"; value: string }
  | { reason: "bad_flag"; value: string; command: string }
  | { reason: "bad_port"; value: string };

export type Parsed = { ok: true; command: Command } | { ok: false; error: UsageError };

/** 0 asks the system for any free port. */
export const portSchema = z.coerce.number().int().min(0).max(65535);

const FLAGS = {
  serve: { port: { type: "string" }, host: { type: "string" } },
  migrate: {},
  demo: { reset: { type: "boolean" } },
} as const;

export function parseCommand(argv: readonly string[]): Parsed {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h")
    return { ok: true, command: { name: "help" } };
  if (name === "--version" || name === "-v" || name === "version")
    return { ok: true, command: { name: "version" } };
  if (name !== "serve" && name !== "migrate" && name !== "demo")
    return { ok: false, error: { reason: "unknown_command", value: name } };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...rest],
      options: FLAGS[name],
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    const flag = /'([^']+)'/.exec(String((error as Error).message))?.[1] ?? rest.join(" ");
    return { ok: false, error: { reason: "bad_flag", value: flag, command: name } };
  }
  if (name === "serve") {
    const command: Command = { name };
    if (values.port !== undefined) {
      const port = portSchema.safeParse(values.port);
      if (!port.success)
        return { ok: false, error: { reason: "bad_port", value: String(values.port) } };
      command.port = port.data;
    }
    if (typeof values.host === "string") command.host = values.host;
    return { ok: true, command };
  }
  if (name === "demo") return { ok: true, command: { name, reset: values.reset === true } };
  return { ok: true, command: { name } };
}
