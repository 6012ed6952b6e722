// A newcomer's first commands: `--help` on every command, `npx jalon` run by the machine's own
// npm printing only what Jalon says, and commands run while the server holds the database.
import { type ChildProcess, execFile, spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HELP_TOPICS, parseCommand } from "../src/cli/args.ts";
import { VERSION } from "../src/domain/shared/release.ts";
import { main, type Running } from "../src/main.ts";
import { capture } from "./support/cli.ts";
import { type Served, serveJalon } from "./support/served.ts";

const ROOT = resolve(import.meta.dirname, "..");

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
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
    [["import", "midwives", "--help"], "jalon import midwives"],
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
      "import-dhis2": [
        "--dry-run",
        "--metadata",
        "--values",
        "--server",
        "--data-set",
        "--org-unit",
        "--period",
        "--since",
        "--with-metadata",
      ],
      "import-units": ["--dry-run"],
      "import-midwives": ["--programme", "--dry-run"],
      analytics: [],
      backup: [],
      restore: ["--force"],
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
    expect(run.stdout).toBe(`${VERSION}\n`);
    expect(run.status).toBe(0);
  });
});

const BIN = join(ROOT, "bin", "jalon.js");

type Child = Served;

/** `jalon serve` as a real second process, as a newcomer runs it. */
function startServer(dataDir: string): Child {
  return serveJalon({ JALON_DATA_DIR: dataDir });
}

function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once("exit", () => done());
    child.kill(signal);
  });
}

/** One `jalon` command in its own process; its exit code and output. */
function jalon(args: string[], env: Record<string, string>, cwd = ROOT) {
  return new Promise<{ code: number | null; out: string; err: string }>((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { PATH: process.env.PATH, TZ: "UTC", ...env }, timeout: 50_000 },
      (error, out, err) => done({ code: error ? (error.code as number) : 0, out, err }),
    );
  });
}

const READY = /Jalon est prêt\u00a0: (http:\/\/127\.0\.0\.1:(\d+))/;
const SETUP = /ouvrez ce lien pour créer l'administrateur .*: (http:\/\/\S+\/setup\/\S+)$/;

describe("commands while the server runs on the embedded database", () => {
  let dir: string;
  let data: string;
  let server: Child;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "jalon-first-run-"));
    temps.push(dir);
    data = join(dir, "data");
    server = startServer(data);
    url = (await server.waitFor(READY))[1] ?? "";
  }, 90_000);
  afterAll(() => stopped(server.process, "SIGTERM"));

  it("prints a set-up link on the port it really listens on", async () => {
    const setup = (await server.waitFor(SETUP))[1] ?? "";
    expect(setup.startsWith(`${url}/setup/`)).toBe(true);
    expect(url).not.toBe("http://127.0.0.1:3000");
    expect((await fetch(setup)).status).toBe(200);
    // The channel is the owner's only, like the database files.
    expect((await stat(data)).mode & 0o777).toBe(0o700);
    expect((await stat(join(data, "jalon.sock"))).mode & 0o777).toBe(0o600);
  }, 90_000);

  it("creates the first account from a second process, with a link to this server", async () => {
    const env = { JALON_DATA_DIR: data };
    const added = await jalon(
      ["user", "add", "--email", "chef@example.org", "--role", "admin"],
      env,
    );
    expect(added.err).toBe("");
    expect(added.code).toBe(0);
    const link = /(http:\/\/\S+\/password\/reset\/[A-Za-z0-9_-]{40,})/.exec(added.out)?.[1] ?? "";
    expect(link.startsWith(`${url}/password/reset/`)).toBe(true);
    expect((await fetch(link)).status).toBe(200);
    // The account is in the server's database: a second one is refused, the set-up link is dead.
    const again = await jalon(["user", "add", "--email", "chef@example.org", "--role", "admin"], {
      ...env,
      JALON_LANG: "en",
    });
    expect(again.code).toBe(1);
    expect(again.err).toContain("the address chef@example.org already has an account");
    const setup = (await server.waitFor(SETUP))[1] ?? "";
    expect((await fetch(setup)).status).toBe(410);
  }, 90_000);

  it("runs every other command there, paths read from the caller's directory", async () => {
    const env = { JALON_DATA_DIR: data };
    const elsewhere = await mkdtemp(join(tmpdir(), "jalon-caller-"));
    temps.push(elsewhere);
    const migrated = await jalon(["migrate"], env, elsewhere);
    expect(migrated).toMatchObject({ code: 0, out: "La base est à jour.\n" });
    const report = await jalon(
      ["report", "--cycle", "2022", "--format", "html", "--out", "reports"],
      env,
      elsewhere,
    );
    expect(report.code).toBe(0);
    const written = /Rapport écrit\u00a0: (\S+)/.exec(report.out)?.[1] ?? "";
    expect(written.startsWith(join(elsewhere, "reports"))).toBe(true);
    expect((await stat(written)).size).toBeGreaterThan(10_000);
    const missing = await jalon(["import", "responses", "nothing-here.xlsx"], env, elsewhere);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(join(elsewhere, "nothing-here.xlsx"));
    const serve = await jalon(["serve", "--port", "0"], env);
    expect(serve.code).toBe(1);
    expect(serve.err).toContain(`Jalon tourne déjà sur ce dossier de données (${url})`);
  }, 90_000);

  it("survives a killed server: the stale socket is replaced at the next start", async () => {
    await stopped(server.process, "SIGKILL");
    expect((await stat(join(data, "jalon.sock"))).isSocket()).toBe(true);
    // No server: the command opens the database itself.
    expect(await jalon(["migrate"], { JALON_DATA_DIR: data })).toMatchObject({ code: 0 });
    server = startServer(data);
    const restarted = (await server.waitFor(READY))[1] ?? "";
    const added = await jalon(
      ["user", "add", "--email", "second@example.org", "--role", "coordinator"],
      { JALON_DATA_DIR: data },
    );
    expect(added.code).toBe(0);
    expect(added.out).toContain(`${restarted}/password/reset/`);
    // An account exists: no set-up link this time.
    expect(server.lines.some((l) => SETUP.test(l))).toBe(false);
    await stopped(server.process, "SIGTERM");
    expect(await exists(join(data, "jalon.sock"))).toBe(false);
    expect(await exists(join(data, "jalon.pid"))).toBe(false);
  }, 90_000);
});

/** A request naming any Host, as an attacker's client can (fetch cannot set Host). */
function request(
  url: string,
  o: { method?: string; host: string; cookie?: string; body?: string },
): Promise<{ status: number; body: string; cookies: string[] }> {
  const target = new URL(url);
  return new Promise((done, fail) => {
    const req = httpRequest(
      {
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: o.method ?? "GET",
        headers: {
          host: o.host,
          ...(o.cookie ? { cookie: o.cookie } : {}),
          ...(o.body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          body += c;
        });
        res.on("end", () =>
          done({ status: res.statusCode ?? 0, body, cookies: res.headers["set-cookie"] ?? [] }),
        );
      },
    );
    req.on("error", fail);
    req.end(o.body);
  });
}

describe("links and the Host header", () => {
  let data: string;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), "jalon-host-"));
    temps.push(dir);
    data = join(dir, "data");
  });

  it("builds a reset link from the listening address, not from a forged Host", async () => {
    const c = capture();
    const running = (await main(
      ["serve", "--port", "0", "--host", "127.0.0.1"],
      { JALON_DATA_DIR: data },
      c.io,
    )) as Running;
    try {
      // Through the channel, in this very process: the account exists in the server's database.
      const added = capture();
      expect(
        await main(
          ["user", "add", "--email", "chef@example.org", "--role", "admin"],
          { JALON_DATA_DIR: data },
          added.io,
        ),
      ).toBe(0);
      expect(added.out[0]).toContain(`${running.url}/password/reset/`);
      const form = await request(`${running.url}/password/forgot`, { host: "evil.example" });
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? "";
      const cookie = form.cookies.map((l) => l.split(";")[0]).join("; ");
      const posted = await request(`${running.url}/password/forgot`, {
        method: "POST",
        host: "evil.example",
        cookie,
        body: new URLSearchParams({ _csrf: token, email: "chef@example.org" }).toString(),
      });
      expect(posted.status).toBe(200);
      const mail = await running.database.db
        .selectFrom("outbox")
        .select("body")
        .where("kind", "=", "password_reset")
        .executeTakeFirstOrThrow();
      expect(mail.body).toContain(`${running.url}/password/reset/`);
      expect(mail.body).not.toContain("evil.example");
    } finally {
      await running.stop();
    }
  }, 90_000);

  it("with JALON_BASE_URL, answers only for its host and links to it", async () => {
    const env = { JALON_DATA_DIR: data, JALON_BASE_URL: "https://jalon.example.org" };
    const running = (await main(
      ["serve", "--port", "0", "--host", "127.0.0.1"],
      env,
      capture().io,
    )) as Running;
    try {
      expect(running.baseUrl).toBe("https://jalon.example.org");
      const evil = await request(`${running.url}/password/forgot`, { host: "evil.example" });
      expect(evil.status).toBe(421);
      expect(evil.body).toContain("ne répond qu’à l’adresse https://jalon.example.org");
      const own = await request(`${running.url}/`, { host: "jalon.example.org" });
      expect(own.status).toBe(200);
      expect((await request(`${running.url}/`, { host: "JALON.example.org:443" })).status).toBe(
        200,
      );
      expect((await request(`${running.url}/healthz`, { host: "10.0.0.7:3000" })).status).toBe(200);
      const added = capture();
      expect(
        await main(
          ["user", "add", "--email", "autre@example.org", "--role", "validator"],
          env,
          added.io,
        ),
      ).toBe(0);
      expect(added.out[0]).toContain("https://jalon.example.org/password/reset/");
    } finally {
      await running.stop();
    }
  }, 90_000);

  it("refuses to serve in production without JALON_BASE_URL", async () => {
    const c = capture();
    expect(
      await main(["serve", "--port", "0"], { JALON_DATA_DIR: data, NODE_ENV: "production" }, c.io),
    ).toBe(2);
    expect(c.err[0]).toContain("JALON_BASE_URL manquante");
  });
});

/** A free loopback port, found by listening on port 0 and closing again. */
async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((done) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

describe("a stop asked while the server is still starting", () => {
  it("shuts down cleanly even when SIGTERM comes as soon as the first page answers", async () => {
    const dir = await mkdtemp(join(tmpdir(), "jalon-early-stop-"));
    temps.push(dir);
    const data = join(dir, "data");
    // The first start, then a second on the same data: both answer before their start-up ends.
    for (const round of [1, 2]) {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        [BIN, "serve", "--port", String(port), "--host", "127.0.0.1"],
        {
          env: { PATH: process.env.PATH, JALON_DATA_DIR: data, TZ: "UTC" },
          stdio: "ignore",
        },
      );
      const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
        child.once("exit", (code, signal) => done({ code, signal })),
      );
      // Poll tightly: the stop lands in the moment between the first answer and the end of start.
      for (let i = 0; i < 3000; i++) {
        const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      child.kill("SIGTERM");
      expect(await exited, `round ${round}`).toEqual({ code: 0, signal: null });
      expect(await exists(join(data, "jalon.pid"))).toBe(false);
    }
  }, 120_000);
});
