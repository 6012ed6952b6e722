// The validation's page of the commitments' verdicts: the rule's for each commitment, the one
// the meeting settles on with its reason, and where the previous cycle's recommendations stand.
import { html } from "hono/html";
import { STATUSES } from "../../../domain/tracker/status.ts";
import { FOLLOW_UPS } from "../../../domain/tracker/verdict.ts";
import type {
  CommitmentVerdictView,
  FollowUpView,
  VerdictsView,
} from "../../../services/tracker/verdicts.ts";
import { csrfField, type FieldErrors } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";
import { cycleTabs, stateBadge } from "../../shared/workspace.ts";
import { verdictMark } from "../components.ts";

/** What came back with the last form: what was saved, or its errors and typed values. */
export interface VerdictsPageState {
  /** "c-<number>" or "r-<id>". */
  saved?: string;
  commitment?: {
    number: number;
    values: { status: string; reason: string; reasonEn: string };
    errors: FieldErrors;
  };
  followUp?: {
    id: number;
    values: { followUp: string; note: string; noteEn: string };
    errors: FieldErrors;
  };
}

export const verdictsBase = (slug: string) =>
  `/manage/cycles/${encodeURIComponent(slug)}/validation/verdicts`;

function area(id: string, name: string, label: string, value: string, error?: string): Html {
  const invalid = error ? html` aria-invalid="true" aria-describedby="${id}-e"` : html``;
  return html`<div class="field"><label for="${id}">${label}</label><textarea id="${id}" name="${name}" maxlength="2000"${invalid}>${value}</textarea>${
    error ? html`<p class="error" id="${id}-e">${error}</p>` : ""
  }</div>`;
}

function saved(s: VerdictsPageState, target: string, text: string): Html {
  return s.saved === target ? html`<p class="notice" role="status">${text}</p>` : html``;
}

function commitmentCard(
  view: View,
  v: VerdictsView,
  slug: string,
  c: CommitmentVerdictView,
  s: VerdictsPageState,
): Html {
  const { t } = view;
  const mine = s.commitment?.number === c.number ? s.commitment : undefined;
  const errors = mine?.errors ?? {};
  const overridden = c.verdict.status !== c.verdict.computed;
  const values = mine?.values ?? {
    status: overridden ? c.verdict.status : "",
    reason: c.reason ?? "",
    reasonEn: c.reasonEn ?? "",
  };
  const id = (name: string) => `${name}-${c.number}`;
  const options = [
    html`<label><input type="radio" name="status" value=""${values.status === "" ? html` checked` : ""}> ${t("verdicts.keepRule")} ${verdictMark(view, c.verdict.computed)}</label>`,
    ...STATUSES.filter((st) => st !== c.verdict.computed).map(
      (st) =>
        html`<label><input type="radio" name="status" value="${st}"${values.status === st ? html` checked` : ""}> ${verdictMark(view, st)}</label>`,
    ),
  ];
  const form = html`<form method="post" action="${verdictsBase(slug)}/commitments/${c.number}#c-${c.number}">
${csrfField(view)}
<fieldset class="statuses"${errors.status ? html` aria-describedby="${id("status")}-e"` : ""}><legend>${t("verdicts.choice")}</legend>
${options}
${errors.status ? html`<p class="error" id="${id("status")}-e">${errors.status}</p>` : ""}
</fieldset>
${area(id("reason"), "reason", t("verdicts.reason"), values.reason, errors.reason)}
<details${values.reasonEn || errors.reasonEn ? html` open` : ""}><summary>${t("verdicts.reasonEn")}</summary>
${area(id("reason-en"), "reason_en", t("verdicts.reasonEn"), values.reasonEn, errors.reasonEn)}
</details>
<button type="submit" class="primary">${t("verdicts.submit")}</button>
</form>`;
  return html`<section class="card" id="c-${c.number}" aria-labelledby="c-${c.number}-h">
<h2 id="c-${c.number}-h">${t("scorecard.commitment", { number: c.number })}</h2>
<p>${c.title}</p>
${saved(s, `c-${c.number}`, t("verdicts.saved", { number: c.number }))}
<p>${t("verdicts.computed")} ${verdictMark(view, c.verdict.computed)}${
    overridden ? html` · ${t("verdicts.validated")} ${verdictMark(view, c.verdict.status)}` : ""
  }</p>
${overridden && c.verdict.reason ? html`<p class="narrative pre">${c.verdict.reason}</p>` : ""}
${v.editable ? form : ""}
</section>`;
}

function followUpCard(
  view: View,
  v: VerdictsView,
  slug: string,
  r: FollowUpView,
  s: VerdictsPageState,
): Html {
  const { t } = view;
  const mine = s.followUp?.id === r.id ? s.followUp : undefined;
  const errors = mine?.errors ?? {};
  const values = mine?.values ?? {
    followUp: r.followUp ?? "",
    note: r.note ?? "",
    noteEn: r.noteEn ?? "",
  };
  const id = (name: string) => `${name}-r${r.id}`;
  return html`<li id="r-${r.id}">
<p>${r.text}</p>
${saved(s, `r-${r.id}`, t("verdicts.followUpSaved"))}
<p class="muted">${t(r.followUp ? `followUp.state.${r.followUp}` : "followUp.state.none")}${r.note ? html` — ${r.note}` : ""}</p>
${
  v.editable
    ? html`<details${mine ? html` open` : ""}><summary>${t("verdicts.followUpSubmit")}</summary>
<form method="post" action="${verdictsBase(slug)}/recommendations/${r.id}#r-${r.id}">
${csrfField(view)}
<fieldset class="statuses"${errors.followUp ? html` aria-describedby="${id("f")}-e"` : ""}><legend>${t("verdicts.followUp")}</legend>
${FOLLOW_UPS.map(
  (f) =>
    html`<label><input type="radio" name="follow_up" value="${f}"${values.followUp === f ? html` checked` : ""}> ${t(`followUp.state.${f}`)}</label>`,
)}
${errors.followUp ? html`<p class="error" id="${id("f")}-e">${errors.followUp}</p>` : ""}
</fieldset>
${area(id("note"), "note", t("verdicts.note"), values.note, errors.note)}
${area(id("note-en"), "note_en", t("verdicts.noteEn"), values.noteEn, errors.noteEn)}
<button type="submit" class="secondary">${t("verdicts.followUpSubmit")}</button>
</form></details>`
    : ""
}
</li>`;
}

export function verdictsPage(view: View, v: VerdictsView, s: VerdictsPageState = {}): Html {
  const { t } = view;
  const cycle = v.cycle;
  const title = t("verdicts.title", { cycle: cycle.label });
  const body = html`${cycleTabs(view, cycle.slug, "validation")}
<h1>${title}</h1>
<p>${stateBadge(view, cycle.state)}</p>
<p class="muted">${t("verdicts.rule")}</p>
${v.commitments.map((c) => commitmentCard(view, v, cycle.slug, c, s))}
<section class="card" id="recommendations" aria-labelledby="rec-h">
${
  v.previous
    ? html`<h2 id="rec-h">${t("verdicts.followUps", { cycle: v.previous.label })}</h2>
<ol class="follow-ups">${v.previous.recommendations.map((r) => followUpCard(view, v, cycle.slug, r, s))}</ol>`
    : html`<h2 id="rec-h">${t("verdicts.recommendations")}</h2><p class="muted">${t("verdicts.noPrevious")}</p>`
}
</section>`;
  return page(view, { title, body });
}
