// A programme's monitoring missions: each with its days and regions, and for those who write,
// the form that adds one (regions ticked, the delegation and objectives one a line). The same
// form edits a mission from its page.
import { html } from "hono/html";
import { formatDate } from "../../../domain/shared/format.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type { MissionListPage } from "../../../services/programme/mission-pages.ts";
import type { MissionForm } from "../../../services/programme/missions.ts";
import type { UnitName } from "../../../services/programme/programme-pages.ts";
import { csrfField, errorSummary, type FieldErrors, field } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

/** The mission forms' own words for a refusal (`field.reason`), before the general ones. */
export const MISSION_FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  "startDate.invalid": "miss.e.date.invalid",
  "endDate.invalid": "miss.e.date.invalid",
  "endDate.before_start": "miss.e.endDate.before_start",
  "endDate.visits_outside": "miss.e.endDate.visits_outside",
  "regionIds.required": "miss.e.regionIds.required",
  "delegation.invalid": "miss.e.delegation.invalid",
  "delegation.too_long": "miss.e.list.too_long",
  "objectives.invalid": "miss.e.objectives.invalid",
  "objectives.too_long": "miss.e.list.too_long",
  "place.required": "miss.e.place.required",
  "place.invalid": "miss.e.place.invalid",
  "place.not_found": "miss.e.place.not_found",
  "date.invalid": "miss.e.date.invalid",
  "date.outside_mission": "miss.e.date.outside_mission",
  "peopleMet.invalid": "miss.e.peopleMet.invalid",
  "peopleMet.too_long": "miss.e.list.too_long",
  "figures.invalid": "miss.e.figures.invalid",
  "figures.too_long": "miss.e.list.too_long",
  "owner.no_owner": "miss.e.owner.no_owner",
  "owner.invalid": "miss.e.owner.no_owner",
  "ownerEmail.invalid": "miss.e.ownerEmail.invalid",
  "dueDate.invalid": "miss.e.date.invalid",
  "status.transition": "miss.e.status.transition",
};

export const EMPTY_MISSION_FORM: MissionForm = {
  title: "",
  startDate: "",
  endDate: "",
  regions: [],
  delegation: "",
  objectives: "",
};

/** The form that adds a mission or edits one. */
export function missionForm(
  view: View,
  o: {
    action: string;
    submit: MessageKey;
    regions: readonly UnitName[];
    values: MissionForm;
    errors: FieldErrors;
  },
): Html {
  const { t } = view;
  const { values, errors } = o;
  const f = (
    name: Exclude<keyof MissionForm, "regions">,
    label: MessageKey,
    extra: Partial<Parameters<typeof field>[0]> = {},
  ) => field({ name, label: t(label), value: values[name], error: errors[name], ...extra });
  const regionError = errors.regionIds ?? errors.regions;
  return html`<form class="card" method="post" action="${o.action}" novalidate>${csrfField(view)}
${errorSummary(view, errors)}
${f("title", "miss.f.title", { required: true })}
${f("startDate", "miss.f.startDate", { type: "date", required: true })}
${f("endDate", "miss.f.endDate", { type: "date", required: true })}
<fieldset><legend>${t("miss.f.regions")}</legend>${
    regionError ? html`<p class="error" id="f-regions-e">${regionError}</p>` : ""
  }<ul class="checks">${o.regions.map(
    (r) =>
      html`<li><label><input type="checkbox" name="regions" value="${r.id}"${
        values.regions.includes(String(r.id)) ? html` checked` : ""
      }> ${r.name}</label></li>`,
  )}</ul></fieldset>
${f("delegation", "miss.f.delegation", { multiline: true, hint: t("miss.f.delegationHint") })}
${f("objectives", "miss.f.objectives", { multiline: true, hint: t("miss.f.linesHint") })}
<p class="actions"><button class="primary" type="submit">${t(o.submit)}</button></p>
</form>`;
}

export function missionsPage(
  view: View,
  data: MissionListPage,
  o: { values?: MissionForm; errors?: FieldErrors } = {},
): Html {
  const { t, lang } = view;
  const p = data.programme;
  return page(view, {
    title: t("miss.titleOf", { name: p.name }),
    body: html`<p class="crumbs"><a href="/programme/${p.id}">${p.name}</a></p>
<h1>${t("miss.title")}</h1>
<p>${t("miss.intro")}</p>
${
  data.missions.length === 0
    ? html`<p class="muted">${t("miss.none")}</p>`
    : html`<ul class="list">${data.missions.map(
        (m) =>
          html`<li><b><a href="/programme/${p.id}/missions/${m.id}">${m.title}</a></b><br>${t(
            "miss.period",
            { first: formatDate(lang, m.startDate), last: formatDate(lang, m.endDate) },
          )}${
            m.regions.length > 0
              ? html`<br><span class="muted">${t("miss.regions", { list: m.regions.map((r) => r.name).join(", ") })}</span>`
              : ""
          }</li>`,
      )}</ul>`
}
${
  data.canWrite
    ? html`<h2>${t("miss.new")}</h2>
${missionForm(view, {
  action: `/programme/${p.id}/missions`,
  submit: "miss.create",
  regions: data.regions,
  values: o.values ?? EMPTY_MISSION_FORM,
  errors: o.errors ?? {},
})}`
    : ""
}`,
  });
}
