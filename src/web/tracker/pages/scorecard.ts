// The home page: every commitment of a published cycle with its goals and indicator marks.
import { html } from "hono/html";
import type { Scorecard } from "../../../services/tracker/scorecard.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";
import {
  colon,
  goalLine,
  joinHtml,
  outcomeLine,
  statusCounts,
  statusMark,
  verdictMark,
} from "../components.ts";

export function scorecardPage(view: View, s: Scorecard): Html {
  const { t } = view;
  const { tracker, cycle, publishedCycles } = s.context;
  const cycleBase = `/cycles/${encodeURIComponent(cycle.slug)}`;
  const others = publishedCycles.filter((c) => c.id !== cycle.id);
  const body = html`
<h1>${tracker.name}</h1>
<p class="muted">${t("scorecard.cycle", { cycle: cycle.label })}</p>
${
  others.length > 0
    ? html`<p>${t("scorecard.otherCycles")} ${others.map(
        (c, i) =>
          html`${i > 0 ? ", " : ""}<a href="/cycles/${encodeURIComponent(c.slug)}">${c.label}</a>`,
      )}</p>`
    : ""
}
<section aria-labelledby="counts">
<h2 id="counts">${t("scorecard.statusCounts")}</h2>
${statusCounts(view, s.counts)}
<p><b>${t("scorecard.onTrack", { count: s.summary.onTrackOrBetter, total: s.summary.total })}</b></p>
</section>
${changesSection(view, s)}
<div class="grid two">
${s.commitments.map(
  (c) => html`<section class="card" aria-labelledby="c${c.number}">
<h2 id="c${c.number}"><a href="${cycleBase}/commitments/${c.number}">${t("scorecard.commitment", { number: c.number })}</a></h2>
<p>${c.title}</p>
<p>${verdictMark(view, c.verdict)}</p>
${c.goals.map((g) => goalLine(view, g))}
${c.outcomes.filter((o) => o.series !== null).map((o) => outcomeLine(view, o))}
${
  c.indicators.length === 0
    ? html`<p class="muted">${t("scorecard.noIndicators")}</p>`
    : html`<ul class="marks" aria-label="${t("scorecard.indicators")}">${c.indicators.map(
        (i) =>
          html`<li><span><b>${i.number}</b> ${i.title}</span>${statusMark(view, i.status)}</li>`,
      )}</ul>`
}
<p><a href="${cycleBase}/commitments/${c.number}">${t("scorecard.details", { number: c.number })} →</a></p>
</section>`,
)}
</div>`;
  return page(view, {
    title: `${tracker.name} – ${cycle.label}`,
    body,
    section: "scorecard",
    cycleSlug: cycle.slug,
    organisation: tracker.organisation,
  });
}

/** "Changes since 2022": the indicators whose status moved since the previous published cycle. */
function changesSection(view: View, s: Scorecard): Html {
  const { t } = view;
  const cmp = s.comparison;
  if (!cmp) return html``;
  const period = cmp.since.name;
  const base = `/cycles/${encodeURIComponent(s.context.cycle.slug)}/commitments`;
  return html`<section aria-labelledby="changes">
<h2 id="changes">${t("compare.title", { period })}</h2>
${
  cmp.changes.length === 0
    ? html`<p class="muted">${t("compare.none", { period })}</p>`
    : html`<ul class="changes">${cmp.changes.map(
        (c) =>
          html`<li><span><a href="${base}/${c.commitment}#i-${c.code}"><b>${c.number}</b></a>${colon(view)}</span> ${statusMark(view, c.from)} <span>→ ${statusMark(view, c.to)}</span></li>`,
      )}</ul>`
}
${
  cmp.pending.length === 0
    ? ""
    : html`<p class="muted">${t("compare.pending")} ${joinHtml(
        cmp.pending.map(
          (p) =>
            html`<a href="${base}/${p.commitment}#i-${p.code}">${p.number}</a> (${t("compare.was", { status: t(`status.${p.was}`), period })})`,
        ),
      )}</p>`
}
</section>`;
}
