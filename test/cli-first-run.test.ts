// A newcomer's first commands: `--help` on every command, and `npx jalon` run by the machine's
// own npm (whatever its Node) printing only what Jalon says.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HELP_TOPICS, parseCommand } from "../src/cli/args.ts";
import { main } from "../src/main.ts";

const ROOT = resolve(import.meta.dirname, "..");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

describe("--help", () => {
  const lines: [string[], string][] = [
    [["serve", "--help"], "jalon serve"],
    [["migrate", "--help"], "jalon migrate"],
    [["demo", "-h"], "jalon demo"],
    [["report", "--cycle", "2022", "--help"], "jalon report"],
    [["user", "add", "--help"], "jalon user add"],
    [["user", "add", "--email", "a@b.org", "--help"], "jalon user add"],
    [["user", "--help"], "jalon user add"],
    [["import", "responses", "--help"], "jalon import responses"],
    [["help", "user", "add"], "jalon user add"],
    [["help", "report"], "jalon report"],
  ];

  it.each(lines)("%j prints that command's usage and exits 0", async (argv, usage) => {
    for (const [env, word] of [
      [{}, "Usage\u00a0:"],
      [{ JALON_LANG: "en" }, "Usage:"],
    ] as const) {
      const c = capture();
      expect(await main(argv, env, c.io)).toBe(0);
      expect(c.err).toEqual([]);
      expect(c.out.join("\n").startsWith(`${word} ${usage}`)).toBe(true);
    }
  });

  it("has a usage for every command, naming each of its options", async () => {
    const options: Record<(typeof HELP_TOPICS)[number], string[]> = {
      serve: ["--port", "--host"],
      migrate: [],
      demo: ["--reset"],
      report: ["--cycle", "--format", "--lang", "--out"],
      "user-add": ["--email", "--role", "--partner", "--name"],
      "import-responses": ["--dry-run"],
    };
    for (const topic of HELP_TOPICS) {
      const parsed = parseCommand(["help", ...topic.split("-")]);
      expect(parsed).toEqual({ ok: true, command: { name: "help", topic } });
      const c = capture();
      expect(await main(["help", ...topic.split("-")], { JALON_LANG: "en" }, c.io)).toBe(0);
      for (const option of options[topic]) expect(c.out.join("\n")).toContain(`  ${option} `);
    }
  });

  it("still refuses an unknown option, and an unknown command's help", async () => {
    const c = capture();
    expect(await main(["user", "add", "--mail", "x"], {}, c.io)).toBe(2);
    expect(c.err[0]).toMatch(/^Option invalide «.--mail.»/);
    const d = capture();
    expect(await main(["help", "frobnicate"], {}, d.io)).toBe(2);
    expect(d.err[0]).toMatch(/^Commande inconnue «.frobnicate.»/);
  });
});

describe("npx jalon", () => {
  it("prints only Jalon's own output, even on a machine whose Node is older than 24", async () => {
    // The machine's npm, without the pinned Node in front of the PATH: here (Debian's Node 20)
    // npm used to print ten lines of EBADENGINE warnings before every first run.
    const path = (process.env.PATH ?? "")
      .split(delimiter)
      .filter((dir) => !dir.startsWith(join(ROOT, "node_modules")))
      .join(delimiter);
    const cache = await mkdtemp(join(tmpdir(), "jalon-npx-"));
    temps.push(cache);
    const run = spawnSync("npx", ["--cache", cache, "jalon", "version"], {
      cwd: ROOT,
      env: { ...process.env, PATH: path },
      encoding: "utf8",
      timeout: 25_000,
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("0.1.0\n");
    expect(run.status).toBe(0);
  });
});
