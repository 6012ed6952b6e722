// The partner questionnaire: one form per indicator, grouped by commitment (annex 1). Works as
// plain forms; the client module adds autosave and an offline outbox on top.
import { html } from "hono/html";
import type {
  AnswerInput,
  QuestionAnswer,
  QuestionnaireView,
} from "../../services/questionnaire.ts";
import { QUESTIONNAIRE_JS_PATH } from "../client.ts";
import { csrfField, type FieldErrors, field } from "../forms.ts";
import { formatDate } from "../i18n/index.ts";
import { page } from "../layout.ts";
import type { Html, View } from "../view.ts";
import { filesSection } from "./questionnaire-files.ts";

/** One indicator's form coming back: what was typed, its errors, or a conflict to resolve. */
export interface FormState {
  code: string;
  typed?: AnswerInput;
  version?: number;
  errors?: FieldErrors;
  conflict?: QuestionAnswer | null;
  notice?: "saved" | "submitted" | "closed";
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
  indicator: QuestionnaireView["commitments"][number]["indicators"][number],
  state: FormState | undefined,
): Html {
  const { t, lang } = view;
  const a = indicator.answer;
  const values = state?.typed ?? a ?? EMPTY;
  const version = state?.version ?? a?.version ?? 0;
  const errors = state?.errors ?? {};
  const disabled = q.editable ? html`` : html` disabled`;
  const id = (name: string) => `${indicator.code}-${name}`;
  const outputs = [
    ...values.outputs,
    { value: Number.NaN, unit: "" },
    { value: Number.NaN, unit: "" },
  ];
  const evidence = [...values.evidence, { url: "", title: null }];
  const action = `/q/${encodeURIComponent(q.cycle.slug)}/${encodeURIComponent(q.partner.slug)}/${indicator.code}`;
  return html`<form method="post" action="${action}" class="card answer" id="i-${indicator.code}" data-code="${indicator.code}" data-version="${version}">
${csrfField(view)}
<input type="hidden" name="version" value="${version}">
<h3>${indicator.number} ${indicator.title} <small class="muted">(${indicator.code})</small></h3>
<p>${stateLabel(view, a)}${a ? html` <small class="muted">${t("q.lastChange", { date: formatDate(lang, a.updatedAt) })}${a.method !== "online" ? html` · ${t("q.method", { method: t(`method.${a.method}`) })}` : ""}</small>` : ""}</p>
${a?.returnComment ? html`<p class="alert">${t("q.returned", { comment: a.returnComment })}</p>` : ""}
${state?.notice === "saved" ? html`<p class="notice" role="status">${t("q.saved")}</p>` : ""}
${state?.notice === "submitted" ? html`<p class="notice" role="status">${t("q.submitted")}</p>` : ""}
${state?.notice === "closed" ? html`<p class="alert" role="alert">${t("q.closed")}</p>` : ""}
${
  state?.conflict !== undefined
    ? html`<div class="alert" role="alert"><p>${t("q.conflict")}</p>${
        state.conflict
          ? html`<p><b>${t("q.conflict.theirs")}</b></p><p class="pre">${state.conflict.activities ?? ""}</p>`
          : ""
      }</div>`
    : ""
}
<fieldset${disabled}><legend>${t("q.contributes")}</legend>
${(["yes", "no", "unknown"] as const).map(
  (v) =>
    html`<label class="choice"><input type="radio" name="contributes" value="${v}"${values.contributes === v ? html` checked` : ""}> ${t(`q.${v}`)}</label> `,
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
${errors.outputs ? html`<p class="error">${errors.outputs}</p>` : ""}
${outputs.map(
  (
    o,
  ) => html`<div class="pair"><label>${t("q.outputValue")} <input type="number" name="outputValue" min="0" step="any" inputmode="decimal" value="${Number.isNaN(o.value) ? "" : String(o.value)}"></label>
<label>${t("q.outputUnit")} <input type="text" name="outputUnit" value="${o.unit}"></label></div>`,
)}
</fieldset>
<fieldset${disabled}><legend>${t("q.evidence")}</legend>
${errors.evidence ? html`<p class="error">${errors.evidence}</p>` : ""}
${evidence.map(
  (
    e,
  ) => html`<div class="pair"><label>${t("q.evidenceUrl")} <input type="url" name="evidenceUrl" value="${e.url}"></label>
<label>${t("q.evidenceTitle")} <input type="text" name="evidenceTitle" value="${e.title ?? ""}"></label></div>`,
)}
</fieldset>
${
  q.editable
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
</form>`;
}

export function questionnairePage(view: View, q: QuestionnaireView, state?: FormState): Html {
  const { t, lang } = view;
  const name = q.partner.acronym ?? q.partner.name;
  return page(view, {
    title: t("q.title", { partner: name, cycle: q.cycle.label }),
    body: html`<h1>${t("q.title", { partner: name, cycle: q.cycle.label })}</h1>
${q.onBehalf && q.editable ? html`<p class="notice">${t("ws.onBehalf", { partner: q.partner.name })}</p>` : ""}
<p>${t("q.intro")}</p>
${q.cycle.deadline ? html`<p><b>${t("q.deadline", { date: formatDate(lang, q.cycle.deadline) })}</b></p>` : ""}
<p class="muted" id="progress">${t("q.progress", q.progress)}</p>
${q.editable ? "" : html`<p class="alert">${t("q.readOnly")}</p>`}
${filesSection(view, q)}
<p class="notice" id="outbox" hidden data-pending="${t("q.offline.pending")}" data-sent="${t("q.offline.sent")}" data-saving="${t("q.offline.saving")}" data-local="${t("q.offline.savedLocal")}" data-conflict="${t("q.offline.conflict")}" data-saved="${t("q.saved")}" data-submitted="${t("q.submitted")}" data-closed="${t("q.closed")}" data-invalid="${t("form.errors")}" data-err-outputs="${t("q.error.outputs")}" data-err-evidence="${t("q.error.evidence")}" data-help="${t("q.conflict")}" data-theirs="${t("q.conflict.theirs")}" data-st-draft="${t("q.state.draft")}" data-st-submitted="${t("q.state.submitted")}"></p>
${q.commitments.length === 0 ? html`<p>${t("q.none")}</p>` : ""}
${q.commitments.map(
  (
    c,
  ) => html`<section aria-labelledby="c-${c.number}"><h2 id="c-${c.number}">${t("scorecard.commitment", { number: c.number })} — ${c.title}</h2>
${c.indicators.map((i) => indicatorForm(view, q, i, state?.code === i.code ? state : undefined))}
</section>`,
)}
${q.editable ? html`<script type="module" src="${QUESTIONNAIRE_JS_PATH}"></script>` : ""}`,
  });
}
