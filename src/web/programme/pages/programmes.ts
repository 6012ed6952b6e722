// The programmes page: each programme with its lead partner, period, budget and regions, and
// for those who write, the form that adds one (regions ticked from the tree's regions).
import { html } from "hono/html";
import { formatDate, formatNumber } from "../../../domain/shared/format.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type { ProgrammeListPage, UnitName } from "../../../services/programme/programme-pages.ts";
import { csrfField, errorSummary, type FieldErrors, field } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

/** The form's own words for a refusal (`field.reason`), before the general ones. */
export const PROGRAMME_FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  "startDate.invalid": "prog.e.date.invalid",
  "endDate.invalid": "prog.e.date.invalid",
  "endDate.before_start": "prog.e.endDate.before_start",
  "budget.not_positive": "prog.e.budget.not_positive",
  "budget.invalid": "prog.e.budget.invalid",
  "currency.invalid": "prog.e.currency.invalid",
};

/** The new-programme form as typed. */
export interface ProgrammeForm {
  name: string;
  leadPartner: string;
  funders: string;
  partners: string;
  startDate: string;
  endDate: string;
  budget: string;
  currency: string;
  regions: string[];
}

export const EMPTY_PROGRAMME_FORM: ProgrammeForm = {
  name: "",
  leadPartner: "",
  funders: "",
  partners: "",
  startDate: "",
  endDate: "",
  budget: "",
  currency: "XOF",
  regions: [],
};

/** The form that adds a programme or edits one (its fields and the regions it covers). */
export function programmeForm(
  view: View,
  o: {
    action: string;
    submit: MessageKey;
    regions: readonly UnitName[];
    values: ProgrammeForm;
    errors: FieldErrors;
  },
): Html {
  const { t } = view;
  const { values, errors } = o;
  const f = (
    name: Exclude<keyof ProgrammeForm, "regions">,
    label: MessageKey,
    extra: Partial<Parameters<typeof field>[0]> = {},
  ) => field({ name, label: t(label), value: values[name], error: errors[name], ...extra });
  return html`<form class="card" method="post" action="${o.action}" novalidate>${csrfField(view)}
${errorSummary(view, errors)}
${f("name", "prog.f.name", { required: true })}
${f("leadPartner", "prog.f.leadPartner", { required: true })}
${f("funders", "prog.f.funders", { multiline: true, hint: t("prog.f.listHint") })}
${f("partners", "prog.f.partners", { multiline: true, hint: t("prog.f.listHint") })}
${f("startDate", "prog.f.startDate", { type: "date", required: true })}
${f("endDate", "prog.f.endDate", { type: "date" })}
${f("budget", "prog.f.budget", { attrs: html` inputmode="decimal"` })}
${f("currency", "prog.f.currency", { hint: t("prog.f.currencyHint"), attrs: html` maxlength="3" autocapitalize="characters"` })}
${
  o.regions.length > 0
    ? html`<fieldset><legend>${t("prog.f.regions")}</legend>${
        errors.regions ? html`<p class="error" id="f-regions-e">${errors.regions}</p>` : ""
      }<ul class="checks">${o.regions.map(
        (r) =>
          html`<li><label><input type="checkbox" name="regions" value="${r.id}"${
            values.regions.includes(String(r.id)) ? html` checked` : ""
          }> ${r.name}</label></li>`,
      )}</ul></fieldset>`
    : ""
}
<p class="actions"><button class="primary" type="submit">${t(o.submit)}</button></p>
</form>`;
}

export function programmesPage(
  view: View,
  data: ProgrammeListPage,
  o: { values?: ProgrammeForm; errors?: FieldErrors } = {},
): Html {
  const { t, lang } = view;
  const list = (items: readonly string[]) => items.join(", ");
  return page(view, {
    title: t("prog.title"),
    body: html`<p class="crumbs"><a href="/manage">${t("nav.workspace")}</a></p>
<h1>${t("prog.title")}</h1>
${data.synthetic ? html`<p class="notice">${t("hx.synthetic")}</p>` : ""}
<p>${t("prog.intro")}</p>
<p class="actions"><a class="button primary" href="/programme/midwives">${t("prog.register")}</a></p>
${
  data.programmes.length === 0
    ? html`<p class="muted">${t("prog.none")}</p>`
    : html`<ul class="list">${data.programmes.map(
        (p) =>
          html`<li><b><a href="/programme/${p.id}">${p.name}</a></b><br>${t("prog.lead", { name: p.leadPartner })}<br>${
            p.endDate
              ? t("prog.period", {
                  first: formatDate(lang, p.startDate),
                  last: formatDate(lang, p.endDate),
                })
              : t("prog.periodOpen", { first: formatDate(lang, p.startDate) })
          }${
            p.budget !== null
              ? html`<br>${t("prog.budget", { amount: `${formatNumber(lang, p.budget)} ${p.currency ?? ""}` })}`
              : ""
          }${p.funders.length > 0 ? html`<br><span class="muted">${t("prog.funders", { list: list(p.funders) })}</span>` : ""}${
            p.partners.length > 0
              ? html`<br><span class="muted">${t("prog.partners", { list: list(p.partners) })}</span>`
              : ""
          }${
            p.regions.length > 0
              ? html`<br><span class="muted">${t("prog.regions", { list: list(p.regions) })}</span>`
              : ""
          }</li>`,
      )}</ul>`
}
${
  data.canWrite
    ? html`<h2>${t("prog.new")}</h2>
${programmeForm(view, {
  action: "/programme",
  submit: "prog.create",
  regions: data.regions,
  values: o.values ?? EMPTY_PROGRAMME_FORM,
  errors: o.errors ?? {},
})}`
    : ""
}`,
  });
}
