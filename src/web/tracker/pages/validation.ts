// The validation page of a cycle: the meeting record, then per indicator every partner's answer
// side by side, the current status and narrative, and the form that sets them.
import { html } from "hono/html";
import { STATUSES, statusNeedsNarrative } from "../../../domain/tracker/status.ts";
import { formatDate } from "../../../i18n/index.ts";
import type {
  AnswerReview,
  IndicatorReview,
  ValidationView,
} from "../../../services/tracker/validation.ts";
import { csrfField, type FieldErrors, field } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import { pager } from "../../shared/pager.ts";
import type { Html, View } from "../../shared/view.ts";
import { cycleTabs, stateBadge } from "../../shared/workspace.ts";
import { joinHtml, outputsList, statusMark } from "../components.ts";

export interface MeetingValues {
  title: string;
  titleEn: string;
  heldOn: string;
  place: string;
  participantIds: number[];
}

/** What came back with the last submitted form: what was saved, or its errors and typed values. */
export interface ValidationPageState {
  /** The anchor of what was just saved: "meeting", "i-<code>" or "a-<answer id>". */
  saved?: string;
  meeting?: { values: MeetingValues; errors: FieldErrors };
  indicator?: {
    code: string;
    values: { status: string; narrative: string; narrativeEn: string };
    errors: FieldErrors;
  };
  answer?: { id: number; comment: string; errors: FieldErrors };
  /** After a send-back: how many e-mails with a fresh link were queued to the partner. */
  emailed?: number;
}

const base = (slug: string) => `/manage/cycles/${encodeURIComponent(slug)}/validation`;
/** A page of the list; the first has no number, so its address stays the one it always was. */
const pageHref = (slug: string, n: number) => (n > 1 ? `${base(slug)}?page=${n}` : base(slug));

function notice(state: ValidationPageState, target: string, text: string): Html {
  if (state.saved !== target) return html``;
  return html`<p class="notice" role="status">${text}</p>`;
}

function formAlert(view: View, errors: FieldErrors | undefined): Html {
  if (!errors || Object.keys(errors).length === 0) return html``;
  return html`<p class="alert" role="alert">${view.t("val.error.form")}</p>`;
}

/** A textarea whose id is unique on the page (field() derives ids from names, shared here). */
function textArea(o: {
  id: string;
  name: string;
  label: string;
  value: string | null;
  error?: string | undefined;
  hint?: string;
}): Html {
  const invalid = o.error ? html` aria-invalid="true" aria-describedby="${o.id}-e"` : html``;
  return html`<div class="field"><label for="${o.id}">${o.label}</label>${
    o.hint ? html`<small class="muted" id="${o.id}-h">${o.hint}</small>` : ""
  }<textarea id="${o.id}" name="${o.name}" maxlength="5000"${invalid}>${o.value ?? ""}</textarea>${
    o.error ? html`<p class="error" id="${o.id}-e">${o.error}</p>` : ""
  }</div>`;
}

function meetingSection(view: View, v: ValidationView, state: ValidationPageState): Html {
  const { t, lang } = view;
  const m = v.meeting;
  const errors = state.meeting?.errors ?? {};
  const values: MeetingValues = state.meeting?.values ?? {
    title: m?.title ?? "",
    titleEn: m?.titleEn ?? "",
    heldOn: m?.heldOn ?? "",
    place: m?.place ?? "",
    participantIds: m?.participantIds ?? [],
  };
  const chosen = new Set(values.participantIds);
  const summary = m
    ? html`<p>${t("synthesis.meeting", {
        title: m.title,
        place: m.place,
        date: formatDate(lang, m.heldOn),
        count: m.participantIds.length,
      })}</p>`
    : html`<p class="muted">${t("val.meeting.none")}</p>`;
  const form = html`<form method="post" action="${base(v.cycle.slug)}/meeting#meeting">
${csrfField(view)}${formAlert(view, errors)}
${field({ name: "title", label: t("val.meeting.name"), value: values.title, error: errors.title, required: true })}
${field({ name: "title_en", label: t("val.meeting.nameEn"), value: values.titleEn, error: errors.titleEn })}
<div class="when">
${field({ name: "held_on", label: t("val.meeting.date"), type: "date", value: values.heldOn, error: errors.heldOn, required: true })}
${field({ name: "place", label: t("val.meeting.place"), value: values.place, error: errors.place, required: true })}
</div>
<fieldset${errors.participants ? html` aria-describedby="participants-e"` : ""}><legend>${t("val.meeting.participants")}</legend>
<ul class="checks">${v.partners.map(
    (p) =>
      html`<li><label title="${p.name}"><input type="checkbox" name="participants" value="${p.id}"${chosen.has(p.id) ? html` checked` : ""}> ${p.shortName}</label></li>`,
  )}</ul>
${errors.participants ? html`<p class="error" id="participants-e">${errors.participants}</p>` : ""}
</fieldset>
<button type="submit" class="primary">${t("val.meeting.submit")}</button>
</form>`;
  const open = !m || state.meeting !== undefined;
  return html`<section class="card" id="meeting" aria-labelledby="meeting-h">
<h2 id="meeting-h">${t("val.meeting.title")}</h2>
${notice(state, "meeting", t("val.meeting.saved"))}${summary}
${v.editable ? html`<details${open ? html` open` : ""}><summary>${t("val.meeting.edit")}</summary>${form}</details>` : ""}
</section>`;
}

function answerCard(view: View, v: ValidationView, a: AnswerReview, s: ValidationPageState) {
  const { t, lang } = view;
  const mine = s.answer?.id === a.id ? s.answer : undefined;
  const who = [
    t(`contributes.${a.contributes}`),
    t("val.answer.method", { method: t(`method.${a.method}`) }),
    ...(a.answeredBy ? [t("val.answer.by", { name: a.answeredBy })] : []),
    ...(a.answeredAt ? [t("val.answer.on", { date: formatDate(lang, a.answeredAt) })] : []),
  ].join(" · ");
  const item = (label: string, body: Html | string | null) =>
    body === null || body === "" ? "" : html`<dt>${label}</dt><dd>${body}</dd>`;
  const collaborators =
    a.collaborators.length > 0 || a.collaboratorsText
      ? html`${joinHtml(a.collaborators.map((p) => html`<span title="${p.name}">${p.shortName}</span>`))}${
          a.collaborators.length > 0 && a.collaboratorsText ? ", " : ""
        }${a.collaboratorsText ?? ""}`
      : null;
  return html`<article class="answer" id="a-${a.id}" aria-labelledby="a-${a.id}-h">
<h4 id="a-${a.id}-h"><span title="${a.partner.name}">${a.partner.shortName}</span> <span class="mark as-${a.state}">${t(`val.answer.state.${a.state}`)}</span></h4>
<p class="meta">${who}</p>
${notice(s, `a-${a.id}`, t("val.return.done"))}
<dl>
${item(t("table.activities"), a.activities ? html`<span class="pre">${a.activities}</span>` : null)}
${item(t("table.outputs"), a.outputs.length > 0 ? outputsList(view, a.outputs) : null)}
${item(t("table.collaborators"), collaborators)}
${item(t("table.difficulties"), a.difficulties ? html`<span class="pre">${a.difficulties}</span>` : null)}
${item(
  t("val.answer.evidence"),
  a.evidence.length > 0
    ? joinHtml(
        a.evidence.map(
          (e) =>
            html`<a href="${e.url}" rel="noopener noreferrer nofollow">${e.title ?? e.url}</a>`,
        ),
      )
    : null,
)}
</dl>
${a.state === "returned" && a.returnComment ? html`<p class="returned">${t("val.answer.returned", { comment: a.returnComment })}</p>` : ""}
${sentBackNotice(view, v, a, s)}
${
  v.editable
    ? html`<details${mine ? html` open` : ""}><summary>${t("val.return.open")}</summary>
<form method="post" action="${base(v.cycle.slug)}/answers/${a.id}/return#a-${a.id}">
${csrfField(view)}
${textArea({ id: `c-${a.id}`, name: "comment", label: t("val.return.comment"), value: mine?.comment ?? null, error: mine?.errors.comment })}
<button type="submit" class="secondary">${t("val.return.submit")}</button>
</form></details>`
    : ""
}
</article>`;
}

/** After a send-back: what was queued, and the coordinator's fresh link for WhatsApp. */
function sentBackNotice(view: View, v: ValidationView, a: AnswerReview, s: ValidationPageState) {
  const { t } = view;
  if (a.state !== "returned") return html``;
  const partner = a.partner.shortName;
  const just = s.saved === `a-${a.id}` && s.emailed !== undefined;
  return html`${just ? html`<p class="notice" role="status">${t("sb.notice", { partner, count: s.emailed ?? 0 })}${s.emailed === 0 ? html` ${t("sb.noAddress", { partner })}` : ""}</p>` : ""}${
    v.canSendLinks
      ? html`<form method="post" action="${base(v.cycle.slug)}/answers/${a.id}/whatsapp">${csrfField(view)}<button type="submit" class="secondary">${t("sb.whatsapp", { partner })}</button></form>`
      : ""
  }`;
}

function assessForm(view: View, v: ValidationView, i: IndicatorReview, s: ValidationPageState) {
  const { t } = view;
  const mine = s.indicator?.code === i.code ? s.indicator : undefined;
  const errors = mine?.errors ?? {};
  const values = mine?.values ?? {
    status: i.status,
    narrative: i.narrative ?? "",
    narrativeEn: i.narrativeEn ?? "",
  };
  const id = (name: string) => `${name}-${i.code}`;
  return html`<form method="post" action="${base(v.cycle.slug)}/indicators/${encodeURIComponent(i.code)}#i-${i.code}" class="assess">
${csrfField(view)}${formAlert(view, errors)}
<fieldset class="statuses"${errors.status ? html` aria-describedby="${id("status")}-e"` : ""}><legend>${t("val.form.status")}</legend>
${STATUSES.map(
  (st) =>
    html`<label><input type="radio" name="status" value="${st}"${values.status === st ? html` checked` : ""}${
      statusNeedsNarrative(st) ? html` aria-describedby="${id("narrative")}-h"` : ""
    }> ${statusMark(view, st)}</label>`,
)}
${errors.status ? html`<p class="error" id="${id("status")}-e">${errors.status}</p>` : ""}
</fieldset>
${textArea({ id: id("narrative"), name: "narrative", label: t("val.form.narrative"), hint: t("val.form.narrativeHint"), value: values.narrative, error: errors.narrative })}
<details${values.narrativeEn || errors.narrativeEn ? html` open` : ""}><summary>${t("val.form.narrativeEn")}</summary>
${textArea({ id: id("narrative-en"), name: "narrative_en", label: t("val.form.narrativeEn"), value: values.narrativeEn, error: errors.narrativeEn })}
</details>
<button type="submit" class="primary">${t("val.form.submit")}</button>
</form>`;
}

function indicatorSection(
  view: View,
  v: ValidationView,
  i: IndicatorReview,
  s: ValidationPageState,
) {
  const { t, lang } = view;
  return html`<section class="card review" id="i-${i.code}" aria-labelledby="h-${i.code}">
<h3 id="h-${i.code}">${i.number} ${i.title}</h3>
${notice(s, `i-${i.code}`, t("val.saved", { number: i.number }))}
<p>${t("val.current")} ${statusMark(view, i.status)}${
    i.assessedAt
      ? html` <small class="muted">${t("val.assessedAt", { date: formatDate(lang, i.assessedAt) })}${
          i.atMeeting || !v.meeting ? "" : html` · ${t("val.notAtMeeting")}`
        }</small>`
      : ""
  }</p>
${i.narrative ? html`<p class="narrative pre">${i.narrative}</p>` : ""}
<h4>${t("val.answers", { count: i.answerCount })}</h4>
${
  i.answers.length < i.answerCount
    ? html`<p class="muted">${t("val.answersShown", { from: i.firstShown, to: i.firstShown + i.answers.length - 1, count: i.answerCount })}</p>`
    : ""
}
${
  i.answerCount === 0
    ? html`<p class="muted">${t("val.noAnswers")}</p>`
    : html`<div class="answers">${i.answers.map((a) => answerCard(view, v, a, s))}</div>`
}
${
  // The status is set where the last of its answers is read.
  i.lastPage > v.pages.current
    ? html`<p class="note"><a href="${pageHref(v.cycle.slug, i.lastPage)}#i-${i.code}">${t("val.continued", { page: i.lastPage })}</a></p>`
    : html`${
        i.waiting.length > 0
          ? html`<p class="muted">${t("val.waiting", { partners: i.waiting.map((p) => p.shortName).join(", ") })}</p>`
          : ""
      }
${v.editable ? assessForm(view, v, i, s) : ""}`
}
</section>`;
}

export function validationPage(view: View, v: ValidationView, s: ValidationPageState = {}): Html {
  const { t } = view;
  const state = v.cycle.state;
  const pages = pager(view, v.pages, (n) => pageHref(v.cycle.slug, n));
  const body = html`${cycleTabs(view, v.cycle.slug, "validation")}
<h1>${t("val.title", { cycle: v.cycle.label })}</h1>
<p>${stateBadge(view, state)} <b>${t("val.progress", v.progress)}</b></p>
<p class="muted">${t("val.intro")}</p>
${state === "published" ? html`<p class="note">${t("val.frozen")}</p>` : ""}
${state === "setup" ? html`<p class="note">${t("val.notOpen")}</p>` : ""}
${!v.editable && (state === "collection" || state === "validation") ? html`<p class="muted">${t("val.readOnly")}</p>` : ""}
${meetingSection(view, v, s)}
<p><a href="${base(v.cycle.slug)}/verdicts">${t("verdicts.link")}</a></p>
<nav class="jump" aria-label="${t("val.jump")}"><ul>${v.index.map(
    (i) =>
      html`<li><a href="${i.firstPage === v.pages.current ? "" : pageHref(v.cycle.slug, i.firstPage)}#i-${i.code}"><b>${i.number}</b> ${statusMark(view, i.status)}</a></li>`,
  )}</ul></nav>
${pages}
${v.commitments.map(
  (c) => html`<h2>${t("scorecard.commitment", { number: c.number })}</h2>
<p>${c.title}</p>
${c.indicators.map((i) => indicatorSection(view, v, i, s))}`,
)}
${pages}`;
  const title = t("val.title", { cycle: v.cycle.label });
  return page(view, {
    title:
      v.pages.count > 1
        ? `${title} – ${t("pager.position", { page: v.pages.current, count: v.pages.count })}`
        : title,
    body,
  });
}
