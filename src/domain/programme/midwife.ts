// Midwives of a programme: their qualification, languages, and the trainings they received.
// A midwife's contact (telephone, e-mail) is private: no public page or read model shows it.
import { isEmail } from "../shared/account.ts";
import { isCalendarDate } from "../shared/input.ts";
import { type FieldProblems, type FieldReason, textProblem } from "./programme.ts";

/** Qualifications of the people deployed: state midwife, obstetric nurse, matron. */
export const QUALIFICATIONS = ["midwife", "obstetric_nurse", "matron"] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

export function isQualification(value: string): value is Qualification {
  return (QUALIFICATIONS as readonly string[]).includes(value);
}

/**
 * Topics of a training: emergency obstetric and newborn care (SONU/EmONC), family planning,
 * prevention of mother-to-child transmission (PTME/PMTCT), malaria, gender-based violence
 * (VBG/GBV), newborn care, adolescent health, and anything else.
 */
export const TRAINING_TOPICS = [
  "emonc",
  "family_planning",
  "pmtct",
  "malaria",
  "gbv",
  "newborn_care",
  "adolescent_health",
  "other",
] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];

export function isTrainingTopic(value: string): value is TrainingTopic {
  return (TRAINING_TOPICS as readonly string[]).includes(value);
}

export const MIDWIFE_NAME_MAX = 200;
export const CONTACT_MAX = 200;
export const LANGUAGE_MAX = 60;
export const LANGUAGES_MAX = 10;
export const PROVIDER_MAX = 200;

export interface MidwifeFields {
  name: string;
  qualification: string;
  /** Languages spoken (Bambara, Fulfulde, Songhay, French…). */
  languages: readonly string[];
  /** Private: telephone and e-mail, either may be empty. */
  phone: string;
  email: string;
}

const tooLong = (value: string, max: number): FieldReason | null => textProblem(value, max, false);

export function midwifeProblems(input: MidwifeFields): FieldProblems {
  const problems: FieldProblems = {};
  if (input.name.trim() === "") problems.name = "required";
  else {
    const p = tooLong(input.name, MIDWIFE_NAME_MAX);
    if (p) problems.name = p;
  }
  if (input.qualification === "") problems.qualification = "required";
  else if (!isQualification(input.qualification)) problems.qualification = "invalid";
  if (input.languages.length > LANGUAGES_MAX) problems.languages = "too_long";
  else if (input.languages.some((l) => l.trim() === "" || tooLong(l, LANGUAGE_MAX) !== null))
    problems.languages = "invalid";
  for (const field of ["phone", "email"] as const) {
    const p = tooLong(input[field], CONTACT_MAX);
    if (p) problems[field] = p;
  }
  if (
    !problems.phone &&
    input.phone.trim() !== "" &&
    !/^\+?[0-9 ().-]{6,30}$/.test(input.phone.trim())
  )
    problems.phone = "invalid";
  if (!problems.email && input.email.trim() !== "" && !isEmail(input.email.trim()))
    problems.email = "invalid";
  return problems;
}

export interface TrainingFields {
  topic: string;
  date: string;
  provider: string;
}

export function trainingProblems(input: TrainingFields, today: string): FieldProblems {
  const problems: FieldProblems = {};
  if (input.topic === "") problems.topic = "required";
  else if (!isTrainingTopic(input.topic)) problems.topic = "invalid";
  if (input.date.trim() === "") problems.date = "required";
  // A training is recorded once received: not in the future.
  else if (!isCalendarDate(input.date) || input.date > today) problems.date = "invalid";
  const p = tooLong(input.provider, PROVIDER_MAX);
  if (p) problems.provider = p;
  return problems;
}
