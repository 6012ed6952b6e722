// The label a user reads beside each form field, by the field's name, for messages that name a
// field away from its form (the general "input refused" page). A name not known here is never
// shown raw: the caller falls back to words that name no field.
import { isCycleTextKind } from "../../domain/tracker/report-text.ts";
import type { MessageKey } from "../../i18n/index.ts";
import type { View } from "../shared/view.ts";

/** Field name (form or JSON answer) → the key of the label its form shows. */
const LABELS: Record<string, MessageKey> = {
  // Sign-in, password, set-up and accounts.
  email: "auth.email",
  password: "auth.password",
  name: "users.name",
  role: "users.role",
  partner: "users.partner",
  // The partner questionnaire (form posts and the JSON answer).
  contributes: "q.contributes",
  activities: "q.activities",
  collaborators: "q.collaborators",
  collaboratorIds: "q.collaborators",
  collaboratorsText: "q.collaboratorsText",
  difficulties: "q.difficulties",
  outputs: "q.outputs",
  outputValue: "q.outputValue",
  "outputs.value": "q.outputValue",
  outputUnit: "q.outputUnit",
  "outputs.unit": "q.outputUnit",
  evidence: "q.evidence",
  evidenceUrl: "q.evidenceUrl",
  "evidence.url": "q.evidenceUrl",
  evidenceTitle: "q.evidenceTitle",
  "evidence.title": "q.evidenceTitle",
  method: "q.methodChoice",
  file: "files.file",
  dryRun: "files.dryRun",
  // The workspace: cycles, collection, invitations, acronyms.
  slug: "ws.newCycle.slug",
  label: "ws.newCycle.label",
  labelEn: "ws.newCycle.labelEn",
  periodStart: "ws.newCycle.start",
  periodEnd: "ws.newCycle.end",
  fromSlug: "ws.newCycle.from",
  deadline: "ws.open.deadline",
  reason: "ws.reopen.reason",
  confirm: "ws.publish.confirm",
  until: "ext.until",
  m: "ws.tab.mapping",
  acronym: "acr.acronym",
  expansion: "acr.expansion",
  expansion_en: "acr.expansionEn",
  // The validation: meeting, statuses, send-backs.
  title: "val.meeting.name",
  title_en: "val.meeting.nameEn",
  held_on: "val.meeting.date",
  place: "val.meeting.place",
  participants: "val.meeting.participants",
  status: "val.form.status",
  narrative: "val.form.narrative",
  narrative_en: "val.form.narrativeEn",
  comment: "val.return.comment",
};

/**
 * The label of the field at `path` (a form name, or a JSON path such as "answer.outputs.2.unit"),
 * or null when no form shows such a field.
 */
export function fieldLabel(view: View, path: string): string | null {
  // A JSON path: the answer's wrapper and row numbers say nothing a user would recognise.
  const name = path
    .replace(/^answer\./, "")
    .split(".")
    .filter((part) => !/^\d+$/.test(part))
    .join(".");
  const key = LABELS[name];
  if (key) return view.t(key);
  // A report text: "<kind>.text" or "<kind>.text_en" is that text's heading.
  const text = /^([a-z_]+)\.text(_en)?$/.exec(name);
  if (text?.[1] && isCycleTextKind(text[1])) return view.t(`texts.kind.${text[1]}`);
  return null;
}
