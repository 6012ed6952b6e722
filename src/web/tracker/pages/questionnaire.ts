// The partner questionnaire: a summary of what is left, then one form per indicator, grouped by
// commitment (annex 1). Works as plain forms; the client module adds autosave and an offline
// outbox on top. The app validates (forms are novalidate): a row that is not valid is kept as
// typed and marked with the reason beside it.

import { html } from "hono/html";
import { formatInputNumber } from "../../../domain/shared/format.ts";
import { SCREEN } from "../../../domain/shared/theme.ts";
import { partnerShortName } from "../../../domain/tracker/partner.ts";
import {
  type Evidence,
  type RowProblem,
  readRows,
  type TypedOutput,
} from "../../../domain/tracker/response.ts";
import { formatDate } from "../../../i18n/index.ts";
import type {
  AnswerInput,
  QuestionAnswer,
  QuestionnaireView,
} from "../../../services/tracker/questionnaire.ts";
import { MANIFEST_PATH, QUESTIONNAIRE_JS_PATH } from "../../client.ts";
import { csrfField, field } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";
import { filesSection } from "./questionnaire-files.ts";

/** One indicator's form coming back: what was typed, its errors, or a conflict to resolve. */
export interface FormState {
  code: string;
  typed?: AnswerInput;
  version?: number;
  conflict?: QuestionAnswer | null;
  /** "kept": saved, but some rows are kept as typed and not valid yet (listed). */
  notice?: "saved" | "submitted" | "closed" | "kept";
  /** Why a submission was refused: no yes/no answer, or rows still to correct. */
  refused?: "contributes" | "rows";
}

type ProcessIndicator = QuestionnaireView["commitments"][number]["indicators"][number];

/** The message beside a row that is not valid yet. */
export function rowMessage(view: View, p: RowProblem): string {
  return view.t(`q.row.${p.reason}`, { row: p.row });
}

/** The rows the form shows: as typed (a refused post, or held in the draft) or as stored. */
function rowsOf(
  a: QuestionAnswer | null,
  typed: AnswerInput | undefined,
): { outputs: TypedOutput[]; evidence: Evidence[]; problems: RowProblem[] } {
  const source = typed ?? a?.held;
  if (source) {
    const read = readRows({ outputs: source.outputs, evidence: source.evidence });
    return { ...read.kept, problems: read.problems };
  }
  return { outputs: a?.outputs ?? [], evidence: a?.evidence ?? [], problems: [] };
}

const EMPTY: AnswerInput = {
  contributes: "unknown",
  activities: null,
  collaboratorIds: [],
  collaboratorsText: null,
  difficulties: null,
  outputs: [],
  evidence: [],
};

function stateLabel(view: View, a: QuestionAnswer | null): Html {
  const key = a ? (`q.state.${a.state}` as "q.state.draft") : "q.state.new";
  const css = !a
    ? "st-setup"
    : a.state === "validated"
      ? "s-achieved"
      : a.state === "returned"
        ? "s-off_track"
        : a.state === "submitted"
          ? "st-published"
          : "st-collection";
  return html`<span class="mark ${css}" data-state>${view.t(key)}</span>`;
}

function indicatorForm(
  view: View,
  q: QuestionnaireView,
  indicator: ProcessIndicator,
  state: FormState | undefined,
): Html {
  const { t, lang } = view;
  const a = indicator.answer;
  const values = state?.typed ?? a ?? EMPTY;
  const version = state?.version ?? a?.version ?? 0;
  const disabled = indicator.editable ? html`` : html` disabled`;
  const id = (name: string) => `${indicator.code}-${name}`;
  const rows = rowsOf(a, state?.typed);
  const problemAt = (list: RowProblem["list"], i: number) =>
    rows.problems.find((p) => p.list === list && p.row === i + 1);
  const outputs: TypedOutput[] = [
    ...rows.outputs,
    { value: "", unit: "" },
    { value: "", unit: "" },
  ];
  const evidence: Evidence[] = [...rows.evidence, { url: "", title: null }];
  const shown = (v: number | string) => (typeof v === "number" ? formatInputNumber(lang, v) : v);
  const noAnswer = state?.refused === "contributes";
  const action = `/q/${encodeURIComponent(q.cycle.slug)}/${encodeURIComponent(q.partner.slug)}/${indicator.code}`;
  const rowError = (p: RowProblem | undefined, rid: string) =>
    p ? html`<p class="error" id="${rid}-e">${rowMessage(view, p)}</p>` : "";
  const invalid = (p: RowProblem | undefined, rid: string) =>
    p ? html` aria-invalid="true" aria-describedby="${rid}-e"` : "";
  return html`<form method="post" action="${action}" class="card answer" id="i-${indicator.code}" data-code="${indicator.code}" data-version="${version}" novalidate>
${csrfField(view)}
<input type="hidden" name="version" value="${version}">
<h3>${indicator.number} ${indicator.title} <small class="muted">(${indicator.code})</small></h3>
<p>${stateLabel(view, a)}${a ? html` <small class="muted">${t("q.lastChange", { date: formatDate(lang, a.updatedAt) })}${a.method !== "online" ? html` · ${t("q.method", { method: t(`method.${a.method}`) })}` : ""}</small>` : ""}</p>
${a?.returnComment ? html`<p class="alert">${t("q.returned", { comment: a.returnComment })}</p>` : ""}
${state?.notice === "saved" ? html`<p class="notice" role="status">${t("q.saved")}</p>` : ""}
${state?.notice === "submitted" ? html`<p class="notice" role="status">${t("q.submitted")}</p>` : ""}
${state?.notice === "closed" ? html`<p class="alert" role="alert">${t("q.closed")}</p>` : ""}
${
  state?.notice === "kept" || state?.refused
    ? html`<div class="alert" role="alert"><p>${t(
        state.refused === "contributes"
          ? "q.refused.contributes"
          : state.refused
            ? "q.refused.rows"
            : "q.kept",
      )}</p>${
        rows.problems.length > 0
          ? html`<ul class="errors">${rows.problems.map(
              (p) =>
                html`<li><a href="#${id(`${p.list}-${p.row}`)}">${rowMessage(view, p)}</a></li>`,
            )}</ul>`
          : ""
      }</div>`
    : ""
}
${
  state?.conflict !== undefined
    ? html`<div class="alert" role="alert"><p>${t("q.conflict")}</p>${
        state.conflict
          ? html`<p><b>${t("q.conflict.theirs")}</b></p><p class="pre">${state.conflict.activities ?? ""}</p>`
          : ""
      }</div>`
    : ""
}
<fieldset${disabled}${noAnswer ? html` aria-describedby="${id("contributes-e")}"` : ""}><legend>${t("q.contributes")}</legend>
${noAnswer ? html`<p class="error" id="${id("contributes-e")}">${t("q.error.contributes")}</p>` : ""}
${(["yes", "no", "unknown"] as const).map(
  (v) =>
    html`<label class="choice"><input type="radio" name="contributes" value="${v}"${values.contributes === v ? html` checked` : ""}${noAnswer ? html` aria-invalid="true"` : ""}> ${t(`q.${v}`)}</label> `,
)}
</fieldset>
${field({ idPrefix: `${indicator.code}-`, name: "activities", label: t("q.activities"), value: values.activities, multiline: true, attrs: disabled })}
<div class="field"><label for="${id("collab")}">${t("q.collaborators")}</label><small class="muted">${t("q.collaboratorsHint")}</small>
<select id="${id("collab")}" name="collaborators" multiple size="5"${disabled}>${q.partners.map(
    (p) =>
      html`<option value="${p.id}"${values.collaboratorIds.includes(p.id) ? html` selected` : ""}>${p.shortName}</option>`,
  )}</select></div>
${field({ idPrefix: `${indicator.code}-`, name: "collaboratorsText", label: t("q.collaboratorsText"), value: values.collaboratorsText, attrs: disabled })}
${field({ idPrefix: `${indicator.code}-`, name: "difficulties", label: t("q.difficulties"), value: values.difficulties, multiline: true, attrs: disabled })}
<fieldset${disabled}><legend>${t("q.outputs")}</legend><small class="muted">${t("q.outputsHint")}</small>
${outputs.map((o, i) => {
  const p = problemAt("outputs", i);
  const rid = id(`outputs-${i + 1}`);
  // Text, not type=number: a number field drops "12,5" or reads it as 125 in some browsers.
  return html`<div class="pair${p ? " invalid" : ""}"><label>${t("q.outputValue")} <input id="${rid}" type="text" name="outputValue" inputmode="decimal" autocomplete="off" value="${shown(o.value)}"${p && p.reason !== "unit" ? invalid(p, rid) : ""}></label>
<label>${t("q.outputUnit")} <input type="text" name="outputUnit" value="${o.unit}"${p?.reason === "unit" ? invalid(p, rid) : ""}></label>${rowError(p, rid)}</div>`;
})}
</fieldset>
<fieldset${disabled}><legend>${t("q.evidence")}</legend>
${evidence.map((e, i) => {
  const p = problemAt("evidence", i);
  const rid = id(`evidence-${i + 1}`);
  return html`<div class="pair${p ? " invalid" : ""}"><label>${t("q.evidenceUrl")} <input id="${rid}" type="url" name="evidenceUrl" value="${e.url}"${invalid(p, rid)}></label>
<label>${t("q.evidenceTitle")} <input type="text" name="evidenceTitle" value="${e.title ?? ""}"></label>${rowError(p, rid)}</div>`;
})}
</fieldset>
${
  indicator.editable
    ? html`${
        q.onBehalf
          ? html`<div class="field"><label for="${indicator.code}-method">${t("q.methodChoice")}</label><select id="${indicator.code}-method" name="method">${(
              ["interview", "document_review"] as const
            ).map(
              (m) =>
                html`<option value="${m}"${a?.method === m ? html` selected` : ""}>${t(`method.${m}`)}</option>`,
            )}</select></div>`
          : ""
      }<p class="actions"><button class="secondary" type="submit" name="action" value="save">${t("q.save")}</button>
<button class="primary" type="submit" name="action" value="submit">${t("q.submit")}</button></p>
<p class="muted" data-status aria-live="polite"></p>`
    : ""
}
${a && (a.activities || a.collaboratorsText || a.difficulties) && indicator.editable ? html`<p><a href="${action}/english">${t("tr.q.link")}</a></p>` : ""}
</form>`;
}

/** After collection: why some answers are still open to the partner, and until when. */
function windowNotice(view: View, q: QuestionnaireView): Html {
  const { t, lang } = view;
  if (!q.editable || q.onBehalf || q.cycle.state !== "validation") return html``;
  if (q.extendedUntil)
    return html`<p class="notice">${t("q.extended", { date: formatDate(lang, q.extendedUntil) })}</p>`;
  return html`<p class="notice">${t("q.closedReturned")}</p>`;
}

/**
 * What the respondent reads first: the counter, then what is left (sent back with the
 * validator's reason, rows to correct, drafts, not started), each line a link to its indicator.
 */
function summary(view: View, q: QuestionnaireView): Html {
  const { t } = view;
  const all = q.commitments.flatMap((c) => c.indicators);
  const line = (i: ProcessIndicator, what: string, why?: string | null) =>
    html`<li><a href="#i-${i.code}">${i.number} ${i.title}</a> — ${what}${why ? html`<br><small>${t("q.returned", { comment: why })}</small>` : ""}</li>`;
  const returned = all.filter((i) => i.answer?.state === "returned");
  // Only what can still be done: after collection, an indicator closed to the partner is not
  // "left to do".
  const left = all.filter((i) => {
    const a = i.answer;
    if (!i.editable) return false;
    return !a || a.state === "draft" || (a.problems.length > 0 && a.state !== "returned");
  });
  const leftWhat = (i: ProcessIndicator) => {
    const a = i.answer;
    if (!a) return t("q.state.new");
    const rows = a.problems.length;
    return rows > 0 ? t("q.summary.rows", { count: rows }) : t("q.state.draft");
  };
  return html`<section class="card" aria-labelledby="summary"><h2 id="summary">${t("q.summary.title")}</h2>
<p id="progress" data-template="${t("q.progress")}">${t("q.progress", { ...q.progress })}</p>
${
  returned.length > 0
    ? html`<h3>${t("q.summary.returned", { count: returned.length })}</h3><ul class="todo">${returned.map((i) => line(i, t("q.state.returned"), i.answer?.returnComment))}</ul>`
    : ""
}
${
  left.length > 0
    ? html`<h3>${t("q.summary.left", { count: left.length })}</h3><ul class="todo">${left.map((i) => line(i, leftWhat(i)))}</ul>`
    : all.length > 0 && returned.length === 0
      ? html`<p class="notice">${t("q.summary.done")}</p>`
      : ""
}
</section>`;
}

/**
 * The messages the client module says (autosave, offline outbox, rows kept as typed, refusals),
 * in the page's language, as data attributes of #outbox: `rowValue` is `data-row-value`.
 */
function clientMessages(view: View): Html[] {
  const { t } = view;
  const messages: Record<string, string> = {
    offline: t("q.offline.offline"),
    "item-submit": t("q.offline.itemSubmit"),
    "item-draft": t("q.offline.itemDraft"),
    "queued-submit": t("q.offline.queuedSubmit"),
    others: t("q.offline.others"),
    discard: t("q.offline.discard"),
    "discard-confirm": t("q.offline.discardConfirm"),
    "logout-pending": t("q.offline.logoutPending"),
    "st-queued": t("q.state.queued"),
    pending: t("q.offline.pending"),
    sent: t("q.offline.sent"),
    saving: t("q.offline.saving"),
    local: t("q.offline.savedLocal"),
    conflict: t("q.offline.conflict"),
    saved: t("q.saved"),
    submitted: t("q.submitted"),
    closed: t("q.closed"),
    invalid: t("form.errors"),
    precondition: t("q.offline.precondition"),
    help: t("q.conflict"),
    reused: t("q.offline.reused"),
    theirs: t("q.conflict.theirs"),
    "st-draft": t("q.state.draft"),
    "st-submitted": t("q.state.submitted"),
    "st-returned": t("q.state.returned"),
    kept: t("q.kept"),
    "kept-head": t("q.offline.kept"),
    "kept-rows": t("q.summary.rows"),
    "row-value": t("q.row.value"),
    "row-negative": t("q.row.negative"),
    "row-unit": t("q.row.unit"),
    "row-url": t("q.row.url"),
    "refused-contributes": t("q.refused.contributes"),
    "refused-rows": t("q.refused.rows"),
    "err-contributes": t("q.error.contributes"),
  };
  return Object.entries(messages).map(([name, text]) => html` data-${name}="${text}"`);
}

export function questionnairePage(view: View, q: QuestionnaireView, state?: FormState): Html {
  const { t, lang } = view;
  const name = partnerShortName(q.partner);
  return page(view, {
    title: t("q.title", { partner: name, cycle: q.cycle.label }),
    // Installable and offline: the manifest, and the service worker the client module registers.
    head: html`<link rel="manifest" href="${MANIFEST_PATH}"><meta name="theme-color" content="${SCREEN.brand}">`,
    body: html`<h1>${t("q.title", { partner: name, cycle: q.cycle.label })}</h1>
${q.onBehalf && q.editable ? html`<p class="notice">${t("ws.onBehalf", { partner: q.partner.name })}</p>` : ""}
${q.deadline ? html`<p><b>${t("q.deadline", { date: formatDate(lang, q.deadline) })}</b></p>` : ""}
${q.editable ? "" : html`<p class="alert">${t("q.readOnly")}</p>`}
${windowNotice(view, q)}
${q.commitments.length === 0 ? html`<p>${t("q.none")}</p>` : summary(view, q)}
<p>${t("q.intro")}</p>
<div class="notice" id="outbox" role="status" hidden data-owner="${view.owner ?? ""}"${clientMessages(view)}></div>
${q.commitments.map(
  (
    c,
  ) => html`<section aria-labelledby="c-${c.number}"><h2 id="c-${c.number}">${t("scorecard.commitment", { number: c.number })} — ${c.title}</h2>
${c.indicators.map((i) => indicatorForm(view, q, i, state?.code === i.code ? state : undefined))}
</section>`,
)}
${filesSection(view, q)}
${q.editable ? html`<script type="module" src="${QUESTIONNAIRE_JS_PATH}"></script>` : ""}`,
  });
}
