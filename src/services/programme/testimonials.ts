// Testimonials as use cases: add or edit one (with its photo), record a consent, withdraw it,
// list them for staff with what each use may show; and the one public read model,
// `publicTestimonials`, which applies the consent rule (domain/programme/consent.disclosure) to
// what its query returns and builds each testimonial from a whitelist of fields: nothing for
// "nothing"; for "anonymised" the words and the region only, no name, photo, place or summary.
import { unitByKey } from "../../db/health/unit-tree.ts";
import { findMidwife } from "../../db/programme/midwives.ts";
import { findProgramme } from "../../db/programme/programmes.ts";
import {
  type ConsentedRow,
  consentedTestimonials,
  consentsOf,
  deletePhoto,
  findTestimonial,
  insertConsent,
  insertTestimonial,
  listTestimonials,
  lockTestimonial,
  photoBytes,
  type StoredConsent,
  type StoredTestimonial,
  savePhoto,
  type TestimonialInput,
  updateTestimonial,
  withdrawConsents,
} from "../../db/programme/testimonials.ts";
import {
  CONSENT_USES,
  type Consent,
  type ConsentMethod,
  type ConsentUse,
  consentProblems,
  currentConsent,
  type Disclosure,
  disclosure,
  LANGUAGE_MAX,
  NAME_MAX,
  PLACE_MAX,
  photoAllowed,
  QUOTE_MAX,
  type SpeakerRole,
  SUMMARY_MAX,
  testimonialProblems,
  VIDEO_URL_MAX,
  withdrawalProblems,
} from "../../domain/programme/consent.ts";
import { type Actor, actorLabel, can } from "../../domain/shared/policy.ts";
import { invalidFields, notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Db, Tx } from "../shared/db.ts";
import { reencodePhoto } from "./photos.ts";
import { REGION_LEVEL } from "./register-page.ts";

export type { StoredConsent, StoredTestimonial };

const LIMITS = {
  speakerName: NAME_MAX,
  quote: QUOTE_MAX,
  summary: SUMMARY_MAX,
  placeText: PLACE_MAX,
  language: LANGUAGE_MAX,
  videoUrl: VIDEO_URL_MAX,
  "consent.consenterName": NAME_MAX,
  "consent.witnessName": NAME_MAX,
  "consent.guardianName": NAME_MAX,
};

const todayUtc = () => new Date().toISOString().slice(0, 10);
const blankToNull = (v: string) => (v.trim() === "" ? null : v.trim());

/** A testimonial as a form sends it: the facility typed as a code or DHIS2 uid. */
export interface TestimonialFields {
  speakerRole: string;
  speakerName: string;
  /** A midwife of the register, whose name is then hers (the name field may stay empty). */
  midwifeId: number | null;
  facility: string;
  placeText: string;
  date: string;
  quote: string;
  summary: string;
  language: string;
  videoUrl: string;
  faceVisible: boolean;
  minor: boolean;
}

/**
 * Adds a testimonial to a programme (no `id`) or replaces its fields, with a photo if one is
 * given. Every field's problem at once, the photo's with them; nothing is stored on any.
 */
export async function saveTestimonial(
  db: Db,
  actor: Actor,
  programmeId: number,
  input: TestimonialFields & { id?: number; photo?: Uint8Array | null },
  today: string = todayUtc(),
): Promise<StoredTestimonial> {
  authorise(actor, "programme.private");
  if (!(await findProgramme(db, programmeId))) throw notFound("programme", programmeId);
  if (input.id !== undefined) {
    const found = await findTestimonial(db, input.id);
    if (!found || found.programmeId !== programmeId) throw notFound("testimonial", input.id);
  }
  const issues: Record<string, string> = {};
  const key = input.facility.trim();
  const unit = key === "" ? undefined : await unitByKey(db, key);
  if (key !== "" && !unit) issues.facility = "not_found";
  const midwife = input.midwifeId === null ? undefined : await findMidwife(db, input.midwifeId);
  if (input.midwifeId !== null && !midwife) issues.midwifeId = "invalid";
  const speakerName = input.speakerName.trim() === "" && midwife ? midwife.name : input.speakerName;
  const problems = testimonialProblems(
    {
      ...input,
      speakerName,
      // A facility typed but not found is said beside it, not as a missing place.
      placeUnitId: unit?.id ?? (key !== "" ? 0 : null),
    },
    today,
  );
  const photo = input.photo ? await reencodePhoto(input.photo) : null;
  if (photo && !photo.ok) issues.photo = photo.reason;
  const all = { ...problems, ...issues };
  if (Object.keys(all).length > 0) throw invalidFields(all, LIMITS);
  const row: TestimonialInput = {
    programmeId,
    speakerRole: input.speakerRole as SpeakerRole,
    // A midwife's name is the register's: kept once, so a correction there reaches here.
    speakerName: midwife && input.speakerName.trim() === "" ? null : input.speakerName.trim(),
    midwifeId: midwife?.id ?? null,
    orgUnitId: unit?.id ?? null,
    place: blankToNull(input.placeText),
    date: input.date.trim(),
    quote: input.quote.trim(),
    summary: blankToNull(input.summary),
    language: input.language.trim(),
    // "HTTPS://…" is a web address too; the column holds its scheme in lower case.
    videoUrl: blankToNull(input.videoUrl)?.replace(/^[a-z]+:/i, (s) => s.toLowerCase()) ?? null,
    faceVisible: input.faceVisible,
    minor: input.minor,
  };
  const by = actorLabel(actor);
  const id = await db.transaction().execute(async (trx) => {
    let saved = input.id;
    if (saved === undefined) saved = await insertTestimonial(trx, by, row);
    else if (!(await updateTestimonial(trx, by, saved, row))) throw notFound("testimonial", saved);
    if (photo?.ok) {
      if (await isWithdrawn(trx, saved)) throw invalidFields({ photo: "withdrawn" });
      await savePhoto(trx, by, saved, photo);
    }
    return saved;
  });
  const stored = await findTestimonial(db, id);
  if (!stored) throw notFound("testimonial", id);
  return stored;
}

async function isWithdrawn(db: Db | Tx, id: number): Promise<boolean> {
  const current = currentConsent(await consentsOf(db, [id]));
  return current !== null && current.withdrawnOn !== null;
}

async function testimonialOf(db: Db, programmeId: number, id: number): Promise<StoredTestimonial> {
  const found = await findTestimonial(db, id);
  if (!found || found.programmeId !== programmeId) throw notFound("testimonial", id);
  return found;
}

/** Replaces a testimonial's photo; refused once its consent is withdrawn. */
export async function uploadPhoto(
  db: Db,
  actor: Actor,
  programmeId: number,
  id: number,
  bytes: Uint8Array,
): Promise<void> {
  authorise(actor, "programme.private");
  await testimonialOf(db, programmeId, id);
  if (bytes.byteLength === 0) throw invalidFields({ photo: "required" });
  const photo = await reencodePhoto(bytes);
  if (!photo.ok) throw invalidFields({ photo: photo.reason });
  await db.transaction().execute(async (trx) => {
    if (!(await lockTestimonial(trx, id))) throw notFound("testimonial", id);
    if (await isWithdrawn(trx, id)) throw invalidFields({ photo: "withdrawn" });
    await savePhoto(trx, actorLabel(actor), id, photo);
  });
}

export interface ConsentFields {
  consenterName: string;
  date: string;
  uses: readonly string[];
  method: string;
  witnessName: string;
  guardianName: string;
  /** The speaker agreed to be named and pictured. */
  named: boolean;
}

/**
 * Records a consent for a testimonial: every problem at once, field by field (prefixed
 * `consent.`). A testimonial whose consent was withdrawn takes no new one: the withdrawal wins.
 */
export async function recordConsent(
  db: Db,
  actor: Actor,
  programmeId: number,
  id: number,
  input: ConsentFields,
  today: string = todayUtc(),
): Promise<StoredConsent> {
  authorise(actor, "programme.private");
  const t = await testimonialOf(db, programmeId, id);
  const problems = consentProblems({ ...input, minor: t.minor }, today);
  if (Object.keys(problems).length > 0) throw invalidFields(problems, LIMITS);
  const by = actorLabel(actor);
  return db.transaction().execute(async (trx) => {
    if (!(await lockTestimonial(trx, id))) throw notFound("testimonial", id);
    if (await isWithdrawn(trx, id)) throw invalidFields({ "consent.date": "withdrawn" });
    return insertConsent(trx, by, {
      testimonialId: id,
      consenterName: input.consenterName.trim(),
      date: input.date.trim(),
      uses: CONSENT_USES.filter((u) => input.uses.includes(u)),
      method: input.method as ConsentMethod,
      witnessName: blankToNull(input.witnessName),
      guardianName: blankToNull(input.guardianName),
      named: input.named,
    });
  });
}

/**
 * Withdraws a testimonial's consent from a day: from then on it shows nothing anywhere but to
 * staff (its words only), its photo is deleted, and no later consent or photo undoes that.
 */
export async function withdrawConsent(
  db: Db,
  actor: Actor,
  programmeId: number,
  id: number,
  withdrawnOn: string,
  today: string = todayUtc(),
): Promise<void> {
  authorise(actor, "programme.private");
  await testimonialOf(db, programmeId, id);
  const by = actorLabel(actor);
  await db.transaction().execute(async (trx) => {
    if (!(await lockTestimonial(trx, id))) throw notFound("testimonial", id);
    const current = currentConsent(await consentsOf(trx, [id]));
    if (!current) throw invalidFields({ withdrawnOn: "no_consent" });
    if (current.withdrawnOn !== null) throw invalidFields({ withdrawnOn: "withdrawn" });
    const problems = withdrawalProblems(withdrawnOn.trim(), current.date, today);
    if (Object.keys(problems).length > 0) throw invalidFields(problems);
    await withdrawConsents(trx, by, id, withdrawnOn.trim());
    await deletePhoto(trx, by, id);
  });
}

/** The consent as the rule reads it, from the record and the testimonial it is for. */
function ruleConsent(
  c: StoredConsent | null,
  t: { minor: boolean; faceVisible: boolean },
): Consent | null {
  if (!c) return null;
  return {
    consenterName: c.consenterName,
    guardianName: c.guardianName,
    date: c.date,
    uses: c.uses,
    method: c.method,
    witnessName: c.witnessName,
    minor: t.minor,
    faceVisible: t.faceVisible,
    named: c.named,
    withdrawnAt: c.withdrawnOn,
  };
}

/** A testimonial for staff: everything, its consent, and what each use may show of it. */
export interface StaffTestimonial extends StoredTestimonial {
  consent: StoredConsent | null;
  disclosures: Record<ConsentUse, Disclosure>;
  /** Whether staff may see its photo (never once withdrawn, nor a minor's without a guardian). */
  photoShown: boolean;
}

function staffView(t: StoredTestimonial, consents: StoredConsent[]): StaffTestimonial {
  const consent = currentConsent(consents.filter((c) => c.testimonialId === t.id));
  const rule = ruleConsent(consent, t);
  return {
    ...t,
    consent,
    disclosures: Object.fromEntries(CONSENT_USES.map((u) => [u, disclosure(rule, u)])) as Record<
      ConsentUse,
      Disclosure
    >,
    photoShown: t.photo !== null && photoAllowed(rule, "internal"),
  };
}

/**
 * A programme's testimonials for staff, newest first; those without a consent in force only for
 * whoever manages them (programme.private).
 */
export async function testimonialsForStaff(
  db: Db,
  actor: Actor,
  programmeId: number,
): Promise<StaffTestimonial[]> {
  authorise(actor, "programme.read");
  if (!(await findProgramme(db, programmeId))) throw notFound("programme", programmeId);
  const list = await listTestimonials(db, programmeId);
  const consents = await consentsOf(
    db,
    list.map((t) => t.id),
  );
  const all = list.map((t) => staffView(t, consents));
  return can(actor, "programme.private") ? all : all.filter(inForce);
}

/** Whether a testimonial's current consent is in force: recorded and not withdrawn. */
const inForce = (t: StaffTestimonial) => t.consent !== null && t.consent.withdrawnOn === null;

/** One testimonial for staff, with every consent recorded for it (its history). */
export async function testimonialFile(
  db: Db,
  actor: Actor,
  programmeId: number,
  id: number,
): Promise<StaffTestimonial & { history: StoredConsent[]; canWrite: boolean }> {
  authorise(actor, "programme.read");
  const t = await testimonialOf(db, programmeId, id);
  const history = await consentsOf(db, [id]);
  const view = staffView(t, history);
  const privy = can(actor, "programme.private");
  // Without a consent in force, a testimonial is only for those who manage consents.
  if (!privy && !inForce(view)) throw notFound("testimonial", id);
  return { ...view, history, canWrite: privy };
}

/** What a use may show of a testimonial: whitelisted fields, nothing more. */
export type PublicTestimonial =
  | {
      id: number;
      disclosure: "identified";
      role: SpeakerRole;
      name: string | null;
      quote: string;
      summary: string | null;
      language: string;
      date: string;
      /** The place as recorded: the facility's name, the place's words, or both. */
      place: string | null;
      region: string | null;
      videoUrl: string | null;
      photo: { url: string; width: number; height: number } | null;
    }
  | {
      id: number;
      disclosure: "anonymised";
      role: SpeakerRole;
      quote: string;
      language: string;
      /** The month only (YYYY-MM): a day and a place together can name someone. */
      month: string;
      region: string | null;
    };

/** The address of a testimonial's photo for a use (answers 404 unless that use may show it). */
export const photoPath = (programmeId: number, id: number, use: ConsentUse) =>
  `/programme/${programmeId}/testimonials/${id}/photo?use=${use}`;

function publicOf(programmeId: number, r: ConsentedRow, use: ConsentUse): PublicTestimonial | null {
  const rule = ruleConsent(r.consent, r);
  const shown = disclosure(rule, use);
  if (shown === "nothing") return null;
  if (shown === "anonymised")
    return {
      id: r.id,
      disclosure: "anonymised",
      role: r.speakerRole,
      quote: r.quote,
      language: r.language,
      month: r.date.slice(0, 7),
      region: r.regionName,
    };
  // The place's own words often name the facility already: it is not said twice.
  const place =
    r.unitName && r.place?.includes(r.unitName)
      ? r.place
      : [r.unitName, r.place].filter((p): p is string => p !== null).join(", ");
  return {
    id: r.id,
    disclosure: "identified",
    role: r.speakerRole,
    name: r.speakerName,
    quote: r.quote,
    summary: r.summary,
    language: r.language,
    date: r.date,
    place: place === "" ? null : place,
    region: r.regionName,
    videoUrl: r.videoUrl,
    photo:
      r.photo && photoAllowed(rule, use)
        ? { url: photoPath(programmeId, r.id, use), ...r.photo }
        : null,
  };
}

/**
 * A programme's testimonials as one use may show them (the public dashboard asks for
 * "public_web", the result cards for "social_media"), newest first. No actor: what it returns
 * is what anyone may read for that use.
 */
export async function publicTestimonials(
  db: Db,
  programmeId: number,
  use: ConsentUse,
): Promise<PublicTestimonial[]> {
  const rows = await consentedTestimonials(db, programmeId, use, REGION_LEVEL);
  return rows.flatMap((r) => {
    const p = publicOf(programmeId, r, use);
    return p ? [p] : [];
  });
}

/**
 * A testimonial's photo for a use, or not found: when it has none, or its consent does not let
 * that use show it. Staff uses (internal, report) need `programme.read`; the public ones none.
 */
export async function testimonialPhoto(
  db: Db,
  actor: Actor,
  programmeId: number,
  id: number,
  use: ConsentUse,
): Promise<Uint8Array> {
  if (use === "internal" || use === "report") authorise(actor, "programme.read");
  const missing = notFound("photo", id);
  const t = await findTestimonial(db, id);
  if (!t || t.programmeId !== programmeId || !t.photo) throw missing;
  const consent = currentConsent(await consentsOf(db, [id]));
  if (!photoAllowed(ruleConsent(consent, t), use)) throw missing;
  const bytes = await photoBytes(db, id);
  if (!bytes) throw missing;
  return bytes;
}
