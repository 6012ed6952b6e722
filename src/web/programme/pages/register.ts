// The midwife register: the filters (a day, a region, a qualification, a training, deployed or
// not) as a plain GET form, the counts of midwives deployed per region at that day, and the
// midwives that pass the filters with where each one is then. No contact is ever shown here.
import { html } from "hono/html";
import { QUALIFICATIONS, TRAINING_TOPICS } from "../../../domain/programme/midwife.ts";
import { formatDate, formatNumber } from "../../../domain/shared/format.ts";
import type { RegisterPage } from "../../../services/programme/register-page.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";
import { registerUploadForm } from "./register-import.ts";

function option(value: string, label: string, selected: boolean): Html {
  return html`<option value="${value}"${selected ? html` selected` : ""}>${label}</option>`;
}

function filtersForm(view: View, data: RegisterPage): Html {
  const { t } = view;
  const f = data.filters;
  return html`<form class="card" method="get" action="/programme/midwives" role="search" aria-label="${t("mw.filters")}">
<div class="field"><label for="mw-date">${t("mw.f.date")}</label><input id="mw-date" type="date" name="date" value="${f.date}"></div>
<div class="field"><label for="mw-region">${t("mw.f.region")}</label><select id="mw-region" name="region">${option("", t("mw.any"), f.region === null)}${data.regions.map(
    (r) => option(String(r.id), r.name, f.region === r.id),
  )}</select></div>
<div class="field"><label for="mw-qualification">${t("mw.f.qualification")}</label><select id="mw-qualification" name="qualification">${option("", t("mw.any"), f.qualification === null)}${QUALIFICATIONS.map(
    (q) => option(q, t(`mw.qualification.${q}`), f.qualification === q),
  )}</select></div>
<div class="field"><label for="mw-topic">${t("mw.f.topic")}</label><select id="mw-topic" name="topic">${option("", t("mw.any"), f.topic === null)}${TRAINING_TOPICS.map(
    (topic) => option(topic, t(`mw.topic.${topic}`), f.topic === topic),
  )}</select></div>
<div class="field"><label for="mw-deployed">${t("mw.f.deployed")}</label><select id="mw-deployed" name="deployed">${option("", t("mw.any"), f.deployed === null)}${option("yes", t("mw.deployed.yes"), f.deployed === "yes")}${option("no", t("mw.deployed.no"), f.deployed === "no")}</select></div>
<p class="actions"><button class="secondary" type="submit">${t("mw.apply")}</button></p>
</form>`;
}

function countsTable(view: View, data: RegisterPage): Html {
  const { t, lang } = view;
  return html`<section aria-labelledby="mw-counts"><h2 id="mw-counts">${t("mw.countsTitle", { date: formatDate(lang, data.filters.date) })}</h2>
<table class="stack">
<thead><tr><th scope="col">${t("mw.col.region")}</th><th scope="col" class="num">${t("mw.col.count")}</th></tr></thead>
<tbody>${data.counts.map(
    (c) =>
      html`<tr><td data-label="${t("mw.col.region")}"><a href="/programme/midwives?date=${data.filters.date}&amp;region=${c.orgUnitId}">${c.name}</a></td><td data-label="${t("mw.col.count")}" class="num">${formatNumber(lang, c.count)}</td></tr>`,
  )}</tbody></table>
<p><b>${t("mw.total", { count: data.total })}</b></p>
</section>`;
}

// Two narrow columns: a plain table reads on a phone, where twelve stacked cards would not.
function timelineTable(view: View, data: RegisterPage): Html {
  const { t, lang } = view;
  const max = Math.max(1, ...data.timeline.map((p) => p.count));
  return html`<section aria-labelledby="mw-timeline"><h2 id="mw-timeline">${t("mw.timeline")}</h2>
<table>
<thead><tr><th scope="col">${t("mw.col.month")}</th><th scope="col" class="num">${t("mw.col.count")}</th></tr></thead>
<tbody>${data.timeline.map(
    (p) =>
      html`<tr><td data-label="${t("mw.col.month")}">${formatDate(lang, p.date)}<span class="meter w${Math.round((p.count / max) * 10)}"></span></td><td data-label="${t("mw.col.count")}" class="num">${formatNumber(lang, p.count)}</td></tr>`,
  )}</tbody></table>
</section>`;
}

export function registerPageHtml(view: View, data: RegisterPage): Html {
  const { t, lang } = view;
  return page(view, {
    title: t("mw.title"),
    body: html`<p class="crumbs"><a href="/programme">${t("mw.back")}</a></p>
<h1>${t("mw.title")}</h1>
${data.canWrite ? html`<p class="actions"><a class="button primary" href="/programme/midwives/new">${t("mw.add")}</a></p>` : ""}
${filtersForm(view, data)}
${countsTable(view, data)}
${timelineTable(view, data)}
<section aria-labelledby="mw-list"><h2 id="mw-list">${t("mw.listTitle", { count: data.rows.length })}</h2>
${
  data.rows.length === 0
    ? html`<p class="muted">${t("mw.none")}</p>`
    : html`<ul class="list">${data.rows.map(
        (r) =>
          html`<li><b><a href="/programme/midwives/${r.id}">${r.name}</a></b> <span class="muted">${t(`mw.qualification.${r.qualification}`)}</span><br>${
            r.facility && r.since
              ? t("mw.at", { facility: r.facility.name, date: formatDate(lang, r.since) })
              : html`<span class="muted">${t("mw.notDeployed")}</span>`
          }${r.languages.length > 0 ? html`<br><small class="muted">${t("mw.languages", { list: r.languages.join(", ") })}</small>` : ""}${
            r.topics.length > 0
              ? html`<br><small class="muted">${t("mw.trained", { list: r.topics.map((x) => t(`mw.topic.${x}`)).join(", ") })}</small>`
              : ""
          }</li>`,
      )}</ul>`
}
</section>
${data.canWrite ? registerUploadForm(view, data.programmes) : ""}`,
  });
}
