// One line of a midwife-register file (CSV or the first sheet of a workbook) turned into a
// midwife, a deployment and her trainings as typed, with every fault of the line itself; then
// the whole file judged at once (planRegister): lines of one midwife (same name and telephone)
// are her deployments, which may share no day with each other nor with those already stored.
// Headers in French or English, values as codes or their usual labels.
import { matchColumns, normaliseHeader, parseDay } from "../../../domain/health/file-columns.ts";
import { type EndReason, overlaps, type Period } from "../../../domain/programme/deployment.ts";
import {
  midwifeProblems,
  PROVIDER_MAX,
  type Qualification,
  type TrainingTopic,
} from "../../../domain/programme/midwife.ts";
import type { Rejection } from "../../../domain/shared/import-summary.ts";

export type RegisterColumn =
  | "name"
  | "qualification"
  | "languages"
  | "phone"
  | "email"
  | "facility"
  | "startDate"
  | "endDate"
  | "endReason"
  | "trainings";

export const REGISTER_ALIASES: Readonly<Record<RegisterColumn, readonly string[]>> = {
  name: ["name", "nom", "midwife", "sage-femme", "nom complet", "full name"],
  qualification: ["qualification", "profil", "grade"],
  languages: ["languages", "langues", "langue", "language"],
  phone: ["phone", "telephone", "téléphone", "tel", "tél"],
  email: ["email", "e-mail", "courriel", "mail"],
  facility: [
    "facility",
    "structure",
    "formation sanitaire",
    "unite",
    "unité",
    "org unit",
    "code structure",
  ],
  startDate: [
    "start",
    "start date",
    "deployment start",
    "début",
    "date de début",
    "debut du deploiement",
  ],
  endDate: ["end", "end date", "fin", "date de fin"],
  endReason: ["end reason", "motif de fin", "motif", "raison de fin"],
  trainings: ["trainings", "formations", "training", "formation"],
};
/** The header of the register's template, one column each, as the aliases read it back. */
export const REGISTER_TEMPLATE_HEADER: Readonly<Record<"fr" | "en", readonly string[]>> = {
  fr: [
    "nom",
    "qualification",
    "langues",
    "téléphone",
    "courriel",
    "structure",
    "date de début",
    "date de fin",
    "motif de fin",
    "formations",
  ],
  en: [
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
  ],
};

export const REGISTER_REQUIRED: readonly RegisterColumn[] = [
  "name",
  "qualification",
  "facility",
  "startDate",
];

const QUALIFICATION_WORDS: Record<string, Qualification> = {
  midwife: "midwife",
  sagefemme: "midwife",
  sagefemmedetat: "midwife",
  statemidwife: "midwife",
  obstetricnurse: "obstetric_nurse",
  infirmiereobstetricienne: "obstetric_nurse",
  matron: "matron",
  matrone: "matron",
};
const TOPIC_WORDS: Record<string, TrainingTopic> = {
  emonc: "emonc",
  sonu: "emonc",
  familyplanning: "family_planning",
  planificationfamiliale: "family_planning",
  pf: "family_planning",
  pmtct: "pmtct",
  ptme: "pmtct",
  malaria: "malaria",
  paludisme: "malaria",
  gbv: "gbv",
  vbg: "gbv",
  newborncare: "newborn_care",
  soinsdunouveaune: "newborn_care",
  adolescenthealth: "adolescent_health",
  santedesadolescents: "adolescent_health",
  other: "other",
  autre: "other",
};
const REASON_WORDS: Record<string, EndReason> = {
  contractended: "contract_ended",
  findecontrat: "contract_ended",
  transferred: "transferred",
  mutation: "transferred",
  resigned: "resigned",
  demission: "resigned",
  deceased: "deceased",
  deces: "deceased",
  other: "other",
  autre: "other",
};

export type RegisterRowProblem =
  | "name_missing"
  | "name_invalid"
  | "unknown_qualification"
  | "languages_invalid"
  | "phone_invalid"
  | "email_invalid"
  | "facility_missing"
  | "unknown_facility"
  | "start_missing"
  | "invalid_start"
  | "invalid_end"
  | "end_before_start"
  | "end_reason_missing"
  | "end_reason_without_end"
  | "unknown_end_reason"
  | "invalid_training"
  | "unknown_topic"
  | "invalid_training_date"
  | "overlap_in_file"
  | "overlap_stored";

export interface RegisterTraining {
  topic: TrainingTopic;
  date: string;
  provider: string;
}

export interface RegisterLine extends Period {
  line: number;
  name: string;
  qualification: Qualification | null;
  languages: string[];
  phone: string;
  email: string;
  facility: string;
  endReason: EndReason | null;
  trainings: RegisterTraining[];
  problems: RegisterRowProblem[];
}

export type RegisterColumns = Partial<Record<RegisterColumn, number>>;

export function registerColumns(
  header: readonly string[],
):
  | { ok: true; columns: RegisterColumns }
  | { ok: false; missing: RegisterColumn[]; duplicate: RegisterColumn[] } {
  const m = matchColumns<RegisterColumn>(header, REGISTER_ALIASES, REGISTER_REQUIRED);
  return m.ok ? { ok: true, columns: m.columns } : m;
}

const word = (text: string) => normaliseHeader(text);

export function registerLine(
  cells: readonly string[],
  columns: RegisterColumns,
  line: number,
  today: string,
): RegisterLine {
  const cell = (k: RegisterColumn) => {
    const i = columns[k];
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };
  const problems: RegisterRowProblem[] = [];
  const name = cell("name").replace(/\s+/g, " ");
  const qualificationText = cell("qualification");
  const qualification = QUALIFICATION_WORDS[word(qualificationText)] ?? null;
  const languages = cell("languages")
    .split(/[;,]/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const phone = cell("phone");
  const email = cell("email");
  const fields = midwifeProblems({
    name,
    qualification: qualification ?? "",
    languages,
    phone,
    email,
  });
  if (fields.name === "required") problems.push("name_missing");
  else if (fields.name) problems.push("name_invalid");
  if (qualification === null) problems.push("unknown_qualification");
  if (fields.languages) problems.push("languages_invalid");
  if (fields.phone) problems.push("phone_invalid");
  if (fields.email) problems.push("email_invalid");

  const facility = cell("facility");
  if (facility === "") problems.push("facility_missing");
  const startText = cell("startDate");
  const endText = cell("endDate");
  const startDate = startText === "" ? null : parseDay(startText);
  const endDate = endText === "" ? null : parseDay(endText);
  if (startText === "") problems.push("start_missing");
  else if (startDate === null) problems.push("invalid_start");
  if (endText !== "" && endDate === null) problems.push("invalid_end");
  if (startDate !== null && endDate !== null && endDate < startDate)
    problems.push("end_before_start");
  const reasonText = cell("endReason");
  // The words hold the codes too: "contract_ended" reads as "contractended".
  const endReason = reasonText === "" ? null : (REASON_WORDS[word(reasonText)] ?? null);
  if (reasonText !== "" && endReason === null) problems.push("unknown_end_reason");
  if (endText !== "" && reasonText === "") problems.push("end_reason_missing");
  if (endText === "" && reasonText !== "") problems.push("end_reason_without_end");

  const trainings: RegisterTraining[] = [];
  for (const part of cell("trainings").split("|")) {
    if (part.trim() === "") continue;
    const [topicText = "", dateText = "", provider = "", ...rest] = part
      .split(";")
      .map((p) => p.trim());
    const topic = TOPIC_WORDS[word(topicText)];
    const date = parseDay(dateText);
    if (rest.length > 0 || provider.length > PROVIDER_MAX) problems.push("invalid_training");
    else if (topic === undefined) problems.push("unknown_topic");
    else if (date === null || date > today) problems.push("invalid_training_date");
    else trainings.push({ topic, date, provider });
  }
  return {
    line,
    name,
    qualification,
    languages,
    phone,
    email,
    facility,
    startDate: startDate ?? "",
    endDate,
    endReason,
    trainings,
    problems: [...new Set(problems)],
  };
}

/** The key that tells one midwife from another in a file and in the register. */
export function midwifeKey(name: string, phone: string): string {
  return `${word(name)}|${phone.replace(/[^0-9+]/g, "")}`;
}

export interface RegisterRejection extends Rejection {
  name: string | null;
  problems: RegisterRowProblem[];
}

export interface PlannedLine extends RegisterLine {
  facilityId: number;
  /** The key of the midwife (name and telephone). */
  key: string;
}

/**
 * Judges every line against the others and the stored register: the facility must be known
 * (`facilities`: code or uid → id), and a midwife's deployments (`stored`: by midwife key)
 * share no day. A refused line is left out; the others are kept (a partial import, as the
 * organisation-unit file does).
 */
export function planRegister(
  lines: readonly RegisterLine[],
  facilities: ReadonlyMap<string, number>,
  stored: ReadonlyMap<string, readonly Period[]>,
): { accepted: PlannedLine[]; rejected: RegisterRejection[] } {
  const problems = lines.map((l) => [...l.problems]);
  const facilityIds = lines.map((l, i) => {
    if (l.facility === "") return null;
    const id = facilities.get(l.facility);
    if (id === undefined) problems[i]?.push("unknown_facility");
    return id ?? null;
  });
  const keys = lines.map((l) => midwifeKey(l.name, l.phone));
  const dated = (i: number) => {
    const p = problems[i] ?? [];
    return !p.some((c) =>
      ["start_missing", "invalid_start", "invalid_end", "end_before_start"].includes(c),
    );
  };
  // Each line is held against the lines of the same midwife only.
  const linesOf = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const same = linesOf.get(k);
    if (same) same.push(i);
    else linesOf.set(k, [i]);
  });
  lines.forEach((l, i) => {
    if (!dated(i)) return;
    if ((stored.get(keys[i] ?? "") ?? []).some((s) => overlaps(l, s)))
      problems[i]?.push("overlap_stored");
    for (const j of linesOf.get(keys[i] ?? "") ?? []) {
      const other = lines[j];
      if (j === i || other === undefined || !dated(j)) continue;
      if (overlaps(l, other)) {
        problems[i]?.push("overlap_in_file");
        break;
      }
    }
  });
  const accepted: PlannedLine[] = [];
  const rejected: RegisterRejection[] = [];
  lines.forEach((l, i) => {
    const found = problems[i] ?? [];
    const facilityId = facilityIds[i];
    if (found.length === 0 && facilityId != null)
      accepted.push({ ...l, facilityId, key: keys[i] ?? "" });
    else
      rejected.push({
        row: l.line,
        reason: found.join(","),
        name: l.name || null,
        problems: found,
      });
  });
  return { accepted, rejected };
}
