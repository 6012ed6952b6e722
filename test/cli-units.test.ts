// `jalon import org-units` on the embedded database: a CSV of units imported with its refused
// lines and their reasons, a dry run that stores nothing, English words, a missing file named.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCommand } from "../src/cli/args.ts";
import { main } from "../src/main.ts";

const plain = (l: string) => l.replace(/[\u00a0\u202f]/g, " ");
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (l: string) => out.push(plain(l)), err: (l: string) => err.push(plain(l)) },
    out,
    err,
  };
}

let dir: string;
let env: Record<string, string>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "jalon-cli-units-"));
  env = { JALON_DATA_DIR: join(dir, "data"), JALON_LANG: "fr" };
  await writeFile(
    join(dir, "unites.csv"),
    [
      "code;nom;code parent;niveau",
      "KAY-01;CSCom Kayes N’Di;KAY;3",
      "KAY;Kayes;MLI;2",
      "MLI;Mali;;1",
      "BAD;;NULLE_PART;2",
    ].join("\n"),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("jalon import org-units", () => {
  it("parses the command", () => {
    expect(parseCommand(["import", "org-units", "u.csv", "--dry-run"])).toEqual({
      ok: true,
      command: { name: "import-units", file: "u.csv", dryRun: true },
    });
    expect(parseCommand(["import", "org-units"])).toEqual({
      ok: false,
      error: { reason: "import_missing", value: "<file>" },
    });
    expect(parseCommand(["import", "org-units", "--help"])).toEqual({
      ok: true,
      command: { name: "help", topic: "import-units" },
    });
  });

  it("checks, imports with the refused lines, then changes nothing", async () => {
    const file = join(dir, "unites.csv");
    const dry = capture();
    expect(await main(["import", "org-units", file, "--dry-run"], env, dry.io)).toBe(0);
    expect(dry.out[0]).toContain("3 unités ajoutées");
    expect(dry.out.at(-1)).toContain("rien n'a été enregistré");
    const first = capture();
    expect(await main(["import", "org-units", file], env, first.io)).toBe(0);
    expect(first.out[0]).toBe(
      `${file} (unités) : 3 unités ajoutées, 0 mise à jour (dont 0 déplacée), 0 inchangée, 1 ligne refusée.`,
    );
    expect(first.out[1]).toBe(
      "  ligne 5 (BAD) : le nom manque. l’unité parente n’est ni dans le fichier ni déjà enregistrée.",
    );
    const again = capture();
    expect(await main(["import", "org-units", file], { ...env, JALON_LANG: "en" }, again.io)).toBe(
      0,
    );
    expect(again.out[0]).toContain(
      "0 units added, 0 updated (moved: 0), 3 unchanged, 1 row refused.",
    );
    const missing = capture();
    expect(await main(["import", "org-units", join(dir, "none.csv")], env, missing.io)).toBe(1);
    expect(missing.err[0]).toContain("Impossible de lire le fichier");
  }, 120_000);
});
