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

/** Whether the dashboard is public, where, since when and by whom; the button that changes it. */
function publicationSection(view: View, data: ProgrammeDetailPage): Html {
  const { t, lang } = view;
  const pub = data.publication;
  const id = data.programme.id;
  const state =
    pub?.published && pub.publishedAt
      ? html`<p>${
          pub.publishedBy
            ? t("dash.publishedOn", {
                date: formatDate(lang, pub.publishedAt.toISOString().slice(0, 10)),
                by: pub.publishedBy,
              })
            : t("dash.publishedOnBare", {
                date: formatDate(lang, pub.publishedAt.toISOString().slice(0, 10)),
              })
        }<br><a href="/programmes/${pub.slug}">${t("dash.publicLink")}</a></p>`
      : html`<p class="muted">${t("dash.notPublished")}</p>`;
  const button = data.canWrite
    ? html`<form method="post" action="/programme/${id}/publication">${csrfField(view)}
<input type="hidden" name="published" value="${pub?.published ? "no" : "yes"}">
<p class="actions"><button class="secondary" type="submit">${t(pub?.published ? "dash.unpublish" : "dash.publish")}</button></p></form>`
    : "";
  return html`<h2>${t("dash.publication")}</h2>
<div class="card">${state}${button}<p><a href="/programme/${id}/cards">${t("dash.cardsLink")}</a></p></div>`;
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
    /** A target was just set (or removed). */
    targetSaved?: boolean;
    /** Just published (true) or unpublished (false). */
    published?: boolean;
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
${o.targetSaved ? html`<p class="notice" role="status">${t("prog.targetSaved")}</p>` : ""}
${o.published === undefined ? "" : html`<p class="notice" role="status">${t(o.published ? "dash.didPublish" : "dash.didUnpublish")}</p>`}
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
<p class="actions"><a class="button secondary" href="/programme/${p.id}/results">${t("pr.link")}</a> <a class="button secondary" href="/programme/${p.id}/missions">${t("miss.link")}</a> <a class="button secondary" href="/programme/${p.id}/testimonials">${t("tm.link")}</a></p>
<h2 id="overdue">${t("miss.overdueTitle")}</h2>
${
  data.overdue.length === 0
    ? html`<p class="muted">${t("miss.noOverdue")}</p>`
    : html`<ul class="list">${data.overdue.map(
        (r) =>
          html`<li><a href="/programme/${p.id}/missions/${r.missionId}#rec-${r.id}">${r.text}</a><br><span class="muted">${t(
            "miss.overdueRow",
            { mission: r.missionTitle, date: formatDate(lang, r.dueDate) },
          )}</span></li>`,
      )}</ul>`
}
${publicationSection(view, data)}
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
