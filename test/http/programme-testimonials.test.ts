// The testimonial pages over real HTTP, on both stores: a testimonial added from the programme's
// page with a GPS-tagged photo (multipart), every wrong field said beside it and nothing kept;
// a consent recorded after a refusal; the photo served to each use only as consent allows and
// with no EXIF; a coordinator reads the consented ones without forms and may not write, a
// testimonial without a consent in force is a programme manager's, and a validator sees none of
// it; a withdrawal takes the photo away from everyone; French and English.
import exifr from "exifr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/shared/policy.ts";
import { saveProgramme } from "../../src/services/programme/programmes.ts";
import { client, type TestClient } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { type HealthPages, useHealthPages } from "../support/health-app.ts";
import { plain } from "../support/text.ts";

const manager: Actor = {
  kind: "user",
  userId: 1,
  role: "programme_manager",
  partnerId: null,
  name: "m",
};

const gpsPhoto = () =>
  sharp({ create: { width: 2400, height: 1800, channels: 3, background: "#8b4513" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "Tecno", Model: "Spark 10" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "13/1 4/1 30/1",
        GPSLongitudeRef: "W",
        GPSLongitude: "6/1 50/1 12/1",
      },
    })
    .toBuffer();

describe.each(backends)("testimonial pages on %s", (backend) => {
  let t: TestDatabase;
  let app: HealthPages["app"];
  let admin: TestClient;
  let validator: TestClient;
  let coordinator: TestClient;
  let programmeManager: TestClient;
  useHealthPages(
    backend,
    (w) => ({ t, app, admin, validator, coordinator, manager: programmeManager } = w),
  );

  /** A multipart form sent as a browser sends it, with the session's cookie and token. */
  const upload = (
    as: TestClient,
    path: string,
    fields: Record<string, string>,
    file?: { bytes: Uint8Array; name: string; type: string },
  ) => {
    const form = new FormData();
    form.append("_csrf", as.csrf());
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file)
      form.append("photo", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    const cookie = [...as.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return app.request(path, { method: "POST", body: form, headers: { cookie } });
  };
  const fields = (o: Record<string, string> = {}) => ({
    speakerRole: "mother",
    speakerName: "Ramata Coulibaly",
    midwife: "",
    facility: "OU_FacBar00001",
    placeText: "Boidié",
    date: "2025-03-12",
    quote: "Cette fois, la sage-femme m’a suivie à chaque consultation.",
    summary: "Une mère de 21 ans compare ses deux naissances.",
    language: "bambara",
    videoUrl: "",
    faceVisible: "1",
    ...o,
  });
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom("testimonials")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  let programmeId = 0;
  let base = "";

  it("adds a testimonial with its photo, each wrong field said beside it first", async () => {
    programmeId = (
      await saveProgramme(t.db, manager, {
        name: "Sages-femmes en milieu communautaire",
        leadPartner: "UNFPA Mali",
        funders: [],
        partners: [],
        startDate: "2022-01-01",
        endDate: null,
        budget: null,
        currency: null,
        regions: [],
        commitments: [],
        indicators: [],
      })
    ).id;
    const programme = await (await admin.get(`/programme/${programmeId}`)).text();
    expect(programme).toContain(`href="/programme/${programmeId}/testimonials"`);
    expect(plain(programme)).toContain("Témoignages et consentements");
    const list = await (await admin.get(`/programme/${programmeId}/testimonials`)).text();
    expect(plain(list)).toContain("Aucun témoignage enregistré.");
    expect(list).toContain('enctype="multipart/form-data"');

    const refused = await upload(
      admin,
      `/programme/${programmeId}/testimonials`,
      fields({
        facility: "",
        placeText: "",
        date: "2999-01-01",
        quote: "x".repeat(2001),
        videoUrl: "javascript:alert(1)",
        speakerName: "Ramata <b>Coulibaly</b>",
      }),
      { bytes: new TextEncoder().encode("%PDF-1.4"), name: "photo.jpg", type: "image/jpeg" },
    );
    expect(refused.status).toBe(400);
    const page = await refused.text();
    const words = plain(page);
    expect(words).toContain("Une structure ou un lieu.");
    expect(words).toContain("Une date réelle, au format AAAA-MM-JJ, pas dans le futur.");
    expect(words).toContain("2 000 caractères au plus");
    expect(words).toContain("Une adresse web complète, commençant par https://.");
    expect(words).toContain("Ce fichier n’est pas une photo (JPEG, PNG ou WebP).");
    expect(page).toContain('value="Ramata &lt;b&gt;Coulibaly&lt;/b&gt;"');
    expect(page).toMatch(/id="f-date"[^>]*aria-invalid="true"/);
    expect(page).toMatch(/id="f-photo"[^>]*aria-invalid="true"/);
    expect(await count()).toBe(0);

    const saved = await upload(admin, `/programme/${programmeId}/testimonials`, fields(), {
      bytes: await gpsPhoto(),
      name: "IMG_2025.jpg",
      type: "image/jpeg",
    });
    expect(saved.status).toBe(303);
    const location = saved.headers.get("location") ?? "";
    expect(location).toMatch(
      new RegExp(`^/programme/${programmeId}/testimonials/[0-9]+\\?done=created$`),
    );
    base = location.replace(/\?.*$/, "");
    const shown = plain(await (await admin.get(location)).text());
    expect(shown).toContain("Témoignage enregistré. Enregistrez maintenant le consentement.");
    expect(shown).toContain("Mère : Ramata Coulibaly");
    expect(shown).toContain("CSCom Boidié, Boidié");
    expect(shown).toContain("Aucun consentement enregistré");
    expect(shown).toContain("Une photo est conservée, mais le consentement ne permet pas");
    // Kept without its metadata, at most 1600 px wide; shown to no one without consent.
    const stored = await t.db
      .selectFrom("testimonial_photos")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect([stored.width, stored.height]).toEqual([1600, 1200]);
    expect(await exifr.gps(new Uint8Array(stored.jpeg))).toBeUndefined();
    expect((await admin.get(`${base}/photo?use=internal`)).status).toBe(404);
  });

  it("records a consent after saying what is missing, and serves the photo as it allows", async () => {
    const refused = await admin.post(`${base}/consents`, {
      consenterName: "Ramata Coulibaly",
      date: "",
      method: "oral_with_witness",
      witnessName: "",
    });
    expect(refused.status).toBe(400);
    const words = plain(await refused.text());
    expect(words).toContain("Ce champ est obligatoire.");
    expect(words).toContain("Cochez au moins un usage.");
    expect(await t.db.selectFrom("testimonial_consents").selectAll().execute()).toEqual([]);

    const saved = await admin.post(`${base}/consents`, {
      consenterName: "Ramata Coulibaly",
      date: "2025-03-12",
      uses: ["internal", "report", "public_web"],
      method: "oral_with_witness",
      witnessName: "Le président de l’ASACO de Boidié",
      named: "1",
    });
    expect(saved.status).toBe(303);
    const page = plain(await (await admin.get(saved.headers.get("location") ?? "")).text());
    expect(page).toContain("Consentement enregistré.");
    expect(page).toContain("Donné par Ramata Coulibaly le 12 mars 2025, oralement, devant témoin.");
    expect(page).toContain(
      "<dt>Site public</dt><dd>les paroles avec le nom, le lieu et la photo</dd>",
    );
    expect(page).toContain("<dt>Réseaux sociaux</dt><dd>rien</dd>");

    const anonymous = client(app);
    const photo = await anonymous.get(`${base}/photo?use=public_web`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/jpeg");
    const bytes = new Uint8Array(await photo.arrayBuffer());
    expect(await exifr.parse(bytes, true)).toBeUndefined();
    expect((await sharp(bytes).metadata()).width).toBe(1600);
    expect((await anonymous.get(`${base}/photo?use=social_media`)).status).toBe(404);
    expect((await anonymous.get(`${base}/photo?use=billboard`)).status).toBe(404);
    expect((await anonymous.get(`${base}/photo?use=internal`)).status).not.toBe(200);
    expect((await coordinator.get(`${base}/photo?use=internal`)).status).toBe(200);
    expect((await validator.get(`${base}/photo?use=internal`)).status).toBe(403);
    expect((await anonymous.get(`/programme/${programmeId}/testimonials`)).status).not.toBe(200);
  });

  it("lets a coordinator read, without forms, and refuses her writes", async () => {
    const list = await (await coordinator.get(`/programme/${programmeId}/testimonials`)).text();
    expect(plain(list)).toContain("Cette fois, la sage-femme m’a suivie à chaque consultation.");
    expect(list).not.toContain('method="post" action="/programme/');
    const page = await (await coordinator.get(base)).text();
    expect(page).toContain(`src="${base}/photo?use=internal"`);
    expect(page).not.toContain(`action="${base}/consents"`);
    expect(page).not.toContain(`action="${base}"`);
    expect((await coordinator.post(`${base}/consents`, {})).status).toBe(403);
    expect((await coordinator.post(`${base}/withdraw`, {})).status).toBe(403);
    expect((await coordinator.post(base, fields())).status).toBe(403);
    expect((await upload(coordinator, `${base}/photo`, {})).status).toBe(403);
    expect(
      (await upload(coordinator, `/programme/${programmeId}/testimonials`, fields())).status,
    ).toBe(403);
    expect((await validator.get(`/programme/${programmeId}/testimonials`)).status).toBe(403);
    expect((await validator.get(base)).status).toBe(403);
    expect((await validator.post(`${base}/consents`, {})).status).toBe(403);
    const en = plain(await (await coordinator.get(`${base}?lang=en`)).text());
    expect(en).toContain("What each use shows");
    expect(en).toContain("Given by Ramata Coulibaly on 12 March 2025, orally, before a witness.");
    expect(en).toContain(
      "<dt>Public website</dt><dd>the words with the name, place and photo</dd>",
    );
  });

  it("keeps a testimonial without a consent to programme managers and admins", async () => {
    const words = "Le centre est loin de notre village, mais nous y allons.";
    const added = await upload(
      programmeManager,
      `/programme/${programmeId}/testimonials`,
      fields({ quote: words, speakerName: "Awa Traoré" }),
    );
    expect(added.status).toBe(303);
    const path = (added.headers.get("location") ?? "").replace(/\?.*$/, "");
    const listed = (as: TestClient) =>
      as.get(`/programme/${programmeId}/testimonials`).then(async (r) => plain(await r.text()));
    expect(await listed(programmeManager)).toContain(words);
    expect(await listed(admin)).toContain(words);
    expect((await programmeManager.get(path)).status).toBe(200);
    const seen = await listed(coordinator);
    expect(seen).not.toContain(words);
    expect(seen).toContain("Cette fois, la sage-femme m’a suivie à chaque consultation.");
    expect((await coordinator.get(path)).status).toBe(404);
  });

  it("edits the words, and refuses a photo over 10 MB beside its field", async () => {
    const edited = await admin.post(
      base,
      fields({ quote: "La sage-femme m’a suivie à chaque consultation." }),
    );
    expect(edited.status).toBe(303);
    expect(plain(await (await admin.get(edited.headers.get("location") ?? "")).text())).toContain(
      "Témoignage modifié.",
    );
    const big = await upload(
      admin,
      `${base}/photo`,
      {},
      { bytes: new Uint8Array(10 * 1024 * 1024 + 1), name: "big.jpg", type: "image/jpeg" },
    );
    expect(big.status).toBe(400);
    expect(plain(await big.text())).toContain("La photo dépasse 10 Mo.");
    const empty = await upload(admin, `${base}/photo`, {});
    expect(empty.status).toBe(400);
    expect(plain(await empty.text())).toContain("Ce champ est obligatoire.");
    const huge = await upload(
      admin,
      `${base}/photo`,
      {},
      { bytes: new Uint8Array(12 * 1024 * 1024), name: "huge.jpg", type: "image/jpeg" },
    );
    expect(huge.status).toBe(413);
    // The page names the limit.
    expect(plain(await huge.text())).toMatch(/ne peut dépasser 10[\u00a0 ]Mo/);
  });

  it("takes the photo away from everyone once the consent is withdrawn", async () => {
    const early = await admin.post(`${base}/withdraw`, { withdrawnOn: "2025-03-01" });
    expect(early.status).toBe(400);
    expect(plain(await early.text())).toContain("Le retrait ne peut précéder le consentement.");
    const done = await admin.post(`${base}/withdraw`, { withdrawnOn: "2025-05-10" });
    expect(done.status).toBe(303);
    const page = plain(await (await admin.get(done.headers.get("location") ?? "")).text());
    expect(page).toContain("Consentement retiré. La photo a été supprimée.");
    expect(page).toContain("Retiré le 10 mai 2025.");
    expect(page).toContain("<dt>Site public</dt><dd>rien</dd>");
    expect(page).not.toContain("Enregistrer un consentement");
    expect((await client(app).get(`${base}/photo?use=public_web`)).status).toBe(404);
    expect((await admin.get(`${base}/photo?use=internal`)).status).toBe(404);
    expect(await t.db.selectFrom("testimonial_photos").selectAll().execute()).toEqual([]);
    // Withdrawn, the words are no longer a coordinator's to read.
    expect((await coordinator.get(base)).status).toBe(404);
    const list = plain(
      await (await coordinator.get(`/programme/${programmeId}/testimonials`)).text(),
    );
    expect(list).not.toContain("La sage-femme m’a suivie à chaque consultation.");
    expect((await admin.get(base)).status).toBe(200);
  });
});
