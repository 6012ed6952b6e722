// The `jalon` command: parsing, and each failure of start-up named with its cause and fix.
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCommand } from "../src/cli/args.ts";
import { main, type Running } from "../src/main.ts";
import { capture } from "./support/cli.ts";

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "jalon-cli-"));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

describe("parseCommand", () => {
  it("parses the three commands and their flags", () => {
    expect(parseCommand(["serve", "--port", "8080"])).toEqual({
      ok: true,
      command: { name: "serve", port: 8080 },
    });
    expect(parseCommand(["migrate"])).toEqual({ ok: true, command: { name: "migrate" } });
    expect(parseCommand(["demo", "--reset"])).toEqual({
      ok: true,
      command: { name: "demo", reset: true },
    });
    expect(parseCommand([])).toEqual({ ok: true, command: { name: "help" } });
  });
  it("names what is wrong", () => {
    expect(parseCommand(["serv"])).toEqual({
      ok: false,
      error: { reason: "unknown_command", value: "serv" },
    });
    expect(parseCommand(["serve", "--prot", "1"])).toMatchObject({
      ok: false,
      error: { reason: "bad_flag", value: "--prot" },
    });
    expect(parseCommand(["serve", "--port", "99999"])).toMatchObject({
      ok: false,
      error: { reason: "bad_port" },
    });
    expect(parseCommand(["demo", "extra"])).toMatchObject({
      ok: false,
      error: { reason: "bad_flag" },
    });
    expect(parseCommand(["user", "add", "--mail", "a@b.org"])).toEqual({
      ok: false,
      error: { reason: "bad_flag", value: "--mail", command: "user add" },
    });
    expect(parseCommand(["import", "responses", "f.xlsx", "--dryrun"])).toEqual({
      ok: false,
      error: { reason: "bad_flag", value: "--dryrun", command: "import responses" },
    });
  });

  it("reads serve --demo and the import's file and --dry-run", () => {
    expect(parseCommand(["serve", "--demo"])).toEqual({
      ok: true,
      command: { name: "serve", demo: true },
    });
    expect(parseCommand(["import", "responses", "f.xlsx", "--dry-run"])).toEqual({
      ok: true,
      command: { name: "import-responses", file: "f.xlsx", dryRun: true },
    });
  });
});

describe("main", () => {
  it("rejects an unknown command with exit 2, in French or English", async () => {
    const fr = capture();
    expect(await main(["frobnicate"], {}, fr.io)).toBe(2);
    expect(fr.err.join("\n")).toContain("Commande inconnue « frobnicate »");
    const en = capture();
    expect(await main(["frobnicate"], { JALON_LANG: "en" }, en.io)).toBe(2);
    expect(en.err.join("\n")).toContain("Unknown command “frobnicate”");
  });

  it("names a malformed DATABASE_URL", async () => {
    const c = capture();
    expect(await main(["migrate"], { DATABASE_URL: "mysql://nope" }, c.io)).toBe(1);
    expect(c.err).toHaveLength(1);
    expect(c.err[0]).toContain("DATABASE_URL invalide");
  });

  it("names an unreachable PostgreSQL, hiding the password", async () => {
    const c = capture();
    expect(
      await main(
        ["migrate"],
        { DATABASE_URL: "postgres://u:secret@127.0.0.1:1/x", JALON_LANG: "en" },
        c.io,
      ),
    ).toBe(1);
    expect(c.err[0]).toContain("PostgreSQL unreachable");
    expect(c.err[0]).not.toContain("secret");
  });

  it("names a data directory that cannot be written, and creates nothing", async () => {
    const c = capture();
    expect(await main(["migrate"], { JALON_DATA_DIR: "/proc/jalon-data" }, c.io)).toBe(1);
    expect(c.err[0]).toContain("n'est pas accessible en écriture");
    expect(await exists("/proc/jalon-data")).toBe(false);
    const file = join(await tempDir(), "a-file");
    await writeFile(file, "not a directory");
    const d = capture();
    expect(
      await main(["migrate"], { JALON_DATA_DIR: join(file, "data"), JALON_LANG: "en" }, d.io),
    ).toBe(1);
    expect(d.err[0]).toContain("is not writable");
  });

  it("migrates, then says the database is up to date", async () => {
    const dir = join(await tempDir(), "data");
    const first = capture();
    expect(await main(["migrate"], { JALON_DATA_DIR: dir }, first.io)).toBe(0);
    expect(first.out[0]).toContain("Migrations appliquées");
    const second = capture();
    expect(await main(["migrate"], { JALON_DATA_DIR: dir }, second.io)).toBe(0);
    expect(second.out[0]).toContain("à jour");
  });

  it("names a port in use, and leaves no half-created data directory", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(0, "127.0.0.1", () => done()));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const dir = join(await tempDir(), "data");
    const c = capture();
    try {
      expect(
        await main(
          ["serve", "--port", String(port), "--host", "127.0.0.1"],
          { JALON_DATA_DIR: dir },
          c.io,
        ),
      ).toBe(1);
    } finally {
      blocker.close();
    }
    expect(c.err.at(-1)).toContain(`Le port ${port} est déjà utilisé`);
    expect(await exists(dir)).toBe(false);
  });

  it("serves the demo on first start, and runs or refuses a second process's command", async () => {
    const dir = join(await tempDir(), "data");
    const c = capture();
    const running = (await main(
      ["serve", "--port", "0", "--host", "127.0.0.1"],
      { JALON_DATA_DIR: dir },
      c.io,
    )) as Running;
    try {
      expect(typeof running).toBe("object");
      expect(c.out.join("\n")).toContain("Démonstration chargée : 33 partenaires");
      expect(c.out.join("\n")).toContain("Données sanitaires de démonstration chargées");
      expect(c.out.join("\n")).toContain("Jalon est prêt : http://127.0.0.1:");
      const res = await fetch(`${running.url}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("Engagement 1");
      // A second command on the same data is run by the server that owns the database.
      const second = capture();
      expect(await main(["migrate"], { JALON_DATA_DIR: dir }, second.io)).toBe(0);
      expect(second.out).toEqual(["La base est à jour."]);
      const third = capture();
      expect(await main(["serve", "--port", "0"], { JALON_DATA_DIR: dir }, third.io)).toBe(1);
      expect(third.err[0]).toContain(
        `Jalon tourne déjà sur ce dossier de données (${running.url})`,
      );
    } finally {
      await running.stop();
    }
    // Restart on the existing directory: data kept, demo not loaded again.
    const again = capture();
    const restarted = (await main(
      ["serve", "--port", "0", "--host", "127.0.0.1"],
      { JALON_DATA_DIR: dir },
      again.io,
    )) as Running;
    try {
      expect(again.out.join("\n")).not.toContain("Démonstration chargée");
      expect((await fetch(`${restarted.url}/partners/psi`)).status).toBe(200);
    } finally {
      await restarted.stop();
    }
  }, 60_000);

  it("adds the first administrator and prints a link to choose the password", async () => {
    const dir = join(await tempDir(), "data");
    const env = { JALON_DATA_DIR: dir, JALON_BASE_URL: "https://jalon.example.org/" };
    const c = capture();
    expect(
      await main(["user", "add", "--email", "Admin@Example.org", "--role", "admin"], env, c.io),
    ).toBe(0);
    expect(c.out[0]).toMatch(/Compte créé\u00a0: admin@example\.org \(admin\)/);
    expect(c.out[0]).toMatch(/https:\/\/jalon\.example\.org\/password\/reset\/[A-Za-z0-9_-]{40,}/);
    const again = capture();
    expect(
      await main(["user", "add", "--email", "admin@example.org", "--role", "admin"], env, again.io),
    ).toBe(1);
    expect(again.err[0]).toContain("a déjà un compte");
    const bad = capture();
    expect(
      await main(
        ["user", "add", "--email", "x@example.org", "--role", "respondent", "--partner", "nobody"],
        env,
        bad.io,
      ),
    ).toBe(1);
    expect(bad.err[0]).toContain("partner");
    const missing = capture();
    expect(await main(["user", "add", "--role", "admin"], env, missing.io)).toBe(2);
    expect(missing.err[0]).toContain("--email");
  });

  it("reloads the demo with demo --reset", async () => {
    const dir = join(await tempDir(), "data");
    const c = capture();
    expect(await main(["demo"], { JALON_DATA_DIR: dir }, c.io)).toBe(0);
    expect(await main(["demo"], { JALON_DATA_DIR: dir }, c.io)).toBe(0);
    expect(await main(["demo", "--reset"], { JALON_DATA_DIR: dir }, c.io)).toBe(0);
    expect(c.out).toEqual([
      expect.stringContaining("Démonstration chargée"),
      // Counts written as French readers write them: "15 072", not "15072".
      expect.stringMatching(
        /^Données sanitaires de démonstration chargées\u00a0: 85 unités d’organisation, 15[\u00a0\u202f]072 valeurs mensuelles/,
      ),
      "Programme de démonstration chargé\u00a0: 1 programme, 48 sages-femmes, 48 affectations, 1 mission de suivi, 5 témoignages.",
      expect.stringContaining("--reset"),
      expect.stringContaining("Démonstration chargée"),
      expect.stringContaining("Données sanitaires de démonstration chargées"),
      expect.stringContaining("Programme de démonstration chargé"),
    ]);
    // Three starts of the embedded database and two whole loads of each world: 15 s each on a
    // loaded 2-core machine.
  }, 120_000);
});
