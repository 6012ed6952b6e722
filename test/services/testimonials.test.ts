// Testimonials and their consent as use cases, on PGlite and PostgreSQL: the demo's five
// testimonials saved with their consents and shown to each use only as far as consent goes;
// anonymised words carry no name, place or photo; a minor's face needs a guardian; a withdrawal
// wins over everything after it, even staff's sight of the photo; bad input is refused whole,
// every field at once, with nothing stored; who may read and write; what the audit keeps.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveOrgUnits } from "../../src/db/health/org-units.ts";
import { DEMO_TESTIMONIALS } from "../../src/demo/programme/stories.ts";
import type { ConsentUse } from "../../src/domain/programme/consent.ts";
import { saveMidwife } from "../../src/services/programme/midwives.ts";
import { saveProgramme } from "../../src/services/programme/programmes.ts";
import {
  publicTestimonials,
  recordConsent,
  saveTestimonial,
  type TestimonialFields,
  testimonialFile,
  testimonialPhoto,
  testimonialsForStaff,
  uploadPhoto,
  withdrawConsent,
} from "../../src/services/programme/testimonials.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { problemOf, staff, unit } from "../support/programme-fixtures.ts";

const manager = staff("programme_manager");
const coordinator = staff("coordinator");
const validator = staff("validator");
const TODAY = "2025-06-30";

const photo = (width = 800, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: "#a0522d" } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "13/1 4/1 30/1" } })
    .toBuffer()
    .then((b) => new Uint8Array(b));

describe.each(backends)("testimonials on %s", (backend) => {
  let t: TestDatabase;
  let programmeId = 0;
  let otherProgramme = 0;
  const byName: Record<string, number> = {};

  type Input = TestimonialFields & { id?: number; photo?: Uint8Array };
  const fields = (over: Partial<Input> = {}): Input => ({
    speakerRole: "mother",
    speakerName: "Awa Diarra",
    midwifeId: null,
    facility: "ML_SEG_BAR_BOIDIE",
    placeText: "Boidié",
    date: "2025-03-12",
    quote: "La sage-femme est venue la nuit.",
    summary: "Une mère de Boidié.",
    language: "bambara",
    videoUrl: "",
    faceVisible: false,
    minor: false,
    ...over,
  });
  const consent = (over: Partial<Parameters<typeof recordConsent>[4]> = {}) => ({
    consenterName: "Awa Diarra",
    date: "2025-03-12",
    uses: ["internal", "report", "public_web"],
    method: "written",
    witnessName: "",
    guardianName: "",
    named: true,
    ...over,
  });
  const count = async (table: "testimonials" | "testimonial_consents" | "testimonial_photos") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await saveOrgUnits(t.db, [
      unit("ML", "Mali", null),
      unit("ML_SEG", "Ségou", "ML"),
      unit("ML_SEG_BAR", "Barouéli", "ML_SEG"),
      unit("ML_SEG_BAR_BOIDIE", "CSCom Boidié", "ML_SEG_BAR"),
      unit("ML_SIK", "Sikasso", "ML"),
      unit("ML_SIK_BOU", "Bougouni", "ML_SIK"),
      unit("ML_SIK_BOU_KOUMANTOU", "CSCom Koumantou", "ML_SIK_BOU"),
      unit("ML_SIK_SIK", "District de Sikasso", "ML_SIK"),
      unit("ML_SIK_SIK_DOUGOUKOLOBOUGOU", "CSCom Dougoukolobougou", "ML_SIK_SIK"),
    ]);
    const base = {
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
    };
    programmeId = (await saveProgramme(t.db, manager, { ...base, name: "Sages-femmes" })).id;
    otherProgramme = (await saveProgramme(t.db, manager, { ...base, name: "Autre" })).id;
    const midwives: Record<string, number> = {};
    for (const [facility, name] of [
      ["ML_SEG_BAR_BOIDIE", "Aminata Coulibaly"],
      ["ML_SIK_SIK_DOUGOUKOLOBOUGOU", "Sitan Diallo"],
    ] as const)
      midwives[facility] = (
        await saveMidwife(t.db, manager, {
          name,
          qualification: "midwife",
          languages: [],
          phone: "",
          email: "",
        })
      ).id;
    for (const d of DEMO_TESTIMONIALS) {
      const saved = await saveTestimonial(
        t.db,
        manager,
        programmeId,
        fields({
          speakerRole: d.role,
          speakerName: d.name ?? "",
          midwifeId: d.name === null ? (midwives[d.facility] ?? null) : null,
          facility: d.facility,
          placeText: d.place,
          date: d.date,
          quote: d.quote,
          summary: d.summary,
          language: d.language,
          minor: d.minor,
          faceVisible: true,
        }),
        TODAY,
      );
      byName[saved.speakerName ?? saved.midwifeName ?? ""] = saved.id;
      await uploadPhoto(t.db, manager, programmeId, saved.id, await photo());
      await recordConsent(
        t.db,
        manager,
        programmeId,
        saved.id,
        consent({
          consenterName: d.name ?? saved.midwifeName ?? "",
          date: d.consent.date,
          uses: d.consent.uses,
          method: d.consent.method,
          witnessName: d.consent.witness ?? "",
          guardianName: d.consent.guardian ?? "",
        }),
        TODAY,
      );
      if (d.consent.withdrawnOn)
        await withdrawConsent(t.db, manager, programmeId, saved.id, d.consent.withdrawnOn, TODAY);
    }
  });
  afterAll(() => t.dispose());

  const shownTo = async (use: ConsentUse) =>
    (await publicTestimonials(t.db, programmeId, use)).map((p) =>
      p.disclosure === "identified" ? p.name : `(${p.role})`,
    );

  it("shows each use only the testimonials consented to it", async () => {
    expect(await shownTo("public_web")).toEqual([
      "Nafissatou Traoré",
      "Aminata Coulibaly",
      "Ramata Coulibaly",
    ]);
    expect(await shownTo("social_media")).toEqual(["Nafissatou Traoré", "Aminata Coulibaly"]);
    expect(await shownTo("report")).toEqual([
      "Nafissatou Traoré",
      "Sanata Konaté",
      "Aminata Coulibaly",
      "Ramata Coulibaly",
    ]);
    // The withdrawn one stays for staff, its words only (the photo is gone).
    expect(await shownTo("internal")).toContain("Sitan Diallo");
    expect(await publicTestimonials(t.db, otherProgramme, "public_web")).toEqual([]);
  });

  it("gives an identified testimonial its name, place, photo and video, nothing private", async () => {
    const [first] = await publicTestimonials(t.db, programmeId, "public_web");
    expect(first).toEqual({
      id: byName["Nafissatou Traoré"],
      disclosure: "identified",
      role: "mother",
      name: "Nafissatou Traoré",
      quote: DEMO_TESTIMONIALS[0]?.quote,
      summary: DEMO_TESTIMONIALS[0]?.summary,
      language: "bambara",
      date: "2025-03-15",
      place: "CSCom Koumantou, Koumantou (venue de Diéra), région de Sikasso",
      region: "Sikasso",
      videoUrl: null,
      photo: {
        url: `/programme/${programmeId}/testimonials/${byName["Nafissatou Traoré"]}/photo?use=public_web`,
        width: 800,
        height: 600,
      },
    });
    const bytes = await testimonialPhoto(
      t.db,
      { kind: "anonymous" },
      programmeId,
      byName["Nafissatou Traoré"] ?? 0,
      "public_web",
    );
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    // Sanata consented to reports only: the public gets no photo of her, staff need to sign in.
    const sanata = byName["Sanata Konaté"] ?? 0;
    expect(
      await problemOf(
        testimonialPhoto(t.db, { kind: "anonymous" }, programmeId, sanata, "public_web"),
      ),
    ).toEqual({ code: "not_found", issues: [] });
    expect(
      await problemOf(testimonialPhoto(t.db, { kind: "anonymous" }, programmeId, sanata, "report")),
    ).toMatchObject({ code: "unauthenticated" });
    expect(
      (await testimonialPhoto(t.db, coordinator, programmeId, sanata, "report")).length,
    ).toBeGreaterThan(0);
    expect(
      await problemOf(testimonialPhoto(t.db, coordinator, otherProgramme, sanata, "report")),
    ).toMatchObject({ code: "not_found" });
  });

  it("gives anonymised words only their region and month: no name, place, summary or photo", async () => {
    const saved = await saveTestimonial(
      t.db,
      manager,
      programmeId,
      fields({
        speakerName: "Kadiatou Sanogo",
        placeText: "Quartier Hamdallaye, chez sa tante",
        summary: "Kadiatou, 19 ans, de Boidié.",
        videoUrl: "HTTPS://video.example.org/kadiatou",
        date: "2025-04-02",
        faceVisible: true,
        photo: await photo(),
      }),
      TODAY,
    );
    expect(saved.videoUrl).toBe("https://video.example.org/kadiatou");
    await recordConsent(
      t.db,
      manager,
      programmeId,
      saved.id,
      consent({ consenterName: "Kadiatou Sanogo", date: "2025-04-02", named: false }),
      TODAY,
    );
    const shown = (await publicTestimonials(t.db, programmeId, "public_web")).find(
      (p) => p.id === saved.id,
    );
    expect(shown).toEqual({
      id: saved.id,
      disclosure: "anonymised",
      role: "mother",
      quote: "La sage-femme est venue la nuit.",
      language: "bambara",
      month: "2025-04",
      region: "Ségou",
    });
    const text = JSON.stringify(await publicTestimonials(t.db, programmeId, "public_web"));
    for (const secret of ["Kadiatou", "Hamdallaye", "video.example.org", "19 ans"])
      expect(text).not.toContain(secret);
    expect(
      await problemOf(
        testimonialPhoto(t.db, { kind: "anonymous" }, programmeId, saved.id, "public_web"),
      ),
    ).toMatchObject({ code: "not_found" });
  });

  it("shows a minor's face only with a guardian's consent", async () => {
    const child = await saveTestimonial(
      t.db,
      manager,
      programmeId,
      fields({ speakerName: "Mariam Koné", minor: true, faceVisible: true, photo: await photo() }),
      TODAY,
    );
    // A minor's consent needs a guardian's name, whatever its method.
    expect(
      await problemOf(
        recordConsent(t.db, manager, programmeId, child.id, consent({ method: "written" }), TODAY),
      ),
    ).toEqual({ code: "invalid_input", issues: ["consent.guardianName.required"] });
    await recordConsent(
      t.db,
      manager,
      programmeId,
      child.id,
      consent({ consenterName: "Mariam Koné", guardianName: "Bakary Koné" }),
      TODAY,
    );
    const own = (await publicTestimonials(t.db, programmeId, "public_web")).find(
      (p) => p.id === child.id,
    );
    expect(own?.disclosure).toBe("anonymised");
    expect(
      await problemOf(testimonialPhoto(t.db, coordinator, programmeId, child.id, "internal")),
    ).toMatchObject({ code: "not_found" });
    await recordConsent(
      t.db,
      manager,
      programmeId,
      child.id,
      consent({
        consenterName: "Bakary Koné",
        guardianName: "Bakary Koné",
        method: "guardian",
        date: "2025-03-20",
      }),
      TODAY,
    );
    const guarded = (await publicTestimonials(t.db, programmeId, "public_web")).find(
      (p) => p.id === child.id,
    );
    expect(guarded?.disclosure === "identified" && guarded.photo?.width).toBe(800);
  });

  it("lets a withdrawal win over everything after it, staff's sight of the photo too", async () => {
    const id = byName["Ramata Coulibaly"] ?? 0;
    expect(
      (await testimonialPhoto(t.db, coordinator, programmeId, id, "internal")).length,
    ).toBeGreaterThan(0);
    expect(
      await problemOf(withdrawConsent(t.db, manager, programmeId, id, "2025-03-01", TODAY)),
    ).toEqual({ code: "invalid_input", issues: ["withdrawnOn.before_start"] });
    expect(
      await problemOf(withdrawConsent(t.db, manager, programmeId, id, "2025-07-01", TODAY)),
    ).toEqual({ code: "invalid_input", issues: ["withdrawnOn.invalid"] });
    await withdrawConsent(t.db, manager, programmeId, id, "2025-05-10", TODAY);
    expect(await shownTo("public_web")).not.toContain("Ramata Coulibaly");
    expect(await shownTo("report")).not.toContain("Ramata Coulibaly");
    expect(
      await problemOf(testimonialPhoto(t.db, coordinator, programmeId, id, "internal")),
    ).toMatchObject({ code: "not_found" });
    const photos = await t.db
      .selectFrom("testimonial_photos")
      .select("testimonial_id")
      .where("testimonial_id", "=", id)
      .execute();
    expect(photos).toEqual([]);
    // Nothing afterwards brings it back: a new consent, a new photo, a second withdrawal.
    expect(
      await problemOf(
        recordConsent(
          t.db,
          manager,
          programmeId,
          id,
          consent({ date: "2025-06-01", uses: ["public_web"] }),
          TODAY,
        ),
      ),
    ).toEqual({ code: "invalid_input", issues: ["consent.date.withdrawn"] });
    expect(await problemOf(uploadPhoto(t.db, manager, programmeId, id, await photo()))).toEqual({
      code: "invalid_input",
      issues: ["photo.withdrawn"],
    });
    expect(
      await problemOf(withdrawConsent(t.db, manager, programmeId, id, "2025-06-01", TODAY)),
    ).toEqual({ code: "invalid_input", issues: ["withdrawnOn.withdrawn"] });
    // Withdrawn, it is no longer a coordinator's to read; a programme manager keeps its record.
    expect(await problemOf(testimonialFile(t.db, coordinator, programmeId, id))).toMatchObject({
      code: "not_found",
    });
    const file = await testimonialFile(t.db, manager, programmeId, id);
    expect(file.consent?.withdrawnOn).toBe("2025-05-10");
    expect(file.disclosures).toEqual({
      internal: "identified",
      report: "nothing",
      public_web: "nothing",
      social_media: "nothing",
    });
    expect(file.photoShown).toBe(false);
    expect(file.canWrite).toBe(true);
  });

  it("refuses bad input whole, every field at once, and stores nothing", async () => {
    const before = await Promise.all([
      count("testimonials"),
      count("testimonial_consents"),
      count("testimonial_photos"),
    ]);
    expect(
      await problemOf(
        saveTestimonial(
          t.db,
          manager,
          programmeId,
          fields({
            speakerRole: "chief",
            speakerName: "",
            facility: "NOWHERE",
            date: "2025-07-01",
            quote: "x".repeat(2001),
            language: "",
            videoUrl: "javascript:alert(1)",
            photo: new TextEncoder().encode("not a photo"),
          }),
          TODAY,
        ),
      ),
    ).toEqual({
      code: "invalid_input",
      issues: [
        "speakerRole.invalid",
        "speakerName.required",
        "quote.too_long",
        "language.required",
        "date.invalid",
        "videoUrl.invalid",
        "facility.not_found",
        "photo.not_image",
      ],
    });
    expect(
      await problemOf(
        saveTestimonial(
          t.db,
          manager,
          programmeId,
          fields({ facility: "", placeText: "", date: "" }),
          TODAY,
        ),
      ),
    ).toEqual({ code: "invalid_input", issues: ["place.required", "date.required"] });
    const id = byName["Nafissatou Traoré"] ?? 0;
    expect(
      await problemOf(
        recordConsent(
          t.db,
          manager,
          programmeId,
          id,
          consent({ consenterName: "", date: "", method: "", uses: [] }),
          TODAY,
        ),
      ),
    ).toEqual({
      code: "invalid_input",
      issues: [
        "consent.consenterName.required",
        "consent.date.required",
        "consent.uses.required",
        "consent.method.required",
      ],
    });
    expect(
      await problemOf(
        recordConsent(
          t.db,
          manager,
          programmeId,
          id,
          consent({ date: "2025-07-01", method: "oral_with_witness", uses: ["billboard"] }),
          TODAY,
        ),
      ),
    ).toEqual({
      code: "invalid_input",
      issues: ["consent.date.invalid", "consent.uses.invalid", "consent.witnessName.required"],
    });
    expect(
      await problemOf(uploadPhoto(t.db, manager, programmeId, id, new Uint8Array(10))),
    ).toEqual({ code: "invalid_input", issues: ["photo.not_image"] });
    expect(
      await Promise.all([
        count("testimonials"),
        count("testimonial_consents"),
        count("testimonial_photos"),
      ]),
    ).toEqual(before);
  });

  it("edits a testimonial in place, keeping its consent and photo", async () => {
    const id = byName["Nafissatou Traoré"] ?? 0;
    const saved = await saveTestimonial(
      t.db,
      manager,
      programmeId,
      fields({
        id,
        speakerName: "Nafissatou Traoré",
        date: "2025-03-15",
        quote: "Mon fils est né sans complication.",
      }),
      TODAY,
    );
    expect(saved.quote).toBe("Mon fils est né sans complication.");
    expect(saved.photo).toEqual({ width: 800, height: 600 });
    const [first] = await publicTestimonials(t.db, programmeId, "social_media");
    expect(first?.id === id && first.disclosure === "identified" && first.quote).toBe(
      "Mon fils est né sans complication.",
    );
    expect(
      await problemOf(saveTestimonial(t.db, manager, otherProgramme, fields({ id }), TODAY)),
    ).toMatchObject({ code: "not_found" });
  });

  it("lets coordinators read the consented, programme managers everything and write; validators nothing", async () => {
    const bare = await saveTestimonial(t.db, manager, programmeId, fields(), TODAY);
    const all = await testimonialsForStaff(t.db, manager, programmeId);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.map((x) => x.id)).toContain(bare.id);
    const list = await testimonialsForStaff(t.db, coordinator, programmeId);
    // Those without a consent in force (none recorded, or withdrawn) are left out.
    expect(list.map((x) => x.id)).toEqual(
      all.filter((x) => x.consent !== null && x.consent.withdrawnOn === null).map((x) => x.id),
    );
    expect(list.length).toBeLessThan(all.length);
    expect(list.map((x) => x.id)).not.toContain(byName["Ramata Coulibaly"]);
    expect(list.map((x) => x.id)).not.toContain(bare.id);
    expect(await problemOf(testimonialFile(t.db, coordinator, programmeId, bare.id))).toMatchObject(
      { code: "not_found" },
    );
    const sitan = all.find((x) => x.midwifeName === "Sitan Diallo");
    expect(sitan?.disclosures.internal).toBe("identified");
    expect(sitan?.disclosures.public_web).toBe("nothing");
    const consented = list[0]?.id ?? 0;
    expect((await testimonialFile(t.db, coordinator, programmeId, consented)).canWrite).toBe(false);
    expect((await testimonialFile(t.db, manager, programmeId, consented)).canWrite).toBe(true);
    for (const who of [coordinator, validator])
      expect(await problemOf(saveTestimonial(t.db, who, programmeId, fields()))).toMatchObject({
        code: "forbidden",
      });
    for (const who of [staff("respondent"), validator])
      expect(await problemOf(testimonialsForStaff(t.db, who, programmeId))).toMatchObject({
        code: "forbidden",
      });
    expect(
      await problemOf(recordConsent(t.db, coordinator, programmeId, 1, consent())),
    ).toMatchObject({ code: "forbidden" });
    expect(
      await problemOf(withdrawConsent(t.db, coordinator, programmeId, 1, "2025-05-10", TODAY)),
    ).toMatchObject({ code: "forbidden" });
    expect(
      await problemOf(uploadPhoto(t.db, coordinator, programmeId, 1, await photo())),
    ).toMatchObject({ code: "forbidden" });
  });

  it("keeps every write in the audit log, a photo by its size and never its bytes", async () => {
    const rows = await t.db
      .selectFrom("audit_log")
      .select(["entity", "action", "after"])
      .where("entity", "like", "testimonial%")
      .execute();
    const kinds = new Set(rows.map((r) => `${r.entity}.${r.action}`));
    for (const k of [
      "testimonials.create",
      "testimonials.update",
      "testimonial_consents.create",
      "testimonial_consents.update",
      "testimonial_photos.create",
      "testimonial_photos.delete",
    ])
      expect(kinds).toContain(k);
    const photoRow = rows.find((r) => r.entity === "testimonial_photos" && r.action === "create");
    expect(photoRow?.after).toEqual({ width: 800, height: 600, bytes: expect.any(Number) });
  });
});
