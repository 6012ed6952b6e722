// Testimonials and their consent: the vocabularies, the checks a testimonial and its consent pass
// before they are saved, and the one rule that says how much of a testimonial a use may show.
// Queries filter by the same use list (`consentedUses`) and presenters apply `disclosure`.
import { isCalendarDate } from "../shared/input.ts";
import { type FieldProblems, textProblem } from "./programme.ts";

/** Who speaks: a mother, a midwife, a member of the community, someone else. */
export const SPEAKER_ROLES = ["mother", "midwife", "community_member", "other"] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

/** What a testimonial may be used for: staff only, a report, the public web, social media. */
export const CONSENT_USES = ["internal", "report", "public_web", "social_media"] as const;
export type ConsentUse = (typeof CONSENT_USES)[number];

/** How consent was given: in writing, orally before a witness, or by a guardian for a minor. */
export const CONSENT_METHODS = ["written", "oral_with_witness", "guardian"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const isSpeakerRole = (v: string): v is SpeakerRole =>
  (SPEAKER_ROLES as readonly string[]).includes(v);
export const isConsentUse = (v: string): v is ConsentUse =>
  (CONSENT_USES as readonly string[]).includes(v);
export const isConsentMethod = (v: string): v is ConsentMethod =>
  (CONSENT_METHODS as readonly string[]).includes(v);

export const NAME_MAX = 200;
export const QUOTE_MAX = 2000;
export const SUMMARY_MAX = 500;
export const PLACE_MAX = 200;
export const LANGUAGE_MAX = 60;
export const VIDEO_URL_MAX = 500;

/** A consent as the rule reads it; `withdrawnAt` set means withdrawn (the row stays as history). */
export interface Consent {
  consenterName: string;
  guardianName: string | null;
  date: string;
  uses: readonly ConsentUse[];
  method: ConsentMethod;
  witnessName: string | null;
  minor: boolean;
  /** The photo shows the speaker's face. */
  faceVisible: boolean;
  /** The speaker agreed to be named and pictured; else only her words, anonymised. */
  named: boolean;
  withdrawnAt: Date | string | null;
}

/**
 * How much of a testimonial a use may show: nothing; the words with no name, place detail or
 * photo; or the words with the speaker's name and photo.
 */
export type Disclosure = "nothing" | "anonymised" | "identified";

/** A consent that lacks what its method needs counts as none (rows written before a check). */
function complete(c: Consent): boolean {
  if (c.consenterName.trim() === "" || !isCalendarDate(c.date)) return false;
  if (c.method === "oral_with_witness" && !c.witnessName?.trim()) return false;
  if ((c.minor || c.method === "guardian") && !c.guardianName?.trim()) return false;
  return true;
}

/**
 * The one rule. No consent, or a use not consented to: nothing. Withdrawn: only `internal`
 * remains (staff keep the history). Not agreed to be named: anonymised words. A minor is named
 * and pictured only with a guardian's consent, and her face-visible photo never without it.
 */
export function disclosure(consent: Consent | null, use: ConsentUse): Disclosure {
  if (!consent || !complete(consent)) return "nothing";
  if (consent.withdrawnAt !== null && use !== "internal") return "nothing";
  if (!consent.uses.includes(use)) return "nothing";
  if (!consent.named) return "anonymised";
  if (consent.minor && consent.method !== "guardian") return "anonymised";
  return "identified";
}

/**
 * Whether the photo may be shown for a use: only with an identified disclosure, and never once
 * the consent is withdrawn, not even to staff (the words stay in the history, the face does not).
 */
export function photoAllowed(consent: Consent | null, use: ConsentUse): boolean {
  return consent?.withdrawnAt === null && disclosure(consent, use) === "identified";
}

/** A consent as recorded, one of a testimonial's history. */
export interface ConsentRecord {
  id: number;
  date: string;
  withdrawnOn: string | null;
}

/**
 * The consent that speaks for a testimonial: the latest recorded (by day, then as recorded),
 * withdrawn on the first day any of them was. A withdrawal wins over everything after it.
 */
export function currentConsent<C extends ConsentRecord>(records: readonly C[]): C | null {
  let latest: C | null = null;
  let withdrawn: string | null = null;
  for (const r of records) {
    if (latest === null || r.date > latest.date || (r.date === latest.date && r.id > latest.id))
      latest = r;
    if (r.withdrawnOn !== null && (withdrawn === null || r.withdrawnOn < withdrawn))
      withdrawn = r.withdrawnOn;
  }
  return latest && { ...latest, withdrawnOn: withdrawn };
}

/** A withdrawal's problems: a real day, not before the consent, not after today. */
export function withdrawalProblems(
  withdrawnOn: string,
  consentDate: string,
  today: string,
): FieldProblems {
  if (withdrawnOn.trim() === "") return { withdrawnOn: "required" };
  if (!isCalendarDate(withdrawnOn) || withdrawnOn > today) return { withdrawnOn: "invalid" };
  if (withdrawnOn < consentDate) return { withdrawnOn: "before_start" };
  return {};
}

export interface TestimonialFields {
  speakerRole: string;
  speakerName: string;
  quote: string;
  summary: string;
  placeUnitId: number | null;
  placeText: string;
  date: string;
  language: string;
  videoUrl: string;
}

export interface ConsentFields {
  consenterName: string;
  guardianName: string;
  date: string;
  uses: readonly string[];
  method: string;
  witnessName: string;
  minor: boolean;
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}

/** Every problem of a testimonial's fields at once; `today` bounds its date. */
export function testimonialProblems(t: TestimonialFields, today: string): FieldProblems {
  const p: FieldProblems = {};
  if (t.speakerRole === "") p.speakerRole = "required";
  else if (!isSpeakerRole(t.speakerRole)) p.speakerRole = "invalid";
  for (const [field, max, required] of [
    ["speakerName", NAME_MAX, true],
    ["quote", QUOTE_MAX, true],
    ["summary", SUMMARY_MAX, false],
    ["placeText", PLACE_MAX, false],
    ["language", LANGUAGE_MAX, true],
    ["videoUrl", VIDEO_URL_MAX, false],
  ] as const) {
    const r = textProblem(t[field], max, required);
    if (r) p[field] = r;
  }
  if (t.placeUnitId === null && t.placeText.trim() === "" && !p.placeText) p.place = "required";
  if (t.date.trim() === "") p.date = "required";
  else if (!isCalendarDate(t.date) || t.date > today) p.date = "invalid";
  if (!p.videoUrl && t.videoUrl.trim() !== "" && !isHttpUrl(t.videoUrl.trim()))
    p.videoUrl = "invalid";
  return p;
}

/**
 * Every problem of a consent at once, field by field: who and when are required, at least one
 * known use, a method; oral consent names its witness; a minor's, or a guardian's, names the
 * guardian. Prefixed `consent.` so a form shows them beside the consent's own fields.
 */
export function consentProblems(c: ConsentFields, today: string): FieldProblems {
  const p: FieldProblems = {};
  const name = textProblem(c.consenterName, NAME_MAX);
  if (name) p["consent.consenterName"] = name;
  if (c.date.trim() === "") p["consent.date"] = "required";
  else if (!isCalendarDate(c.date) || c.date > today) p["consent.date"] = "invalid";
  if (c.uses.length === 0) p["consent.uses"] = "required";
  else if (!c.uses.every(isConsentUse)) p["consent.uses"] = "invalid";
  if (c.method === "") p["consent.method"] = "required";
  else if (!isConsentMethod(c.method)) p["consent.method"] = "invalid";
  const witness = textProblem(c.witnessName, NAME_MAX, c.method === "oral_with_witness");
  if (witness) p["consent.witnessName"] = witness;
  const guardian = textProblem(c.guardianName, NAME_MAX, c.minor || c.method === "guardian");
  if (guardian) p["consent.guardianName"] = guardian;
  return p;
}
