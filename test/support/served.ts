// `jalon serve` as a real child process, as a newcomer runs it, with its printed lines kept so
// that a test can wait for one (the ready line, the set-up link). Shared by the CLI tests and
// the browser journeys.
import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

const BIN = resolve(import.meta.dirname, "..", "..", "bin", "jalon.js");

export interface Served {
  process: ChildProcess;
  /** Every line printed, stdout and stderr together, in order of arrival. */
  lines: string[];
  /** The lines printed on stderr only: the server's log. */
  logLines: string[];
  /** Resolves to the first match of `pattern` in a line printed so far or later. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `jalon serve --port 0` on a loopback address with the given environment. */
export function serveJalon(env: Record<string, string>): Served {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--host", "127.0.0.1"], {
    env: { PATH: process.env.PATH, TZ: "UTC", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const logLines: string[] = [];
  const waiting: { pattern: RegExp; done: (m: RegExpExecArray) => void }[] = [];
  // A chunk may end mid-line: each stream keeps its unfinished line until the rest arrives.
  const reader = (also?: string[]) => {
    let partial = "";
    return (chunk: string) => {
      const parts = (partial + chunk).split("\n");
      partial = parts.pop() ?? "";
      also?.push(...parts.filter((line) => line !== ""));
      take(parts);
    };
  };
  const take = (parts: string[]) => {
    for (const line of parts) {
      if (line === "") continue;
      lines.push(line);
      for (const w of [...waiting]) {
        const m = w.pattern.exec(line);
        if (m) {
          waiting.splice(waiting.indexOf(w), 1);
          w.done(m);
        }
      }
    }
  };
  // Decoded as a stream, so that a character split between two chunks arrives whole.
  child.stdout?.setEncoding("utf8").on("data", reader());
  child.stderr?.setEncoding("utf8").on("data", reader(logLines));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once("exit", (code, signal) => done({ code, signal })),
  );
  return {
    process: child,
    lines,
    logLines,
    exited,
    waitFor(pattern) {
      for (const line of lines) {
        const m = pattern.exec(line);
        if (m) return Promise.resolve(m);
      }
      return new Promise((done) => waiting.push({ pattern, done }));
    },
  };
}
