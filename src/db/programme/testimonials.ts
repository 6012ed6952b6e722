// Testimonials, their consents and photos. Staff reads carry every field; the public query
// (`consentedTestimonials`) returns only testimonials whose latest consent lists the use and
// is not withdrawn, and selects the place's region beside the place itself, so that the
// service can give an anonymised testimonial no more than its region.
import { sql } from "kysely";
import type { ConsentMethod, ConsentUse, SpeakerRole } from "../../domain/programme/consent.ts";
import type { Executor } from "../shared/audit.ts";
import { deleteAudited, insertAudited, recordAudit, updateAudited } from "../shared/audit.ts";

export interface TestimonialInput {
  programmeId: number;
  speakerRole: SpeakerRole;
  /** Null when the speaker is a registered midwife: her name is the register's. */
  speakerName: string | null;
  midwifeId: number | null;
  orgUnitId: number | null;
  place: string | null;
  date: string;
  quote: string;
  summary: string | null;
  language: string;
  videoUrl: string | null;
  faceVisible: boolean;
  minor: boolean;
}

export interface StoredTestimonial extends TestimonialInput {
  id: number;
  /** The midwife's name from the register, when she is one. */
  midwifeName: string | null;
  /** The place's unit name, when it is one. */
  unitName: string | null;
  /** The unit's code (else its DHIS2 uid), as a form types it. */
  unitKey: string | null;
  photo: { width: number; height: number } | null;
}

export interface ConsentInput {
  testimonialId: number;
  consenterName: string;
  date: string;
  uses: ConsentUse[];
  method: ConsentMethod;
  witnessName: string | null;
  guardianName: string | null;
  named: boolean;
}

export interface StoredConsent extends ConsentInput {
  id: number;
  withdrawnOn: string | null;
}

const columns = (t: TestimonialInput) => ({
  programme_id: t.programmeId,
  speaker_role: t.speakerRole,
  speaker_name: t.speakerName,
  midwife_id: t.midwifeId,
  org_unit_id: t.orgUnitId,
  place: t.place,
  date: t.date,
  quote: t.quote,
  summary: t.summary,
  language: t.language,
  video_url: t.videoUrl,
  face_visible: t.faceVisible,
  minor: t.minor,
});

export async function insertTestimonial(
  db: Executor,
  actor: string,
  t: TestimonialInput,
): Promise<number> {
  return (await insertAudited(db, actor, "testimonials", columns(t))).id;
}

/** Replaces a testimonial's fields (its programme stays); false when there is none. */
export async function updateTestimonial(
  db: Executor,
  actor: string,
  id: number,
  t: TestimonialInput,
): Promise<boolean> {
  const { programme_id: _, ...changes } = columns(t);
  const row = await updateAudited(db, actor, "testimonials", id, {
    ...changes,
    updated_at: new Date(),
  });
  return row !== undefined;
}

function staffQuery(db: Executor) {
  return db
    .selectFrom("testimonials as t")
    .leftJoin("midwives as m", "m.id", "t.midwife_id")
    .leftJoin("org_units as u", "u.id", "t.org_unit_id")
    .leftJoin("testimonial_photos as p", "p.testimonial_id", "t.id")
    .select([
      "t.id",
      "t.programme_id",
      "t.speaker_role",
      "t.speaker_name",
      "t.midwife_id",
      "t.org_unit_id",
      "t.place",
      "t.date",
      "t.quote",
      "t.summary",
      "t.language",
      "t.video_url",
      "t.face_visible",
      "t.minor",
      "m.name as midwife_name",
      "u.name as unit_name",
      sql<string | null>`coalesce(u.code, u.uid)`.as("unit_key"),
      "p.width",
      "p.height",
    ]);
}

type StaffRow = Awaited<ReturnType<ReturnType<typeof staffQuery>["execute"]>>[number];

const testimonialOf = (r: StaffRow): StoredTestimonial => ({
  id: r.id,
  programmeId: r.programme_id,
  speakerRole: r.speaker_role as SpeakerRole,
  speakerName: r.speaker_name,
  midwifeId: r.midwife_id,
  orgUnitId: r.org_unit_id,
  place: r.place,
  date: r.date,
  quote: r.quote,
  summary: r.summary,
  language: r.language,
  videoUrl: r.video_url,
  faceVisible: r.face_visible,
  minor: r.minor,
  midwifeName: r.midwife_name,
  unitName: r.unit_name,
  unitKey: r.unit_key,
  photo: r.width !== null && r.height !== null ? { width: r.width, height: r.height } : null,
});

export async function findTestimonial(
  db: Executor,
  id: number,
): Promise<StoredTestimonial | undefined> {
  const row = await staffQuery(db).where("t.id", "=", id).executeTakeFirst();
  return row && testimonialOf(row);
}

/** A programme's testimonials, newest first, for staff. */
export async function listTestimonials(
  db: Executor,
  programmeId: number,
): Promise<StoredTestimonial[]> {
  const rows = await staffQuery(db)
    .where("t.programme_id", "=", programmeId)
    .orderBy("t.date", "desc")
    .orderBy("t.id", "desc")
    .execute();
  return rows.map(testimonialOf);
}

/** Locks a testimonial's row until the transaction ends (consents are checked one at a time). */
export async function lockTestimonial(trx: Executor, id: number): Promise<boolean> {
  const row = await trx
    .selectFrom("testimonials")
    .select("id")
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

const consentOf = (r: {
  id: number;
  testimonial_id: number;
  consenter_name: string;
  date: string;
  uses: string[];
  method: string;
  witness_name: string | null;
  guardian_name: string | null;
  named: boolean;
  withdrawn_on: string | null;
}): StoredConsent => ({
  id: r.id,
  testimonialId: r.testimonial_id,
  consenterName: r.consenter_name,
  date: r.date,
  uses: r.uses as ConsentUse[],
  method: r.method as ConsentMethod,
  witnessName: r.witness_name,
  guardianName: r.guardian_name,
  named: r.named,
  withdrawnOn: r.withdrawn_on,
});

export async function insertConsent(
  db: Executor,
  actor: string,
  c: ConsentInput,
): Promise<StoredConsent> {
  return consentOf(
    await insertAudited(db, actor, "testimonial_consents", {
      testimonial_id: c.testimonialId,
      consenter_name: c.consenterName,
      date: c.date,
      uses: c.uses,
      method: c.method,
      witness_name: c.witnessName,
      guardian_name: c.guardianName,
      named: c.named,
    }),
  );
}

/** The consents of some testimonials, as recorded. */
export async function consentsOf(
  db: Executor,
  testimonialIds: readonly number[],
): Promise<StoredConsent[]> {
  if (testimonialIds.length === 0) return [];
  const rows = await db
    .selectFrom("testimonial_consents")
    .selectAll()
    .where("testimonial_id", "in", [...testimonialIds])
    .orderBy("date")
    .orderBy("id")
    .execute();
  return rows.map(consentOf);
}

/** Marks each consent of a testimonial not yet withdrawn as withdrawn on that day. */
export async function withdrawConsents(
  db: Executor,
  actor: string,
  testimonialId: number,
  day: string,
): Promise<number> {
  const open = await db
    .selectFrom("testimonial_consents")
    .select("id")
    .where("testimonial_id", "=", testimonialId)
    .where("withdrawn_on", "is", null)
    .execute();
  for (const { id } of open)
    await updateAudited(db, actor, "testimonial_consents", id, { withdrawn_on: day });
  return open.length;
}

/** Stores (or replaces) a testimonial's photo; the audit keeps its size, not its bytes. */
export async function savePhoto(
  db: Executor,
  actor: string,
  testimonialId: number,
  photo: { jpeg: Uint8Array; width: number; height: number },
): Promise<void> {
  const values = {
    testimonial_id: testimonialId,
    jpeg: photo.jpeg,
    width: photo.width,
    height: photo.height,
  };
  const before = await db
    .deleteFrom("testimonial_photos")
    .where("testimonial_id", "=", testimonialId)
    .returning(["width", "height"])
    .executeTakeFirst();
  await db.insertInto("testimonial_photos").values(values).execute();
  const size = { width: photo.width, height: photo.height, bytes: photo.jpeg.byteLength };
  await recordAudit(db, {
    actor,
    action: before ? "update" : "create",
    entity: "testimonial_photos",
    entityId: testimonialId,
    before,
    after: size,
  });
}

/** Removes a testimonial's photo (a withdrawal takes the face away); false when it had none. */
export async function deletePhoto(
  db: Executor,
  actor: string,
  testimonialId: number,
): Promise<boolean> {
  const before = await deleteAudited(
    db,
    actor,
    "testimonial_photos",
    { testimonial_id: testimonialId },
    { columns: ["width", "height"], idOf: () => testimonialId },
  );
  return before !== undefined;
}

export async function photoBytes(
  db: Executor,
  testimonialId: number,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom("testimonial_photos")
    .select("jpeg")
    .where("testimonial_id", "=", testimonialId)
    .executeTakeFirst();
  return row && new Uint8Array(row.jpeg);
}

/** A testimonial as the public query gives it: its latest consent beside it. */
export interface ConsentedRow {
  id: number;
  speakerRole: SpeakerRole;
  speakerName: string | null;
  place: string | null;
  unitName: string | null;
  /** The region (level `regionLevel`) the place's unit lies in, if any. */
  regionName: string | null;
  date: string;
  quote: string;
  summary: string | null;
  language: string;
  videoUrl: string | null;
  faceVisible: boolean;
  minor: boolean;
  photo: { width: number; height: number } | null;
  consent: StoredConsent;
}

/**
 * A programme's testimonials whose latest consent lists `use` and, for any use but internal,
 * none of whose consents is withdrawn; newest first. The rule itself is applied after, by the
 * service: this query only keeps out what it would refuse anyway.
 */
export async function consentedTestimonials(
  db: Executor,
  programmeId: number,
  use: ConsentUse,
  regionLevel: number,
): Promise<ConsentedRow[]> {
  let q = db
    .selectFrom("testimonials as t")
    .innerJoin(
      (eb) =>
        eb
          .selectFrom("testimonial_consents")
          .selectAll()
          .distinctOn("testimonial_id")
          .orderBy("testimonial_id")
          .orderBy("date", "desc")
          .orderBy("id", "desc")
          .as("c"),
      (j) => j.onRef("c.testimonial_id", "=", "t.id"),
    )
    .leftJoin("midwives as m", "m.id", "t.midwife_id")
    .leftJoin("org_units as u", "u.id", "t.org_unit_id")
    .leftJoin("testimonial_photos as p", "p.testimonial_id", "t.id")
    .select([
      "t.id",
      "t.speaker_role",
      sql<string | null>`coalesce(t.speaker_name, m.name)`.as("speaker_name"),
      "t.place",
      "u.name as unit_name",
      sql<
        string | null
      >`(select r.name from org_unit_ancestors a join org_units r on r.id = a.ancestor_id
        where a.org_unit_id = t.org_unit_id and r.level = ${regionLevel}
        union all select u.name where u.level = ${regionLevel} limit 1)`.as("region_name"),
      "t.date",
      "t.quote",
      "t.summary",
      "t.language",
      "t.video_url",
      "t.face_visible",
      "t.minor",
      "p.width",
      "p.height",
      "c.id as consent_id",
      "c.consenter_name",
      "c.date as consent_date",
      "c.uses",
      "c.method",
      "c.witness_name",
      "c.guardian_name",
      "c.named",
      "c.withdrawn_on",
    ])
    .where("t.programme_id", "=", programmeId)
    .where(sql<boolean>`${use} = any(c.uses)`);
  if (use !== "internal")
    q = q.where((w) =>
      w.not(
        w.exists(
          w
            .selectFrom("testimonial_consents as x")
            .select("x.id")
            .whereRef("x.testimonial_id", "=", "t.id")
            .where("x.withdrawn_on", "is not", null),
        ),
      ),
    );
  const rows = await q.orderBy("t.date", "desc").orderBy("t.id", "desc").execute();
  return rows.map((r) => ({
    id: r.id,
    speakerRole: r.speaker_role as SpeakerRole,
    speakerName: r.speaker_name,
    place: r.place,
    unitName: r.unit_name,
    regionName: r.region_name,
    date: r.date,
    quote: r.quote,
    summary: r.summary,
    language: r.language,
    videoUrl: r.video_url,
    faceVisible: r.face_visible,
    minor: r.minor,
    photo: r.width !== null && r.height !== null ? { width: r.width, height: r.height } : null,
    consent: consentOf({
      id: r.consent_id,
      testimonial_id: r.id,
      consenter_name: r.consenter_name,
      date: r.consent_date,
      uses: r.uses,
      method: r.method,
      witness_name: r.witness_name,
      guardian_name: r.guardian_name,
      named: r.named,
      withdrawn_on: r.withdrawn_on,
    }),
  }));
}

/** The midwives ever deployed under a programme, by name: whom a testimonial may be of. */
export async function programmeMidwives(
  db: Executor,
  programmeId: number,
): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom("midwives as m")
    .select(["m.id", "m.name"])
    .where((w) =>
      w.exists(
        w
          .selectFrom("deployments as d")
          .select("d.id")
          .whereRef("d.midwife_id", "=", "m.id")
          .where("d.programme_id", "=", programmeId),
      ),
    )
    .orderBy("m.name")
    .orderBy("m.id")
    .execute();
}
