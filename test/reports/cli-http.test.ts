// `jalon report` (files written whole, clear failures, nothing left behind) and the report
// downloads over HTTP (types, file names, published cycles only).
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCommand } from "../../src/cli/args.ts";
import { loadDemo } from "../../src/demo/load.ts";
import { createApp } from "../../src/http/app.ts";
import { main } from "../../src/main.ts";
import { capture } from "../support/cli.ts";
import { freshDatabase, type TestDatabase } from "../support/database.ts";

describe("jalon report", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "jalon-report-"));
    env = { JALON_DATA_DIR: join(dir, "data") };
    expect(await main(["demo"], env, capture().io)).toBe(0);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("parses its options and names what is wrong", () => {
    expect(
      parseCommand([
        "report",
        "--cycle",
        "2022",
        "--format",
        "pdf,xlsx",
        "--lang",
        "en",
        "--out",
        "x",
      ]),
    ).toEqual({
      ok: true,
      command: { name: "report", cycle: "2022", formats: ["pdf", "xlsx"], lang: "en", out: "x" },
    });
    expect(parseCommand(["report", "--cycle", "2022"])).toMatchObject({
      ok: true,
      command: { formats: ["docx", "pdf", "html", "xlsx"], out: "." },
    });
    expect(parseCommand(["report"])).toMatchObject({
      ok: false,
      error: { reason: "report_missing" },
    });
    expect(parseCommand(["report", "--cycle", "2022", "--format", "pdf,odt"])).toMatchObject({
      ok: false,
      error: { reason: "report_format", value: "odt" },
    });
    expect(parseCommand(["report", "--cycle", "2022", "--lang", "de"])).toMatchObject({
      ok: false,
      error: { reason: "report_lang", value: "de" },
    });
  });

  it("writes the four files, whole, and nothing else", async () => {
    const out = join(dir, "out");
    const c = capture();
    expect(await main(["report", "--cycle", "2022", "--out", out], env, c.io)).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      "jalon-mali-2022-fr.docx",
      "jalon-mali-2022-fr.html",
      "jalon-mali-2022-fr.pdf",
      "jalon-mali-2022-fr.xlsx",
    ]);
    expect(c.out).toHaveLength(4);
    expect(c.out[0]).toContain("Rapport écrit :");
  }, 60_000);

  it("fails clearly on a bad format, a bad language, an unknown cycle or an unwritable directory", async () => {
    const out = join(dir, "none");
    const format = capture();
    expect(
      await main(["report", "--cycle", "2022", "--format", "odt", "--out", out], env, format.io),
    ).toBe(2);
    expect(format.err).toEqual([
      "Format de rapport inconnu « odt » : choisissez parmi docx, pdf, html, xlsx.",
    ]);
    const lang = capture();
    expect(
      await main(
        ["report", "--cycle", "2022", "--lang", "de"],
        { ...env, JALON_LANG: "en" },
        lang.io,
      ),
    ).toBe(2);
    expect(lang.err[0]).toContain("Unknown report language “de”");
    const cycle = capture();
    expect(await main(["report", "--cycle", "1999", "--out", out], env, cycle.io)).toBe(1);
    expect(cycle.err).toEqual([
      "Aucune période de suivi « 1999 » : indiquez l'identifiant ou l'année d'une période existante.",
    ]);
    expect(await readdir(out).catch(() => "absent")).toBe("absent");
    const file = join(dir, "a-file");
    await writeFile(file, "x");
    const unwritable = capture();
    expect(
      await main(
        ["report", "--cycle", "2022", "--out", join(file, "sub")],
        { ...env, JALON_LANG: "en" },
        unwritable.io,
      ),
    ).toBe(1);
    expect(unwritable.err[0]).toContain("Cannot write to the directory");
    expect((await readdir(dir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  }, 60_000);
});

describe("report downloads over HTTP", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await freshDatabase("pglite");
    await loadDemo(t, { reset: false });
    app = createApp({
      db: t.db,
      secureCookies: false,
      baseUrl: "http://jalon.test",
    });
  });
  afterAll(() => t.dispose());

  it("serves each format with its type and file name", async () => {
    const expected = {
      pdf: "application/pdf",
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      html: "text/html; charset=utf-8",
    };
    for (const [format, type] of Object.entries(expected)) {
      const res = await app.request(`/cycles/2022/report.${format}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get("content-type")).toBe(type);
      expect(res.headers.get("content-disposition")).toContain(
        `filename="jalon-mali-2022-fr.${format}"`,
      );
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    const pdf = await app.request("/cycles/2022/report.pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  }, 60_000);

  it("follows ?lang= and lets the HTML report keep its own styles", async () => {
    const res = await app.request("/cycles/2022/report.html?lang=en");
    expect(res.headers.get("content-disposition")).toBe(
      'inline; filename="jalon-mali-2022-en.html"',
    );
    expect(res.headers.get("content-security-policy")).toContain("style-src 'unsafe-inline'");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await res.text()).toContain("Overall synthesis");
  });

  it("is a 404 for an unknown cycle, an unknown format and an unpublished cycle", async () => {
    expect((await app.request("/cycles/1999/report.pdf")).status).toBe(404);
    expect((await app.request("/cycles/2022/report.odt")).status).toBe(404);
    await t.db.updateTable("cycles").set({ state: "validation", published_at: null }).execute();
    expect((await app.request("/cycles/2022/report.pdf")).status).toBe(404);
    await t.db
      .updateTable("cycles")
      .set({ state: "published", published_at: new Date("2022-12-31T00:00:00Z") })
      .execute();
  });

  it("links the four downloads from the synthesis page", async () => {
    const html = await (await app.request("/cycles/2022/synthesis")).text();
    expect(html).toContain("Télécharger le rapport");
    for (const format of ["pdf", "docx", "html", "xlsx"])
      expect(html).toContain(`href="/cycles/2022/report.${format}?lang=fr"`);
  });
});
