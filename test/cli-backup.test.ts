// `jalon backup` and `jalon restore` as an operator runs them: a backup taken while the server
// runs on the embedded database (handed to it through the local channel), restored into a new
// data directory and into PostgreSQL, each refusal said in one line with nothing changed.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { main, type Running } from "../src/main.ts";
import { capture } from "./support/cli.ts";
import { postgresUrl } from "./support/database.ts";

const temps: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), "jalon-cli-backup-"));
  temps.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

describe("jalon backup and restore", () => {
  let file = "";

  it("backs up the demo while the server runs, through the server", async () => {
    const dir = await tempDir();
    const data = join(dir, "data");
    const running = (await main(
      ["serve", "--port", "0", "--host", "127.0.0.1"],
      { JALON_DATA_DIR: data },
      capture().io,
    )) as Running;
    try {
      file = join(dir, "jalon.jalon.gz");
      const c = capture();
      expect(await main(["backup", file], { JALON_DATA_DIR: data }, c.io)).toBe(0);
      expect(c.err).toEqual([]);
      expect(c.out[0]).toMatch(
        /^Sauvegarde écrite\u00a0: .*jalon\.jalon\.gz \(\d+ tables, [\d\u00a0\u202f]+ lignes, [\d\u00a0\u202f]+ Ko, schéma \d{4}_\w+\)\.$/,
      );
      // The server kept answering.
      expect((await fetch(`${running.url}/`)).status).toBe(200);
      // A second backup never overwrites the first.
      const again = capture();
      expect(
        await main(["backup", file], { JALON_DATA_DIR: data, JALON_LANG: "en" }, again.io),
      ).toBe(1);
      expect(again.err[0]).toContain("already exists");
    } finally {
      await running.stop();
    }
  }, 120_000);

  it("restores it into a new data directory, and refuses to overwrite it without --force", async () => {
    const data = join(await tempDir(), "data");
    const c = capture();
    expect(await main(["restore", file], { JALON_DATA_DIR: data }, c.io)).toBe(0);
    expect(c.out[0]).toMatch(/^Sauvegarde restaurée\u00a0: .* lignes, schéma \d{4}_\w+, faite le /);
    const twice = capture();
    expect(await main(["restore", file], { JALON_DATA_DIR: data }, twice.io)).toBe(1);
    expect(twice.err[0]).toMatch(
      /^La base contient déjà [\d\u00a0\u202f]+ lignes\u00a0: rien n'a été modifié/,
    );
    const forced = capture();
    expect(await main(["restore", file, "--force"], { JALON_DATA_DIR: data }, forced.io)).toBe(0);
    // The restored demo serves its pages.
    const running = (await main(
      ["serve", "--port", "0", "--host", "127.0.0.1"],
      { JALON_DATA_DIR: data },
      capture().io,
    )) as Running;
    try {
      const page = await fetch(`${running.url}/partners/psi`);
      expect(page.status).toBe(200);
    } finally {
      await running.stop();
    }
  }, 120_000);

  it("refuses a file that is not a backup, a missing one, and a missing argument", async () => {
    const dir = await tempDir();
    const data = join(dir, "data");
    const text = join(dir, "notes.txt");
    await writeFile(text, "pas une sauvegarde\n");
    const c = capture();
    expect(await main(["restore", text], { JALON_DATA_DIR: data }, c.io)).toBe(1);
    expect(c.err[0]).toContain("ce n'est pas une sauvegarde de Jalon (rien n'a été modifié)");
    const gone = capture();
    expect(await main(["restore", join(dir, "absent.gz")], { JALON_DATA_DIR: data }, gone.io)).toBe(
      1,
    );
    expect(gone.err[0]).toContain("Impossible de lire le fichier");
    const none = capture();
    expect(await main(["backup"], { JALON_DATA_DIR: data, JALON_LANG: "en" }, none.io)).toBe(2);
    expect(none.err[0]).toContain("Missing file");
  });

  it.runIf(postgresUrl)(
    "moves the embedded demo to PostgreSQL",
    async () => {
      const name = `jalon_restore_${randomBytes(4).toString("hex")}`;
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const url = new URL(postgresUrl ?? "");
        url.pathname = `/${name}`;
        const env = { DATABASE_URL: url.toString() };
        const c = capture();
        expect(await main(["restore", file], env, c.io)).toBe(0);
        const peek = new pg.Client({ connectionString: url.toString() });
        await peek.connect();
        try {
          const partners = await peek.query("select count(*)::int as n from partners");
          expect(partners.rows[0].n).toBe(33);
          const values = await peek.query("select count(*)::int as n from data_values");
          expect(values.rows[0].n).toBeGreaterThan(15_000);
        } finally {
          await peek.end();
        }
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    120_000,
  );
});
