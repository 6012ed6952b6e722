// `jalon import midwives` on the embedded database: a register file checked (dry run, nothing
// stored), imported with its refused lines and their reasons, then imported again changing
// nothing, in French and English; a missing programme, an unknown one and a missing file named.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCommand } from "../src/cli/args.ts";
import { openDatabase } from "../src/db/connect.ts";
import { main } from "../src/main.ts";
import { saveProgramme } from "../src/services/programme/programmes.ts";
import { capture } from "./support/cli.ts";
import { plain } from "./support/text.ts";

let dir: string;
let env: Record<string, string>;
let programmeId = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "jalon-cli-midwives-"));
  env = { JALON_DATA_DIR: join(dir, "data"), JALON_LANG: "fr" };
  await writeFile(
    join(dir, "unites.csv"),
    [
      "code;nom;code parent;niveau",
      "MLI;Mali;;1",
      "SEG;Ségou;MLI;2",
      "BOI;CSCom Boidié;SEG;3",
    ].join("\n"),
  );
  const units = capture(plain);
  expect(await main(["import", "org-units", join(dir, "unites.csv")], env, units.io)).toBe(0);
  const database = await openDatabase({ kind: "pglite", dataDir: join(dir, "data") });
  try {
    programmeId = (
      await saveProgramme(
        database.db,
        { kind: "user", userId: 0, role: "admin", partnerId: null, name: "test" },
        {
          name: "Sages-femmes communautaires",
          leadPartner: "UNFPA Mali",
          funders: [],
          partners: [],
          startDate: "2022-01-01",
          endDate: null,
          budget: null,
          currency: "xof",
          regions: [],
          commitments: [],
          indicators: [],
        },
      )
    ).id;
  } finally {
    await database.close();
  }
  await writeFile(
    join(dir, "registre.csv"),
    [
      "nom;qualification;téléphone;structure;date de début;formations",
      "Awa Traoré;sage-femme;+223 70 00 00 01;BOI;2022-02-01;SONU;2022-03-10;UNFPA",
      "Kadia Diarra;sage-femme;+223 70 00 00 02;NULLE;2022-02-01;",
    ]
      .join("\n")
      // The trainings cell holds semicolons: quoted, as a spreadsheet writes it.
      .replace("SONU;2022-03-10;UNFPA", '"SONU;2022-03-10;UNFPA"'),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("jalon import midwives", () => {
  it("parses the command", () => {
    expect(parseCommand(["import", "midwives", "r.csv", "--programme", "3", "--dry-run"])).toEqual({
      ok: true,
      command: { name: "import-midwives", file: "r.csv", programmeId: 3, dryRun: true },
    });
    expect(parseCommand(["import", "midwives", "r.csv"])).toEqual({
      ok: false,
      error: { reason: "midwives_missing", value: "--programme" },
    });
    expect(parseCommand(["import", "midwives", "r.csv", "--programme", "x"])).toEqual({
      ok: false,
      error: { reason: "bad_flag", value: "x", command: "import midwives" },
    });
    expect(parseCommand(["import", "midwives", "--help"])).toEqual({
      ok: true,
      command: { name: "help", topic: "import-midwives" },
    });
  });

  it("checks, imports with the refused lines, then changes nothing", async () => {
    const file = join(dir, "registre.csv");
    const args = ["import", "midwives", file, "--programme", String(programmeId)];
    const dry = capture(plain);
    expect(await main([...args, "--dry-run"], env, dry.io)).toBe(0);
    expect(dry.err).toEqual([`Lecture de ${file}…`]);
    expect(dry.out[0]).toBe(
      `${file} (registre) : 1 ligne importée, 0 mise à jour, 0 inchangée, 1 ligne refusée.`,
    );
    expect(dry.out.at(-1)).toContain("rien n'a été enregistré");

    const first = capture(plain);
    expect(await main(args, env, first.io)).toBe(0);
    expect(first.out).toEqual([
      `${file} (registre) : 1 ligne importée, 0 mise à jour, 0 inchangée, 1 ligne refusée.`,
      "  1 sage-femme ajoutée, 1 affectation ajoutée, 1 formation ajoutée.",
      "  ligne 3 (Kadia Diarra) : structure inconnue : aucun code ni uid enregistré ne lui correspond.",
    ]);

    const again = capture(plain);
    expect(await main(args, { ...env, JALON_LANG: "en" }, again.io)).toBe(0);
    expect(again.out.slice(0, 2)).toEqual([
      `${file} (register): 0 rows imported, 0 updated, 1 unchanged, 1 row refused.`,
      "  0 midwives added, 0 deployments added, 0 trainings added.",
    ]);
    expect(again.out[2]).toBe(
      "  row 3 (Kadia Diarra): unknown facility: no stored code or uid matches it.",
    );
  }, 120_000);

  it("names an unknown programme, a missing argument and a missing file", async () => {
    const file = join(dir, "registre.csv");
    const unknown = capture(plain);
    expect(await main(["import", "midwives", file, "--programme", "999"], env, unknown.io)).toBe(1);
    expect(unknown.err.at(-1)).toBe("Programme 999 introuvable : rien n'a été importé.");
    const missing = capture(plain);
    expect(await main(["import", "midwives", file], env, missing.io)).toBe(2);
    expect(missing.err[0]).toContain("Argument --programme manquant");
    const none = capture(plain);
    expect(
      await main(["import", "midwives", join(dir, "none.csv"), "--programme", "1"], env, none.io),
    ).toBe(1);
    expect(none.err[0]).toContain("Impossible de lire le fichier");
  }, 120_000);
});
