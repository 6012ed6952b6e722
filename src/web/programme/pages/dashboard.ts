// A programme's public dashboard: its key figures at today's date, the midwives per region, the
// map, each indicator by district and year (chart, its years' legend, and the same figures as a
// table), the testimonials and key recommendations when there are some, and its result cards.
import { html, raw } from "hono/html";
import {
  formatDate,
  formatMonth,
  formatNumber,
  formatValue,
} from "../../../domain/shared/format.ts";
import type {
  DashboardIndicator,
  ProgrammeDashboard,
} from "../../../services/programme/dashboard.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

function indicatorSection(view: View, d: DashboardIndicator): Html {
  const { t, lang } = view;
  const n = (v: number | null) =>
    v === null ? "—" : d.unit === "%" ? formatValue(lang, v, "%") : formatNumber(lang, v);
  const first = d.years[0];
  const last = d.years[d.years.length - 1];
  return html`<section class="card">
<h3>${d.name}</h3>
${
  d.districts.length === 0
    ? html`<p class="muted">${t("dash.noValues")}</p>`
    : html`<figure class="chart"><div role="img" aria-label="${d.name}">${raw(d.svg)}</div></figure>
<ul class="legend">${d.legend.map(
        (l) =>
          html`<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="${l.colour}"/></svg> ${l.name}</li>`,
      )}</ul>
<details><summary>${t("dash.table")}</summary><div class="grid-scroll"><table>
<thead><tr><th scope="col">${t("dash.district")}</th>${d.years.map((y) => html`<th scope="col">${y}</th>`)}</tr></thead>
<tbody>${d.districts.map(
        (r) =>
          html`<tr><th scope="row">${r.name}</th>${r.values.map((v) => html`<td>${n(v)}</td>`)}</tr>`,
      )}</tbody></table></div></details>`
}
${first !== undefined && last !== undefined ? html`<p class="muted">${t("dash.indicatorSource", { first, last })}</p>` : ""}
</section>`;
}

/**
 * `origin` is the site's public address (configuration, never the request's Host): a link
 * shared on a network shows the first card, as 1200×630, with its post.
 */
export function dashboardPage(view: View, d: ProgrammeDashboard, origin: string): Html {
  const { t, lang } = view;
  const p = d.programme;
  const base = `/programmes/${encodeURIComponent(d.slug)}`;
  const regionsWith = d.regions.filter((r) => r.midwives > 0).length;
  const body = html`<h1>${p.name}</h1>
${d.synthetic ? html`<p class="notice">${t("hx.synthetic")}</p>` : ""}
<p>${t("prog.lead", { name: p.leadPartner })}<br>${
    p.endDate
      ? t("prog.period", {
          first: formatDate(lang, p.startDate),
          last: formatDate(lang, p.endDate),
        })
      : t("prog.periodOpen", { first: formatDate(lang, p.startDate) })
  }${p.partners.length > 0 ? html`<br>${t("prog.partners", { list: p.partners.join(", ") })}` : ""}${
    p.funders.length > 0 ? html`<br>${t("prog.funders", { list: p.funders.join(", ") })}` : ""
  }</p>
<section aria-labelledby="figures">
<h2 id="figures">${t("dash.figures")}</h2>
<p class="muted">${t("dash.at", { date: formatDate(lang, d.date) })}</p>
<ul class="figures">
<li><b>${formatNumber(lang, d.midwives)}</b> ${t("dash.midwives", { count: d.midwives })}</li>
<li><b>${formatNumber(lang, d.facilities)}</b> ${t("dash.facilities", { count: d.facilities })}</li>
<li><b>${formatNumber(lang, regionsWith)}</b> ${t("dash.regionsCount", { count: regionsWith })}</li>
${d.counts.map(
  (c) =>
    html`<li><b>${formatNumber(lang, c.total)}</b> ${t("dash.numerator", { what: c.label, first: c.first, last: c.last })}</li>`,
)}
</ul>
${d.counts.length > 0 ? html`<p class="muted">${t("dash.countsNote", { count: d.counts[0]?.districts ?? 0 })}</p>` : ""}
</section>
<section aria-labelledby="regions">
<h2 id="regions">${t("dash.byRegion")}</h2>
<div class="grid-scroll"><table>
<thead><tr><th scope="col">${t("dash.region")}</th><th scope="col">${t("dash.midwivesCol")}</th><th scope="col">${t("dash.facilitiesCol")}</th></tr></thead>
<tbody>${d.regions.map(
    (r) =>
      html`<tr><th scope="row">${r.name}</th><td>${formatNumber(lang, r.midwives)}</td><td>${formatNumber(lang, r.facilities)}</td></tr>`,
  )}</tbody></table></div>
<figure class="map"><div>${raw(d.mapSvg)}</div><figcaption class="muted">${t("dash.mapDesc")}</figcaption></figure>
</section>
${
  d.indicators.length > 0
    ? html`<section aria-labelledby="indicators">
<h2 id="indicators">${t("dash.indicators")}</h2>
${d.indicators.map((i) => indicatorSection(view, i))}
</section>`
    : ""
}
${
  d.testimonials.length > 0
    ? html`<section aria-labelledby="testimonials">
<h2 id="testimonials">${t("dash.testimonials")}</h2>
${d.testimonials.map((w) => {
  const when = w.when.length === 7 ? formatMonth(lang, w.when) : formatDate(lang, w.when);
  const who = [t(`tm.role.${w.role}`), w.speaker, w.place, when].filter((x) => x);
  return html`<blockquote class="card quote">${
    w.photo
      ? html`<img class="photo" src="${w.photo.url}" width="${w.photo.width}" height="${w.photo.height}" alt="" loading="lazy">`
      : ""
  }<p>« ${w.words} »</p><footer class="muted">${who.join(" · ")}</footer></blockquote>`;
})}
</section>`
    : ""
}
${
  d.recommendations.length > 0
    ? html`<section aria-labelledby="recommendations">
<h2 id="recommendations">${t("dash.recommendations")}</h2>
<ul class="list">${d.recommendations.map(
        (r) =>
          html`<li>${r.text}<br><span class="muted">${t(`miss.status.${r.status}`)} · ${t("dash.due", { date: formatDate(lang, r.due) })}</span></li>`,
      )}</ul>
</section>`
    : ""
}
${
  d.cards.length > 0
    ? html`<section aria-labelledby="cards">
<h2 id="cards">${t("dash.cards")}</h2>
<ul class="list">${d.cards.map(
        (c) =>
          html`<li>${c.model.sentence}<br><a href="${base}/cards/${c.n}-square.png?lang=${lang}">${t("dash.square")}</a> · <a href="${base}/cards/${c.n}-wide.png?lang=${lang}">${t("dash.wide")}</a></li>`,
      )}</ul>
</section>`
    : ""
}`;
  const first = d.cards[0];
  const head = first
    ? html`<meta property="og:title" content="${p.name}">
<meta property="og:description" content="${first.model.post}">
<meta property="og:image" content="${origin}${base}/cards/${first.n}-wide.png?lang=${lang}">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta property="og:image:alt" content="${first.model.alt}">
<meta name="twitter:card" content="summary_large_image">`
    : undefined;
  return page(view, { title: p.name, body, description: p.name, head, section: "programmes" });
}
