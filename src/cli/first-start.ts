// The embedded database's first start: creating it (initdb), migrating and loading the demo
// take about 1.2 GB at their peak inside the embedded database's thread, and a process keeps
// most of what its threads once held (the allocator does not give it back). So the first start
// does that work in a child process — `jalon demo` on the same data directory, its lines passed
// on — and the server then opens the finished directory like any later start: the serving
// process holds what serving needs (about 300 MB idle) rather than what creating needed.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Io } from "./commands.ts";

const ENTRY = new URL("../../bin/jalon.js", import.meta.url);

/** True when `dataDir` holds no embedded database yet (absent, or without PG_VERSION). */
export function isFreshDataDir(dataDir: string): boolean {
  return !existsSync(join(dataDir, "PG_VERSION"));
}

/** Runs `jalon demo` in a child process on the same environment; resolves to its exit code. */
export function loadDemoInChild(env: Record<string, string | undefined>, io: Io): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [ENTRY.pathname, "demo"], {
      env: { ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const passOn = (stream: NodeJS.ReadableStream | null, write: (line: string) => void) =>
      stream ? createInterface({ input: stream }).on("line", write) : undefined;
    const out = passOn(child.stdout, (line) => io.out(line));
    const err = passOn(child.stderr, (line) => io.err(line));
    child.once("error", fail);
    child.once("close", (code, signal) => {
      out?.close();
      err?.close();
      done(code ?? (signal ? 1 : 0));
    });
  });
}
