// `jalon import dhis2` and `jalon analytics` on the embedded database: metadata recognised, a
// value set imported with its refused rows listed, a dry run, a re-import that changes nothing,
// an unreadable file named, and analytics printing DHIS2's JSON (or naming what it refuses).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCommand } from "../src/cli/args.ts";
import { main } from "../src/main.ts";
import { startFakeDhis2 } from "./support/dhis2-server.ts";
import { METADATA, VALUES } from "./support/health-world.ts";
import { plain } from "./support/text.ts";

// French typography puts no-break spaces before « : » and inside « » ; the lines are compared
// with plain spaces.
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
  dir = await mkdtemp(join(tmpdir(), "jalon-cli-health-"));
  env = { JALON_DATA_DIR: join(dir, "data"), JALON_LANG: "fr" };
  await writeFile(join(dir, "metadata.json"), JSON.stringify(METADATA));
  await writeFile(join(dir, "values.json"), JSON.stringify(VALUES));
  const csv = [
    "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value",
    "DeAnc100001,202203,FacBar00001,,,12",
  ];
  await writeFile(join(dir, "values.csv"), `${csv.join("\n")}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("jalon import dhis2 and jalon analytics", () => {
  it("parses the commands and names what is missing", () => {
    expect(parseCommand(["import", "dhis2", "x.json", "--dry-run"])).toEqual({
      ok: true,
      command: { name: "import-dhis2", file: "x.json", dryRun: true, kind: "auto" },
    });
    expect(parseCommand(["import", "dhis2"])).toEqual({
      ok: false,
      error: { reason: "dhis2_missing", value: "<file>" },
    });
    expect(parseCommand(["import", "dhis2", "x", "--metadata", "--values"])).toMatchObject({
      ok: false,
      error: { reason: "bad_flag" },
    });
    expect(parseCommand(["analytics", "dimension=dx:A&dimension=pe:2022"])).toEqual({
      ok: true,
      command: { name: "analytics", query: "dimension=dx:A&dimension=pe:2022" },
    });
  });

  it("imports metadata, then values with every refused row, a dry run and a silent re-import", async () => {
    const meta = capture();
    expect(await main(["import", "dhis2", join(dir, "metadata.json")], env, meta.io)).toBe(0);
    expect(meta.out[0]).toMatch(/metadata\.json \(métadonnées\) : 20 objets ajoutés, 0 mis à jour/);
    expect(meta.out.join("\n")).toMatch(
      /dataElements n°.4 \(DeNote00001\) : type de valeur non numérique/,
    );

    const dry = capture();
    expect(
      await main(["import", "dhis2", join(dir, "values.json"), "--dry-run"], env, dry.io),
    ).toBe(0);
    expect(dry.out[0]).toContain("10 valeurs ajoutées");
    expect(dry.out.at(-1)).toContain("rien n'a été enregistré");

    const first = capture();
    expect(await main(["import", "dhis2", join(dir, "values.json")], env, first.io)).toBe(0);
    expect(first.out[0]).toContain(
      "10 valeurs ajoutées, 0 mise à jour, 0 supprimée, 0 inchangée, 6 lignes refusées.",
    );
    expect(first.out).toContain(
      "  ligne 12 : période invalide « 202213 » (attendu par exemple 202201, 2022Q1, 2022W5).",
    );
    expect(first.out).toContain(
      "  ligne 14 : « -4 » est négatif : un effectif ne peut pas l’être.",
    );

    const again = capture();
    expect(
      await main(
        ["import", "dhis2", join(dir, "values.json")],
        { ...env, JALON_LANG: "en" },
        again.io,
      ),
    ).toBe(0);
    expect(again.out[0]).toContain(
      "0 values added, 0 updated, 0 deleted, 10 unchanged, 6 rows refused.",
    );

    const csv = capture();
    expect(await main(["import", "dhis2", join(dir, "values.csv")], env, csv.io)).toBe(0);
    expect(csv.out[0]).toContain("1 valeur ajoutée");
  }, 180_000);

  it("names a file it cannot read, and a file that is not a DHIS2 export", async () => {
    const missing = capture();
    expect(await main(["import", "dhis2", join(dir, "nope.json")], env, missing.io)).toBe(1);
    expect(missing.err[0]).toContain("Impossible de lire le fichier");
    await writeFile(join(dir, "broken.json"), '{"dataValues": [ {"dataElement": ');
    const broken = capture();
    expect(await main(["import", "dhis2", join(dir, "broken.json")], env, broken.io)).toBe(1);
    expect(broken.err[0]).toMatch(/broken\.json refusé : JSON mal formé/);
  }, 60_000);

  it("prints analytics as DHIS2's JSON, and refuses an unsupported parameter by name", async () => {
    const c = capture();
    expect(
      await main(
        ["analytics", "dimension=dx:CPN1&dimension=pe:202201;202203&filter=ou:RegSeg00001"],
        env,
        c.io,
      ),
    ).toBe(0);
    const answer = JSON.parse(c.out.join("\n"));
    expect(answer.rows).toEqual([
      ["DeAnc100001", "202201", "80"],
      ["DeAnc100001", "202203", "12"],
    ]);
    expect(answer.headers.map((h: { name: string }) => h.name)).toEqual(["dx", "pe", "value"]);
    const bad = capture();
    expect(
      await main(
        ["analytics", "dimension=dx:CPN1&dimension=pe:2022&filter=ou:X&tableLayout=true"],
        env,
        bad.io,
      ),
    ).toBe(1);
    expect(bad.err[0]).toBe("Requête refusée : paramètre non pris en charge « tableLayout ».");
  }, 60_000);

  it("pulls from a DHIS2 server with a token from the environment, and names a refused token", async () => {
    const pull = ["import", "dhis2", "--server", "http://x", "--data-set", "D", "--org-unit", "O"];
    expect(parseCommand([...pull, "--period", "202201,202202"])).toEqual({
      ok: true,
      command: {
        name: "pull-dhis2",
        server: "http://x",
        dataSet: "D",
        orgUnit: "O",
        periods: ["202201", "202202"],
        withMetadata: false,
        dryRun: false,
      },
    });
    expect(parseCommand(pull)).toEqual({
      ok: false,
      error: { reason: "dhis2_missing", value: "--period" },
    });
    const server = await startFakeDhis2({ authorization: "ApiToken d2pat_cli" });
    try {
      const argv = [
        "import",
        "dhis2",
        "--server",
        server.url,
        "--data-set",
        "DsRma000001",
        "--org-unit",
        "CtyMali0001",
        "--period",
        "202201",
        "--period",
        "202202",
        "--dry-run",
      ];
      const ok = capture();
      expect(await main(argv, { ...env, JALON_DHIS2_TOKEN: "d2pat_cli" }, ok.io)).toBe(0);
      expect(ok.out[0]).toMatch(/valeurs? ajoutées?|inchangées?/);
      expect(ok.out.at(-1)).toContain("rien n'a été enregistré");
      const refused = capture();
      expect(await main(argv, { ...env, JALON_DHIS2_TOKEN: "wrong" }, refused.io)).toBe(1);
      expect(refused.err[0]).toContain(server.url);
      expect(refused.err.join(" ")).not.toContain("wrong");
    } finally {
      await server.close();
    }
  }, 60_000);
});
