// A commitment of a published cycle: each indicator with its status, narrative, building
// blocks and the table of partner contributions.
import { html } from "hono/html";
import { formatNumber } from "../../../i18n/index.ts";
import type { CommitmentPage, IndicatorDetail } from "../../../services/tracker/scorecard.ts";
import { page } from "../../shared/layout.ts";
import { pager } from "../../shared/pager.ts";
import type { Html, View } from "../../shared/view.ts";
import {
  goalLine,
  joinHtml,
  outcomeBlock,
  outputsList,
  partnerLink,
  statusMark,
  verdictMark,
} from "../components.ts";

export function commitmentPage(view: View, p: CommitmentPage): Html {
  const { t } = view;
  const { tracker, cycle } = p.context;
  const base = `/cycles/${encodeURIComponent(cycle.slug)}`;
  const c = p.commitment;
  const body = html`
<p class="crumbs"><a href="${base}">${t("nav.scorecard")} · ${cycle.label}</a></p>
<h1>${t("commitment.title", { number: c.number })}</h1>
<p>${c.title}</p>
<p>${t("commitment.verdict")} ${verdictMark(view, c.verdict)}</p>
${c.outcomes.some((o) => o.series !== null) ? outcomeBlock(view, c.outcomes, c.verdict) : c.goals.map((g) => goalLine(view, g))}
${p.indicators.map(
  (i) => html`<section class="card" id="i-${i.code}" aria-labelledby="h-${i.code}">
<h2 id="h-${i.code}">${i.number} ${i.title} <span class="muted">(${t("commitment.indicatorCode", { code: i.code })})</span></h2>
<p>${statusMark(view, i.status)}</p>
${changeLine(view, p, i.id)}
<ul class="tags" aria-label="${t("commitment.blocks")}">${i.buildingBlocks.map((b) => html`<li>${t(`block.${b}`)}</li>`)}</ul>
<h3>${t("commitment.progress")}</h3>
${i.narrative ? html`<p class="narrative pre">${i.narrative}</p>` : html`<p class="muted">${t("commitment.noNarrative")}</p>`}
<h3>${t("commitment.contributions", { count: formatNumber(view.lang, i.contributionCount) })}</h3>
${contributionsPlace(view, p, i)}
${
  i.contributions.length === 0
    ? i.contributionCount === 0
      ? html`<p class="muted">${t("commitment.noContributions")}</p>`
      : ""
    : html`<table class="stack">
<thead><tr><th scope="col">${t("table.number")}</th><th scope="col">${t("table.partner")}</th><th scope="col">${t("table.activities")}</th><th scope="col">${t("table.outputs")}</th><th scope="col">${t("table.collaborators")}</th><th scope="col">${t("table.difficulties")}</th></tr></thead>
<tbody>${i.contributions.map(
        (r, n) => html`<tr>
<td class="n" data-label="${t("table.number")}">${i.firstShown + n}</td>
<td data-label="${t("table.partner")}"><b>${partnerLink(r.partner)}</b>${r.contributes === "yes" ? "" : html`<br><span class="muted">${t(`contributes.${r.contributes}`)}</span>`}<br><small class="muted">${t(`method.${r.method}`)}</small></td>
<td data-label="${t("table.activities")}" class="pre">${r.activities ?? ""}</td>
<td data-label="${t("table.outputs")}">${outputsList(view, r.outputs)}</td>
<td data-label="${t("table.collaborators")}">${joinHtml(r.collaborators.map(partnerLink))}${r.collaborators.length > 0 && r.collaboratorsText ? ", " : ""}${r.collaboratorsText ?? ""}</td>
<td data-label="${t("table.difficulties")}" class="pre">${r.difficulties ?? ""}</td>
</tr>`,
      )}</tbody></table>`
}
${
  i.contributions.length > 0 && i.lastPage > p.pages.current
    ? html`<p class="note"><a href="${pageHref(base, c.number, p.pages.current + 1)}#i-${i.code}">${t("commitment.continued", { page: p.pages.current + 1 })}</a></p>`
    : ""
}
</section>`,
)}
${pager(view, p.pages, (n) => pageHref(base, c.number, n))}
<nav class="pager">
${p.previous !== null ? html`<a href="${base}/commitments/${p.previous}" rel="prev" aria-label="${t("commitment.previous")}">← ${t("scorecard.commitment", { number: p.previous })}</a>` : html`<span></span>`}
${p.next !== null ? html`<a href="${base}/commitments/${p.next}" rel="next" aria-label="${t("commitment.next")}">${t("scorecard.commitment", { number: p.next })} →</a>` : ""}
</nav>`;
  const title = `${t("commitment.title", { number: c.number })} – ${cycle.label}`;
  return page(view, {
    title:
      p.pages.count > 1
        ? `${title} – ${t("pager.position", { page: p.pages.current, count: p.pages.count })}`
        : title,
    body,
    section: "scorecard",
    cycleSlug: cycle.slug,
    organisation: tracker.organisation,
    description: c.title,
  });
}

// The first page keeps the address it always had.
const pageHref = (base: string, number: number, n: number) =>
  `${base}/commitments/${number}${n > 1 ? `?page=${n}` : ""}`;

/** Which of the indicator's contributions this page shows, or the page where they are. */
function contributionsPlace(view: View, p: CommitmentPage, i: IndicatorDetail): Html {
  const { t, lang } = view;
  if (i.contributionCount === 0 || i.contributions.length === i.contributionCount) return html``;
  if (i.contributions.length > 0)
    return html`<p class="muted">${t("commitment.shown", {
      from: formatNumber(lang, i.firstShown),
      to: formatNumber(lang, i.firstShown + i.contributions.length - 1),
      count: formatNumber(lang, i.contributionCount),
    })}</p>`;
  const base = `/cycles/${encodeURIComponent(p.context.cycle.slug)}`;
  const target = i.firstPage > p.pages.current ? i.firstPage : i.lastPage;
  return html`<p class="note"><a href="${pageHref(base, p.commitment.number, target)}#i-${i.code}">${t("commitment.elsewhere", { page: target })}</a></p>`;
}

/** The indicator's status in the previous published cycle, when it was different. */
function changeLine(view: View, p: CommitmentPage, indicatorId: number): Html {
  const change = p.comparison?.changes.find((c) => c.indicatorId === indicatorId);
  const pending = p.comparison?.pending.find((c) => c.indicatorId === indicatorId);
  if (p.comparison && pending)
    return html`<p class="change muted">${view.t("compare.pendingOne", { status: view.t(`status.${pending.was}`), period: p.comparison.since.name })}</p>`;
  if (!p.comparison || !change) return html``;
  return html`<p class="change">${view.t("compare.since", { period: p.comparison.since.name })} ${statusMark(view, change.from)} <span>→ ${statusMark(view, change.to)}</span></p>`;
}
