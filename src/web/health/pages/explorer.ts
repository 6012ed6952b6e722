// The indicator explorer: a plain GET form (shareable URL, no script), then the chart (inline
// SVG drawn on the server, its legend in HTML so that it wraps on a phone), the unit × period
// table with numerator and denominator, and links to the same table as CSV and XLSX and to the
// same question asked of /api/analytics.
import { html, raw } from "hono/html";
import { EXPLORER_PERIOD_TYPES } from "../../../domain/health/explorer.ts";
import { formatNumber } from "../../../domain/shared/format.ts";
import { SERIES } from "../../../domain/shared/theme.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type {
  ExplorerError,
  ExplorerField,
  ExplorerPage,
  ExplorerResult,
} from "../../../services/health/explorer.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

export const EXPLORER_PATH = "/health/explorer";

const ERROR_KEYS: Record<ExplorerError["reason"], MessageKey> = {
  month: "hx.error.month",
  order: "hx.error.order",
  unit: "hx.error.unit",
  level: "hx.error.level",
  tooMany: "hx.error.tooMany",
  tooManyRows: "hx.error.tooManyRows",
};

function errorText(view: View, e: ExplorerError): string {
  const params: Record<string, string> =
    e.reason === "tooMany"
      ? { max: formatNumber(view.lang, e.max) }
      : e.reason === "tooManyRows"
        ? { count: formatNumber(view.lang, e.count), max: formatNumber(view.lang, e.max) }
        : {};
  return view.t(ERROR_KEYS[e.reason], params);
}

/** The form's fields as a query string: the downloads and the language switch keep the choice. */
export function explorerSearch(form: ExplorerPage["form"]): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) if (v !== "") params.set(k, v);
  return params.toString();
}

function control(
  view: View,
  name: ExplorerField | "pt",
  label: string,
  input: Html,
  data: ExplorerPage,
  hint?: string,
): Html {
  const error = name === "pt" ? undefined : data.errors[name];
  const wide = name !== "from" && name !== "to";
  return html`<div class="field${wide ? " hx-wide" : ""}"><label for="hx-${name}">${label}</label>${
    hint ? html`<small class="muted" id="hx-${name}-h">${hint}</small>` : ""
  }${input}${error ? html`<p class="error" id="hx-${name}-e">${errorText(view, error)}</p>` : ""}</div>`;
}

const invalid = (data: ExplorerPage, name: ExplorerField) =>
  data.errors[name] ? raw(` aria-invalid="true" aria-describedby="hx-${name}-e"`) : "";
const selected = (yes: boolean) => (yes ? raw(" selected") : "");

function form(view: View, data: ExplorerPage): Html {
  const { t } = view;
  const f = data.form;
  const option = (key: string, name: string) =>
    html`<option value="${key}"${selected(key === f.dx)}>${name}</option>`;
  const dx = html`<select id="hx-dx" name="dx"${invalid(data, "dx")}><option value="">${t("hx.dx.choose")}</option>${
    data.elements.length > 0
      ? html`<optgroup label="${t("hx.dx.indicators")}">${data.indicators.map((i) => option(i.key, i.name))}</optgroup><optgroup label="${t("hx.dx.elements")}">${data.elements.map((e) => option(e.key, e.name))}</optgroup>`
      : data.indicators.map((i) => option(i.key, i.name))
  }</select>`;
  // Indented by depth with no-break spaces: a select shows no other structure without script.
  const ou = html`<select id="hx-ou" name="ou"${invalid(data, "ou")}>${data.units.map(
    (u) =>
      html`<option value="${u.key}"${selected(u.key === f.ou)}>${"\u00a0\u00a0".repeat(u.depth)}${u.name}</option>`,
  )}</select>`;
  const level = html`<select id="hx-level" name="level"${invalid(data, "level")}><option value="">${t("hx.level.self")}</option>${data.levels.map(
    (l) =>
      html`<option value="${l.level}"${selected(String(l.level) === f.level)}>${t("hx.level.each", { name: l.name })}</option>`,
  )}</select>`;
  const pt = html`<select id="hx-pt" name="pt">${EXPLORER_PERIOD_TYPES.map(
    (p) => html`<option value="${p}"${selected(p === f.pt)}>${t(`hx.pt.${p}`)}</option>`,
  )}</select>`;
  // type=month gives a month picker where the browser has one, else a text field: the pattern
  // and the hint say what to type there.
  const month = (name: "from" | "to") => {
    // One aria-describedby naming the hint and, when there is one, the error.
    const described = data.errors[name] ? `hx-${name}-h hx-${name}-e` : `hx-${name}-h`;
    const flagged = data.errors[name] ? raw(' aria-invalid="true"') : "";
    return html`<input id="hx-${name}" type="month" name="${name}" value="${f[name]}" pattern="[0-9]{4}-[0-9]{2}" placeholder="2022-01" aria-describedby="${described}"${flagged}>`;
  };
  return html`<form method="get" action="${EXPLORER_PATH}" class="hx-form" novalidate>
${Object.keys(data.errors).length > 0 ? html`<p class="alert" role="alert">${t("form.errors")}</p>` : ""}
<div class="hx-grid">
${control(view, "dx", t("hx.dx"), dx, data)}
${control(view, "ou", t("hx.ou"), ou, data)}
${control(view, "level", t("hx.level"), level, data)}
${control(view, "pt", t("hx.pt"), pt, data)}
${control(view, "from", t("hx.from"), month("from"), data, t("hx.monthHint"))}
${control(view, "to", t("hx.to"), month("to"), data, t("hx.monthHint"))}
</div>
${view.lang === "en" ? html`<input type="hidden" name="lang" value="en">` : ""}
<p><button type="submit" class="primary">${t("hx.show")}</button></p>
</form>`;
}

function chart(view: View, result: ExplorerResult, svg: string | null): Html {
  const { t } = view;
  if (!result.chart) return html``;
  if (svg === null) return html`<p class="muted">${t("hx.chart.unavailable")}</p>`;
  const legend =
    result.chart.kind === "line" && result.chart.series.length > 1
      ? html`<ul class="legend">${result.chart.series.map(
          (s, i) =>
            html`<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="${SERIES[i % SERIES.length]}"/></svg> ${s.name}</li>`,
        )}</ul>`
      : "";
  return html`<figure class="chart"><div role="img" aria-label="${t("hx.chart", { name: result.name })}">${raw(svg)}</div>${legend}${
    result.chartCapped !== null
      ? html`<figcaption class="muted">${t("hx.chart.capped", { count: result.chartCapped })}</figcaption>`
      : ""
  }</figure>`;
}

function table(view: View, result: ExplorerResult): Html {
  const { lang } = view;
  const s = result.sheet;
  const n = (v: number | null, decimals: number) =>
    v === null ? "—" : formatNumber(lang, Number(v.toFixed(decimals)));
  return html`<div class="grid-scroll"><table class="hx-table">
<caption>${s.title}</caption>
<thead><tr><th scope="col">${s.headers.unit}</th><th scope="col">${s.headers.period}</th><th scope="col" class="num">${s.headers.value}</th>${
    s.withNumDen
      ? // Short headers with the full word as their title: five columns fit a 360 px phone.
        html`<th scope="col" class="num"><abbr title="${s.headers.numerator}">${view.t("hx.col.numeratorShort")}</abbr></th><th scope="col" class="num"><abbr title="${s.headers.denominator}">${view.t("hx.col.denominatorShort")}</abbr></th>`
      : ""
  }</tr></thead>
<tbody>${s.rows.map(
    (r) =>
      html`<tr><td>${r.unit}</td><td>${r.period}</td><td class="num">${n(r.value, s.decimals)}</td>${
        s.withNumDen
          ? html`<td class="num">${n(r.numerator, 2)}</td><td class="num">${n(r.denominator, 2)}</td>`
          : ""
      }</tr>`,
  )}</tbody></table></div>`;
}

export function explorerPage(view: View, data: ExplorerPage, svg: string | null): Html {
  const { t } = view;
  const nothing = data.indicators.length === 0 && data.elements.length === 0;
  const result = data.result;
  // The downloads name their language: it decides the CSV's separator and decimal mark.
  const search = `${explorerSearch(data.form)}&lang=${view.lang}`;
  const body = html`<h1>${t("hx.title")}</h1>
<p>${t("hx.intro")}</p>
${data.mayReadAll ? "" : html`<p class="muted">${t("hx.publicOnly")}</p>`}
${data.synthetic ? html`<p class="notice">${t("hx.synthetic")}</p>` : ""}
${
  nothing
    ? html`<p class="notice">${t(data.mayReadAll ? "hx.empty.none" : "hx.empty.nonePublic")}</p>`
    : html`${form(view, data)}
${
  result === null
    ? data.form.dx === ""
      ? html`<p class="notice">${t("hx.empty.choose")}</p>`
      : ""
    : html`<section aria-labelledby="hx-result"><h2 id="hx-result">${result.name}</h2>
<p class="muted">${result.sheet.subtitle}</p>
${
  result.hasData
    ? html`${chart(view, result, svg)}
${table(view, result)}
<p>${t("hx.download")} <a href="${EXPLORER_PATH}.csv?${search}" download>${t("hx.download.csv")}</a> · <a href="${EXPLORER_PATH}.xlsx?${search}" download>${t("hx.download.xlsx")}</a></p>
<p class="muted">${t("hx.api")} <a href="/api/analytics?${result.apiSearch}">${t("hx.api.link")}</a></p>`
    : html`<p class="notice">${t("hx.empty.noData")}</p>`
}
</section>`
}`
}`;
  return page(view, { title: t("hx.title"), body, section: "health" });
}
