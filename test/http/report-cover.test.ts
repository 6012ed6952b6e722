// The report's cover and sections editor over HTTP: a coordinator uploads a logo (re-encoded,
// shown back, printed on the cover in the order chosen), a file that is not a logo or an SVG
// that could fetch files is refused beside its field in French and English with nothing
// stored, the publication date and place are checked, and sections are added, changed and
// removed after a chosen section of the report.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { buildReport } from "../../src/services/tracker/reports.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD, useSignedInWorld } from "../support/world.ts";

const PAGE = "/manage/cycles/2022/report-cover";

describe.each(backends)("the report's cover editor on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestClient;

  useSignedInWorld(backend, "coordinator", (w) => ({ t, app, client: coordinator } = w));

  const upload = async (name: string, file: File | null, lang = "fr", onCover = true) => {
    await coordinator.get(`${PAGE}?lang=${lang}`);
    const form = new FormData();
    form.set("_csrf", coordinator.csrf());
    form.set("name", name);
    if (onCover) form.set("on_cover", "1");
    if (file) form.set("file", file);
    return app.request(`${PAGE}/logos?lang=${lang}`, {
      method: "POST",
      body: form,
      headers: { cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
  };
  const logos = () => t.db.selectFrom("report_logos").selectAll().orderBy("id").execute();

  it("refuses what is not a logo, beside the field, in French and English, storing nothing", async () => {
    const text = new File([new TextEncoder().encode("not an image")], "logo.png", {
      type: "image/png",
    });
    const fr = await upload("UNFPA", text);
    expect(fr.status).toBe(400);
    const frBody = await fr.text();
    expect(frBody).toContain("Ce fichier n’est pas une image PNG, JPEG ou SVG.");
    expect(frBody).toContain('value="UNFPA"');
    const en = await upload("UNFPA", text, "en");
    expect(en.status).toBe(400);
    expect(await en.text()).toContain("This file is not a PNG, JPEG or SVG image.");

    const fetching = new File(
      [
        new TextEncoder().encode(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="file:///etc/hostname" width="10" height="10"/></svg>',
        ),
      ],
      "logo.svg",
      { type: "image/svg+xml" },
    );
    const svg = await upload("UNFPA", fetching);
    expect(svg.status).toBe(400);
    expect(await svg.text()).toContain("Ce SVG contient un script, une référence externe");
    const nameless = await upload("", null);
    expect(nameless.status).toBe(400);
    const body = await nameless.text();
    expect(body).toContain("Choisissez un fichier.");
    expect(await logos()).toEqual([]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("id")
      .where("entity", "=", "report_logos")
      .execute();
    expect(audit).toEqual([]);
  });

  it("keeps a logo re-encoded as PNG, shows it back and prints it on the cover", async () => {
    const jpeg = await sharp({
      create: { width: 300, height: 120, channels: 3, background: "#1f5f8b" },
    })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: "secret" } } })
      .toBuffer();
    const res = await upload("Groupe Pivot", new File([new Uint8Array(jpeg)], "gpsp.jpg"));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${PAGE}?done=logo`);
    const svg = new File(
      [
        new TextEncoder().encode(
          '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><defs><linearGradient id="g"><stop offset="0" stop-color="#f2b705"/></linearGradient></defs><rect width="200" height="100" fill="url(#g)"/></svg>',
        ),
      ],
      "unfpa.svg",
    );
    expect((await upload("UNFPA", svg)).status).toBe(303);
    expect((await upload("Ailleurs", svg, "fr", false)).status).toBe(303);
    const stored = await logos();
    expect(stored.map((l) => [l.name, l.cover_position])).toEqual([
      ["Groupe Pivot", 0],
      ["UNFPA", 1],
      ["Ailleurs", null],
    ]);
    const first = stored[0];
    if (!first) throw new Error("no logo");
    const meta = await sharp(new Uint8Array(first.png)).metadata();
    expect(meta.format).toBe("png");
    expect(meta.exif).toBeUndefined();
    const page = await coordinator.get(`${PAGE}?done=logo`);
    const html = await page.text();
    expect(html).toContain("Logo ajouté.");
    expect(html).toContain(`src="/manage/logos/${first.id}.png"`);
    const image = await coordinator.get(`/manage/logos/${first.id}.png`);
    expect(image.headers.get("content-type")).toBe("image/png");
    const model = await buildReport(t.db, "2022", "fr", { publishedOnly: true });
    expect(model.cover.logos.map((l) => l.name)).toEqual(["Groupe Pivot", "UNFPA"]);
  });

  it("sets the cover's order, date and place, and checks them", async () => {
    const [a, b, c] = await logos();
    if (!a || !b || !c) throw new Error("three logos expected");
    await coordinator.get(PAGE);
    const bad = await coordinator.post(PAGE, {
      published_on: "2026-02-30",
      place: "Bamako",
      [`logo.${a.id}`]: "x",
    });
    expect(bad.status).toBe(400);
    const badBody = await bad.text();
    expect(badBody).toContain("Date invalide (AAAA-MM-JJ).");
    expect(badBody).toContain("Un nombre entier, ou vide.");
    expect((await t.db.selectFrom("report_covers").selectAll().execute()).length).toBe(0);

    await coordinator.get(PAGE);
    const saved = await coordinator.post(PAGE, {
      published_on: "2026-12-01",
      place: "Bamako",
      [`logo.${a.id}`]: "2",
      [`logo.${b.id}`]: "",
      [`logo.${c.id}`]: "1",
    });
    expect(saved.status).toBe(303);
    const model = await buildReport(t.db, "2022", "fr", { publishedOnly: true });
    expect(model.cover.logos.map((l) => l.name)).toEqual(["Ailleurs", "Groupe Pivot"]);
    expect(model.cover).toMatchObject({ publishedOn: "2026-12-01", place: "Bamako" });
  });

  it("adds, changes and removes a section after a chosen one, refusing an unknown figure", async () => {
    await coordinator.get(PAGE);
    const refused = await coordinator.post(`${PAGE}/sections`, {
      after: "synthesis",
      title: "",
      title_en: "",
      text: "Avec {partenaires} organisations.",
      text_en: "",
    });
    expect(refused.status).toBe(400);
    const body = await refused.text();
    expect(body).toContain("Chiffre inconnu entre accolades.");
    expect(body).toContain("Avec {partenaires} organisations.");
    expect(await t.db.selectFrom("report_sections").selectAll().execute()).toEqual([]);

    await coordinator.get(PAGE);
    const added = await coordinator.post(`${PAGE}/sections`, {
      after: "synthesis",
      title: "Perspectives",
      title_en: "Outlook",
      text: "Avec {partners} organisations, la suite s’annonce bien.",
      text_en: "With {partners} organisations, what comes next looks good.",
    });
    expect(added.status).toBe(303);
    const [section] = await t.db.selectFrom("report_sections").selectAll().execute();
    if (!section) throw new Error("no section");
    let en = await buildReport(t.db, "2022", "en", { publishedOnly: true });
    expect(en.sections).toEqual([
      {
        after: "synthesis",
        title: "Outlook",
        text: `With ${en.methodology.partnersContributing} organisations, what comes next looks good.`,
      },
    ]);

    await coordinator.get(PAGE);
    const changed = await coordinator.post(`${PAGE}/sections/${section.id}`, {
      after: "conclusion",
      title: "Perspectives",
      title_en: "",
      text: "La suite.",
      text_en: "",
    });
    expect(changed.status).toBe(303);
    en = await buildReport(t.db, "2022", "en", { publishedOnly: true });
    expect(en.sections[0]).toMatchObject({ after: "conclusion", title: "Perspectives" });
    const page = await (await coordinator.get(`${PAGE}?lang=en&done=section_saved`)).text();
    expect(page).toContain("Section saved.");

    await coordinator.get(PAGE);
    expect((await coordinator.post(`${PAGE}/sections/${section.id}/delete`, {})).status).toBe(303);
    expect(await t.db.selectFrom("report_sections").selectAll().execute()).toEqual([]);
    const actions = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "report_sections")
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["create", "update", "delete"]);
  });
});

describe.each(backends)("acronyms proposed from the report on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestClient;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
  });
  afterAll(() => t.dispose());

  it("lists the tokens missing from the list with where they occur, and adds one in a click", async () => {
    const page = await (await coordinator.get("/manage/acronyms")).text();
    expect(page).toContain("Sigles employés dans le rapport et absents de la liste");
    expect(page).toMatch(
      /<b>CSCom<\/b> <small class="muted">[^<]*indicateur 1\.2, réponse de AMPPF/,
    );
    expect(page).toContain('<input type="hidden" name="acronym" value="DHIS2">');
    expect(page).not.toContain('name="acronym" value="Mali"');
    const added = await coordinator.post("/manage/acronyms", {
      acronym: "CSCom",
      expansion: "Centre de santé communautaire",
    });
    expect(added.status).toBe(303);
    const after = await (await coordinator.get("/manage/acronyms?lang=en")).text();
    expect(after).toContain("Acronyms used in the report and missing from the list");
    expect(after).not.toContain('name="acronym" value="CSCom"');
    expect(after).toContain("<b>CSCom</b>");
  });
});
