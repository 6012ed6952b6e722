// One programme's page: its facts, the tracker commitments and process indicators it is
// evidence for, the health indicators it follows with their targets per region or district,
// and for those who write, the form that edits its fields and regions.
import { html } from "hono/html";
import { formatDate, formatNumber } from "../../../domain/shared/format.ts";
import type { ProgrammeDetailPage } from "../../../services/programme/programme-pages.ts";
import type { TargetForm } from "../../../services/programme/targets.ts";
import { csrfField, type FieldErrors } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";
import { type ProgrammeForm, programmeForm } from "./programmes.ts";
import { EMPTY_TARGET_FORM, targetForm } from "./targets.ts";

export function formOf(data: ProgrammeDetailPage): ProgrammeForm {
  const p = data.programme;
  return {
    name: p.name,
    leadPartner: p.leadPartner,
    funders: p.funders.join("\n"),
    partners: p.partners.join("\n"),
    startDate: p.startDate,
    endDate: p.endDate ?? "",
    budget: p.budget === null ? "" : String(p.budget),
    currency: p.currency ?? "",
    regions: p.regions.map((r) => String(r.id)),
  };
}

function linksForm(view: View, data: ProgrammeDetailPage): Html {
  const { t } = view;
  const p = data.programme;
  const served = new Set(
    p.commitments.map((c) =>
      c.indicator ? `c:${c.commitmentId}:i:${c.indicator.id}` : `c:${c.commitmentId}`,
    ),
  );
  const followed = new Set(p.indicators.map((i) => i.indicatorId));
  const box = (name: string, value: string, checked: boolean, label: string) =>
    html`<li><label><input type="checkbox" name="${name}" value="${value}"${checked ? html` checked` : ""}> ${label}</label></li>`;
  return html`<form class="card" method="post" action="/programme/${p.id}/links">${csrfField(view)}
${
  data.commitmentChoices.length > 0
    ? html`<fieldset><legend>${t("prog.f.serves")}</legend><ul class="plain">${data.commitmentChoices.map(
        (c) =>
          html`${box("serves", `c:${c.commitmentId}`, served.has(`c:${c.commitmentId}`), t("prog.commitment", { number: c.number, title: c.title }))}${
            c.indicators.length > 0
              ? html`<li><ul class="plain indent">${c.indicators.map((i) =>
                  box(
                    "serves",
                    `c:${c.commitmentId}:i:${i.id}`,
                    served.has(`c:${c.commitmentId}:i:${i.id}`),
                    t("prog.f.indicatorChoice", { code: i.code, title: i.title }),
                  ),
                )}</ul></li>`
              : ""
          }`,
      )}</ul></fieldset>`
    : ""
}
${
  data.indicatorChoices.length > 0
    ? html`<fieldset><legend>${t("prog.f.healthIndicators")}</legend><ul class="plain">${data.indicatorChoices.map(
        (i) => box("indicators", String(i.id), followed.has(i.id), i.name),
      )}</ul></fieldset>`
    : ""
}
<p class="actions"><button class="secondary" type="submit">${t("prog.saveLinks")}</button></p>
</form>`;
}

export function programmePage(
  view: View,
  data: ProgrammeDetailPage,
  o: {
    values?: ProgrammeForm;
    errors?: FieldErrors;
    saved?: boolean;
    target?: { values: TargetForm; errors: FieldErrors };
  } = {},
): Html {
  const { t, lang } = view;
  const p = data.programme;
  return page(view, {
    title: p.name,
    body: html`<p class="crumbs"><a href="/programme">${t("prog.back")}</a></p>
<h1>${p.name}</h1>
${data.synthetic ? html`<p class="notice">${t("hx.synthetic")}</p>` : ""}
${o.saved ? html`<p class="notice" role="status">${t("prog.saved")}</p>` : ""}
<p>${t("prog.lead", { name: p.leadPartner })}<br>${
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
    }${p.regions.length > 0 ? html`<br>${t("prog.regions", { list: p.regions.map((r) => r.name).join(", ") })}` : ""}</p>
<p class="actions"><a class="button secondary" href="/programme/${p.id}/results">${t("pr.link")}</a></p>
<h2>${t("prog.serves")}</h2>
${
  p.commitments.length === 0
    ? html`<p class="muted">${t("prog.noCommitments")}</p>`
    : html`<ul class="list">${p.commitments.map(
        (c) =>
          html`<li>${
            c.indicator
              ? t("prog.commitmentIndicator", {
                  number: c.number,
                  code: c.indicator.code,
                  title: c.indicator.title,
                })
              : t("prog.commitment", { number: c.number, title: c.title })
          }</li>`,
      )}</ul>`
}
<h2>${t("prog.indicators")}</h2>
${
  p.indicators.length === 0
    ? html`<p class="muted">${t("prog.noIndicators")}</p>`
    : html`<ul class="list">${p.indicators.map(
        (i) =>
          html`<li><b>${i.name}</b>${i.targets.map(
            (x) =>
              html`<br><span class="muted">${t("prog.target", {
                period: x.period,
                value: formatNumber(lang, x.value),
                unit: x.unitName,
              })}</span>`,
          )}</li>`,
      )}</ul>`
}
${
  data.canWrite && p.indicators.length > 0 && data.targetUnits.length > 0
    ? html`<h2>${t("prog.targets")}</h2>
${targetForm(view, {
  programmeId: p.id,
  indicators: p.indicators,
  units: data.targetUnits,
  values: o.target?.values ?? EMPTY_TARGET_FORM,
  errors: o.target?.errors ?? {},
})}`
    : ""
}
${
  data.canWrite && (data.commitmentChoices.length > 0 || data.indicatorChoices.length > 0)
    ? html`<h2>${t("prog.links")}</h2>
${linksForm(view, data)}`
    : ""
}
${
  data.canWrite
    ? html`<h2>${t("prog.edit")}</h2>
${programmeForm(view, {
  action: `/programme/${p.id}`,
  submit: "prog.save",
  regions: data.regions,
  values: o.values ?? formOf(data),
  errors: o.errors ?? {},
})}`
    : ""
}`,
  });
}
