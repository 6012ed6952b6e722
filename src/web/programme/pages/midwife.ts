// A midwife's page: who she is (her contact only for those who keep the register), where she
// was deployed and why each deployment ended, her trainings; and for those who write, the forms
// that deploy her, end her current deployment and record a training. The form adding a midwife.
import { html } from "hono/html";
import { END_REASONS } from "../../../domain/programme/deployment.ts";
import { QUALIFICATIONS, TRAINING_TOPICS } from "../../../domain/programme/midwife.ts";
import { formatDate } from "../../../domain/shared/format.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type { MidwifePage } from "../../../services/programme/midwife-pages.ts";
import {
  csrfField,
  errorSummary,
  type FieldErrors,
  field,
  selectField,
} from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

/** The forms' own words for a refusal (`field.reason`), before the general ones. */
export const MIDWIFE_FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  "phone.invalid": "mw.e.phone.invalid",
  "email.invalid": "mw.e.email.invalid",
  "facility.not_found": "mw.e.facility.not_found",
  "startDate.overlap": "mw.e.startDate.overlap",
  "startDate.invalid": "mw.e.date.invalid",
  "endDate.invalid": "mw.e.date.invalid",
  "endDate.before_start": "mw.e.endDate.before_start",
  "endReason.not_ended": "mw.e.endReason.not_ended",
  "date.invalid": "mw.e.date.invalid",
};

export interface MidwifeForm {
  name: string;
  qualification: string;
  languages: string;
  phone: string;
  email: string;
}

export const EMPTY_MIDWIFE_FORM: MidwifeForm = {
  name: "",
  qualification: "midwife",
  languages: "",
  phone: "",
  email: "",
};

export function newMidwifePage(view: View, values: MidwifeForm, errors: FieldErrors = {}): Html {
  const { t } = view;
  const f = (
    name: keyof MidwifeForm,
    label: MessageKey,
    extra: Partial<Parameters<typeof field>[0]> = {},
  ) => field({ name, label: t(label), value: values[name], error: errors[name], ...extra });
  return page(view, {
    title: t("mw.new"),
    body: html`<p class="crumbs"><a href="/programme/midwives">${t("mw.title")}</a></p>
<h1>${t("mw.new")}</h1>
<form class="card" method="post" action="/programme/midwives" novalidate>${csrfField(view)}
${errorSummary(view, errors)}
${f("name", "mw.f.name", { required: true, autocomplete: "off" })}
${selectField({
  name: "qualification",
  label: t("mw.f.qualification"),
  value: values.qualification,
  options: QUALIFICATIONS.map((q) => [q, t(`mw.qualification.${q}`)]),
  error: errors.qualification,
})}
${f("languages", "mw.f.languages", { hint: t("mw.f.languagesHint") })}
${f("phone", "mw.f.phone", { hint: t("mw.f.contactHint"), attrs: html` inputmode="tel"` })}
${f("email", "mw.f.email", { type: "email" })}
<p class="actions"><button class="primary" type="submit">${t("mw.create")}</button></p>
</form>`,
  });
}

export interface MidwifeForms {
  notice?: MessageKey | undefined;
  /** Which form came back refused, what was typed in it and why. */
  refused?: {
    form: "deploy" | "end" | "training";
    values: Record<string, string>;
    errors: FieldErrors;
  };
}

export function midwifePageHtml(view: View, data: MidwifePage, o: MidwifeForms = {}): Html {
  const { t, lang } = view;
  const m = data.file;
  const open = m.deployments.find((d) => d.endDate === null);
  const typed = (form: "deploy" | "end" | "training", name: string, fallback = "") =>
    o.refused?.form === form ? (o.refused.values[name] ?? fallback) : fallback;
  const error = (form: "deploy" | "end" | "training", name: string) =>
    o.refused?.form === form ? o.refused.errors[name] : undefined;
  const reasons: [string, string][] = [
    ["", t("mw.noReason")],
    ...END_REASONS.map((r): [string, string] => [r, t(`mw.endReason.${r}`)]),
  ];
  const date = (iso: string) => formatDate(lang, iso);
  return page(view, {
    title: m.name,
    body: html`<p class="crumbs"><a href="/programme/midwives">${t("mw.title")}</a></p>
<h1>${m.name}</h1>
<p>${t(`mw.qualification.${m.qualification}`)}${
      m.languages.length > 0 ? html` · ${t("mw.languages", { list: m.languages.join(", ") })}` : ""
    }</p>
${m.contact && (m.contact.phone || m.contact.email) ? html`<p class="muted">${t("mw.contact", { phone: m.contact.phone ?? "", email: m.contact.email ?? "" })}</p>` : ""}
${o.notice ? html`<p class="notice" role="status">${t(o.notice)}</p>` : ""}
<h2>${t("mw.deployments")}</h2>
${
  m.deployments.length === 0
    ? html`<p class="muted">${t("mw.noDeployments")}</p>`
    : html`<ul class="list">${m.deployments.map((d) => {
        const facility = data.facilities[d.facilityId] ?? "";
        return html`<li>${
          d.endDate
            ? t("mw.period", {
                facility,
                first: date(d.startDate),
                last: date(d.endDate),
                reason: d.endReason ? t(`mw.endReason.${d.endReason}`) : "",
              })
            : t("mw.periodOpen", { facility, first: date(d.startDate) })
        }</li>`;
      })}</ul>`
}
${
  data.canWrite && open
    ? html`<form class="card" method="post" action="/programme/deployments/${open.id}/end" novalidate>${csrfField(view)}
<h3>${t("mw.end")}</h3>
${field({ name: "endDate", label: t("mw.f.endDate"), type: "date", value: typed("end", "endDate"), error: error("end", "endDate"), idPrefix: "end-" })}
${selectField({ name: "endReason", label: t("mw.f.endReason"), value: typed("end", "endReason"), options: reasons, error: error("end", "endReason") })}
<p class="actions"><button class="secondary" type="submit">${t("mw.end")}</button></p>
</form>`
    : ""
}
${
  data.canWrite && !open
    ? data.programmes.length === 0
      ? html`<p class="muted">${t("mw.noProgramme")}</p>`
      : html`<form class="card" method="post" action="/programme/midwives/${m.id}/deployments" novalidate>${csrfField(view)}
<h3>${t("mw.deploy")}</h3>
${errorSummary(view, o.refused?.form === "deploy" ? o.refused.errors : {})}
${selectField({
  name: "programme",
  label: t("mw.f.programme"),
  value: typed("deploy", "programme"),
  options: data.programmes.map((p): [string, string] => [String(p.id), p.name]),
  error: error("deploy", "programme"),
})}
${field({ name: "facility", label: t("mw.f.facility"), value: typed("deploy", "facility"), error: error("deploy", "facility"), required: true })}
${field({ name: "startDate", label: t("mw.f.startDate"), type: "date", value: typed("deploy", "startDate"), error: error("deploy", "startDate"), required: true })}
<p class="actions"><button class="primary" type="submit">${t("mw.deploy")}</button></p>
</form>`
    : ""
}
<h2>${t("mw.trainings")}</h2>
${
  m.trainings.length === 0
    ? html`<p class="muted">${t("mw.noTrainings")}</p>`
    : html`<ul class="list">${m.trainings.map(
        (tr) =>
          html`<li>${
            tr.provider
              ? t("mw.trainingBy", {
                  topic: t(`mw.topic.${tr.topic}`),
                  date: date(tr.date),
                  name: tr.provider,
                })
              : t("mw.training", { topic: t(`mw.topic.${tr.topic}`), date: date(tr.date) })
          }</li>`,
      )}</ul>`
}
${
  data.canWrite
    ? html`<form class="card" method="post" action="/programme/midwives/${m.id}/trainings" novalidate>${csrfField(view)}
${errorSummary(view, o.refused?.form === "training" ? o.refused.errors : {})}
${selectField({
  name: "topic",
  label: t("mw.f.topic.label"),
  value: typed("training", "topic"),
  options: TRAINING_TOPICS.map((x): [string, string] => [x, t(`mw.topic.${x}`)]),
  error: error("training", "topic"),
})}
${field({ name: "date", label: t("mw.f.trainingDate"), type: "date", value: typed("training", "date"), error: error("training", "date"), required: true })}
${field({ name: "provider", label: t("mw.f.provider"), value: typed("training", "provider"), error: error("training", "provider") })}
<p class="actions"><button class="primary" type="submit">${t("mw.addTraining")}</button></p>
</form>`
    : ""
}`,
  });
}
