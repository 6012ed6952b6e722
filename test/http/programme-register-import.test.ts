// Importing the midwife register from the register page, on both stores: the form and its
// templates (headers the import reads back), an upload checked and previewed with each refused
// row and its reason while nothing is stored, the confirmation importing it once, the same file
// again changing nothing, a missing file or programme said beside the form, a coordinator who
// reads the templates, and a validator who may neither read them nor upload.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/shared/policy.ts";
import { saveProgramme } from "../../src/services/programme/programmes.ts";
import type { TestClient } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { useHealthPages } from "../support/health-app.ts";
import { plain } from "../support/text.ts";

const manager: Actor = {
  kind: "user",
  userId: 1,
  role: "programme_manager",
  partnerId: null,
  name: "m",
};

const REGISTER = [
  "nom;qualification;téléphone;structure;date de début;date de fin;motif de fin;formations",
  'Awa Traoré;sage-femme;+223 70 00 00 01;OU_FacBar00001;2023-01-02;;;"SONU;2023-03-10;UNFPA"',
  "Kadia Diarra;sage-femme;+223 70 00 00 02;NULLE_PART;2023-01-02;;;",
  "Mariam Keita;matrone;+223 70 00 00 03;FacBla00001;2023-05-01;2023-01-01;autre;",
].join("\n");

describe.each(backends)("importing the register from its page on %s", (backend) => {
  let t: TestDatabase;
  let app: Parameters<Parameters<typeof useHealthPages>[1]>[0]["app"];
  let admin: TestClient;
  let validator: TestClient;
  let coordinator: TestClient;
  useHealthPages(backend, (w) => ({ t, app, admin, validator, coordinator } = w));

  const programme = async () => {
    const found = await t.db.selectFrom("programmes").select("id").executeTakeFirst();
    if (found) return found.id;
    return (
      await saveProgramme(t.db, manager, {
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
      })
    ).id;
  };
  const upload = (web: TestClient, fields: Record<string, string>, file?: File, query = "") => {
    const form = new FormData();
    form.set("_csrf", web.csrf());
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    if (file) form.set("file", file);
    return app.request(`/programme/midwives/import${query}`, {
      method: "POST",
      body: form,
      headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
  };
  const midwives = async () =>
    Number(
      (
        await t.db
          .selectFrom("midwives")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("offers the form and the templates, whose headers the import reads back", async () => {
    await programme();
    const page = await (await admin.get("/programme/midwives")).text();
    expect(page).toContain('action="/programme/midwives/import" enctype="multipart/form-data"');
    expect(page).toContain('href="/programme/midwives/templates/register.csv?lang=fr"');
    const csv = await admin.get("/programme/midwives/templates/register.csv?lang=fr");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("jalon-register-fr.csv");
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer())).toBe(
      "\uFEFFnom;qualification;langues;téléphone;courriel;structure;date de début;date de fin;motif de fin;formations\r\n",
    );
    const xlsx = await coordinator.get("/programme/midwives/templates/register.xlsx?lang=en");
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Register", "Facilities"]);
    expect(book.worksheets[0]?.getRow(1).values).toEqual([
      undefined,
      "name",
      "qualification",
      "languages",
      "phone",
      "email",
      "facility",
      "start date",
      "end date",
      "end reason",
      "trainings",
    ]);
    expect(book.worksheets[1]?.getColumn(1).values).toContain("FacBar00001");
    // A validator sees neither the register nor its templates.
    expect((await validator.get("/programme/midwives")).status).toBe(403);
    expect((await validator.get("/programme/midwives/templates/register.csv")).status).toBe(403);
  });

  it("previews an upload without storing it, then imports it once on confirmation", async () => {
    const id = await programme();
    const res = await upload(
      admin,
      { programme: String(id) },
      new File([REGISTER], "registre.csv", { type: "text/csv" }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    const preview = plain(html);
    expect(preview).toContain("registre.csv, pour le programme « Sages-femmes communautaires »");
    expect(preview).toContain("1 ligne à importer");
    expect(preview).toContain("0 ligne à mettre à jour");
    expect(preview).toContain("2 lignes refusées");
    expect(preview).toContain(
      "<b>Ligne 3</b> — Kadia Diarra<br>structure inconnue : aucun code ni uid enregistré ne lui correspond.",
    );
    expect(preview).toContain(
      "<b>Ligne 4</b> — Mariam Keita<br>la date de fin précède la date de début.",
    );
    expect(await midwives()).toBe(0);

    const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(token).not.toBe("");
    const done = await admin.post("/programme/midwives/import/confirm", { token });
    expect(done.status).toBe(200);
    const result = plain(await done.text());
    expect(result).toContain("Registre importé");
    expect(result).toContain("1 ligne importée");
    expect(result).toContain("1 sage-femme, 1 affectation et 1 formation en plus.");
    expect(await midwives()).toBe(1);
    // A confirmation is used once.
    const again = await admin.post("/programme/midwives/import/confirm", { token });
    expect(again.status).toBe(400);
    expect(plain(await again.text())).toContain("Cette vérification n’est plus disponible");
    expect(await midwives()).toBe(1);

    // The same file again: nothing to import, no confirmation offered.
    const same = await upload(
      admin,
      { programme: String(id) },
      new File([REGISTER], "registre.csv", { type: "text/csv" }),
    );
    const samePage = await same.text();
    expect(plain(samePage)).toContain("1 ligne inchangée");
    expect(plain(samePage)).toContain("Ce fichier ne change rien au registre.");
    expect(samePage).not.toContain('name="token"');

    // The preview in English.
    const en = plain(
      await (
        await upload(
          admin,
          { programme: String(id) },
          new File([REGISTER], "register.csv", { type: "text/csv" }),
          "?lang=en",
        )
      ).text(),
    );
    expect(en).toContain("register.csv, for the programme “Sages-femmes communautaires”");
    expect(en).toContain("1 row unchanged");
    expect(en).toContain(
      "<b>Row 3</b> — Kadia Diarra<br>unknown facility: no stored code or uid matches it.",
    );
  });

  it("says what is wrong with an upload beside the form", async () => {
    const id = await programme();
    const none = await upload(admin, { programme: String(id) });
    expect(none.status).toBe(400);
    expect(plain(await none.text())).toContain("Choisissez le fichier à importer.");
    const noProgramme = await upload(admin, { programme: "999999" }, new File([REGISTER], "r.csv"));
    expect(noProgramme.status).toBe(400);
    expect(plain(await noProgramme.text())).toContain("Choisissez le programme des affectations.");
    const columns = await upload(
      admin,
      { programme: String(id) },
      new File(["nom;structure\nAwa;X"], "r.csv"),
    );
    expect(columns.status).toBe(400);
    expect(plain(await columns.text())).toContain(
      "Fichier refusé : colonnes manquantes dans l’en-tête CSV",
    );
  });

  it("refuses an upload from a validator before reading it", async () => {
    const id = await programme();
    const res = await upload(validator, { programme: String(id) }, new File([REGISTER], "r.csv"));
    expect(res.status).toBe(403);
  });
});
