// One mission's page: its days, regions, delegation and objectives; its visits with the people
// met, findings and figures; its recommendations with owner, due day, status (late or not) and
// follow-ups. For those who write: a follow-up form under each recommendation, the forms that
// add a visit and a recommendation, and the mission's edit.
import { html } from "hono/html";
import {
  RECOMMENDATION_STATUSES,
  type RecommendationStatus,
} from "../../../domain/programme/mission.ts";
import { formatDate, formatNumber } from "../../../domain/shared/format.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type { MissionPage, RecommendationView } from "../../../services/programme/mission-pages.ts";
import type { MissionForm } from "../../../services/programme/missions.ts";
import {
  csrfField,
  errorSummary,
  type FieldErrors,
  field,
  selectField,
} from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";
import { missionForm } from "./missions.ts";

/** Which form came back refused (a follow-up names its recommendation), what was typed, why. */
export interface MissionRefusal {
  form: "edit" | "visit" | "recommendation" | `followUp:${number}`;
  values: Record<string, string>;
  errors: FieldErrors;
  /** The edit form as typed, when it is the one refused. */
  mission?: MissionForm;
}

const STATUS_CLASS: Record<RecommendationStatus, string> = {
  open: "s-not_assessed",
  in_progress: "s-on_track",
  done: "s-achieved",
  dropped: "s-not_assessed",
};

export function statusMark(view: View, status: RecommendationStatus): Html {
  return html`<span class="mark ${STATUS_CLASS[status]}">${view.t(`miss.status.${status}`)}</span>`;
}

function formOf(data: MissionPage): MissionForm {
  const m = data.mission;
  return {
    title: m.title,
    startDate: m.startDate,
    endDate: m.endDate,
    regions: m.regions.map((r) => String(r.id)),
    delegation: m.delegation
      .map((d) => [d.name, d.institution, d.role].join("; ").replace(/(; )+$/, ""))
      .join("\n"),
    objectives: m.objectives.join("\n"),
  };
}

function recommendationItem(
  view: View,
  data: MissionPage,
  r: RecommendationView,
  refused: MissionRefusal | undefined,
): Html {
  const { t, lang } = view;
  const mine = refused?.form === `followUp:${r.id}` ? refused : undefined;
  const typed = (name: string, fallback = "") => {
    return mine?.values[name] ?? fallback;
  };
  const owner = r.ownerName ?? "";
  return html`<li id="rec-${r.id}"><p>${r.text}</p>
<p>${statusMark(view, r.status)}${r.overdue ? html` <span class="mark s-off_track">${t("miss.overdue")}</span>` : ""}${
    r.key ? html` <span class="mark sg sg-on_track">${t("miss.key")}</span>` : ""
  }</p>
<p class="muted">${
    r.ownerEmail
      ? t("miss.ownerEmail", { name: owner, email: r.ownerEmail })
      : t("miss.owner", { name: owner })
  }<br>${t("miss.due", { date: formatDate(lang, r.dueDate) })}</p>
${
  r.followUps.length > 0
    ? html`<ul class="plain">${r.followUps.map(
        (f) =>
          html`<li class="muted">${t("miss.followUp.row", {
            date: formatDate(lang, f.date),
            status: t(`miss.status.${f.status}`),
            note: f.note,
          })}</li>`,
      )}</ul>`
    : ""
}
${
  data.canWrite
    ? html`<details${mine ? html` open` : ""}><summary>${t("miss.followUp")}</summary>
<form method="post" action="/programme/${data.programme.id}/missions/${data.mission.id}/recommendations/${r.id}/follow-ups" novalidate>${csrfField(view)}
${errorSummary(view, mine?.errors ?? {})}
${selectField({
  name: "status",
  label: t("miss.f.status"),
  value: typed("status", r.status),
  options: RECOMMENDATION_STATUSES.map((s): [string, string] => [s, t(`miss.status.${s}`)]),
  error: mine?.errors.status,
  idPrefix: `fu${r.id}-`,
})}
${field({ name: "date", label: t("miss.f.followUpDate"), type: "date", value: typed("date", data.today), error: mine?.errors.date, idPrefix: `fu${r.id}-`, required: true })}
${field({ name: "note", label: t("miss.f.note"), value: typed("note"), error: mine?.errors.note, idPrefix: `fu${r.id}-`, multiline: true, required: true })}
<p class="actions"><button class="secondary" type="submit">${t("miss.followUp")}</button></p>
</form></details>`
    : ""
}</li>`;
}

export function missionPageHtml(
  view: View,
  data: MissionPage,
  o: { notice?: MessageKey | undefined; refused?: MissionRefusal } = {},
): Html {
  const { t, lang } = view;
  const m = data.mission;
  const p = data.programme;
  const refused = o.refused;
  const typed = (form: MissionRefusal["form"], name: string) =>
    (refused?.form === form ? refused.values[name] : undefined) ?? "";
  const error = (form: MissionRefusal["form"], name: string) =>
    refused?.form === form ? refused.errors[name] : undefined;
  const date = (iso: string) => formatDate(lang, iso);
  const base = `/programme/${p.id}/missions/${m.id}`;
  return page(view, {
    title: m.title,
    body: html`<p class="crumbs"><a href="/programme/${p.id}">${p.name}</a> · <a href="/programme/${p.id}/missions">${t("miss.title")}</a></p>
<h1>${m.title}</h1>
${o.notice ? html`<p class="notice" role="status">${t(o.notice)}</p>` : ""}
<p>${t("miss.period", { first: date(m.startDate), last: date(m.endDate) })}${
      m.regions.length > 0
        ? html`<br>${t("miss.regions", { list: m.regions.map((r) => r.name).join(", ") })}`
        : ""
    }</p>
<h2 id="report">${t("miss.report.title")}</h2>
<ul class="downloads">${(["pdf", "docx"] as const).map(
      (f) =>
        html`<li><a href="${base}/report.${f}?lang=${lang}" download>${t(`report.${f}`)}</a></li>`,
    )}</ul>
<h2>${t("miss.delegation")}</h2>
${
  m.delegation.length === 0
    ? html`<p class="muted">${t("miss.noDelegation")}</p>`
    : html`<ul class="list">${m.delegation.map((d) => {
        const detail = [d.institution, d.role].filter((x) => x !== "").join(", ");
        return html`<li>${detail ? t("miss.member", { name: d.name, detail }) : d.name}</li>`;
      })}</ul>`
}
${
  m.objectives.length > 0
    ? html`<h2>${t("miss.objectives")}</h2><ul>${m.objectives.map((x) => html`<li>${x}</li>`)}</ul>`
    : ""
}
<h2>${t("miss.visits")}</h2>
${
  data.visits.length === 0
    ? html`<p class="muted">${t("miss.noVisits")}</p>`
    : html`<ul class="list">${data.visits.map(
        (v) =>
          html`<li><b>${t("miss.visit.on", { date: date(v.date), place: v.unitName ?? v.authority ?? "" })}</b>${
            v.peopleMet.length > 0
              ? html`<br><span class="muted">${t("miss.peopleMet", { list: v.peopleMet.join(", ") })}</span>`
              : ""
          }${v.findings ? html`<p>${v.findings}</p>` : ""}${
            v.figures.length > 0
              ? html`<table><caption>${t("miss.figures")}</caption><thead><tr><th scope="col">${t("miss.col.figure")}</th><th scope="col" class="num">${t("miss.col.value")}</th></tr></thead><tbody>${v.figures.map(
                  (f) =>
                    html`<tr><td>${f.label}</td><td class="num">${formatNumber(lang, f.value)}${f.unit ? ` ${f.unit}` : ""}</td></tr>`,
                )}</tbody></table>`
              : ""
          }</li>`,
      )}</ul>`
}
<h2>${t("miss.recommendations")}</h2>
${
  data.recommendations.length === 0
    ? html`<p class="muted">${t("miss.noRecommendations")}</p>`
    : html`<ul class="list">${data.recommendations.map((r) => recommendationItem(view, data, r, refused))}</ul>`
}
${
  data.canWrite
    ? html`<h2 id="visit">${t("miss.addVisit")}</h2>
<form class="card" method="post" action="${base}/visits" novalidate>${csrfField(view)}
${errorSummary(view, refused?.form === "visit" ? refused.errors : {})}
<p class="muted">${t("miss.f.placeHint")}</p>
${field({ name: "facility", label: t("miss.f.facility"), value: typed("visit", "facility"), error: error("visit", "place") })}
${field({ name: "authority", label: t("miss.f.authority"), value: typed("visit", "authority") })}
${field({ name: "date", label: t("miss.f.date"), type: "date", value: typed("visit", "date"), error: error("visit", "date"), required: true, attrs: html` min="${m.startDate}" max="${m.endDate}"` })}
${field({ name: "peopleMet", label: t("miss.f.peopleMet"), value: typed("visit", "peopleMet"), error: error("visit", "peopleMet"), multiline: true, hint: t("miss.f.linesHint") })}
${field({ name: "findings", label: t("miss.f.findings"), value: typed("visit", "findings"), error: error("visit", "findings"), multiline: true })}
${field({ name: "figures", label: t("miss.f.figures"), value: typed("visit", "figures"), error: error("visit", "figures"), multiline: true, hint: t("miss.f.figuresHint") })}
<p class="actions"><button class="primary" type="submit">${t("miss.saveVisit")}</button></p>
</form>
<h2 id="recommendation">${t("miss.addRecommendation")}</h2>
<form class="card" method="post" action="${base}/recommendations" novalidate>${csrfField(view)}
${errorSummary(view, refused?.form === "recommendation" ? refused.errors : {})}
${field({ name: "text", label: t("miss.f.text"), value: typed("recommendation", "text"), error: error("recommendation", "text"), multiline: true, required: true })}
${field({ name: "ownerName", label: t("miss.f.ownerName"), value: typed("recommendation", "ownerName"), error: error("recommendation", "owner"), required: true })}
${field({ name: "ownerEmail", label: t("miss.f.ownerEmail"), type: "email", value: typed("recommendation", "ownerEmail"), error: error("recommendation", "ownerEmail"), hint: t("miss.f.ownerEmailHint") })}
${field({ name: "dueDate", label: t("miss.f.dueDate"), type: "date", value: typed("recommendation", "dueDate"), error: error("recommendation", "dueDate"), required: true })}
<div class="field"><label><input type="checkbox" name="key" value="1"${
        refused?.form === "recommendation" && refused.values.key === "1" ? html` checked` : ""
      }> ${t("miss.f.key")}</label></div>
<p class="actions"><button class="primary" type="submit">${t("miss.saveRecommendation")}</button></p>
</form>
<h2 id="edit">${t("miss.edit")}</h2>
${missionForm(view, {
  action: base,
  submit: "miss.save",
  regions: data.regions,
  values: (refused?.form === "edit" ? refused.mission : undefined) ?? formOf(data),
  errors: refused?.form === "edit" ? refused.errors : {},
})}`
    : ""
}`,
  });
}
