// Monitoring missions: a delegation visits a programme's regions between two days, meets
// authorities and facilities, notes findings and reported figures, and leaves recommendations
// that have an owner, a due day and a status followed up over time. Pure: no I/O.
import { isEmail } from "../shared/account.ts";
import { isCalendarDate } from "../shared/input.ts";
import { type FieldReason, textProblem } from "./programme.ts";

/** Why a mission, visit or recommendation field was refused; pages word each one. */
export type MissionFieldReason = FieldReason | "outside_mission" | "no_owner" | "transition";
export type MissionProblems = Record<string, MissionFieldReason>;

export const MISSION_TEXT_MAX = 200;
export const MISSION_LONG_TEXT_MAX = 5000;
/** How many delegation members, objectives, people met or figures one list holds at most. */
export const MISSION_LIST_MAX = 50;

/** Where a recommendation stands: open, in progress, done, or dropped. */
export const RECOMMENDATION_STATUSES = ["open", "in_progress", "done", "dropped"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export function isRecommendationStatus(value: string): value is RecommendationStatus {
  return (RECOMMENDATION_STATUSES as readonly string[]).includes(value);
}

/** The statuses each status may move to; done and dropped may be reopened, nothing else. */
const TRANSITIONS: Record<RecommendationStatus, readonly RecommendationStatus[]> = {
  open: ["in_progress", "done", "dropped"],
  in_progress: ["open", "done", "dropped"],
  done: ["open"],
  dropped: ["open"],
};

export function canMove(from: RecommendationStatus, to: RecommendationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface DelegationMember {
  name: string;
  institution: string;
  role: string;
}

export interface MissionFields {
  title: string;
  startDate: string;
  endDate: string;
  regionIds: readonly number[];
  delegation: readonly DelegationMember[];
  objectives: readonly string[];
}

export interface ReportedFigure {
  label: string;
  value: number;
  unit: string;
}

export interface VisitFields {
  /** The unit visited, or null when the visit was to an authority named in `authority`. */
  orgUnitId: number | null;
  authority: string | null;
  date: string;
  peopleMet: readonly string[];
  findings: string;
  figures: readonly ReportedFigure[];
}

export interface RecommendationFields {
  text: string;
  ownerUserId: number | null;
  ownerName: string | null;
  ownerEmail: string | null;
  dueDate: string;
  key: boolean;
}

export interface FollowUp {
  date: string;
  note: string;
  status: RecommendationStatus;
}

export interface Recommendation {
  dueDate: string;
  status: RecommendationStatus;
}

function dateProblem(value: string): MissionFieldReason | null {
  if (value.trim() === "") return "required";
  return isCalendarDate(value) ? null : "invalid";
}

/** Every problem of a mission's fields at once: a title, real days in order, its lists. */
export function missionProblems(input: MissionFields): MissionProblems {
  const problems: MissionProblems = {};
  const title = textProblem(input.title, MISSION_TEXT_MAX);
  if (title) problems.title = title;
  const start = dateProblem(input.startDate);
  if (start) problems.startDate = start;
  const end = dateProblem(input.endDate);
  if (end) problems.endDate = end;
  else if (!start && input.endDate < input.startDate) problems.endDate = "before_start";
  if (input.regionIds.length === 0) problems.regionIds = "required";
  else if (input.regionIds.some((id) => !Number.isSafeInteger(id) || id <= 0))
    problems.regionIds = "invalid";
  if (input.delegation.length > MISSION_LIST_MAX) problems.delegation = "too_long";
  else if (
    input.delegation.some(
      (m) =>
        textProblem(m.name, MISSION_TEXT_MAX) !== null ||
        textProblem(m.institution, MISSION_TEXT_MAX, false) !== null ||
        textProblem(m.role, MISSION_TEXT_MAX, false) !== null,
    )
  )
    problems.delegation = "invalid";
  if (input.objectives.length > MISSION_LIST_MAX) problems.objectives = "too_long";
  else if (input.objectives.some((o) => textProblem(o, MISSION_LONG_TEXT_MAX) !== null))
    problems.objectives = "invalid";
  return problems;
}

/** A day falls within the mission, its first and last days included. */
export function isWithinMission(mission: { startDate: string; endDate: string }, day: string) {
  return mission.startDate <= day && day <= mission.endDate;
}

/** Every problem of a visit: a unit or an authority, a day inside the mission, its figures. */
export function visitProblems(
  input: VisitFields,
  mission: { startDate: string; endDate: string },
): MissionProblems {
  const problems: MissionProblems = {};
  const authority = input.authority === null ? null : input.authority.trim();
  if (input.orgUnitId === null && (authority === null || authority === ""))
    problems.place = "required";
  else if (input.orgUnitId !== null && authority !== null && authority !== "")
    problems.place = "invalid";
  else if (authority) {
    const p = textProblem(authority, MISSION_TEXT_MAX);
    if (p) problems.place = p;
  }
  const date = dateProblem(input.date);
  if (date) problems.date = date;
  else if (!isWithinMission(mission, input.date)) problems.date = "outside_mission";
  if (input.peopleMet.length > MISSION_LIST_MAX) problems.peopleMet = "too_long";
  else if (input.peopleMet.some((p) => textProblem(p, MISSION_TEXT_MAX) !== null))
    problems.peopleMet = "invalid";
  const findings = textProblem(input.findings, MISSION_LONG_TEXT_MAX, false);
  if (findings) problems.findings = findings;
  if (input.figures.length > MISSION_LIST_MAX) problems.figures = "too_long";
  else if (
    input.figures.some(
      (f) =>
        textProblem(f.label, MISSION_TEXT_MAX) !== null ||
        textProblem(f.unit, MISSION_TEXT_MAX, false) !== null ||
        !Number.isFinite(f.value),
    )
  )
    problems.figures = "invalid";
  return problems;
}

/** Every problem of a recommendation: its text, an owner (an account or a name), a due day. */
export function recommendationProblems(input: RecommendationFields): MissionProblems {
  const problems: MissionProblems = {};
  const text = textProblem(input.text, MISSION_LONG_TEXT_MAX);
  if (text) problems.text = text;
  const name = input.ownerName === null ? "" : input.ownerName.trim();
  if (input.ownerUserId === null && name === "") problems.owner = "no_owner";
  else if (input.ownerUserId !== null && name !== "") problems.owner = "invalid";
  else if (name !== "") {
    const p = textProblem(name, MISSION_TEXT_MAX);
    if (p) problems.owner = p;
  }
  const email = input.ownerEmail === null ? "" : input.ownerEmail.trim();
  if (email !== "" && (email.length > MISSION_TEXT_MAX || !isEmail(email)))
    problems.ownerEmail = "invalid";
  const due = dateProblem(input.dueDate);
  if (due) problems.dueDate = due;
  return problems;
}

/** Every problem of a follow-up row: a real day, a note, a status reachable from the current. */
export function followUpProblems(input: FollowUp, current: RecommendationStatus): MissionProblems {
  const problems: MissionProblems = {};
  const date = dateProblem(input.date);
  if (date) problems.date = date;
  const note = textProblem(input.note, MISSION_LONG_TEXT_MAX);
  if (note) problems.note = note;
  if (!isRecommendationStatus(input.status)) problems.status = "invalid";
  else if (input.status !== current && !canMove(current, input.status))
    problems.status = "transition";
  return problems;
}

/** Overdue at day D: past its due day (the due day itself is not late) and neither done nor dropped. */
export function isOverdue(rec: Recommendation, day: string): boolean {
  return rec.dueDate < day && (rec.status === "open" || rec.status === "in_progress");
}
