// Files made without DHIS2 on the imports page, on both stores: a CSV of units and a facility's
// values (CSV and XLSX) recognised from their header or signature, run as jobs, their summaries
// with refused lines and warnings, in French and English; the templates downloaded in both
// languages and read back as they are; a validator refused.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { healthImportJobs } from "../../src/services/health/import-jobs.ts";
import { createJobRunner, type JobRunner } from "../../src/services/shared/jobs.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { HEALTH_ACCOUNTS, HEALTH_PASSWORD, loadHealthWorld } from "../support/health-app.ts";
import { zipBomb } from "../support/hostile-xlsx.ts";
import { plain } from "../support/text.ts";

describe.each(backends)("files without DHIS2 on the imports page on %s", (backend) => {
  let t: TestDatabase;
  let dir: string;
  let runner: JobRunner;
  let app: ReturnType<typeof createApp>;
  let admin: TestClient;
  let validator: TestClient;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadHealthWorld(t);
    dir = await mkdtemp(join(tmpdir(), "jalon-health-files-"));
    runner = createJobRunner(t.db, healthImportJobs(t), { log: () => {} });
    app = createApp({
      db: t.db,
      secureCookies: false,
      log: () => {},
      baseUrl: "http://jalon.test",
      health: { database: t, uploadDir: dir, kickJobs: () => {} },
    });
    admin = await signIn(app, HEALTH_ACCOUNTS.admin, HEALTH_PASSWORD);
    validator = await signIn(app, HEALTH_ACCOUNTS.validator, HEALTH_PASSWORD);
  });
  afterAll(async () => {
    await runner.stop();
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const upload = (
    web: TestClient,
    name: string,
    bytes: string | Uint8Array,
    fields: Record<string, string> = {},
  ) => {
    const form = new FormData();
    form.set("_csrf", web.csrf());
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set("file", new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name));
    return app.request("/health/imports", {
      method: "POST",
      body: form,
      headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
  };
  const runJobs = async () => {
    runner.kick();
    await runner.stop();
    runner = createJobRunner(t.db, healthImportJobs(t), { log: () => {} });
  };
  const imported = async (name: string, bytes: string | Uint8Array, lang = "fr") => {
    const res = await upload(admin, name, bytes);
    expect(res.status).toBe(303);
    await runJobs();
    return plain(await (await admin.get(`${res.headers.get("location")}?lang=${lang}`)).text());
  };

  it("documents the files and offers the templates, in both languages", async () => {
    const fr = plain(await (await admin.get("/health/imports")).text());
    expect(fr).toContain("Fichiers sans DHIS2");
    expect(fr).toContain('href="/health/imports/templates/facility.xlsx?lang=fr"');
    expect(fr).toContain('value="units"> Des unités d’organisation (CSV)');
    const en = plain(await (await admin.get("/health/imports?lang=en")).text());
    expect(en).toContain("A facility’s values (CSV or XLSX)");

    const csv = await admin.get("/health/imports/templates/facility.csv?lang=fr");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.split("\r\n")[0]).toBe(
      "\uFEFFcode structure;période;code élément;valeur;désagrégation",
    );
    expect(text).toMatch(/\r\nFac\w+;\d{4}-\d{2};DeAnc100001;;\r\n/);
    const units = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      await (await admin.get("/health/imports/templates/units.csv?lang=en")).arrayBuffer(),
    );
    expect(units.split("\r\n")[0]).toBe(
      "\uFEFFcode,name,parent code,level,uid,latitude,longitude,opening date,closed date",
    );
    const xlsx = await admin.get("/health/imports/templates/facility.xlsx?lang=en");
    const xlsxBytes = new Uint8Array(await xlsx.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsxBytes) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Values", "Facilities", "Elements"]);
    expect(book.worksheets[0]?.getRow(1).values).toEqual([
      undefined,
      "facility code",
      "period",
      "data element code",
      "value",
      "category option combo",
    ]);
    // The template as downloaded imports without error, and stores nothing (no value in it).
    const back = await imported("template.xlsx", xlsxBytes);
    expect(back).toContain("<li><b>0</b> ajoutées</li>");
    expect(back).toContain("<li><b>0</b> refusées</li>");
    expect((await validator.get("/health/imports/templates/facility.csv")).status).toBe(403);
  });

  it("imports the units' template as downloaded", async () => {
    const csv = await (
      await admin.get("/health/imports/templates/units.csv?lang=fr")
    ).arrayBuffer();
    const page = await imported("modele-unites.csv", new Uint8Array(csv));
    expect(page).toContain(
      "Unités : 4 ajoutées, 0 mise à jour (dont 0 déplacée), 0 inchangée, 0 ligne refusée.",
    );
    const boidie = await t.db
      .selectFrom("org_units")
      .select(["level", "geometry"])
      .where("code", "=", "SEG-BAR-BOI")
      .executeTakeFirstOrThrow();
    expect(boidie.level).toBe(4);
    expect(JSON.parse(JSON.stringify(boidie.geometry))).toEqual({
      type: "Point",
      coordinates: [-6.8365, 13.0763],
    });
  });

  it("imports a CSV of units recognised by its header, with its refused lines", async () => {
    const page = await imported(
      "unites.csv",
      [
        "code;nom;code parent;niveau",
        "BLA-TES;CSCom Tesserla;OU_DisBla00001;4",
        "BLA-X;;NOWHERE;4",
      ].join("\n"),
    );
    expect(page).toContain(
      "Unités : 1 ajoutée, 0 mise à jour (dont 0 déplacée), 0 inchangée, 1 ligne refusée.",
    );
    expect(page).toContain(
      "<td>3 (BLA-X)</td><td>le nom manque. l’unité parente n’est ni dans le fichier ni déjà enregistrée.</td>",
    );
  });

  it("imports a facility's values from a CSV and a workbook, with warnings, in English", async () => {
    const page = await imported(
      "structure.csv",
      [
        "structure;mois;élément;valeur",
        "OU_FacBar00001;2022-03;CPN1;25",
        "OU_FacBar00001;2022-04;CPN1;300",
        "OU_FacBar00001;2022-05;CPN1;-3",
      ].join("\n"),
      "en",
    );
    expect(page).toContain("<li><b>2</b> added</li>");
    expect(page).toContain("<td>4</td><td>“-3” is negative: a count cannot be.</td>");
    expect(page).toContain(
      "OU_FacBar00001, 202204: “300” for CPN1 is far from this facility’s previous months (median 25).",
    );
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Valeurs");
    sheet.addRow(["Code structure", "Période", "CPN1"]);
    sheet.addRow(["OU_FacBla00001", "2022-02", 41]);
    const wide = await imported("bla.xlsx", new Uint8Array(await book.xlsx.writeBuffer()));
    expect(wide).toContain("<li><b>1</b> ajoutées</li>");
    const bomb = await imported("bombe.xlsx", zipBomb(80));
    expect(bomb).toContain(
      "Le fichier a été refusé : il est trop volumineux une fois décompressé (plus de 60 Mo).",
    );
    const forbidden = await upload(validator, "x.csv", "a;b\n");
    expect(forbidden.status).toBe(403);
  });
});
