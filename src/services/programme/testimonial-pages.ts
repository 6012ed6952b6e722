// What the testimonial pages read and the forms they send: a programme's testimonials with the
// midwives one may be of, one testimonial with its consents; and the forms as typed (a midwife
// chosen by id, boxes ticked) turned into the use cases' input.

import { findProgramme } from "../../db/programme/programmes.ts";
import { programmeMidwives } from "../../db/programme/testimonials.ts";
import { parseId } from "../../domain/shared/input.ts";
import { type Actor, can } from "../../domain/shared/policy.ts";
import { invalidFields, notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import {
  type StaffTestimonial,
  type StoredConsent,
  saveTestimonial,
  type TestimonialFields,
  testimonialFile,
  testimonialsForStaff,
} from "./testimonials.ts";

export interface TestimonialsPage {
  programme: { id: number; name: string };
  testimonials: StaffTestimonial[];
  /** The midwives of the programme a new testimonial may be of (empty for readers). */
  midwives: { id: number; name: string }[];
  canWrite: boolean;
}

async function programmeOf(db: Db, id: number) {
  const p = await findProgramme(db, id);
  if (!p) throw notFound("programme", id);
  return { id: p.id, name: p.name };
}

export async function testimonialsPage(
  db: Db,
  actor: Actor,
  programmeId: number,
): Promise<TestimonialsPage> {
  const testimonials = await testimonialsForStaff(db, actor, programmeId);
  const canWrite = can(actor, "programme.private");
  return {
    programme: await programmeOf(db, programmeId),
    testimonials,
    midwives: canWrite ? await programmeMidwives(db, programmeId) : [],
    canWrite,
  };
}

export interface TestimonialPage {
  programme: { id: number; name: string };
  testimonial: StaffTestimonial & { history: StoredConsent[] };
  midwives: { id: number; name: string }[];
  canWrite: boolean;
}

export async function testimonialPage(
  db: Db,
  actor: Actor,
  programmeId: number,
  id: number,
): Promise<TestimonialPage> {
  const { canWrite, ...testimonial } = await testimonialFile(db, actor, programmeId, id);
  const midwives = canWrite ? await programmeMidwives(db, programmeId) : [];
  // Her own midwife stays a choice even if she no longer works under the programme.
  if (
    testimonial.midwifeId !== null &&
    testimonial.midwifeName !== null &&
    !midwives.some((m) => m.id === testimonial.midwifeId)
  )
    midwives.push({ id: testimonial.midwifeId, name: testimonial.midwifeName });
  return { programme: await programmeOf(db, programmeId), testimonial, midwives, canWrite };
}

/** The testimonial form as typed: every field a text, the boxes "1" when ticked. */
export interface TestimonialForm {
  speakerRole: string;
  speakerName: string;
  midwife: string;
  facility: string;
  placeText: string;
  date: string;
  quote: string;
  summary: string;
  language: string;
  videoUrl: string;
  faceVisible: string;
  minor: string;
}

export const EMPTY_TESTIMONIAL_FORM: TestimonialForm = {
  speakerRole: "mother",
  speakerName: "",
  midwife: "",
  facility: "",
  placeText: "",
  date: "",
  quote: "",
  summary: "",
  language: "",
  videoUrl: "",
  faceVisible: "",
  minor: "",
};

function fieldsOf(form: TestimonialForm): TestimonialFields {
  return {
    speakerRole: form.speakerRole,
    speakerName: form.speakerName,
    midwifeId: form.midwife === "" ? null : (parseId(form.midwife) ?? 0),
    facility: form.facility,
    placeText: form.placeText,
    date: form.date.trim(),
    quote: form.quote,
    summary: form.summary,
    language: form.language,
    videoUrl: form.videoUrl,
    faceVisible: form.faceVisible === "1",
    minor: form.minor === "1",
  };
}

/** Adds (no `id`) or edits a testimonial from its form, with the photo sent, if any. */
export async function saveTestimonialFromForm(
  db: Db,
  actor: Actor,
  programmeId: number,
  form: TestimonialForm,
  o: { id?: number; photo?: Uint8Array | null } = {},
): Promise<number> {
  authorise(actor, "programme.private");
  const fields = fieldsOf(form);
  if (fields.midwifeId === 0) throw invalidFields({ midwifeId: "invalid" });
  const saved = await saveTestimonial(db, actor, programmeId, {
    ...fields,
    ...(o.id === undefined ? {} : { id: o.id }),
    photo: o.photo ?? null,
  });
  return saved.id;
}

/** A stored testimonial as its edit form shows it. */
export function formOf(t: StaffTestimonial): TestimonialForm {
  return {
    speakerRole: t.speakerRole,
    speakerName: t.speakerName ?? "",
    midwife: t.midwifeId === null ? "" : String(t.midwifeId),
    facility: t.unitKey ?? "",
    placeText: t.place ?? "",
    date: t.date,
    quote: t.quote,
    summary: t.summary ?? "",
    language: t.language,
    videoUrl: t.videoUrl ?? "",
    faceVisible: t.faceVisible ? "1" : "",
    minor: t.minor ? "1" : "",
  };
}
