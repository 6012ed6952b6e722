// A published cycle's synthesis: contributors per building block, statuses, recap table,
// difficulties, recommendations and the validation meeting; and a block's every contributor.
import { html } from "hono/html";
import type { BuildingBlock } from "../../../domain/tracker/building-block.ts";
import { REPORT_FORMATS } from "../../../domain/tracker/report-text.ts";
import { STATUSES } from "../../../domain/tracker/status.ts";
import { percent } from "../../../domain/tracker/synthesis.ts";
import { formatDate, formatNumber, formatValue } from "../../../i18n/index.ts";
import type { BlockPage, Synthesis } from "../../../services/tracker/synthesis.ts";
import { page } from "../../shared/layout.ts";
import { pager } from "../../shared/pager.ts";
import type { Html, View } from "../../shared/view.ts";
import { joinHtml, partnerLink, statusMark } from "../components.ts";

// The first page keeps the address without a number.
const blockHref = (cycle: string, block: BuildingBlock, n: number) =>
  `/cycles/${encodeURIComponent(cycle)}/synthesis/blocks/${block}${n > 1 ? `?page=${n}` : ""}`;

export function synthesisPage(view: View, s: Synthesis): Html {
  const { t, lang } = view;
  const { tracker, cycle, indicators } = s.context;
  const base = `/cycles/${encodeURIComponent(cycle.slug)}`;
  const totalIndicators = indicators.length;
  const maxBlock = Math.max(1, ...s.blocks.map((b) => b.partnerCount));
  const body = html`
<p class="crumbs"><a href="${base}">${t("nav.scorecard")} · ${cycle.label}</a></p>
<h1>${t("synthesis.title", { cycle: cycle.label })}</h1>
<section aria-labelledby="kf">
<h2 id="kf">${t("synthesis.keyFigures")}</h2>
<ul class="counts">
<li><b>${formatNumber(lang, s.contributors.length)}</b> ${t("synthesis.contributors")}</li>
<li><b>${formatNumber(lang, totalIndicators)}</b> ${t("synthesis.indicators")}</li>
<li><b>${formatNumber(lang, s.summary.total)}</b> ${t("synthesis.commitments")}</li>
</ul>
<p><b>${t("scorecard.onTrack", { count: s.summary.onTrackOrBetter, total: s.summary.total })}</b></p>
</section>

<section aria-labelledby="dl">
<h2 id="dl">${t("synthesis.report")}</h2>
<p>${t("synthesis.reportIntro")}</p>
<ul class="downloads">${REPORT_FORMATS.map(
    (f) =>
      html`<li><a href="${base}/report.${f}?lang=${lang}"${f === "html" ? "" : html` download`}>${t(`report.${f}`)}</a></li>`,
  )}</ul>
</section>

<section aria-labelledby="bb">
<h2 id="bb">${t("synthesis.byBlock")}</h2>
<table class="stack">
<thead><tr><th scope="col">${t("table.block")}</th><th scope="col" class="num">${t("table.count")}</th><th scope="col">${t("table.organisations")}</th></tr></thead>
<tbody>${s.blocks.map(
    (b) => html`<tr id="b-${b.block}">
<td data-label="${t("table.block")}"><b>${t(`block.${b.block}`)}</b><span class="meter w${Math.round((b.partnerCount / maxBlock) * 10)}"></span></td>
<td data-label="${t("table.count")}" class="num">${formatNumber(lang, b.partnerCount)}</td>
<td data-label="${t("table.organisations")}">${joinHtml(b.partners.map(partnerLink))}${
      // A long list names its first partners and links to every one, a page at a time.
      b.partnerCount > b.partners.length
        ? html` <a href="${blockHref(cycle.slug, b.block, 1)}">${t("synthesis.blockAll", { count: formatNumber(lang, b.partnerCount) })}</a>`
        : ""
    }</td>
</tr>`,
  )}</tbody></table>
<p class="muted">${t("synthesis.byBlockNote")}</p>
</section>

<section aria-labelledby="st">
<h2 id="st">${t("synthesis.byStatus")}</h2>
<table>
<thead><tr><th scope="col">${t("table.status")}</th><th scope="col" class="num">${t("table.count")}</th><th scope="col" class="num">${t("table.share")}</th></tr></thead>
<tbody>${STATUSES.map(
    (st) =>
      html`<tr><td>${statusMark(view, st)}</td><td class="num">${formatNumber(lang, s.counts[st])}</td><td class="num">${formatValue(lang, percent(s.counts[st], totalIndicators), "%")}</td></tr>`,
  )}
<tr><th scope="row">${t("synthesis.total")}</th><td class="num"><b>${formatNumber(lang, totalIndicators)}</b></td><td class="num">${formatValue(lang, 100, "%")}</td></tr></tbody>
</table>
</section>

<section aria-labelledby="rc">
<h2 id="rc">${t("synthesis.recap")}</h2>
<table>
<thead><tr><th scope="col">${t("table.indicator")}</th><th scope="col">${t("table.status")}</th></tr></thead>
${s.recap.map(
  (c) => html`<tbody>
<tr><th scope="rowgroup" colspan="2"><a href="${base}/commitments/${c.number}"><b>${t("scorecard.commitment", { number: c.number })}</b></a> — ${c.title}</th></tr>
${c.indicators.map(
  (i) =>
    html`<tr><td><b>${i.number}</b> ${i.title}</td><td>${statusMark(view, i.status)}</td></tr>`,
)}
</tbody>`,
)}
</table>
</section>

<section aria-labelledby="df">
<h2 id="df">${t("synthesis.difficulties")}</h2>
${s.difficulties.map(
  (g) => html`<h3>${t(`level.${g.level}`)}</h3>
${g.items.length === 0 ? html`<p class="muted">${t("synthesis.noDifficulties")}</p>` : html`<ul>${g.items.map((d) => html`<li>${d.text}</li>`)}</ul>`}`,
)}
</section>

<section aria-labelledby="rec">
<h2 id="rec">${t("synthesis.recommendations")}</h2>
${
  s.recommendations.length === 0
    ? html`<p class="muted">${t("synthesis.noRecommendations")}</p>`
    : html`<ol>${s.recommendations.map((r) => html`<li>${r.text}</li>`)}</ol>`
}
</section>

${
  s.meetings.length > 0
    ? html`<section aria-labelledby="mt">
<h2 id="mt">${t("synthesis.meetings")}</h2>
${s.meetings.map(
  (m) =>
    html`<p>${t("synthesis.meeting", { title: m.title, place: m.place, date: formatDate(lang, m.heldOn), count: m.participants.length })}</p>`,
)}
</section>`
    : ""
}`;
  return page(view, {
    title: t("synthesis.title", { cycle: cycle.label }),
    body,
    section: "synthesis",
    cycleSlug: cycle.slug,
    organisation: tracker.organisation,
  });
}

/** Every partner that contributed to one building block, a page at a time. */
export function blockPage(view: View, b: BlockPage): Html {
  const { t, lang } = view;
  const { tracker, cycle } = b.context;
  const c = b.contributors;
  const synthesis = `/cycles/${encodeURIComponent(cycle.slug)}/synthesis`;
  const heading = t("synthesis.blockTitle", { block: t(`block.${c.block}`) });
  const body = html`
<p class="crumbs"><a href="${synthesis}">${t("synthesis.title", { cycle: cycle.label })}</a></p>
<h1>${heading}</h1>
<p>${t("synthesis.blockIntro", { count: formatNumber(lang, c.partnerCount), indicators: formatNumber(lang, c.indicatorCount) })}</p>
${
  b.pages.count > 1
    ? html`<p class="muted">${t("synthesis.blockShown", {
        from: formatNumber(lang, b.firstShown),
        to: formatNumber(lang, b.firstShown + c.partners.length - 1),
        count: formatNumber(lang, c.partnerCount),
      })}</p>`
    : ""
}
${
  c.partners.length === 0
    ? html`<p class="muted">${t("synthesis.blockNone")}</p>`
    : html`<ul class="marks">${c.partners.map((p) => html`<li>${partnerLink(p)}</li>`)}</ul>`
}
${pager(view, b.pages, (n) => blockHref(cycle.slug, c.block, n))}`;
  const title = `${heading} – ${cycle.label}`;
  return page(view, {
    title:
      b.pages.count > 1
        ? `${title} – ${t("pager.position", { page: b.pages.current, count: b.pages.count })}`
        : title,
    body,
    section: "synthesis",
    cycleSlug: cycle.slug,
    organisation: tracker.organisation,
  });
}
