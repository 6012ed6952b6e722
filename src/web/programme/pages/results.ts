// A programme's results where its midwives work: the years as a small GET form, each indicator
// per region and district by year with the change, a chart of one of them (SVG drawn on the
// server, its legend in HTML), the counts per centre and month, and each facility's months
// before its first midwife against as many after, under the plain warning that this is not a
// controlled comparison.
import { html, raw } from "hono/html";
import {
  formatDate,
  formatMonth,
  formatNumber,
  formatValue,
} from "../../../domain/shared/format.ts";
import { SERIES } from "../../../domain/shared/theme.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type {
  FacilityBeforeAfter,
  ResultsIndicator,
  UnitYears,
} from "../../../services/programme/results.ts";
import type { ResultsPage } from "../../../services/programme/results-page.ts";
import { errorSummary, field, fieldMessages, selectField } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

export const RESULTS_FIELD_MESSAGES: Record<string, MessageKey> = {
  "from.invalid": "pr.e.from",
  "to.invalid": "pr.e.to",
  "to.span": "pr.e.span",
  "facility.invalid": "pr.e.facility",
};

const monthLabel = (view: View, m: string) => formatMonth(view.lang, m, "short");
const monthSpan = (view: View, months: readonly string[]) =>
  months.length === 1
    ? monthLabel(view, months[0] ?? "")
    : `${monthLabel(view, months[0] ?? "")} – ${monthLabel(view, months.at(-1) ?? "")}`;

/** A figure with the indicator's decimals, "%" for a percentage. */
function figure(view: View, i: ResultsIndicator, v: number | null): string {
  if (v === null) return "–";
  const rounded = Number(v.toFixed(i.decimals));
  return i.factor === 100 ? formatValue(view.lang, rounded, "%") : formatNumber(view.lang, rounded);
}

function signed(view: View, v: number | null, decimals: number): string {
  if (v === null) return "–";
  // A change that rounds to nothing is 0, not "-0".
  const rounded = Number(v.toFixed(decimals)) || 0;
  return `${rounded > 0 ? "+" : ""}${formatNumber(view.lang, rounded)}`;
}

const count = (view: View, v: number | null) =>
  v === null ? "–" : formatNumber(view.lang, Number(v.toFixed(1)));

function unitCell(view: View, row: UnitYears, note: string | null): Html {
  const small = note === null ? "" : html`<br><small class="muted">${note}</small>`;
  return row.unit.kind === "region"
    ? html`<th scope="row">${view.t("pr.region", { name: row.unit.name })}${small}</th>`
    : html`<td>${row.unit.name}${small}</td>`;
}

function yearsForm(view: View, data: ResultsPage): Html {
  const { t } = view;
  const errors = fieldMessages(view, data.errors, RESULTS_FIELD_MESSAGES);
  const year = (name: "from" | "to") =>
    field({
      name,
      label: t(`pr.f.${name}`),
      value: data.form[name],
      error: errors[name],
      attrs: html` inputmode="numeric" maxlength="4" size="4"`,
    });
  return html`<form class="card" method="get" action="/programme/${data.programme.id}/results" aria-label="${t("pr.form")}">
${errorSummary(view, errors)}
<div class="hx-grid">${year("from")}${year("to")}${
    data.indicators.length > 1
      ? html`<div class="hx-wide">${selectField({
          name: "indicator",
          label: t("pr.f.indicator"),
          value: data.form.indicator,
          options: data.indicators.map((i) => [String(i.id), i.name]),
        })}</div>`
      : ""
  }${
    data.facilities.length > 0
      ? html`<div class="hx-wide">${selectField({
          name: "facility",
          label: t("pr.f.facility"),
          value: data.form.facility,
          options: [
            ["", t("pr.f.noFacility")],
            ...data.facilities.map((f): [string, string] => [String(f.id), f.name]),
          ],
          error: errors.facility,
        })}</div>`
      : ""
  }</div>
${view.lang === "en" ? html`<input type="hidden" name="lang" value="en">` : ""}
<p class="actions"><button type="submit" class="secondary">${t("pr.show")}</button></p>
</form>`;
}

function chart(view: View, data: ResultsPage, svg: string | null): Html {
  const { t } = view;
  if (!data.chart) return html``;
  if (svg === null) return html`<p class="muted">${t("pr.chart.unavailable")}</p>`;
  const m = data.chart.model;
  const legend =
    m.kind === "line" && m.series.length > 1
      ? html`<ul class="legend">${m.series.map(
          (s, i) =>
            html`<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="${SERIES[i % SERIES.length]}"/></svg> ${s.name}</li>`,
        )}</ul>`
      : "";
  return html`<figure class="chart"><div role="img" aria-label="${t("pr.chart", { name: data.chart.indicator.name })}">${raw(svg)}</div>${legend}${
    data.chart.capped !== null
      ? html`<figcaption class="muted">${t("pr.chart.capped", { count: data.chart.capped })}</figcaption>`
      : ""
  }</figure>`;
}

function yearsTable(
  view: View,
  years: readonly number[],
  indicator: ResultsIndicator,
  rows: readonly (UnitYears & { centres?: number })[],
  o: { values: (v: number | null) => string; decimals: number; centres: boolean },
): Html {
  const { t } = view;
  const change = years.length > 1;
  // A unit without a single value would be a row of dashes: named once below the table.
  const shown = rows.filter((r) => r.values.some((v) => v !== null));
  const empty = rows.filter((r) => !shown.includes(r));
  const name = (r: UnitYears) =>
    r.unit.kind === "region" ? t("pr.region", { name: r.unit.name }) : r.unit.name;
  return html`${
    shown.length === 0
      ? html`<p class="muted">${t("pr.noValues")}</p>`
      : html`<table class="hx-table">
<thead><tr><th scope="col">${t("pr.col.unit")}</th>${years.map(
          (y) => html`<th scope="col" class="num">${y}</th>`,
        )}${change ? html`<th scope="col" class="num">${t("pr.col.change")}</th>` : ""}</tr></thead>
<tbody>${shown.map(
          (r) =>
            html`<tr>${unitCell(view, r, o.centres ? t("pr.centres", { count: r.centres ?? 0 }) : null)}${r.values.map(
              (v) => html`<td class="num">${o.values(v)}</td>`,
            )}${change ? html`<td class="num">${signed(view, r.change, o.decimals)}</td>` : ""}</tr>`,
        )}</tbody></table>`
  }${
    change && shown.length > 0
      ? html`<p class="muted"><small>${t("pr.changeHint", {
          unit: indicator.factor === 100 && !o.centres ? t("pr.points") : t("pr.units"),
        })}</small></p>`
      : ""
  }${
    empty.length > 0 && shown.length > 0
      ? html`<p class="muted"><small>${t("pr.withoutValues", { list: empty.map(name).join(", ") })}</small></p>`
      : ""
  }`;
}

function facility(view: View, f: FacilityBeforeAfter): Html {
  const { t, lang } = view;
  const since = f.end
    ? t("pr.sinceUntil", { first: formatDate(lang, f.start), last: formatDate(lang, f.end) })
    : t("pr.since", { date: formatDate(lang, f.start) });
  const head = html`<h3>${f.name}${f.parentName ? html` <span class="muted">(${f.parentName})</span>` : ""}</h3><p>${since}</p>`;
  if (!f.ok)
    return html`<div class="card">${head}<p class="muted">${t(`pr.reason.${f.reason}`)}</p></div>`;
  return html`<div class="card">${head}
<p>${t("pr.window", { count: f.window, before: monthSpan(view, f.before), after: monthSpan(view, f.after) })}<br><small class="muted">${t(f.seasonal ? "pr.seasonal" : "pr.notSeasonal")}</small>${
    f.missing.length > 0
      ? html`<br><small class="muted">${t("pr.missing", { list: f.missing.map((m) => monthLabel(view, m)).join(", ") })}</small>`
      : ""
  }</p>
<table class="hx-table">
<thead><tr><th scope="col">${t("pr.col.indicator")}</th><th scope="col" class="num">${t("pr.col.before")}</th><th scope="col" class="num">${t("pr.col.after")}</th></tr></thead>
<tbody>${f.indicators.map(
    (i) =>
      html`<tr><td>${i.indicator.name}<br><small class="muted">${i.indicator.count}</small></td><td class="num">${figure(view, i.indicator, i.before.value)}<br><small>${t("pr.perMonth", { value: count(view, i.before.perMonth) })}</small></td><td class="num">${figure(view, i.indicator, i.after.value)}<br><small>${t("pr.perMonth", { value: count(view, i.after.perMonth) })}</small></td></tr>`,
  )}</tbody></table></div>`;
}

/** The page's address with the same choices and another facility. */
function facilityHref(view: View, data: ResultsPage, facilityId: number): string {
  const q = new URLSearchParams({
    from: data.form.from,
    to: data.form.to,
    ...(data.form.indicator ? { indicator: data.form.indicator } : {}),
    facility: String(facilityId),
    ...(view.lang === "en" ? { lang: "en" } : {}),
  });
  return `/programme/${data.programme.id}/results?${q}#pr-facilities`;
}

export function resultsPageHtml(view: View, data: ResultsPage, svg: string | null): Html {
  const { t } = view;
  const c = data.comparison;
  const first = data.years[0];
  const last = data.years.at(-1);
  return page(view, {
    title: t("pr.title", { name: data.programme.name }),
    body: html`<p class="crumbs"><a href="/programme/${data.programme.id}">${t("pr.back")}</a></p>
<h1>${t("pr.title", { name: data.programme.name })}</h1>
${data.synthetic ? html`<p class="notice">${t("hx.synthetic")}</p>` : ""}
<p>${t("pr.intro")}</p>
${yearsForm(view, data)}
${
  c && c.indicators.length === 0
    ? html`<p class="muted">${t("pr.noIndicators")}</p>`
    : c?.indicators.every((i) => i.rows.length === 0)
      ? html`<p class="muted">${t("pr.noRegions")}</p>`
      : c && first !== undefined && last !== undefined
        ? html`<section aria-labelledby="pr-districts"><h2 id="pr-districts">${t("pr.districts", { first, last })}</h2>
${chart(view, data, svg)}
${c.indicators.map(
  (i) =>
    html`<h3>${i.indicator.name}</h3>${yearsTable(view, data.years, i.indicator, i.rows, {
      values: (v) => figure(view, i.indicator, v),
      decimals: i.indicator.decimals,
      centres: false,
    })}`,
)}</section>
<section aria-labelledby="pr-averages"><h2 id="pr-averages">${t("pr.averages")}</h2>
<p class="muted">${t("pr.averagesIntro")}</p>
${(data.averages?.indicators ?? []).map(
  (i) =>
    html`<h3>${i.indicator.count}</h3>${yearsTable(view, data.years, i.indicator, i.rows, {
      values: (v) => count(view, v),
      decimals: 1,
      centres: true,
    })}`,
)}</section>`
        : ""
}
${
  c
    ? html`<section aria-labelledby="pr-facilities"><h2 id="pr-facilities">${t("pr.facilities")}</h2>
<p class="alert" role="note">${t("pr.caveat")}</p>
<p>${t("pr.facilitiesIntro")}</p>
${
  data.facilities.length === 0
    ? html`<p class="muted">${t("pr.noFacilities")}</p>`
    : html`${data.facility ? facility(view, data.facility) : html`<p class="muted">${t("pr.chooseFacility")}</p>`}
<ul class="list">${data.facilities.map(
        (f) =>
          html`<li><a href="${facilityHref(view, data, f.id)}"${String(f.id) === data.form.facility ? html` aria-current="true"` : ""}>${f.name}</a>${f.parentName ? html` <span class="muted">(${f.parentName})</span>` : ""}<br><small>${t("pr.since", { date: formatDate(view.lang, f.start) })}</small></li>`,
      )}</ul>`
}</section>`
    : ""
}`,
  });
}
